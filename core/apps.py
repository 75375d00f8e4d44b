from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from . import checks  # noqa: F401  (registers the deployment checks)
        from .cache import public_data_changed

        # Any change to what public pages and API reads show invalidates the cached ones (research,
        # research_tasks and exchange connect their own models or call public_data_changed).
        for label in ("agencies", "programmes", "indicators", "reporting", "techmart", "deals"):
            for model in apps.get_app_config(label).get_models():
                post_save.connect(public_data_changed, sender=model, dispatch_uid=f"public-{model._meta.label}")
                post_delete.connect(public_data_changed, sender=model, dispatch_uid=f"public-del-{model._meta.label}")
        m2m_changed.connect(public_data_changed, dispatch_uid="public-m2m")
