"""The benchmark data generator keeps working: tiny sizes, exact counts, clean re-runs."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from agencies.models import Agency
from indicators.models import Indicator, Measurement, TargetKind
from programmes.models import KeyTask, KeyTaskLead, KeyTaskUpdate, Programme

TINY = ["--programmes", "2", "--indicators", "4", "--years", "1", "--tasks", "10", "--agencies", "5"]
TINY += ["--updates", "20", "--seed", "1"]


def generate(*extra):
    call_command("generate_city_scale", *TINY, *extra, stdout=StringIO())


def generated_measurements():
    return Measurement.objects.filter(indicator__programme__slug__startswith="city-")


def generated_updates():
    return KeyTaskUpdate.objects.filter(task__programme__slug__startswith="city-")


def snapshot():
    return {
        "programmes": Programme.objects.filter(slug__startswith="city-").count(),
        "agencies": Agency.objects.filter(slug__startswith="bench-").count(),
        "indicators": Indicator.objects.filter(programme__slug__startswith="city-").count(),
        "official": generated_measurements().filter(kind=Measurement.Kind.OFFICIAL).count(),
        "tasks": KeyTask.objects.filter(programme__slug__startswith="city-").count(),
        "updates": generated_updates().count(),
    }


@pytest.mark.django_db
def test_generates_the_requested_sizes():
    generate()

    assert snapshot() == {
        "programmes": 2,
        "agencies": 5,
        "indicators": 4,
        "official": 4 * 12,  # one official figure a month for a one-year period
        "tasks": 10,
        "updates": 20,
    }
    assert generated_measurements().count() >= 48
    assert not generated_measurements().filter(is_illustrative=False).exists()
    assert not generated_updates().filter(is_illustrative=False).exists()
    assert set(generated_measurements().values_list("period_kind", flat=True)) == {"M"}
    assert set(generated_measurements().values_list("period_number", flat=True)) == set(range(1, 13))
    programme = Programme.objects.get(slug="city-01")
    assert (programme.start_year, programme.end_year) == (2025, 2025)
    assert programme.indicators.count() >= Programme.objects.get(slug="city-02").indicators.count()
    assert programme.objectives.exists() and programme.solution_groups.exists()
    generated = {"programme__slug__startswith": "city-"}
    leads = KeyTask.objects.filter(**generated).annotate(n=Count("lead_links")).values_list("n", flat=True)
    assert set(leads) <= {1, 2} and KeyTaskLead.objects.filter(task__programme__slug__startswith="city-").count() >= 10
    kinds = set(Indicator.objects.filter(**generated).values_list("target_kind", flat=True))
    assert kinds <= {TargetKind.FLOOR, TargetKind.CEILING, TargetKind.RANGE, TargetKind.APPROXIMATE, TargetKind.NONE}


@pytest.mark.django_db
def test_a_second_run_replaces_the_first_and_is_deterministic():
    generate()
    first = list(
        generated_measurements().order_by("indicator__code", "year", "period_number", "kind").values_list("value")
    )
    generate()

    assert snapshot()["programmes"] == 2 and snapshot()["updates"] == 20
    again = list(
        generated_measurements().order_by("indicator__code", "year", "period_number", "kind").values_list("value")
    )
    assert again == first


@pytest.mark.django_db
def test_leaves_other_programmes_and_agencies_alone(programme):
    agencies = Agency.objects.exclude(slug__startswith="bench-").count()
    generate()
    call_command("generate_city_scale", "--delete-only", stdout=StringIO())

    assert Programme.objects.filter(pk=programme.pk).exists()
    assert not Programme.objects.filter(slug__startswith="city-").exists()
    assert Agency.objects.count() == agencies
    assert not generated_measurements().exists() and not generated_updates().exists()
