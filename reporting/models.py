from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.files import evidence_validators


class ReportingRound(models.Model):
    """Đợt báo cáo: one collection of agency reports for a period of a programme."""

    class Kind(models.TextChoices):
        ANNUAL = "annual", pgettext_lazy("kind of reporting round", "Năm")
        HALF_YEAR = "half_year", _("6 tháng")
        QUARTER = "quarter", _("Quý")
        MID_TERM = "mid_term", _("Sơ kết giữa kỳ")
        FINAL = "final", _("Tổng kết")

    class Status(models.TextChoices):
        OPEN = "open", _("Đang mở")
        CLOSED = "closed", _("Đã chốt số liệu")

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="rounds")
    kind = models.CharField(_("kỳ báo cáo"), max_length=12, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    period_number = models.PositiveSmallIntegerField(_("số kỳ"), default=0)
    title = models.CharField(_("tên đợt báo cáo"), max_length=300)
    cutoff = models.DateField(_("ngày chốt số liệu"))
    deadline = models.DateField(_("hạn nộp"))
    remind_days_before = models.PositiveSmallIntegerField(_("nhắc trước hạn (ngày)"), default=3)
    require_evidence_for_completed = models.BooleanField(_("bắt buộc minh chứng khi hoàn thành"), default=True)
    require_reason_for_behind = models.BooleanField(_("bắt buộc nêu lý do khi chậm tiến độ"), default=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN)
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-year", "-cutoff"]
        verbose_name = _("đợt báo cáo")
        verbose_name_plural = _("đợt báo cáo")

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class Submission(models.Model):
    """Báo cáo của đơn vị: one agency's report in a round."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa bắt đầu")
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã gửi")
        RETURNED = "returned", _("Trả lại để sửa")
        APPROVED = "approved", _("Đã duyệt")

    round = models.ForeignKey(ReportingRound, on_delete=models.CASCADE, related_name="submissions")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="submissions")
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    version = models.PositiveIntegerField(default=0, help_text="Optimistic lock: every save increments it.")
    results = models.TextField(_("kết quả đạt được"), blank=True)
    shortcomings = models.TextField(_("hạn chế, nguyên nhân"), blank=True)
    proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    review_comment = models.TextField(_("ý kiến chung của thường trực"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["agency__name"]
        constraints = [models.UniqueConstraint(fields=["round", "agency"], name="one_submission_per_agency")]
        verbose_name = _("báo cáo của đơn vị")
        verbose_name_plural = _("báo cáo của đơn vị")

    def __str__(self):
        return f"{self.agency} · {self.round}"

    def is_late(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status not in (self.Status.SUBMITTED, self.Status.APPROVED) and self.round.deadline < today

    @property
    def is_editable(self) -> bool:
        return self.round.is_open and self.status in (
            self.Status.NOT_STARTED,
            self.Status.DRAFT,
            self.Status.RETURNED,
        )


class ReportItem(models.Model):
    """What every item of a submission carries: its evidence and the reviewer's comment."""

    evidence = models.FileField(
        _("minh chứng"), upload_to="evidence/rounds/%Y/", blank=True, validators=evidence_validators()
    )
    review_comment = models.TextField(_("ý kiến của thường trực"), blank=True)

    class Meta:
        abstract = True


class TaskReport(ReportItem):
    """An agency's report on one key task it leads, within a submission."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="task_reports")
    task = models.ForeignKey("programmes.KeyTask", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("trạng thái"), max_length=20, blank=True)
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), null=True, blank=True)
    narrative = models.TextField(_("kết quả, lý do"), blank=True)

    class Meta:
        ordering = ["task__number"]
        constraints = [models.UniqueConstraint(fields=["submission", "task"], name="one_report_per_task")]

    def __str__(self):
        return f"{self.submission} · {self.task.number}"


class IndicatorReport(ReportItem):
    """An agency's figure for one indicator it answers for, within a submission."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="indicator_reports")
    indicator = models.ForeignKey("indicators.Indicator", on_delete=models.CASCADE, related_name="+")
    value = models.DecimalField(_("giá trị"), max_digits=14, decimal_places=4, null=True, blank=True)
    source = models.CharField(_("nguồn"), max_length=500, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["indicator__order"]
        constraints = [models.UniqueConstraint(fields=["submission", "indicator"], name="one_report_per_indicator")]

    def __str__(self):
        return f"{self.submission} · {self.indicator.code}"


class IndicatorRule(models.Model):
    """Quy tắc kiểm tra: what a reported figure must satisfy, set by the secretariat."""

    indicator = models.OneToOneField("indicators.Indicator", on_delete=models.CASCADE, related_name="rule")
    min_value = models.DecimalField(_("giá trị nhỏ nhất"), max_digits=14, decimal_places=4, null=True, blank=True)
    max_value = models.DecimalField(_("giá trị lớn nhất"), max_digits=14, decimal_places=4, null=True, blank=True)
    max_change = models.DecimalField(
        _("mức thay đổi tối đa so với kỳ trước"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    evidence_required = models.BooleanField(_("bắt buộc minh chứng"), default=False)

    class Meta:
        verbose_name = _("quy tắc kiểm tra chỉ tiêu")
        verbose_name_plural = _("quy tắc kiểm tra chỉ tiêu")

    def __str__(self):
        return str(self.indicator)


class SubmissionEvent(models.Model):
    """Nhật ký: every step of a submission (who, when, what changed)."""

    class Action(models.TextChoices):
        SAVE = "save", _("Lưu nháp")
        SUBMIT = "submit", _("Gửi báo cáo")
        RETURN = "return", _("Trả lại")
        APPROVE = "approve", _("Duyệt")
        REOPEN = "reopen", _("Mở lại")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=10, choices=Action.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    comment = models.TextField(blank=True)
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.get_action_display()} · {self.submission}"


class RoundSnapshot(models.Model):
    """Số liệu chốt: what a closed round froze at its cut-off, so reports never drift."""

    round = models.OneToOneField(ReportingRound, on_delete=models.CASCADE, related_name="snapshot")
    frozen_at = models.DateTimeField()
    data = models.JSONField()

    def __str__(self):
        return str(self.round)


class ReportTemplate(models.Model):
    """Editable texts of a generated review report (per programme, kind of round and format)."""

    class Format(models.TextChoices):
        PARTY = "party", _("Văn bản của Đảng (Thành ủy)")
        STATE = "state", _("Văn bản hành chính (Nghị định 30/2020/NĐ-CP)")

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE, related_name="report_templates")
    kind = models.CharField(_("kỳ báo cáo"), max_length=12, choices=ReportingRound.Kind.choices)
    format = models.CharField(_("thể thức"), max_length=10, choices=Format.choices)
    issuer_parent = models.CharField(_("cơ quan chủ quản"), max_length=200)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200)
    number_symbol = models.CharField(_("số, ký hiệu"), max_length=100)
    place = models.CharField(_("địa danh"), max_length=100, default="Hà Nội")
    title = models.CharField(_("tên loại, trích yếu"), max_length=400)
    opening = models.TextField(_("đoạn mở đầu"))
    closing = models.TextField(_("đoạn kết"), blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=200, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["programme", "kind", "format"], name="one_template_per_kind")]
        verbose_name = _("mẫu báo cáo")
        verbose_name_plural = _("mẫu báo cáo")

    def __str__(self):
        return f"{self.programme.code} · {self.kind} · {self.format}"


class Notification(models.Model):
    """Thông báo: an in-app notice (also e-mailed), sent once per dedupe key."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    key = models.CharField(max_length=200, help_text="Unique per event and user, so a rerun sends nothing twice.")
    subject = models.CharField(max_length=300)
    body = models.TextField()
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_notification_per_event")]

    def __str__(self):
        return self.subject
