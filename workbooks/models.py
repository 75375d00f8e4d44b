from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    """One Excel workbook an agency uploaded: read and checked at upload, written only on confirm.

    The rows read from the file and the changes they make live here (never in the browser),
    so a reload of the preview shows the same thing and what is confirmed is what was previewed.
    The file itself is kept as uploaded, as the record of what the agency sent.
    """

    class Status(models.TextChoices):
        PREVIEW = "preview", _("Chờ xác nhận")
        CONFIRMED = "confirmed", _("Đã nhập")
        CANCELLED = "cancelled", _("Đã hủy")

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("cơ quan, đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người tải lên"), on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(_("tên tệp"), max_length=255)
    content = models.BinaryField(_("nội dung tệp"), editable=False)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PREVIEW)
    # {"rows": [...], "changes": [...], "errors": [...], "skipped": n}: see workbooks.services.
    payload = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("lượt nhập từ Excel")
        verbose_name_plural = _("lượt nhập từ Excel")

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def changes(self) -> list[dict]:
        return self.payload.get("changes", [])

    @property
    def errors(self) -> list[dict]:
        return self.payload.get("errors", [])

    @property
    def can_confirm(self) -> bool:
        return self.status == self.Status.PREVIEW and bool(self.changes) and not self.errors
