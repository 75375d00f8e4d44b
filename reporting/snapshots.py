"""The frozen content of a closed round: what its review reports are generated from."""

from django.db.models import Prefetch
from django.utils import timezone, translation

from core.templatetags.sti import qty, target_text
from indicators.selectors import programme_indicator_summaries
from programmes.models import KeyTask, KeyTaskUpdate
from programmes.selectors import key_tasks

from .models import ReportingRound, RoundSnapshot, Submission


def snapshot_build(*, rnd: ReportingRound) -> RoundSnapshot:
    """Freeze indicator values, task statuses and narratives as they stood at the cut-off."""
    with translation.override("vi"):
        data = snapshot_data(rnd)
    snapshot, _created = RoundSnapshot.objects.update_or_create(
        round=rnd, defaults={"frozen_at": rnd.closed_at or timezone.now(), "data": data}
    )
    return snapshot


def _previous(rnd):
    return (
        RoundSnapshot.objects.filter(round__programme=rnd.programme, round__cutoff__lt=rnd.cutoff)
        .select_related("round")
        .order_by("-round__cutoff")
        .first()
    )


def snapshot_data(rnd: ReportingRound) -> dict:
    """The snapshot content as it would be frozen now (used as a preview for open rounds)."""
    programme = rnd.programme
    previous = _previous(rnd)
    before = previous.data if previous else {}
    summaries = list(_flatten(programme_indicator_summaries(programme, until=float(rnd.year))))
    approved = list(
        Submission.objects.filter(round=rnd, status=Submission.Status.APPROVED)
        .select_related("agency")
        .prefetch_related("task_reports")
        .order_by("agency__name")
    )
    return {
        "programme": {
            "code": programme.code,
            "title": programme.title,
            "issuer": programme.issuer,
            "start_year": programme.start_year,
            "end_year": programme.end_year,
        },
        "round": {
            "kind": rnd.kind,
            "kind_label": rnd.get_kind_display(),
            "year": rnd.year,
            "title": rnd.title,
            "cutoff": rnd.cutoff.isoformat(),
            "frozen_at": (rnd.closed_at or timezone.now()).isoformat(),
        },
        "objectives": [{"number": o.number, "text": o.text} for o in programme.objectives.all()],
        "solution_groups": [
            {"number": g.number, "title": g.title, "tasks": [t.number for t in g.key_tasks.all()]}
            for g in programme.solution_groups.prefetch_related("key_tasks")
        ],
        "indicators": _indicators(summaries, before),
        "tasks": _tasks(programme, rnd, approved, before),
        "agencies": [
            {
                "name": s.agency.name,
                "status": s.status,
                "status_label": s.get_status_display(),
                "results": s.results,
                "shortcomings": s.shortcomings,
                "proposals": s.proposals,
            }
            for s in approved
        ],
        "sources": _sources(summaries),
        "previous": {"title": previous.round.title, "cutoff": previous.round.cutoff.isoformat()} if previous else None,
    }


def _flatten(summaries):
    for summary in summaries:
        yield summary
        yield from _flatten(summary.children)


def _indicators(summaries, before) -> list[dict]:
    earlier = {i["code"]: i for i in before.get("indicators", [])}
    rows = []
    for s in summaries:
        ind, latest = s.indicator, s.latest
        rows.append(
            {
                "code": ind.code,
                "name": ind.name,
                "unit": ind.unit,
                "parent": ind.parent.code if ind.parent_id else None,
                "is_context": ind.is_context,
                "baseline": qty(ind.baseline_value, ind.unit) if ind.baseline_value is not None else None,
                "baseline_label": ind.baseline_label,
                "target": "dẫn đầu cả nước" if ind.target_kind == "rank" else target_text(ind),
                "target_year": ind.target_year,
                "value": float(latest.value) if latest else None,
                "value_text": qty(latest.value, ind.unit) if latest else "–",
                "period": latest.label if latest else "",
                "kind": latest.measurement.kind if latest else None,
                "status": None if ind.is_context else s.status,
                "status_label": "" if ind.is_context else _status_label(s.status),
                "source": latest.measurement.source if latest else "",
                "source_url": latest.measurement.source_url if latest else "",
                "is_illustrative": bool(latest and latest.is_illustrative),
                "previous_value_text": earlier.get(ind.code, {}).get("value_text"),
            }
        )
    return rows


def _status_label(status: str) -> str:
    from indicators.models import ProgressStatus

    return str(ProgressStatus(status).label)


def _tasks(programme, rnd, approved, before) -> list[dict]:
    earlier = {t["number"]: t for t in before.get("tasks", [])}
    narratives = {r.task_id: r.narrative for s in approved for r in s.task_reports.all() if r.narrative}
    updates = KeyTaskUpdate.objects.filter(reported_on__lte=rnd.cutoff).order_by("-reported_on", "-id")
    tasks = key_tasks(programme).prefetch_related(Prefetch("updates", queryset=updates, to_attr="until_cutoff"))
    rows = []
    for task in tasks:
        last = task.until_cutoff[0] if task.until_cutoff else None
        status = last.status if last else KeyTask.Status.NOT_STARTED
        rows.append(
            {
                "number": task.number,
                "title": task.title,
                "leads": [link.agency.name for link in task.lead_links.all()],
                "coordinators": [link.agency.name for link in task.coordinator_links.all()],
                "status": status,
                "status_label": str(KeyTask.Status(status).label),
                "progress": last.progress if last else 0,
                "narrative": narratives.get(task.pk) or (last.text if last else ""),
                "solution_group": task.solution_group.number if task.solution_group else None,
                "previous_status_label": earlier.get(task.number, {}).get("status_label"),
                "previous_progress": earlier.get(task.number, {}).get("progress"),
            }
        )
    return rows


def _sources(summaries) -> list[dict]:
    rows = []
    for s in summaries:
        for period in s.series:
            m = period.measurement
            rows.append(
                {
                    "indicator": s.indicator.code,
                    "period": period.label,
                    "source": m.source,
                    "url": m.source_url,
                    "is_illustrative": m.is_illustrative,
                }
            )
    return rows
