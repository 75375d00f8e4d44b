"""Public pages come from the cache for anonymous readers, and never show stale data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from indicators.models import Indicator
from indicators.services import measurement_record

OVERVIEW = "/p/07-ctr-tu/"


pytestmark = pytest.mark.usefixtures("real_cache")


def queries(client, url, **headers):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **headers)
    assert response.status_code == 200
    return len(ctx), response.content.decode()


def test_a_second_anonymous_visit_costs_no_query(client, programme):
    first, page = queries(client, OVERVIEW)
    again, same = queries(client, OVERVIEW)
    assert first > 0 and again == 0 and page == same


def test_a_recorded_figure_shows_at_once(client, programme, secretariat, django_capture_on_commit_callbacks):
    queries(client, OVERVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        measurement_record(
            indicator=Indicator.objects.get(code="CT2"), actor=secretariat, year=2024, value="7,3", source="x"
        )
    count, page = queries(client, OVERVIEW)
    assert count > 0 and "7,3%/năm" in page


def test_each_language_has_its_own_page(client, programme):
    queries(client, OVERVIEW)
    client.cookies["django_language"] = "en"
    _count, page = queries(client, OVERVIEW)
    assert '<html lang="en">' in page


def test_signed_in_users_always_get_a_fresh_page(client, programme, reporter_sokhcn):
    client.force_login(reporter_sokhcn)
    queries(client, OVERVIEW)
    again, page = queries(client, OVERVIEW)
    assert again > 0 and "reporter_sokhcn" in page


def test_token_clients_get_the_cached_data_after_their_own_checks(
    client, programme, reporter_sokhcn, secretariat, django_capture_on_commit_callbacks
):
    from rest_framework.authtoken.models import Token

    url = "/api/v1/indicators/?programme=07-ctr-tu"
    token = Token.objects.create(user=reporter_sokhcn)
    auth = {"HTTP_AUTHORIZATION": f"Token {token.key}"}
    first, body = queries(client, url, **auth)
    again, same = queries(client, url, **auth)
    assert again == 0 < first and same == body  # the token look-up cached too
    assert client.get(url, HTTP_AUTHORIZATION="Token not-a-token").status_code == 401
    with django_capture_on_commit_callbacks(execute=True):
        measurement_record(
            indicator=Indicator.objects.get(code="CT2"), actor=secretariat, year=2024, value="7,3", source="x"
        )
    assert queries(client, url, **auth)[1] != body


def test_browsers_and_json_clients_each_get_their_own_cached_api_page(client, programme):
    url = "/api/v1/agencies/"
    html = client.get(url, HTTP_ACCEPT="text/html")
    json_response = client.get(url, HTTP_ACCEPT="application/json")
    assert html["Content-Type"].startswith("text/html")
    assert json_response["Content-Type"] == "application/json" and json_response.json()["count"] > 0
    assert client.get(url, HTTP_ACCEPT="text/html")["Content-Type"].startswith("text/html")


def test_the_language_link_sets_the_cookie_and_refuses_foreign_redirects(client, programme):
    response = client.get("/lang/en/?next=https://evil.example/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert response.cookies["django_language"].value == "en"
    assert client.get("/lang/xx/").status_code == 404


def test_the_deployment_check_asks_for_a_shared_cache(settings):
    from core.checks import shared_cache

    assert [w.id for w in shared_cache(None)] == ["core.W001"]  # the locmem cache of real_cache
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://x"}}
    assert shared_cache(None) == []
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    assert shared_cache(None) == []


def test_only_the_reads_a_view_names_public_are_shared(public, real_cache):
    from django.contrib.auth.models import AnonymousUser
    from rest_framework import viewsets
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIRequestFactory

    from agencies.api import AgencySerializer
    from agencies.models import Agency
    from core.cache import PublicCacheMixin

    class ListOnly(PublicCacheMixin, viewsets.ReadOnlyModelViewSet):
        queryset = Agency.objects.order_by("pk")
        serializer_class = AgencySerializer
        lookup_field = "slug"
        public_actions = ("list",)

    agency = Agency.objects.create(name="Sở Thử nghiệm", slug="so-thu-nghiem")
    auth = {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=public).key}"}
    factory = APIRequestFactory()

    def get(path, action, **kwargs):
        request = factory.get(path, **auth)
        request.user = AnonymousUser()  # as the middleware leaves a token client
        assert ListOnly.as_view({"get": action})(request, **kwargs).status_code == 200
        return [key for key in real_cache._cache if ":public:" in key]

    assert get("/x/so-thu-nghiem/", "retrieve", slug=agency.slug) == []  # not named public: nothing kept
    assert len(get("/x/", "list")) == 1
