"""A reporter imports from Excel in a real browser: download, fill, upload, preview, confirm.
Screenshots of the preview of a correction and of the correction form go to $SCREENSHOT_DIR when it is set."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from deals.tests.screens import shoot
from indicators.models import Measurement
from indicators.services import measurement_record
from programmes.models import KeyTask

from .conftest import fill

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_restored_after_module")]


def _shoot(page, name: str) -> None:
    shoot(page, f"corrections-{name}")


def test_a_reporter_fills_the_template_and_imports_it(page, login, programme, reporter_sokhcn, tmp_path):
    login(reporter_sokhcn)
    page.get_by_role("link", name="Báo cáo của đơn vị").click()
    page.get_by_role("link", name="Nhập từ Excel").click()
    expect(page.get_by_role("heading", name="Nhập từ Excel")).to_be_visible()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải tệp mẫu (.xlsx)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    filled = fill(
        Path(download.path()).read_bytes(),
        indicators=[("CT5", {"Giá trị": "7,5", "Kỳ": "2024", "Nguồn": "Điều tra ĐMST 2024"})],
        tasks=[(1, {"Trạng thái": "Đang triển khai", "Tiến độ (%)": 60, "Nội dung cập nhật": "Đã trình dự thảo."})],
    )
    upload = tmp_path / "bao-cao-sokhcn.xlsx"
    upload.write_bytes(filled)

    page.get_by_label("Tệp Excel đã điền (.xlsx)").set_input_files(upload)
    page.get_by_role("button", name="Tải lên và xem trước").click()
    expect(page.get_by_role("heading", name="Xem trước lượt nhập")).to_be_visible()
    expect(page.locator("#count-changes")).to_have_text("2")
    expect(page.locator("#count-errors")).to_have_text("0")
    expect(page.locator("#figures")).to_contain_text("7,5 (chính thức)")
    expect(page.locator("#tasks")).to_contain_text("Chưa triển khai · 0%")
    expect(page.locator("#tasks")).to_contain_text("Đang triển khai · 60%")
    assert not Measurement.objects.filter(indicator__code="CT5").exists()  # nothing written before confirming

    page.reload()  # the preview survives a reload
    expect(page.locator("#count-changes")).to_have_text("2")
    page.get_by_role("button", name=re.compile("Xác nhận nhập 2 thay đổi")).click()
    expect(page.get_by_text("Đã nhập 2 thay đổi từ tệp Excel.")).to_be_visible()
    expect(page.locator("#batch-status")).to_have_text("Đã nhập")

    page.goto(f"/p/{programme.slug}/indicators/CT5/")
    history = page.locator("tr", has_text="reporter_sokhcn")
    expect(history.first).to_contain_text("2024: 7,5")
    assert KeyTask.objects.get(programme=programme, number=1).progress == 60


def test_a_file_with_an_error_cannot_be_confirmed(page, login, programme, reporter_sokhcn, tmp_path, agency):
    from workbooks.template import agency_template

    login(reporter_sokhcn)
    template = agency_template(programme=programme, agency=agency("Sở Khoa học và Công nghệ"))
    upload = tmp_path / "loi.xlsx"
    upload.write_bytes(fill(template, indicators=[("CT5", {"Giá trị": "=1+1", "Kỳ": "2024"})]))
    page.goto("/excel/")
    page.get_by_label("Tệp Excel đã điền (.xlsx)").set_input_files(upload)
    page.get_by_role("button", name="Tải lên và xem trước").click()
    expect(page.locator("#errors")).to_contain_text("công thức")
    expect(page.get_by_role("button", name=re.compile("Xác nhận nhập"))).to_have_count(0)


def test_a_reporter_corrects_a_figure_through_excel_then_on_the_indicator_page(
    page, login, programme, reporter_sokhcn, tmp_path, agency
):
    from workbooks.template import agency_template

    indicator = programme.indicators.get(code="CT5")
    figure = measurement_record(
        indicator=indicator, actor=reporter_sokhcn, year=2024, value="7", source="Ước tính của Sở", kind="provisional"
    )
    login(reporter_sokhcn)
    template = agency_template(programme=programme, agency=agency("Sở Khoa học và Công nghệ"))
    row = {"Giá trị": "7,5", "Kỳ": "2024", "Loại số liệu": "Ước tính", "Lý do sửa": "Bổ sung số liệu quý 4"}
    upload = tmp_path / "sua.xlsx"
    upload.write_bytes(fill(template, indicators=[("CT5", row)]))
    page.goto("/excel/")
    page.get_by_label("Tệp Excel đã điền (.xlsx)").set_input_files(upload)
    page.get_by_role("button", name="Tải lên và xem trước").click()
    correction = page.locator("#figures tr.correction-row")
    expect(correction).to_contain_text("7 (ước tính)")
    expect(correction).to_contain_text("7,5 (ước tính)")
    expect(correction).to_contain_text("Lý do sửa: Bổ sung số liệu quý 4")
    _shoot(page, "workbooks-preview")
    page.get_by_role("button", name=re.compile("Xác nhận nhập 1 thay đổi")).click()
    expect(page.locator("#batch-status")).to_have_text("Đã nhập")
    figure.refresh_from_db()
    assert str(figure.value) == "7.5000"

    page.goto(f"/p/{programme.slug}/indicators/CT5/")
    page.get_by_role("link", name="Sửa số liệu 2024 (ước tính)").click()
    form = page.locator("#correct-form")
    expect(form).to_be_visible()
    form.get_by_label("Giá trị đúng").fill("7,8")
    form.get_by_role("button", name="Lưu số liệu đã sửa").click()
    expect(page.locator("#correct-form .field-error")).to_have_text("Cần nêu lý do sửa số liệu.")
    _shoot(page, "indicator-form")
    page.locator("#correct-form").get_by_label("Lý do sửa").fill("Đối chiếu lại với báo cáo quý")
    page.locator("#correct-form").get_by_role("button", name="Lưu số liệu đã sửa").click()
    expect(page.get_by_text("Đã sửa số liệu 2024.")).to_be_visible()
    expect(page.locator("tr", has_text="Sửa số liệu 7,5 → 7,8: Đối chiếu lại với báo cáo quý").first).to_be_visible()
    _shoot(page, "indicator-history")
    figure.refresh_from_db()
    assert str(figure.value) == "7.8000"
