"""Celery tasks: they take ids, read fresh rows, and are safe to run twice."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Notification


@shared_task
def send_notification_email(notification_id: int) -> bool:
    with transaction.atomic():
        notice = (
            Notification.objects.select_for_update()
            .select_related("user")
            .filter(pk=notification_id, emailed_at__isnull=True)
            .first()
        )
        if notice is None or not notice.user.email:
            return False
        Notification.objects.filter(pk=notice.pk).update(emailed_at=timezone.now())
    link = f"{settings.SITE_URL}{notice.url}" if notice.url else ""
    send_mail(notice.subject, f"{notice.body}\n\n{link}".strip(), None, [notice.user.email])
    return True


@shared_task
def send_deadline_reminders() -> int:
    from .notifications import deadline_reminders

    return deadline_reminders()
