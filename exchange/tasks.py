"""Celery tasks: they take ids, read fresh rows, and are safe to run twice."""

from celery import shared_task


@shared_task
def notify_new_matches(listing_id: int) -> int:
    from .notifications import new_matches

    return new_matches(listing_id=listing_id)


@shared_task
def expire_listings() -> int:
    from .services import listings_expire

    return listings_expire()


@shared_task
def refresh_match_lists() -> int:
    from .match_lists import lists_refresh

    return lists_refresh()
