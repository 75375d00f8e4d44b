import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from indicators.models import Measurement
from workbooks.models import ImportBatch

from .conftest import fill

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _urls(programme, agency):
    return {
        "upload": reverse("workbooks:upload", args=[programme.slug, agency.slug]),
        "template": reverse("workbooks:template", args=[programme.slug, agency.slug]),
    }


def _upload(client, programme, agency, content, name="bao-cao.xlsx"):
    url = _urls(programme, agency)["upload"]
    return client.post(url, {"file": SimpleUploadedFile(name, content, content_type=XLSX)})


def test_a_reporter_downloads_the_template_of_their_agency(client, programme, sokhcn, reporter_sokhcn):
    client.force_login(reporter_sokhcn)
    response = client.get(_urls(programme, sokhcn)["template"])
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert "attachment" in response["Content-Disposition"]
    assert load_workbook(io.BytesIO(response.content))["Chỉ tiêu"]["B2"].value == "CT5"


@pytest.mark.parametrize("page", ["upload", "template"])
def test_a_reporter_of_another_agency_and_the_public_are_refused(
    client, programme, sokhcn, reporter_other, public, page
):
    url = _urls(programme, sokhcn)[page]
    for user in (reporter_other, public):
        client.force_login(user)
        assert client.get(url).status_code == 403
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_an_upload_for_another_agency_is_refused_and_keeps_nothing(
    client, programme, sokhcn, reporter_other, template_of
):
    client.force_login(reporter_other)
    response = _upload(client, programme, sokhcn, fill(template_of(sokhcn), indicators=[("CT5", {"Giá trị": 7})]))
    assert response.status_code == 403
    assert not ImportBatch.objects.exists()


def test_the_secretariat_chooses_the_agency_it_acts_for(client, programme, sokhcn, secretariat, reporter_sokhcn):
    client.force_login(secretariat)
    response = client.get(reverse("workbooks:agencies", args=[programme.slug]))
    assert response.status_code == 200
    assert _urls(programme, sokhcn)["upload"] in response.content.decode()
    assert client.get(_urls(programme, sokhcn)["template"]).status_code == 200
    client.force_login(reporter_sokhcn)
    assert client.get(reverse("workbooks:agencies", args=[programme.slug])).status_code == 403


def test_upload_preview_confirm(client, programme, sokhcn, reporter_sokhcn, template_of):
    client.force_login(reporter_sokhcn)
    content = fill(template_of(sokhcn), indicators=[("CT5", {"Giá trị": "7,5", "Kỳ": "2024"})])
    response = _upload(client, programme, sokhcn, content)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("workbooks:preview", args=[batch.pk])

    page = client.get(response["Location"])  # a reload shows the same preview
    assert page.status_code == 200
    html = page.content.decode()
    assert "CT5" in html and "7,5" in html
    assert not Measurement.objects.filter(indicator__code="CT5").exists()

    response = client.post(reverse("workbooks:confirm", args=[batch.pk]))
    assert response.status_code == 302
    figure = Measurement.objects.get(indicator__code="CT5", year=2024)
    assert figure.history.get().history_user == reporter_sokhcn
    detail = client.get(reverse("indicators:detail", args=[programme.slug, "CT5"])).content.decode()
    assert "7,5" in detail


def test_a_bad_file_is_shown_with_its_error_and_nothing_is_kept(client, programme, sokhcn, reporter_sokhcn):
    client.force_login(reporter_sokhcn)
    response = _upload(client, programme, sokhcn, b"%PDF-1.4 not a workbook", name="bao-cao.xlsx")
    assert response.status_code == 400
    assert "không phải là một tệp Excel" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_the_errors_are_listed_by_sheet_row_and_column(client, programme, sokhcn, reporter_sokhcn, template_of):
    client.force_login(reporter_sokhcn)
    content = fill(template_of(sokhcn), indicators=[("CT5", {"Giá trị": "abc", "Kỳ": "2024"})])
    response = client.get(_upload(client, programme, sokhcn, content)["Location"])
    html = response.content.decode()
    assert 'id="confirm"' not in html
    assert "<td>Chỉ tiêu</td><td>2</td><td>Giá trị</td>" in html


def test_someone_else_cannot_see_or_confirm_a_pending_import(
    client, programme, sokhcn, reporter_sokhcn, secretariat, template_of
):
    client.force_login(reporter_sokhcn)
    content = fill(template_of(sokhcn), indicators=[("CT5", {"Giá trị": 7, "Kỳ": "2024"})])
    location = _upload(client, programme, sokhcn, content)["Location"]
    batch = ImportBatch.objects.get()
    client.force_login(secretariat)
    assert client.get(location).status_code == 403
    assert client.post(reverse("workbooks:confirm", args=[batch.pk])).status_code == 403
    assert client.post(reverse("workbooks:cancel", args=[batch.pk])).status_code == 403
    client.logout()
    assert client.post(reverse("workbooks:confirm", args=[batch.pk])).status_code == 302  # to the login page
    assert not Measurement.objects.filter(indicator__code="CT5").exists()


def test_confirm_is_post_only(client, programme, sokhcn, reporter_sokhcn, template_of):
    client.force_login(reporter_sokhcn)
    location = _upload(client, programme, sokhcn, fill(template_of(sokhcn), indicators=[("CT5", {"Giá trị": 7})]))[
        "Location"
    ]
    assert client.get(location.rstrip("/") + "/confirm/").status_code == 405


def test_the_preview_page_costs_a_fixed_number_of_queries(
    client, programme, sokhcn, reporter_sokhcn, template_of, django_assert_max_num_queries
):
    client.force_login(reporter_sokhcn)
    values = {"Giá trị": 7, "Kỳ": "2024"}
    content = fill(template_of(sokhcn), indicators=[(code, values) for code in ("CT5", "CT5.1", "CT6", "CT7.3")])
    location = _upload(client, programme, sokhcn, content)["Location"]
    with django_assert_max_num_queries(8):
        assert client.get(location).status_code == 200


def test_the_reporting_and_agency_pages_link_to_the_import(client, programme, sokhcn, reporter_sokhcn, reporter_other):
    client.force_login(reporter_sokhcn)
    start = reverse("workbooks:start")
    assert start in client.get(reverse("reporting:my-reports")).content.decode()
    agency_page = reverse("agencies:detail", args=[sokhcn.slug])
    assert reverse("workbooks:agency-start", args=[sokhcn.slug]) in client.get(agency_page).content.decode()
    response = client.get(start)
    assert response["Location"] == _urls(programme, sokhcn)["upload"]
    client.force_login(reporter_other)
    assert reverse("workbooks:agency-start", args=[sokhcn.slug]) not in client.get(agency_page).content.decode()


def test_the_secretariat_finds_the_import_on_any_agency_page(client, programme, sokhcn, secretariat, public):
    agency_page = reverse("agencies:detail", args=[sokhcn.slug])
    link = reverse("workbooks:agency-start", args=[sokhcn.slug])
    client.force_login(secretariat)
    assert link in client.get(agency_page).content.decode()
    response = client.get(link)
    assert response["Location"] == _urls(programme, sokhcn)["upload"]
    assert client.get(response["Location"]).status_code == 200
    client.force_login(public)
    assert link not in client.get(agency_page).content.decode()


def test_the_preview_shows_a_correction_old_to_new_with_its_reason(
    client, programme, sokhcn, reporter_sokhcn, template_of
):
    from indicators.services import measurement_record

    indicator = programme.indicators.get(code="CT5")
    measurement_record(
        indicator=indicator, actor=reporter_sokhcn, year=2024, value="7", source="Sở", kind="provisional"
    )
    client.force_login(reporter_sokhcn)
    row = {"Giá trị": "7,5", "Kỳ": "2024", "Loại số liệu": "Ước tính", "Lý do sửa": "Bổ sung số liệu quý 4"}
    response = _upload(client, programme, sokhcn, fill(template_of(sokhcn), indicators=[("CT5", row)]))
    html = client.get(response["Location"]).content.decode()
    assert 'id="count-corrections">1<' in html
    assert 'class="change-row correction-row"' in html
    assert "<s>7 (ước tính)</s>" in html and "7,5 (ước tính)" in html
    assert "Lý do sửa: Bổ sung số liệu quý 4" in html


def test_the_template_has_a_reason_column(client, programme, sokhcn, reporter_sokhcn):
    client.force_login(reporter_sokhcn)
    response = client.get(_urls(programme, sokhcn)["template"])
    book = load_workbook(io.BytesIO(response.content))
    assert "Lý do sửa" in [cell.value for cell in book["Chỉ tiêu"][1]]
