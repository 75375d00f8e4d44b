import pytest

from deals.demo import PLAN, load_deals_demo
from deals.models import Deal
from exchange.demo import load_exchange_demo

pytestmark = pytest.mark.django_db


def test_the_demo_has_deals_in_every_stage_and_loads_once(reference):
    from research.demo import load_research_demo

    load_research_demo(seed=1)
    load_exchange_demo(count=60)
    load_deals_demo()
    assert Deal.objects.count() == len(PLAN)
    assert set(Deal.objects.values_list("stage", flat=True)) == set(Deal.Stage.values)
    assert not Deal.objects.filter(stage__in=["signed", "transferred"], value__isnull=True).exists()
    assert load_deals_demo() == "deals demo already present"
    assert Deal.objects.count() == len(PLAN)
