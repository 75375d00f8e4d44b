"""Search of the public S&T tasks (nhiệm vụ KH&CN), listed on the research search page.

The same approach as `research.search`: every task keeps folded keys (`core.text.fold` through
`research.models.search_text`: no accents, lower case, đ → d), filled on save, so "nghien cuu"
finds "Nghiên cứu ..." identically on SQLite and PostgreSQL. `search_key` holds the code,
title, field, objectives, expected results, the PI's name and the host organisation's names;
`title_key` the title, which weighs more. On PostgreSQL a trigram GIN index on `search_key`
serves the match (`LIKE '% word%'`, migration 0007). Not the full-text index outputs use: a
broad query matches most tasks, the planner then scans the table, and recomputing to_tsvector
on every row cost 8 times the LIKE (docs/benchmarks.md, research section).

Ranking, highest first: a query that is a task's code ("ĐT.01/24", any case); then the score
of `research.search.rank_expression` (title words above words found elsewhere); then the
newest order year, then the code.

Public tasks: every `ResearchTask` — the public task list shows all of them, from "Đã đặt
hàng" to "Đã nghiệm thu". Needs still being proposed (`OrderProposal`) and selection dossiers
(`Dossier`) are other models and never searched here.

A PI renamed, or a host organisation renamed, shows in the key the next time the task is saved.
"""

from django.db.models import Case, Count, IntegerField, Value, When, Window
from django.urls import reverse

from research import search as research_search
from research.models import search_text

from .models import ResearchTask

# Fields whose change refills the keys (ResearchTask.save with update_fields).
KEY_SOURCES = {"code", "title", "field", "objectives", "expected_results", "pi", "host"}
CODE_MATCH = 1000  # above any score of rank_expression (at most 3 per word + 6 for 8 words)


def task_keys(task: ResearchTask, *, pi_name: str = "", host_names: tuple[str, ...] = ()) -> tuple[str, str]:
    """(title_key, search_key) of a task; the PI's and host's names are passed or read from it."""
    if task.pi_id and not pi_name:
        pi_name = task.pi.full_name
    if task.host_id and not host_names:
        host_names = (task.host.name, task.host.short_name)
    search_key = search_text(
        task.code, task.title, task.field, task.objectives, task.expected_results, pi_name, *host_names
    )
    return search_text(task.title), search_key


def fill_keys(task: ResearchTask, **names) -> None:
    task.title_key, task.search_key = task_keys(task, **names)


def public_tasks():
    """The tasks anyone may find: all of them (see the module docstring)."""
    return ResearchTask.objects.all()


def search_tasks(query, *, limit: int = 5) -> list[ResearchTask]:
    """The best `limit` public tasks for the query, with `search_total` (all matches) on each."""
    query = query if isinstance(query, research_search.Query) else research_search.parse_query(query)
    if not query:
        return []
    rows = research_search.matching(public_tasks(), query).annotate(
        search_rank=research_search.rank_expression(query, title="title_key")
        + Case(When(code__iexact=query.text, then=Value(CODE_MATCH)), default=Value(0), output_field=IntegerField()),
        search_total=Window(Count("pk")),
    )
    rows = rows.select_related("host").only("code", "title", "stage", "year", "host__name", "host__short_name")
    return list(rows.order_by("-search_rank", "-year", "code")[:limit])


def find_tasks(query, limit: int) -> research_search.HitList:
    """The research search page's source "Nhiệm vụ KH&CN": hits linking to the task pages."""
    tasks = search_tasks(query, limit=limit)
    hits = [
        research_search.Hit(
            title=f"{task.code} · {task.title}",
            url=reverse("research_tasks:task", args=[task.pk]),
            meta=" · ".join(
                part
                for part in (
                    str(task.get_stage_display()),
                    str(task.year),
                    task.host.short_name or task.host.name if task.host_id else "",
                )
                if part
            ),
        )
        for task in tasks
    ]
    return research_search.HitList(hits, total=tasks[0].search_total if tasks else 0)


def register() -> None:
    from django.utils.translation import gettext_lazy as _

    research_search.register_source("tasks", _("Nhiệm vụ KH&CN"), find_tasks)
