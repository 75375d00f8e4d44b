"""Reads behind the exports: each dataset's rows (tuples in the order of its columns) and
the time its rows last changed.

Long tables (measurements, task updates, outputs) are read with `.iterator(chunk_size=...)`
(a server-side cursor on PostgreSQL), so an export holds one chunk in memory, never the table.
"""

from collections.abc import Iterator
from datetime import datetime

from django.db.models import Max, QuerySet
from django.utils import timezone

from indicators import selectors as indicator_selectors
from indicators.models import Indicator, Measurement, period_label
from programmes.models import KeyTask, KeyTaskUpdate
from research.models import Output
from research.search import Filters, search_outputs
from research_tasks import selectors as research_task_selectors
from research_tasks.models import ResearchTask

CHUNK = 2000


def _labels(choices) -> dict:
    return {value: str(label) for value, label in choices}


def _latest(*values) -> datetime | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None


def _newest(queryset: QuerySet, field: str):
    return queryset.aggregate(latest=Max(field))["latest"]


# Indicators ---------------------------------------------------------------------------------


def indicator_rows(*, programme=None) -> Iterator[tuple]:
    """Every indicator (sub-indicators after their parent) with its target, baseline, latest
    value and progress status, as the indicator list page shows them."""
    indicators = Indicator.objects.select_related("programme")
    if programme is not None:
        indicators = indicators.filter(programme=programme)
    indicators = indicator_selectors.with_recent_data(
        indicators.select_related("responsible_agency", "parent", "status_override_by")
    ).order_by("programme_id", "order", "code")
    directions, kinds = (
        _labels(Indicator._meta.get_field("direction").choices),
        _labels(Indicator._meta.get_field("target_kind").choices),
    )
    statuses = _labels(Indicator._meta.get_field("status_override").choices)
    frequencies = _labels(Indicator._meta.get_field("frequency").choices)
    for root in indicator_selectors.summarise_indicators(indicators):
        for summary in [root, *root.children]:
            ind, latest = summary.indicator, summary.latest
            yield (
                ind.programme.slug,
                ind.code,
                ind.parent.code if ind.parent else "",
                ind.name,
                ind.name_en,
                ind.unit,
                ind.direction,
                directions.get(ind.direction, ""),
                ind.target_kind,
                kinds.get(ind.target_kind, ""),
                ind.target_value,
                ind.target_upper,
                ind.target_year,
                ind.baseline_value,
                ind.baseline_year,
                ind.baseline_label,
                ind.frequency,
                frequencies.get(ind.frequency, ""),
                ind.responsible_agency.name if ind.responsible_agency else "",
                ind.data_source,
                latest.label if latest else "",
                latest.value if latest else None,
                summary.status,
                statuses.get(summary.status, ""),
            )


def indicators_count(*, programme=None) -> int:
    indicators = Indicator.objects.all()
    return (indicators.filter(programme=programme) if programme else indicators).count()


def indicators_modified() -> datetime | None:
    return _newest(Indicator.history.all(), "history_date")


# Measurements -------------------------------------------------------------------------------


def _measurements(*, programme=None, indicator: str = "", year: int | None = None, kind: str = "") -> QuerySet:
    rows = Measurement.objects.all()
    if programme is not None:
        rows = rows.filter(indicator__programme=programme)
    if indicator:
        rows = rows.filter(indicator__code=indicator)
    if year:
        rows = rows.filter(year=year)
    if kind:
        rows = rows.filter(kind=kind)
    return rows


MEASUREMENT_FIELDS = (
    "indicator__programme__slug",
    "indicator__code",
    "indicator__name",
    "indicator__unit",
    "year",
    "period_kind",
    "period_number",
    "kind",
    "value",
    "published_on",
    "source",
    "source_url",
    "note",
    "is_illustrative",
    "recorded_at",
)


def measurement_rows(**filters) -> Iterator[tuple]:
    """Every figure, official and provisional, in the order of the unique index (indicator,
    period, kind): PostgreSQL streams them without sorting."""
    kinds = _labels(Measurement.Kind.choices)
    rows = (
        _measurements(**filters)
        .order_by("indicator_id", "year", "period_kind", "period_number", "kind")
        .values_list(*MEASUREMENT_FIELDS)
        .iterator(chunk_size=CHUNK)
    )
    for slug, code, name, unit, year, pkind, pnumber, kind, value, published, src, url, note, demo, at in rows:
        yield (
            slug,
            code,
            name,
            unit,
            period_label(year, pkind, pnumber),
            year,
            pkind,
            pnumber,
            kind,
            kinds.get(kind, kind),
            value,
            published,
            src,
            url,
            note,
            demo,
            at,
        )


def measurements_count(**filters) -> int:
    return _measurements(**filters).count()


def measurements_modified() -> datetime | None:
    # Rows written in bulk have no history row: their recording time counts too.
    return _latest(_newest(Measurement.history.all(), "history_date"), _newest(Measurement.objects, "recorded_at"))


# Key tasks and their updates ----------------------------------------------------------------


def _key_tasks(*, programme=None, status: str = "", agency=None) -> QuerySet:
    tasks = KeyTask.objects.all()
    if programme is not None:
        tasks = tasks.filter(programme=programme)
    if status:
        tasks = tasks.filter(status=status)
    if agency is not None:
        tasks = tasks.filter(lead_agencies=agency)
    return tasks


def key_task_rows(**filters) -> Iterator[tuple]:
    statuses = _labels(KeyTask.Status.choices)
    today = timezone.localdate()
    tasks = (
        _key_tasks(**filters)
        .select_related("programme", "solution_group")
        .prefetch_related("lead_links__agency", "coordinator_links__agency")
        .order_by("programme_id", "number")
    )
    for task in tasks.iterator(chunk_size=CHUNK):
        yield (
            task.programme.slug,
            task.number,
            task.title,
            task.solution_group.number if task.solution_group else None,
            "; ".join(link.agency.name for link in task.lead_links.all()),
            "; ".join(link.agency.name for link in task.coordinator_links.all()),
            task.start_year,
            task.end_year,
            task.deadline,
            task.status,
            statuses.get(task.status, ""),
            task.progress,
            task.is_overdue(today),
            task.is_illustrative,
        )


def key_tasks_count(**filters) -> int:
    return _key_tasks(**filters).count()


def key_tasks_modified() -> datetime | None:
    return _newest(KeyTask.history.all(), "history_date")


def _key_task_updates(*, year: int | None = None, **task_filters) -> QuerySet:
    updates = KeyTaskUpdate.objects.filter(task__in=_key_tasks(**task_filters))
    return updates.filter(reported_on__year=year) if year else updates


def key_task_update_rows(**filters) -> Iterator[tuple]:
    statuses = _labels(KeyTask.Status.choices)
    updates = (
        _key_task_updates(**filters)
        .order_by("task__programme_id", "task__number", "reported_on", "id")
        .values_list(
            "task__programme__slug",
            "task__number",
            "task__title",
            "reported_on",
            "status",
            "progress",
            "text",
            "is_illustrative",
        )
        .iterator(chunk_size=CHUNK)
    )
    for slug, number, title, reported_on, status, progress, text, illustrative in updates:
        yield (slug, number, title, reported_on, status, statuses.get(status, ""), progress, text, illustrative)


def key_task_updates_count(**filters) -> int:
    return _key_task_updates(**filters).count()


def key_task_updates_modified() -> datetime | None:
    return _newest(KeyTaskUpdate.objects, "created_at")


# S&T tasks ----------------------------------------------------------------------------------


def research_task_rows(*, stage: str = "", year: int | None = None) -> Iterator[tuple]:
    """The rows of the public S&T task list, with what the task page shows; nothing of the
    contract, dossiers or councils (not public)."""
    kinds, modes, stages = (
        _labels(ResearchTask.Kind.choices),
        _labels(ResearchTask.Mode.choices),
        _labels(ResearchTask.Stage.choices),
    )
    for task in research_task_selectors.task_list(stage=stage, year=year).iterator(chunk_size=CHUNK):
        acceptance = getattr(task, "acceptance", None)
        yield (
            task.code,
            task.title,
            task.kind,
            kinds.get(task.kind, ""),
            task.mode,
            modes.get(task.mode, ""),
            task.stage,
            stages.get(task.stage, ""),
            task.field,
            task.year,
            task.funding_ceiling,
            task.period_months,
            task.pi.full_name if task.pi else "",
            task.host.name if task.host else "",
            acceptance.get_grade_display() if acceptance else "",
            task.objectives,
            task.expected_results,
            task.is_demo,
            task.updated_at,
        )


def research_tasks_count(*, stage: str = "", year: int | None = None) -> int:
    return research_task_selectors.task_list(stage=stage, year=year).count()


def research_tasks_modified() -> datetime | None:
    return _newest(ResearchTask.objects, "updated_at")


# Research outputs ---------------------------------------------------------------------------


def _outputs(*, q: str = "", kind: str = "", year: int | None = None, organisation: str = "") -> QuerySet:
    return search_outputs(q, filters=Filters(kind=kind or "", year=year, organisation=organisation or ""))


def output_rows(**filters) -> Iterator[tuple]:
    """The outputs the research search page finds for the same query and filters, in its order."""
    kinds = _labels(Output.Kind.choices)
    outputs = _outputs(**filters).defer("search_key", "title_key").prefetch_related("organisations")
    for output in outputs.iterator(chunk_size=CHUNK):
        yield (
            output.pk,
            output.kind,
            kinds.get(output.kind, ""),
            output.title,
            output.year,
            output.venue,
            output.doi or "",
            output.patent_number,
            output.is_international,
            output.authors_text,
            "; ".join(o.name for o in output.organisations.all()),
            output.url,
            output.abstract,
            output.is_demo,
            output.updated_at,
        )


def outputs_count(**filters) -> int:
    return _outputs(**filters).order_by().count()


def outputs_modified() -> datetime | None:
    return _newest(Output.objects, "updated_at")
