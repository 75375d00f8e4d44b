from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "first_name", "email", "agency", "is_staff", "is_superuser"]
    list_filter = ["is_staff", "is_superuser", "agency__kind"]
    autocomplete_fields = ["agency"]
    fieldsets = [*BaseUserAdmin.fieldsets, (_("Đơn vị báo cáo"), {"fields": ["agency"]})]
