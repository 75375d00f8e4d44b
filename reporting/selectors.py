"""Reads of reporting rounds, each at a fixed number of queries."""

from collections import Counter

from django.db.models import Count, Max, Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import IndicatorReport, ReportingRound, Submission, SubmissionEvent, TaskReport

LATE = "late"
_LONG_TEXTS = ("results", "shortcomings", "proposals", "review_comment")


def round_get(round_id: int) -> ReportingRound:
    return get_object_or_404(ReportingRound.objects.select_related("programme"), pk=round_id)


def rounds_for(programme, user, is_secretariat: bool):
    rounds = programme.rounds.all()
    if not is_secretariat:
        rounds = rounds.filter(submissions__agency_id=user.agency_id)
    return rounds.order_by("-cutoff")


def completeness_stamp(rnd: ReportingRound) -> str:
    """Changes whenever the completeness page would: a submission saved or added, a new day
    (a deadline passing makes agencies late). Keys the cached page fragment."""
    state = rnd.submissions.aggregate(count=Count("pk"), last=Max("updated_at"))
    return f"{rnd.pk}:{state['count']}:{state['last'] and state['last'].isoformat()}:{timezone.localdate()}"


def completeness(rnd: ReportingRound) -> dict:
    """Per agency: its state (late counts as its own state), with counts and percentages."""
    today = timezone.localdate()
    rows = []
    # The free texts of a report can run to pages: the list never shows them, so they stay in the database.
    submissions = rnd.submissions.select_related("agency").defer(*_LONG_TEXTS).order_by("agency__name")
    for submission in submissions:
        submission.round = rnd
        state = LATE if submission.is_late(today) else submission.status
        rows.append({"submission": submission, "state": state})
    counts = Counter(row["state"] for row in rows)
    total = len(rows) or 1
    states = [*Submission.Status.values, LATE]
    summary = [{"state": s, "count": counts[s], "percent": round(100 * counts[s] / total)} for s in states]
    return {"rows": rows, "summary": summary, "total": len(rows)}


def submission_detail(submission_id: int) -> Submission:
    return get_object_or_404(
        Submission.objects.select_related("round__programme", "agency").prefetch_related(
            Prefetch("task_reports", queryset=TaskReport.objects.select_related("task").order_by("task__number")),
            Prefetch(
                "indicator_reports",
                queryset=IndicatorReport.objects.select_related("indicator").order_by("indicator__order"),
            ),
            Prefetch("events", queryset=SubmissionEvent.objects.select_related("actor")),
        ),
        pk=submission_id,
    )


def submissions_of_agency(agency_id):
    return (
        Submission.objects.filter(agency_id=agency_id)
        .select_related("round__programme", "agency")
        .order_by("-round__cutoff")
    )
