from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.files import evidence_validators

from .models import Frequency, Measurement, ProgressStatus


class MeasurementForm(forms.Form):
    """Giá trị đo: a figure as a reporter types it ("7,5" or "7.5")."""

    year = forms.IntegerField(label=_("Năm"), min_value=1900, max_value=2200)
    period_kind = forms.ChoiceField(label=_("Kỳ"), choices=Frequency.choices, initial=Frequency.ANNUAL)
    period_number = forms.IntegerField(
        label=_("Số kỳ"),
        min_value=0,
        max_value=12,
        initial=0,
        help_text=_("0 cho cả năm; 1-4 cho quý; 1-12 cho tháng."),
    )
    kind = forms.ChoiceField(
        label=_("Loại số liệu"), choices=Measurement.Kind.choices, initial=Measurement.Kind.OFFICIAL
    )
    value = forms.CharField(label=_("Giá trị"), max_length=30)
    published_on = forms.DateField(
        label=_("Ngày công bố"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    source = forms.CharField(label=_("Nguồn"), max_length=500)
    source_url = forms.URLField(label=_("Đường dẫn nguồn"), required=False, max_length=500, assume_scheme="https")
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    evidence = forms.FileField(label=_("Tài liệu minh chứng"), required=False, validators=evidence_validators())

    def __init__(self, *args, indicator=None, **kwargs):
        super().__init__(*args, **kwargs)
        if indicator is not None:
            self.fields["year"].initial = min(timezone.localdate().year, indicator.programme.end_year)
            self.fields["period_kind"].initial = indicator.frequency


class GrowthAccountingForm(forms.Form):
    """TFP share computed from GRDP, capital and labour growth and the capital share."""

    year = forms.IntegerField(label=_("Năm"), min_value=1900, max_value=2200)
    kind = forms.ChoiceField(
        label=_("Loại số liệu"), choices=Measurement.Kind.choices, initial=Measurement.Kind.OFFICIAL
    )
    grdp_growth = forms.CharField(label=_("Tốc độ tăng GRDP g_Y (%)"), max_length=20)
    capital_growth = forms.CharField(label=_("Tốc độ tăng vốn g_K (%)"), max_length=20)
    labour_growth = forms.CharField(label=_("Tốc độ tăng lao động g_L (%)"), max_length=20)
    capital_share = forms.CharField(label=_("Tỷ phần vốn α (0-1)"), max_length=20)
    source = forms.CharField(label=_("Nguồn"), max_length=500)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class StatusOverrideForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Đánh giá điều chỉnh"),
        choices=[("", _("— Theo cách tính tự động —")), *ProgressStatus.choices],
        required=False,
    )
    reason = forms.CharField(label=_("Lý do"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ToleranceForm(forms.Form):
    tolerance = forms.CharField(label=_("Dung sai (cùng đơn vị chỉ tiêu)"), max_length=20)


class MeasurementCorrectionForm(forms.Form):
    """Sửa số liệu: the corrected value and source of a recorded figure, and why."""

    value = forms.CharField(label=_("Giá trị đúng"), max_length=30)
    source = forms.CharField(label=_("Nguồn"), max_length=500)
    reason = forms.CharField(
        label=_("Lý do sửa"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Cần nêu lý do sửa số liệu.")},
    )
