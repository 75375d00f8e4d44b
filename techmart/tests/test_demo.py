import pytest

from techmart.demo import load_techmart_demo
from techmart.models import Event, Meeting

pytestmark = pytest.mark.django_db


def test_the_demo_event_has_exhibitors_offers_and_meetings_and_loads_once(reference):
    from exchange.demo import load_exchange_demo
    from research.demo import load_research_demo

    load_research_demo(seed=1)
    load_exchange_demo(count=80)
    load_techmart_demo()
    event = Event.objects.get()
    assert event.name == "Techmart Hà Nội 2026"
    assert event.exhibitors.count() >= 3 and all(x.offers.exists() for x in event.exhibitors.all())
    assert Meeting.objects.filter(status="booked").count() == 5
    assert load_techmart_demo() == "techmart demo already present"
