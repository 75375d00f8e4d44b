"""Helpers to fill a downloaded template the way a reporter does in Excel (with openpyxl)."""

import io

import pytest
from openpyxl import load_workbook

from workbooks.template import agency_template


def fill(content: bytes, *, indicators=(), tasks=()) -> bytes:
    """Write values into a template: each item is (row key, {column header: value}); the row
    key is the indicator code / task number in the row to change, or None for a new row."""
    book = load_workbook(io.BytesIO(content))
    for sheet_name, items, key_header in (("Chỉ tiêu", indicators, "Mã chỉ tiêu"), ("Nhiệm vụ", tasks, "Số thứ tự")):
        sheet = book[sheet_name]
        headers = {cell.value: cell.column for cell in sheet[1]}
        for key, values in items:
            row = _row_of(sheet, headers[key_header], key)
            for header, value in values.items():
                sheet.cell(row=row, column=headers[header]).value = value
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _row_of(sheet, column: int, key) -> int:
    for row in range(2, sheet.max_row + 2):
        value = sheet.cell(row=row, column=column).value
        if key is None and value is None:
            return row
        if key is not None and value is not None and str(value) == str(key):
            return row
    raise AssertionError(f"no row for {key!r}")


@pytest.fixture
def sokhcn(agency):
    return agency("Sở Khoa học và Công nghệ")


@pytest.fixture
def template_of(programme):
    def build(agency):
        return agency_template(programme=programme, agency=agency)

    return build
