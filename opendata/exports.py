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
format is a zip archive) and is refused beyond XLSX_MAX_ROWS rows.
"""

import csv
import datetime
import io
import itertools
import json
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.db import connection, transaction
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NAME = "CC BY 4.0"
BOM = "\ufeff"
ROWS_PER_CHUNK = 500
# Excel opens 1,048,576 rows, but openpyxl writes about 2,000 rows a second: a bigger workbook
# would hold a server worker for minutes (see docs/benchmarks.md); CSV and JSON have no limit.
XLSX_MAX_ROWS = 200_000

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}


def _local(moment: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def _csv_text(value: str) -> str:
    if value and value[0] in "=+@-":
        formula = value[0] != "-" or value[1:2] not in ("", " ", "-")
        return "'" + value if formula else value
    return value


def _cells(fmt: str):
    """A function turning one row's values into the cells of `fmt`, dispatching on the exact
    type (millions of cells: no isinstance chains, the time zone looked up once)."""
    zone = timezone.get_current_timezone()

    def moment(value: datetime.datetime) -> str:
        local = value.astimezone(zone) if value.tzinfo else value
        return local.isoformat(timespec="seconds")

    by_type = {
        str: _csv_text if fmt == "csv" else None,
        int: None,
        float: None,
        bool: (lambda v: "true" if v else "false") if fmt == "csv" else None,
        Decimal: (lambda v: format(v.normalize(), "f")) if fmt == "csv" else float,
        datetime.datetime: moment,
        datetime.date: datetime.date.isoformat,
    }
    if fmt == "csv":
        by_type[type(None)] = lambda v: ""

    def convert(value):
        kind = type(value)
        if kind in by_type:
            change = by_type[kind]
            return value if change is None else change(value)
        return value if value is None else str(value)

    return lambda row: [convert(v) for v in row]


def _batches(rows: Iterable[tuple]) -> Iterator[list[tuple]]:
    rows = iter(rows)
    while batch := list(itertools.islice(rows, ROWS_PER_CHUNK)):
        yield batch


def csv_stream(header: list[str], rows: Iterable[tuple]) -> Iterator[str]:
    """The header, then one piece of text per ROWS_PER_CHUNK rows (one write per chunk)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    cells = _cells("csv")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(header)
    yield BOM + flush()
    for batch in _batches(rows):
        writer.writerows(map(cells, batch))
        yield flush()


def json_stream(meta: dict, keys: list[str], rows: Iterable[tuple]) -> Iterator[str]:
    yield json.dumps(meta, ensure_ascii=False)[:-1] + ', "rows": ['
    cells = _cells("json")
    count = 0
    for batch in _batches(rows):
        text = ",\n".join(json.dumps(dict(zip(keys, cells(row), strict=True)), ensure_ascii=False) for row in batch)
        yield ("\n" if count == 0 else ",\n") + text
        count += len(batch)
    yield f'\n], "count": {count}}}\n'


def xlsx_cell(sheet, value):
    kind = type(value)
    if kind is str:
        if ILLEGAL_CHARACTERS_RE.search(value):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith("="):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # text, not a formula
            return cell
        return value
    if kind is Decimal:
        return float(value)
    if kind is datetime.datetime:
        return _local(value).replace(tzinfo=None)
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


def _one_read(chunks: Iterator[str], language: str) -> Iterator[str]:
    """The chunks, produced after the view has returned, in the request's language.

    On PostgreSQL they are read inside one transaction: outside one, Django declares the
    server-side cursor WITH HOLD, and PostgreSQL then computes and stores the whole result
    before the first row (seconds for a million rows); inside, rows flow as they are read."""
    with translation.override(language):
        if connection.vendor != "postgresql" or connection.in_atomic_block:
            yield from chunks
            return
        with transaction.atomic():
            yield from chunks


def streaming(content: Iterator[str], fmt: str, name: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(_one_read(content, translation.get_language()), content_type=FORMATS[fmt])
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
        message = _("Tệp XLSX có tối đa %(limit)s dòng: hãy tải CSV hoặc JSON, hoặc lọc bớt dữ liệu.") % {
            "limit": f"{XLSX_MAX_ROWS:,}".replace(",", ".")
        }
        return {"format": [message]}
    return {}
