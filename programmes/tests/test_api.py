"""Programmes, objectives and key tasks in the JSON API, progress reports through it, and the
OpenAPI document that describes the whole API."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from drf_spectacular.validation import validate_schema
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from programmes.models import KeyTask, KeyTaskUpdate, Programme
from programmes.services import key_task_update_record, programme_copy

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return APIClient()


def task(programme, number):
    return KeyTask.objects.get(programme=programme, number=number)


def updates_url(programme, number):
    return f"/api/v1/key-tasks/{task(programme, number).pk}/updates/"


def good_update(**changes):
    return {"reported_on": "2024-06-30", "status": "in_progress", "progress": 40, "text": "Đã trình UBND.", **changes}


def query_count(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, response.content
    return len(queries)


# Programmes ------------------------------------------------------------------------------


def test_programmes_are_listed_without_login_with_their_counts(client, programme):
    response = client.get("/api/v1/programmes/")

    assert response.status_code == 200
    [item] = response.json()["results"]
    assert item["slug"] == "07-ctr-tu"
    assert item["code"] == "07-CTr/TU"
    assert item["title_en"] == "Accelerating science, technology and innovation in Hanoi, 2021-2025"
    assert item["issuer"] == "Thành ủy Hà Nội"
    assert (item["start_year"], item["end_year"]) == (2021, 2025)
    assert item["general_objective"].startswith("Phát triển khoa học")
    assert item["previous_phase"] is None
    assert item["indicator_count"] == programme.indicators.count()
    assert item["key_task_count"] == 12
    assert "objectives" not in item


def test_programme_detail_carries_the_whole_programme_text(client, programme):
    response = client.get("/api/v1/programmes/07-ctr-tu/")

    assert response.status_code == 200
    body = response.json()
    assert [o["number"] for o in body["objectives"]] == [1, 2, 3, 4, 5]
    assert [r["number"] for r in body["requirements"]] == [1, 2, 3, 4]
    assert len(body["solution_groups"]) == 6
    first_group = body["solution_groups"][0]
    assert first_group["number"] == 1
    assert first_group["paragraphs"][0]["order"] == 1
    assert {"text", "is_bullet"} <= set(first_group["paragraphs"][0])
    assert len(body["implementing_bodies"]) == 7
    assert all({"slug", "name", "short_name"} == set(a) for b in body["implementing_bodies"] for a in b["agencies"])
    assert [p["order"] for p in body["roadmap_phases"]] == [1, 2, 3]
    assert len(body["milestones"]) == 7
    assert {m["phase"] for m in body["milestones"]} <= {None, 1, 2, 3}
    assert body["milestones"][0]["kind"] in {"launch", "annual_review", "mid_term_review", "final_review"}


def test_the_next_phase_names_its_previous_phase_by_slug(client, programme, secretariat):
    programme_copy(
        source=programme,
        actor=secretariat,
        code="08-CTr/TU",
        slug="08-ctr-tu",
        title="Giai đoạn 2026 - 2030",
        start_year=2026,
        end_year=2030,
    )

    response = client.get("/api/v1/programmes/08-ctr-tu/")

    assert response.status_code == 200
    assert response.json()["previous_phase"] == "07-ctr-tu"
    assert response.json()["key_task_count"] == 12


def test_an_unknown_programme_is_not_found(client, db):
    assert client.get("/api/v1/programmes/no-such-programme/").status_code == 404


def test_the_programme_list_costs_the_same_queries_for_few_or_many_programmes(client, programme):
    for n in range(5):
        Programme.objects.create(code=f"{n}-CTr/TU", slug=f"p{n}", title=f"P{n}", start_year=2010 + n, end_year=2015)

    assert query_count(client, "/api/v1/programmes/", {"page_size": 1}) == query_count(
        client, "/api/v1/programmes/", {"page_size": 100}
    )


# Objectives ------------------------------------------------------------------------------


def test_objectives_are_filtered_by_programme_slug(client, programme):
    Programme.objects.create(code="X", slug="other", title="Other", start_year=2021, end_year=2025).objectives.create(
        number=1, text="Mục tiêu khác"
    )

    response = client.get("/api/v1/objectives/", {"programme": "07-ctr-tu"})
    unknown = client.get("/api/v1/objectives/", {"programme": "no-such-programme"})

    assert response.status_code == 200
    results = response.json()["results"]
    assert [o["number"] for o in results] == [1, 2, 3, 4, 5]
    assert {o["programme"] for o in results} == {"07-ctr-tu"}
    assert unknown.status_code == 200
    assert unknown.json()["results"] == []


# Key tasks -------------------------------------------------------------------------------


def test_key_tasks_are_listed_with_ordered_lead_agencies(client, programme, agency):
    response = client.get("/api/v1/key-tasks/", {"programme": "07-ctr-tu"})

    assert response.status_code == 200
    results = response.json()["results"]
    assert [t["number"] for t in results] == list(range(1, 13))
    first = results[0]
    assert first["programme"] == "07-ctr-tu"
    assert [a["name"] for a in first["lead_agencies"]] == [
        agency("Ban cán sự đảng UBND Thành phố").name,
        "Sở Khoa học và Công nghệ",
    ]
    assert first["coordinating_units"]
    assert first["solution_group"] == 1
    assert (first["start_year"], first["end_year"], first["deadline"]) == (2021, 2030, "2030-12-31")
    assert (first["status"], first["progress"]) == ("not_started", 0)
    assert first["is_overdue"] is False
    assert "updates" not in first


def test_a_task_past_its_deadline_and_not_completed_is_overdue(client, programme):
    response = client.get("/api/v1/key-tasks/", {"programme": "07-ctr-tu"})

    by_number = {t["number"]: t for t in response.json()["results"]}
    assert by_number[2]["is_overdue"] is True  # deadline 31/12/2025, still not started


def test_key_tasks_are_filtered_by_lead_agency_and_status(client, programme, agency, reporter_sokhcn):
    key_task_update_record(
        task=task(programme, 2),
        actor=reporter_sokhcn,
        reported_on=datetime.date(2024, 6, 30),
        status="completed",
        progress=100,
        text="Xong.",
    )
    sokhcn = agency("Sở Khoa học và Công nghệ").slug

    led = client.get("/api/v1/key-tasks/", {"lead_agency": sokhcn}).json()["results"]
    completed = client.get("/api/v1/key-tasks/", {"status": "completed"}).json()["results"]

    assert [t["number"] for t in led] == [1, 2]
    assert [t["number"] for t in completed] == [2]


@pytest.mark.parametrize(
    "params",
    [{"status": "finished"}, {"status": ""}, {"lead_agency": "x" * 500}, {"programme": "'; drop table"}],
)
def test_bad_key_task_filters_give_a_bad_request_or_nothing(client, programme, params):
    response = client.get("/api/v1/key-tasks/", params)

    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert "status" in response.json()["errors"]
    elif params.get("status") != "":
        assert response.json()["results"] == []


def test_key_task_detail_gives_all_updates_newest_first(client, programme, reporter_sokhcn):
    reporter_sokhcn.first_name = "Lan"
    reporter_sokhcn.last_name = "Nguyễn"
    reporter_sokhcn.save()
    for day, progress in [(datetime.date(2023, 3, 1), 10), (datetime.date(2024, 3, 1), 30)]:
        key_task_update_record(
            task=task(programme, 2),
            actor=reporter_sokhcn,
            reported_on=day,
            status="in_progress",
            progress=progress,
            text=f"Đạt {progress}%.",
        )

    response = client.get(f"/api/v1/key-tasks/{task(programme, 2).pk}/")

    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["progress"]) == ("in_progress", 30)
    assert [u["reported_on"] for u in body["updates"]] == ["2024-03-01", "2023-03-01"]
    latest = body["updates"][0]
    assert latest["author"] == "Lan Nguyễn"
    assert latest["evidence"] is None
    assert (latest["status"], latest["progress"], latest["text"]) == ("in_progress", 30, "Đạt 30%.")


def test_the_key_task_list_costs_the_same_queries_for_few_or_many_tasks(client, programme):
    assert query_count(client, "/api/v1/key-tasks/", {"page_size": 2}) == query_count(
        client, "/api/v1/key-tasks/", {"page_size": 100}
    )


# Reporting progress ----------------------------------------------------------------------


def test_a_reporter_of_a_lead_agency_records_an_update(client, programme, reporter_sokhcn):
    client.force_authenticate(reporter_sokhcn)

    response = client.post(updates_url(programme, 2), good_update(), format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["reported_on"], body["status"], body["progress"]) == ("2024-06-30", "in_progress", 40)
    assert body["author"] == "reporter_sokhcn"
    update = KeyTaskUpdate.objects.get()
    assert update.pk == body["id"]
    assert update.author == reporter_sokhcn
    refreshed = task(programme, 2)
    assert (refreshed.status, refreshed.progress) == ("in_progress", 40)


def test_a_reporter_signs_in_with_a_token(client, programme, reporter_sokhcn):
    token = Token.objects.create(user=reporter_sokhcn)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")

    response = client.post(updates_url(programme, 2), good_update(), format="json")

    assert response.status_code == 201
    assert KeyTaskUpdate.objects.get().author == reporter_sokhcn


def test_the_secretariat_records_an_update_on_any_task(client, programme, secretariat):
    client.force_authenticate(secretariat)

    response = client.post(updates_url(programme, 6), good_update(), format="json")

    assert response.status_code == 201
    assert KeyTaskUpdate.objects.filter(task__number=6).count() == 1


def test_an_anonymous_visitor_is_asked_to_sign_in_and_nothing_is_written(client, programme):
    response = client.post(updates_url(programme, 2), good_update(), format="json")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Token")
    assert "detail" in response.json()
    assert not KeyTaskUpdate.objects.exists()


def test_a_wrong_token_is_refused(client, programme):
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    response = client.post(updates_url(programme, 2), good_update(), format="json")

    assert response.status_code == 401
    assert not KeyTaskUpdate.objects.exists()


@pytest.mark.parametrize("user_fixture", ["reporter_other", "public"])
def test_a_user_who_does_not_lead_the_task_is_refused(client, programme, request, user_fixture):
    client.force_authenticate(request.getfixturevalue(user_fixture))

    response = client.post(updates_url(programme, 2), good_update(), format="json")

    assert response.status_code == 403
    assert not KeyTaskUpdate.objects.exists()
    assert task(programme, 2).status == "not_started"


def test_a_refused_reporter_learns_nothing_about_their_bad_input(client, programme, reporter_other):
    client.force_authenticate(reporter_other)

    response = client.post(updates_url(programme, 2), {"progress": "lots"}, format="json")

    assert response.status_code == 403


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"progress": 150}, "progress"),
        ({"progress": -1}, "progress"),
        ({"progress": "half"}, "progress"),
        ({"status": "done"}, "status"),
        ({"text": ""}, "text"),
        ({"reported_on": "30/06/2024"}, "reported_on"),
        ({"reported_on": "2019-06-30"}, "reported_on"),
        ({"status": "not_started", "progress": 10}, "progress"),  # not started yet already advanced
        ({"reported_on": "2999-01-01"}, "reported_on"),
        ({"evidence": "bao-cao.pdf"}, "evidence"),
    ],
)
def test_bad_input_is_refused_with_field_errors_and_nothing_is_written(
    client, programme, reporter_sokhcn, changes, field
):
    client.force_authenticate(reporter_sokhcn)

    response = client.post(updates_url(programme, 2), good_update(**changes), format="json")

    assert response.status_code == 400, response.content
    body = response.json()
    assert body["detail"]
    assert field in body["errors"]
    assert all(isinstance(m, str) for m in body["errors"][field])
    assert not KeyTaskUpdate.objects.exists()
    assert task(programme, 2).progress == 0


def test_a_future_report_date_is_refused(client, programme, reporter_sokhcn):
    client.force_authenticate(reporter_sokhcn)
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)

    response = client.post(updates_url(programme, 1), good_update(reported_on=str(tomorrow)), format="json")

    assert response.status_code == 400
    assert "reported_on" in response.json()["errors"]
    assert not KeyTaskUpdate.objects.exists()


@pytest.mark.parametrize("body", ["not json", "[1, 2]", '{"progress": NaN}', "null"])
def test_a_malformed_body_is_a_bad_request(client, programme, reporter_sokhcn, body):
    client.force_authenticate(reporter_sokhcn)

    response = client.post(updates_url(programme, 2), body, content_type="application/json")

    assert response.status_code == 400
    assert "detail" in response.json()
    assert not KeyTaskUpdate.objects.exists()


def test_an_update_on_an_unknown_task_is_not_found(client, programme, secretariat):
    client.force_authenticate(secretariat)

    response = client.post("/api/v1/key-tasks/999999/updates/", good_update(), format="json")

    assert response.status_code == 404


def test_an_update_carries_an_evidence_file(client, programme, reporter_sokhcn):
    client.force_authenticate(reporter_sokhcn)
    evidence = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 report", content_type="application/pdf")

    response = client.post(updates_url(programme, 2), {**good_update(), "evidence": evidence}, format="multipart")

    assert response.status_code == 201, response.content
    assert response.json()["evidence"].startswith("http://testserver/media/evidence/tasks/")
    assert KeyTaskUpdate.objects.get().evidence.name.endswith(".pdf")


def test_a_file_that_is_not_what_its_name_says_is_refused(client, programme, reporter_sokhcn):
    client.force_authenticate(reporter_sokhcn)
    evidence = SimpleUploadedFile("bao-cao.pdf", b"MZ not a pdf", content_type="application/pdf")

    response = client.post(updates_url(programme, 2), {**good_update(), "evidence": evidence}, format="multipart")

    assert response.status_code == 400
    assert "evidence" in response.json()["errors"]
    assert not KeyTaskUpdate.objects.exists()


# The OpenAPI document --------------------------------------------------------------------


def test_the_schema_is_a_valid_openapi_3_document(client, db):
    response = client.get("/api/v1/schema/", {"format": "json"})

    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for path in [
        "/api/v1/programmes/",
        "/api/v1/programmes/{slug}/",
        "/api/v1/objectives/",
        "/api/v1/agencies/{slug}/",
        "/api/v1/indicators/",
        "/api/v1/key-tasks/{id}/",
        "/api/v1/measurements/",
    ]:
        assert "get" in paths[path], path
    assert set(paths["/api/v1/measurements/"]) == {"get", "post"}
    assert set(paths["/api/v1/key-tasks/{id}/updates/"]) == {"post"}
    create = paths["/api/v1/measurements/"]["post"]
    assert set(create["responses"]) == {"201", "400", "401", "403", "429"}
    assert create["responses"]["400"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ValidationError"
    }
    assert set(schema["components"]["schemas"]["ValidationError"]["properties"]) == {"detail", "errors"}


def test_the_schema_generates_without_warnings(tmp_path, db):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))

    assert (tmp_path / "schema.yaml").read_text().startswith("openapi: 3")
