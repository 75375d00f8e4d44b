"""Demo: a figure corrected (sửa) through the Excel import, with its reason in the history."""

import io

from openpyxl import load_workbook

from agencies.models import Agency

from . import services
from .template import agency_template

# An illustrative figure (it stays marked as such) corrected by the secretariat for Sở KH&CN.
CORRECTION = {"code": "CT5", "period": "2024", "kind": "Chính thức", "value": "44,8"}
REASON = "Minh họa: Sở KH&CN rà soát lại mẫu điều tra, loại các phiếu trùng"


def load_workbooks_demo(*, programme, actor) -> str:
    agency = Agency.objects.find("Sở Khoa học và Công nghệ")
    book = load_workbook(io.BytesIO(agency_template(programme=programme, agency=agency)))
    sheet = book["Chỉ tiêu"]
    headers = {cell.value: cell.column for cell in sheet[1]}
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, headers["Mã chỉ tiêu"]).value == "CT5")
    for header, value in (
        ("Kỳ", CORRECTION["period"]),
        ("Loại số liệu", CORRECTION["kind"]),
        ("Giá trị", CORRECTION["value"]),
        ("Lý do sửa", REASON),
    ):
        sheet.cell(row, headers[header]).value = value
    stream = io.BytesIO()
    book.save(stream)
    batch = services.import_batch_preview(
        programme=programme, agency=agency, actor=actor, data=stream.getvalue(), filename="bao-cao-so-khcn-sua.xlsx"
    )
    services.import_batch_confirm(batch=batch, actor=actor)
    return f"1 Excel import correcting {CORRECTION['code']} {CORRECTION['period']}"
