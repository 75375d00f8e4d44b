"""Admin of Techmart. The forms ask the services' rule functions, so an event or a stand the
moderators' pages would refuse is refused here too; meetings are read here and only
cancelled, through the service."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Event, Exhibitor, Meeting


class EventAdminForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [*services.EVENT_FIELDS, "is_demo"]

    def clean(self):
        cleaned = super().clean()
        if not any(name in self.errors for name in services.EVENT_FIELDS):
            values = {name: cleaned.get(name) for name in services.EVENT_FIELDS}
            problems = services.event_problems(values, event=self.instance)
            if problems:
                raise ValidationError(problems)
        return cleaned


class ExhibitorAdminForm(forms.ModelForm):
    class Meta:
        model = Exhibitor
        fields = ["organisation", "booth", "offers"]

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            problems = services.exhibitor_problems(
                event=self.parent_event,
                organisation=cleaned.get("organisation"),
                offers=cleaned.get("offers") or [],
                booth=cleaned.get("booth") or "",
                exhibitor=self.instance,
            )
            if problems:
                raise ValidationError(problems)
        return cleaned


class ExhibitorFormSet(forms.BaseInlineFormSet):
    """Hands the event to each form, and refuses to delete a stand that has booked meetings."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.parent_event = self.instance
        return form

    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            problem = form.instance.pk and services.exhibitor_removal_problem(form.instance)
            if problem:
                raise ValidationError(problem)


class ExhibitorInline(admin.TabularInline):
    model = Exhibitor
    form = ExhibitorAdminForm
    formset = ExhibitorFormSet
    extra = 0
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["offers"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    form = EventAdminForm
    inlines = [ExhibitorInline]
    list_display = ["name", "starts_on", "ends_on", "venue", "slot_minutes", "is_demo"]
    list_filter = ["is_demo"]
    search_fields = ["name", "venue", "organiser"]
    date_hierarchy = "starts_on"


@admin.action(description=_("Hủy các cuộc gặp đã chọn"))
def cancel_meetings(modeladmin, request, queryset):
    cancelled = 0
    for meeting in queryset.filter(status=Meeting.Status.BOOKED):
        try:
            services.meeting_cancel(meeting=meeting, actor=request.user)
        except (PermissionDenied, ValidationError):
            continue
        cancelled += 1
    modeladmin.message_user(request, _("Đã hủy %(count)s cuộc gặp.") % {"count": cancelled}, messages.SUCCESS)


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["starts_at", "event", "exhibitor__organisation", "buyer", "status"]
    list_filter = ["status", "event"]
    search_fields = ["exhibitor__organisation__name", "buyer__username", "buyer__email", "topic"]
    list_select_related = ["event", "exhibitor__organisation", "exhibitor__event", "buyer"]
    date_hierarchy = "starts_at"
    actions = [cancel_meetings]
    readonly_fields = [
        "event",
        "exhibitor",
        "buyer",
        "starts_at",
        "ends_at",
        "topic",
        "status",
        "created_at",
        "cancelled_at",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # bookings go through the booking page, where double booking is refused
