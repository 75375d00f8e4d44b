"""Stored match lists: kept right through publish, edit, expiry and rejection; rebuilt at once."""

import datetime

import pytest
from django.core.management import call_command

from exchange import match_batch, match_lists, services
from exchange.demo import load_exchange_demo
from exchange.matching import rank
from exchange.models import Listing, MatchList, StoredMatch

from .conftest import OFFER, REQUEST


def _stored(listing) -> list[tuple[int, float, float]]:
    rows = StoredMatch.objects.filter(listing=listing).order_by("-score", "-text_similarity", "-other_id")
    return list(rows.values_list("other_id", "score", "text_similarity"))


def _online(listing) -> list[tuple[int, float, float]]:
    return [(s.other.pk, s.score, s.text_similarity) for s in rank(listing)[0][: match_lists.LIST_SIZE]]


def _publish(actor, moderator, kind, values):
    org = actor.exchange_memberships.get().organisation
    listing = services.listing_create(actor=actor, organisation=org, kind=kind, **values)
    services.listing_submit(listing=listing, actor=actor)
    return services.listing_publish(listing=listing, actor=moderator)


SECOND_OFFER = {
    **OFFER,
    "title": "Xử lý chất thải lỏng làng nghề chế biến nông sản bằng bể sinh học",
    "description": "Bể sinh học hiếu khí xử lý chất thải lỏng của làng nghề chế biến nông sản, 200 m3/ngày.",
}


def test_publishing_stores_the_listing_s_own_list(published):
    for listing in published.values():
        assert _stored(listing) == _online(listing)
        assert MatchList.objects.get(listing=listing).stale is False
    assert _stored(published["request"])[0][0] == published["offer"].pk


def test_a_new_offer_enters_the_list_of_a_request_on_its_topic(published, member, moderator):
    request = published["request"]
    before = _stored(request)
    offer = _publish(member, moderator, "offer", SECOND_OFFER)
    after = _stored(request)
    assert len(after) == len(before) + 1
    # About the request's very words: first, scored as the request's own list scores it now.
    assert after[0] == _online(request)[0] and after[0][0] == offer.pk
    # The entries already there keep the scores they had (the idf has moved a little since).
    assert after[1:] == before


def test_a_full_list_drops_its_last_entry_for_a_better_one(published, member, moderator, monkeypatch):
    monkeypatch.setattr(match_lists, "LIST_SIZE", 1)
    request = published["request"]
    match_lists.list_compute(request)
    assert [pk for pk, *_ in _stored(request)] == [published["offer"].pk]
    offer = _publish(member, moderator, "offer", SECOND_OFFER)
    assert [pk for pk, *_ in _stored(request)] == [offer.pk]


def test_a_weaker_offer_does_not_enter_a_full_list(published, member, moderator, monkeypatch):
    monkeypatch.setattr(match_lists, "LIST_SIZE", 1)
    request = published["request"]
    match_lists.list_compute(request)
    weaker = {**OFFER, "title": "Màng lọc nước uống đóng chai", "description": "Màng lọc nước uống cho nhà máy."}
    _publish(member, moderator, "offer", weaker)
    assert [pk for pk, *_ in _stored(request)] == [published["offer"].pk]


def test_an_expired_offer_leaves_the_request_s_list_which_is_refreshed(published, member, moderator):
    request, offer = published["request"], published["offer"]
    second = _publish(member, moderator, "offer", SECOND_OFFER)
    Listing.objects.filter(pk=offer.pk).update(valid_until=datetime.date(2020, 1, 1))
    assert services.listings_expire() == 1
    assert offer.pk not in [pk for pk, *_ in _stored(request)]
    assert not StoredMatch.objects.filter(listing=offer).exists()
    assert MatchList.objects.get(listing=request).stale is True
    # What is left is still the best of what remains, and is read as it is.
    assert [pk for pk, *_ in _stored(request)][0] == second.pk
    assert match_lists.lists_refresh() == 1
    assert MatchList.objects.get(listing=request).stale is False
    assert _stored(request) == _online(request)
    assert match_lists.lists_refresh() == 0


def test_a_stale_list_too_short_for_a_read_is_recomputed_by_the_read(published, member, moderator):
    request, offer = published["request"], published["offer"]
    _publish(member, moderator, "offer", SECOND_OFFER)
    Listing.objects.filter(pk=offer.pk).update(valid_until=datetime.date(2020, 1, 1))
    services.listings_expire()
    StoredMatch.objects.filter(listing=request).delete()  # every entry left
    request.refresh_from_db()
    assert match_lists.listing_matches(request, limit=5)
    assert MatchList.objects.get(listing=request).stale is False


def test_an_edited_offer_leaves_the_lists_until_published_again(published, member, moderator):
    request, offer = published["request"], published["offer"]
    services.listing_update(listing=offer, actor=member, **{**OFFER, "title": "Màng lọc MBR thế hệ mới"})
    assert offer.pk not in [pk for pk, *_ in _stored(request)]
    assert not MatchList.objects.filter(listing=offer).exists()
    assert match_lists.listing_matches(Listing.objects.get(pk=offer.pk)) == []
    offer = services.listing_publish(listing=offer, actor=moderator)
    assert _stored(offer) == _online(offer)
    # The request's list lost its only entry: stale and empty, the next read recomputes it.
    request.refresh_from_db()
    assert [m.listing.pk for m in match_lists.listing_matches(request)] == [offer.pk]


def test_a_rejected_offer_is_in_no_list(published, member, moderator):
    org = member.exchange_memberships.get().organisation
    listing = services.listing_create(actor=member, organisation=org, kind="offer", **SECOND_OFFER)
    services.listing_submit(listing=listing, actor=member)
    services.listing_reject(listing=listing, actor=moderator, reason="Trùng tin đã đăng.")
    assert not StoredMatch.objects.filter(other=listing).exists()
    assert not StoredMatch.objects.filter(listing=listing).exists()


def test_a_listing_without_a_list_gets_it_on_first_read(published):
    request = published["request"]
    StoredMatch.objects.filter(listing=request).delete()
    MatchList.objects.filter(listing=request).delete()
    found = match_lists.listing_matches(request)
    assert [m.listing.pk for m in found] == [pk for pk, *_ in _online(request)]
    assert MatchList.objects.filter(listing=request, stale=False).exists()
    assert _stored(request) == _online(request)


def test_a_read_explains_like_the_computation(published, django_assert_max_num_queries):
    from exchange.matching import compute_matches
    from exchange.selectors import listing_get

    request = listing_get(published["request"].pk)
    match_lists.listing_matches(request)  # fields and modes are kept after the first read
    with django_assert_max_num_queries(2):  # the list, and whether a short list is complete
        found = match_lists.listing_matches(request)
    computed = compute_matches(request)
    assert [(m.listing.pk, m.score, m.explanation) for m in found] == [
        (m.listing.pk, m.score, m.explanation) for m in computed
    ]
    assert "nước thải" in found[0].explanation or "chất thải lỏng" in found[0].explanation


def test_a_failed_publish_writes_nothing(member, moderator, monkeypatch):
    org = member.exchange_memberships.get().organisation
    listing = services.listing_create(actor=member, organisation=org, kind="offer", **OFFER)
    services.listing_submit(listing=listing, actor=member)

    def broken(*args, **kwargs):
        raise RuntimeError("index unavailable")

    monkeypatch.setattr(match_lists, "_enter_lists", broken)
    with pytest.raises(RuntimeError):
        services.listing_publish(listing=listing, actor=moderator)
    listing.refresh_from_db()
    assert listing.status == Listing.Status.SUBMITTED
    assert not MatchList.objects.exists() and not StoredMatch.objects.exists()


def test_the_rebuild_finds_every_match_one_at_a_time_finds(reference):
    load_exchange_demo(count=80)
    listings = list(Listing.objects.filter(status=Listing.Status.PUBLISHED))
    assert MatchList.objects.filter(stale=False).count() == len(listings)
    for listing in listings:
        stored = _stored(listing)
        assert stored == sorted(stored, key=lambda row: (-row[1], -row[2], -row[0]))
        assert len(rank(listing)[0][: match_lists.LIST_SIZE]) <= len(stored) <= match_lists.LIST_SIZE
        # The rebuild has no cap on candidates: what one at a time finds above its last
        # entry is there, with the same score.
        assert {row for row in _online(listing) if row[1:] > stored[-1][1:]} <= set(stored)
        # Its fits (field, TRL, modes) are those one at a time gives.
        fits = dict(StoredMatch.objects.filter(listing=listing).values_list("other_id", "fits"))
        assert all(fits[s.other.pk] == s.fits for s in rank(listing)[0] if s.other.pk in fits)
    # The shared terms are stored as shown (accents as written), for the explanation.
    shown = StoredMatch.objects.order_by("-text_similarity").values_list("shared", flat=True)[0]
    assert shown["terms"] and len(shown["shown"]) == len(shown["terms"])
    assert any(not text.isascii() for text in shown["shown"])


def test_the_rebuild_command_replaces_every_list_and_a_failure_keeps_the_old_ones(reference, monkeypatch):
    load_exchange_demo(count=40)
    request = Listing.objects.filter(kind="request").first()
    before = _stored(request)
    StoredMatch.objects.filter(listing=request).delete()
    call_command("rebuild_matches", "--lists-only", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _stored(request) == before

    def broken(rows):
        raise RuntimeError("disk full")

    monkeypatch.setattr(match_batch, "_write", broken)
    with pytest.raises(RuntimeError):
        match_batch.lists_rebuild()
    assert _stored(request) == before
    assert MatchList.objects.count() == Listing.objects.filter(status="published").count()


def test_requests_for_an_offer_are_stored_too(published, member_other, moderator):
    offer = published["offer"]
    request = _publish(member_other, moderator, "request", {**REQUEST, "title": "Cần màng lọc MBR cho bệnh viện"})
    assert request.pk in [pk for pk, *_ in _stored(offer)]


def test_a_read_shows_the_other_listing_as_stored(published):
    offer = Listing.objects.select_related("organisation").get(pk=published["offer"].pk)
    (match,) = match_lists.listing_matches(published["request"], limit=1)
    shown = match.listing
    assert (shown.pk, shown.kind, shown.external_id, shown.title) == (
        offer.pk,
        offer.kind,
        offer.external_id,
        offer.title,
    )
    assert (shown.organisation.name, shown.organisation.short_name) == (
        offer.organisation.name,
        offer.organisation.short_name,
    )
