"""Search facets and pages against plain database counts, on listings of every kind of value."""

import itertools

import pytest

from exchange import services
from exchange.models import Field, Listing, TransferMode, mode_mask
from exchange.search import PAGE_SIZE, search_listings
from exchange.tests.conftest import OFFER

FIELDS = ["207", "205", "401", "102"]
MODES = [["licence"], ["licence", "consulting"], ["training"], []]
REGIONS = ["ha-noi", "da-nang", ""]


@pytest.fixture
def listings(reference):
    """45 published listings on water treatment (and 5 on something else) with values in turn."""
    rows = []
    for n in range(50):
        on_topic = n < 45
        rows.append(
            {
                "id": f"s-{n}",
                "kind": "offer" if n % 3 else "request",
                "title": f"Xử lý nước thải mẫu {n}" if on_topic else f"Giống lúa chịu mặn {n}",
                "description": "Công nghệ xử lý nước thải làng nghề." if on_topic else "Lúa cho vùng ven biển.",
                "field": FIELDS[n % 4],
                "trl": None if n % 7 == 0 else 1 + n % 9,
                "transfer_modes": MODES[n % 4],
                "region": REGIONS[n % 3],
            }
        )
    services.listings_import(rows=rows)
    return Listing.objects.filter(status=Listing.Status.PUBLISHED, title_key__contains=" nuoc thai ")


CONDITIONS = {
    "kind": "kind",
    "field": "field__code__startswith",
    "trl": "trl",
    "mode": "transfer_modes__code",
    "region": "region",
}


def _count(listings, filters: dict) -> int:
    """The listings meeting every filter, counted by the database."""
    return listings.filter(**{CONDITIONS[name]: value for name, value in filters.items()}).distinct().count()


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"kind": "offer"},
        {"field": "2"},
        {"field": "207", "trl": 7},
        {"mode": "licence", "region": "ha-noi"},
        {"kind": "request", "field": "2", "mode": "licence", "region": "da-nang"},
    ],
)
def test_each_facet_counts_the_listings_meeting_the_other_filters(listings, filters):
    page = search_listings("nuoc thai", filters)
    assert page.total == _count(listings, filters)
    for facet in ("kind", "trl", "mode", "region"):
        for item in page.facets[facet]:
            value = int(item.value) if facet == "trl" else item.value
            assert item.count == _count(listings, {**filters, facet: value}), (facet, item.value)
            assert item.selected == (filters.get(facet) == value)
    for item in page.facets["field"]:
        assert item.count == _count(listings, {**filters, "field": item.value}), item.value
    shown = {(facet, item.value) for facet in page.facets for item in page.facets[facet]}
    assert ("region", "") not in shown and ("trl", "0") not in shown  # no facet for a missing value


def test_total_and_pages_are_the_listings_meeting_every_filter(listings):
    filters = {"kind": "offer"}
    expected = _count(listings, filters)
    first = search_listings("nuoc thai", filters)
    second = search_listings("nuoc thai", filters, page=2)
    assert first.total == second.total == expected > PAGE_SIZE
    ids = [hit.listing.pk for hit in first.hits + second.hits]
    assert len(ids) == len(set(ids)) == expected
    assert all(hit.listing.kind == "offer" for hit in first.hits + second.hits)


def test_a_query_matching_nothing_has_no_hits_and_empty_facets(listings):
    page = search_listings("khong co tu nao nhu the", {"kind": "offer"})
    assert page.total == 0 and page.hits == []
    assert all(item.count == 0 for item in page.facets["kind"])
    assert not any(page.facets[name] for name in ("field", "trl", "mode", "region"))


def test_the_empty_query_lists_every_published_listing_newest_first(listings):
    page = search_listings("", {"field": "2"})
    assert page.total == Listing.objects.filter(status="published", field__code__startswith="2").count()
    dates = [hit.listing.published_at for hit in page.hits]
    assert dates == sorted(dates, reverse=True)


def test_a_filter_for_a_value_no_listing_has_finds_nothing(listings):
    unused = Field.objects.exclude(code__in=FIELDS).filter(parent__isnull=False).first()
    page = search_listings("nuoc thai", {"field": unused.code})
    assert page.total == 0
    assert sum(item.count for item in page.facets["kind"]) == 0
    assert [f.value for f in page.facets["field"] if f.level == 1] == sorted({c[0] for c in FIELDS})


def test_facet_links_cover_every_combination_without_error(listings):
    for kind, trl in itertools.product(["", "offer", "request"], ["", 3, 9]):
        filters = {k: v for k, v in {"kind": kind, "trl": trl}.items() if v}
        page = search_listings("xu ly", filters)
        assert page.total == sum(f.count for f in page.facets["kind"] if not kind or f.value == kind)


def _mask(listing) -> int:
    return Listing.objects.values_list("mode_mask", flat=True).get(pk=listing.pk)


def _bits(*codes) -> int:
    return mode_mask(TransferMode.objects.filter(code__in=codes).values_list("pk", flat=True))


def test_the_mode_mask_search_reads_follows_the_transfer_modes_however_they_change(published, member):
    offer = published["offer"]
    assert (_mask(offer), _mask(published["request"])) == (_bits("licence", "consulting"), _bits("licence"))
    stale = Listing.objects.get(pk=offer.pk)
    services.listing_update(listing=offer, actor=member, **{**OFFER, "transfer_modes": ["training"]})
    assert _mask(offer) == _bits("training")
    stale.save()  # a copy read before the change does not write the old modes back
    assert _mask(offer) == _bits("training")
    licence = TransferMode.objects.get(code="licence")
    licence.listings.add(offer)  # from the mode's side, as the admin may
    assert _mask(offer) == _bits("training", "licence")
    licence.listings.remove(published["request"])  # taken from one listing: only that one changes
    assert (_mask(offer), _mask(published["request"])) == (_bits("training", "licence"), _bits())
    licence.listings.clear()
    assert _mask(offer) == _bits("training")


def test_the_mode_facet_and_filter_follow_an_edit(published, member, moderator, django_capture_on_commit_callbacks):
    services.listing_update(listing=published["offer"], actor=member, **{**OFFER, "transfer_modes": ["training"]})
    with django_capture_on_commit_callbacks(execute=True):
        services.listing_publish(listing=published["offer"], actor=moderator)
    page = search_listings("nuoc thai", {"mode": "training"})
    assert [hit.listing.pk for hit in page.hits] == [published["offer"].pk]
    assert [(f.value, f.count) for f in page.facets["mode"]] == [("training", 1)]
    assert search_listings("nuoc thai", {"mode": "licence"}).total == 0
