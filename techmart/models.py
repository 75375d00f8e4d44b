"""Chợ công nghệ (Techmart event): exhibitors show their offers; buyers book B2B meetings.

An event defines its meeting slots: every day from `day_start` to `day_end`, `slot_minutes`
long. A `Meeting` holds one slot of one exhibitor for one buyer. Neither the exhibitor's slot
nor the buyer's time may be taken twice: two partial unique constraints (on booked meetings
only, so cancelling frees the slot) back the service's locked check.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Event(models.Model):
    name = models.CharField(_("tên sự kiện"), max_length=200)
    starts_on = models.DateField(_("ngày bắt đầu"))
    ends_on = models.DateField(_("ngày kết thúc"))
    venue = models.CharField(_("địa điểm"), max_length=300)
    organiser = models.CharField(_("đơn vị tổ chức"), max_length=300)
    description = models.TextField(_("giới thiệu"), blank=True)
    day_start = models.TimeField(_("giờ bắt đầu gặp gỡ"), default=datetime.time(8, 30))
    day_end = models.TimeField(_("giờ kết thúc gặp gỡ"), default=datetime.time(17, 0))
    slot_minutes = models.PositiveSmallIntegerField(_("thời lượng mỗi cuộc gặp (phút)"), default=30)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("chợ công nghệ")
        verbose_name_plural = _("chợ công nghệ")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="techmart_dates_in_order"),
            models.CheckConstraint(condition=Q(day_end__gt=models.F("day_start")), name="techmart_hours_in_order"),
            models.CheckConstraint(condition=Q(slot_minutes__gte=5), name="techmart_slot_at_least_5_min"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("techmart:event", args=[self.pk])

    def days(self) -> list[datetime.date]:
        count = (self.ends_on - self.starts_on).days + 1
        return [self.starts_on + datetime.timedelta(days=i) for i in range(count)]

    def slots(self, day: datetime.date) -> list[datetime.datetime]:
        """The start of every meeting slot of a day (aware, in the platform's time zone)."""
        if not self.starts_on <= day <= self.ends_on:
            return []
        zone = timezone.get_current_timezone()
        start = timezone.make_aware(datetime.datetime.combine(day, self.day_start), zone)
        end = timezone.make_aware(datetime.datetime.combine(day, self.day_end), zone)
        step = datetime.timedelta(minutes=self.slot_minutes)
        found = []
        while start + step <= end:
            found.append(start)
            start += step
        return found


class Exhibitor(models.Model):
    event = models.ForeignKey(Event, verbose_name=_("sự kiện"), on_delete=models.CASCADE, related_name="exhibitors")
    organisation = models.ForeignKey(
        "research.Organisation", verbose_name=_("tổ chức"), on_delete=models.PROTECT, related_name="techmart_stands"
    )
    booth = models.CharField(_("gian hàng"), max_length=20, blank=True)
    offers = models.ManyToManyField(
        "exchange.Listing", verbose_name=_("công nghệ giới thiệu"), blank=True, related_name="techmart_exhibitors"
    )

    class Meta:
        ordering = ["booth", "pk"]
        verbose_name = _("đơn vị trưng bày")
        verbose_name_plural = _("đơn vị trưng bày")
        constraints = [models.UniqueConstraint(fields=["event", "organisation"], name="techmart_one_stand_per_org")]

    def __str__(self):
        return f"{self.organisation} ({self.event})"


class Meeting(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", _("Đã đặt")
        CANCELLED = "cancelled", _("Đã hủy")

    event = models.ForeignKey(Event, verbose_name=_("sự kiện"), on_delete=models.CASCADE, related_name="meetings")
    exhibitor = models.ForeignKey(
        Exhibitor, verbose_name=_("đơn vị trưng bày"), on_delete=models.CASCADE, related_name="meetings"
    )
    buyer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bên đặt lịch"),
        on_delete=models.CASCADE,
        related_name="techmart_meetings",
    )
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"))
    topic = models.CharField(_("nội dung muốn trao đổi"), max_length=300, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.BOOKED)
    created_at = models.DateTimeField(_("đặt lúc"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("hủy lúc"), null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("cuộc gặp B2B")
        verbose_name_plural = _("cuộc gặp B2B")
        constraints = [
            models.UniqueConstraint(
                fields=["exhibitor", "starts_at"], condition=Q(status="booked"), name="techmart_exhibitor_slot_once"
            ),
            models.UniqueConstraint(
                fields=["buyer", "starts_at"], condition=Q(status="booked"), name="techmart_buyer_time_once"
            ),
        ]

    def __str__(self):
        return f"{self.exhibitor} – {self.buyer} {self.starts_at:%d/%m %H:%M}"
