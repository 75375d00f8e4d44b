from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchTasksConfig(AppConfig):
    name = "research_tasks"
    verbose_name = _("Nhiệm vụ KH&CN")
