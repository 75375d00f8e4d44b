"""The in-memory search index against the database's own answer, and how it stays current."""

import pytest
from django.db import transaction
from django.db.models import Q

from exchange import search_index, services
from exchange.demo import listing_rows
from exchange.models import Listing
from exchange.search import search_listings
from exchange.search_index import SearchIndex
from exchange.tests.conftest import OFFER
from research.search import parse_query, rank_expression

QUERIES = [
    "",
    "xu ly nuoc thai",
    "công nghệ xử lý nước thải",
    "nuoc tha",
    "cong",
    "drone phun thuoc",
    "trí tuệ nhân tạo",
    "cam bien",
    "Đà Nẵng",
    "giong lua chiu man",
    "khong co tu nao nhu the",
]


def _database_order(text: str) -> list[int]:
    """The published listings matching `text`, best first, as the database ranks them with the
    rules of the module docstring (research.search's score)."""
    query = parse_query(text)
    published = Listing.objects.filter(status=Listing.Status.PUBLISHED)
    if not query:
        return list(published.order_by("-published_at", "-pk").values_list("pk", flat=True))
    *whole, last = query.words
    condition = Q(search_key__contains=f" {last}")
    for word in whole:
        condition &= Q(search_key__contains=f" {word} ")
    ranked = published.filter(condition).annotate(rank=rank_expression(query, key="search_key", title="title_key"))
    return list(ranked.order_by("-rank", "-published_at", "-pk").values_list("pk", flat=True))


@pytest.fixture
def demo_listings(reference):
    services.listings_import(rows=listing_rows(90))
    Listing.objects.filter(pk__in=Listing.objects.order_by("pk")[:20].values("pk")).update(title="Xử lý nước thải")
    for listing in Listing.objects.filter(title="Xử lý nước thải"):
        listing.save()  # ties on the title's score: the order falls to publication time and id


def test_the_index_finds_and_ranks_as_the_database_does(demo_listings):
    index = SearchIndex()
    for text in QUERIES:
        assert index.match_set(parse_query(text).words).ids.tolist() == _database_order(text), text


def test_a_phrase_scores_more_in_the_title_than_across_the_text(reference):
    services.listings_import(
        rows=[
            {"id": "title", "kind": "offer", "title": "Xử lý nước thải", "description": "Cho làng nghề."},
            {"id": "words", "kind": "offer", "title": "Nước, xử lý thải", "description": "Cho làng nghề."},
            {"id": "text", "kind": "offer", "title": "Làng nghề", "description": "Xử lý nước thải."},
        ]
    )
    found = SearchIndex().match_set(parse_query("xu ly nuoc thai").words)
    titles = dict(Listing.objects.values_list("pk", "external_id"))
    assert [titles[pk] for pk in found.ids.tolist()] == ["title", "words", "text"]


@pytest.fixture
def catching_up(monkeypatch, demo_listings):
    """An index that takes changes in instead of rebuilding, as one of a large database does."""
    monkeypatch.setattr(search_index, "REBUILD_BELOW", 0)
    index = SearchIndex()
    index.match_set(())
    return index


def _ids(index, text):
    return index.match_set(parse_query(text).words).ids.tolist()


def test_changes_are_taken_in_without_a_rebuild(catching_up, member, moderator):
    built = catching_up._main
    org = member.exchange_memberships.get().organisation
    offer = services.listing_create(actor=member, organisation=org, kind="offer", **{**OFFER, "title": "Lọc zircon"})
    services.listing_submit(listing=offer, actor=member)
    assert offer.pk not in _ids(catching_up, "zircon")
    services.listing_publish(listing=offer, actor=moderator)
    assert _ids(catching_up, "zircon") == [offer.pk]
    services.listing_update(listing=offer, actor=member, **{**OFFER, "title": "Lọc hafni"})  # back to moderation
    assert _ids(catching_up, "zircon") == [] and _ids(catching_up, "hafni") == []
    services.listing_publish(listing=offer, actor=moderator)
    assert _ids(catching_up, "hafni") == [offer.pk]
    old = Listing.objects.filter(status=Listing.Status.PUBLISHED).exclude(pk=offer.pk).first()
    old.title = "Lọc hafni kiểu cũ"
    old.save()
    assert _ids(catching_up, "hafni") == _database_order("hafni")
    assert sorted(_ids(catching_up, "")) == sorted(_database_order(""))
    assert catching_up._main is built  # all of it taken in, not rebuilt


def test_what_catching_up_cannot_see_rebuilds_the_index(catching_up, django_capture_on_commit_callbacks, real_cache):
    built = catching_up._main
    with django_capture_on_commit_callbacks(execute=True):
        Listing.objects.filter(status=Listing.Status.PUBLISHED).order_by("pk").first().delete()
    assert sorted(_ids(catching_up, "")) == sorted(_database_order(""))
    assert catching_up._main is not built


def test_a_rolled_back_change_leaves_the_index(catching_up, member, moderator):
    before = _ids(catching_up, "")
    org = member.exchange_memberships.get().organisation
    with pytest.raises(RuntimeError), transaction.atomic():
        offer = services.listing_create(actor=member, organisation=org, kind="offer", **{**OFFER, "title": "Zircon"})
        services.listing_submit(listing=offer, actor=member)
        services.listing_publish(listing=offer, actor=moderator)
        assert _ids(catching_up, "zircon") == [offer.pk]
        raise RuntimeError
    assert _ids(catching_up, "zircon") == [] and _ids(catching_up, "") == before


def test_modes_changed_without_a_save_reach_the_index(catching_up):
    listing = Listing.objects.filter(status=Listing.Status.PUBLISHED).exclude(mode_mask=0).first()
    first = catching_up.match_set(())
    listing.transfer_modes.clear()
    found = catching_up.match_set(())
    assert first.modes[first.ids.tolist().index(listing.pk)] != 0
    assert found.modes[found.ids.tolist().index(listing.pk)] == 0


def test_the_search_page_uses_the_process_index(demo_listings):
    page = search_listings("nuoc thai")
    assert [hit.listing.pk for hit in page.hits] == _database_order("nuoc thai")[:20]


def test_hits_show_the_listing_as_stored_and_a_renamed_organisation(
    published, real_cache, django_capture_on_commit_callbacks
):
    offer = Listing.objects.select_related("field", "organisation").get(pk=published["offer"].pk)
    (hit,) = search_listings("mbr").hits
    shown = hit.listing
    for name in ("title", "description", "keywords", "kind", "trl", "region", "price", "published_at", "mode_mask"):
        assert getattr(shown, name) == getattr(offer, name), name
    assert (shown.field, shown.organisation.name) == (offer.field, offer.organisation.name)
    assert (hit.url, hit.kind_label) == (offer.get_absolute_url(), offer.get_kind_display())
    assert hit.facts == [
        offer.organisation.short_name or offer.organisation.name,
        offer.field.label,
        f"TRL {offer.trl}",
        offer.get_region_display(),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        offer.organisation.name = "Đại học Bách khoa Hà Nội (tên mới)"
        offer.organisation.save()
    (hit,) = search_listings("mbr").hits
    assert hit.listing.organisation.name == "Đại học Bách khoa Hà Nội (tên mới)"


@pytest.mark.django_db(transaction=True)
def test_a_new_server_process_builds_the_index_before_its_first_search(reference, monkeypatch):
    services.listings_import(rows=[{"id": "zr", "kind": "offer", "title": "Lớp phủ zircon chống ăn mòn"}])
    index = SearchIndex()
    monkeypatch.setattr(search_index, "INDEX", index)
    seen_when_done = []
    search_index.build_in_background(then=lambda: seen_when_done.append(index._main)).join(timeout=60)
    built = index._main
    assert built is not None and len(built) == 1
    assert seen_when_done == [built]  # `then` (the server's gc.freeze) runs once it is built
    assert index.match_set(("zircon",)).ids.tolist() == list(Listing.objects.values_list("pk", flat=True))
    assert index._main is built  # the search used it, nothing was read again


@pytest.mark.parametrize("path", ["/exchange/", "/api/v1/exchange/listings/"])
def test_a_page_of_hits_reads_nothing_per_hit(demo_listings, client, django_assert_max_num_queries, path):
    assert client.get(path, {"q": "cong"}).status_code == 200  # builds the index
    with django_assert_max_num_queries(2):  # the index's token, the organisations not seen yet
        response = client.get(path, {"q": "cong", "page": 2})
    assert response.status_code == 200 and "TRL" in response.content.decode()


def test_a_match_list_skips_a_listing_that_left_the_exchange_behind_its_back(demo_listings):
    from django.utils import timezone

    from exchange.match_lists import listing_matches

    request = next(r for r in Listing.objects.filter(kind="request") if len(listing_matches(r, limit=3)) == 3)
    first, second, _third = (match.listing.pk for match in listing_matches(request, limit=3))
    Listing.objects.filter(pk=first).update(status=Listing.Status.EXPIRED, updated_at=timezone.now())
    assert [match.listing.pk for match in listing_matches(request, limit=1)] == [second]
