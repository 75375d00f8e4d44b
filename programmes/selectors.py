"""Reads of the programmes domain, with what each page needs preloaded."""

from collections import Counter, defaultdict

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import KeyTask, KeyTaskCoordinator, KeyTaskLead, KeyTaskUpdate, Programme


def programme_list():
    return Programme.objects.annotate(
        indicator_count=Count("indicators", filter=Q(indicators__parent__isnull=True), distinct=True),
        task_count=Count("key_tasks", distinct=True),
    ).select_related("previous_phase")


def programme_current() -> Programme | None:
    """The programme the public home page shows: the latest one that has started."""
    year = timezone.localdate().year
    started = Programme.objects.filter(start_year__lte=year).order_by("-start_year", "-pk").first()
    return started or Programme.objects.order_by("start_year").first()


def programme_get(slug: str) -> Programme:
    return get_object_or_404(Programme, slug=slug)


def programme_text(slug: str) -> Programme:
    """A programme with every part of its text preloaded, for the full-text page."""
    return get_object_or_404(
        Programme.objects.prefetch_related(
            "objectives",
            "requirements",
            "solution_groups__paragraphs",
            "solution_groups__key_tasks",
            "implementing_bodies__agencies",
            "assessment",
            "footnotes",
            "baseline_facts__footnote",
            "roadmap",
            "milestones",
        ),
        slug=slug,
    )


def key_tasks(programme, **filters):
    return (
        KeyTask.objects.filter(programme=programme, **filters)
        .select_related("solution_group")
        .prefetch_related(
            Prefetch("lead_links", queryset=KeyTaskLead.objects.select_related("agency")),
            Prefetch("coordinator_links", queryset=KeyTaskCoordinator.objects.select_related("agency")),
        )
        .annotate(update_count=Count("updates"))
        .order_by("number")
    )


def key_task_numbers(group_ids) -> dict[int, list[int]]:
    """The numbers of the key tasks under each solution group, in order."""
    numbers = defaultdict(list)
    tasks = KeyTask.objects.filter(solution_group_id__in=group_ids).order_by("number", "pk")
    for group_id, number in tasks.values_list("solution_group_id", "number"):
        numbers[group_id].append(number)
    return numbers


def key_task_detail(programme, number: int) -> KeyTask:
    task = get_object_or_404(key_tasks(programme), number=number)
    task.recent_updates = list(
        KeyTaskUpdate.objects.filter(task=task).select_related("author").order_by("-reported_on", "-id")
    )
    task.change_log = list(task.history.select_related("history_user").order_by("-history_date")[:50])
    return task


def tasks_by_status(tasks) -> list[dict]:
    """Every status in order, with its tasks and their share of all tasks (%)."""
    groups = defaultdict(list)
    for task in tasks:
        groups[task.status].append(task)
    total = len(tasks) or 1
    return [
        {"status": value, "label": label, "tasks": groups[value], "percent": round(100 * len(groups[value]) / total)}
        for value, label in KeyTask.Status.choices
    ]


def tasks_by_lead_agency(tasks, only: str | None = None) -> list[tuple[object, list[KeyTask], Counter]]:
    """Lead agencies (or only the one with slug `only`) with the tasks they lead; a task
    with two leads appears under both."""
    by_agency = defaultdict(list)
    agencies = {}
    for task in tasks:
        for link in task.lead_links.all():
            if only and link.agency.slug != only:
                continue
            agencies[link.agency_id] = link.agency
            by_agency[link.agency_id].append(task)
    rows = [(agencies[pk], items, Counter(t.status for t in items)) for pk, items in by_agency.items()]
    return sorted(rows, key=lambda row: (-len(row[1]), row[0].name))


def task_status_summary(programme, today) -> dict:
    """Counts of key tasks by status, and how many are overdue, in two aggregate queries."""
    counts = dict(programme.key_tasks.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    total = sum(counts.values())
    rows = [
        {
            "status": value,
            "label": label,
            "count": counts.get(value, 0),
            "percent": round(100 * counts.get(value, 0) / (total or 1)),
        }
        for value, label in KeyTask.Status.choices
    ]
    overdue = programme.key_tasks.exclude(status=KeyTask.Status.COMPLETED).filter(deadline__lt=today).count()
    return {"rows": rows, "total": total, "overdue": overdue}


def lead_agency_summary(programme) -> list[dict]:
    """Lead agencies with how many key tasks each leads, completes and is behind on."""
    return list(
        KeyTaskLead.objects.filter(task__programme=programme)
        .values("agency__slug", "agency__name", "agency__name_en")
        .annotate(
            total=Count("task"),
            completed=Count("task", filter=Q(task__status=KeyTask.Status.COMPLETED)),
            behind=Count("task", filter=Q(task__status=KeyTask.Status.BEHIND)),
        )
        .order_by("-total", "agency__name")
    )
