import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from techmart import services
from techmart.models import Meeting

pytestmark = pytest.mark.django_db


def _refused(exc_type, **kwargs):
    before = list(Meeting.objects.values_list("pk", "status"))
    with pytest.raises(exc_type) as info:
        services.meeting_book(**kwargs)
    assert list(Meeting.objects.values_list("pk", "status")) == before
    return info.value


def test_the_event_offers_three_half_hour_slots_a_day(event):
    slots = event.slots(event.starts_on)
    assert [s.strftime("%H:%M") for s in slots] == ["08:30", "09:00", "09:30"]
    assert event.slots(event.ends_on + datetime.timedelta(days=1)) == []


def test_a_buyer_books_a_free_slot(event, stand, slot, member_other):
    meeting = services.meeting_book(event=event, exhibitor=stand, buyer=member_other, starts_at=slot, topic="MBR")
    assert meeting.ends_at - meeting.starts_at == datetime.timedelta(minutes=30)


def test_the_exhibitors_slot_cannot_be_taken_twice(event, stand, slot, member_other, outsider):
    services.meeting_book(event=event, exhibitor=stand, buyer=member_other, starts_at=slot)
    error = _refused(ValidationError, event=event, exhibitor=stand, buyer=outsider, starts_at=slot)
    assert "đã có lịch gặp" in error.message_dict["starts_at"][0]


def test_the_buyers_time_cannot_be_taken_twice(event, stand, slot, member_other, enterprise, outsider):
    from research.models import Organisation
    from techmart.models import Exhibitor

    other = Exhibitor.objects.create(
        event=event, organisation=Organisation.objects.create(name="Viện Vật lý", slug="iop")
    )
    services.meeting_book(event=event, exhibitor=stand, buyer=outsider, starts_at=slot)
    error = _refused(ValidationError, event=event, exhibitor=other, buyer=outsider, starts_at=slot)
    assert "cuộc gặp khác vào giờ này" in error.message_dict["starts_at"][0]


def test_the_database_refuses_a_double_booking_that_skips_the_check(event, stand, slot, member_other, outsider):
    services.meeting_book(event=event, exhibitor=stand, buyer=member_other, starts_at=slot)
    end = slot + datetime.timedelta(minutes=30)
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(event=event, exhibitor=stand, buyer=outsider, starts_at=slot, ends_at=end)
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(event=event, exhibitor=stand, buyer=member_other, starts_at=slot, ends_at=end)


def test_a_race_past_the_check_gets_the_same_message(event, stand, slot, member_other, outsider, monkeypatch):
    """If a concurrent booking commits between the check and the insert, the constraint refuses it."""
    services.meeting_book(event=event, exhibitor=stand, buyer=member_other, starts_at=slot)
    real_filter = Meeting.objects.filter

    class Blind:
        def filter(self, *args, **kwargs):
            return self

        def exists(self):
            return False

    monkeypatch.setattr(Meeting.objects, "filter", lambda *a, **k: Blind() if k.get("status") else real_filter(*a, **k))
    error = _refused(ValidationError, event=event, exhibitor=stand, buyer=outsider, starts_at=slot)
    assert "đã có lịch gặp" in error.message_dict["starts_at"][0]


@pytest.mark.parametrize(
    "when",
    [
        datetime.datetime(2026, 12, 9, 8, 30),  # the day before the event
        datetime.datetime(2026, 12, 10, 8, 45),  # not on a slot boundary
        datetime.datetime(2026, 12, 10, 10, 0),  # after the last slot
        datetime.datetime(2026, 12, 12, 8, 30),  # after the event
    ],
)
def test_a_slot_outside_the_event_is_refused(event, stand, member_other, when):
    from django.utils import timezone

    error = _refused(
        ValidationError, event=event, exhibitor=stand, buyer=member_other, starts_at=timezone.make_aware(when)
    )
    assert "khung giờ gặp gỡ" in error.message_dict["starts_at"][0]


def test_an_exhibitor_cannot_book_a_meeting_with_itself(event, stand, slot, member):
    error = _refused(ValidationError, event=event, exhibitor=stand, buyer=member, starts_at=slot)
    assert "chính tổ chức" in error.message_dict["exhibitor"][0]


def test_cancelling_frees_the_slot_and_only_the_parties_may_cancel(event, stand, slot, member_other, outsider, member):
    meeting = services.meeting_book(event=event, exhibitor=stand, buyer=member_other, starts_at=slot)
    with pytest.raises(PermissionDenied):
        services.meeting_cancel(meeting=meeting, actor=outsider)
    assert Meeting.objects.get().status == "booked"
    services.meeting_cancel(meeting=meeting, actor=member)  # the exhibitor may cancel too
    again = services.meeting_book(event=event, exhibitor=stand, buyer=outsider, starts_at=slot)
    assert again.status == "booked"
    with pytest.raises(ValidationError):
        services.meeting_cancel(meeting=meeting, actor=member_other)
