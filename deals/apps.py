from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DealsConfig(AppConfig):
    name = "deals"
    verbose_name = _("Giao dịch chuyển giao công nghệ")

    def ready(self):
        from . import feeds

        # The deal counts and values this module offers the programme's indicators.
        feeds.register()
