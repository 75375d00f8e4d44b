"""Two bookings of the same slot at the same moment, on PostgreSQL (row locks are real there):
exactly one succeeds, the other is refused with the usual message."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
]


def test_two_concurrent_bookings_of_one_slot_cannot_both_succeed(event, stand, slot, member_other, outsider):
    from django.db import connections

    from techmart import services
    from techmart.models import Meeting

    barrier = threading.Barrier(2)
    outcomes = []

    def book(buyer):
        try:
            barrier.wait()
            services.meeting_book(event=event, exhibitor=stand, buyer=buyer, starts_at=slot)
            outcomes.append("booked")
        except ValidationError as exc:
            outcomes.append(exc.message_dict["starts_at"][0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(user,)) for user in (member_other, outsider)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["Khung giờ này đã có lịch gặp; hãy chọn khung giờ khác.", "booked"]
    assert Meeting.objects.filter(status="booked").count() == 1
