"""Reads of Techmart with related rows preloaded."""

import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from exchange.models import Listing

from .models import Event, Exhibitor, Meeting


def events() -> QuerySet:
    return Event.objects.annotate(exhibitor_count=Count("exhibitors", distinct=True))


def event_get(pk: int) -> Event:
    offers = Listing.objects.filter(status=Listing.Status.PUBLISHED).only("pk", "title", "kind")
    exhibitors = Exhibitor.objects.select_related("organisation").prefetch_related(Prefetch("offers", queryset=offers))
    return get_object_or_404(Event.objects.prefetch_related(Prefetch("exhibitors", queryset=exhibitors)), pk=pk)


def booking_grid(event: Event, day: datetime.date, user) -> dict:
    """Rows of slots × exhibitors for a day: free, booked (by someone) or mine."""
    slots = event.slots(day)
    exhibitors = list(event.exhibitors.select_related("organisation").order_by("booth", "pk"))
    booked = Meeting.objects.filter(event=event, status=Meeting.Status.BOOKED, starts_at__in=slots)
    taken = {(m.exhibitor_id, m.starts_at): m for m in booked}
    my_times = {m.starts_at for m in booked if m.buyer_id == user.pk} if user.is_authenticated else set()
    rows = []
    for slot in slots:
        cells = []
        for exhibitor in exhibitors:
            meeting = taken.get((exhibitor.pk, slot))
            state = "free"
            if meeting is not None:
                state = "mine" if meeting.buyer_id == user.pk else "taken"
            elif slot in my_times:
                state = "busy"
            cells.append({"exhibitor": exhibitor, "state": state, "meeting": meeting})
        rows.append({"slot": slot, "cells": cells})
    return {"day": day, "exhibitors": exhibitors, "rows": rows}


def meetings_of(user) -> QuerySet:
    """The user's meetings as a buyer and as a member of an exhibitor."""
    from exchange.permissions import member_organisation_ids

    return Meeting.objects.filter(
        Q(buyer=user) | Q(exhibitor__organisation_id__in=member_organisation_ids(user))
    ).select_related("event", "exhibitor__organisation", "buyer")


def exhibitor_candidates(event: Event) -> QuerySet:
    """Organisations that may get a stand: exchange members without one at this event yet."""
    from research.models import Organisation

    return (
        Organisation.objects.filter(exchange_members__isnull=False)
        .exclude(techmart_stands__event=event)
        .distinct()
        .order_by("name")
    )


def published_offers_of(organisation) -> QuerySet:
    if organisation is None:
        return Listing.objects.none()
    return Listing.objects.filter(
        organisation=organisation, kind=Listing.Kind.OFFER, status=Listing.Status.PUBLISHED
    ).order_by("title")


def exhibitor_get(pk: int) -> Exhibitor:
    booked = Meeting.objects.filter(status=Meeting.Status.BOOKED).select_related("buyer")
    return get_object_or_404(
        Exhibitor.objects.select_related("event", "organisation").prefetch_related(
            "offers", Prefetch("meetings", queryset=booked, to_attr="booked_meetings")
        ),
        pk=pk,
    )
