"""Offer this module's counts to the programme's indicators (see indicators.feeds)."""

from django.utils.translation import gettext_lazy as _

from indicators.feeds import FeedValue, register_feed

FEEDS = {
    "international_publications": _("CSDL KH&CN: công bố quốc tế của các tổ chức trên địa bàn Hà Nội"),
    "patent_filings": _("CSDL KH&CN: đơn sáng chế, giải pháp hữu ích"),
    "applied_share": _("CSDL nhiệm vụ KH&CN: tỷ lệ nhiệm vụ đã nghiệm thu được ứng dụng"),
}


def _compute(key: str):
    def compute(year: int) -> FeedValue | None:
        from .selectors import programme_feed

        figure = programme_feed(year)[key]
        if figure.value is None or (key != "applied_share" and not figure.ids):
            return None  # nothing in the database for that year: nothing to offer
        return FeedValue(value=figure.value, url=figure.url, note=str(figure.note))

    return compute


def register() -> None:
    for key, label in FEEDS.items():
        register_feed(key, str(label), _compute(key))
