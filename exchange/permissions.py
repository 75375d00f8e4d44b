"""Who may do what on the technology exchange. Every rule has a test for the wrong user.

- everyone reads published listings, their matches and the search;
- a member of an organisation (`Member`) creates listings for it and edits, submits and
  attaches files to its listings; nobody else edits them (not even moderators);
- exchange moderators (permission `exchange.moderate_listing`) publish or reject submitted
  listings and see listings that are not published;
- any signed-in user may say whether a match was useful.
"""

from django.core.exceptions import PermissionDenied

from .models import Listing, Member


def member_organisation_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_exchange_org_ids", None)
    if cached is None:
        cached = set(Member.objects.filter(user=user).values_list("organisation_id", flat=True))
        user._exchange_org_ids = cached
    return cached


def is_member(user) -> bool:
    return bool(member_organisation_ids(user))


def is_moderator(user) -> bool:
    return bool(user.is_authenticated and user.has_perm("exchange.moderate_listing"))


def can_create_for(user, organisation) -> bool:
    return organisation is not None and organisation.pk in member_organisation_ids(user)


def can_edit_listing(user, listing: Listing) -> bool:
    return listing.organisation_id is not None and listing.organisation_id in member_organisation_ids(user)


def can_view_listing(user, listing: Listing) -> bool:
    return listing.status == Listing.Status.PUBLISHED or can_edit_listing(user, listing) or is_moderator(user)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied
