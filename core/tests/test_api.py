"""The API as a whole: one error body, rate limits, tokens, the public reads added for the
programme pages and closed reporting rounds, and a fixed number of queries per list."""

import datetime

import pytest
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.settings import api_settings
from rest_framework.test import APIClient


def api(user=None):
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def _is_error_body(response) -> bool:
    body = response.json()
    return response["Content-Type"] == "application/json" and isinstance(body.get("detail"), str)


# One error body -------------------------------------------------------------------------------------


def test_every_error_has_the_same_body(programme, reporter_other):
    indicator = programme.indicators.filter(responsible_agency__isnull=False).first()
    measurement = {"indicator": indicator.pk, "year": 2024, "value": "1", "source": "Cục Thống kê"}
    cases = [
        (api().post("/api/v1/measurements/", measurement, format="json"), 401),
        (api(reporter_other).post("/api/v1/measurements/", measurement, format="json"), 403),
        (api().get("/api/v1/indicators/999999/"), 404),
        (api().get("/api/v1/no-such-thing/"), 404),
        (api().get("/api/v1/research-tasks/1.5/"), 404),
        (api(reporter_other).delete(f"/api/v1/programmes/{programme.slug}/"), 405),
        (api().get("/api/v1/measurements/?year=abc"), 400),
        (api().get("/api/v1/programmes/?page=99"), 404),
    ]
    for response, status in cases:
        assert response.status_code == status, response.content
        assert _is_error_body(response), response.content
    assert set(cases[-2][0].json()) == {"detail", "errors"} and "year" in cases[-2][0].json()["errors"]


def test_a_401_tells_the_client_to_send_a_token():
    response = api().get("/api/v1/contracts/")
    assert response.status_code == 401 and response["WWW-Authenticate"] == "Token"


# Rate limits ----------------------------------------------------------------------------------------


@pytest.fixture
def tight_limits():
    rates = {"anon": "3/minute", "user": "5/minute"}
    caches["throttle"].clear()
    with override_settings(REST_FRAMEWORK={**_rest_framework(), "DEFAULT_THROTTLE_RATES": rates}):
        yield
    caches["throttle"].clear()


def _rest_framework() -> dict:
    from django.conf import settings

    return dict(settings.REST_FRAMEWORK)


def test_anonymous_clients_are_limited_by_address_with_the_error_body_and_retry_after(db, tight_limits):
    client = api()
    assert [client.get("/api/v1/calls/").status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get("/api/v1/calls/")
    assert refused.status_code == 429 and _is_error_body(refused)
    assert 0 < int(refused["Retry-After"]) <= 60
    other_address = APIClient(REMOTE_ADDR="10.0.0.2")
    assert other_address.get("/api/v1/calls/").status_code == 200


def test_the_limit_counts_in_windows_of_the_rates_period(db, tight_limits, monkeypatch):
    from core.throttling import AnonThrottle

    clock = [60 * 16_668 + 40.0]  # 40 s into a minute
    monkeypatch.setattr(AnonThrottle, "timer", lambda self: clock[0])
    client = api()
    assert [client.get("/api/v1/calls/").status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get("/api/v1/calls/")
    assert refused.status_code == 429 and refused["Retry-After"] == "20"
    clock[0] += 20  # the next minute
    assert client.get("/api/v1/calls/").status_code == 200


def test_a_token_has_its_own_limit(public, secretariat, tight_limits):
    assert api_settings.DEFAULT_THROTTLE_RATES["user"] == "5/minute"
    mine, theirs = api(public), api(secretariat)
    assert [mine.get("/api/v1/calls/").status_code for _ in range(5)] == [200] * 5
    refused = mine.get("/api/v1/calls/")
    assert refused.status_code == 429 and "Retry-After" in refused
    assert theirs.get("/api/v1/calls/").status_code == 200


def test_the_signed_in_limit_does_not_apply_to_anonymous_clients(db):
    rates = {"anon": "4/minute", "user": "2/minute"}
    caches["throttle"].clear()
    with override_settings(REST_FRAMEWORK={**_rest_framework(), "DEFAULT_THROTTLE_RATES": rates}):
        client = api()
        assert [client.get("/api/v1/calls/").status_code for _ in range(5)] == [200] * 4 + [429]
    caches["throttle"].clear()


# Tokens ---------------------------------------------------------------------------------------------


def test_a_signed_in_user_makes_and_replaces_their_token_on_the_page(client, public):
    assert client.get("/account/api-token/").status_code == 302  # to the sign-in page
    client.force_login(public)
    page = client.get("/account/api-token/")
    assert page.status_code == 200 and "Bạn chưa có khóa API." in page.content.decode()
    made = client.post("/account/api-token/")
    key = Token.objects.get(user=public).key
    assert key in made.content.decode() and made["Cache-Control"] == "no-store"
    reader = APIClient()
    reader.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert reader.get("/api/v1/dossiers/").status_code == 200
    client.post("/account/api-token/")
    assert Token.objects.get(user=public).key != key
    assert reader.get("/api/v1/dossiers/").status_code == 401


def test_the_command_prints_a_token_and_refuses_an_unknown_user(public, capsys):
    call_command("api_token", "public_viewer")
    first = capsys.readouterr().out.strip()
    assert first == Token.objects.get(user=public).key
    call_command("api_token", "public_viewer", "--reset")
    assert capsys.readouterr().out.strip() not in ("", first)
    with pytest.raises(CommandError):
        call_command("api_token", "nobody")


# Public reads ---------------------------------------------------------------------------------------


def test_solution_groups_and_milestones_are_listed_by_programme(programme):
    groups = api().get(f"/api/v1/solution-groups/?programme={programme.slug}").json()["results"]
    assert groups and groups[0]["number"] == 1 and groups[0]["paragraphs"]
    assert any(group["key_tasks"] for group in groups)
    milestones = api().get(f"/api/v1/milestones/?programme={programme.slug}").json()["results"]
    assert milestones and {m["programme"] for m in milestones} == {programme.slug}
    assert api().get("/api/v1/milestones/?programme=no-such").json()["results"] == []


def test_only_closed_rounds_are_published_with_their_frozen_figures(programme, secretariat, agency):
    from reporting.services import round_close, round_open

    def opened(year):
        return round_open(
            programme=programme,
            actor=secretariat,
            kind="annual",
            year=year,
            title=f"Báo cáo năm {year}",
            cutoff=datetime.date(year, 12, 15),
            deadline=datetime.date(year, 12, 31),
            agencies=[agency("Sở Khoa học và Công nghệ")],
        )

    closed = round_close(rnd=opened(2024), actor=secretariat)
    opened(2025)
    rounds = api().get("/api/v1/reporting-rounds/").json()["results"]
    assert [r["title"] for r in rounds] == ["Báo cáo năm 2024"]
    detail = api().get(f"/api/v1/reporting-rounds/{closed.pk}/").json()
    assert detail["indicators"] and detail["key_tasks"]
    assert {"code", "value", "status"} <= set(detail["indicators"][0])
    open_one = programme.rounds.get(year=2025)
    assert api().get(f"/api/v1/reporting-rounds/{open_one.pk}/").status_code == 404


# Queries ----------------------------------------------------------------------------------------------

LISTS = [
    "/api/v1/programmes/",
    "/api/v1/objectives/",
    "/api/v1/solution-groups/",
    "/api/v1/milestones/",
    "/api/v1/agencies/",
    "/api/v1/indicators/",
    "/api/v1/key-tasks/",
    "/api/v1/measurements/",
    "/api/v1/reporting-rounds/",
    "/api/v1/organisations/",
    "/api/v1/researchers/",
    "/api/v1/outputs/",
    "/api/v1/research-tasks/",
    "/api/v1/calls/",
]


@pytest.fixture
def research_records(programme):
    from research.demo import generate
    from research_tasks.demo import load_research_tasks_demo

    generate(seed=5, organisations=5, researchers=25, outputs=60, patents=3)
    load_research_tasks_demo(seed=1, log=lambda *args: None)


def test_a_list_costs_a_fixed_number_of_queries(research_records):
    client = api()
    for url in LISTS:
        with CaptureQueriesContext(connection) as small:
            assert client.get(f"{url}?page_size=2").status_code == 200
        with CaptureQueriesContext(connection) as large:
            assert client.get(f"{url}?page_size=100").status_code == 200
        assert len(large) == len(small) <= 6, (url, [q["sql"] for q in large])


def _write_operations():
    from drf_spectacular.generators import SchemaGenerator

    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    return [
        (method.upper(), path.replace("{id}", "1").replace("{slug}", "x").replace("{change_id}", "1"))
        for path, item in paths.items()
        for method in item
        if method in ("post", "put", "patch", "delete")
    ]


def test_every_write_without_credentials_is_a_401_with_the_error_body(db):
    operations = _write_operations()
    assert len(operations) >= 15
    client = APIClient()
    for method, path in operations:
        response = client.generic(method, path, "{}", content_type="application/json")
        assert (response.status_code, _is_error_body(response)) == (401, True), (method, path, response.content)


def test_answers_from_the_public_cache_count_against_the_limit_too(programme, tight_limits):
    from django.core.cache import cache

    real_caches = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "limit"},
        "throttle": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "limit-counts"},
    }
    # Nested inside tight_limits' override, so both are undone in order.
    with override_settings(CACHES=real_caches):
        cache.clear()
        caches["throttle"].clear()
        client = api()
        with CaptureQueriesContext(connection) as cached:
            statuses = [client.get("/api/v1/programmes/").status_code for _ in range(3)]
        assert statuses == [200, 200, 200]
        assert len(cached) <= 3  # the first request only: the others came from the cache
        refused = client.get("/api/v1/programmes/")
        assert refused.status_code == 429 and _is_error_body(refused) and "Retry-After" in refused
        cache.clear()
        caches["throttle"].clear()
