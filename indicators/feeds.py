"""Figures other modules compute from their own records and offer to indicators.

A module registers a feed (a key, a label and a function of the year); an indicator names
the feed it can take figures from. The secretariat sees the computed figure beside the
indicator, with a link to the records it was counted from, and records it if it agrees:
nothing becomes a measurement by itself.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class FeedValue:
    value: Decimal
    url: str  # the list of records the value was counted from
    note: str = ""


@dataclass(frozen=True)
class Feed:
    key: str
    label: str
    compute: Callable[[int], FeedValue | None]


_FEEDS: dict[str, Feed] = {}


def register_feed(key: str, label: str, compute: Callable[[int], FeedValue | None]) -> None:
    _FEEDS[key] = Feed(key, label, compute)


def feed_choices() -> list[tuple[str, str]]:
    return [(feed.key, feed.label) for feed in _FEEDS.values()]


def feed_get(key: str) -> Feed | None:
    return _FEEDS.get(key)


def feed_values(key: str, years) -> list[tuple[int, FeedValue]]:
    feed = _FEEDS.get(key)
    if feed is None:
        return []
    values = [(year, feed.compute(year)) for year in years]
    return [(year, value) for year, value in values if value is not None]
