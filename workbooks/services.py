"""Writes of the Excel import: keep an upload for preview, confirm it all or nothing, cancel it.

Each row becomes a call of the service the web forms use (`indicators.services.measurement_record`,
or `measurement_correct` for a row that gives a period and kind already recorded a different value,
`programmes.services.key_task_update_record`), with the uploader as the actor: the same rules
apply and the history names the uploader. The preview runs those very calls inside a
transaction that is rolled back, so every error is found before anything is written.
"""

import datetime
import re
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import decimal_text, fold
from indicators.models import Measurement, period_label
from indicators.services import can_correct_measurement, measurement_correct, measurement_record, parse_decimal
from programmes.models import KeyTask
from programmes.permissions import can_report_for_indicator, can_report_for_task
from programmes.services import key_task_update_record

from . import selectors, sheets
from .models import ImportBatch
from .permissions import can_import_for

# Where each field a service complains about sits in the workbook.
_SERVICE_FIELDS = {
    "indicators": {
        "value": "value",
        "year": "period",
        "period_number": "period",
        "period_kind": "period",
        "kind": "kind",
        "source": "source",
        "note": "note",
        "reason": "reason",
    },
    "tasks": {"reported_on": "date", "status": "status", "progress": "progress", "text": "text"},
}
_PERIOD = re.compile(r"^(?:(q|6t|h|t|m)\s*(\d{1,2})\s*/\s*)?(\d{4})$")
_PERIOD_KINDS = {"q": "Q", "6t": "H", "h": "H", "t": "M", "m": "M"}


def choice_labels(choices) -> dict[str, str]:
    """Every way a reporter may write a choice (its label in each language, its code) → its code."""
    found = {}
    for value, label in choices:
        found[fold(value)] = value
        for form in sheets.in_every_language(label):
            found[form] = value
    return found


KINDS = Measurement.Kind.choices
STATUSES = KeyTask.Status.choices


# Upload and preview -------------------------------------------------------------------------


def import_batch_preview(*, programme, agency, actor, data: bytes, filename: str) -> ImportBatch:
    """Read an uploaded workbook and keep what it would change, without changing anything.

    A file that cannot be read at all is refused (ValidationError); a readable file is kept
    with its changes and every error, row by row, for the preview page."""
    if not can_import_for(actor, programme, agency):
        raise PermissionDenied
    read = sheets.read_workbook(data=data, filename=filename)
    plan = _plan(programme=programme, agency=agency, actor=actor, rows=read.rows)
    errors = [p.as_dict() for p in read.problems] + plan["errors"]
    if not errors:
        errors = _dry_run(plan["changes"], actor)
    return ImportBatch.objects.create(
        programme=programme,
        agency=agency,
        uploaded_by=actor,
        filename=filename[:255],
        content=data,
        payload={"rows": read.rows, "changes": plan["changes"], "errors": errors, "skipped": plan["skipped"]},
    )


def import_batch_confirm(*, batch: ImportBatch, actor) -> ImportBatch:
    """Write every change of a previewed upload in one transaction: all of them or none.

    The rows are checked again against the data as it is now; if what they would change
    is no longer what the preview showed (someone recorded a figure meanwhile), nothing is
    written, the preview is brought up to date and the reporter is asked to look again."""
    with transaction.atomic():
        batch = _locked(batch, actor)
        if not batch.can_confirm:
            raise ValidationError(_("Lượt nhập này còn lỗi hoặc không có thay đổi nào; không có gì được ghi."))
        plan = _plan(programme=batch.programme, agency=batch.agency, actor=actor, rows=batch.payload["rows"])
        stale = plan["errors"] or plan["changes"] != batch.changes
        errors = plan["errors"]
        if not stale:
            try:
                with transaction.atomic():
                    errors = _apply(plan["changes"], actor)
                    if errors:
                        raise _Refused
            except _Refused:
                stale = True
        if stale:
            errors = errors or _dry_run(plan["changes"], actor)
            batch.payload = {**batch.payload, "changes": plan["changes"], "errors": errors, "skipped": plan["skipped"]}
            batch.save(update_fields=["payload"])
        else:
            batch.status = ImportBatch.Status.CONFIRMED
            batch.confirmed_at = timezone.now()
            batch.save(update_fields=["status", "confirmed_at"])
    if stale:
        raise ValidationError(
            _(
                "Số liệu đã thay đổi kể từ khi xem trước; chưa có gì được ghi. "
                "Hãy xem lại các thay đổi dưới đây rồi xác nhận lại."
            )
        )
    return batch


def import_batch_cancel(*, batch: ImportBatch, actor) -> ImportBatch:
    with transaction.atomic():
        batch = _locked(batch, actor)
        batch.status = ImportBatch.Status.CANCELLED
        batch.content = b""  # a cancelled file is not kept
        batch.save(update_fields=["status", "content"])
    return batch


class _Refused(Exception):
    """Rolls back the transaction of a confirm that a service refused."""


def _locked(batch: ImportBatch, actor) -> ImportBatch:
    batch = ImportBatch.objects.select_for_update(of=("self",)).select_related("programme", "agency").get(pk=batch.pk)
    if batch.uploaded_by_id != actor.pk or not can_import_for(actor, batch.programme, batch.agency):
        raise PermissionDenied
    if batch.status != ImportBatch.Status.PREVIEW:
        raise ValidationError(_("Lượt nhập này đã được xác nhận hoặc đã hủy."))
    return batch


def _dry_run(changes: list[dict], actor) -> list[dict]:
    """The errors the services would raise for these changes, found without writing anything."""
    with transaction.atomic():
        errors = _apply(changes, actor)
        transaction.set_rollback(True)
    return errors


def _apply(changes: list[dict], actor) -> list[dict]:
    """Call the service of each change in order; a refused row is undone alone and reported."""
    from indicators.models import Indicator

    errors = []
    indicators = Indicator.objects.select_related("programme").in_bulk(
        [c["indicator"] for c in changes if c["sheet"] == "indicators"]
    )
    tasks = KeyTask.objects.select_related("programme").in_bulk([c["task"] for c in changes if c["sheet"] == "tasks"])
    for change in changes:
        try:
            with transaction.atomic():
                if change["sheet"] == "indicators":
                    _record_figure(indicators[change["indicator"]], change, actor)
                else:
                    _record_task_update(tasks[change["task"]], change, actor)
        except ValidationError as exc:
            errors += _errors_of(exc, change)
        except PermissionDenied:  # the figure became official since the plan was made
            errors.append(_row_error(change, _official_refusal()))
        except Measurement.DoesNotExist:  # the figure to correct was removed meanwhile
            errors.append(_row_error(change, _("Số liệu cần sửa không còn; hãy tải lại trang.")))
        except IntegrityError:  # someone recorded the same period between our check and our insert
            errors.append(_row_error(change, _("Số liệu của dòng này vừa được người khác ghi; hãy tải lại trang.")))
    return errors


def _row_error(change: dict, message: str, column: str = "") -> dict:
    return {"sheet": change["sheet"], "row": change["row"], "column": column, "message": message}


def _official_refusal() -> str:
    return _("Số liệu chính thức chỉ thường trực chương trình được sửa.")


def _record_figure(indicator, change: dict, actor) -> None:
    if change.get("corrects"):
        measurement_correct(
            measurement=Measurement(pk=change["corrects"]),
            actor=actor,
            value=change["value"],
            source=change["source"],
            note=change["note"] or None,  # an empty note keeps the one recorded
            reason=change["reason"],
        )
        return
    measurement_record(
        indicator=indicator,
        actor=actor,
        year=change["year"],
        period_kind=change["period_kind"],
        period_number=change["period_number"],
        kind=change["kind"],
        value=change["value"],
        source=change["source"],
        note=change["note"],
    )


def _record_task_update(task, change: dict, actor) -> None:
    key_task_update_record(
        task=task,
        actor=actor,
        reported_on=datetime.date.fromisoformat(change["reported_on"]),
        status=change["status"],
        progress=change["progress"],
        text=change["text"],
    )


def _errors_of(exc: ValidationError, change: dict) -> list[dict]:
    fields = _SERVICE_FIELDS[change["sheet"]]
    found = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
    return [
        {"sheet": change["sheet"], "row": change["row"], "column": fields.get(name, ""), "message": message}
        for name, messages in found.items()
        for message in messages
    ]


# From rows to changes ---------------------------------------------------------------------


def _plan(*, programme, agency, actor, rows: dict) -> dict:
    """The changes the rows make, each with the value it replaces; and the rows' own errors
    (unknown item, another agency's item, unreadable period, kind, status, date or number)."""
    indicators, tasks = selectors.programme_items(programme)
    plan = {"changes": [], "errors": [], "skipped": 0}
    context = {"programme": programme, "agency": agency, "actor": actor, "plan": plan}
    for row in rows.get("indicators", []):
        _plan_figure(row, indicators, **context)
    for row in rows.get("tasks", []):
        _plan_task(row, tasks, **context)
    return plan


class _RowError(Exception):
    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column, self.message = column, message


def _find(row: dict, items, code_key: str, code_of) -> object | None:
    """The item a row is about: by its hidden id when there is one, else by its code."""
    raw_id = row.get("id", "")
    if raw_id.isdigit():
        found = next((item for item in items if item.pk == int(raw_id)), None)
        if found is not None:
            return found
    code = fold(row.get(code_key, ""))
    return next((item for item in items if fold(str(code_of(item))) == code), None) if code else None


def _plan_figure(row, indicators, *, programme, agency, actor, plan) -> None:
    try:
        indicator = _find(row, indicators, "code", lambda i: i.code)
        if indicator is None:
            raise _RowError("code", _("Không có chỉ tiêu mã “%(code)s” trong chương trình.") % {"code": row["code"]})
        if not row.get("value") and indicator.responsible_agency_id == agency.pk:
            plan["skipped"] += 1
            return
        if indicator.responsible_agency_id != agency.pk or not can_report_for_indicator(actor, indicator):
            raise _RowError(
                "code",
                _("Chỉ tiêu %(code)s không thuộc trách nhiệm của %(agency)s.")
                % {"code": indicator.code, "agency": agency.name},
            )
        if indicator.target_kind == "rank":
            raise _RowError("code", _("Chỉ tiêu này được đo qua các chỉ tiêu thành phần."))
        year, period_kind, period_number = _period(row.get("period", ""), programme)
        kind = _choice(row.get("kind", ""), KINDS, "kind")
        try:
            value = parse_decimal(row["value"], "value")
        except ValidationError as exc:
            raise _RowError("value", exc.message_dict["value"][0]) from None
    except _RowError as exc:
        plan["errors"].append({"sheet": "indicators", "row": row["row"], "column": exc.column, "message": exc.message})
        return
    recorded = {
        m.kind: m
        for m in indicator.measurements.all()
        if (m.year, m.period_kind, m.period_number) == (year, period_kind, period_number)
    }
    existing = {k: m.value for k, m in recorded.items()}
    corrected = recorded.get(kind)
    if corrected is not None and corrected.value == value:
        plan["skipped"] += 1  # the figure is already recorded as given
        return
    reason = row.get("reason", "").strip()
    if corrected is not None:  # a different value for a recorded figure: a correction (sửa)
        corrected.indicator = indicator
        problem = None
        if not can_correct_measurement(actor, corrected):
            problem = ("kind", _official_refusal())
        elif not reason:
            problem = ("reason", _("Kỳ này đã có số liệu; ghi lý do sửa vào cột “Lý do sửa”."))
        if problem:
            plan["errors"].append(
                {"sheet": "indicators", "row": row["row"], "column": problem[0], "message": problem[1]}
            )
            return
    plan["changes"].append(
        {
            "sheet": "indicators",
            "row": row["row"],
            "indicator": indicator.pk,
            "code": indicator.code,
            "name": indicator.name,
            "unit": indicator.unit,
            "year": year,
            "period_kind": period_kind,
            "period_number": period_number,
            "period": period_label(year, period_kind, period_number),
            "kind": kind,
            "value": str(value),
            "source": row.get("source", ""),
            "note": row.get("note", ""),
            "corrects": corrected.pk if corrected is not None else None,
            "reason": reason if corrected is not None else "",
            "old": {k: str(v) for k, v in sorted(existing.items())},
        }
    )


def _plan_task(row, tasks, *, programme, agency, actor, plan) -> None:
    try:
        task = _find(row, tasks, "number", lambda t: t.number)
        if task is None:
            raise _RowError(
                "number", _("Không có nhiệm vụ số “%(number)s” trong chương trình.") % {"number": row["number"]}
            )
        refusal = _RowError(
            "number",
            _("Nhiệm vụ %(number)s không do %(agency)s chủ trì.") % {"number": task.number, "agency": agency.name},
        )
        if agency.pk not in {link.agency_id for link in task.lead_links.all()}:
            raise refusal
        status = _choice(row.get("status", ""), STATUSES, "status")
        progress = _progress(row.get("progress", ""))
        text = row.get("text", "").strip()
        if not text and (status, progress) == (task.status, task.progress):
            plan["skipped"] += 1
            return
        if not can_report_for_task(actor, task):
            raise refusal
        if not text:
            raise _RowError("text", _("Cần ghi nội dung cập nhật cho thay đổi trạng thái hoặc tiến độ."))
        reported_on = _date(row.get("date", ""))
    except _RowError as exc:
        plan["errors"].append({"sheet": "tasks", "row": row["row"], "column": exc.column, "message": exc.message})
        return
    latest = next((update.pk for update in task.updates.all()), None)  # newest first, preloaded
    plan["changes"].append(
        {
            "sheet": "tasks",
            "row": row["row"],
            "task": task.pk,
            "number": task.number,
            "title": task.title,
            "status": status,
            "progress": progress,
            "text": text,
            "reported_on": reported_on.isoformat(),
            "old": {"status": task.status, "progress": task.progress, "latest_update": latest},
        }
    )


def _required(text: str, column: str) -> str:
    if not text.strip():
        raise _RowError(column, _("Ô này cần được điền."))
    return text


def _period(text: str, programme) -> tuple[int, str, int]:
    match = _PERIOD.match(fold(_required(text, "period")).replace(" ", ""))
    if not match:
        raise _RowError(
            "period",
            _("Kỳ “%(period)s” không hợp lệ; ghi năm (2025) hoặc quý, tháng (Q1/2025, T3/2025).") % {"period": text},
        )
    prefix, number, year = match.groups()
    year = int(year)
    if not programme.contains_year(year):
        raise _RowError(
            "period",
            _("Năm %(year)s nằm ngoài thời gian của chương trình (%(start)s - %(end)s).")
            % {"year": year, "start": programme.start_year, "end": programme.end_year},
        )
    return year, _PERIOD_KINDS[prefix] if prefix else "Y", int(number) if number else 0


def _choice(text: str, choices, column: str) -> str:
    value = choice_labels(choices).get(fold(_required(text, column)))
    if value is None:
        listed = ", ".join(str(label) for _value, label in choices)
        raise _RowError(
            column, _("“%(text)s” không hợp lệ; chọn một trong: %(choices)s.") % {"text": text, "choices": listed}
        )
    return value


def _progress(text: str) -> int:
    try:
        value = parse_decimal(_required(text, "progress").rstrip("%").strip(), "progress")
    except ValidationError:
        value = None
    if value is None or value != value.to_integral_value() or not 0 <= value <= 100:
        raise _RowError("progress", _("Tiến độ phải là số nguyên từ 0 đến 100."))
    return int(value)


def _date(text: str) -> datetime.date:
    text = _required(text, "date").strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise _RowError(
        "date", _("Ngày “%(text)s” không hợp lệ; ghi theo dạng ngày/tháng/năm (ví dụ 20/11/2025).") % {"text": text}
    )


def figure_text(value: str | None, kind: str = "") -> str:
    """A stored figure for the preview: 7,5 (ước tính)."""
    if value in (None, ""):
        return "–"
    text = decimal_text(Decimal(value))
    return f"{text} ({Measurement.Kind(kind).label.lower()})" if kind else text
