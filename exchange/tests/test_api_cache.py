"""The search API comes from the cache for anonymous readers, is never stale, and a listing's own
page (a draft its owner may read) is never served from it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from exchange import services

from .conftest import OFFER

SEARCH = "/api/v1/exchange/listings/?q=nuoc+thai"


pytestmark = pytest.mark.usefixtures("real_cache")


def _read(client, url, **headers):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **headers)
    return response, len(ctx)


def _publish_offer(member, moderator, capture, title: str):
    org = member.exchange_memberships.get().organisation
    offer = services.listing_create(actor=member, organisation=org, kind="offer", **{**OFFER, "title": title})
    services.listing_submit(listing=offer, actor=member)
    with capture(execute=True):
        return services.listing_publish(listing=offer, actor=moderator)


def test_a_repeated_search_costs_no_query_and_a_new_listing_shows_at_once(
    client, published, member, moderator, django_capture_on_commit_callbacks
):
    first, _queries = _read(client, SEARCH)
    again, queries = _read(client, SEARCH)
    assert queries == 0 and again.json() == first.json() and first.json()["count"] == 1
    _publish_offer(member, moderator, django_capture_on_commit_callbacks, "Xử lý nước thải dệt nhuộm")
    assert client.get(SEARCH).json()["count"] == 2


def test_a_draft_read_by_its_owner_is_not_cached_for_anyone_else(client, member, member_other):
    org = member.exchange_memberships.get().organisation
    draft = services.listing_create(actor=member, organisation=org, kind="offer", **OFFER)
    url = f"/api/v1/exchange/listings/{draft.pk}/"
    owner = {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=member).key}"}
    other = {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=member_other).key}"}
    assert client.get(url, **owner).status_code == 200
    assert client.get(url, **other).status_code == 403
    assert client.get(url).status_code == 403


def test_a_requests_matches_are_cached_and_a_new_offer_shows_at_once(
    client, published, member, moderator, django_capture_on_commit_callbacks
):
    url = f"/api/v1/exchange/requests/{published['request'].pk}/matches/"
    first, _queries = _read(client, url)
    again, queries = _read(client, url)
    assert queries == 0 and again.json() == first.json()
    title = "Xử lý chất thải lỏng làng nghề bằng MBR"
    offer = _publish_offer(member, moderator, django_capture_on_commit_callbacks, title)
    assert offer.pk in [match["id"] for match in client.get(url).json()["results"]]
