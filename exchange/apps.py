from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "exchange"
    verbose_name = _("Sàn giao dịch công nghệ")

    def ready(self):
        from django.db.models.signals import m2m_changed

        from .models import Listing, keep_mode_masks

        m2m_changed.connect(keep_mode_masks, sender=Listing.transfer_modes.through, dispatch_uid="exchange-mode-masks")
