"""API writes of a task's life after selection: contract, progress reports, change requests,
acceptance and applications. Each write: 401 without a token, 403 for the wrong user, 400 with
the field named and nothing written for bad input."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from research_tasks import services
from research_tasks.models import Application, ChangeRequest, Contract, Dossier, ProgressReport, ResearchTask

from .conftest import ACCEPT_GOOD, COUNCIL


def api(user=None):
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


CONTRACT = {
    "number": "07/2024/HĐ-KHCN",
    "signed_on": "2024-07-01",
    "start_date": "2024-07-01",
    "end_date": "2026-06-30",
    "total_budget": "1200",
    "lines": [
        {"year": 2024, "item": "labour", "amount": "400"},
        {"year": 2025, "item": "equipment", "amount": 300},
        {"year": 2026, "item": "other", "amount": "500,0"},
    ],
    "milestones": [{"title": "Báo cáo giữa kỳ", "due_date": "2025-06-30"}],
    "products": [{"name": "Hệ thống cảnh báo ngập úng", "requirements": "Cảnh báo trước 2 giờ"}],
}


def test_the_secretariat_signs_a_contract_with_its_budget_lines(flow):
    flow.approved()
    response = api(flow.secretariat).post(f"/api/v1/research-tasks/{flow.task.pk}/contract/", CONTRACT, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["number"] == "07/2024/HĐ-KHCN" and body["total_budget"] == "1200.000"
    assert [(line["year"], line["item"], line["amount"]) for line in body["budget_lines"]] == [
        (2024, "labour", "400.000"),
        (2025, "equipment", "300.000"),
        (2026, "other", "500.000"),
    ]
    assert body["products"][0]["name"] == "Hệ thống cảnh báo ngập úng"
    flow.task.refresh_from_db()
    assert flow.task.stage == ResearchTask.Stage.IN_PROGRESS


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"total_budget": "1300"}, "lines"),  # the lines add up to 1 200
        (
            {
                "lines": [
                    {"year": 2024, "item": "labour", "amount": "1200"},
                    {"year": 2024, "item": "labour", "amount": "0"},
                ]
            },
            "lines",
        ),  # fmt: skip
        ({"lines": [{"year": 2024, "item": "wages", "amount": "1200"}]}, "lines.0.item"),
        ({"lines": []}, "lines"),
        ({"products": []}, "products"),
        ({"end_date": "2024-01-01"}, "end_date"),
        ({"total_budget": "9999"}, "total_budget"),  # above the ordered ceiling
        ({"total_budget": "abc"}, "total_budget"),
    ],
)
def test_a_bad_contract_is_refused_with_the_field_named_and_nothing_written(flow, change, field):
    flow.approved()
    response = api(flow.secretariat).post(
        f"/api/v1/research-tasks/{flow.task.pk}/contract/", {**CONTRACT, **change}, format="json"
    )
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"detail", "errors"} and field in body["errors"], body
    assert not Contract.objects.exists()
    flow.task.refresh_from_db()
    assert flow.task.stage == ResearchTask.Stage.APPROVED


def test_only_the_secretariat_signs_a_contract(flow):
    flow.approved()
    url = f"/api/v1/research-tasks/{flow.task.pk}/contract/"
    assert api().post(url, CONTRACT, format="json").status_code == 401
    assert api(flow.people["an"].user).post(url, CONTRACT, format="json").status_code == 403
    assert not Contract.objects.exists()


def test_contracts_are_read_by_their_pi_host_and_the_secretariat_only(flow):
    flow.contracted()
    assert api().get("/api/v1/contracts/").status_code == 401
    assert api(flow.people["binh"].user).get("/api/v1/contracts/").json()["results"] == []
    assert api(flow.people["binh"].user).get(f"/api/v1/contracts/{flow.contract.pk}/").status_code == 404
    mine = api(flow.people["an"].user).get(f"/api/v1/contracts/{flow.contract.pk}/").json()
    assert mine["task_code"] == flow.task.code and len(mine["budget_lines"]) == 4
    assert [c["id"] for c in api(flow.secretariat).get("/api/v1/contracts/").json()["results"]] == [flow.contract.pk]


def test_the_pi_submits_a_progress_report_and_no_one_else(flow):
    flow.contracted()
    url = f"/api/v1/contracts/{flow.contract.pk}/progress-reports/"
    report = {"period_end": "2025-01-31", "progress": 40, "summary": "Đã lắp đặt 20 cảm biến."}
    assert api().post(url, report, format="json").status_code == 401
    assert api(flow.secretariat).post(url, report, format="json").status_code == 403
    bad = api(flow.people["an"].user).post(url, {**report, "progress": 140}, format="json")
    assert bad.status_code == 400 and "progress" in bad.json()["errors"]
    assert not ProgressReport.objects.exists()
    response = api(flow.people["an"].user).post(url, report, format="json")
    assert response.status_code == 201 and response.json()["progress"] == 40
    assert ProgressReport.objects.get().summary == "Đã lắp đặt 20 cảm biến."


def test_the_pi_asks_for_a_budget_change_and_the_secretariat_decides(flow):
    flow.contracted()
    pi, url = flow.people["an"].user, f"/api/v1/contracts/{flow.contract.pk}/change-requests/"
    change = {
        "kind": "budget",
        "reason": "Chuyển kinh phí thiết bị sang thuê khoán.",
        "new_lines": [
            {"year": 2024, "item": "labour", "amount": "600"},
            {"year": 2025, "item": "labour", "amount": "400"},
            {"year": 2026, "item": "other", "amount": "200"},
        ],
    }
    assert api().post(url, change, format="json").status_code == 401
    assert api(flow.secretariat).post(url, change, format="json").status_code == 403
    short = api(pi).post(url, {**change, "new_lines": change["new_lines"][:1]}, format="json")
    assert short.status_code == 400 and "lines" in short.json()["errors"]
    assert not ChangeRequest.objects.exists()
    response = api(pi).post(url, change, format="json")
    assert response.status_code == 201 and response.json()["new_lines"]["2024:labour"] == "600"

    decide = f"/api/v1/contracts/{flow.contract.pk}/change-requests/{response.json()['id']}/decide/"
    assert api().post(decide, {"approve": True}, format="json").status_code == 401
    assert api(pi).post(decide, {"approve": True}, format="json").status_code == 403
    refused = api(flow.secretariat).post(decide, {"approve": False}, format="json")
    assert refused.status_code == 400 and "note" in refused.json()["errors"]
    done = api(flow.secretariat).post(decide, {"approve": True}, format="json")
    assert done.status_code == 200
    assert {line["item"] for line in done.json()["budget_lines"]} == {"labour", "other"}
    assert done.json()["change_requests"][0]["status"] == "approved"


def test_the_pi_opens_the_acceptance_dossier(flow):
    flow.contracted()
    url = f"/api/v1/research-tasks/{flow.task.pk}/acceptance-dossier/"
    assert api().post(url).status_code == 401
    assert api(flow.secretariat).post(url).status_code == 403
    assert not Dossier.objects.filter(kind="acceptance").exists()
    response = api(flow.people["an"].user).post(url)
    assert response.status_code == 201 and response.json()["kind"] == "acceptance"


def test_the_secretariat_records_the_acceptance_through_the_council(flow):
    flow.in_acceptance()
    flow.council = services.council_form(
        task=flow.task,
        actor=flow.secretariat,
        kind="acceptance",
        name="Hội đồng nghiệm thu",
        meeting_date=datetime.date(2026, 7, 15),
        members=[(flow.people[name], role) for name, role in COUNCIL],
    )
    flow.dossiers["an"] = flow.acceptance_dossier
    url = f"/api/v1/councils/{flow.council.pk}/decide/"
    early = api(flow.secretariat).post(url, {}, format="json")
    assert early.status_code == 400 and early.json()["errors"]["non_field_errors"]
    flow.all_score("an", ACCEPT_GOOD)
    assert api().post(url, {}, format="json").status_code == 401
    assert api(flow.people["chu"].user).post(url, {}, format="json").status_code == 403
    response = api(flow.secretariat).post(url, {}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "decided"
    task = api().get(f"/api/v1/research-tasks/{flow.task.pk}/").json()
    assert task["stage"] == "accepted" and task["acceptance"]["grade"] == "excellent"
    assert "93/2025/QH15" in task["acceptance"]["citation"]


APPLICATION = {"applied_by": "Sở Xây dựng", "place": "Quận Hoàn Kiếm", "effect": "Cảnh báo 12 điểm ngập.", "year": 2026}


def test_no_application_is_recorded_before_the_task_is_accepted(flow):
    flow.contracted()
    early = api(flow.people["an"].user).post(f"/api/v1/research-tasks/{flow.task.pk}/applications/", APPLICATION)
    assert early.status_code == 400 and early.json()["errors"]["non_field_errors"]
    assert not Application.objects.exists()


def test_applications_are_recorded_by_the_pi_or_secretariat_once_accepted(flow):
    flow.accepted()
    url = f"/api/v1/research-tasks/{flow.task.pk}/applications/"
    assert api().post(url, APPLICATION, format="json").status_code == 401
    assert api(flow.people["binh"].user).post(url, APPLICATION, format="json").status_code == 403
    late = api(flow.people["an"].user).post(url, {**APPLICATION, "year": 2023}, format="json")
    assert late.status_code == 400 and "year" in late.json()["errors"]
    assert not Application.objects.exists()
    response = api(flow.people["an"].user).post(url, APPLICATION, format="json")
    assert response.status_code == 201 and response.json()["applied_by"] == "Sở Xây dựng"
    assert api(flow.secretariat).post(url, {**APPLICATION, "place": "Quận Ba Đình"}, format="json").status_code == 201
    task = api().get(f"/api/v1/research-tasks/{flow.task.pk}/").json()
    assert sorted(a["place"] for a in task["applications"]) == ["Quận Ba Đình", "Quận Hoàn Kiếm"]
    assert task["contract"]["number"] == "01/2024/HĐ-KHCN"


def test_a_task_and_the_task_list_cost_a_fixed_number_of_queries(flow):
    flow.accepted()
    client = api()
    with CaptureQueriesContext(connection) as detail:
        assert client.get(f"/api/v1/research-tasks/{flow.task.pk}/").status_code == 200
    with CaptureQueriesContext(connection) as listing:
        assert client.get("/api/v1/research-tasks/").status_code == 200
    assert len(detail) <= 8, [q["sql"] for q in detail]
    assert len(listing) <= 4, [q["sql"] for q in listing]


def test_a_colleague_may_read_a_dossier_but_not_change_or_submit_it(flow, people, orgs):
    from accounts.models import User
    from research.models import Researcher

    flow.calling()
    dossier = flow.dossier("an", submit=False)
    colleague = Researcher.objects.create(
        full_name="Phạm Văn Đồng Nghiệp",
        organisation=orgs["hust"],
        user=User.objects.create_user(username="dong", password="pass-12345"),
    )
    client = api(colleague.user)
    assert client.get(f"/api/v1/dossiers/{dossier.pk}/").status_code == 200
    assert client.patch(f"/api/v1/dossiers/{dossier.pk}/", {"summary": "Sửa"}, format="json").status_code == 403
    assert client.post(f"/api/v1/dossiers/{dossier.pk}/submit/").status_code == 403
    assert api().post(f"/api/v1/dossiers/{dossier.pk}/submit/").status_code == 401
    dossier.refresh_from_db()
    assert dossier.status == "draft" and dossier.summary == "Tóm tắt hồ sơ."


def test_the_secretariat_without_a_seat_may_not_declare_or_score(flow):
    flow.evaluating(pis=("an",))
    council, dossier = flow.council.pk, flow.dossiers["an"].pk
    secretariat = api(flow.secretariat)
    declare = {"dossier": dossier, "has_conflict": False}
    assert secretariat.post(f"/api/v1/councils/{council}/declare/", declare, format="json").status_code == 403
    score = {"dossier": dossier, "scores": {"overview": "10"}}
    assert secretariat.post(f"/api/v1/councils/{council}/score/", score, format="json").status_code == 403
    assert api().post(f"/api/v1/councils/{council}/score/", score, format="json").status_code == 401
