"""CSV, XLSX and JSON files of a dataset.

- CSV: UTF-8 with a byte-order mark (Excel then reads Vietnamese correctly), comma-separated,
  CRLF line ends (RFC 4180). Numbers are written as machines read them: a dot before the
  decimals, no thousands separator ("1234.5"); dates and times in ISO 8601; yes/no as
  "true"/"false"; an empty cell for no value. A text cell that Excel would run as a formula
  (starting with =, +, @, or - followed by no space) gets a leading apostrophe.
- XLSX: one sheet of rows (openpyxl write-only mode, numbers and dates as such, text kept as
  text), and a second sheet with the title, licence, source address and time of the export.
- JSON: {"dataset", "title", "license", "source", "generated_at", "filters", "columns":
  [{"key", "label"}], "rows": [{key: value}], "count"}; numbers as JSON numbers.

CSV and JSON are streamed as they are read; XLSX is written to a temporary file first (the
format is a zip archive) and is refused beyond Excel's limit of 1,048,576 rows.
"""

import csv
import datetime
import io
import json
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NAME = "CC BY 4.0"
BOM = "\ufeff"
ROWS_PER_CHUNK = 500
XLSX_MAX_ROWS = 1_048_575  # Excel's 1,048,576 rows, less the header

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}


def _local(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime.datetime):
        return _local(value).isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        formula = value[:1] in ("=", "+", "@") or (value[:1] == "-" and value[1:2] not in ("", " ", "-"))
        return "'" + value if formula else value
    return str(value)


def json_cell(value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime.datetime):
        return _local(value).isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _chunks(pieces: Iterable[str], first: str = "", last: str = "") -> Iterator[str]:
    """Join small pieces into chunks of ROWS_PER_CHUNK (one write per chunk, not per row)."""
    batch = [first]
    for piece in pieces:
        batch.append(piece)
        if len(batch) >= ROWS_PER_CHUNK:
            yield "".join(batch)
            batch = []
    batch.append(last)
    yield "".join(batch)


def csv_stream(header: list[str], rows: Iterable[tuple]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(cells) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue()

    return _chunks((line([csv_cell(v) for v in row]) for row in rows), first=BOM + line(header))


def json_stream(meta: dict, keys: list[str], rows: Iterable[tuple]) -> Iterator[str]:
    head = json.dumps(meta, ensure_ascii=False)[:-1] + ', "rows": [\n'
    count = 0

    def items():
        nonlocal count
        for row in rows:
            count += 1
            yield ("" if count == 1 else ",\n") + json.dumps(
                dict(zip(keys, map(json_cell, row), strict=True)), ensure_ascii=False
            )

    yield from _chunks(items(), first=head)
    yield f'\n], "count": {count}}}\n'


def xlsx_cell(sheet, value):
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime.datetime):
        return _local(value).replace(tzinfo=None)
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = "s"  # never a formula, whatever the text starts with
        return cell
    return value


def xlsx_file(title: str, header: list[str], rows: Iterable[tuple], about: list[tuple[str, str]]):
    """An open temporary file holding the workbook (deleted when closed)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title(title))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    cells = []
    for label in header:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    for row in rows:
        sheet.append([xlsx_cell(sheet, v) for v in row])
    info = workbook.create_sheet(_sheet_title(_("Thông tin")))
    for name, value in about:
        info.append([name, value])
    target = tempfile.TemporaryFile()  # noqa: SIM115 (the FileResponse closes it, which deletes it)
    workbook.save(target)
    target.seek(0)
    return target


def _sheet_title(text: str) -> str:
    return "".join(c for c in str(text) if c not in "\\/?*[]:")[:31]


def filename(key: str, fmt: str) -> str:
    return f"{key}-{timezone.localdate():%Y%m%d}.{fmt}"


def streaming(content: Iterator[str], fmt: str, name: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def file_response(handle, name: str) -> FileResponse:
    return FileResponse(handle, as_attachment=True, filename=name, content_type=FORMATS["xlsx"])


def dataset_response(dataset, fmt: str, form, *, source: str):
    """The download of `dataset` in `fmt` for a valid filter form; `source` is its address."""
    filters = form.filters()
    keys = dataset.keys
    header = keys if form.cleaned_data.get("header") == "key" else dataset.labels()
    rows = dataset.rows(**filters)
    name = filename(dataset.key, fmt)
    if fmt == "csv":
        return streaming(csv_stream(header, rows), fmt, name)
    meta = {
        "dataset": dataset.key,
        "title": str(dataset.title),
        "license": LICENCE_URL,
        "source": source,
        "generated_at": timezone.localtime().isoformat(timespec="seconds"),
        "filters": {k: v for k, v in form.data.items() if k in form.fields and k != "header" and v},
        "columns": [{"key": c.key, "label": str(c.label)} for c in dataset.columns],
    }
    if fmt == "json":
        return streaming(json_stream(meta, keys, rows), fmt, name)
    about = [
        (_("Bộ dữ liệu"), meta["title"]),
        (_("Giấy phép"), f"{LICENCE_NAME} {LICENCE_URL}"),
        (_("Nguồn"), source),
        (_("Thời điểm xuất"), meta["generated_at"]),
    ]
    return file_response(xlsx_file(meta["title"], header, rows, about), name)


def refusal(dataset, fmt: str, form) -> dict[str, list[str]]:
    """Why the download cannot be made, as {field: [messages]}; empty when it can."""
    if fmt not in FORMATS:
        message = _("Định dạng “%(format)s” không được hỗ trợ: chọn CSV, XLSX hoặc JSON.") % {"format": fmt[:20]}
        return {"format": [message]}
    if not form.is_valid():
        return {
            name: [f"{form.fields[name].label}: {message}" if name in form.fields else message for message in messages]
            for name, messages in form.errors.items()
        }
    if fmt == "xlsx" and dataset.count(**form.filters()) > XLSX_MAX_ROWS:
        message = _("Quá %(limit)s dòng, vượt giới hạn của Excel: hãy tải CSV hoặc JSON, hoặc lọc bớt dữ liệu.") % {
            "limit": f"{XLSX_MAX_ROWS:,}".replace(",", ".")
        }
        return {"format": [message]}
    return {}
