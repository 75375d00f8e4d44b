from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "exchange"
    verbose_name = _("Sàn giao dịch công nghệ")

    def ready(self):
        from research import search

        # Listings are searched with the research database's search; on PostgreSQL through
        # the full-text index of migration 0002 (the same expression as research's).
        search.FULL_TEXT_KEYS.add(("exchange.Listing", "search_key"))
