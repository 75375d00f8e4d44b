"""Writes and workflows of reporting rounds: open, fill, submit, review, close."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from indicators.services import measurement_set_official, parse_decimal
from programmes.services import key_task_update_record

from . import notifications, validation
from .models import IndicatorReport, ReportingRound, Submission, SubmissionEvent, TaskReport

EDITABLE_FIELDS = ("results", "shortcomings", "proposals")
# The measurement period each kind of round reports on (kind, number from the round).
_PERIOD = {"annual": "Y", "half_year": "H", "quarter": "Q", "mid_term": "Y", "final": "Y"}


@transaction.atomic
def round_open(
    *,
    programme,
    actor,
    kind: str,
    year: int,
    title: str,
    cutoff: datetime.date,
    deadline: datetime.date,
    agencies,
    period_number: int = 0,
    remind_days_before: int = 3,
) -> ReportingRound:
    """Open a round: every chosen agency gets one form with exactly its key tasks (as lead)
    and the indicators it answers for; reporters are told once the round is committed."""
    if not programme.contains_year(year):
        raise ValidationError({"year": _("Năm báo cáo phải nằm trong thời gian của chương trình.")})
    if deadline < cutoff:
        raise ValidationError({"deadline": _("Hạn nộp phải sau ngày chốt số liệu.")})
    if not agencies:
        raise ValidationError({"agencies": _("Cần chọn ít nhất một cơ quan báo cáo.")})
    expected = {"half_year": (1, 2), "quarter": (1, 4)}.get(kind, (0, 0))
    if not expected[0] <= period_number <= expected[1]:
        raise ValidationError({"period_number": _("Kỳ báo cáo không hợp lệ.")})
    rnd = ReportingRound(
        programme=programme,
        kind=kind,
        year=year,
        period_number=period_number,
        title=title,
        cutoff=cutoff,
        deadline=deadline,
        remind_days_before=remind_days_before,
        created_by=actor,
    )
    rnd.full_clean()
    rnd.save()
    tasks = list(programme.key_tasks.prefetch_related("lead_links"))
    indicators = list(programme.indicators.reported())
    for agency in agencies:
        submission = Submission.objects.create(round=rnd, agency=agency)
        TaskReport.objects.bulk_create(
            TaskReport(submission=submission, task=t, status=t.status, progress=t.progress)
            for t in tasks
            if any(link.agency_id == agency.pk for link in t.lead_links.all())
        )
        IndicatorReport.objects.bulk_create(
            IndicatorReport(submission=submission, indicator=i)
            for i in indicators
            if i.responsible_agency_id == agency.pk
        )
    transaction.on_commit(lambda: notifications.round_opened(round_id=rnd.pk))
    return rnd


def _locked(submission: Submission, version: int) -> Submission:
    """The submission, refreshed, if nobody saved it since `version`; else a clear refusal."""
    fresh = Submission.objects.select_for_update().select_related("round").get(pk=submission.pk)
    if fresh.version != version:
        raise ValidationError(
            _("Báo cáo vừa được người khác lưu; thay đổi của bạn chưa được ghi. Hãy tải lại trang và nhập lại.")
        )
    return fresh


@transaction.atomic
def submission_save(
    *, submission: Submission, actor, version: int, data: dict, files: dict | None = None
) -> Submission:
    """Save a draft: free sections, task reports and indicator figures (any subset)."""
    submission = _locked(submission, version)
    if not submission.is_editable:
        raise ValidationError(_("Báo cáo này không còn sửa được (đã gửi, đã duyệt hoặc đợt đã đóng)."))
    files = files or {}
    changes = {}
    for field in EDITABLE_FIELDS:
        if field in data and data[field] != getattr(submission, field):
            changes[field] = data[field]
            setattr(submission, field, data[field])
    for report in submission.task_reports.select_related("task"):
        changes.update(_apply_task(report, data, files))
    for report in submission.indicator_reports.select_related("indicator"):
        changes.update(_apply_indicator(report, data, files))
    if submission.status in (Submission.Status.NOT_STARTED,):
        submission.status = Submission.Status.DRAFT
    submission.version = F("version") + 1
    submission.save()
    submission.refresh_from_db()
    if changes:
        SubmissionEvent.objects.create(
            submission=submission, action=SubmissionEvent.Action.SAVE, actor=actor, changes=_jsonable(changes)
        )
    return submission


def _apply_task(report: TaskReport, data: dict, files: dict) -> dict:
    prefix = f"task-{report.task_id}-"
    before = (report.status, report.progress, report.narrative)
    if f"{prefix}status" in data:
        status = data[f"{prefix}status"]
        if status and status not in dict(report.task.Status.choices):
            raise ValidationError({f"{prefix}status": _("Trạng thái không hợp lệ.")})
        report.status = status
    if f"{prefix}progress" in data:
        report.progress = _progress(data[f"{prefix}progress"], f"{prefix}progress")
    if f"{prefix}narrative" in data:
        report.narrative = data[f"{prefix}narrative"]
    if f"{prefix}evidence" in files:
        report.evidence = files[f"{prefix}evidence"]
    report.full_clean()
    report.save()
    if (report.status, report.progress, report.narrative) == before:
        return {}
    return {f"task-{report.task.number}": {"status": report.status, "progress": report.progress}}


def _progress(raw, field):
    if raw in (None, ""):
        return None
    try:
        value = int(str(raw).strip())
    except ValueError:
        raise ValidationError({field: _("Tiến độ phải là số nguyên từ 0 đến 100.")}) from None
    if not 0 <= value <= 100:
        raise ValidationError({field: _("Tiến độ phải là số nguyên từ 0 đến 100.")})
    return value


def _apply_indicator(report: IndicatorReport, data: dict, files: dict) -> dict:
    prefix = f"indicator-{report.indicator_id}-"
    changes = {}
    if f"{prefix}value" in data:
        raw = data[f"{prefix}value"]
        value = None if str(raw).strip() == "" else parse_decimal(raw, f"{prefix}value")
        if value != report.value:
            changes[report.indicator.code] = str(value) if value is not None else None
        report.value = value
    for field in ("source", "note"):
        if f"{prefix}{field}" in data:
            setattr(report, field, data[f"{prefix}{field}"])
    if f"{prefix}evidence" in files:
        report.evidence = files[f"{prefix}evidence"]
    report.full_clean()
    report.save()
    return changes


def _jsonable(changes: dict) -> dict:
    return {k: v if isinstance(v, (str, int, dict, type(None))) else str(v) for k, v in changes.items()}


@transaction.atomic
def submission_submit(*, submission: Submission, actor, version: int) -> Submission:
    """Send the report to the secretariat once nothing is missing or out of bounds."""
    submission = _locked(submission, version)
    if not submission.is_editable:
        raise ValidationError(_("Báo cáo này đã được gửi hoặc đã được duyệt."))
    problems = validation.submission_problems(submission)
    if problems:
        raise ValidationError(problems)
    submission.status = Submission.Status.SUBMITTED
    submission.submitted_at = timezone.now()
    submission.version = F("version") + 1
    submission.save()
    SubmissionEvent.objects.create(submission=submission, action=SubmissionEvent.Action.SUBMIT, actor=actor)
    transaction.on_commit(lambda: notifications.submission_submitted(submission_id=submission.pk))
    submission.refresh_from_db()
    return submission


@transaction.atomic
def submission_return(*, submission: Submission, actor, version: int, comment: str, item_comments: dict) -> Submission:
    """Send a submitted report back with comments, per item where the secretariat gave one."""
    submission = _locked(submission, version)
    if submission.status != Submission.Status.SUBMITTED:
        raise ValidationError(_("Chỉ trả lại được báo cáo đã gửi."))
    if not comment.strip() and not any(v.strip() for v in item_comments.values()):
        raise ValidationError({"comment": _("Cần ghi ý kiến khi trả lại báo cáo.")})
    for report in submission.task_reports.all():
        report.review_comment = item_comments.get(f"task-{report.task_id}", "").strip()
        report.save(update_fields=["review_comment"])
    for report in submission.indicator_reports.all():
        report.review_comment = item_comments.get(f"indicator-{report.indicator_id}", "").strip()
        report.save(update_fields=["review_comment"])
    submission.review_comment = comment.strip()
    submission.status = Submission.Status.RETURNED
    submission.version = F("version") + 1
    submission.save()
    event = SubmissionEvent.objects.create(
        submission=submission,
        action=SubmissionEvent.Action.RETURN,
        actor=actor,
        comment=comment,
        changes={k: v for k, v in item_comments.items() if v.strip()},
    )
    transaction.on_commit(lambda: notifications.submission_returned(submission_id=submission.pk, event_id=event.pk))
    submission.refresh_from_db()
    return submission


@transaction.atomic
def submission_approve(*, submission: Submission, actor, version: int) -> Submission:
    """Approve: the report is locked and its figures and task statuses become official."""
    submission = _locked(submission, version)
    if submission.status != Submission.Status.SUBMITTED:
        raise ValidationError(_("Chỉ duyệt được báo cáo đã gửi."))
    rnd = submission.round
    reason = _("Duyệt báo cáo: %(round)s") % {"round": rnd.title}
    for report in submission.indicator_reports.select_related("indicator__programme"):
        if report.value is None:
            continue
        measurement_set_official(
            indicator=report.indicator,
            actor=actor,
            year=rnd.year,
            period_kind=_PERIOD[rnd.kind],
            period_number=rnd.period_number,
            value=report.value,
            source=report.source,
            note=report.note,
            evidence=report.evidence or None,
            reason=reason,
        )
    reported_on = min(rnd.cutoff, timezone.localdate())
    for report in submission.task_reports.select_related("task__programme"):
        key_task_update_record(
            task=report.task,
            actor=actor,
            reported_on=reported_on,
            status=report.status,
            progress=report.progress,
            text=report.narrative or reason,
            evidence=report.evidence or None,
        )
    submission.status = Submission.Status.APPROVED
    submission.approved_at = timezone.now()
    submission.version = F("version") + 1
    submission.save()
    SubmissionEvent.objects.create(submission=submission, action=SubmissionEvent.Action.APPROVE, actor=actor)
    transaction.on_commit(lambda: notifications.submission_approved(submission_id=submission.pk))
    submission.refresh_from_db()
    return submission


@transaction.atomic
def submission_reopen(*, submission: Submission, actor, version: int, reason: str) -> Submission:
    """Unlock an approved report for correction: an explicit, logged secretariat action."""
    submission = _locked(submission, version)
    if submission.status != Submission.Status.APPROVED or not submission.round.is_open:
        raise ValidationError(_("Chỉ mở lại được báo cáo đã duyệt trong đợt còn mở."))
    if not reason.strip():
        raise ValidationError({"reason": _("Cần nêu lý do mở lại báo cáo.")})
    submission.status = Submission.Status.RETURNED
    submission.review_comment = reason.strip()
    submission.version = F("version") + 1
    submission.save()
    SubmissionEvent.objects.create(
        submission=submission, action=SubmissionEvent.Action.REOPEN, actor=actor, comment=reason
    )
    submission.refresh_from_db()
    return submission


@transaction.atomic
def round_close(*, rnd: ReportingRound, actor) -> ReportingRound:
    """Close a round: freeze approved figures, task statuses and narratives at the cut-off."""
    from .snapshots import snapshot_build

    rnd = ReportingRound.objects.select_for_update().get(pk=rnd.pk)
    if not rnd.is_open:
        raise ValidationError(_("Đợt báo cáo đã được chốt."))
    rnd.status = ReportingRound.Status.CLOSED
    rnd.closed_at = timezone.now()
    rnd.save()
    snapshot_build(rnd=rnd)
    return rnd


def require_reporter(user, submission: Submission) -> None:
    if not (user.is_authenticated and user.agency_id == submission.agency_id):
        raise PermissionDenied


def report_template_for(*, programme, kind: str, fmt: str):
    """The editable texts of a report, created from the defaults the first time."""
    from .documents import default_template
    from .models import ReportTemplate

    template = ReportTemplate.objects.filter(programme=programme, kind=kind, format=fmt).first()
    if template is None:
        template = ReportTemplate.objects.create(
            programme=programme, kind=kind, format=fmt, **default_template(fmt, kind, programme.code)
        )
    return template
