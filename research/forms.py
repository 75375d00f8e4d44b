from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .importers import MAX_BYTES
from .models import ImportBatch, Organisation, Output
from .validators import normalise_orcid, validate_orcid


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Loại kết quả"), required=False, choices=[("", _("Tất cả")), *Output.Kind.choices])
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=1900, max_value=2200)
    organisation = forms.SlugField(label=_("Tổ chức"), required=False, max_length=80)
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)


class ResearcherForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=200)
    title = forms.CharField(label=_("Học hàm, học vị"), max_length=100, required=False)
    orcid = forms.CharField(
        label=_("ORCID iD"),
        max_length=60,
        required=False,
        help_text=_("Dạng 0000-0002-1825-0097; có thể dán cả đường dẫn https://orcid.org/..."),
    )
    organisation = forms.ModelChoiceField(label=_("Tổ chức"), queryset=Organisation.objects.all(), required=False)
    field = forms.CharField(label=_("Lĩnh vực"), max_length=200, required=False)

    def clean_orcid(self):
        value = normalise_orcid(self.cleaned_data["orcid"])
        if value:
            validate_orcid(value)
        return value


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp ấn phẩm"))
    format = forms.ChoiceField(
        label=_("Định dạng"),
        required=False,
        choices=[("", _("Tự nhận biết theo tên tệp")), *ImportBatch.Format.choices],
    )
    organisation = forms.ModelChoiceField(label=_("Tổ chức"), queryset=Organisation.objects.all(), required=False)

    def __init__(self, *args, any_organisation: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext(
            "BibTeX (.bib), RIS (.ris) hoặc Crossref JSON (.json), tối đa %(limit)s MB, mã UTF-8. "
            "ORCID iD có thể ghi ngay sau tên tác giả, ví dụ: Nguyễn, Văn An (0000-0002-1825-0097)."
        ) % {"limit": MAX_BYTES // 1024 // 1024}
        if not any_organisation:
            del self.fields["organisation"]
