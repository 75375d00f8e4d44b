"""Review reports from approved data: the figures match, and a closed round never drifts."""

import datetime
from io import BytesIO

import pytest
from docx import Document
from pypdf import PdfReader

from indicators.models import Measurement
from reporting import services
from reporting.reports import report_file
from reporting.snapshots import snapshot_data

from .test_services import submitted

ISSUED = datetime.date(2025, 1, 25)


def docx_text(content: bytes) -> str:
    document = Document(BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


@pytest.fixture
def approved_round(round_2024, reporter_sokhcn, secretariat):
    """Sở KH&CN reported CT5 = 2 and task 1 in progress at 60%; the secretariat approved it."""
    submission = round_2024.submissions.get(agency__name="Sở Khoa học và Công nghệ")
    sent = submitted(submission, reporter_sokhcn)
    services.submission_approve(submission=sent, actor=secretariat, version=sent.version)
    return round_2024


def test_the_docx_report_shows_the_approved_figures_under_the_right_headers(approved_round):
    content, name, content_type = report_file(rnd=approved_round, fmt="party", ext="docx", issued_on=ISSUED)
    text = docx_text(content)
    assert name.endswith(".docx") and content_type.endswith("wordprocessingml.document")
    assert "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Hà Nội, ngày 25 tháng 01 năm 2025" in text
    assert "CT5" in text and "2%" in text
    assert "Đang triển khai" in text and "Đã hoàn thành các nhiệm vụ năm." in text


def test_the_state_format_pdf_has_the_decree_30_header_and_diacritics(approved_round):
    content, name, content_type = report_file(rnd=approved_round, fmt="state", ext="pdf", issued_on=ISSUED)
    text = pdf_text(content)
    assert content_type == "application/pdf"
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "Sở Khoa học và Công nghệ" in text


def test_a_closed_round_gives_the_same_report_however_the_data_changes_later(approved_round, secretariat):
    services.round_close(rnd=approved_round, actor=secretariat)
    approved_round.refresh_from_db()
    before = docx_text(report_file(rnd=approved_round, fmt="party", ext="docx", issued_on=ISSUED)[0])
    Measurement.objects.filter(indicator__code="CT5", year=2024).update(value=49)
    after = docx_text(report_file(rnd=approved_round, fmt="party", ext="docx", issued_on=ISSUED)[0])
    assert before == after and "49%" not in after


def test_the_next_review_shows_the_change_since_the_last_one(approved_round, secretariat, reporter_sokhcn):
    services.round_close(rnd=approved_round, actor=secretariat)
    later = services.round_open(
        programme=approved_round.programme,
        actor=secretariat,
        kind="final",
        year=2025,
        title="Tổng kết",
        cutoff=datetime.date(2025, 3, 31),
        deadline=datetime.date(2025, 4, 10),
        agencies=[approved_round.submissions.get(agency__name="Sở Khoa học và Công nghệ").agency],
    )
    snapshot_tasks = {t["number"]: t for t in snapshot_data(later)["tasks"]}
    assert snapshot_tasks[1]["previous_status_label"] == "Đang triển khai"
    assert snapshot_tasks[1]["previous_progress"] == 60


def test_only_the_secretariat_downloads_reports(client, approved_round, reporter_sokhcn, secretariat):
    url = f"/rounds/{approved_round.pk}/report-party.docx"
    client.force_login(reporter_sokhcn)
    assert client.get(url).status_code == 403
    client.force_login(secretariat)
    response = client.get(url)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert client.get(f"/rounds/{approved_round.pk}/report-royal.docx").status_code == 403


def test_the_secretariat_edits_the_report_text(client, approved_round, secretariat):
    client.force_login(secretariat)
    page = client.get(f"/rounds/{approved_round.pk}/template/state/")
    assert page.status_code == 200
    form = page.context["form"]
    data = {name: form.initial.get(name) or "" for name in form.fields} | {"opening": "Mở đầu do thường trực soạn."}
    assert client.post(f"/rounds/{approved_round.pk}/template/state/", data).status_code == 302
    content = report_file(rnd=approved_round, fmt="state", ext="docx", issued_on=ISSUED)[0]
    assert "Mở đầu do thường trực soạn." in docx_text(content)
