from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Field, Listing, TransferMode
from .regions import PROVINCES
from .services import DESCRIPTION_MAX, KEYWORDS_MAX, TITLE_MAX


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by the service (type, content, size)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class FieldChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} – {obj.name}" if obj.parent_id else f"{obj.code}. {obj.name.upper()}"


class ListingForm(forms.Form):
    """What a member types; the service checks every rule again (the API uses it too)."""

    organisation = forms.ModelChoiceField(queryset=None, label=_("Tổ chức sở hữu"), required=True)
    title = forms.CharField(label=_("Tên công nghệ"), max_length=TITLE_MAX)
    description = forms.CharField(
        label=_("Mô tả"), widget=forms.Textarea(attrs={"rows": 8}), max_length=DESCRIPTION_MAX
    )
    field = FieldChoice(queryset=Field.objects.order_by("code"), label=_("Lĩnh vực"), required=False)
    keywords = forms.CharField(
        label=_("Từ khóa"), max_length=KEYWORDS_MAX, required=False, help_text=_("Cách nhau bằng dấu phẩy.")
    )
    trl = forms.IntegerField(
        label=_("Mức độ sẵn sàng công nghệ (TRL)"),
        required=False,
        help_text=_("Từ 1 (nguyên lý cơ bản) đến 9 (đã vận hành thực tế); với nhu cầu: TRL tối thiểu mong muốn."),
    )
    ip_status = forms.ChoiceField(
        label=_("Tình trạng sở hữu trí tuệ"), choices=[("", "—"), *Listing.IpStatus.choices], required=False
    )
    ip_number = forms.CharField(label=_("Số bằng, số đơn"), max_length=100, required=False)
    transfer_modes = forms.ModelMultipleChoiceField(
        queryset=TransferMode.objects.all(),
        label=_("Phương thức chuyển giao"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    price = forms.CharField(label=_("Giá (đồng)"), max_length=30, required=False)
    price_negotiable = forms.BooleanField(label=_("Giá thỏa thuận"), required=False)
    region = forms.ChoiceField(label=_("Tỉnh, thành phố"), choices=[("", "—"), *PROVINCES], required=False)
    valid_from = forms.DateField(
        label=_("Hiệu lực từ ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    valid_until = forms.DateField(
        label=_("Hiệu lực đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    files = MultipleFileField(
        label=_("Hình ảnh, tài liệu"), required=False, help_text=_("Ảnh PNG, JPG hoặc tệp PDF, mỗi tệp tối đa 5 MB.")
    )

    def __init__(self, *args, organisations=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if editing:
            del self.fields["organisation"]

    def clean_trl(self):
        value = self.cleaned_data.get("trl")
        if value is not None and not 1 <= value <= 9:
            raise forms.ValidationError(_("Mức độ sẵn sàng công nghệ (TRL) phải là số nguyên từ 1 đến 9."))
        return value

    def service_values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("organisation", None)
        data["transfer_modes"] = list(data.get("transfer_modes") or [])
        return data


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Lý do từ chối"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
