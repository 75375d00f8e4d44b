"""State-funded S&T tasks (nhiệm vụ KH&CN): ordering, selection, councils, contracts, acceptance.

A task's life: an agency proposes a need in an order call (đặt hàng); the secretariat merges
and approves the ordered list, which creates the tasks; each task is either put to an open
selection (tuyển chọn) or assigned directly (giao trực tiếp); a council scores the dossiers
against the rule set in force on its meeting date; the chosen PI's host organisation signs a
contract; an acceptance council grades the results; applications of the results are followed
for at least three years.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.files import evidence_validators


class RuleSet(models.Model):
    """Bộ quy định: the council and scoring rules of one legal text, in force from a date.

    `criteria` and `acceptance_criteria` are lists of {"key", "label", "weight", "max_score"};
    a member's total is Σ weight·score / Σ weight·max_score × `scale_max`.
    `grades` maps "excellent" and "pass" to the lowest mean total of that grade; below "pass"
    a task is not accepted. `required_roles` maps a council role to the least number of
    members with that role.
    """

    name = models.CharField(_("tên bộ quy định"), max_length=200)
    citation = models.CharField(_("căn cứ pháp lý"), max_length=400)
    effective_from = models.DateField(_("có hiệu lực từ"), unique=True)
    council_min_members = models.PositiveSmallIntegerField(_("số thành viên hội đồng tối thiểu"))
    council_max_members = models.PositiveSmallIntegerField(_("số thành viên hội đồng tối đa"))
    required_roles = models.JSONField(_("vai trò bắt buộc"), default=dict)
    criteria = models.JSONField(_("phiếu đánh giá hồ sơ"), default=list)
    acceptance_criteria = models.JSONField(_("phiếu đánh giá nghiệm thu"), default=list)
    scale_max = models.DecimalField(_("thang điểm"), max_digits=6, decimal_places=2, default=Decimal(100))
    pass_threshold = models.DecimalField(_("điểm đạt"), max_digits=6, decimal_places=2)
    grades = models.JSONField(_("ngưỡng xếp loại nghiệm thu"), default=dict)
    max_deviation = models.DecimalField(
        _("chênh lệch tối đa so với điểm trung bình (không cần giải trình)"), max_digits=6, decimal_places=2
    )
    notes = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("bộ quy định đánh giá")
        verbose_name_plural = _("bộ quy định đánh giá")

    def __str__(self):
        return f"{self.name} ({self.effective_from:%d/%m/%Y})"

    def clean(self):
        from .rules import ruleset_problems

        if None in (self.council_min_members, self.council_max_members, self.scale_max, self.pass_threshold):
            return  # the field errors are reported already
        if self.max_deviation is None:
            return
        problems = ruleset_problems(self)
        if problems:
            raise ValidationError(problems)

    def sheet(self, kind: str) -> list[dict]:
        return self.acceptance_criteria if kind == Council.Kind.ACCEPTANCE else self.criteria


class ResearchTask(models.Model):
    """Nhiệm vụ KH&CN: a state-funded đề tài, dự án or đề án, from ordering to application."""

    class Kind(models.TextChoices):
        TOPIC = "topic", _("Đề tài")
        PROJECT = "project", _("Dự án sản xuất thử nghiệm")
        SCHEME = "scheme", _("Đề án")

    class Mode(models.TextChoices):
        SELECTION = "selection", _("Tuyển chọn")
        DIRECT = "direct", _("Giao trực tiếp")

    class Stage(models.TextChoices):
        ORDERED = "ordered", _("Đã đặt hàng")
        CALLING = "calling", _("Đang nhận hồ sơ")
        EVALUATING = "evaluating", _("Đang đánh giá hồ sơ")
        APPROVED = "approved", _("Đã phê duyệt, chờ ký hợp đồng")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        IN_ACCEPTANCE = "in_acceptance", _("Đang nghiệm thu")
        ACCEPTED = "accepted", _("Đã nghiệm thu")
        NOT_ACCEPTED = "not_accepted", _("Nghiệm thu không đạt")
        NO_RESULT = "no_result", _("Không có hồ sơ đạt yêu cầu")

    code = models.CharField(_("mã số"), max_length=40, unique=True)
    title = models.CharField(_("tên nhiệm vụ"), max_length=500)
    kind = models.CharField(_("loại nhiệm vụ"), max_length=10, choices=Kind.choices, default=Kind.TOPIC)
    mode = models.CharField(_("phương thức"), max_length=10, choices=Mode.choices, default=Mode.SELECTION)
    stage = models.CharField(_("giai đoạn"), max_length=20, choices=Stage.choices, default=Stage.ORDERED)
    field = models.CharField(_("lĩnh vực"), max_length=200, blank=True)
    objectives = models.TextField(_("mục tiêu"))
    expected_results = models.TextField(_("kết quả dự kiến"))
    funding_ceiling = models.DecimalField(_("kinh phí tối đa (triệu đồng)"), max_digits=14, decimal_places=3)
    period_months = models.PositiveSmallIntegerField(_("thời gian thực hiện (tháng)"))
    year = models.PositiveSmallIntegerField(_("năm đặt hàng"))
    order_item = models.OneToOneField(
        "OrderListItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="task"
    )
    pi = models.ForeignKey(
        "research.Researcher",
        verbose_name=_("chủ nhiệm nhiệm vụ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_research_tasks",
    )
    host = models.ForeignKey(
        "research.Organisation",
        verbose_name=_("tổ chức chủ trì"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_research_tasks",
    )
    team = models.ManyToManyField(
        "research.Researcher", verbose_name=_("thành viên thực hiện"), blank=True, related_name="research_tasks"
    )
    outputs = models.ManyToManyField(
        "research.Output", verbose_name=_("kết quả đã đăng ký"), blank=True, related_name="research_tasks"
    )
    # Lần tuyển chọn: 1, then one more each time selection re-opens after a council found no passing dossier.
    selection_attempt = models.PositiveSmallIntegerField(_("lần tuyển chọn"), default=1)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    # When the record last changed: the datestamp harvesters (OAI-PMH) select on.
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    # Folded text the public search matches (research_tasks.search; filled on save).
    title_key = models.TextField(editable=False, blank=True)
    search_key = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["-year", "code"]
        indexes = [models.Index(fields=["updated_at", "id"])]
        verbose_name = _("nhiệm vụ KH&CN")
        verbose_name_plural = _("nhiệm vụ KH&CN")

    def __str__(self):
        return f"{self.code} · {self.title}"

    def save(self, *args, **kwargs):
        from .search import KEY_SOURCES, fill_keys

        fields = kwargs.get("update_fields")
        if fields is None or KEY_SOURCES & set(fields):
            fill_keys(self)
            if fields is not None:
                kwargs["update_fields"] = {*fields, "title_key", "search_key"}
        super().save(*args, **kwargs)


class OrderCall(models.Model):
    """Đợt đặt hàng: the secretariat asks agencies for the S&T needs of a year."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang nhận đề xuất")
        CLOSED = "closed", _("Đã đóng, đang tổng hợp")
        APPROVED = "approved", _("Đã phê duyệt danh mục")

    title = models.CharField(_("tên đợt đặt hàng"), max_length=300)
    year = models.PositiveSmallIntegerField(_("năm kế hoạch"))
    description = models.TextField(_("hướng dẫn"), blank=True)
    deadline = models.DateField(_("hạn gửi đề xuất"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)

    class Meta:
        ordering = ["-year", "-created_at"]
        verbose_name = _("đợt đặt hàng")
        verbose_name_plural = _("đợt đặt hàng")

    def __str__(self):
        return self.title


class NeedFields(models.Model):
    """What an ordered need states, whether proposed by an agency or listed by the secretariat."""

    title = models.CharField(_("tên nhiệm vụ đề xuất"), max_length=500)
    kind = models.CharField(
        _("loại nhiệm vụ"), max_length=10, choices=ResearchTask.Kind.choices, default=ResearchTask.Kind.TOPIC
    )
    field = models.CharField(_("lĩnh vực"), max_length=200, blank=True)
    objectives = models.TextField(_("mục tiêu"))
    expected_results = models.TextField(_("kết quả dự kiến"))
    funding_ceiling = models.DecimalField(_("kinh phí tối đa (triệu đồng)"), max_digits=14, decimal_places=3)
    period_months = models.PositiveSmallIntegerField(_("thời gian thực hiện (tháng)"))

    class Meta:
        abstract = True


class OrderProposal(NeedFields):
    """Đề xuất đặt hàng: one agency's proposed need."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Đã gửi")
        MERGED = "merged", _("Đã gộp vào đề xuất khác")
        INCLUDED = "included", _("Đưa vào danh mục")
        DECLINED = "declined", _("Không đưa vào danh mục")

    call = models.ForeignKey(OrderCall, on_delete=models.CASCADE, related_name="proposals")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="order_proposals")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged", verbose_name=_("gộp vào")
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("đề xuất đặt hàng")
        verbose_name_plural = _("đề xuất đặt hàng")

    def __str__(self):
        return self.title


class OrderList(models.Model):
    """Danh mục đặt hàng: the secretariat's consolidated list of a call; approving it creates the tasks."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang tổng hợp")
        APPROVED = "approved", _("Đã phê duyệt")

    call = models.OneToOneField(OrderCall, on_delete=models.CASCADE, related_name="order_list")
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    decision = models.CharField(_("số quyết định phê duyệt"), max_length=100, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("danh mục đặt hàng")
        verbose_name_plural = _("danh mục đặt hàng")

    def __str__(self):
        return str(self.call)


class OrderListItem(NeedFields):
    """One ordered task of the list, with the proposals it came from (merged ones included)."""

    order_list = models.ForeignKey(OrderList, on_delete=models.CASCADE, related_name="items")
    mode = models.CharField(
        _("phương thức"), max_length=10, choices=ResearchTask.Mode.choices, default=ResearchTask.Mode.SELECTION
    )
    proposals = models.ManyToManyField(OrderProposal, related_name="list_items", verbose_name=_("đề xuất gốc"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("nhiệm vụ trong danh mục")
        verbose_name_plural = _("nhiệm vụ trong danh mục")

    def __str__(self):
        return self.title


class SelectionCall(models.Model):
    """Thông báo tuyển chọn: the public call for dossiers for one ordered task."""

    task = models.ForeignKey(ResearchTask, on_delete=models.CASCADE, related_name="calls")
    title = models.CharField(_("tiêu đề thông báo"), max_length=500)
    description = models.TextField(_("yêu cầu đối với hồ sơ"), blank=True)
    opens_at = models.DateTimeField(_("mở nhận hồ sơ"))
    closes_at = models.DateTimeField(_("hạn nộp hồ sơ"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("thông báo tuyển chọn")
        verbose_name_plural = _("thông báo tuyển chọn")

    def __str__(self):
        return self.title

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now <= self.closes_at

    def has_closed(self, now=None) -> bool:
        return (now or timezone.now()) > self.closes_at


class Dossier(models.Model):
    """Hồ sơ: what a PI and host organisation submit, to be selected (or assigned) or to be accepted."""

    class Kind(models.TextChoices):
        SELECTION = "selection", _("Hồ sơ tuyển chọn, giao trực tiếp")
        ACCEPTANCE = "acceptance", _("Hồ sơ đánh giá nghiệm thu")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã nộp")
        VALID = "valid", _("Hợp lệ")
        INVALID = "invalid", _("Không hợp lệ")
        SELECTED = "selected", _("Trúng tuyển")
        NOT_SELECTED = "not_selected", _("Không trúng tuyển")
        EVALUATED = "evaluated", _("Đã đánh giá")

    task = models.ForeignKey(ResearchTask, on_delete=models.CASCADE, related_name="dossiers")
    call = models.ForeignKey(SelectionCall, null=True, blank=True, on_delete=models.RESTRICT, related_name="dossiers")
    kind = models.CharField(_("loại hồ sơ"), max_length=12, choices=Kind.choices, default=Kind.SELECTION)
    # The selection attempt of the task the dossier was filed in (an acceptance dossier: 1).
    attempt = models.PositiveSmallIntegerField(_("lần tuyển chọn"), default=1)
    pi = models.ForeignKey(
        "research.Researcher", verbose_name=_("chủ nhiệm"), on_delete=models.PROTECT, related_name="research_dossiers"
    )
    organisation = models.ForeignKey(
        "research.Organisation",
        verbose_name=_("tổ chức chủ trì"),
        on_delete=models.PROTECT,
        related_name="research_dossiers",
    )
    title = models.CharField(_("tên hồ sơ"), max_length=500)
    summary = models.TextField(_("tóm tắt"), blank=True)
    approach = models.TextField(_("nội dung, phương pháp"), blank=True)
    products = models.TextField(_("sản phẩm"), blank=True)
    team_text = models.TextField(_("nhân lực thực hiện"), blank=True)
    budget_requested = models.DecimalField(
        _("kinh phí đề nghị (triệu đồng)"), max_digits=14, decimal_places=3, null=True, blank=True
    )
    duration_months = models.PositiveSmallIntegerField(_("thời gian thực hiện (tháng)"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    check_reasons = models.TextField(_("lý do (kiểm tra hành chính)"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["task", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["task", "kind", "attempt", "pi"], name="one_dossier_per_pi_kind_attempt")
        ]
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ")

    def __str__(self):
        return f"{self.title} · {self.pi}"

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class DossierAttachment(models.Model):
    class Kind(models.TextChoices):
        PROPOSAL = "proposal", _("Thuyết minh nhiệm vụ")
        BUDGET = "budget", _("Dự toán kinh phí")
        CV = "cv", _("Lý lịch khoa học")
        COMMITMENT = "commitment", _("Văn bản xác nhận của tổ chức chủ trì")
        FINAL_REPORT = "final_report", _("Báo cáo tổng hợp kết quả")
        PRODUCT = "product", _("Minh chứng sản phẩm")
        OTHER = "other", _("Tài liệu khác")

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("loại tài liệu"), max_length=15, choices=Kind.choices)
    file = models.FileField(_("tệp"), upload_to="research_tasks/dossiers/%Y/", validators=evidence_validators())
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.dossier}"


class Council(models.Model):
    """Hội đồng tư vấn: selects (or confirms a direct assignment) or accepts one task."""

    class Kind(models.TextChoices):
        SELECTION = "selection", _("Hội đồng tuyển chọn, giao trực tiếp")
        ACCEPTANCE = "acceptance", _("Hội đồng đánh giá nghiệm thu")

    class Status(models.TextChoices):
        SCORING = "scoring", _("Đang đánh giá")
        DECIDED = "decided", _("Đã kết luận")

    task = models.ForeignKey(ResearchTask, on_delete=models.CASCADE, related_name="councils")
    kind = models.CharField(_("loại hội đồng"), max_length=12, choices=Kind.choices)
    # Which selection attempt of the task it scores (an acceptance council: 1).
    attempt = models.PositiveSmallIntegerField(_("lần tuyển chọn"), default=1)
    name = models.CharField(_("tên hội đồng"), max_length=300)
    meeting_date = models.DateField(_("ngày họp"))
    ruleset = models.ForeignKey(RuleSet, verbose_name=_("bộ quy định áp dụng"), on_delete=models.PROTECT)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.SCORING)
    conclusion = models.TextField(_("kết luận của hội đồng"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-meeting_date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["task", "kind", "attempt"], name="one_council_per_task_kind_attempt")
        ]
        verbose_name = _("hội đồng")
        verbose_name_plural = _("hội đồng")

    def __str__(self):
        return self.name

    @property
    def dossier_kind(self) -> str:
        return Dossier.Kind.ACCEPTANCE if self.kind == self.Kind.ACCEPTANCE else Dossier.Kind.SELECTION


class CouncilMember(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chủ tịch")
        SECRETARY = "secretary", _("Thư ký")
        REVIEWER = "reviewer", _("Phản biện")
        MEMBER = "member", _("Ủy viên")

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    researcher = models.ForeignKey("research.Researcher", on_delete=models.PROTECT, related_name="council_seats")
    role = models.CharField(_("vai trò"), max_length=10, choices=Role.choices)

    class Meta:
        ordering = ["council", "pk"]
        constraints = [models.UniqueConstraint(fields=["council", "researcher"], name="one_seat_per_researcher")]
        verbose_name = _("thành viên hội đồng")
        verbose_name_plural = _("thành viên hội đồng")

    def __str__(self):
        return f"{self.researcher} · {self.get_role_display()}"


class ConflictDeclaration(models.Model):
    """Khai báo xung đột lợi ích: a member's statement about one dossier, made before reading it."""

    member = models.ForeignKey(CouncilMember, on_delete=models.CASCADE, related_name="declarations")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="declarations")
    has_conflict = models.BooleanField(_("có xung đột lợi ích"))
    note = models.TextField(_("giải thích"), blank=True)
    declared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "dossier"], name="one_declaration_per_dossier")]

    def __str__(self):
        return f"{self.member} · {self.dossier}"


class ScoreSheet(models.Model):
    """Phiếu đánh giá: one member's scores of one dossier on the criteria of the council's rule set.

    `scores` and `reasons` are keyed by criterion; `total` is on the rule set's scale.
    """

    member = models.ForeignKey(CouncilMember, on_delete=models.CASCADE, related_name="sheets")
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="sheets")
    scores = models.JSONField(default=dict)
    reasons = models.JSONField(default=dict, blank=True)
    total = models.DecimalField(_("tổng điểm"), max_digits=6, decimal_places=2)
    deviation_reason = models.TextField(_("giải trình điểm chênh lệch"), blank=True)
    comment = models.TextField(_("nhận xét"), blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["submitted_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["member", "dossier"], name="one_sheet_per_member_and_dossier")]
        verbose_name = _("phiếu đánh giá")
        verbose_name_plural = _("phiếu đánh giá")

    def __str__(self):
        return f"{self.member} · {self.dossier}"


class Contract(models.Model):
    """Hợp đồng thực hiện nhiệm vụ: budget by year and item, milestones and the products owed."""

    task = models.OneToOneField(ResearchTask, on_delete=models.CASCADE, related_name="contract")
    number = models.CharField(_("số hợp đồng"), max_length=100)
    signed_on = models.DateField(_("ngày ký"))
    start_date = models.DateField(_("bắt đầu"))
    end_date = models.DateField(_("kết thúc"))
    total_budget = models.DecimalField(_("tổng kinh phí (triệu đồng)"), max_digits=14, decimal_places=3)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("hợp đồng")
        verbose_name_plural = _("hợp đồng")

    def __str__(self):
        return f"{self.number} · {self.task.code}"


class BudgetLine(models.Model):
    class Item(models.TextChoices):
        LABOUR = "labour", _("Công lao động khoa học")
        MATERIALS = "materials", _("Nguyên vật liệu, năng lượng")
        EQUIPMENT = "equipment", _("Thiết bị, máy móc")
        CONSTRUCTION = "construction", _("Xây dựng, sửa chữa nhỏ")
        OTHER = "other", _("Chi khác")

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="budget_lines")
    year = models.PositiveSmallIntegerField(_("năm"))
    item = models.CharField(_("khoản chi"), max_length=15, choices=Item.choices)
    amount = models.DecimalField(_("kinh phí (triệu đồng)"), max_digits=14, decimal_places=3)

    class Meta:
        ordering = ["year", "item"]
        constraints = [models.UniqueConstraint(fields=["contract", "year", "item"], name="one_line_per_year_and_item")]

    def __str__(self):
        return f"{self.year} · {self.get_item_display()}"


class ContractMilestone(models.Model):
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("mốc tiến độ"), max_length=300)
    due_date = models.DateField(_("hạn"))
    done_on = models.DateField(_("hoàn thành ngày"), null=True, blank=True)

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.title


class ContractProduct(models.Model):
    """Sản phẩm phải giao nộp theo hợp đồng; delivered with an optional link to the research record."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="products")
    name = models.CharField(_("tên sản phẩm"), max_length=400)
    requirements = models.TextField(_("yêu cầu khoa học, chỉ tiêu"), blank=True)
    quantity = models.PositiveSmallIntegerField(_("số lượng"), default=1)
    delivered_on = models.DateField(_("ngày giao nộp"), null=True, blank=True)
    output = models.ForeignKey(
        "research.Output", null=True, blank=True, on_delete=models.SET_NULL, related_name="contract_products"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class ProgressReport(models.Model):
    """Báo cáo định kỳ: the PI's report on the work done by a date."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="progress_reports")
    period_end = models.DateField(_("tính đến ngày"))
    progress = models.PositiveSmallIntegerField(_("khối lượng hoàn thành (%)"))
    summary = models.TextField(_("kết quả đạt được"))
    problems = models.TextField(_("khó khăn, kiến nghị"), blank=True)
    attachment = models.FileField(
        _("tệp báo cáo"), upload_to="research_tasks/progress/%Y/", blank=True, validators=evidence_validators()
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-period_end", "-pk"]

    def __str__(self):
        return f"{self.contract} · {self.period_end}"


class Inspection(models.Model):
    """Kiểm tra định kỳ: the secretariat's visit, scheduled ahead (the PI and the host are told),
    then held and concluded."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Đã lên lịch")
        HELD = "held", _("Đã kiểm tra")

    class Conclusion(models.TextChoices):
        ON_TRACK = "on_track", _("Đúng tiến độ")
        BEHIND = "behind", _("Chậm tiến độ")
        SERIOUS = "serious", _("Vi phạm, đề nghị xử lý")

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="inspections")
    status = models.CharField(_("trạng thái"), max_length=8, choices=Status.choices, default=Status.HELD)
    held_on = models.DateField(_("ngày kiểm tra"))
    purpose = models.TextField(_("nội dung kiểm tra"), blank=True)
    findings = models.TextField(_("kết quả kiểm tra"), blank=True)
    conclusion = models.CharField(_("kết luận"), max_length=10, choices=Conclusion.choices, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.contract} · {self.held_on}"


class ChangeRequest(models.Model):
    """Đề nghị điều chỉnh: an extension or a budget adjustment, in force once approved.

    `new_lines` holds the whole budget after the change: {"<year>:<item>": "<amount>"}.
    """

    class Kind(models.TextChoices):
        EXTENSION = "extension", _("Gia hạn thời gian thực hiện")
        BUDGET = "budget", _("Điều chỉnh dự toán kinh phí")

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ xem xét")
        APPROVED = "approved", _("Đã chấp thuận")
        REJECTED = "rejected", _("Không chấp thuận")

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="change_requests")
    kind = models.CharField(_("loại điều chỉnh"), max_length=10, choices=Kind.choices)
    reason = models.TextField(_("lý do"))
    new_end_date = models.DateField(_("thời hạn mới"), null=True, blank=True)
    new_lines = models.JSONField(default=dict, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("ý kiến"), blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.contract}"


class Disbursement(models.Model):
    """Cấp kinh phí: one payment to the host organisation, against the budget of a year."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="disbursements")
    paid_on = models.DateField(_("ngày cấp"))
    year = models.PositiveSmallIntegerField(_("năm ngân sách"))
    amount = models.DecimalField(_("số tiền (triệu đồng)"), max_digits=14, decimal_places=3)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["paid_on", "pk"]

    def __str__(self):
        return f"{self.contract} · {self.paid_on}"


class Acceptance(models.Model):
    """Kết quả nghiệm thu: the grade the acceptance council gave, under its rule set."""

    class Grade(models.TextChoices):
        EXCELLENT = "excellent", _("Xuất sắc")
        PASS = "pass", _("Đạt")
        FAIL = "fail", _("Không đạt")

    task = models.OneToOneField(ResearchTask, on_delete=models.CASCADE, related_name="acceptance")
    council = models.OneToOneField(Council, on_delete=models.RESTRICT, related_name="acceptance")
    ruleset = models.ForeignKey(RuleSet, on_delete=models.PROTECT, related_name="+")
    decided_on = models.DateField(_("ngày nghiệm thu"))
    mean_score = models.DecimalField(_("điểm trung bình"), max_digits=6, decimal_places=2)
    grade = models.CharField(_("xếp loại"), max_length=10, choices=Grade.choices)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("kết quả nghiệm thu")
        verbose_name_plural = _("kết quả nghiệm thu")

    def __str__(self):
        return f"{self.task.code} · {self.get_grade_display()}"

    @property
    def is_accepted(self) -> bool:
        return self.grade in (self.Grade.EXCELLENT, self.Grade.PASS)


class Application(models.Model):
    """Ứng dụng kết quả: who applied the results of an accepted task, where, to what effect, when."""

    task = models.ForeignKey(ResearchTask, on_delete=models.CASCADE, related_name="applications")
    applied_by = models.CharField(_("đơn vị ứng dụng"), max_length=300)
    place = models.CharField(_("địa điểm"), max_length=300)
    effect = models.TextField(_("hiệu quả"))
    year = models.PositiveSmallIntegerField(_("năm"))
    evidence = models.FileField(
        _("minh chứng"), upload_to="research_tasks/applications/%Y/", blank=True, validators=evidence_validators()
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("ứng dụng kết quả")
        verbose_name_plural = _("ứng dụng kết quả")

    def __str__(self):
        return f"{self.task.code} · {self.applied_by} ({self.year})"


class TaskEvent(models.Model):
    """Nhật ký: every step of a task's life (who, when, what)."""

    task = models.ForeignKey(ResearchTask, null=True, on_delete=models.CASCADE, related_name="events")
    order_call = models.ForeignKey(OrderCall, null=True, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.action} · {self.task_id}"
