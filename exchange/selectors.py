"""Reads of the technology exchange, with what the pages show preloaded."""

import time

from django.db import connections
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Field, Listing, ListingFile, MatchFeedback, TransferMode
from .permissions import member_organisation_ids

SEARCH_COLUMNS = ("search_key", "title_key")  # most of a listing's row, and not shown

_REFERENCE: dict = {"until": 0.0}


def reference_data(*, fields=(), modes=()) -> tuple[dict[int, Field], dict[int, TransferMode]]:
    """Fields (with their groups) and transfer modes by id, in their order: reference data of a
    few dozen rows that search facets and match explanations read on every request, kept a
    minute in the process (no query or unpickling per request), loaded again when a field or
    mode id asked for is not there."""
    now = time.monotonic()
    if (
        _REFERENCE["until"] < now
        or any(pk not in _REFERENCE["fields"] for pk in fields)
        or any(pk not in _REFERENCE["modes"] for pk in modes)
    ):
        _REFERENCE["fields"] = {f.pk: f for f in Field.objects.select_related("parent")}
        _REFERENCE["modes"] = {m.pk: m for m in TransferMode.objects.all()}
        _REFERENCE["until"] = now + 60
    return _REFERENCE["fields"], _REFERENCE["modes"]


def forget_reference_data() -> None:
    """For tests, whose flushes give the reference rows new ids."""
    _REFERENCE["until"] = 0.0


def _with_related(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("field__parent", "organisation", "created_by").prefetch_related(
        "transfer_modes", Prefetch("files", queryset=ListingFile.objects.order_by("kind", "pk"))
    )


def listing_get(pk: int) -> Listing:
    return get_object_or_404(_with_related(Listing.objects.all()), pk=pk)


def listing_by_any_id(value: str) -> Listing:
    """A listing by its external id (imported) or, failing that, its database id."""
    value = str(value)
    if "\x00" in value or len(value) > 100:
        raise Http404
    found = _with_related(Listing.objects.filter(external_id=value)).first()
    if found is None and value.isascii() and value.isdigit() and len(value) < 18:
        found = _with_related(Listing.objects.filter(pk=int(value))).first()
    if found is None:
        raise Http404
    return found


def listing_for_matches(value: str) -> Listing:
    """`listing_by_any_id` for a match list: one query, in plain SQL (the ORM's took twice as
    long to write as the database to answer), without the search columns."""
    value = str(value)
    if "\x00" in value or len(value) > 100:
        raise Http404
    quote = connections[Listing.objects.db].ops.quote_name
    columns = ", ".join(quote(f.column) for f in Listing._meta.concrete_fields if f.name not in SEARCH_COLUMNS)
    where, params = "external_id = %s", [value]
    if value.isascii() and value.isdigit() and len(value) < 18:
        where, params = f"{where} OR id = %s", [value, int(value)]
    found = list(Listing.objects.raw(f"SELECT {columns} FROM exchange_listing WHERE {where} LIMIT 2", params))  # noqa: S608
    found.sort(key=lambda listing: listing.external_id != value)  # the external id wins
    if not found:
        raise Http404
    return found[0]


def listings_of_user(user) -> QuerySet:
    return (
        Listing.objects.filter(organisation_id__in=member_organisation_ids(user))
        .select_related("field", "organisation")
        .order_by("-updated_at")
    )


def moderation_queue() -> QuerySet:
    return (
        Listing.objects.filter(status=Listing.Status.SUBMITTED)
        .select_related("field", "organisation", "created_by")
        .prefetch_related("transfer_modes")
        .order_by("submitted_at", "pk")
    )


def published_listings() -> QuerySet:
    return _with_related(Listing.objects.filter(status=Listing.Status.PUBLISHED))


def feedback_of(user, listing: Listing) -> dict[int, bool]:
    """For a request page: offer id → the user's answer (useful or not)."""
    if not user.is_authenticated:
        return {}
    field = "request" if listing.kind == Listing.Kind.REQUEST else "offer"
    other = "offer_id" if field == "request" else "request_id"
    rows = MatchFeedback.objects.filter(user=user, **{field: listing}).values_list(other, "useful")
    return dict(rows)
