from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OaiConfig(AppConfig):
    name = "oai"
    verbose_name = _("Giao diện OAI-PMH")

    def ready(self):
        from django.db.models.signals import post_delete, pre_delete

        from research.models import Output
        from research_tasks.models import ResearchTask

        from . import services

        # Harvesters must learn that a record went away: a tombstone is kept after each
        # deletion. The set memberships are read before the delete, while the links exist.
        for model in (Output, ResearchTask):
            label = model._meta.label
            pre_delete.connect(services.deleted_record_prepare, sender=model, dispatch_uid=f"oai-pre-{label}")
            post_delete.connect(services.deleted_record_keep, sender=model, dispatch_uid=f"oai-del-{label}")
