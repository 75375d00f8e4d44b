"""Writes of Techmart: booking and cancelling B2B meetings.

A booking locks the exhibitor's row and the buyer's row (SELECT ... FOR UPDATE), so two
bookings of the same slot, or of the same buyer's time, run one after the other: the second
sees the first and is refused. The partial unique constraints are the last line: if a write
slips past the check (or comes from elsewhere), the database refuses it, and the service
turns that into the same message.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from exchange.permissions import is_moderator, member_organisation_ids

from .models import Event, Exhibitor, Meeting

TOPIC_MAX = 300


def is_exhibitor_member(user, exhibitor: Exhibitor) -> bool:
    return exhibitor.organisation_id in member_organisation_ids(user)


def _taken_message() -> str:
    return _("Khung giờ này đã có lịch gặp; hãy chọn khung giờ khác.")


@transaction.atomic
def meeting_book(
    *, event: Event, exhibitor: Exhibitor, buyer, starts_at: datetime.datetime, topic: str = ""
) -> Meeting:
    if not buyer.is_authenticated:
        raise PermissionDenied
    if exhibitor.event_id != event.pk:
        raise ValidationError({"exhibitor": _("Đơn vị này không trưng bày tại sự kiện.")})
    if is_exhibitor_member(buyer, exhibitor):
        raise ValidationError({"exhibitor": _("Không thể đặt lịch gặp với chính tổ chức của mình.")})
    local = timezone.localtime(starts_at)
    if local not in event.slots(local.date()):
        raise ValidationError({"starts_at": bad_time_message()})
    topic = " ".join(str(topic or "").split())
    if len(topic) > TOPIC_MAX:
        raise ValidationError({"topic": _("Nội dung dài quá %(max)s ký tự.") % {"max": TOPIC_MAX}})
    Exhibitor.objects.select_for_update().get(pk=exhibitor.pk)
    User.objects.select_for_update().get(pk=buyer.pk)
    booked = Meeting.objects.filter(status=Meeting.Status.BOOKED, starts_at=starts_at)
    if booked.filter(exhibitor=exhibitor).exists():
        raise ValidationError({"starts_at": _taken_message()})
    if booked.filter(buyer=buyer).exists():
        raise ValidationError({"starts_at": _("Bạn đã có một cuộc gặp khác vào giờ này.")})
    meeting = Meeting(
        event=event,
        exhibitor=exhibitor,
        buyer=buyer,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(minutes=event.slot_minutes),
        topic=topic,
    )
    try:
        with transaction.atomic():
            meeting.save()
    except IntegrityError:
        raise ValidationError({"starts_at": _taken_message()}) from None
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, actor) -> Meeting:
    """The buyer, the exhibitor's members or a broker cancel; the slot is free again."""
    meeting = Meeting.objects.select_for_update().select_related("exhibitor").get(pk=meeting.pk)
    allowed = actor.pk == meeting.buyer_id or is_exhibitor_member(actor, meeting.exhibitor) or is_moderator(actor)
    if not allowed:
        raise PermissionDenied
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError({None: _("Cuộc gặp này đã được hủy.")})
    meeting.status = Meeting.Status.CANCELLED
    meeting.cancelled_at = timezone.now()
    meeting.save(update_fields=["status", "cancelled_at"])
    return meeting


def bad_time_message() -> str:
    return _("Thời điểm này không phải một khung giờ gặp gỡ của sự kiện.")
