"""API tokens: reads find the token in the cache, every change to a token or its user ends that
at once, and writes always check the database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.services import api_token_issue

pytestmark = pytest.mark.usefixtures("real_cache")
URL = "/api/v1/agencies/"


def _client(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_a_repeated_read_needs_no_query_for_the_token(public):
    client = _client(api_token_issue(user=public).key)
    assert client.get(URL).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    assert len(queries) == 0


def test_a_replaced_token_is_refused_at_once(public):
    old = api_token_issue(user=public).key
    assert _client(old).get(URL).status_code == 200
    new = api_token_issue(user=public, reset=True).key
    assert _client(old).get(URL).status_code == 401
    assert _client(new).get(URL).status_code == 200


def test_a_deactivated_user_is_refused_at_once(public):
    client = _client(api_token_issue(user=public).key)
    assert client.get(URL).status_code == 200
    public.is_active = False
    public.save()
    assert client.get(URL).status_code == 401


def test_a_write_always_checks_the_token_in_the_database(public):
    key = api_token_issue(user=public).key
    client = _client(key)
    assert client.get(URL).status_code == 200
    Token.objects.filter(key=key).update(key="x" * 40)  # behind the signals' back
    assert client.get(URL).status_code == 200  # a read may rely on the cache for a while
    assert client.post("/api/v1/outputs/", {}, format="json").status_code == 401
