from exchange.demo import listing_rows, load_exchange_demo
from exchange.matching import offers_for_request
from exchange.models import Listing


def test_demo_loads_once_with_users_and_matchable_listings(reference):
    assert "40 listings" in load_exchange_demo(count=40)
    assert load_exchange_demo(count=40) == "exchange demo already present"
    assert Listing.objects.filter(status="published").count() == 40
    request = Listing.objects.filter(kind="request").first()
    assert offers_for_request(request, limit=3)


def test_some_demo_requests_are_typed_without_diacritics():
    rows = [row for row in listing_rows(200) if row["kind"] == "request"]
    assert any(row["title"].isascii() for row in rows) and any(not row["title"].isascii() for row in rows)
