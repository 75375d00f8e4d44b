import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.files import evidence_validators


class Direction(models.TextChoices):
    INCREASE = "increase", _("Càng cao càng tốt")
    DECREASE = "decrease", _("Càng thấp càng tốt")


class TargetKind(models.TextChoices):
    FLOOR = "floor", _("Tối thiểu (trên / từ)")
    CEILING = "ceiling", _("Tối đa (dưới / không quá)")
    RANGE = "range", _("Khoảng giá trị")
    APPROXIMATE = "approximate", _("Khoảng (xấp xỉ)")
    RANK = "rank", _("Thứ hạng (gồm các chỉ tiêu thành phần)")
    NONE = "none", _("Không có mục tiêu (số liệu bối cảnh)")


class Frequency(models.TextChoices):
    ANNUAL = "Y", _("Hằng năm")
    SEMIANNUAL = "H", _("6 tháng")
    QUARTERLY = "Q", _("Hằng quý")
    MONTHLY = "M", _("Hằng tháng")


class ProgressStatus(models.TextChoices):
    """Progress categories, as statistical offices use them for SDG indicators."""

    ACHIEVED = "achieved", _("Đã đạt mục tiêu")
    SUBSTANTIAL = "substantial", _("Tiến bộ đáng kể")
    MODERATE = "moderate", _("Tiến bộ vừa phải")
    LIMITED = "limited", _("Tiến bộ hạn chế")
    DETERIORATION = "deterioration", _("Đi xuống")
    NO_DATA = "no_data", _("Chưa có số liệu")


class Computation(models.TextChoices):
    DIRECT = "direct", _("Nhập trực tiếp")
    GROWTH_ACCOUNTING = "growth_accounting", _("Nhập trực tiếp hoặc hạch toán tăng trưởng")


class IndicatorQuerySet(models.QuerySet):
    def reported(self):
        """Indicators an agency reports a figure for: a rank target is measured through its
        sub-indicators, which are reported instead."""
        return self.exclude(target_kind=TargetKind.RANK)


class Indicator(models.Model):
    """Chỉ tiêu: a measurable target of a programme, with baseline and measurements.

    A rank target ("dẫn đầu cả nước") is measured through its sub-indicators (children);
    a context series (target kind "none") gives figures that explain an indicator.
    """

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="indicators")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("chỉ tiêu cha"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    code = models.CharField(_("mã"), max_length=20)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    name = models.CharField(_("tên chỉ tiêu"), max_length=400)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=400, blank=True)
    source_text = models.TextField(_("nguyên văn trong chương trình"), blank=True)
    unit = models.CharField(_("đơn vị"), max_length=40)
    direction = models.CharField(_("chiều tốt"), max_length=10, choices=Direction.choices, default=Direction.INCREASE)
    target_kind = models.CharField(_("loại mục tiêu"), max_length=20, choices=TargetKind.choices)
    target_value = models.DecimalField(_("giá trị mục tiêu"), max_digits=14, decimal_places=4, null=True, blank=True)
    target_upper = models.DecimalField(_("cận trên của khoảng"), max_digits=14, decimal_places=4, null=True, blank=True)
    target_strict = models.BooleanField(_("phải vượt (trên), không chỉ bằng"), default=False)
    tolerance = models.DecimalField(
        _("dung sai cho mục tiêu xấp xỉ"),
        max_digits=10,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Do thường trực chương trình quyết định, cùng đơn vị với chỉ tiêu."),
    )
    target_year = models.PositiveSmallIntegerField(_("năm đạt mục tiêu"), null=True, blank=True)
    baseline_value = models.DecimalField(_("giá trị cơ sở"), max_digits=14, decimal_places=4, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("năm cơ sở"), null=True, blank=True)
    baseline_label = models.CharField(_("thời kỳ cơ sở"), max_length=40, blank=True)
    baseline_source = models.CharField(_("nguồn số liệu cơ sở"), max_length=500, blank=True)
    data_source = models.CharField(_("nguồn số liệu"), max_length=300, blank=True)
    responsible_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan chịu trách nhiệm"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    frequency = models.CharField(_("tần suất"), max_length=1, choices=Frequency.choices, default=Frequency.ANNUAL)
    computation = models.CharField(
        _("cách tính"), max_length=20, choices=Computation.choices, default=Computation.DIRECT
    )
    feed = models.CharField(
        _("nguồn số liệu tự tính"),
        max_length=40,
        blank=True,
        help_text=_("Số liệu do một phân hệ khác tính từ dữ liệu của mình, đề xuất để ghi nhận."),
    )
    min_value = models.DecimalField(
        _("giá trị nhỏ nhất hợp lệ"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("giá trị lớn nhất hợp lệ"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    status_override = models.CharField(
        _("đánh giá điều chỉnh"), max_length=20, choices=ProgressStatus.choices, blank=True
    )
    status_override_reason = models.TextField(_("lý do điều chỉnh"), blank=True)
    status_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status_override_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "order", "code"]
        unique_together = [("programme", "code")]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")

    def __str__(self):
        return f"{self.code}. {self.name}"

    @property
    def is_context(self) -> bool:
        return self.target_kind == TargetKind.NONE

    @property
    def is_percentage(self) -> bool:
        return self.unit.startswith("%")


class Measurement(models.Model):
    """Giá trị đo: one figure for one period, provisional (ước tính) or official (chính thức).

    An official figure does not overwrite the provisional one: both are kept with the
    date each was published, and the official one is the value in use.
    """

    class Kind(models.TextChoices):
        PROVISIONAL = "provisional", _("Ước tính")
        OFFICIAL = "official", _("Chính thức")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    year = models.PositiveSmallIntegerField(_("năm"))
    period_kind = models.CharField(_("kỳ"), max_length=1, choices=Frequency.choices, default=Frequency.ANNUAL)
    period_number = models.PositiveSmallIntegerField(
        _("số kỳ trong năm"), default=0, validators=[MinValueValidator(0), MaxValueValidator(12)]
    )
    kind = models.CharField(_("loại số liệu"), max_length=12, choices=Kind.choices, default=Kind.OFFICIAL)
    value = models.DecimalField(_("giá trị"), max_digits=14, decimal_places=4)
    published_on = models.DateField(_("ngày công bố"), null=True, blank=True)
    source = models.CharField(_("nguồn"), max_length=500)
    source_url = models.URLField(_("đường dẫn nguồn"), max_length=500, blank=True)
    source_excerpt = models.TextField(_("trích dẫn nguồn"), blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    evidence = models.FileField(
        _("tài liệu minh chứng"), upload_to="evidence/indicators/%Y/", blank=True, validators=evidence_validators()
    )
    is_illustrative = models.BooleanField(_("dữ liệu minh họa"), default=False)
    inputs = models.JSONField(_("số liệu đầu vào"), default=dict, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    recorded_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["recorded_at"])

    class Meta:
        ordering = ["indicator", "year", "period_kind", "period_number", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "period_kind", "period_number", "kind"],
                name="one_measurement_per_period_and_kind",
            )
        ]
        indexes = [models.Index(fields=["indicator", "year"])]
        verbose_name = _("giá trị đo")
        verbose_name_plural = _("giá trị đo")

    def __str__(self):
        return f"{self.indicator.code} {self.period_label}: {self.value}"

    @property
    def period_label(self) -> str:
        return period_label(self.year, self.period_kind, self.period_number)

    @property
    def period_end(self) -> datetime.date:
        months = {"Y": 12, "H": 6, "Q": 3, "M": 1}[self.period_kind]
        last_month = 12 if self.period_kind == "Y" else self.period_number * months
        next_month = datetime.date(self.year + (last_month == 12), last_month % 12 + 1, 1)
        return next_month - datetime.timedelta(days=1)

    @property
    def is_official(self) -> bool:
        return self.kind == self.Kind.OFFICIAL


def period_label(year: int, kind: str, number: int) -> str:
    if kind == Frequency.ANNUAL:
        return str(year)
    prefix = {"H": "6T", "Q": "Q", "M": "T"}[kind]
    return f"{prefix}{number}/{year}"
