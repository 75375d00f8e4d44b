from django.contrib import admin

from .models import ImportBatch, Organisation, Output, Researcher


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "in_hanoi", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["short_name"]}


@admin.register(Researcher)
class ResearcherAdmin(admin.ModelAdmin):
    list_display = ["full_name", "title", "organisation", "orcid", "user", "is_demo"]
    list_filter = ["is_demo", "organisation"]
    search_fields = ["full_name", "orcid", "search_key"]
    raw_id_fields = ["user"]


@admin.register(Output)
class OutputAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "year", "doi", "is_demo"]
    list_filter = ["kind", "is_demo", "is_international"]
    search_fields = ["title", "doi", "search_key"]
    raw_id_fields = ["created_by", "import_batch"]
    filter_horizontal = ["organisations"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["filename", "format", "status", "created_by", "created_count", "created_at"]
    list_filter = ["status", "format"]
    exclude = ["payload"]
    readonly_fields = ["created_by", "researcher", "organisation", "format", "filename", "status", "created_count"]
