"""Spreadsheet exports of reporting rounds."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .models import Submission
from .selectors import LATE


def state_label(state: str) -> str:
    return _("Quá hạn") if state == LATE else str(Submission.Status(state).label)


def completeness_xlsx(rnd, completeness: dict) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Tình hình báo cáo")[:31]
    sheet.append([rnd.title])
    sheet.append([_("Hạn nộp"), rnd.deadline.strftime("%d/%m/%Y")])
    sheet.append([])
    sheet.append([_("Cơ quan, đơn vị"), _("Tình trạng"), _("Ngày gửi"), _("Ngày duyệt")])
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in completeness["rows"]:
        s = row["submission"]
        sheet.append(
            [
                s.agency.name,
                state_label(row["state"]),
                s.submitted_at.strftime("%d/%m/%Y") if s.submitted_at else "",
                s.approved_at.strftime("%d/%m/%Y") if s.approved_at else "",
            ]
        )
    sheet.append([])
    sheet.append([_("Tình trạng"), _("Số đơn vị"), _("Tỷ lệ (%)")])
    for item in completeness["summary"]:
        sheet.append([state_label(item["state"]), item["count"], item["percent"]])
    sheet.column_dimensions["A"].width = 60
    sheet.column_dimensions["B"].width = 20
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
