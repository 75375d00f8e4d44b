from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DeletedRecord(models.Model):
    """Bản ghi đã xóa: what harvesters are told about an output or S&T task that no longer exists.

    Kept for ever (Identify declares deletedRecord "persistent").
    """

    class Kind(models.TextChoices):
        OUTPUT = "output", _("Kết quả nghiên cứu")
        TASK = "task", _("Nhiệm vụ KH&CN")

    kind = models.CharField(_("loại bản ghi"), max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("mã bản ghi"))
    deleted_at = models.DateTimeField(_("xóa lúc"), default=timezone.now)
    # The setSpecs the record belonged to, between single spaces (" class:output type:article "),
    # so that a set filter is a plain `contains` on every database.
    set_specs = models.TextField(_("thuộc các tập"), blank=True)

    class Meta:
        ordering = ["deleted_at", "id"]
        indexes = [models.Index(fields=["deleted_at", "id"])]
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="one_tombstone_per_record")]
        verbose_name = _("bản ghi đã xóa")
        verbose_name_plural = _("bản ghi đã xóa")

    def __str__(self):
        return f"{self.kind}/{self.object_id}"

    @property
    def set_list(self) -> list[str]:
        return self.set_specs.split()
