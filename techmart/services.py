"""Writes of Techmart: running an event (exchange moderators create and edit it, add and
remove exhibitors) and booking and cancelling B2B meetings.

Every event rule is one function that returns the problems as {field: message}
(`event_problems`, `exhibitor_problems`, `exhibitor_removal_problem`): the services refuse
with them before writing anything, and the admin's forms ask the same functions.

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
from django.utils.translation import gettext_lazy as _lazy

from accounts.models import User
from exchange.models import Listing, Member
from exchange.permissions import is_moderator, member_organisation_ids, require

from .models import Event, Exhibitor, Meeting

TOPIC_MAX = 300
SLOT_MIN, SLOT_MAX = 5, 480
EVENT_FIELDS = (
    "name",
    "starts_on",
    "ends_on",
    "venue",
    "organiser",
    "description",
    "day_start",
    "day_end",
    "slot_minutes",
)
TEXT_MAX = {"name": 200, "venue": 300, "organiser": 300, "booth": 20}
REQUIRED_MESSAGES = {
    "name": _lazy("Hãy nhập tên sự kiện."),
    "venue": _lazy("Hãy nhập địa điểm."),
    "organiser": _lazy("Hãy nhập đơn vị tổ chức."),
}


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
    topic = _clean_text(topic)
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


def _clean_text(value) -> str:
    return " ".join(str(value or "").split())


def event_problems(values: dict, *, event: Event | None = None) -> dict:
    """What is wrong with these event values ({} when nothing), `event` being the one edited."""
    problems = {}
    for name, message in REQUIRED_MESSAGES.items():
        if not values[name]:
            problems[name] = str(message)
        elif len(values[name]) > TEXT_MAX[name]:
            problems[name] = _("Dài quá %(max)s ký tự.") % {"max": TEXT_MAX[name]}
    if values["ends_on"] < values["starts_on"]:
        problems["ends_on"] = _("Ngày kết thúc không được trước ngày bắt đầu.")
    if values["day_end"] <= values["day_start"]:
        problems["day_end"] = _("Giờ kết thúc gặp gỡ phải sau giờ bắt đầu gặp gỡ.")
    elif not SLOT_MIN <= values["slot_minutes"] <= SLOT_MAX:
        problems["slot_minutes"] = _("Mỗi cuộc gặp dài từ %(min)s đến %(max)s phút.") % {
            "min": SLOT_MIN,
            "max": SLOT_MAX,
        }
    elif not Event(**values).slots(values["starts_on"]):
        problems["slot_minutes"] = _("Với giờ gặp gỡ và thời lượng này, mỗi ngày không có khung giờ gặp nào.")
    if not problems and event is not None and event.pk:
        stranded = _meetings_outside(Event(**values), event)
        if stranded:
            problems[None] = _(
                "%(count)s cuộc gặp đã đặt không còn nằm trong ngày, giờ gặp gỡ mới. "
                "Hãy giữ ngày, giờ cũ hoặc hủy các cuộc gặp đó trước."
            ) % {"count": stranded}
    return problems


def _meetings_outside(changed: Event, event: Event) -> int:
    """How many booked meetings of `event` the changed days, hours or slot length would strand."""
    count = 0
    for starts_at in event.meetings.filter(status=Meeting.Status.BOOKED).values_list("starts_at", flat=True):
        local = timezone.localtime(starts_at)
        count += local not in changed.slots(local.date())
    return count


def _event_values(raw: dict) -> dict:
    values = {name: raw[name] for name in EVENT_FIELDS}
    for name in ("name", "venue", "organiser"):
        values[name] = _clean_text(values[name])
    values["description"] = str(values["description"] or "").strip()
    return values


@transaction.atomic
def event_create(*, actor, **raw) -> Event:
    """A new Techmart event; `raw` holds every name of EVENT_FIELDS."""
    require(is_moderator(actor))
    values = _event_values(raw)
    problems = event_problems(values)
    if problems:
        raise ValidationError(problems)
    return Event.objects.create(**values)


@transaction.atomic
def event_update(*, event: Event, actor, **raw) -> Event:
    require(is_moderator(actor))
    event = Event.objects.select_for_update().get(pk=event.pk)
    values = _event_values(raw)
    problems = event_problems(values, event=event)
    if problems:
        raise ValidationError(problems)
    for name, value in values.items():
        setattr(event, name, value)
    event.save(update_fields=list(values))
    return event


def exhibitor_problems(*, event: Event, organisation, offers, booth: str, exhibitor: Exhibitor | None = None) -> dict:
    """What is wrong with this stand ({} when nothing), `exhibitor` being the one edited.

    Membership is checked when an organisation gets its stand, not again on each edit: a
    stand stays editable if the organisation leaves the exchange (or was placed by the demo).
    """
    problems = {}
    others = Exhibitor.objects.filter(event_id=event.pk) if event.pk else Exhibitor.objects.none()
    kept = exhibitor is not None and exhibitor.pk and exhibitor.organisation_id == getattr(organisation, "pk", None)
    if exhibitor is not None and exhibitor.pk:
        others = others.exclude(pk=exhibitor.pk)
    if organisation is None:
        problems["organisation"] = _("Hãy chọn tổ chức trưng bày.")
    elif not kept and not Member.objects.filter(organisation=organisation).exists():
        problems["organisation"] = _(
            "%(org)s chưa là thành viên sàn giao dịch công nghệ; chỉ thành viên sàn được trưng bày."
        ) % {"org": organisation.name}
    elif others.filter(organisation=organisation).exists():
        problems["organisation"] = _("%(org)s đã có gian hàng tại sự kiện này.") % {"org": organisation.name}
    if len(booth) > TEXT_MAX["booth"]:
        problems["booth"] = _("Dài quá %(max)s ký tự.") % {"max": TEXT_MAX["booth"]}
    elif booth and others.filter(booth=booth).exists():
        problems["booth"] = _("Gian hàng %(booth)s đã giao cho đơn vị khác.") % {"booth": booth}
    wrong = [_offer_problem(offer, organisation) for offer in offers]
    if any(wrong):
        problems["offers"] = " ".join(message for message in wrong if message)
    return problems


def _offer_problem(offer: Listing, organisation) -> str:
    if offer.kind != Listing.Kind.OFFER or organisation is None or offer.organisation_id != organisation.pk:
        return _("“%(title)s” không phải công nghệ chào bán của tổ chức này.") % {"title": offer.title}
    if offer.status != Listing.Status.PUBLISHED:
        return _("“%(title)s” chưa được đăng trên sàn.") % {"title": offer.title}
    return ""


def _save_exhibitor(exhibitor: Exhibitor, offers) -> Exhibitor:
    try:
        with transaction.atomic():
            exhibitor.save()
    except IntegrityError:  # a second moderator added the same organisation a moment ago
        message = _("%(org)s đã có gian hàng tại sự kiện này.") % {"org": exhibitor.organisation.name}
        raise ValidationError({"organisation": message}) from None
    exhibitor.offers.set(offers)
    return exhibitor


@transaction.atomic
def exhibitor_add(*, event: Event, actor, organisation, offers=(), booth: str = "") -> Exhibitor:
    """A stand for an exchange member's organisation, showing some of its published offers."""
    require(is_moderator(actor))
    booth, offers = _clean_text(booth), list(offers)
    problems = exhibitor_problems(event=event, organisation=organisation, offers=offers, booth=booth)
    if problems:
        raise ValidationError(problems)
    return _save_exhibitor(Exhibitor(event=event, organisation=organisation, booth=booth), offers)


@transaction.atomic
def exhibitor_update(*, exhibitor: Exhibitor, actor, offers=(), booth: str = "") -> Exhibitor:
    """Another booth or another choice of offers; the organisation of a stand does not change."""
    require(is_moderator(actor))
    exhibitor = Exhibitor.objects.select_for_update().select_related("event", "organisation").get(pk=exhibitor.pk)
    booth, offers = _clean_text(booth), list(offers)
    problems = exhibitor_problems(
        event=exhibitor.event, organisation=exhibitor.organisation, offers=offers, booth=booth, exhibitor=exhibitor
    )
    if problems:
        raise ValidationError(problems)
    exhibitor.booth = booth
    return _save_exhibitor(exhibitor, offers)


def exhibitor_removal_problem(exhibitor: Exhibitor) -> str:
    """Buyers' booked meetings are never dropped silently: the organiser cancels them first
    (each buyer then sees the meeting cancelled), and only then removes the stand."""
    booked = exhibitor.meetings.filter(status=Meeting.Status.BOOKED).count()
    if not booked:
        return ""
    return _(
        "%(org)s còn %(count)s cuộc gặp đã đặt. Hãy báo cho bên đặt lịch và hủy các cuộc gặp này rồi mới gỡ đơn vị."
    ) % {"org": exhibitor.organisation.name, "count": booked}


@transaction.atomic
def exhibitor_remove(*, exhibitor: Exhibitor, actor) -> None:
    """Removes the stand with its offers and its cancelled meetings (booked ones refuse)."""
    require(is_moderator(actor))
    exhibitor = Exhibitor.objects.select_for_update().select_related("organisation").get(pk=exhibitor.pk)
    problem = exhibitor_removal_problem(exhibitor)
    if problem:
        raise ValidationError({None: problem})
    exhibitor.delete()
