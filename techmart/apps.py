from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TechmartConfig(AppConfig):
    name = "techmart"
    verbose_name = _("Chợ công nghệ (Techmart)")
