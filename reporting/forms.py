from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency

from .models import ReportingRound, ReportTemplate


class RoundForm(forms.Form):
    """Mở đợt báo cáo."""

    title = forms.CharField(label=_("Tên đợt báo cáo"), max_length=300)
    kind = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=ReportingRound.Kind.choices)
    year = forms.IntegerField(label=_("Năm"), min_value=1990, max_value=2100)
    period_number = forms.IntegerField(
        label=_("Số kỳ"), min_value=0, max_value=4, initial=0, help_text=_("1-2 cho 6 tháng, 1-4 cho quý, 0 cho năm.")
    )
    cutoff = forms.DateField(label=_("Ngày chốt số liệu"), widget=forms.DateInput(attrs={"type": "date"}))
    deadline = forms.DateField(label=_("Hạn nộp"), widget=forms.DateInput(attrs={"type": "date"}))
    remind_days_before = forms.IntegerField(label=_("Nhắc trước hạn (ngày)"), min_value=0, max_value=60, initial=3)
    agencies = forms.ModelMultipleChoiceField(
        label=_("Cơ quan báo cáo"),
        queryset=Agency.objects.exclude(kind=Agency.Kind.GROUP),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        if programme is not None:
            responsible = Agency.objects.filter(indicators__programme=programme)
            leads = Agency.objects.filter(led_tasks__programme=programme)
            self.fields["agencies"].initial = list((responsible | leads).exclude(kind=Agency.Kind.GROUP).distinct())
            self.fields["year"].initial = min(timezone.localdate().year, programme.end_year)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Duyệt")), ("return", _("Trả lại"))])
    comment = forms.CharField(label=_("Ý kiến chung"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Lý do mở lại"), widget=forms.Textarea(attrs={"rows": 2}))


class ReportTemplateForm(forms.ModelForm):
    class Meta:
        model = ReportTemplate
        fields = [
            "issuer_parent",
            "issuer",
            "number_symbol",
            "place",
            "title",
            "opening",
            "closing",
            "recipients",
            "signer_title",
            "signer_name",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "opening": forms.Textarea(attrs={"rows": 4}),
            "closing": forms.Textarea(attrs={"rows": 3}),
            "recipients": forms.Textarea(attrs={"rows": 4}),
        }
