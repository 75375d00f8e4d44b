"""Tell the other side of a deal that something happened, with a link (in-app + e-mail through
reporting.notifications.notify). The notice never carries the sender's e-mail address: the
conversation stays on the platform."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User

from .models import Deal

SUBJECTS = {
    "interest": gettext_lazy("Có người quan tâm đến “%(title)s”"),
    "message": gettext_lazy("Tin nhắn mới về “%(title)s”"),
    "stage": gettext_lazy("Giao dịch “%(title)s” chuyển sang giai đoạn mới"),
    "document": gettext_lazy("Tài liệu mới trong giao dịch “%(title)s”"),
}


def party_users(deal: Deal) -> list[User]:
    listing = deal.listing
    users = User.objects.filter(is_active=True)
    if listing.organisation_id is None:
        owners = users.filter(pk=listing.created_by_id)
    else:
        owners = users.filter(exchange_memberships__organisation_id=listing.organisation_id)
    initiators = users.filter(pk=deal.initiator_id)
    if deal.initiator_organisation_id:
        initiators = initiators | users.filter(exchange_memberships__organisation_id=deal.initiator_organisation_id)
    return list((owners | initiators).distinct())


def deal_changed(*, deal_id: int, actor_id: int, what: str) -> int:
    from reporting.notifications import notify

    deal = Deal.objects.select_related("listing").filter(pk=deal_id).first()
    if deal is None:
        return 0
    latest = deal.messages.order_by("-pk").values_list("pk", flat=True).first()
    others = [user for user in party_users(deal) if user.pk != actor_id]
    title = deal.listing.title[:150]
    created = notify(
        users=others,
        key=f"deal:{deal.pk}:{what}:{deal.stage}:{latest}:{deal.documents.count()}",
        subject=str(SUBJECTS[what]) % {"title": title},
        body=_("Giai đoạn: %(stage)s. Mở trang giao dịch trên sàn để xem và trả lời.")
        % {"stage": deal.get_stage_display()},
        url=deal.get_absolute_url(),
    )
    return len(created)
