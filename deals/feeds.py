"""Offer the exchange's deal figures to the programme's indicators (see indicators.feeds).

No indicator of programme 07-CTr/TU counts technology transfer deals, so these are context
series: the secretariat may attach them to an indicator (Indicator.feed) when one is added.
"""

from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from indicators.feeds import FeedValue, register_feed

FEEDS = {
    "exchange_deals_signed": _("Sàn giao dịch công nghệ: số hợp đồng chuyển giao công nghệ đã ký"),
    "exchange_deal_value": _("Sàn giao dịch công nghệ: giá trị hợp đồng chuyển giao đã ký (triệu đồng)"),
}


def _compute(key: str):
    def compute(year: int) -> FeedValue | None:
        from .selectors import signed_in_year

        figure = signed_in_year(year)
        if not figure["deals"]:
            return None  # nothing signed that year: nothing to offer
        if key == "exchange_deals_signed":
            value = Decimal(figure["deals"])
        else:
            value = (Decimal(figure["value"]) / Decimal(1_000_000)).quantize(Decimal("0.001"))
        return FeedValue(value=value, url=reverse("deals:figures") + f"#year-{year}")

    return compute


def register() -> None:
    for key, label in FEEDS.items():
        register_feed(key, str(label), _compute(key))
