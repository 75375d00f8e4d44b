"""What makes a submission complete: every failing item, in plain language."""

from django.utils.translation import gettext as _

from core.text import decimal_text
from indicators.models import Measurement
from programmes.models import KeyTask

from .models import IndicatorRule, Submission

_PERIOD = {"annual": "Y", "half_year": "H", "quarter": "Q", "mid_term": "Y", "final": "Y"}


def submission_problems(submission: Submission) -> list[str]:
    """Every reason the submission cannot be sent yet; empty when it can."""
    rnd = submission.round
    problems = []
    if not submission.results.strip():
        problems.append(_("Chưa nhập phần “Kết quả đạt được”."))
    for report in submission.task_reports.select_related("task"):
        problems += _task_problems(report, rnd)
    reports = list(submission.indicator_reports.select_related("indicator"))
    rules = {r.indicator_id: r for r in IndicatorRule.objects.filter(indicator__in=[r.indicator for r in reports])}
    previous = _previous_values([r.indicator for r in reports], rnd)
    for report in reports:
        problems += _indicator_problems(report, rules.get(report.indicator_id), previous.get(report.indicator_id))
    return problems


def _task_problems(report, rnd) -> list[str]:
    label = _("Nhiệm vụ %(number)s") % {"number": report.task.number}
    problems = []
    if not report.status:
        problems.append(_("%(item)s: chưa chọn trạng thái.") % {"item": label})
    if report.progress is None:
        problems.append(_("%(item)s: chưa nhập tiến độ.") % {"item": label})
    if report.status == KeyTask.Status.COMPLETED:
        if report.progress != 100:
            problems.append(_("%(item)s: nhiệm vụ hoàn thành phải có tiến độ 100%%.") % {"item": label})
        if rnd.require_evidence_for_completed and not report.evidence:
            problems.append(_("%(item)s: đánh dấu hoàn thành cần kèm tài liệu minh chứng.") % {"item": label})
    if report.status == KeyTask.Status.BEHIND and rnd.require_reason_for_behind and not report.narrative.strip():
        problems.append(_("%(item)s: chậm tiến độ cần nêu lý do.") % {"item": label})
    return problems


def _indicator_problems(report, rule, previous) -> list[str]:
    ind = report.indicator
    label = _("Chỉ tiêu %(code)s") % {"code": ind.code}
    if report.value is None:
        # Context series (no target) are supplementary: a missing figure is no obstacle.
        return [] if ind.is_context else [_("%(item)s: chưa nhập giá trị.") % {"item": label}]
    problems = []
    if not report.source.strip():
        problems.append(_("%(item)s: chưa ghi nguồn số liệu.") % {"item": label})
    low = rule.min_value if rule and rule.min_value is not None else ind.min_value
    high = rule.max_value if rule and rule.max_value is not None else ind.max_value
    if (low is not None and report.value < low) or (high is not None and report.value > high):
        problems.append(
            _("%(item)s: giá trị %(value)s nằm ngoài khoảng cho phép (%(low)s đến %(high)s).")
            % {"item": label, "value": decimal_text(report.value), "low": decimal_text(low), "high": decimal_text(high)}
        )
    if rule and rule.max_change is not None and previous is not None and abs(report.value - previous) > rule.max_change:
        problems.append(
            _("%(item)s: thay đổi %(change)s so với kỳ trước (%(previous)s) vượt mức cho phép %(max)s.")
            % {
                "item": label,
                "change": decimal_text(abs(report.value - previous)),
                "previous": decimal_text(previous),
                "max": decimal_text(rule.max_change),
            }
        )
    if rule and rule.evidence_required and not report.evidence:
        problems.append(_("%(item)s: cần kèm tài liệu minh chứng.") % {"item": label})
    return problems


def _previous_values(indicators, rnd) -> dict:
    """The value in use for each indicator in the period before the round's (one query)."""
    values = {}
    rows = (
        Measurement.objects.filter(indicator__in=indicators, period_kind=_PERIOD[rnd.kind], year__lt=rnd.year)
        .order_by("indicator_id", "year", "period_number", "-kind")
        .values_list("indicator_id", "year", "period_number", "kind", "value")
    )
    for indicator_id, _year, _number, _kind, value in rows:
        values[indicator_id] = value  # later periods, and official after provisional, win
    return values
