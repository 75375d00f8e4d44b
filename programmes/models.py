import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.files import evidence_validators


class Programme(models.Model):
    """Chương trình: a multi-year programme such as No. 07-CTr/TU (2021-2025)."""

    code = models.CharField(_("số, ký hiệu"), max_length=40)
    slug = models.SlugField(_("mã đường dẫn"), max_length=60, unique=True)
    title = models.CharField(_("tên chương trình"), max_length=500)
    title_en = models.CharField(_("tên tiếng Anh"), max_length=500, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    issuer_term = models.CharField(_("khóa"), max_length=100, blank=True)
    signed_by = models.CharField(_("người ký"), max_length=200, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=200, blank=True)
    start_year = models.PositiveSmallIntegerField(_("năm bắt đầu"))
    end_year = models.PositiveSmallIntegerField(_("năm kết thúc"))
    preamble = models.TextField(_("lời dẫn mục tiêu"), blank=True)
    general_objective = models.TextField(_("mục tiêu chung"), blank=True)
    previous_phase = models.ForeignKey(
        "self",
        verbose_name=_("giai đoạn trước"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_phases",
    )
    secretariat = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("thường trực, thư ký chương trình"),
        blank=True,
        related_name="secretariat_of",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        ordering = ["-start_year", "code"]
        verbose_name = _("chương trình")
        verbose_name_plural = _("chương trình")

    def __str__(self):
        return f"{self.code} ({self.start_year}-{self.end_year})"

    @property
    def period_label(self) -> str:
        return f"{self.start_year} - {self.end_year}"

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)

    def contains_year(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year


class NumberedText(models.Model):
    """A numbered paragraph of a programme's text (objective, requirement, footnote)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="%(class)ss")
    number = models.PositiveSmallIntegerField(_("số thứ tự"))
    text = models.TextField(_("nội dung"))

    class Meta:
        abstract = True
        ordering = ["programme", "number"]
        unique_together = [("programme", "number")]

    def __str__(self):
        return f"({self.number}) {self.text[:80]}"


class Objective(NumberedText):
    """Mục tiêu cụ thể: one numbered specific objective (the general one is on Programme)."""

    class Meta(NumberedText.Meta):
        verbose_name = _("mục tiêu cụ thể")
        verbose_name_plural = _("mục tiêu cụ thể")


class Requirement(NumberedText):
    """Yêu cầu: one of the programme's numbered requirements (section I.3)."""

    class Meta(NumberedText.Meta):
        verbose_name = _("yêu cầu")
        verbose_name_plural = _("yêu cầu")


class SolutionGroup(models.Model):
    """Nhóm nhiệm vụ, giải pháp trọng tâm: one of the groups of Part 2, section II."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="solution_groups")
    number = models.PositiveSmallIntegerField(_("số thứ tự"))
    title = models.CharField(_("tên nhóm"), max_length=500)
    title_en = models.CharField(_("tên tiếng Anh"), max_length=500, blank=True)

    class Meta:
        ordering = ["programme", "number"]
        unique_together = [("programme", "number")]
        verbose_name = _("nhóm nhiệm vụ, giải pháp")
        verbose_name_plural = _("nhóm nhiệm vụ, giải pháp")

    def __str__(self):
        return f"{self.number}. {self.title}"


class SolutionParagraph(models.Model):
    """One paragraph (or bullet) of a solution group, in source order."""

    group = models.ForeignKey(SolutionGroup, on_delete=models.CASCADE, related_name="paragraphs")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    text = models.TextField(_("nội dung"))
    is_bullet = models.BooleanField(_("gạch đầu dòng"), default=False)

    class Meta:
        ordering = ["group", "order"]
        unique_together = [("group", "order")]
        verbose_name = _("đoạn nội dung giải pháp")
        verbose_name_plural = _("đoạn nội dung giải pháp")

    def __str__(self):
        return self.text[:80]


class ImplementingBody(models.Model):
    """Phân công thực hiện: a body named in Part 3 with its responsibilities."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="implementing_bodies")
    number = models.PositiveSmallIntegerField(_("số thứ tự"))
    title = models.CharField(_("tên trong văn bản"), max_length=500)
    agencies = models.ManyToManyField("agencies.Agency", verbose_name=_("cơ quan, đơn vị"), blank=True)
    responsibilities = models.TextField(_("nhiệm vụ được giao"))

    class Meta:
        ordering = ["programme", "number"]
        unique_together = [("programme", "number")]
        verbose_name = _("cơ quan được phân công")
        verbose_name_plural = _("cơ quan được phân công")

    def __str__(self):
        return f"{self.number}. {self.title}"


class AssessmentParagraph(models.Model):
    """Đánh giá giai đoạn trước: a paragraph of Part 1 (results, shortcomings, causes)."""

    class Section(models.TextChoices):
        RESULTS = "results", _("Kết quả đạt được")
        SHORTCOMINGS = "shortcomings", _("Hạn chế, khuyết điểm")
        SUBJECTIVE_CAUSES = "subjective_causes", _("Nguyên nhân chủ quan")
        OBJECTIVE_CAUSES = "objective_causes", _("Nguyên nhân khách quan")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="assessment")
    section = models.CharField(_("mục"), max_length=20, choices=Section.choices)
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    item_number = models.PositiveSmallIntegerField(_("số mục"), null=True, blank=True)
    text = models.TextField(_("nội dung"))

    class Meta:
        ordering = ["programme", "order"]
        unique_together = [("programme", "order")]
        verbose_name = _("đoạn đánh giá giai đoạn trước")
        verbose_name_plural = _("đánh giá giai đoạn trước")

    def __str__(self):
        return self.text[:80]


class Footnote(NumberedText):
    """Chú thích: a numbered footnote of the source text."""

    class Meta(NumberedText.Meta):
        verbose_name = _("chú thích")
        verbose_name_plural = _("chú thích")


class BaselineFact(models.Model):
    """Số liệu giai đoạn trước: a figure of the previous period, with its footnote."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="baseline_facts")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    label = models.CharField(_("nội dung"), max_length=300)
    label_en = models.CharField(_("nội dung tiếng Anh"), max_length=300, blank=True)
    value = models.DecimalField(_("giá trị"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("đơn vị"), max_length=40)
    period = models.CharField(_("thời kỳ"), max_length=40)
    footnote = models.ForeignKey(Footnote, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["programme", "order"]
        verbose_name = _("số liệu giai đoạn trước")
        verbose_name_plural = _("số liệu giai đoạn trước")

    def __str__(self):
        return self.label


class RoadmapPhase(models.Model):
    """Lộ trình: one stage of the roadmap (e.g. 2021; 2021-2024; 2025)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="roadmap")
    order = models.PositiveSmallIntegerField(_("thứ tự"))
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    label = models.CharField(_("tiêu đề"), max_length=100)
    text = models.TextField(_("nội dung"))

    class Meta:
        ordering = ["programme", "order"]
        unique_together = [("programme", "order")]
        verbose_name = _("giai đoạn lộ trình")
        verbose_name_plural = _("lộ trình")

    def __str__(self):
        return self.label


class Milestone(models.Model):
    """Mốc lộ trình: an annual review, the mid-term review (sơ kết) or final review (tổng kết)."""

    class Kind(models.TextChoices):
        LAUNCH = "launch", _("Triển khai, quán triệt")
        ANNUAL_REVIEW = "annual_review", _("Kiểm tra, đánh giá hằng năm")
        MID_TERM_REVIEW = "mid_term_review", _("Sơ kết giữa nhiệm kỳ")
        FINAL_REVIEW = "final_review", _("Tổng kết")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="milestones")
    phase = models.ForeignKey(RoadmapPhase, null=True, blank=True, on_delete=models.SET_NULL)
    year = models.PositiveSmallIntegerField(_("năm"))
    kind = models.CharField(_("loại mốc"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("tên mốc"), max_length=300)
    held_on = models.DateField(_("ngày thực hiện"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["programme", "year", "-kind"]  # launch, mid-term, annual review within a year
        verbose_name = _("mốc lộ trình")
        verbose_name_plural = _("mốc lộ trình")

    def __str__(self):
        return f"{self.year}: {self.title}"

    @property
    def is_past(self) -> bool:
        return self.held_on is not None or self.year < timezone.localdate().year


class KeyTask(models.Model):
    """Nhiệm vụ, đề án, dự án trọng tâm: a task of the programme's appendix (not an S&T task)."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa triển khai")
        IN_PROGRESS = "in_progress", _("Đang triển khai")
        COMPLETED = "completed", _("Hoàn thành")
        BEHIND = "behind", _("Chậm tiến độ")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="key_tasks")
    number = models.PositiveSmallIntegerField(_("số thứ tự"))
    title = models.TextField(_("nhiệm vụ, đề án, dự án"))
    lead_agencies = models.ManyToManyField(
        "agencies.Agency",
        through="KeyTaskLead",
        related_name="led_tasks",
        verbose_name=_("cơ quan chủ trì"),
    )
    coordinating_units = models.ManyToManyField(
        "agencies.Agency",
        through="KeyTaskCoordinator",
        related_name="coordinated_tasks",
        verbose_name=_("đơn vị phối hợp"),
    )
    solution_group = models.ForeignKey(
        SolutionGroup,
        verbose_name=_("nhóm giải pháp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="key_tasks",
    )
    start_year = models.PositiveSmallIntegerField(_("năm bắt đầu"))
    end_year = models.PositiveSmallIntegerField(_("năm kết thúc"))
    deadline = models.DateField(_("hạn hoàn thành"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    progress = models.PositiveSmallIntegerField(
        _("tiến độ (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    is_illustrative = models.BooleanField(_("dữ liệu minh họa"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "number"]
        unique_together = [("programme", "number")]
        verbose_name = _("nhiệm vụ trọng tâm")
        verbose_name_plural = _("nhiệm vụ trọng tâm")

    def __str__(self):
        return f"{self.number}. {self.title[:80]}"

    @property
    def period_label(self) -> str:
        return f"{self.start_year} - {self.end_year}"

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status != self.Status.COMPLETED and self.deadline < today


class KeyTaskLead(models.Model):
    task = models.ForeignKey(KeyTask, on_delete=models.CASCADE, related_name="lead_links")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        unique_together = [("task", "agency")]

    def __str__(self):
        return f"{self.task.number}: {self.agency}"


class KeyTaskCoordinator(models.Model):
    task = models.ForeignKey(KeyTask, on_delete=models.CASCADE, related_name="coordinator_links")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        unique_together = [("task", "agency")]

    def __str__(self):
        return f"{self.task.number}: {self.agency}"


class KeyTaskUpdate(models.Model):
    """Cập nhật tiến độ: a dated progress report on a key task, with evidence."""

    task = models.ForeignKey(KeyTask, on_delete=models.CASCADE, related_name="updates")
    reported_on = models.DateField(_("ngày báo cáo"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=KeyTask.Status.choices)
    progress = models.PositiveSmallIntegerField(
        _("tiến độ (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    text = models.TextField(_("nội dung cập nhật"))
    evidence = models.FileField(
        _("tài liệu minh chứng"), upload_to="evidence/tasks/%Y/", blank=True, validators=evidence_validators()
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    is_illustrative = models.BooleanField(_("dữ liệu minh họa"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reported_on", "-id"]
        indexes = [models.Index(fields=["task", "-reported_on"])]
        verbose_name = _("cập nhật tiến độ")
        verbose_name_plural = _("cập nhật tiến độ")

    def __str__(self):
        return f"{self.task.number} @ {self.reported_on}"
