import datetime

import pytest

from exchange.tests.conftest import *  # noqa: F403  (fixtures shared with the exchange's tests)


@pytest.fixture
def event(db):
    from techmart.models import Event

    return Event.objects.create(
        name="Techmart Hà Nội 2026",
        starts_on=datetime.date(2026, 12, 10),
        ends_on=datetime.date(2026, 12, 11),
        venue="Cung Văn hóa Hữu nghị Việt Xô, 91 Trần Hưng Đạo",
        organiser="Sở Khoa học và Công nghệ Hà Nội",
        day_start=datetime.time(8, 30),
        day_end=datetime.time(10, 0),
        slot_minutes=30,
    )


@pytest.fixture
def stand(event, published, member):
    """The university exhibits its published offer."""
    from techmart.models import Exhibitor

    exhibitor = Exhibitor.objects.create(
        event=event, organisation=member.exchange_memberships.get().organisation, booth="A01"
    )
    exhibitor.offers.add(published["offer"])
    return exhibitor


@pytest.fixture
def slot(event):
    return event.slots(event.starts_on)[0]


@pytest.fixture
def outsider(reference):
    from accounts.models import User

    return User.objects.create_user(username="outsider", password="pass-12345", email="outsider@example.vn")
