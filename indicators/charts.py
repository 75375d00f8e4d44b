"""Chart data for Chart.js, built from indicator summaries (no queries)."""

from .calculations import Target


def _point(period):
    m = period.measurement
    return {
        "x": period.time,
        "y": float(period.value),
        "label": period.label,
        "kind": m.kind,
        "illustrative": m.is_illustrative,
    }


def sparkline_data(summary) -> dict:
    ind = summary.indicator
    return {
        "points": [_point(p) for p in summary.series],
        "target": _target_lines(ind),
        "unit": ind.unit,
        "decrease": ind.direction == "decrease",
    }


def _target_lines(ind) -> dict | None:
    if ind.target_value is None:
        return None
    goal = Target(
        kind=ind.target_kind,
        direction=ind.direction,
        value=ind.target_value,
        upper=ind.target_upper,
        tolerance=ind.tolerance,
        strict=ind.target_strict,
    )
    low = float(ind.target_value)
    high = float(ind.target_upper) if ind.target_upper is not None else None
    if ind.target_kind == "approximate" and ind.tolerance:
        low, high = float(ind.target_value - ind.tolerance), float(ind.target_value + ind.tolerance)
    return {"low": low, "high": high, "goal": float(goal.goal), "year": ind.target_year}


def detail_chart_data(summary) -> dict:
    data = sparkline_data(summary)
    baseline, baseline_year, estimated = summary.baseline
    if baseline is not None and not estimated:
        data["baseline"] = {"x": baseline_year, "y": float(baseline), "label": summary.indicator.baseline_label}
    return data
