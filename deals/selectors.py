"""Reads of deals with their related rows preloaded (a page costs a fixed number of queries),
and the exchange's public figures."""

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404

from exchange.models import Listing, MatchNotice
from exchange.permissions import is_moderator, member_organisation_ids

from .models import Deal

DONE_STAGES = (Deal.Stage.SIGNED, Deal.Stage.TRANSFERRED)


def _with_related(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("listing__organisation", "initiator", "initiator_organisation")


def deal_get(pk: int) -> Deal:
    queryset = _with_related(Deal.objects.all()).prefetch_related(
        "messages__author", "events__actor", "documents__uploaded_by"
    )
    return get_object_or_404(queryset, pk=pk)


def deals_visible_to(user) -> QuerySet:
    """The deals a user is a party to; every deal for a broker."""
    queryset = _with_related(Deal.objects.all())
    if is_moderator(user):
        return queryset
    orgs = member_organisation_ids(user)
    return queryset.filter(
        Q(initiator=user)
        | Q(listing__organisation_id__in=orgs)
        | Q(initiator_organisation_id__in=orgs)
        | Q(listing__organisation__isnull=True, listing__created_by=user)
    )


def open_deal_of(user, listing: Listing) -> Deal | None:
    if not user.is_authenticated:
        return None
    return Deal.objects.filter(listing=listing, initiator=user).exclude(stage=Deal.Stage.CANCELLED).first()


def exchange_figures() -> dict:
    """Số liệu sàn: published listings by kind, matches suggested, deals by stage, value by year."""
    listings = Listing.objects.filter(status=Listing.Status.PUBLISHED).aggregate(
        offers=Count("pk", filter=Q(kind=Listing.Kind.OFFER)),
        requests=Count("pk", filter=Q(kind=Listing.Kind.REQUEST)),
    )
    by_stage = dict(Deal.objects.values_list("stage").annotate(n=Count("pk")).values_list("stage", "n"))
    stages = [(stage, label, by_stage.get(stage, 0)) for stage, label in Deal.Stage.choices]
    years = (
        Deal.objects.filter(stage__in=DONE_STAGES, signed_at__isnull=False)
        .annotate(year=ExtractYear("signed_at"))
        .values("year")
        .annotate(deals=Count("pk"), value=Sum("value"))
        .order_by("year")
    )
    return {
        "offers": listings["offers"],
        "requests": listings["requests"],
        "matches": MatchNotice.objects.count(),
        "stages": stages,
        "deals": sum(n for _stage, _label, n in stages),
        "years": [{"year": row["year"], "deals": row["deals"], "value": row["value"] or 0} for row in years],
    }


def signed_in_year(year: int) -> dict:
    """Deals signed in a year (and still signed or transferred): their number and total value."""
    row = Deal.objects.filter(stage__in=DONE_STAGES, signed_at__year=year).aggregate(
        deals=Count("pk"), value=Sum("value")
    )
    return {"deals": row["deals"], "value": row["value"] or 0}
