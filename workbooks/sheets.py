"""The Excel side: the template an agency downloads, and reading back what it filled in.

Nothing here touches the database. A sheet and its columns are found by their header text
(Vietnamese or English, accents and case ignored), so a reporter may reorder columns; every
row carries the hidden id of its indicator or task, so a row whose name was edited is still
matched to the right item.
"""

import datetime
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from core.text import fold

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_ROWS = 200  # per sheet: an agency has tens of items; each row costs ~12 queries (see docs/benchmarks.md)
MAX_UNZIPPED = 50 * 1024 * 1024  # a small file that unpacks to gigabytes is refused before reading


@dataclass(frozen=True)
class Column:
    key: str
    label: object  # a lazy translation
    width: int
    editable: bool = False
    required: bool = False
    hidden: bool = False


@dataclass(frozen=True)
class SheetSpec:
    key: str
    title: object
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


INDICATORS = SheetSpec(
    "indicators",
    gettext_lazy("Chỉ tiêu"),
    (
        Column("id", "ID", 8, hidden=True),
        Column("code", gettext_lazy("Mã chỉ tiêu"), 12, required=True),
        Column("name", gettext_lazy("Tên chỉ tiêu"), 60),
        Column("unit", gettext_lazy("Đơn vị"), 14),
        Column("current", gettext_lazy("Số liệu đã có"), 26),
        Column("period", gettext_lazy("Kỳ"), 12, editable=True, required=True),
        Column("value", gettext_lazy("Giá trị"), 12, editable=True, required=True),
        Column("kind", gettext_lazy("Loại số liệu"), 14, editable=True, required=True),
        Column("source", gettext_lazy("Nguồn"), 36, editable=True, required=True),
        Column("note", gettext_lazy("Ghi chú"), 36, editable=True),
        Column("reason", gettext_lazy("Lý do sửa"), 30, editable=True),
    ),
)
TASKS = SheetSpec(
    "tasks",
    gettext_lazy("Nhiệm vụ"),
    (
        Column("id", "ID", 8, hidden=True),
        Column("number", gettext_lazy("Số thứ tự"), 10, required=True),
        Column("title", gettext_lazy("Tên nhiệm vụ"), 60),
        Column("current", gettext_lazy("Tình hình đã báo cáo"), 26),
        Column("status", gettext_lazy("Trạng thái"), 18, editable=True, required=True),
        Column("progress", gettext_lazy("Tiến độ (%)"), 12, editable=True, required=True),
        Column("text", gettext_lazy("Nội dung cập nhật"), 60, editable=True, required=True),
        Column("date", gettext_lazy("Ngày báo cáo"), 14, editable=True, required=True),
    ),
)
SHEETS = (INDICATORS, TASKS)
LANGUAGES = ("vi", "en")


def in_every_language(label) -> set[str]:
    """The folded forms of a label in each language the platform speaks."""
    forms = set()
    for language in LANGUAGES:
        with translation.override(language):
            forms.add(fold(str(label)))
    return forms


def label_of(sheet_key: str, column_key: str = "") -> str:
    """The sheet's (or its column's) label in the reader's language, for error lists."""
    spec = next((s for s in SHEETS if s.key == sheet_key), None)
    if spec is None:
        return sheet_key
    if not column_key:
        return str(spec.title)
    column = next((c for c in spec.columns if c.key == column_key), None)
    return str(column.label) if column else column_key


# The template -----------------------------------------------------------------------------

_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_LOCKED_FILL = PatternFill("solid", fgColor="EEF2F6")
_WRAP = Alignment(wrap_text=True, vertical="top")


def build_template(
    *, title: str, instructions: list[str], sheets: list[tuple[SheetSpec, list[dict]]], choices
) -> bytes:
    """An .xlsx with an instructions sheet, then one sheet per spec with its rows filled in.

    Identifier columns are locked (the sheet is protected without a password: it guards
    against slips, not against the reporter); `choices` maps a column key to the list of
    values its cells may take, offered as a drop-down.
    """
    book = Workbook()
    guide = book.active
    guide.title = _("Hướng dẫn")
    guide.column_dimensions["A"].width = 110
    guide["A1"] = title
    guide["A1"].font = Font(bold=True, size=14)
    for offset, line in enumerate(instructions, start=3):
        guide.cell(row=offset, column=1, value=line).alignment = _WRAP
    for spec, rows in sheets:
        _write_sheet(book.create_sheet(str(spec.title)), spec, rows, choices)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _write_sheet(sheet, spec: SheetSpec, rows: list[dict], choices) -> None:
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        cell = sheet.cell(row=1, column=index, value=str(column.label))
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = _HEADER_FILL
        cell.alignment = _WRAP
        sheet.column_dimensions[letter].width = column.width
        sheet.column_dimensions[letter].hidden = column.hidden
    last_row = max(len(rows) + 1, 2) + 200  # room to add rows (another period of the same indicator)
    for row_number, row in enumerate(rows, start=2):
        for index, column in enumerate(spec.columns, start=1):
            cell = sheet.cell(row=row_number, column=index, value=row.get(column.key))
            cell.alignment = _WRAP
            if isinstance(cell.value, datetime.date):
                cell.number_format = "DD/MM/YYYY"  # as dates are written in Vietnam
            if not column.editable:
                cell.fill = _LOCKED_FILL
    unlocked = Protection(locked=False)
    for index, column in enumerate(spec.columns, start=1):
        # Identifiers of the filled rows are locked; editable cells and every cell of the spare
        # rows are not, so a whole row copied below (hidden id included) can be pasted there.
        first_open = 2 if column.editable or column.key == "id" else len(rows) + 2
        for row_number in range(first_open, last_row + 1):
            sheet.cell(row=row_number, column=index).protection = unlocked
        if column.key in choices:
            letter = get_column_letter(index)
            listed = ",".join(choices[column.key])
            validation = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
            validation.error = _("Hãy chọn một giá trị trong danh sách.")
            validation.errorTitle = str(column.label)
            validation.add(f"{letter}2:{letter}{last_row}")
            sheet.add_data_validation(validation)
    sheet.freeze_panes = "C2"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.insertRows = False


# Reading an upload ------------------------------------------------------------------------


@dataclass
class Problem:
    """One error in a file: where it is and why, in words a reporter acts on."""

    sheet: str
    row: int | None
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": str(self.message)}


@dataclass
class ReadResult:
    rows: dict[str, list[dict]] = field(default_factory=dict)  # sheet key -> [{"row": n, key: text}]
    problems: list[Problem] = field(default_factory=list)


def check_upload(*, data: bytes, filename: str) -> None:
    """Refuse, before reading, what is not a modest .xlsx file."""
    limit = settings.WORKBOOK_MAX_BYTES
    if len(data) > limit:
        raise ValidationError(
            _("Tệp quá lớn (%(size)s); dung lượng tối đa là %(max)s."),
            params={"size": filesizeformat(len(data)), "max": filesizeformat(limit)},
            code="file_too_large",
        )
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension == "xls" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ValidationError(
            _("Tệp Excel 97-2003 (.xls) không được hỗ trợ; hãy mở tệp và lưu lại dạng .xlsx."), code="xls"
        )
    if extension != "xlsx":
        raise ValidationError(
            _("Chỉ nhận tệp Excel .xlsx (tải mẫu ở trang này); không nhận tệp “%(name)s”."),
            params={"name": filename},
            code="extension",
        )
    if not data.startswith(b"PK\x03\x04"):
        raise ValidationError(_("Nội dung tệp không phải là một tệp Excel .xlsx."), code="file_content")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise ValidationError(_("Tệp bị hỏng, không đọc được; hãy lưu lại tệp từ Excel."), code="corrupt") from None
    if unzipped > MAX_UNZIPPED:
        raise ValidationError(_("Tệp chứa quá nhiều dữ liệu để đọc."), code="file_too_large")


def read_workbook(*, data: bytes, filename: str) -> ReadResult:
    """The rows of each sheet as text, keyed by column; a cell holding a formula is an error
    (its value is never evaluated: what is recorded must be what the reporter sees typed)."""
    check_upload(data=data, filename=filename)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds (KeyError, BadZipFile, XML errors) for a broken file
        raise ValidationError(_("Tệp bị hỏng, không đọc được; hãy lưu lại tệp từ Excel."), code="corrupt") from None
    try:
        result = ReadResult()
        titles = {fold(name): name for name in book.sheetnames}
        for spec in SHEETS:
            name = next((titles[form] for form in in_every_language(spec.title) if form in titles), None)
            if name is None:
                result.problems.append(
                    Problem(spec.key, None, "", _("Thiếu trang “%(sheet)s” trong tệp.") % {"sheet": spec.title})
                )
                continue
            result.rows[spec.key] = _read_sheet(book[name], spec, result.problems)
        return result
    except ValidationError:
        raise
    except Exception:
        raise ValidationError(_("Tệp bị hỏng, không đọc được; hãy lưu lại tệp từ Excel."), code="corrupt") from None
    finally:
        book.close()


def _read_sheet(sheet, spec: SheetSpec, problems: list[Problem]) -> list[dict]:
    lines = sheet.iter_rows()
    header = next(lines, ())
    positions = {}
    for index, cell in enumerate(header):
        text = fold(str(cell.value)) if cell.value is not None else ""
        for column in spec.columns:
            kept = column.editable or column.required or column.key == "id"  # names are read from the database
            if kept and text and text in in_every_language(column.label):
                positions.setdefault(column.key, index)
    missing = [c for c in spec.columns if c.required and c.key not in positions]
    for column in missing:
        problems.append(Problem(spec.key, 1, column.key, _("Thiếu cột “%(column)s”.") % {"column": column.label}))
    if missing:
        return []
    rows = []
    for row_number, cells in enumerate(lines, start=2):
        values = {}
        for key, index in positions.items():
            cell = cells[index] if index < len(cells) else None
            values[key] = _cell_text(cell, spec, key, row_number, problems)
        if not any(v for k, v in values.items() if spec.column(k).editable):
            continue  # an untouched row: nothing to report for this item
        if len(rows) >= MAX_ROWS:
            problems.append(
                Problem(spec.key, row_number, "", _("Trang có quá %(max)s dòng số liệu.") % {"max": MAX_ROWS})
            )
            break
        rows.append({"row": row_number, **values})
    return rows


def _cell_text(cell, spec: SheetSpec, key: str, row_number: int, problems: list[Problem]) -> str:
    """A cell as the text a reporter typed: numbers without float noise, dates as ISO dates."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    is_formula = getattr(cell, "data_type", None) == "f" or isinstance(value, ArrayFormula | DataTableFormula)
    if is_formula or (isinstance(value, str) and value.startswith("=")):
        problems.append(
            Problem(
                spec.key,
                row_number,
                key,
                _("Ô chứa công thức; hãy nhập giá trị (sao chép rồi dán dạng giá trị), không dùng công thức."),
            )
        )
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int | float) and "%" in (getattr(cell, "number_format", "") or ""):
        # "52,4%" typed into a percentage cell is stored as 0.524; the reporter meant 52.4.
        return format((Decimal(repr(value)) * 100).normalize(), "f")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()
