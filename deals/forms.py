from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Deal
from .services import MESSAGE_MAX, NOTE_MAX


class InterestForm(forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=None, label=_("Liên hệ với tư cách"), required=False, empty_label=_("Cá nhân tôi")
    )
    message = forms.CharField(
        label=_("Lời nhắn cho bên đăng tin"), widget=forms.Textarea(attrs={"rows": 4}), max_length=MESSAGE_MAX
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if not organisations.exists():
            del self.fields["organisation"]


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Tin nhắn"), widget=forms.Textarea(attrs={"rows": 3}), max_length=MESSAGE_MAX)


class TransitionForm(forms.Form):
    to_stage = forms.ChoiceField(label=_("Chuyển sang"), choices=Deal.Stage.choices)
    value = forms.CharField(
        label=_("Giá trị hợp đồng (đồng)"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "1.500.000.000"}),
    )
    note = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=NOTE_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, stages=(), **kwargs):
        super().__init__(*args, **kwargs)
        if stages:
            self.fields["to_stage"].choices = [(s, label) for s, label in Deal.Stage.choices if s in stages]


class DocumentForm(forms.Form):
    file = forms.FileField(
        label=_("Tài liệu (PDF, PNG, JPG)"), widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"})
    )
