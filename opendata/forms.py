"""Filters of each dataset: the filters of its public list page, strictly checked (a value
the page would quietly ignore is refused here with a 400, so a script learns of its typo)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from indicators.models import Indicator, Measurement
from programmes.models import KeyTask, Programme
from research.forms import SearchForm
from research_tasks.models import ResearchTask


class ExportForm(forms.Form):
    header = forms.ChoiceField(
        label=_("Dòng tiêu đề"),
        required=False,
        choices=[("", _("Tên cột tiếng Việt")), ("key", _("Mã cột (cho máy đọc)"))],
        help_text=_("CSV và XLSX: tên cột tiếng Việt, hoặc mã cột như trong JSON (header=key)."),
    )

    def filters(self) -> dict:
        """The cleaned filters, without the presentation options."""
        return {name: value for name, value in self.cleaned_data.items() if name != "header"}


def _programme_field():
    return forms.ModelChoiceField(
        label=_("Chương trình"),
        queryset=Programme.objects.all(),
        to_field_name="slug",
        required=False,
        help_text=_("Mã đường dẫn của chương trình, ví dụ 07-ctr-tu."),
    )


def _year_field(label, minimum=1900, maximum=2200):
    return forms.IntegerField(label=label, required=False, min_value=minimum, max_value=maximum)


class IndicatorFilters(ExportForm):
    programme = _programme_field()


class MeasurementFilters(ExportForm):
    programme = _programme_field()
    indicator = forms.CharField(label=_("Mã chỉ tiêu"), required=False, max_length=20)
    year = _year_field(_("Năm"))
    kind = forms.ChoiceField(
        label=_("Loại số liệu"), required=False, choices=[("", _("Tất cả")), *Measurement.Kind.choices]
    )

    def clean(self):
        data = super().clean()
        code, programme = data.get("indicator"), data.get("programme")
        if code:
            indicators = programme.indicators if programme else Indicator.objects
            if not indicators.filter(code=code).exists():
                self.add_error("indicator", _("Không có chỉ tiêu mã %(code)s.") % {"code": code})
        return data


class KeyTaskFilters(ExportForm):
    programme = _programme_field()
    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Tất cả")), *KeyTask.Status.choices]
    )
    agency = forms.ModelChoiceField(
        label=_("Cơ quan chủ trì"),
        queryset=Agency.objects.all(),
        to_field_name="slug",
        required=False,
        help_text=_("Mã đường dẫn của cơ quan chủ trì."),
    )


class KeyTaskUpdateFilters(KeyTaskFilters):
    status = forms.ChoiceField(
        label=_("Trạng thái hiện tại của nhiệm vụ"),
        required=False,
        choices=[("", _("Tất cả")), *KeyTask.Status.choices],
    )
    year = _year_field(_("Năm báo cáo"))


class ResearchTaskFilters(ExportForm):
    stage = forms.ChoiceField(
        label=_("Giai đoạn"), required=False, choices=[("", _("Tất cả")), *ResearchTask.Stage.choices]
    )
    year = _year_field(_("Năm đặt hàng"), 2000, 2100)


class OutputFilters(SearchForm, ExportForm):
    """The research search page's form, without its page number."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["page"]
