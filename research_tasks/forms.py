"""Forms parse what people type; the services decide whether it is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.text import typed_amount
from research.models import Organisation, Output, Researcher

from .models import (
    BudgetLine,
    ChangeRequest,
    CouncilMember,
    DossierAttachment,
    Inspection,
    OrderProposal,
    ResearchTask,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _text(rows=3):
    return forms.Textarea(attrs={"rows": rows})


class NumberedRow:
    """A row of a table of forms (formset): its inputs are named for screen readers by the row's
    number, since the table's header is their only visible label. `row_labels` maps a field to a
    label with a %(n)s placeholder."""

    row_labels: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        number = (self.prefix or "-0").rsplit("-", 1)[-1]
        n = int(number) + 1 if number.isdigit() else 1
        for name, label in self.row_labels.items():
            self.fields[name].widget.attrs["aria-label"] = label % {"n": n}


class MoneyField(forms.CharField):
    """An amount in million đồng as typed ("1.500,5" or "1500.5"); the service parses and checks it.

    A person typing "1.500" means one thousand five hundred, as Vietnamese write it (dots between
    thousands): the dots are dropped here. "1,5" and "1.5" stay one and a half."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        return typed_amount(super().to_python(value))


class OrderCallForm(forms.Form):
    title = forms.CharField(label=_("Tên đợt đặt hàng"), max_length=300)
    year = forms.IntegerField(label=_("Năm kế hoạch"), min_value=2000, max_value=2100)
    deadline = forms.DateField(label=_("Hạn gửi đề xuất"), widget=DATE)
    description = forms.CharField(label=_("Hướng dẫn"), required=False, widget=_text())


class NeedForm(forms.Form):
    title = forms.CharField(label=_("Tên nhiệm vụ đề xuất"), max_length=500)
    kind = forms.ChoiceField(label=_("Loại nhiệm vụ"), choices=ResearchTask.Kind.choices)
    field = forms.CharField(label=_("Lĩnh vực"), max_length=200, required=False)
    objectives = forms.CharField(label=_("Mục tiêu"), widget=_text())
    expected_results = forms.CharField(label=_("Kết quả dự kiến"), widget=_text())
    funding_ceiling = MoneyField(label=_("Kinh phí tối đa (triệu đồng)"))
    period_months = forms.IntegerField(label=_("Thời gian thực hiện (tháng)"), min_value=1, max_value=60)


class MergeForm(forms.Form):
    keep = forms.ModelChoiceField(label=_("Giữ đề xuất"), queryset=OrderProposal.objects.none())
    merged = forms.ModelMultipleChoiceField(
        label=_("Gộp các đề xuất trùng"), queryset=OrderProposal.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, call=None, **kwargs):
        super().__init__(*args, **kwargs)
        if call is not None:
            open_ones = call.proposals.filter(status=OrderProposal.Status.SUBMITTED).select_related("agency")
            self.fields["keep"].queryset = open_ones
            self.fields["merged"].queryset = open_ones


class IncludeForm(forms.Form):
    mode = forms.ChoiceField(label=_("Phương thức"), choices=ResearchTask.Mode.choices)
    title = forms.CharField(label=_("Tên nhiệm vụ (nếu cần sửa)"), max_length=500, required=False)
    funding_ceiling = MoneyField(label=_("Kinh phí tối đa (nếu cần sửa)"), required=False)


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Lý do không đưa vào danh mục"), widget=_text(2))


class ApproveListForm(forms.Form):
    decision = forms.CharField(label=_("Số quyết định phê duyệt danh mục"), max_length=100)


class SelectionCallForm(forms.Form):
    title = forms.CharField(label=_("Tiêu đề thông báo"), max_length=500)
    description = forms.CharField(label=_("Yêu cầu đối với hồ sơ"), required=False, widget=_text(4))
    opens_at = forms.DateTimeField(label=_("Mở nhận hồ sơ"), widget=DATETIME)
    closes_at = forms.DateTimeField(label=_("Hạn nộp hồ sơ"), widget=DATETIME)


class AssignForm(forms.Form):
    pi = forms.ModelChoiceField(
        label=_("Chủ nhiệm nhiệm vụ"),
        queryset=Researcher.objects.filter(user__isnull=False).select_related("organisation"),
        help_text=_("Nhà khoa học có tài khoản trên nền tảng."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Tổ chức chủ trì"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=_("Để trống: tổ chức của chủ nhiệm."),
    )


class DossierForm(forms.Form):
    title = forms.CharField(label=_("Tên hồ sơ"), max_length=500)
    summary = forms.CharField(label=_("Tóm tắt"), required=False, widget=_text(3))
    approach = forms.CharField(label=_("Nội dung, phương pháp"), required=False, widget=_text(5))
    products = forms.CharField(label=_("Sản phẩm"), required=False, widget=_text(3))
    team_text = forms.CharField(label=_("Nhân lực thực hiện"), required=False, widget=_text(2))
    budget_requested = MoneyField(label=_("Kinh phí đề nghị (triệu đồng)"), required=False)
    duration_months = forms.IntegerField(
        label=_("Thời gian thực hiện (tháng)"), min_value=1, max_value=60, required=False
    )


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại tài liệu"), choices=DossierAttachment.Kind.choices)
    file = forms.FileField(label=_("Tệp"))


class CheckForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Kết quả kiểm tra"), choices=[("valid", _("Hợp lệ")), ("invalid", _("Không hợp lệ"))]
    )
    reasons = forms.CharField(label=_("Lý do, ghi chú"), required=False, widget=_text(2))


class CouncilForm(forms.Form):
    name = forms.CharField(label=_("Tên hội đồng"), max_length=300)
    meeting_date = forms.DateField(label=_("Ngày họp"), widget=DATE)
    confirm = forms.BooleanField(
        label=_("Tôi đã xem các cảnh báo xung đột lợi ích và vẫn thành lập hội đồng này"), required=False
    )


class MemberForm(NumberedRow, forms.Form):
    row_labels = {"researcher": _("Thành viên %(n)s"), "role": _("Vai trò của thành viên %(n)s")}
    # Members declare and score on the platform: only researchers with an account can sit.
    researcher = forms.ModelChoiceField(
        label=_("Nhà khoa học"),
        queryset=Researcher.objects.filter(user__isnull=False).select_related("organisation").order_by("full_name"),
        required=False,
    )
    role = forms.ChoiceField(label=_("Vai trò"), choices=[("", "—"), *CouncilMember.Role.choices], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Names repeat: the organisation tells two researchers of the same name apart.
        self.fields["researcher"].label_from_instance = lambda r: (
            f"{r.full_name} — {r.organisation.name}" if r.organisation_id else r.full_name
        )

    def clean_role(self):
        return self.cleaned_data["role"] or CouncilMember.Role.MEMBER


MemberFormSet = forms.formset_factory(MemberForm, extra=9, max_num=15)


class DeclareForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Xung đột lợi ích"),
        choices=[("no", _("Tôi không có xung đột lợi ích với hồ sơ này")), ("yes", _("Tôi có xung đột lợi ích"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Giải thích (bắt buộc nếu có xung đột)"), required=False, widget=_text(2))


class ExplainForm(forms.Form):
    deviation_reason = forms.CharField(label=_("Giải trình điểm chênh lệch"), widget=_text(3))


class DecideForm(forms.Form):
    conclusion = forms.CharField(
        label=_("Kết luận (để trống: hệ thống ghi theo kết quả)"), required=False, widget=_text(3)
    )


class ContractForm(forms.Form):
    number = forms.CharField(label=_("Số hợp đồng"), max_length=100)
    signed_on = forms.DateField(label=_("Ngày ký"), widget=DATE)
    start_date = forms.DateField(label=_("Bắt đầu"), widget=DATE)
    end_date = forms.DateField(label=_("Kết thúc"), widget=DATE)
    total_budget = MoneyField(label=_("Tổng kinh phí (triệu đồng)"))


class MilestoneForm(NumberedRow, forms.Form):
    row_labels = {"title": _("Mốc tiến độ %(n)s"), "due_date": _("Hạn của mốc %(n)s")}
    title = forms.CharField(label=_("Mốc tiến độ"), max_length=300, required=False)
    due_date = forms.DateField(label=_("Hạn"), widget=DATE, required=False)

    def clean(self):
        data = super().clean()
        if data.get("title") and not data.get("due_date"):
            self.add_error("due_date", _("Cần ghi hạn của mốc tiến độ."))
        return data


class ProductForm(NumberedRow, forms.Form):
    row_labels = {
        "name": _("Sản phẩm %(n)s"),
        "quantity": _("Số lượng sản phẩm %(n)s"),
        "requirements": _("Yêu cầu đối với sản phẩm %(n)s"),
    }
    name = forms.CharField(label=_("Sản phẩm"), max_length=400, required=False)
    quantity = forms.IntegerField(label=_("Số lượng"), min_value=1, max_value=1000, required=False)
    requirements = forms.CharField(label=_("Yêu cầu"), max_length=1000, required=False)


MilestoneFormSet = forms.formset_factory(MilestoneForm, extra=4, max_num=30)
ProductFormSet = forms.formset_factory(ProductForm, extra=4, max_num=30)


class ProgressForm(forms.Form):
    period_end = forms.DateField(label=_("Tính đến ngày"), widget=DATE)
    progress = forms.IntegerField(label=_("Khối lượng hoàn thành (%)"), min_value=0, max_value=100)
    summary = forms.CharField(label=_("Kết quả đạt được"), widget=_text(3))
    problems = forms.CharField(label=_("Khó khăn, kiến nghị"), required=False, widget=_text(2))
    attachment = forms.FileField(label=_("Tệp báo cáo"), required=False)


class InspectionForm(forms.Form):
    held_on = forms.DateField(label=_("Ngày kiểm tra"), widget=DATE)
    findings = forms.CharField(label=_("Kết quả kiểm tra"), widget=_text(3))
    conclusion = forms.ChoiceField(label=_("Kết luận"), choices=Inspection.Conclusion.choices)


class InspectionScheduleForm(forms.Form):
    held_on = forms.DateField(label=_("Ngày kiểm tra dự kiến"), widget=DATE)
    purpose = forms.CharField(label=_("Nội dung kiểm tra"), widget=_text(2))


class ChangeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại điều chỉnh"), choices=ChangeRequest.Kind.choices)
    reason = forms.CharField(label=_("Lý do"), widget=_text(2))
    new_end_date = forms.DateField(label=_("Thời hạn mới (gia hạn)"), widget=DATE, required=False)


class ChangeDecideForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Quyết định"), choices=[("approve", _("Chấp thuận")), ("reject", _("Không chấp thuận"))]
    )
    note = forms.CharField(label=_("Ý kiến"), required=False, widget=_text(2))


class DisbursementForm(forms.Form):
    paid_on = forms.DateField(label=_("Ngày cấp"), widget=DATE)
    year = forms.IntegerField(label=_("Năm ngân sách"), min_value=2000, max_value=2100)
    amount = MoneyField(label=_("Số tiền (triệu đồng)"))
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)


class DoneForm(forms.Form):
    done_on = forms.DateField(label=_("Ngày"), widget=DATE)


class DeliverForm(forms.Form):
    delivered_on = forms.DateField(label=_("Ngày giao nộp"), widget=DATE)
    output = forms.ModelChoiceField(
        label=_("Kết quả trong CSDL KH&CN (nếu có)"), queryset=Output.objects.none(), required=False
    )

    def __init__(self, *args, task=None, **kwargs):
        super().__init__(*args, **kwargs)
        if task is not None:
            self.fields["output"].queryset = outputs_of_team(task)


class OutputLinkForm(forms.Form):
    output = forms.ModelChoiceField(label=_("Kết quả nghiên cứu"), queryset=Output.objects.none())

    def __init__(self, *args, task=None, **kwargs):
        super().__init__(*args, **kwargs)
        if task is not None:
            self.fields["output"].queryset = outputs_of_team(task)


def outputs_of_team(task):
    """Outputs a task may register: those of its PI and team, newest first."""
    people = [pk for pk in [task.pi_id, *task.team.values_list("pk", flat=True)] if pk]
    return (
        Output.objects.filter(authorships__researcher_id__in=people)
        .defer("search_key", "title_key")
        .distinct()
        .order_by("-year", "pk")
    )


class ApplicationForm(forms.Form):
    applied_by = forms.CharField(label=_("Đơn vị ứng dụng"), max_length=300)
    place = forms.CharField(label=_("Địa điểm"), max_length=300)
    effect = forms.CharField(label=_("Hiệu quả"), widget=_text(2))
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    evidence = forms.FileField(label=_("Minh chứng"), required=False)


def budget_grid(data, years) -> dict:
    """The budget inputs "budget-<year>-<item>" of a form, as {(year, item): raw}."""
    return {
        (year, item): typed_amount(data.get(f"budget-{year}-{item}", ""))
        for year in years
        for item in BudgetLine.Item.values
        if data.get(f"budget-{year}-{item}", "").strip()
    }
