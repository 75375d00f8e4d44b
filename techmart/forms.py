"""What an exchange moderator types to run an event; the services check every rule."""

from django import forms
from django.utils.translation import gettext_lazy as _

from exchange.models import Listing
from research.models import Organisation

from .services import SLOT_MAX, SLOT_MIN, TEXT_MAX


def _date():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time():
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class EventForm(forms.Form):
    name = forms.CharField(label=_("Tên sự kiện"), max_length=TEXT_MAX["name"], required=False)
    starts_on = forms.DateField(label=_("Ngày bắt đầu"), widget=_date())
    ends_on = forms.DateField(label=_("Ngày kết thúc"), widget=_date())
    venue = forms.CharField(label=_("Địa điểm"), max_length=TEXT_MAX["venue"], required=False)
    organiser = forms.CharField(label=_("Đơn vị tổ chức"), max_length=TEXT_MAX["organiser"], required=False)
    description = forms.CharField(label=_("Giới thiệu"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    day_start = forms.TimeField(label=_("Giờ bắt đầu gặp gỡ"), widget=_time())
    day_end = forms.TimeField(label=_("Giờ kết thúc gặp gỡ"), widget=_time())
    slot_minutes = forms.IntegerField(
        label=_("Thời lượng mỗi cuộc gặp (phút)"),
        min_value=SLOT_MIN,
        max_value=SLOT_MAX,
        help_text=_("Mỗi ngày, các khung giờ gặp B2B nối tiếp nhau từ giờ bắt đầu đến giờ kết thúc gặp gỡ."),
    )


class ExhibitorForm(forms.Form):
    """The organisation (only when adding), its booth and the offers it shows.

    The fields accept any organisation and any offer, so that the service, not a generic
    "invalid choice", says what is wrong; the lists shown are narrowed with `shown_*`.
    """

    organisation = forms.ModelChoiceField(queryset=Organisation.objects.all(), label=_("Tổ chức trưng bày"))
    booth = forms.CharField(label=_("Gian hàng"), max_length=TEXT_MAX["booth"], required=False)
    offers = forms.ModelMultipleChoiceField(
        queryset=Listing.objects.all(),
        label=_("Công nghệ giới thiệu"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Các công nghệ chào bán đã đăng trên sàn của tổ chức."),
    )

    def __init__(self, *args, shown_organisations=None, shown_offers=(), **kwargs):
        super().__init__(*args, **kwargs)
        if shown_organisations is None:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].widget.choices = [("", "—")] + [(o.pk, o.name) for o in shown_organisations]
        self.fields["offers"].widget.choices = [(offer.pk, offer.title) for offer in shown_offers]
