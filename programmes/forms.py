from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from core.files import evidence_validators

from .models import KeyTask, Programme


class KeyTaskUpdateForm(forms.Form):
    """Cập nhật tiến độ nhiệm vụ."""

    reported_on = forms.DateField(label=_("Ngày báo cáo"), widget=forms.DateInput(attrs={"type": "date"}))
    status = forms.ChoiceField(label=_("Trạng thái"), choices=KeyTask.Status.choices)
    progress = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100)
    text = forms.CharField(label=_("Nội dung cập nhật"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    evidence = forms.FileField(label=_("Tài liệu minh chứng"), required=False, validators=evidence_validators())

    def __init__(self, *args, task=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reported_on"].initial = timezone.localdate()
        if task is not None:
            self.fields["status"].initial = task.status
            self.fields["progress"].initial = task.progress

    def clean(self):
        data = super().clean()
        if data.get("status") == KeyTask.Status.COMPLETED and data.get("progress") != 100:
            self.add_error("progress", _("Nhiệm vụ hoàn thành phải có tiến độ 100%."))
        return data


class KeyTaskForm(forms.Form):
    """A key task's own fields, edited by the secretariat."""

    title = forms.CharField(label=_("Nhiệm vụ, đề án, dự án"), widget=forms.Textarea(attrs={"rows": 3}))
    lead_agencies = forms.ModelMultipleChoiceField(label=_("Cơ quan chủ trì"), queryset=Agency.objects.all())
    coordinating_units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị phối hợp"), queryset=Agency.objects.all(), required=False
    )
    start_year = forms.IntegerField(label=_("Năm bắt đầu"), min_value=1990, max_value=2100)
    end_year = forms.IntegerField(label=_("Năm kết thúc"), min_value=1990, max_value=2100)
    deadline = forms.DateField(label=_("Hạn hoàn thành"), widget=forms.DateInput(attrs={"type": "date"}))


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["code", "slug", "title", "title_en", "issuer", "start_year", "end_year", "general_objective"]
        widgets = {"general_objective": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        if data.get("start_year") and data.get("end_year") and data["start_year"] > data["end_year"]:
            self.add_error("end_year", _("Năm kết thúc phải sau năm bắt đầu."))
        return data


class ProgrammeCopyForm(forms.Form):
    code = forms.CharField(label=_("Số, ký hiệu"), max_length=40)
    slug = forms.SlugField(label=_("Mã đường dẫn"), max_length=60)
    title = forms.CharField(label=_("Tên chương trình"), max_length=500)
    start_year = forms.IntegerField(label=_("Năm bắt đầu"), min_value=1990, max_value=2100)
    end_year = forms.IntegerField(label=_("Năm kết thúc"), min_value=1990, max_value=2100)

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if Programme.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("Mã đường dẫn này đã được dùng."))
        return slug

    def clean(self):
        data = super().clean()
        if data.get("start_year") and data.get("end_year") and data["start_year"] > data["end_year"]:
            self.add_error("end_year", _("Năm kết thúc phải sau năm bắt đầu."))
        return data
