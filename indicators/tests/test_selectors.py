"""Pages that list indicators load only recent figures, yet judge progress as the full series does."""

from decimal import Decimal

from indicators.models import Indicator, Measurement
from indicators.selectors import RECENT_PERIODS, programme_indicator_cards, programme_indicator_summaries


def _by_code(summaries):
    found = {}
    for s in summaries:
        found[s.indicator.code] = s
        found.update(_by_code(s.children))
    return found


def test_cards_read_recent_figures_but_keep_the_first_as_baseline(programme):
    ct4 = Indicator.objects.get(programme=programme, code="CT4")  # no stated baseline
    Measurement.objects.bulk_create(
        Measurement(
            indicator=ct4,
            year=2021 + (m - 1) // 12,
            period_kind="M",
            period_number=(m - 1) % 12 + 1,
            value=10 + m / 10,
            source="x",
        )
        for m in range(1, 61)
    )
    card = _by_code(programme_indicator_cards(programme))["CT4"]
    full = _by_code(programme_indicator_summaries(programme))["CT4"]
    assert len(card.series) == RECENT_PERIODS * 2 < len(full.series) == 60
    assert card.baseline == full.baseline and card.baseline[0] == Decimal("10.1")
    assert card.latest.value == full.latest.value and card.status == full.status
