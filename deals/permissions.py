"""Who sees and moves a deal. Every rule has a test for the wrong user.

- the parties: the interested user, the members of the organisation they act for, and the
  members of the listing's organisation (or the listing's author when it has none);
- exchange moderators (brokers, permission `exchange.moderate_listing`) see every deal and act;
- nobody else sees anything of it (403).
"""

from exchange.permissions import is_moderator, member_organisation_ids


def is_party(user, deal) -> bool:
    if not user.is_authenticated:
        return False
    if user.pk == deal.initiator_id:
        return True
    orgs = member_organisation_ids(user)
    listing = deal.listing
    if listing.organisation_id is None and user.pk == listing.created_by_id:
        return True
    return listing.organisation_id in orgs or (deal.initiator_organisation_id in orgs)


def can_view_deal(user, deal) -> bool:
    return is_party(user, deal) or is_moderator(user)


def owns_listing(user, listing) -> bool:
    """The user is on the listing's side: they cannot express interest in it."""
    if listing.organisation_id is None:
        return user.pk == listing.created_by_id
    return listing.organisation_id in member_organisation_ids(user)
