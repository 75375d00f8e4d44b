"""The reporting benchmark's data generator, at tiny sizes, so it cannot rot."""

from io import StringIO

import pytest
from django.core.management import call_command

from accounts.models import User
from agencies.models import Agency
from indicators.models import Indicator, Measurement
from programmes.models import KeyTask, KeyTaskUpdate, Programme
from reporting.models import ReportingRound, RoundSnapshot, Submission

pytestmark = pytest.mark.django_db

SIZES = ["--agencies", "6", "--report-agencies", "3", "--years", "2", "--tasks", "7", "--indicators", "11"]


def generate(*extra) -> str:
    out = StringIO()
    call_command("generate_reporting_scale", *SIZES, "--end-year", "2025", *extra, stdout=out)
    return out.getvalue()


def content():
    """What the generator made, in a form that compares across runs (no primary keys)."""
    tasks = list(KeyTask.objects.filter(programme__slug="bench-reporting").values_list("number", "title", "status"))
    figures = list(
        Measurement.objects.filter(indicator__programme__slug="bench-reporting")
        .order_by("indicator__code", "year")
        .values_list("indicator__code", "year", "value")
    )
    states = list(
        Submission.objects.filter(round__programme__slug="bench-reporting")
        .order_by("round__kind", "agency__slug")
        .values_list("round__kind", "agency__slug", "status")
    )
    return tasks, figures, states


def test_generates_the_requested_sizes_through_the_services(programme):
    seed_tasks = programme.key_tasks.count()
    generate()

    bench = Programme.objects.get(slug="bench-reporting")
    assert (bench.start_year, bench.end_year) == (2024, 2025)
    assert Agency.objects.filter(slug__startswith="bench-rep-").count() == 6
    assert KeyTask.objects.filter(programme=bench).count() == 7
    assert Indicator.objects.filter(programme=bench).count() == 11
    assert Indicator.objects.filter(programme=bench, parent__isnull=False).count() == 1  # the 10th: context
    # the tasks and indicators are spread over the 3 report agencies only
    leads = Agency.objects.filter(led_tasks__programme=bench).distinct()
    responsible = Agency.objects.filter(indicators__programme=bench).distinct()
    assert {a.slug for a in leads} == {a.slug for a in responsible} == {f"bench-rep-00{i}" for i in (1, 2, 3)}
    secretariat = User.objects.get(username="bench-rep-thuky")
    assert list(bench.secretariat.all()) == [secretariat]
    assert User.objects.filter(username__startswith="bench-rep-", agency__isnull=False).count() == 6

    rounds = list(ReportingRound.objects.filter(programme=bench).order_by("cutoff", "id"))
    assert [(r.kind, r.year, r.status) for r in rounds] == [
        ("annual", 2024, "closed"),
        ("annual", 2025, "closed"),
        ("final", 2025, "closed"),
        ("half_year", 2025, "open"),
    ]
    for rnd in rounds[:3]:
        assert rnd.submissions.count() == 3
        assert not rnd.submissions.exclude(status=Submission.Status.APPROVED).exists()
        assert RoundSnapshot.objects.filter(round=rnd).exists()
    final = rounds[2].snapshot.data
    assert (len(final["tasks"]), len(final["indicators"]), len(final["agencies"])) == (7, 11, 3)
    assert final["previous"]["title"] == "Kiểm tra, đánh giá kết quả năm 2025"
    assert rounds[3].submissions.count() == 6
    # approved figures became official: one a year per indicator; each lead reported each task in each round
    assert Measurement.objects.filter(indicator__programme=bench, period_kind="Y", kind="official").count() == 22
    lead_links = sum(t.lead_links.count() for t in KeyTask.objects.filter(programme=bench))
    assert KeyTaskUpdate.objects.filter(task__programme=bench).count() == 3 * lead_links
    assert programme.key_tasks.count() == seed_tasks  # the seed programme is untouched


def test_is_deterministic_and_safe_to_rerun(programme):
    generate()
    first = content()
    output = generate()
    assert "Removed earlier generated data: 1 programme, 4 rounds, 11 indicators, 7 tasks, 6 agencies" in output
    assert content() == first
    assert Programme.objects.filter(slug="bench-reporting").count() == 1
    assert Agency.objects.filter(slug__startswith="bench-rep-").count() == 6

    bench = Programme.objects.get(slug="bench-reporting")
    indicators = list(Indicator.objects.filter(programme=bench).values_list("pk", flat=True))
    assert Measurement.history.filter(indicator_id__in=indicators).exists()
    generate("--delete-only")
    assert not Programme.objects.filter(slug="bench-reporting").exists()
    assert not Agency.objects.filter(slug__startswith="bench-rep-").exists()
    assert not User.objects.filter(username__startswith="bench-rep-").exists()
    # history rows of what was generated go too
    assert not KeyTask.history.filter(programme_id=bench.pk).exists()
    assert not Measurement.history.filter(indicator_id__in=indicators).exists()
    assert Programme.objects.filter(pk=programme.pk).exists()
