"""Indicator pages: public reading, and writes refused to the wrong user."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from indicators.models import Indicator, Measurement
from indicators.services import measurement_record

URL = "/p/07-ctr-tu/indicators/{code}/"
FORM = {"year": 2024, "period_kind": "Y", "period_number": 0, "kind": "official", "value": "45,5", "source": "Điều tra"}


def post_measurement(client, user, code="CT5", **data):
    if user:
        client.force_login(user)
    return client.post(URL.format(code=code) + "measurements/", {**FORM, **data})


def test_the_public_sees_an_indicator_with_its_target_and_source(client, programme):
    response = client.get(URL.format(code="CT1"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Năng suất các nhân tố tổng hợp (TFP) đóng góp trên 50% vào tăng trưởng GRDP;" in html
    assert "&gt; 50%" in html and "46%" in html
    assert "Nhập số liệu" not in html


def test_an_unknown_indicator_is_404(client, programme):
    assert client.get(URL.format(code="XX9")).status_code == 404


def test_reporter_of_the_responsible_agency_records_a_figure(client, reporter_sokhcn):
    response = post_measurement(client, reporter_sokhcn)
    assert response.status_code == 302
    measurement = Measurement.objects.get()
    assert (measurement.indicator.code, str(measurement.value), measurement.recorded_by) == (
        "CT5",
        "45.5000",
        reporter_sokhcn,
    )
    page = client.get(URL.format(code="CT5")).content.decode()
    assert "45,5%" in page


def test_reporter_of_another_agency_is_refused(client, reporter_other):
    assert post_measurement(client, reporter_other).status_code == 403
    assert not Measurement.objects.exists()


def test_reporter_of_another_agency_does_not_see_the_form(client, reporter_other):
    client.force_login(reporter_other)
    assert "Nhập số liệu" not in client.get(URL.format(code="CT5")).content.decode()


def test_an_anonymous_visitor_is_sent_to_login(client, programme):
    response = post_measurement(client, None)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not Measurement.objects.exists()


def test_a_public_viewer_account_is_refused(client, public, programme):
    assert post_measurement(client, public).status_code == 403


def test_the_secretariat_may_record_any_indicator(client, secretariat):
    assert post_measurement(client, secretariat, code="CT3", value="52").status_code == 302


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"value": "abc"}, "Giá trị phải là một số"),
        ({"value": "150"}, "Giá trị phải nằm trong khoảng 0 đến 100 %"),
        ({"year": 2030}, "nằm ngoài thời gian của chương trình"),
    ],
)
def test_bad_input_shows_a_vietnamese_message_and_writes_nothing(client, reporter_sokhcn, data, message):
    response = post_measurement(client, reporter_sokhcn, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Measurement.objects.exists()


def test_a_second_figure_for_the_same_period_is_refused(client, reporter_sokhcn):
    post_measurement(client, reporter_sokhcn)
    response = post_measurement(client, reporter_sokhcn, value="47")
    assert response.status_code == 400
    assert Measurement.objects.get().value == 45.5


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "Không nhận tệp “exe”"),
        ("fake.pdf", b"not a pdf at all", "Nội dung tệp không đúng định dạng pdf"),
    ],
)
def test_an_evidence_file_of_a_wrong_type_is_refused(client, reporter_sokhcn, name, content, message):
    client.force_login(reporter_sokhcn)
    response = client.post(
        URL.format(code="CT5") + "measurements/", {**FORM, "evidence": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Measurement.objects.exists()


def test_an_evidence_file_that_is_too_large_is_refused(client, reporter_sokhcn, settings):
    settings.EVIDENCE_MAX_BYTES = 1024
    client.force_login(reporter_sokhcn)
    big = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n" + b"x" * 2048)
    response = client.post(URL.format(code="CT5") + "measurements/", {**FORM, "evidence": big})
    assert response.status_code == 400
    assert "Tệp quá lớn" in response.content.decode()
    assert not Measurement.objects.exists()


def test_a_valid_evidence_file_is_kept(client, reporter_sokhcn):
    client.force_login(reporter_sokhcn)
    pdf = SimpleUploadedFile("report.pdf", b"%PDF-1.4\nminimal")
    assert client.post(URL.format(code="CT5") + "measurements/", {**FORM, "evidence": pdf}).status_code == 302
    assert Measurement.objects.get().evidence.name.endswith(".pdf")


def test_the_growth_accounting_form_shows_the_computed_share(client, reporter_skhdt):
    client.force_login(reporter_skhdt)
    data = {
        "year": 2023,
        "kind": "official",
        "grdp_growth": "6,27",
        "capital_growth": "6,8",
        "labour_growth": "1,3",
        "capital_share": "0,45",
        "source": "Cục Thống kê",
    }
    assert client.post(URL.format(code="CT1") + "growth-accounting/", data).status_code == 302
    page = client.get(URL.format(code="CT1")).content.decode()
    assert "39,79%" in page and "g_Y − α·g_K" in page


def test_only_the_secretariat_overrides_a_status(client, reporter_sokhcn, secretariat):
    data = {"status": "achieved", "reason": "Theo báo cáo tổng kết"}
    client.force_login(reporter_sokhcn)
    assert client.post(URL.format(code="CT5") + "status/", data).status_code == 403
    client.force_login(secretariat)
    assert client.post(URL.format(code="CT5") + "status/", data).status_code == 302
    page = client.get(URL.format(code="CT5")).content.decode()
    assert "Theo báo cáo tổng kết" in page and "Điều chỉnh thủ công" in page


def test_an_override_without_reason_is_refused(client, secretariat):
    client.force_login(secretariat)
    response = client.post(URL.format(code="CT5") + "status/", {"status": "achieved", "reason": ""})
    assert response.status_code == 400
    assert Indicator.objects.get(code="CT5").status_override == ""


def test_the_indicator_page_costs_a_fixed_number_of_queries(client, programme, secretariat):
    ct6 = Indicator.objects.get(programme=programme, code="CT6")
    client.get(URL.format(code="CT6"))  # warm caches (sessions, content types)
    with CaptureQueriesContext(connection) as few:
        client.get(URL.format(code="CT6"))
    for year in range(2021, 2026):
        measurement_record(indicator=ct6, actor=secretariat, year=year, value=str(20 + year - 2021), source="x")
        for child in ct6.children.all():
            measurement_record(indicator=child, actor=secretariat, year=year, value="100", source="x")
    with CaptureQueriesContext(connection) as many:
        client.get(URL.format(code="CT6"))
    assert len(many) == len(few) <= 15
