"""The agency directory in the JSON API: read by everyone, written by no one."""

import pytest
from rest_framework.test import APIClient

from agencies.models import Agency

pytestmark = pytest.mark.django_db

URL = "/api/v1/agencies/"


@pytest.fixture
def client():
    return APIClient()


def test_agencies_are_listed_without_login(client, programme, agency):
    response = client.get(URL, {"page_size": 500})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == Agency.objects.count()
    sokhcn = agency("Sở Khoa học và Công nghệ")
    item = next(a for a in body["results"] if a["slug"] == sokhcn.slug)
    assert set(item) == {"slug", "name", "name_en", "short_name", "kind", "aliases"}
    assert item["name"] == "Sở Khoa học và Công nghệ"
    assert item["kind"] == sokhcn.kind


def test_an_agency_is_found_by_its_slug_with_its_aliases(client, db):
    agency = Agency.objects.create(name="Hội Tin học Hà Nội", slug="hoi-tin-hoc", kind=Agency.Kind.MASS_ORGANISATION)
    agency.add_alias("Hội Tin học Thủ đô")
    agency.add_alias("Hội Tin học Thành phố")

    response = client.get(f"{URL}hoi-tin-hoc/")

    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Hội Tin học Hà Nội"
    assert body["kind"] == "mass_org"
    assert body["aliases"] == ["Hội Tin học Thành phố", "Hội Tin học Thủ đô"]


def test_an_unknown_slug_is_not_found(client, db):
    response = client.get(f"{URL}no-such-agency/")

    assert response.status_code == 404
    assert "detail" in response.json()


def test_agencies_are_filtered_by_kind(client, programme):
    response = client.get(URL, {"kind": "department", "page_size": 500})

    assert response.status_code == 200
    results = response.json()["results"]
    assert results
    assert {a["kind"] for a in results} == {"department"}
    assert len(results) == Agency.objects.filter(kind="department").count()


def test_an_unknown_kind_is_a_bad_request_with_field_errors(client, db):
    response = client.get(URL, {"kind": "nonsense"})

    assert response.status_code == 400
    body = response.json()
    assert body["detail"]
    assert "kind" in body["errors"]


def test_the_directory_cannot_be_written_through_the_api(client, programme, reporter_sokhcn):
    before = Agency.objects.count()

    anonymous = client.post(URL, {"name": "Cơ quan mới", "slug": "moi", "kind": "group"}, format="json")
    client.force_authenticate(reporter_sokhcn)
    signed_in = client.post(URL, {"name": "Cơ quan mới", "slug": "moi", "kind": "group"}, format="json")

    assert anonymous.status_code == 401
    assert signed_in.status_code == 405
    assert Agency.objects.count() == before


def test_the_agency_list_costs_the_same_queries_for_few_or_many_agencies(client, programme):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(URL, {"page_size": 2}).status_code == 200
    with CaptureQueriesContext(connection) as many:
        assert client.get(URL, {"page_size": 500}).status_code == 200

    assert Agency.objects.count() > 10
    assert len(few) == len(many)
