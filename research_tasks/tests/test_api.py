"""API: public tasks and calls, one's own dossiers, councils for their members; writes need a token."""

import datetime

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from research_tasks.models import Dossier, ScoreSheet

from .conftest import GOOD


def api(user=None):
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def test_tasks_and_calls_are_public(flow):
    flow.calling()
    tasks = api().get("/api/v1/research-tasks/?stage=calling").json()
    assert [t["code"] for t in tasks["results"]] == [flow.task.code]
    assert tasks["results"][0]["stage_label"] == "Đang nhận hồ sơ"
    calls = api().get("/api/v1/calls/").json()
    assert calls["results"][0]["is_open"] is True


def test_a_cached_list_of_calls_lasts_only_until_a_call_opens_or_closes(flow):
    from research_tasks.selectors import seconds_until_a_call_opens_or_closes as seconds

    assert seconds(cap=600) == 600  # no call: nothing changes with time
    flow.calling()  # open since yesterday, closes in a day
    now = flow.call.closes_at - datetime.timedelta(minutes=5)
    assert seconds(cap=600, now=now) == 301
    assert seconds(cap=60, now=now) == 60
    assert seconds(cap=600, now=flow.call.opens_at - datetime.timedelta(seconds=90)) == 91
    assert seconds(cap=600, now=flow.call.closes_at + datetime.timedelta(seconds=1)) == 600


def test_dossiers_need_a_token_and_show_only_ones_own(flow, people):
    flow.calling()
    flow.dossier("an")
    assert api().get("/api/v1/dossiers/").status_code == 401
    assert [d["pi"] for d in api(people["an"].user).get("/api/v1/dossiers/").json()["results"]] == ["Nguyễn Văn An"]
    assert api(people["binh"].user).get("/api/v1/dossiers/").json()["results"] == []
    dossier = Dossier.objects.get()
    assert api(people["binh"].user).get(f"/api/v1/dossiers/{dossier.pk}/").status_code == 404


def test_a_researcher_registers_fills_and_is_refused_after_the_close(flow, people):
    flow.calling()
    client = api(people["binh"].user)
    created = client.post("/api/v1/dossiers/", {"call": flow.call.pk}, format="json")
    assert created.status_code == 201
    pk = created.json()["id"]
    response = client.patch(f"/api/v1/dossiers/{pk}/", {"budget_requested": "9999"}, format="json")
    assert response.status_code == 400 and "budget_requested" in response.json()["errors"]
    assert client.patch(f"/api/v1/dossiers/{pk}/", {"summary": "Tóm tắt"}, format="json").status_code == 200
    assert api(people["an"].user).patch(f"/api/v1/dossiers/{pk}/", {"summary": "x"}, format="json").status_code == 404
    flow.close_call()
    response = client.post(f"/api/v1/dossiers/{pk}/submit/")
    assert response.status_code == 400 and "hết hạn" in str(response.json())
    assert api().post("/api/v1/dossiers/", {"call": flow.call.pk}, format="json").status_code == 401


def test_councils_are_for_their_members_and_scores_stay_blind(flow, people):
    flow.evaluating(pis=("an",))
    assert api(people["uv4"].user).get("/api/v1/councils/").json()["results"] == []
    assert api(people["an"].user).get(f"/api/v1/councils/{flow.council.pk}/").status_code == 404
    chair = api(people["chu"].user)
    dossier = flow.dossiers["an"].pk
    url = f"/api/v1/councils/{flow.council.pk}/"
    assert chair.post(url + "score/", {"dossier": dossier, "scores": GOOD}, format="json").status_code == 400
    assert chair.post(url + "declare/", {"dossier": dossier, "has_conflict": False}, format="json").status_code == 201
    bad = chair.post(url + "score/", {"dossier": dossier, "scores": {**GOOD, "budget": "11"}}, format="json")
    assert bad.status_code == 400 and "score-budget" in bad.json()["errors"]
    assert chair.post(url + "score/", {"dossier": dossier, "scores": GOOD}, format="json").status_code == 201
    (row,) = chair.get(url).json()["dossiers"]
    assert (row["scored"], row["scores_open"], row["mean"]) == (True, False, None)
    flow.all_score("an", skip=("chu",))
    (row,) = chair.get(url).json()["dossiers"]
    assert (row["scores_open"], row["mean"], row["rank"]) == (True, "80.00", 1)


def test_a_member_with_a_conflict_is_not_told_of_the_dossier(flow, people):
    flow.evaluating(pis=("an",))
    flow.declare("pb1", "an", conflict=True)
    client = api(people["pb1"].user)
    assert client.get(f"/api/v1/councils/{flow.council.pk}/").json()["dossiers"] == []
    response = client.post(
        f"/api/v1/councils/{flow.council.pk}/score/", {"dossier": flow.dossiers["an"].pk, "scores": GOOD}, format="json"
    )
    assert response.status_code == 403
    assert not ScoreSheet.objects.exists()


@pytest.mark.django_db
def test_the_schema_lists_the_new_routes(client):
    schema = client.get("/api/v1/schema/").content.decode()
    for path in (
        "/api/v1/research-tasks/",
        "/api/v1/calls/",
        "/api/v1/dossiers/{id}/submit/",
        "/api/v1/councils/{id}/score/",
    ):
        assert path in schema
