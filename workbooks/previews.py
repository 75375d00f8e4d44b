"""What the preview page shows of a kept upload: each change old → new, and each error where it is."""

import datetime

from programmes.models import KeyTask

from .services import figure_text
from .sheets import label_of


def _figure_rows(changes: list[dict]) -> list[dict]:
    rows = []
    for change in changes:
        old = change["old"]
        if change.get("corrects"):  # a correction: the figure it replaces
            before = figure_text(old.get(change["kind"]), change["kind"])
        else:
            before = "; ".join(figure_text(value, kind) for kind, value in old.items()) or "–"
        rows.append({**change, "before": before, "after": figure_text(change["value"], change["kind"])})
    return rows


def _task_rows(changes: list[dict]) -> list[dict]:
    labels = dict(KeyTask.Status.choices)
    rows = []
    for change in changes:
        old = change["old"]
        rows.append(
            {
                **change,
                "before": f"{labels.get(old['status'], old['status'])} · {old['progress']}%",
                "after": f"{labels.get(change['status'], change['status'])} · {change['progress']}%",
                "reported_on": datetime.date.fromisoformat(change["reported_on"]),
            }
        )
    return rows


def preview_context(batch, error=None) -> dict:
    changes = batch.changes
    errors = sorted(batch.errors, key=lambda e: (e["sheet"], e["row"] or 0, e["column"]))
    return {
        "batch": batch,
        "programme": batch.programme,
        "agency": batch.agency,
        "figures": _figure_rows([c for c in changes if c["sheet"] == "indicators"]),
        "tasks": _task_rows([c for c in changes if c["sheet"] == "tasks"]),
        "errors": [
            {
                **e,
                "sheet_label": label_of(e["sheet"]),
                "column_label": label_of(e["sheet"], e["column"]) if e["column"] else "–",
            }
            for e in errors
        ],
        "skipped": batch.payload.get("skipped", 0),
        "corrections": sum(1 for c in changes if c.get("corrects")),
        "error": error,
    }
