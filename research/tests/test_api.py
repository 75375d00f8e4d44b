"""The research API: reads for everyone with filters and search; writes with a token, by the
researcher themself, the output's authors or staff; bad identifiers answered with 400."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from research.models import Output

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def with_token(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def new_output(**changes):
    return {"kind": "article", "title": "Bài báo qua API", "year": 2025, **changes}


# Reads -------------------------------------------------------------------------------------------


def test_outputs_are_listed_with_authors_and_filtered(api, make_output, researcher_an, researcher_cuong):
    make_output("Nghiên cứu vật liệu", year=2021, authors=[researcher_an], doi="10.99999/a")
    make_output("Nghiên cứu hóa học", year=2023, authors=[researcher_cuong])

    data = api.get("/api/v1/outputs/", {"organisation": "hust"}).json()
    [item] = data["results"]
    assert item["title"] == "Nghiên cứu vật liệu"
    assert item["researchers"] == [{"id": researcher_an.pk, "full_name": "Nguyễn Văn An", "position": 1}]
    assert item["organisations"] == ["hust"]
    assert api.get("/api/v1/outputs/", {"doi": "https://doi.org/10.99999/A"}).json()["count"] == 1
    assert api.get("/api/v1/outputs/", {"year_from": 2022}).json()["count"] == 1
    assert api.get("/api/v1/outputs/", {"researcher": researcher_cuong.pk}).json()["count"] == 1


def test_q_searches_without_accents_best_match_first(api, make_output):
    make_output("Hóa học xanh", year=2024)
    make_output("Nghiên cứu hóa học", year=2020)
    make_output("Vật lý", year=2022)
    titles = [o["title"] for o in api.get("/api/v1/outputs/", {"q": "nghien cuu hoa hoc"}).json()["results"]]
    assert titles == ["Nghiên cứu hóa học"]
    titles = [o["title"] for o in api.get("/api/v1/outputs/", {"q": "hoa"}).json()["results"]]
    assert titles == ["Hóa học xanh", "Nghiên cứu hóa học"]


def test_the_output_list_costs_the_same_queries_for_one_or_many(api, make_output, researcher_an):
    make_output("Bài 1", authors=[researcher_an])
    with CaptureQueriesContext(connection) as one:
        api.get("/api/v1/outputs/")
    for n in range(20):
        make_output(f"Bài {n + 2}", authors=[researcher_an])
    with CaptureQueriesContext(connection) as many:
        api.get("/api/v1/outputs/")
    assert len(one) == len(many) == 4  # count, page, authors, organisations


def test_researchers_and_organisations_are_listed(api, researcher_an, researcher_cuong):
    assert [r["full_name"] for r in api.get("/api/v1/researchers/", {"q": "nguyen an"}).json()["results"]] == [
        "Nguyễn Văn An"
    ]
    assert api.get("/api/v1/researchers/", {"orcid": "0000-0002-1825-0097"}).json()["count"] == 1
    assert api.get("/api/v1/researchers/", {"organisation": "vast"}).json()["results"][0]["full_name"] == "Lê Văn Cường"
    assert api.get("/api/v1/organisations/hust/").json()["name"] == "Đại học Bách khoa Hà Nội"
    assert [o["slug"] for o in api.get("/api/v1/organisations/", {"q": "vien han lam"}).json()["results"]] == ["vast"]


def test_a_bad_filter_value_is_a_400(api):
    response = api.get("/api/v1/outputs/", {"year": "abc"})
    assert response.status_code == 400
    assert "year" in response.json()["errors"]


# Writes ------------------------------------------------------------------------------------------


def test_writing_without_a_token_is_401_and_writes_nothing(api, researcher_an):
    assert api.post("/api/v1/outputs/", new_output(), format="json").status_code == 401
    assert api.patch(f"/api/v1/researchers/{researcher_an.pk}/", {"title": "X"}, format="json").status_code == 401
    assert not Output.objects.exists()


def test_a_researcher_adds_an_output_with_a_token_and_becomes_its_author(researcher_an):
    response = with_token(researcher_an.user).post(
        "/api/v1/outputs/", new_output(doi="https://doi.org/10.99999/API"), format="json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["doi"] == "10.99999/api"
    assert [r["id"] for r in body["researchers"]] == [researcher_an.pk]
    assert body["organisations"] == ["hust"]


def test_a_bad_doi_is_a_400_with_the_field_error(researcher_an):
    response = with_token(researcher_an.user).post("/api/v1/outputs/", new_output(doi="11.1/x"), format="json")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["doi"]
    assert "không hợp lệ" in response.json()["errors"]["doi"][0]
    assert not Output.objects.exists()


def test_a_duplicate_doi_is_a_400(researcher_an, make_output):
    make_output("Đã có", doi="10.99999/dup")
    response = with_token(researcher_an.user).post("/api/v1/outputs/", new_output(doi="10.99999/DUP"), format="json")
    assert response.status_code == 400
    assert "doi" in response.json()["errors"]


def test_a_user_without_profile_may_not_add_outputs(public):
    response = with_token(public).post("/api/v1/outputs/", new_output(), format="json")
    assert response.status_code == 403
    assert not Output.objects.exists()


def test_only_authors_and_staff_change_an_output(researcher_an, researcher_binh, staff, make_output):
    output = make_output("Bài của An", authors=[researcher_an])
    url = f"/api/v1/outputs/{output.pk}/"

    assert with_token(researcher_binh.user).patch(url, {"title": "Đổi"}, format="json").status_code == 403
    assert with_token(researcher_binh.user).patch(url, {"doi": "bad"}, format="json").status_code == 403
    response = with_token(researcher_an.user).patch(url, {"title": "Bài đã sửa"}, format="json")
    assert response.status_code == 200 and response.json()["title"] == "Bài đã sửa"
    response = with_token(staff).put(url, new_output(title="Staff sửa", year=2019), format="json")
    assert response.status_code == 200 and response.json()["year"] == 2019


def test_a_researcher_updates_their_profile_and_a_bad_orcid_is_a_400(researcher_an, vast):
    url = f"/api/v1/researchers/{researcher_an.pk}/"
    client = with_token(researcher_an.user)

    response = client.patch(url, {"orcid": "0000-0002-1825-0098"}, format="json")
    assert response.status_code == 400 and list(response.json()["errors"]) == ["orcid"]

    response = client.patch(url, {"title": "GS.TS.", "organisation": "vast"}, format="json")
    assert response.status_code == 200, response.json()
    assert (response.json()["title"], response.json()["organisation"]) == ("GS.TS.", "vast")
    researcher_an.refresh_from_db()
    assert (researcher_an.full_name, researcher_an.orcid) == ("Nguyễn Văn An", "0000-0002-1825-0097")  # kept


def test_another_user_may_not_update_a_profile(researcher_an, researcher_binh):
    response = with_token(researcher_binh.user).patch(
        f"/api/v1/researchers/{researcher_an.pk}/", {"full_name": "Bị đổi"}, format="json"
    )
    assert response.status_code == 403
    researcher_an.refresh_from_db()
    assert researcher_an.full_name == "Nguyễn Văn An"
