from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchTasksConfig(AppConfig):
    name = "research_tasks"
    verbose_name = _("Nhiệm vụ KH&CN")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from core.cache import public_data_changed

        from . import feeds, models, search

        # The counts this module offers the programme's indicators (indicators.feeds).
        feeds.register()
        # Public tasks on the research search page (research.search).
        search.register()

        # Public pages (tasks, calls, rules, the programme feed) are cached for anonymous
        # readers (core.cache); a change to what they show drops them.
        public = (
            models.RuleSet,
            models.ResearchTask,
            models.SelectionCall,
            models.Council,
            models.Contract,
            models.Acceptance,
            models.Application,
        )
        for model in public:
            post_save.connect(public_data_changed, sender=model, dispatch_uid=f"public-{model._meta.label}")
            post_delete.connect(public_data_changed, sender=model, dispatch_uid=f"public-del-{model._meta.label}")
