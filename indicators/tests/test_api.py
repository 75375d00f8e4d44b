"""Indicators and measurements in the JSON API: reads for everyone, recording a figure only
for the responsible agency and the secretariat."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from indicators.models import Indicator, Measurement
from indicators.services import indicator_override_status, measurement_record

pytestmark = pytest.mark.django_db

MEASUREMENTS = "/api/v1/measurements/"


@pytest.fixture
def client():
    return APIClient()


def indicator(programme, code):
    return Indicator.objects.get(programme=programme, code=code)


def record(programme, code, year, value, **extra):
    return measurement_record(
        indicator=indicator(programme, code), actor=None, year=year, value=value, source="Niên giám", **extra
    )


def figure(programme, code="CT5", **changes):
    return {"indicator": indicator(programme, code).pk, "year": 2023, "value": 45.5, "source": "Điều tra", **changes}


def growth_inputs(**changes):
    return {"grdp_growth": "7", "capital_growth": "8", "labour_growth": "1", "capital_share": "0,4", **changes}


def query_count(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, response.content
    return len(queries)


# Indicators ------------------------------------------------------------------------------


def test_indicators_are_listed_without_login_with_their_definition(client, programme, agency):
    response = client.get("/api/v1/indicators/", {"code": "CT1"})

    assert response.status_code == 200
    [item] = response.json()["results"]
    assert item["programme"] == "07-ctr-tu"
    assert (item["code"], item["parent"]) == ("CT1", None)
    assert item["name_en"] == "Contribution of total factor productivity (TFP) to GRDP growth"
    assert (item["unit"], item["direction"], item["target_kind"]) == ("%", "increase", "floor")
    assert (item["target_value"], item["target_upper"], item["target_strict"]) == (50, None, True)
    assert (item["target_year"], item["baseline_value"], item["baseline_year"]) == (2025, 46, 2020)
    assert item["baseline_label"] == "2016 - 2020"
    assert item["responsible_agency"] == agency("Sở Kế hoạch và Đầu tư").slug
    assert (item["frequency"], item["computation"]) == ("Y", "growth_accounting")
    assert (item["min_value"], item["max_value"]) == (-200, 200)
    assert (item["status"], item["latest_value"], item["latest_period"]) == ("no_data", None, None)
    assert "measurements" not in item  # the series is on the indicator itself


def test_an_indicator_gives_its_measurements_and_the_value_in_use(client, programme):
    record(programme, "CT3", 2022, "60", kind="provisional")
    record(programme, "CT3", 2022, "61,5", published_on=datetime.date(2023, 3, 1), source_url="https://example.org/nam")
    record(programme, "CT3", 2021, "50")

    response = client.get(f"/api/v1/indicators/{indicator(programme, 'CT3').pk}/")

    assert response.status_code == 200
    body = response.json()
    assert body["latest_value"] == 61.5
    assert [(m["period"], m["kind"], m["value"]) for m in body["measurements"]] == [
        ("2021", "official", 50),
        ("2022", "official", 61.5),
        ("2022", "provisional", 60),
    ]
    official = body["measurements"][1]
    assert official["published_on"] == "2023-03-01"
    assert official["source"] == "Niên giám"
    assert official["source_url"] == "https://example.org/nam"
    assert (official["year"], official["period_kind"], official["period_number"]) == (2022, "Y", 0)
    assert (official["is_illustrative"], official["inputs"], official["evidence"]) == (False, {}, None)
    # baseline 25 (2017) towards more than 70 in 2025: 61.5 in 2022 is ahead of the straight path
    assert body["status"] == "substantial"


def test_a_rank_target_takes_the_least_advanced_status_of_its_parts(client, programme):
    record(programme, "CT7.1", 2023, "1")  # target: first place -> achieved
    record(programme, "CT7.2", 2022, "6")
    record(programme, "CT7.2", 2023, "5")  # towards third place, on the straight path -> substantial

    response = client.get("/api/v1/indicators/", {"code": "CT7"})

    [item] = response.json()["results"]
    assert (item["target_kind"], item["status"], item["latest_value"]) == ("rank", "substantial", None)


def test_the_secretariat_s_assessment_replaces_the_computed_status(client, programme, secretariat):
    record(programme, "CT5", 2023, "45")
    indicator_override_status(
        indicator=indicator(programme, "CT5"), actor=secretariat, status="moderate", reason="Theo điều tra 2024."
    )

    response = client.get("/api/v1/indicators/", {"code": "CT5"})

    [item] = response.json()["results"]
    assert (item["status"], item["latest_value"]) == ("moderate", 45)


def test_indicators_are_filtered_by_programme_parent_and_responsible_agency(client, programme, agency):
    sokhcn = agency("Sở Khoa học và Công nghệ").slug

    children = client.get("/api/v1/indicators/", {"parent": "CT7", "page_size": 100}).json()["results"]
    mine = client.get("/api/v1/indicators/", {"responsible_agency": sokhcn, "page_size": 100}).json()["results"]
    all_of_it = client.get("/api/v1/indicators/", {"programme": "07-ctr-tu", "page_size": 100}).json()
    none = client.get("/api/v1/indicators/", {"programme": "no-such-programme"}).json()

    assert [i["code"] for i in children] == [f"CT7.{n}" for n in range(1, 10)]
    assert {i["parent"] for i in children} == {"CT7"}
    assert mine and {i["responsible_agency"] for i in mine} == {sokhcn}
    assert all_of_it["count"] == Indicator.objects.filter(programme=programme).count()
    assert none["count"] == 0


def test_the_indicator_list_costs_the_same_queries_for_two_or_all_indicators(client, programme):
    for code, value in [("CT1", "47"), ("CT3", "60"), ("CT5", "45"), ("CT7.1", "1"), ("CT7.2", "4"), ("ĐT", "0,8")]:
        record(programme, code, 2023, value)
        record(programme, code, 2022, value, kind="provisional")

    two = query_count(client, "/api/v1/indicators/", {"page_size": 2})
    everything = query_count(client, "/api/v1/indicators/", {"page_size": 100})

    assert Indicator.objects.count() > 15
    assert two == everything
    assert everything <= 6


@pytest.mark.parametrize("key", ["999999", "abc", "99999999999999999999999", "-1"])
def test_an_unknown_indicator_is_not_found(client, db, key):
    assert client.get(f"/api/v1/indicators/{key}/").status_code == 404
    assert client.get(f"{MEASUREMENTS}{key}/").status_code == 404


# Measurements: reading -------------------------------------------------------------------


def test_measurements_are_listed_and_filtered_without_login(client, programme):
    record(programme, "CT3", 2022, "60")
    record(programme, "CT3", 2023, "65")
    record(programme, "CT5", 2023, "45")
    ct3 = indicator(programme, "CT3").pk

    by_indicator = client.get(MEASUREMENTS, {"indicator": ct3}).json()["results"]
    by_year = client.get(MEASUREMENTS, {"year": 2023, "programme": "07-ctr-tu"}).json()["results"]

    assert [(m["indicator"], m["indicator_code"], m["period"]) for m in by_indicator] == [
        (ct3, "CT3", "2022"),
        (ct3, "CT3", "2023"),
    ]
    assert {m["programme"] for m in by_indicator} == {"07-ctr-tu"}
    assert sorted(m["indicator_code"] for m in by_year) == ["CT3", "CT5"]


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"indicator": "abc"}, 400),
        ({"indicator": "1.5"}, 400),
        ({"year": "twenty"}, 400),
        ({"year": "-5"}, 200),
        ({"year": "32768"}, 200),
        ({"year": "99999999999999999999999"}, 400),
        ({"indicator": "99999999999999999999999"}, 400),
        ({"indicator": "9223372036854775807"}, 200),
        ({"indicator": "-1"}, 200),
        ({"programme": "\x00"}, 400),
        ({"programme": "x" * 5000}, 200),
    ],
)
def test_bad_measurement_filters_give_a_bad_request_or_nothing(client, programme, params, status):
    record(programme, "CT3", 2022, "60")

    response = client.get(MEASUREMENTS, params)

    assert response.status_code == status, response.content
    if status == 400:
        assert set(params) <= set(response.json()["errors"])
    else:
        assert response.json()["results"] == []


@pytest.mark.parametrize(
    ("params", "status"),
    [({"code": "x" * 1000}, 200), ({"responsible_agency": "'"}, 200), ({"parent": "\x00"}, 400)],
)
def test_bad_indicator_filters_give_a_bad_request_or_nothing(client, programme, params, status):
    response = client.get("/api/v1/indicators/", params)

    assert response.status_code == status
    if status == 400:
        assert set(params) <= set(response.json()["errors"])
    else:
        assert response.json()["results"] == []


def test_the_measurement_list_costs_the_same_queries_for_few_or_many(client, programme):
    for year in (2021, 2022, 2023, 2024):
        record(programme, "CT3", year, "60")
        record(programme, "CT5", year, "45")

    assert query_count(client, MEASUREMENTS, {"page_size": 2}) == query_count(client, MEASUREMENTS, {"page_size": 100})


# Measurements: recording -----------------------------------------------------------------


def test_the_responsible_agency_records_a_figure(client, programme, reporter_sokhcn):
    client.force_authenticate(reporter_sokhcn)

    response = client.post(
        MEASUREMENTS,
        figure(programme, value="45,5", kind="provisional", published_on="2024-01-10", note="Số ước."),
        format="json",
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["indicator_code"], body["period"], body["kind"], body["value"]) == ("CT5", "2023", "provisional", 45.5)
    saved = Measurement.objects.get()
    assert saved.pk == body["id"]
    assert saved.value == Decimal("45.5")
    assert saved.recorded_by == reporter_sokhcn
    assert (saved.source, saved.note, saved.published_on) == ("Điều tra", "Số ước.", datetime.date(2024, 1, 10))
    assert saved.history.get().history_user == reporter_sokhcn


def test_a_quarterly_figure_names_its_period(client, programme, reporter_sokhcn):
    client.force_authenticate(reporter_sokhcn)

    response = client.post(MEASUREMENTS, figure(programme, period_kind="Q", period_number=2), format="json")

    assert response.status_code == 201, response.content
    assert response.json()["period"] == "Q2/2023"


def test_the_secretariat_records_a_figure_for_any_indicator(client, programme, secretariat):
    client.force_authenticate(secretariat)

    response = client.post(MEASUREMENTS, figure(programme, "CT3", value=65), format="json")

    assert response.status_code == 201
    assert Measurement.objects.get().indicator.code == "CT3"


def test_growth_accounting_inputs_give_the_tfp_share(client, programme, reporter_skhdt):
    client.force_authenticate(reporter_skhdt)
    body = figure(programme, "CT1", **growth_inputs())
    del body["value"]

    response = client.post(MEASUREMENTS, body, format="json")

    assert response.status_code == 201, response.content
    saved = Measurement.objects.get()
    # TFP growth = 7 - 0.4 x 8 - 0.6 x 1 = 3.2, i.e. 45.71% of GRDP growth
    assert saved.value == Decimal("45.71")
    assert response.json()["value"] == 45.71
    assert response.json()["inputs"] == {
        "grdp_growth": "7",
        "capital_growth": "8",
        "labour_growth": "1",
        "capital_share": "0.4",
    }


def test_an_anonymous_visitor_is_asked_to_sign_in_and_nothing_is_written(client, programme):
    response = client.post(MEASUREMENTS, figure(programme), format="json")

    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Token")
    assert not Measurement.objects.exists()


@pytest.mark.parametrize("user_fixture", ["reporter_other", "reporter_skhdt", "public"])
def test_a_reporter_of_another_agency_is_refused(client, programme, request, user_fixture):
    client.force_authenticate(request.getfixturevalue(user_fixture))

    response = client.post(MEASUREMENTS, figure(programme), format="json")
    with_bad_input = client.post(MEASUREMENTS, figure(programme, value="lots", year=1900), format="json")

    assert response.status_code == 403
    assert with_bad_input.status_code == 403
    assert "detail" in response.json()
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"value": "bảy"}, "value"),
        ({"value": "NaN"}, "value"),
        ({"value": "Infinity"}, "value"),
        ({"value": True}, "value"),
        ({"value": [1]}, "value"),
        ({"value": {"a": 1}}, "value"),
        ({"value": "1e999999999"}, "value"),
        ({"value": "0.000001"}, "value"),
        ({"value": "1" * 2000}, "value"),
        ({"value": 150}, "value"),  # a percentage above 100
        ({"value": -1}, "value"),
        ({"value": None}, "value"),
        ({"value": ""}, "value"),
        ({"year": 2019}, "year"),  # before the programme
        ({"year": 2030}, "year"),
        ({"year": 0}, "year"),
        ({"year": 10**30}, "year"),
        ({"year": "2023a"}, "year"),
        ({"source": ""}, "source"),
        ({"source": "   "}, "source"),
        ({"source": None}, "source"),
        ({"source": "x" * 501}, "source"),
        ({"source_url": "not a url"}, "source_url"),
        ({"kind": "estimated"}, "kind"),
        ({"period_kind": "W"}, "period_kind"),
        ({"period_kind": "Q", "period_number": 5}, "period_number"),
        ({"period_kind": "Y", "period_number": 3}, "period_number"),
        ({"period_number": 99}, "period_number"),
        ({"published_on": "tomorrow"}, "published_on"),
        ({"evidence": "so-lieu.pdf"}, "evidence"),
        ({"period_number": 1.5}, "period_number"),
        ({"indicator": 999999}, "indicator"),
        ({"indicator": "CT5"}, "indicator"),
        ({"indicator": 10**30}, "indicator"),
        ({"indicator": None}, "indicator"),
        (growth_inputs(), "value"),  # both a value and the inputs
        ({"value": None, **growth_inputs()}, "value"),  # inputs for an indicator entered directly
        ({"value": None, "grdp_growth": "7"}, "capital_growth"),
    ],
)
def test_bad_input_is_refused_with_field_errors_and_nothing_is_written(client, programme, secretariat, changes, field):
    client.force_authenticate(secretariat)

    response = client.post(MEASUREMENTS, figure(programme, **changes), format="json")

    assert response.status_code == 400, response.content
    body = response.json()
    assert body["detail"]
    assert field in body["errors"], body
    assert all(isinstance(m, str) for m in body["errors"][field])
    assert not Measurement.objects.exists()


@pytest.mark.parametrize("body", ["not json", "[1, 2]", '{"value": NaN}', "null", '"text"'])
def test_a_malformed_body_is_a_bad_request(client, programme, secretariat, body):
    client.force_authenticate(secretariat)

    response = client.post(MEASUREMENTS, body, content_type="application/json")

    assert response.status_code == 400
    assert "detail" in response.json()
    assert not Measurement.objects.exists()


def test_missing_fields_are_named(client, programme, secretariat):
    client.force_authenticate(secretariat)

    response = client.post(MEASUREMENTS, {}, format="json")

    assert response.status_code == 400
    assert {"indicator", "year", "source"} <= set(response.json()["errors"])


def test_a_period_that_already_has_its_figure_is_refused(client, programme, reporter_sokhcn):
    record(programme, "CT5", 2023, "40")
    client.force_authenticate(reporter_sokhcn)

    response = client.post(MEASUREMENTS, figure(programme), format="json")

    assert response.status_code == 400
    assert "year" in response.json()["errors"]
    assert Measurement.objects.get().value == Decimal("40")


def test_a_period_that_has_not_started_is_refused(client, programme, secretariat):
    client.force_authenticate(secretariat)
    next_year = datetime.date.today().year + 1

    response = client.post(MEASUREMENTS, figure(programme, year=next_year), format="json")

    assert response.status_code == 400
    assert not Measurement.objects.exists()


def test_a_rank_target_is_measured_through_its_parts(client, programme, reporter_sokhcn):
    client.force_authenticate(reporter_sokhcn)

    response = client.post(MEASUREMENTS, figure(programme, "CT7", value=1), format="json")

    assert response.status_code == 400
    assert "value" in response.json()["errors"]
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"capital_share": "1,5"}, "capital_share"),
        ({"grdp_growth": "0"}, "grdp_growth"),
        ({"grdp_growth": "0.000001"}, "grdp_growth"),  # too small to divide by
        ({"labour_growth": "many"}, "labour_growth"),
        ({"capital_growth": "1e30"}, "capital_growth"),
    ],
)
def test_bad_growth_accounting_inputs_are_refused(client, programme, reporter_skhdt, changes, field):
    client.force_authenticate(reporter_skhdt)
    body = figure(programme, "CT1", **growth_inputs(**changes))
    del body["value"]

    response = client.post(MEASUREMENTS, body, format="json")

    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    assert not Measurement.objects.exists()


def test_a_figure_is_sent_as_a_form_with_its_evidence(client, programme, reporter_sokhcn):
    client.force_authenticate(reporter_sokhcn)
    evidence = SimpleUploadedFile("so-lieu.pdf", b"%PDF-1.4 figures", content_type="application/pdf")
    body = {**figure(programme, value="45,5"), "evidence": evidence, "grdp_growth": "", "published_on": ""}

    response = client.post(MEASUREMENTS, body, format="multipart")

    assert response.status_code == 201, response.content
    assert response.json()["evidence"].startswith("http://testserver/media/evidence/indicators/")
    assert Measurement.objects.get().value == Decimal("45.5")


def test_an_evidence_file_of_a_forbidden_type_is_refused(client, programme, reporter_sokhcn):
    client.force_authenticate(reporter_sokhcn)
    evidence = SimpleUploadedFile("so-lieu.exe", b"MZ", content_type="application/octet-stream")

    response = client.post(MEASUREMENTS, {**figure(programme), "evidence": evidence}, format="multipart")

    assert response.status_code == 400
    assert "evidence" in response.json()["errors"]
    assert not Measurement.objects.exists()


def test_measurements_cannot_be_changed_or_deleted_through_the_api(client, programme, secretariat):
    saved = record(programme, "CT5", 2023, "40")
    client.force_authenticate(secretariat)

    assert client.put(f"{MEASUREMENTS}{saved.pk}/", figure(programme), format="json").status_code == 405
    assert client.delete(f"{MEASUREMENTS}{saved.pk}/").status_code == 405
    assert Measurement.objects.get().value == Decimal("40")
