"""Versioned rules: the rule set in force on a date, its checks, and the scoring arithmetic."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from research_tasks.models import RuleSet
from research_tasks.rules import grade_for, ruleset_in_force, ruleset_problems, spread, weighted_total


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("day", "citation"),
    [
        (datetime.date(2019, 5, 1), "Thông tư 08/2017/TT-BKHCN"),
        (datetime.date(2021, 4, 10), "Thông tư 08/2017/TT-BKHCN"),
        (datetime.date(2021, 4, 11), "QĐ 05/2021/QĐ-UBND"),
        (datetime.date(2025, 9, 30), "QĐ 05/2021/QĐ-UBND"),
        (datetime.date(2025, 10, 1), "93/2025/QH15"),
    ],
)
def test_the_rule_set_in_force_is_the_latest_effective_on_the_date(day, citation):
    assert citation in ruleset_in_force(day).citation


@pytest.mark.django_db
def test_a_date_before_any_rule_set_is_refused_with_a_message():
    with pytest.raises(ValidationError) as refused:
        ruleset_in_force(datetime.date(2010, 1, 1))
    assert "meeting_date" in refused.value.message_dict


@pytest.mark.django_db
def test_the_shipped_rule_sets_are_sound_and_their_sheets_total_100():
    for ruleset in RuleSet.objects.all():
        assert ruleset_problems(ruleset) == {}
        for sheet in (ruleset.criteria, ruleset.acceptance_criteria):
            assert sum(c["max_score"] for c in sheet) == 100


@pytest.mark.django_db
def test_an_unsound_rule_set_is_refused_field_by_field():
    ruleset = RuleSet.objects.first()
    ruleset.council_min_members = 11
    ruleset.criteria = [{"key": "a", "label": "A", "max_score": 0, "weight": 1}]
    ruleset.grades = {"excellent": "60", "pass": "70"}
    with pytest.raises(ValidationError) as refused:
        ruleset.full_clean()
    assert {"council_max_members", "criteria", "grades"} <= set(refused.value.message_dict)


@pytest.mark.django_db
def test_a_weighted_total_is_brought_to_the_scale():
    ruleset = RuleSet.objects.first()
    sheet = [
        {"key": "a", "label": "A", "weight": 2, "max_score": 10},
        {"key": "b", "label": "B", "weight": 1, "max_score": 20},
    ]
    # (2·5 + 1·20) / (2·10 + 1·20) × 100 = 75
    assert weighted_total(ruleset, sheet, {"a": "5", "b": "20"}) == Decimal("75.00")


def test_the_spread_gives_mean_min_max_and_population_deviation():
    stats = spread([Decimal(70), Decimal(80), Decimal(90)])
    assert (stats["mean"], stats["min"], stats["max"], stats["std"]) == (80, 70, 90, Decimal("8.16"))


@pytest.mark.django_db
def test_grades_follow_the_thresholds_and_an_undelivered_product_fails():
    ruleset = ruleset_in_force(datetime.date(2024, 1, 1))  # Xuất sắc from 85
    assert grade_for(ruleset, Decimal(86)) == "excellent"
    assert grade_for(ruleset, Decimal(70)) == "pass"
    assert grade_for(ruleset, Decimal("69.99")) == "fail"
    assert grade_for(ruleset, Decimal(95), all_products_delivered=False) == "fail"


@pytest.mark.django_db
def test_loading_the_shipped_rule_sets_again_keeps_the_secretariats_edits():
    from research_tasks.rules import rulesets_load

    RuleSet.objects.filter(effective_from=datetime.date(2021, 4, 11)).update(max_deviation=25)
    RuleSet.objects.filter(effective_from=datetime.date(2025, 10, 1)).delete()
    assert rulesets_load() == 1
    assert RuleSet.objects.get(effective_from=datetime.date(2021, 4, 11)).max_deviation == 25
    assert RuleSet.objects.count() == 3


@pytest.mark.django_db
def test_migration_0004_moves_the_hanoi_rule_set_to_the_day_it_came_into_force():
    """A database loaded before the correction: the Hà Nội set moves to 11/04/2021, keeping its edits."""
    import importlib

    from django.apps import apps

    fix = importlib.import_module("research_tasks.migrations.0004_hanoi_ruleset_in_force")
    hanoi = RuleSet.objects.get(effective_from=datetime.date(2021, 4, 11))
    RuleSet.objects.filter(pk=hanoi.pk).update(
        effective_from=datetime.date(2021, 3, 1),
        citation="QĐ 05/2021/QĐ-UBND; Luật KH&CN 2013, Điều 37",
        max_deviation=25,
    )
    fix.forward(apps, None)
    hanoi.refresh_from_db()
    assert hanoi.effective_from == datetime.date(2021, 4, 11)
    assert hanoi.citation.startswith("QĐ 05/2021/QĐ-UBND ngày 01/4/2021")
    assert hanoi.max_deviation == 25
    assert "Hà Nội" not in ruleset_in_force(datetime.date(2021, 3, 20)).citation
