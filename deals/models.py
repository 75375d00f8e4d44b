"""Giao dịch chuyển giao công nghệ: contact and deals about a listing of the exchange.

A buyer (or, for a request, a provider) expresses interest in a published listing; that
opens a `Deal` between the interested user (optionally acting for one of their
organisations) and the listing's organisation. The two sides talk only through the
platform (`DealMessage`); nobody's e-mail address is shown. The deal moves
lead → negotiation → signed → transferred, or is cancelled; each move is a `DealEvent`
(who, when, note). Exchange moderators (brokers) see every deal and may act on it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Deal(models.Model):
    class Stage(models.TextChoices):
        LEAD = "lead", _("Tiếp cận")
        NEGOTIATION = "negotiation", _("Đàm phán")
        SIGNED = "signed", _("Đã ký thỏa thuận")
        TRANSFERRED = "transferred", _("Đã chuyển giao công nghệ")
        CANCELLED = "cancelled", _("Đã hủy")

    listing = models.ForeignKey(
        "exchange.Listing", verbose_name=_("tin công nghệ"), on_delete=models.PROTECT, related_name="deals"
    )
    initiator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("bên quan tâm"), on_delete=models.PROTECT, related_name="deals"
    )
    initiator_organisation = models.ForeignKey(
        "research.Organisation",
        verbose_name=_("tổ chức của bên quan tâm"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deals_initiated",
    )
    stage = models.CharField(_("giai đoạn"), max_length=12, choices=Stage.choices, default=Stage.LEAD)
    value = models.DecimalField(_("giá trị hợp đồng (đồng)"), max_digits=15, decimal_places=0, null=True, blank=True)
    signed_at = models.DateTimeField(_("ngày ký"), null=True, blank=True)
    transferred_at = models.DateTimeField(_("ngày chuyển giao"), null=True, blank=True)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("giao dịch chuyển giao công nghệ")
        verbose_name_plural = _("giao dịch chuyển giao công nghệ")
        constraints = [
            models.UniqueConstraint(
                fields=["listing", "initiator"], condition=~Q(stage="cancelled"), name="deals_one_open_per_initiator"
            ),
            models.CheckConstraint(condition=Q(value__isnull=True) | Q(value__gt=0), name="deals_value_positive"),
        ]
        indexes = [models.Index(fields=["stage", "signed_at"])]

    def __str__(self):
        return f"{self.listing} – {self.initiator}"

    def get_absolute_url(self) -> str:
        return reverse("deals:deal", args=[self.pk])


class DealEvent(models.Model):
    """A move of a deal from one stage to another: who, when, why."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    from_stage = models.CharField(max_length=12, choices=Deal.Stage.choices, blank=True)
    to_stage = models.CharField(max_length=12, choices=Deal.Stage.choices)
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.deal_id}: {self.from_stage} → {self.to_stage}"


class DealMessage(models.Model):
    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("nội dung"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("tin nhắn")
        verbose_name_plural = _("tin nhắn")

    def __str__(self):
        return self.body[:60]


class DealDocument(models.Model):
    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(_("tệp"), upload_to="deals/%Y/%m/")
    name = models.CharField(_("tên tệp"), max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("tài liệu giao dịch")
        verbose_name_plural = _("tài liệu giao dịch")

    def __str__(self):
        return self.name
