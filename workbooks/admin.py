from django.contrib import admin

from .models import ImportBatch


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["filename", "agency", "uploaded_by", "status", "created_at"]
    list_filter = ["status", "programme"]
    readonly_fields = ["programme", "agency", "uploaded_by", "filename", "status", "payload", "confirmed_at"]
