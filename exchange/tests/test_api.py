import json

from django.core.management import call_command
from rest_framework.authtoken.models import Token

from exchange.models import Listing

from .conftest import OFFER

ROWS = [
    {
        "id": "off-1",
        "kind": "offer",
        "title": "Công nghệ xử lý nước thải chăn nuôi bằng đệm lót sinh học",
        "description": "Chế phẩm vi sinh xử lý chất thải chăn nuôi lợn, giảm mùi.",
        "field": "406",
        "keywords": ["nước thải", "chăn nuôi"],
        "trl": 7,
        "transfer_modes": ["licence"],
        "region": "Hà Nội",
    },
    {
        "id": "off-2",
        "kind": "offer",
        "title": "Phần mềm quản lý bệnh án điện tử",
        "field": "Khoa học máy tính và thông tin",
    },
    {"id": "req-1", "kind": "request", "title": "Can xu ly nuoc thai trai lon", "field": "4", "trl": 6},
]


def _import(tmp_path, rows=ROWS):
    path = tmp_path / "listings.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    call_command("import_listings", str(path))


def test_import_then_matches_by_external_and_database_id(client, reference, tmp_path):
    _import(tmp_path)
    _import(tmp_path)  # idempotent
    assert Listing.objects.count() == 3
    response = client.get("/api/v1/exchange/requests/req-1/matches/?limit=10")
    assert response.status_code == 200
    results = response.json()["results"]
    assert results[0]["external_id"] == "off-1"
    assert 0 < results[0]["score"] <= 1 and results[0]["explanation"]
    assert {r["kind"] for r in results[0]["reasons"]} >= {"terms", "trl"}
    pk = Listing.objects.get(external_id="req-1").pk
    assert client.get(f"/api/v1/exchange/requests/{pk}/matches/?limit=1").json()["results"][0]["external_id"] == "off-1"


def test_matches_refuse_a_bad_limit_and_an_unknown_id(client, reference, tmp_path):
    _import(tmp_path)
    assert client.get("/api/v1/exchange/requests/req-1/matches/?limit=0").status_code == 400
    assert client.get("/api/v1/exchange/requests/nope/matches/").status_code == 404
    assert client.get("/api/v1/exchange/requests/off-1/matches/").status_code == 404
    assert client.get("/api/v1/exchange/requests/%00/matches/").status_code == 404
    assert client.get("/api/v1/exchange/requests/99999999999999999999999/matches/").status_code == 404
    assert client.get("/api/v1/exchange/listings/", {"page": "99999999999999999999"}).status_code == 200


def test_search_api_has_facets(client, published):
    body = client.get("/api/v1/exchange/listings/", {"q": "nuoc thai"}).json()
    assert body["count"] == 1
    assert body["facets"]["kind"][0]["value"] == "offer"


def test_search_results_are_what_the_listing_serializer_gives(client, published, member):
    from exchange import services
    from exchange.api import ListingSerializer

    offer = published["offer"]
    services.listing_update(listing=offer, actor=member, **{**OFFER, "price": "1500000000", "transfer_modes": []})
    Listing.objects.filter(pk=offer.pk).update(status="published")  # back on the exchange, no modes now
    services.listings_import(rows=[{"id": "bare", "kind": "offer", "title": "Nuoc thai khong co gi khac"}])
    body = client.get("/api/v1/exchange/listings/", {"q": "thai"}).json()
    assert body["count"] == 3
    for result in body["results"]:
        listing = Listing.objects.select_related("field", "organisation").get(pk=result.pop("id"))
        expected = ListingSerializer(listing).data
        expected.pop("id")
        assert {k: v for k, v in result.items() if not k.endswith("_html")} == json.loads(json.dumps(expected))
    modes = {result["title"]: result["transfer_modes"] for result in body["results"]}
    assert modes[published["request"].title] == ["licence"] and modes[offer.title] == []


def test_api_write_needs_a_member_token_and_uses_the_services(client, member, member_other):
    org = member.exchange_memberships.get().organisation
    data = {**OFFER, "kind": "offer", "organisation": org.slug}
    assert client.post("/api/v1/exchange/listings/", data, content_type="application/json").status_code in (401, 403)
    other = Token.objects.create(user=member_other)
    refused = client.post(
        "/api/v1/exchange/listings/", data, content_type="application/json", HTTP_AUTHORIZATION=f"Token {other.key}"
    )
    assert refused.status_code == 403
    token = Token.objects.create(user=member)
    bad = client.post(
        "/api/v1/exchange/listings/",
        {**data, "trl": 11},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token.key}",
    )
    assert bad.status_code == 400 and "trl" in bad.json()["errors"]
    assert not Listing.objects.exists()
    made = client.post(
        "/api/v1/exchange/listings/", data, content_type="application/json", HTTP_AUTHORIZATION=f"Token {token.key}"
    )
    assert made.status_code == 201 and made.json()["status"] == "draft"


def test_drafts_are_not_readable_by_the_public_api(client, member):
    from exchange import services

    org = member.exchange_memberships.get().organisation
    listing = services.listing_create(actor=member, organisation=org, kind="offer", **OFFER)
    assert client.get(f"/api/v1/exchange/listings/{listing.pk}/").status_code == 403
