"""The template's shape, and files that must be refused before or while they are read."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from openpyxl import Workbook, load_workbook

from workbooks import services
from workbooks.models import ImportBatch

from .conftest import fill

pytestmark = pytest.mark.django_db


def test_the_template_holds_exactly_the_agencys_indicators_and_tasks(sokhcn, template_of):
    book = load_workbook(io.BytesIO(template_of(sokhcn)))
    assert book.sheetnames == ["Hướng dẫn", "Chỉ tiêu", "Nhiệm vụ"]
    codes = [row[1] for row in book["Chỉ tiêu"].iter_rows(min_row=2, values_only=True) if row[1]]
    assert "CT5" in codes and "CT6" in codes
    assert "CT1" not in codes  # Sở Kế hoạch và Đầu tư answers for it
    assert "CT7" not in codes  # a rank indicator is measured through its sub-indicators
    numbers = [row[1] for row in book["Nhiệm vụ"].iter_rows(min_row=2, values_only=True) if row[1]]
    assert numbers == [1, 2]


def test_the_template_locks_identifiers_hides_ids_and_lists_choices(sokhcn, template_of):
    sheet = load_workbook(io.BytesIO(template_of(sokhcn)))["Chỉ tiêu"]
    headers = [cell.value for cell in sheet[1]]
    assert headers[:3] == ["ID", "Mã chỉ tiêu", "Tên chỉ tiêu"]
    assert sheet.column_dimensions["A"].hidden
    assert sheet.protection.sheet
    assert sheet["B2"].protection.locked and sheet["C2"].protection.locked
    value_column = headers.index("Giá trị") + 1
    assert not sheet.cell(row=2, column=value_column).protection.locked
    spare = sheet.max_row  # a row below the filled ones, where a copied row is pasted
    assert sheet.cell(row=spare, column=2).value is None and not sheet.cell(row=spare, column=2).protection.locked
    lists = [v.formula1 for v in sheet.data_validations.dataValidation]
    assert '"Ước tính,Chính thức"' in lists


def test_the_task_sheet_offers_the_statuses(sokhcn, template_of):
    sheet = load_workbook(io.BytesIO(template_of(sokhcn)))["Nhiệm vụ"]
    headers = [cell.value for cell in sheet[1]]
    assert sheet.cell(row=2, column=headers.index("Ngày báo cáo") + 1).number_format == "DD/MM/YYYY"
    lists = [v.formula1 for v in sheet.data_validations.dataValidation]
    assert '"Chưa triển khai,Đang triển khai,Hoàn thành,Chậm tiến độ"' in lists


def _preview(programme, sokhcn, user, data, filename="bao-cao.xlsx"):
    return services.import_batch_preview(programme=programme, agency=sokhcn, actor=user, data=data, filename=filename)


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"ma,gia tri\nCT5,7.5\n", "bao-cao.csv", "Chỉ nhận tệp Excel .xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500, "bao-cao.xls", ".xls"),
        (b"%PDF-1.7\n1 0 obj\n", "bao-cao.xlsx", "không phải là một tệp Excel"),
        (b"PK\x03\x04" + b"hong" * 100, "bao-cao.xlsx", "Tệp bị hỏng"),
    ],
    ids=["csv", "xls", "pdf-renamed", "corrupt-zip"],
)
def test_a_file_that_is_not_a_readable_xlsx_is_refused(programme, sokhcn, reporter_sokhcn, data, filename, message):
    with pytest.raises(ValidationError, match=message):
        _preview(programme, sokhcn, reporter_sokhcn, data, filename)
    assert not ImportBatch.objects.exists()


def test_a_zip_that_is_not_a_workbook_is_refused(programme, sokhcn, reporter_sokhcn):
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ValidationError, match="Tệp bị hỏng"):
        _preview(programme, sokhcn, reporter_sokhcn, stream.getvalue())


@override_settings(WORKBOOK_MAX_BYTES=1000)
def test_an_oversized_file_is_refused(programme, sokhcn, reporter_sokhcn, template_of):
    with pytest.raises(ValidationError, match="Tệp quá lớn"):
        _preview(programme, sokhcn, reporter_sokhcn, template_of(sokhcn))
    assert not ImportBatch.objects.exists()


def test_a_formula_is_an_error_and_is_not_evaluated(programme, sokhcn, reporter_sokhcn, template_of):
    content = fill(template_of(sokhcn), indicators=[("CT5", {"Giá trị": "=3+4", "Kỳ": "2024"})])
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    assert [(e["sheet"], e["row"], e["column"]) for e in batch.errors] == [("indicators", 2, "value")]
    assert "công thức" in batch.errors[0]["message"]
    assert batch.changes == []


def test_a_missing_sheet_is_an_error(programme, sokhcn, reporter_sokhcn, template_of):
    book = load_workbook(io.BytesIO(template_of(sokhcn)))
    del book["Nhiệm vụ"]
    stream = io.BytesIO()
    book.save(stream)
    batch = _preview(programme, sokhcn, reporter_sokhcn, stream.getvalue())
    assert [(e["sheet"], e["row"]) for e in batch.errors] == [("tasks", None)]
    assert "Nhiệm vụ" in batch.errors[0]["message"]


def test_a_missing_column_is_an_error(programme, sokhcn, reporter_sokhcn, template_of):
    book = load_workbook(io.BytesIO(template_of(sokhcn)))
    sheet = book["Chỉ tiêu"]
    for cell in sheet[1]:
        if cell.value == "Nguồn":
            cell.value = "Nơi lấy số"
    stream = io.BytesIO()
    book.save(stream)
    batch = _preview(programme, sokhcn, reporter_sokhcn, stream.getvalue())
    assert [(e["sheet"], e["row"], e["column"]) for e in batch.errors] == [("indicators", 1, "source")]


def test_columns_are_found_by_their_header_in_any_order_case_or_accents(programme, sokhcn, reporter_sokhcn):
    book = Workbook()
    indicators = book.active
    indicators.title = "chi tieu"
    indicators.append(["gia tri", "LOẠI SỐ LIỆU", "Kỳ", "Nguồn", "ma chi tieu"])
    indicators.append(["7,5", "uoc tinh", "2024", "Sở KH&CN", "ct5"])
    tasks = book.create_sheet("NHIỆM VỤ")
    tasks.append(["Số thứ tự", "Trạng thái", "Tiến độ (%)", "Nội dung cập nhật", "Ngày báo cáo"])
    stream = io.BytesIO()
    book.save(stream)
    batch = _preview(programme, sokhcn, reporter_sokhcn, stream.getvalue())
    assert batch.errors == []
    assert [(c["code"], c["kind"], c["value"]) for c in batch.changes] == [("CT5", "provisional", "7.5")]


def test_a_percentage_typed_into_a_percent_cell_is_read_as_the_reporter_sees_it(
    programme, sokhcn, reporter_sokhcn, template_of
):
    book = load_workbook(io.BytesIO(template_of(sokhcn)))
    sheet = book["Chỉ tiêu"]
    headers = {cell.value: cell.column for cell in sheet[1]}
    cell = sheet.cell(row=2, column=headers["Giá trị"])
    cell.value, cell.number_format = 0.524, "0.0%"  # what Excel stores for "52,4%"
    sheet.cell(row=2, column=headers["Kỳ"]).value = "2024"
    stream = io.BytesIO()
    book.save(stream)
    batch = _preview(programme, sokhcn, reporter_sokhcn, stream.getvalue())
    assert [c["value"] for c in batch.changes] == ["52.4"]


def test_a_sheet_with_too_many_rows_is_refused(programme, sokhcn, reporter_sokhcn, template_of, monkeypatch):
    from workbooks import sheets

    monkeypatch.setattr(sheets, "MAX_ROWS", 3)
    batch = _preview(programme, sokhcn, reporter_sokhcn, template_of(sokhcn))  # 11 indicator rows
    assert [(e["sheet"], e["row"]) for e in batch.errors] == [("indicators", 5)]
    assert "quá 3 dòng" in batch.errors[0]["message"]
