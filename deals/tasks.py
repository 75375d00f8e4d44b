"""Celery tasks: they take ids, read fresh rows, and are safe to run twice."""

from celery import shared_task


@shared_task
def notify_deal(deal_id: int, actor_id: int, what: str) -> int:
    from .notifications import deal_changed

    return deal_changed(deal_id=deal_id, actor_id=actor_id, what=what)
