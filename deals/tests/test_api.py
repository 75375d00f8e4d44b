import pytest
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db


def _auth(client, user):
    token, _created = Token.objects.get_or_create(user=user)
    return {"HTTP_AUTHORIZATION": f"Token {token.key}"}


def test_figures_are_public(client, deal):
    body = client.get("/api/v1/exchange/figures/").json()
    assert body["offers"] == 1 and body["deals"] == 1
    assert {"stage": "lead", "label": "Tiếp cận", "count": 1} in body["stages"]


def test_deals_need_a_token_and_show_only_the_users_own(client, deal, member, outsider):
    assert client.get("/api/v1/exchange/deals/").status_code == 401
    own = client.get("/api/v1/exchange/deals/", **_auth(client, member)).json()
    assert [d["id"] for d in own["results"]] == [deal.pk]
    detail = client.get(f"/api/v1/exchange/deals/{deal.pk}/", **_auth(client, member)).json()
    assert detail["stage"] == "lead" and len(detail["messages"]) == 1
    assert client.get("/api/v1/exchange/deals/", **_auth(client, outsider)).json()["results"] == []
    assert client.get(f"/api/v1/exchange/deals/{deal.pk}/", **_auth(client, outsider)).status_code == 403
