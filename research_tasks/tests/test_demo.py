"""The demo history: every stage present, made with the services, reloadable."""

import pytest

from research.demo import generate
from research_tasks.demo import clear_research_tasks_demo, load_research_tasks_demo
from research_tasks.models import Acceptance, Council, OrderCall, ResearchTask
from research_tasks.selectors import applied_share, council_results


@pytest.fixture
def research_demo(db):
    generate(seed=1, organisations=8, researchers=60, outputs=300, patents=6)


def test_the_demo_has_a_task_at_every_stage_and_a_walkable_history(research_demo, programme):
    summary = load_research_tasks_demo(seed=1, log=lambda *_: None)
    stages = set(ResearchTask.objects.filter(is_demo=True).values_list("stage", flat=True))
    assert stages == set(ResearchTask.Stage.values)
    assert OrderCall.objects.filter(is_demo=True, year__range=(2021, 2025)).count() == 5
    assert OrderCall.objects.get(year=2027).status == "open"
    grades = set(Acceptance.objects.values_list("grade", flat=True))
    assert grades == {"excellent", "pass", "fail"}
    share = applied_share()
    assert (share["accepted"], share["applied"]) == (4, 3)
    applied = ResearchTask.objects.get(title__startswith="Nghiên cứu hệ thống cảnh báo sớm ngập úng")
    assert sorted(applied.applications.values_list("year", flat=True)) == [2024, 2025, 2026]
    assert applied.outputs.exists() and applied.contract.disbursements.exists()
    running = ResearchTask.objects.get(title__startswith="Ứng dụng trí tuệ nhân tạo điều khiển đèn")
    assert running.contract.inspections.filter(status="planned").exists()
    # The council still scoring keeps its scores blind, and one member declared a conflict.
    evaluating = Council.objects.get(task__stage="evaluating")
    results = council_results(evaluating)
    assert not any(r.is_open for r in results)
    assert any(row.conflict for r in results for row in r.rows)
    assert "93/2025/QH15" in evaluating.ruleset.citation
    assert summary["users"] and all(name.startswith("nkh") for name in summary["users"])


def test_loading_again_replaces_the_demo(research_demo, programme):
    load_research_tasks_demo(seed=1, log=lambda *_: None)
    first = ResearchTask.objects.count()
    load_research_tasks_demo(seed=1, log=lambda *_: None)
    assert ResearchTask.objects.count() == first
    clear_research_tasks_demo()
    assert not ResearchTask.objects.exists() and not OrderCall.objects.exists()


def test_the_demo_makes_its_own_researchers_when_there_are_none(programme):
    load_research_tasks_demo(seed=2, log=lambda *_: None)
    assert ResearchTask.objects.filter(stage="accepted").exists()


def test_loading_the_history_sends_no_notice(research_demo, programme, django_capture_on_commit_callbacks):
    from reporting.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        load_research_tasks_demo(seed=1, log=lambda *_: None)
    assert not Notification.objects.filter(key__startswith="rt-").exists()
