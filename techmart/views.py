"""Pages of Techmart: events, an event with its exhibitors and their offers, the booking grid
(htmx: a day's grid is a partial; booking or cancelling re-renders it), my meetings; and for
exchange moderators, the forms that run an event (the event, its exhibitors)."""

import contextlib
import datetime
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.cache import public_page
from core.forms import call_service
from exchange.permissions import is_moderator, require
from research.models import Organisation

from . import selectors, services
from .forms import EventForm, ExhibitorForm
from .models import Event, Exhibitor, Meeting


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


def moderator_required(view):
    """Signed-in exchange moderators only: others are sent to log in, or refused (403)."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        require(is_moderator(request.user))
        return view(request, *args, **kwargs)

    return wrapped


def _event_form_page(request, form, event=None):
    status = 400 if request.method == "POST" else 200
    return render(request, "techmart/event_form.html", {"form": form, "event": event}, status=status)


@moderator_required
def event_create(request):
    initial = {name: Event._meta.get_field(name).get_default() for name in ("day_start", "day_end", "slot_minutes")}
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        event = call_service(form, services.event_create, actor=request.user, **form.cleaned_data)
        if event is not None:
            messages.success(request, _("Đã tạo sự kiện. Hãy thêm các đơn vị trưng bày."))
            return redirect(event)
    return _event_form_page(request, form)


@moderator_required
def event_edit(request, pk):
    event = get_object_or_404(Event, pk=pk)
    initial = {name: getattr(event, name) for name in services.EVENT_FIELDS}
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        updated = call_service(form, services.event_update, event=event, actor=request.user, **form.cleaned_data)
        if updated is not None:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect(updated)
    return _event_form_page(request, form, event)


def _exhibitor_form_page(request, form, *, event, exhibitor=None):
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "event": event, "exhibitor": exhibitor}
    template = "techmart/partials/_offers.html" if request.htmx else "techmart/exhibitor_form.html"
    return render(request, template, context, status=status)


@moderator_required
def exhibitor_add(request, pk):
    """Choosing the organisation (htmx, or the GET button without JavaScript) lists its offers."""
    event = get_object_or_404(Event, pk=pk)
    chosen = request.POST.get("organisation") or request.GET.get("organisation") or ""
    organisation = Organisation.objects.filter(pk=chosen).first() if chosen.isdigit() else None
    form = ExhibitorForm(
        request.POST or None,
        initial={"organisation": organisation},
        shown_organisations=selectors.exhibitor_candidates(event),
        shown_offers=selectors.published_offers_of(organisation),
    )
    if request.method == "POST" and form.is_valid():
        added = call_service(form, services.exhibitor_add, event=event, actor=request.user, **form.cleaned_data)
        if added is not None:
            messages.success(request, _("Đã thêm %(org)s.") % {"org": added.organisation.name})
            return redirect(event)
    return _exhibitor_form_page(request, form, event=event)


@moderator_required
def exhibitor_edit(request, pk):
    exhibitor = selectors.exhibitor_get(pk)
    initial = {"booth": exhibitor.booth, "offers": list(exhibitor.offers.all())}
    form = ExhibitorForm(
        request.POST or None, initial=initial, shown_offers=selectors.published_offers_of(exhibitor.organisation)
    )
    if request.method == "POST" and form.is_valid():
        updated = call_service(
            form, services.exhibitor_update, exhibitor=exhibitor, actor=request.user, **form.cleaned_data
        )
        if updated is not None:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect(exhibitor.event)
    return _exhibitor_form_page(request, form, event=exhibitor.event, exhibitor=exhibitor)


@moderator_required
@require_POST
def exhibitor_remove(request, pk):
    exhibitor = get_object_or_404(Exhibitor.objects.select_related("event", "organisation"), pk=pk)
    try:
        services.exhibitor_remove(exhibitor=exhibitor, actor=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("techmart:exhibitor_edit", exhibitor.pk)  # where its meetings are listed
    messages.success(request, _("Đã gỡ %(org)s khỏi sự kiện.") % {"org": exhibitor.organisation.name})
    return redirect(exhibitor.event)
