"""Progress status (Eurostat method) and growth accounting, on plain numbers."""

from decimal import Decimal as D

import pytest

from indicators.calculations import GrowthAccounting, Target, combined_status, progress_status


def status(target, latest, latest_year, baseline=D(46), baseline_year=2020, target_year=2025):
    return progress_status(
        target=target,
        target_year=target_year,
        baseline=baseline,
        baseline_year=baseline_year,
        latest=latest,
        latest_year=latest_year,
    )


ABOVE_50 = Target(kind="floor", direction="increase", value=D(50), strict=True)


def test_a_value_above_a_strict_floor_achieves_it_and_equal_does_not():
    assert status(ABOVE_50, D("50.1"), 2024) == "achieved"
    assert status(ABOVE_50, D(50), 2025) != "achieved"


@pytest.mark.parametrize(
    ("latest", "expected"),
    [(D("49.3"), "substantial"), (D("48.6"), "moderate"), (D("47"), "limited"), (D("45"), "deterioration")],
)
def test_progress_is_judged_against_a_straight_path_to_the_target(latest, expected):
    # baseline 46 (2020) to 50 (2025): by 2024 a straight path reaches 49.2
    assert status(ABOVE_50, latest, 2024) == expected


def test_no_figure_means_no_data():
    assert status(ABOVE_50, None, None) == "no_data"


def test_without_baseline_an_unmet_target_cannot_be_judged():
    assert status(ABOVE_50, D(40), 2024, baseline=None, baseline_year=None) == "no_data"


def test_a_range_is_met_from_its_lower_bound_upwards():
    band = Target(kind="range", direction="increase", value=D("7.0"), upper=D("7.5"))
    assert status(band, D("7.2"), 2024, baseline=D("6.15")) == "achieved"
    assert status(band, D("8.0"), 2024, baseline=D("6.15")) == "achieved"
    assert status(band, D("6.0"), 2024, baseline=D("6.15")) == "deterioration"


def test_an_approximate_target_is_met_within_the_tolerance():
    about_30 = Target(kind="approximate", direction="increase", value=D(30), tolerance=D(2))
    assert status(about_30, D("28.5"), 2025, baseline=D(13), baseline_year=2021) == "achieved"
    assert status(about_30, D("17.34"), 2025, baseline=D("13.5"), baseline_year=2021) == "limited"


def test_a_rank_target_counts_lower_as_better():
    first = Target(kind="ceiling", direction="decrease", value=D(1))
    assert status(first, D(1), 2024, baseline=D(2), baseline_year=2019) == "achieved"
    assert status(first, D(3), 2024, baseline=D(2), baseline_year=2019) == "deterioration"


def test_a_baseline_that_met_the_target_then_lost_it_is_deterioration():
    assert status(ABOVE_50, D(48), 2023, baseline=D(55)) == "deterioration"


def test_a_composite_target_is_as_far_as_its_least_advanced_part():
    assert combined_status(["achieved", "moderate", "no_data"]) == "moderate"
    assert combined_status(["no_data"]) == "no_data"


def test_growth_accounting_gives_the_tfp_share_of_growth():
    accounting = GrowthAccounting(
        grdp_growth=D("6.27"), capital_growth=D("6.8"), labour_growth=D("1.3"), capital_share=D("0.45")
    )
    # 6.27 - 0.45*6.8 - 0.55*1.3 = 2.495; 2.495 / 6.27 = 39.79%
    assert accounting.tfp_growth == D("2.4950")
    assert accounting.tfp_share == D("39.79")
