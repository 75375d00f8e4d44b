from django.contrib import admin

from .models import DeletedRecord


@admin.register(DeletedRecord)
class DeletedRecordAdmin(admin.ModelAdmin):
    list_display = ["kind", "object_id", "deleted_at", "set_specs"]
    list_filter = ["kind"]
    search_fields = ["object_id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
