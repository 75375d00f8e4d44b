from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    name = "research"
    verbose_name = _("Cơ sở dữ liệu KH&CN")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from core.cache import public_data_changed

        from .models import Organisation, Output, Researcher

        # Public research pages are cached (core.cache); a change to what they show drops them.
        # Bulk writes send no signal: their services call public_data_changed() themselves.
        # Authorships change only together with their output (see services), which signals.
        for model in (Organisation, Researcher, Output):
            post_save.connect(public_data_changed, sender=model, dispatch_uid=f"public-{model._meta.label}")
            post_delete.connect(public_data_changed, sender=model, dispatch_uid=f"public-del-{model._meta.label}")
