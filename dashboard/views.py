"""The public dashboard: no login, Vietnamese by default."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from core.cache import public_page
from indicators import selectors as indicator_selectors
from indicators.charts import sparkline_data
from programmes import selectors as programme_selectors


def home(request):
    programme = programme_selectors.programme_current()
    if programme is None:
        raise Http404
    return redirect("dashboard:overview", slug=programme.slug)


@public_page
def overview(request, slug):
    programme = programme_selectors.programme_get(slug)
    summaries = indicator_selectors.programme_indicator_cards(programme)
    today = timezone.localdate()
    milestones = list(programme.milestones.select_related("phase"))
    context = {
        "programme": programme,
        "objectives": list(programme.objectives.all()),
        "summaries": summaries,
        "status_counts": indicator_selectors.status_counts(summaries),
        "tasks": programme_selectors.task_status_summary(programme, today),
        "lead_agencies": programme_selectors.lead_agency_summary(programme),
        "phases": list(programme.roadmap.all()),
        "milestones": milestones,
        "today": today,
        "sparklines": {s.indicator.code: sparkline_data(s) for s in summaries},
        "has_illustrative": any(s.has_illustrative for s in summaries),
    }
    return render(request, "dashboard/overview.html", context)


@public_page
def method(request):
    return render(request, "dashboard/method.html")
