"""Notices to listing owners (in-app + e-mail, once per user and event; see
reporting.notifications.notify): strong new matches and rejected listings."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import User
from reporting.notifications import notify

from . import match_lists, matching
from .models import Listing, MatchNotice

MAX_NOTICES_PER_PUBLISH = 5


def _owners(listing: Listing) -> list[User]:
    users = User.objects.filter(is_active=True, exchange_memberships__organisation_id=listing.organisation_id)
    if listing.organisation_id is None:
        users = User.objects.filter(is_active=True, pk=listing.created_by_id)
    return list(users.distinct())


def new_matches(*, listing_id: int) -> int:
    """Tell the owners of both sides about strong matches of a just-published listing; each
    (request, offer) pair is announced once, however often this runs. Returns the new pairs."""
    listing = Listing.objects.filter(pk=listing_id, status=Listing.Status.PUBLISHED).first()
    if listing is None:
        return 0
    announced = 0
    for match in match_lists.listing_matches(listing, limit=MAX_NOTICES_PER_PUBLISH):
        if match.score < matching.STRONG_MATCH:
            break
        request, offer = (listing, match.listing) if listing.kind == Listing.Kind.REQUEST else (match.listing, listing)
        try:
            with transaction.atomic():
                MatchNotice.objects.create(request=request, offer=offer, score=match.score)
        except IntegrityError:
            continue
        announced += 1
        for mine, other in ((request, offer), (offer, request)):
            notify(
                users=_owners(mine),
                key=f"exchange:match:{request.pk}:{offer.pk}",
                subject=_("Gợi ý ghép nối mới cho “%(title)s”") % {"title": mine.title[:150]},
                body=_("“%(other)s” phù hợp %(percent)s%%. %(why)s")
                % {"other": other.title[:200], "percent": round(match.score * 100), "why": match.explanation},
                url=mine.get_absolute_url(),
            )
    return announced


def listing_rejected(*, listing_id: int) -> None:
    listing = Listing.objects.get(pk=listing_id)
    notify(
        users=_owners(listing),
        key=f"exchange:rejected:{listing.pk}:{listing.updated_at:%Y%m%d%H%M%S}",
        subject=_("Tin “%(title)s” chưa được duyệt") % {"title": listing.title[:150]},
        body=listing.rejection_reason,
        url=listing.get_absolute_url(),
    )
