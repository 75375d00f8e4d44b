from django.contrib import admin

from .models import Agency, AgencyAlias


class AgencyAliasInline(admin.TabularInline):
    model = AgencyAlias
    extra = 0
    fields = ["name"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "slug"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "name_en", "aliases__name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AgencyAliasInline]
