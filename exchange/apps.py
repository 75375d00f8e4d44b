from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "exchange"
    verbose_name = _("Sàn giao dịch công nghệ")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete

        from core.cache import public_data_changed

        from .models import Listing, keep_mode_masks

        m2m_changed.connect(keep_mode_masks, sender=Listing.transfer_modes.through, dispatch_uid="exchange-mode-masks")
        # A deleted listing leaves no later `updated_at`: the new data version tells the search index.
        post_delete.connect(public_data_changed, sender=Listing, dispatch_uid="exchange-listing-deleted")
