"""Running an event: exchange moderators create and edit it and add and remove exhibitors;
every bad input is refused with its message and writes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from exchange.tests.conftest import OFFER
from techmart import services
from techmart.models import Event, Exhibitor, Meeting

pytestmark = pytest.mark.django_db

VALUES = {
    "name": "Techmart Công nghệ xanh 2027",
    "starts_on": datetime.date(2027, 3, 15),
    "ends_on": datetime.date(2027, 3, 16),
    "venue": "Trung tâm Hội nghị Quốc gia",
    "organiser": "Sở Khoa học và Công nghệ Hà Nội",
    "description": "Kết nối cung – cầu công nghệ môi trường.",
    "day_start": datetime.time(9, 0),
    "day_end": datetime.time(11, 0),
    "slot_minutes": 20,
}


def _rows():
    """Everything an event service may write, to show a refusal wrote nothing."""
    events = list(Event.objects.order_by("pk").values())
    stands = list(Exhibitor.objects.order_by("pk").values("pk", "event", "organisation", "booth"))
    shown = list(Exhibitor.offers.through.objects.order_by("pk").values_list("exhibitor", "listing"))
    meetings = list(Meeting.objects.order_by("pk").values_list("pk", "status"))
    return events, stands, shown, meetings


def _refused(service, exc_type=ValidationError, **kwargs):
    before = _rows()
    with pytest.raises(exc_type) as info:
        service(**kwargs)
    assert _rows() == before
    return info.value


def _publish_offer(actor, moderator, **changes):
    from exchange import services as exchange

    organisation = actor.exchange_memberships.get().organisation
    listing = exchange.listing_create(actor=actor, organisation=organisation, kind="offer", **{**OFFER, **changes})
    exchange.listing_submit(listing=listing, actor=actor)
    return exchange.listing_publish(listing=listing, actor=moderator)


@pytest.fixture
def enterprise_offer(member_other, moderator):
    return _publish_offer(member_other, moderator, title="Thiết bị lọc bụi tĩnh điện cho lò hơi")


@pytest.fixture
def draft_offer(member):
    from exchange import services as exchange

    organisation = member.exchange_memberships.get().organisation
    return exchange.listing_create(
        actor=member, organisation=organisation, kind="offer", **{**OFFER, "title": "Bản nháp: cảm biến nước"}
    )


def test_a_moderator_creates_an_event_with_its_slots(moderator):
    event = services.event_create(actor=moderator, **{**VALUES, "name": "  Techmart   Công nghệ xanh 2027 "})
    assert event.name == "Techmart Công nghệ xanh 2027"
    assert [s.strftime("%H:%M") for s in event.slots(event.ends_on)] == [
        "09:00",
        "09:20",
        "09:40",
        "10:00",
        "10:20",
        "10:40",
    ]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "   "}, "name", "Hãy nhập tên sự kiện."),
        ({"venue": ""}, "venue", "Hãy nhập địa điểm."),
        ({"ends_on": datetime.date(2027, 3, 14)}, "ends_on", "Ngày kết thúc không được trước ngày bắt đầu."),
        ({"day_end": datetime.time(9, 0)}, "day_end", "Giờ kết thúc gặp gỡ phải sau giờ bắt đầu gặp gỡ."),
        ({"slot_minutes": 3}, "slot_minutes", "Mỗi cuộc gặp dài từ 5 đến 480 phút."),
        ({"slot_minutes": 150}, "slot_minutes", "mỗi ngày không có khung giờ gặp nào"),
    ],
)
def test_bad_event_values_are_refused_and_nothing_is_written(moderator, event, changes, field, message):
    error = _refused(services.event_create, actor=moderator, **{**VALUES, **changes})
    assert message in error.message_dict[field][0]
    error = _refused(services.event_update, event=event, actor=moderator, **{**VALUES, **changes})
    assert message in error.message_dict[field][0]


def test_only_moderators_create_or_edit_events(member, outsider, event):
    for user in (member, outsider):
        _refused(services.event_create, PermissionDenied, actor=user, **VALUES)
        _refused(services.event_update, PermissionDenied, event=event, actor=user, **VALUES)


def test_a_moderator_edits_an_event(moderator, event):
    services.event_update(event=event, actor=moderator, **{**VALUES, "name": "Techmart Hà Nội 2026 (dời lịch)"})
    event.refresh_from_db()
    assert event.name == "Techmart Hà Nội 2026 (dời lịch)" and event.slot_minutes == 20


def test_an_edit_that_would_strand_booked_meetings_is_refused(moderator, event, stand, member_other):
    nine = event.slots(event.starts_on)[1]  # 09:00: not a slot any more when slots last 45 minutes
    services.meeting_book(event=event, exhibitor=stand, buyer=member_other, starts_at=nine)
    current = {name: getattr(event, name) for name in services.EVENT_FIELDS}
    error = _refused(services.event_update, event=event, actor=moderator, **{**current, "slot_minutes": 45})
    assert "1 cuộc gặp đã đặt không còn nằm trong" in error.messages[0]
    moved = {**current, "starts_on": event.starts_on + datetime.timedelta(days=1), "ends_on": event.ends_on}
    _refused(services.event_update, event=event, actor=moderator, **moved)
    services.event_update(event=event, actor=moderator, **{**current, "day_end": datetime.time(12, 0)})


def test_a_moderator_adds_an_exchange_member_with_some_of_its_published_offers(moderator, event, published, member):
    university = member.exchange_memberships.get().organisation
    stand = services.exhibitor_add(
        event=event, actor=moderator, organisation=university, offers=[published["offer"]], booth=" B02 "
    )
    assert stand.booth == "B02" and list(stand.offers.all()) == [published["offer"]]


def test_an_organisation_that_is_not_an_exchange_member_cannot_exhibit(moderator, event, reference):
    from research.models import Organisation

    stranger = Organisation.objects.create(name="Viện Cơ học", slug="imech")
    error = _refused(services.exhibitor_add, event=event, actor=moderator, organisation=stranger)
    assert "chưa là thành viên sàn" in error.message_dict["organisation"][0]


def test_an_offer_of_another_organisation_a_request_or_an_unpublished_offer_is_refused(
    moderator, event, published, member, enterprise_offer, draft_offer
):
    university = member.exchange_memberships.get().organisation
    for offer, message in (
        (enterprise_offer, "không phải công nghệ chào bán của tổ chức này"),
        (published["request"], "không phải công nghệ chào bán của tổ chức này"),
        (draft_offer, "chưa được đăng trên sàn"),
    ):
        error = _refused(
            services.exhibitor_add,
            event=event,
            actor=moderator,
            organisation=university,
            offers=[published["offer"], offer],
        )
        assert error.message_dict["offers"] == [f"“{offer.title}” {message}."]


def test_the_same_exhibitor_twice_or_a_booth_taken_is_refused(moderator, event, stand, member_other):
    error = _refused(services.exhibitor_add, event=event, actor=moderator, organisation=stand.organisation)
    assert "đã có gian hàng tại sự kiện này" in error.message_dict["organisation"][0]
    enterprise = member_other.exchange_memberships.get().organisation
    error = _refused(services.exhibitor_add, event=event, actor=moderator, organisation=enterprise, booth="A01")
    assert error.message_dict["booth"] == ["Gian hàng A01 đã giao cho đơn vị khác."]


def test_only_moderators_add_change_or_remove_exhibitors(event, stand, member, member_other, outsider):
    enterprise = member_other.exchange_memberships.get().organisation
    for user in (member, member_other, outsider):
        _refused(services.exhibitor_add, PermissionDenied, event=event, actor=user, organisation=enterprise)
        _refused(services.exhibitor_update, PermissionDenied, exhibitor=stand, actor=user, booth="Z9")
        _refused(services.exhibitor_remove, PermissionDenied, exhibitor=stand, actor=user)


def test_a_moderator_changes_the_offers_shown_but_not_to_foreign_ones(moderator, stand, enterprise_offer):
    services.exhibitor_update(exhibitor=stand, actor=moderator, booth="A02", offers=[])
    stand.refresh_from_db()
    assert stand.booth == "A02" and not stand.offers.exists()
    error = _refused(services.exhibitor_update, exhibitor=stand, actor=moderator, offers=[enterprise_offer])
    assert "không phải công nghệ chào bán" in error.message_dict["offers"][0]


def test_an_exhibitor_with_booked_meetings_is_removed_only_after_they_are_cancelled(
    moderator, event, stand, slot, member_other
):
    meeting = services.meeting_book(event=event, exhibitor=stand, buyer=member_other, starts_at=slot)
    error = _refused(services.exhibitor_remove, exhibitor=stand, actor=moderator)
    assert "còn 1 cuộc gặp đã đặt" in error.messages[0]
    services.meeting_cancel(meeting=meeting, actor=moderator)
    services.exhibitor_remove(exhibitor=stand, actor=moderator)
    assert not Exhibitor.objects.exists() and not Meeting.objects.exists()


def test_a_stand_stays_editable_when_its_organisation_is_no_longer_a_member(moderator, stand, member, published):
    member.exchange_memberships.all().delete()
    services.exhibitor_update(exhibitor=stand, actor=moderator, booth="A09", offers=[published["offer"]])
    stand.refresh_from_db()
    assert stand.booth == "A09"
