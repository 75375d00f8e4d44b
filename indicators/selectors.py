"""Reads of the indicators domain: series in use, latest value and progress status.

Every function here costs a fixed number of queries, whatever the number of indicators.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import OuterRef, Prefetch, Q, Subquery

from .calculations import Target, combined_status, progress_status
from .models import Indicator, Measurement, TargetKind

_MONTHS = {"Y": 12, "H": 6, "Q": 3, "M": 1}


@dataclass
class PeriodValue:
    """The figure in use for one period: the official one if published, else the provisional one."""

    year: int
    period_kind: str
    period_number: int
    official: Measurement | None = None
    provisional: Measurement | None = None

    @property
    def measurement(self) -> Measurement:
        return self.official or self.provisional

    @property
    def value(self) -> Decimal:
        return self.measurement.value

    @property
    def label(self) -> str:
        return self.measurement.period_label

    @property
    def is_illustrative(self) -> bool:
        return self.measurement.is_illustrative

    @property
    def time(self) -> float:
        """Position on a year axis: the end of the period, e.g. 2023.0 for the year 2023."""
        if self.period_kind == "Y":
            return float(self.year)
        return self.year - 1 + self.period_number * _MONTHS[self.period_kind] / 12


@dataclass
class IndicatorSummary:
    indicator: Indicator
    series: list[PeriodValue]
    children: list["IndicatorSummary"] = field(default_factory=list)

    @property
    def latest(self) -> PeriodValue | None:
        return self.series[-1] if self.series else None

    @property
    def baseline(self) -> tuple[Decimal | None, float | None, bool]:
        """(value, year, estimated): the stated baseline, else the first figure recorded
        (read from the annotation when only the recent periods were loaded)."""
        ind = self.indicator
        if ind.baseline_value is not None and ind.baseline_year is not None:
            return ind.baseline_value, float(ind.baseline_year), False
        first = self.first
        if first is not None and self.latest is not None and first.time < self.latest.time:
            return first.value, first.time, True
        return None, None, False

    @property
    def first(self):
        ind = self.indicator
        if getattr(ind, "first_value", None) is not None:
            first = PeriodValue(ind.first_year, ind.first_period_kind, ind.first_period_number)
            first.official = Measurement(value=ind.first_value)
            return first
        return self.series[0] if self.series else None

    @property
    def computed_status(self) -> str:
        ind = self.indicator
        if ind.target_kind == TargetKind.RANK:
            return combined_status([c.status for c in self.children if not c.indicator.is_context])
        target = Target(
            kind=ind.target_kind,
            direction=ind.direction,
            value=ind.target_value,
            upper=ind.target_upper,
            tolerance=ind.tolerance,
            strict=ind.target_strict,
        )
        baseline, baseline_year, _estimated = self.baseline
        latest = self.latest
        return progress_status(
            target=target,
            target_year=ind.target_year,
            baseline=baseline,
            baseline_year=baseline_year,
            latest=latest.value if latest else None,
            latest_year=latest.time if latest else None,
        )

    @property
    def status(self) -> str:
        return self.indicator.status_override or self.computed_status

    @property
    def has_illustrative(self) -> bool:
        return any(p.is_illustrative for p in self.series) or any(c.has_illustrative for c in self.children)

    @property
    def context_children(self) -> list["IndicatorSummary"]:
        return [c for c in self.children if c.indicator.is_context]

    @property
    def target_children(self) -> list["IndicatorSummary"]:
        return [c for c in self.children if not c.indicator.is_context]


def build_series(measurements) -> list[PeriodValue]:
    periods: dict[tuple, PeriodValue] = {}
    for m in measurements:
        key = (m.year, m.period_kind, m.period_number)
        slot = periods.setdefault(key, PeriodValue(*key))
        setattr(slot, m.kind, m)
    return sorted(periods.values(), key=lambda p: p.time)


def indicators_with_data(*conditions, **filters):
    return (
        Indicator.objects.filter(*conditions, **filters)
        .select_related("responsible_agency", "parent", "status_override_by")
        .prefetch_related(Prefetch("measurements", queryset=Measurement.objects.order_by("year", "period_kind")))
    )


# Enough periods for a sparkline and the latest value: two years of monthly figures.
RECENT_PERIODS = 24


def with_recent_data(indicators, periods: int = RECENT_PERIODS):
    """Indicators with only the figures of their most recent `periods` loaded (an official and a
    provisional figure each), and the first figure annotated (for the baseline of an indicator
    without one): pages that list many indicators read a bounded number of rows, whatever the
    length of the series. Status and latest value need only `periods=1`."""
    first = Measurement.objects.filter(indicator=OuterRef("pk")).order_by("year", "period_number", "-kind")
    recent = Measurement.objects.order_by("-year", "-period_kind", "-period_number", "kind")[: 2 * periods]
    return indicators.annotate(
        first_value=Subquery(first.values("value")[:1]),
        first_year=Subquery(first.values("year")[:1]),
        first_period_kind=Subquery(first.values("period_kind")[:1]),
        first_period_number=Subquery(first.values("period_number")[:1]),
    ).prefetch_related(Prefetch("measurements", queryset=recent, to_attr="recent_measurements"))


def indicators_with_recent_data(*conditions, **filters):
    return with_recent_data(
        Indicator.objects.filter(*conditions, **filters).select_related(
            "responsible_agency", "parent", "status_override_by"
        )
    )


def summarise_indicators(indicators, until: float | None = None) -> list[IndicatorSummary]:
    """Summaries of top-level indicators with their children attached (one pass, no queries
    beyond those of the given queryset and its prefetches); `until` (a year, e.g. 2023.0)
    leaves out later periods, as a review frozen at that time saw them."""
    summaries = {}
    for ind in indicators:
        loaded = getattr(ind, "recent_measurements", None)
        series = build_series(ind.measurements.all() if loaded is None else loaded)
        summaries[ind.pk] = IndicatorSummary(ind, [p for p in series if until is None or p.time <= until])
    roots = []
    for summary in summaries.values():
        parent = summaries.get(summary.indicator.parent_id)
        (parent.children if parent else roots).append(summary)
    return roots


def programme_indicator_summaries(programme, until: float | None = None) -> list[IndicatorSummary]:
    """Every indicator with its full series (for reports, which show every period)."""
    return summarise_indicators(indicators_with_data(programme=programme), until=until)


def programme_indicator_cards(programme) -> list[IndicatorSummary]:
    """Every indicator with its recent figures: what the overview and list pages draw."""
    return summarise_indicators(indicators_with_recent_data(programme=programme))


def indicator_summary(programme, code: str) -> IndicatorSummary | None:
    """One indicator (with its children) of a programme, or None."""
    matches = indicators_with_data(Q(code=code) | Q(parent__code=code), programme=programme)
    roots = [s for s in summarise_indicators(matches) if s.indicator.code == code]
    return roots[0] if roots else None


def status_counts(summaries: list[IndicatorSummary]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for s in summaries:
        counts[s.status] = counts.get(s.status, 0) + 1
    return counts


def indicator_history(indicator, limit: int = 50) -> list:
    """Who changed the indicator or its figures, newest first (two queries)."""
    own = indicator.history.select_related("history_user").order_by("-history_date")[:limit]
    figures = (
        Measurement.history.filter(indicator_id=indicator.pk)
        .select_related("history_user")
        .order_by("-history_date")[:limit]
    )
    return sorted([*own, *figures], key=lambda h: h.history_date, reverse=True)[:limit]
