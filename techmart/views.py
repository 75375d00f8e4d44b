"""Pages of Techmart: events, an event with its exhibitors and their offers, the booking grid
(htmx: a day's grid is a partial; booking or cancelling re-renders it), my meetings."""

import contextlib
import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from core.cache import public_page

from . import selectors, services
from .models import Exhibitor, Meeting


@public_page
def event_list(request):
    return render(request, "techmart/event_list.html", {"events": selectors.events()})


@public_page
def event_detail(request, pk):
    return render(request, "techmart/event_detail.html", {"event": selectors.event_get(pk)})


def _day(event, raw) -> datetime.date:
    try:
        day = datetime.date.fromisoformat(raw) if raw else event.starts_on
    except ValueError:
        raise Http404 from None
    if not event.starts_on <= day <= event.ends_on:
        raise Http404
    return day


def _grid(request, event, day, *, error="", status=200):
    context = {"event": event, "grid": selectors.booking_grid(event, day, request.user), "error": error}
    template = "techmart/partials/_grid.html" if request.htmx else "techmart/booking.html"
    return render(request, template, context, status=status)


def booking(request, pk):
    event = selectors.event_get(pk)
    return _grid(request, event, _day(event, request.GET.get("day")))


@login_required
@require_POST
def book(request, pk):
    event = selectors.event_get(pk)
    exhibitor = get_object_or_404(Exhibitor, pk=request.POST.get("exhibitor", "0") or 0, event=event)
    try:
        starts_at = datetime.datetime.fromisoformat(request.POST.get("starts_at", ""))
    except ValueError:
        starts_at = None
    if starts_at is None or timezone.is_naive(starts_at):
        return _grid(request, event, event.starts_on, error=services.bad_time_message(), status=400)
    try:
        services.meeting_book(
            event=event,
            exhibitor=exhibitor,
            buyer=request.user,
            starts_at=starts_at,
            topic=request.POST.get("topic", ""),
        )
    except ValidationError as exc:
        day = timezone.localtime(starts_at).date()
        day = day if event.starts_on <= day <= event.ends_on else event.starts_on
        return _grid(request, event, day, error=" ".join(exc.messages), status=400)
    return _grid(request, event, timezone.localtime(starts_at).date())


@login_required
@require_POST
def cancel(request, pk):
    meeting = get_object_or_404(Meeting.objects.select_related("event"), pk=pk)
    with contextlib.suppress(ValidationError):  # already cancelled: the page shows it so
        services.meeting_cancel(meeting=meeting, actor=request.user)
    if request.htmx:
        return _grid(request, meeting.event, timezone.localtime(meeting.starts_at).date())
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "techmart:mine"
    return redirect(target)


@login_required
def my_meetings(request):
    return render(request, "techmart/my_meetings.html", {"meetings": selectors.meetings_of(request.user)})
