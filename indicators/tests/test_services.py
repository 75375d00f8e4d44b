"""Recording figures: rules checked, nothing written when a rule is broken."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from indicators.models import Indicator, Measurement
from indicators.services import (
    indicator_override_status,
    measurement_record,
    measurement_record_growth_accounting,
)


@pytest.fixture
def ct5(programme):
    return Indicator.objects.get(programme=programme, code="CT5")


def record(indicator, actor, **kwargs):
    defaults = {"year": 2024, "value": "45,5", "source": "Điều tra ĐMST 2024"}
    return measurement_record(indicator=indicator, actor=actor, **{**defaults, **kwargs})


def test_a_vietnamese_decimal_comma_is_read_as_a_decimal(ct5, reporter_sokhcn):
    assert record(ct5, reporter_sokhcn).value == Decimal("45.5")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"value": "bốn mươi"}, "value"),
        ({"value": "NaN"}, "value"),
        ({"value": "120"}, "value"),
        ({"value": "-3"}, "value"),
        ({"year": 2019}, "year"),
        ({"year": 2026}, "year"),
        ({"source": "  "}, "source"),
        ({"period_kind": "Q", "period_number": 5}, "period_number"),
    ],
)
def test_bad_input_is_refused_with_a_field_error_and_nothing_written(ct5, reporter_sokhcn, kwargs, field):
    with pytest.raises(ValidationError) as error:
        record(ct5, reporter_sokhcn, **kwargs)
    assert field in error.value.message_dict
    assert not Measurement.objects.exists()


def test_a_period_that_already_has_a_figure_is_refused(ct5, reporter_sokhcn):
    record(ct5, reporter_sokhcn)
    with pytest.raises(ValidationError) as error:
        record(ct5, reporter_sokhcn, value="46")
    assert "year" in error.value.message_dict
    assert Measurement.objects.get().value == Decimal("45.5")


def test_a_period_that_has_not_started_is_refused(ct5, reporter_sokhcn, settings, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(2024, 6, 30))
    with pytest.raises(ValidationError):
        record(ct5, reporter_sokhcn, year=2025)


def test_the_official_figure_is_kept_beside_the_provisional_one(ct5, reporter_sokhcn):
    record(ct5, reporter_sokhcn, kind="provisional", value="44", published_on=datetime.date(2024, 12, 20))
    record(ct5, reporter_sokhcn, kind="official", value="45,2", published_on=datetime.date(2025, 6, 1))
    figures = {m.kind: m for m in Measurement.objects.filter(indicator=ct5, year=2024)}
    assert figures["provisional"].value == Decimal("44") and figures["official"].value == Decimal("45.2")
    assert figures["provisional"].published_on < figures["official"].published_on


def test_a_provisional_figure_after_the_official_one_is_refused(ct5, reporter_sokhcn):
    record(ct5, reporter_sokhcn, kind="official")
    with pytest.raises(ValidationError):
        record(ct5, reporter_sokhcn, kind="provisional", value="40")
    assert Measurement.objects.count() == 1


def test_a_rank_target_is_measured_only_through_its_parts(programme, secretariat):
    ct7 = Indicator.objects.get(programme=programme, code="CT7")
    with pytest.raises(ValidationError):
        measurement_record(indicator=ct7, actor=secretariat, year=2024, value="1", source="x")


def test_recording_keeps_who_did_it_in_the_history(ct5, reporter_sokhcn):
    measurement = record(ct5, reporter_sokhcn)
    entry = measurement.history.get()
    assert entry.history_user == reporter_sokhcn
    assert measurement.recorded_by == reporter_sokhcn


def test_tfp_share_is_computed_by_growth_accounting(programme, reporter_skhdt):
    ct1 = Indicator.objects.get(programme=programme, code="CT1")
    measurement = measurement_record_growth_accounting(
        indicator=ct1,
        actor=reporter_skhdt,
        year=2023,
        grdp_growth="6,27",
        capital_growth="6,8",
        labour_growth="1,3",
        capital_share="0,45",
        source="Cục Thống kê",
    )
    assert measurement.value == Decimal("39.79")
    assert measurement.inputs["capital_share"] == "0.45"


@pytest.mark.parametrize(("field", "value"), [("capital_share", "1.5"), ("grdp_growth", "0")])
def test_growth_accounting_refuses_impossible_inputs(programme, reporter_skhdt, field, value):
    ct1 = Indicator.objects.get(programme=programme, code="CT1")
    inputs = {"grdp_growth": "6", "capital_growth": "5", "labour_growth": "1", "capital_share": "0.4", field: value}
    with pytest.raises(ValidationError) as error:
        measurement_record_growth_accounting(indicator=ct1, actor=reporter_skhdt, year=2023, source="x", **inputs)
    assert field in error.value.message_dict
    assert not Measurement.objects.exists()


def test_an_override_needs_a_reason_and_records_who(ct5, secretariat):
    with pytest.raises(ValidationError):
        indicator_override_status(indicator=ct5, actor=secretariat, status="achieved", reason="")
    indicator_override_status(indicator=ct5, actor=secretariat, status="achieved", reason="Theo điều tra 2025")
    ct5.refresh_from_db()
    assert (ct5.status_override, ct5.status_override_by) == ("achieved", secretariat)
    assert ct5.history.first().history_change_reason == "Theo điều tra 2025"


@pytest.mark.parametrize("value", ["1e-30", "1e30", "99999999999"])
def test_numbers_beyond_what_a_figure_can_hold_are_refused(ct5, reporter_sokhcn, value):
    with pytest.raises(ValidationError):
        record(ct5, reporter_sokhcn, value=value)
    assert not Measurement.objects.exists()


def test_a_vanishing_grdp_growth_is_refused_in_growth_accounting(programme, reporter_skhdt):
    ct1 = Indicator.objects.get(programme=programme, code="CT1")
    inputs = {"grdp_growth": "1e-30", "capital_growth": "5", "labour_growth": "1", "capital_share": "0.4"}
    with pytest.raises(ValidationError):
        measurement_record_growth_accounting(indicator=ct1, actor=reporter_skhdt, year=2023, source="x", **inputs)


def test_an_estimate_for_the_current_year_is_accepted_once_the_year_has_begun(ct5, reporter_sokhcn, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(2025, 3, 1))
    assert record(ct5, reporter_sokhcn, year=2025, kind="provisional").year == 2025
