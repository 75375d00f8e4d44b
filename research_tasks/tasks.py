"""Celery tasks of S&T tasks: safe to run twice (a notice is sent once per user and event)."""

from celery import shared_task


@shared_task
def send_application_reminders() -> int:
    from .notifications import application_reminders

    return application_reminders()
