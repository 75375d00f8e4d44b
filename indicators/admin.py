from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Indicator, Measurement


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["programme", "code", "name", "target_kind", "target_value", "target_year", "responsible_agency"]
    list_filter = ["programme", "target_kind"]
    search_fields = ["code", "name", "name_en"]
    autocomplete_fields = ["responsible_agency"]


@admin.register(Measurement)
class MeasurementAdmin(SimpleHistoryAdmin):
    """Read-mostly: figures are recorded through the service, which checks the rules."""

    list_display = ["indicator", "year", "period_kind", "period_number", "kind", "value", "is_illustrative"]
    list_filter = ["indicator__programme", "kind", "is_illustrative", "year"]
    readonly_fields = [f.name for f in Measurement._meta.fields]

    def has_add_permission(self, request):
        return False
