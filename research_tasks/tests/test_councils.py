"""Councils: composition by the rule set in force, conflict warnings and declarations,
blind independent scoring, refused scores, aggregation and the decision."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from research.models import Authorship, Output
from research_tasks import services
from research_tasks.models import Council, Dossier, ResearchTask, ScoreSheet
from research_tasks.selectors import conflict_warnings, council_results, dossier_result

from .conftest import COUNCIL, GOOD


def members(people, spec=COUNCIL):
    return [(people[name], role) for name, role in spec]


def form(flow, spec, meeting):
    return services.council_form(
        task=flow.task,
        actor=flow.secretariat,
        kind="selection",
        name="Hội đồng",
        meeting_date=meeting,
        members=members(flow.people, spec),
    )


@pytest.fixture
def ready(flow):
    """A task with two valid dossiers, the call closed: a council may be formed."""
    flow.calling()
    flow.dossier("an")
    flow.dossier("binh")
    flow.close_call().checked("an", "binh")
    return flow


# Composition ------------------------------------------------------------------------------------


def test_a_council_is_checked_against_the_rule_set_in_force_on_its_meeting_date(ready):
    five = COUNCIL[:5]
    with pytest.raises(ValidationError) as refused:
        form(ready, five, datetime.date(2024, 6, 10))  # Hanoi rules: 7 to 9 members
    assert "từ 7 đến 9 thành viên" in str(refused.value.message_dict["members"])
    council = form(ready, five, datetime.date(2025, 11, 3))  # 2025 law: from 5 members
    assert "93/2025/QH15" in council.ruleset.citation
    ready.task.refresh_from_db()
    assert ready.task.stage == ResearchTask.Stage.EVALUATING


def test_a_council_without_a_chair_or_with_two_secretaries_is_refused(ready):
    spec = [(name, "secretary" if role == "chair" else role) for name, role in COUNCIL]
    with pytest.raises(ValidationError) as refused:
        form(ready, spec, datetime.date(2024, 6, 10))
    text = " ".join(refused.value.message_dict["members"])
    assert "Chủ tịch" in text and "chỉ có một Thư ký" in text
    assert not Council.objects.exists()


def test_the_pi_of_a_dossier_cannot_sit_on_its_council(ready):
    spec = [*COUNCIL[:6], ("an", "member")]
    with pytest.raises(ValidationError, match="Chủ nhiệm"):
        form(ready, spec, datetime.date(2024, 6, 10))


def test_a_council_waits_for_the_close_and_the_check(flow):
    flow.calling()
    flow.dossier("an")
    with pytest.raises(ValidationError):
        form(flow, COUNCIL, datetime.date(2024, 6, 10))


# Conflict warnings ---------------------------------------------------------------------------------


def _coauthor(a, b, year):
    output = Output.objects.create(kind="article", title=f"Bài báo chung {year}", year=year)
    Authorship.objects.create(output=output, researcher=a, position=1)
    Authorship.objects.create(output=output, researcher=b, position=2)


def test_warnings_name_recent_coauthors_shared_tasks_and_the_same_organisation(ready, people, orgs):
    _coauthor(people["pb1"], people["an"], 2021)  # within five years of 2024
    _coauthor(people["pb2"], people["an"], 2015)  # too old to count
    earlier = ResearchTask.objects.create(
        code="NV-2019-009",
        title="Nhiệm vụ cũ",
        objectives="-",
        expected_results="-",
        funding_ceiling=1,
        period_months=12,
        year=2019,
        pi=people["uv1"],
    )
    earlier.team.add(people["binh"])
    people["uv2"].organisation = orgs["vnu"]
    people["uv2"].save()
    found = {
        (w.researcher.pk, w.dossier.pi_id, w.reason)
        for w in conflict_warnings(
            researchers=[people[name] for name, _role in COUNCIL],
            dossiers=Dossier.objects.filter(task=ready.task).select_related("pi"),
            on_date=datetime.date(2024, 6, 10),
            exclude_task_id=ready.task.pk,
        )
    }
    assert found == {
        (people["pb1"].pk, people["an"].pk, "coauthor"),
        (people["uv1"].pk, people["binh"].pk, "shared_task"),
        (people["uv2"].pk, people["binh"].pk, "same_organisation"),
    }


# Declarations and blind scoring -------------------------------------------------------------------


def test_a_member_must_declare_before_scoring_and_only_once(flow):
    flow.evaluating()
    with pytest.raises(ValidationError, match="khai báo"):
        flow.score("chu", "an")
    flow.declare("chu", "an")
    with pytest.raises(ValidationError, match="đã khai báo"):
        flow.declare("chu", "an")


def test_a_conflict_needs_a_note_and_then_bars_scoring(flow):
    flow.evaluating()
    with pytest.raises(ValidationError) as refused:
        services.conflict_declare(
            member=flow.seat("pb1"), dossier=flow.dossiers["an"], actor=flow.people["pb1"].user, has_conflict=True
        )
    assert "note" in refused.value.message_dict
    flow.declare("pb1", "an", conflict=True)
    with pytest.raises(PermissionDenied):
        flow.score("pb1", "an")


def test_another_user_cannot_declare_or_score_for_a_member(flow):
    flow.evaluating()
    with pytest.raises(PermissionDenied):
        services.conflict_declare(
            member=flow.seat("chu"), dossier=flow.dossiers["an"], actor=flow.people["thu"].user, has_conflict=False
        )
    flow.declare("chu", "an")
    with pytest.raises(PermissionDenied):
        services.score_sheet_submit(
            member=flow.seat("chu"), dossier=flow.dossiers["an"], actor=flow.people["an"].user, scores=GOOD
        )


def test_scores_stay_blind_until_every_member_without_a_conflict_has_scored(flow):
    flow.evaluating()
    flow.declare("pb1", "an", conflict=True)
    for name, _role in COUNCIL[:-1]:
        if name != "pb1":
            flow.declare(name, "an")
            flow.score(name, "an")
    result = dossier_result(flow.council, flow.dossiers["an"])
    assert not result.is_open and result.stats == {} and result.rank is None
    assert (result.scored_count, result.expected_count) == (5, 6)
    flow.declare("uv3", "an")
    flow.score("uv3", "an")
    result = dossier_result(flow.council, flow.dossiers["an"])
    assert result.is_open and result.stats["count"] == 6  # the conflicted member is not waited for


@pytest.mark.parametrize(
    ("scores", "field"),
    [
        ({**GOOD, "overview": "13"}, "score-overview"),  # above the maximum of 12
        ({**GOOD, "budget": "-1"}, "score-budget"),
        ({**GOOD, "content": "nhiều"}, "score-content"),
        ({**GOOD, "content": "20.125"}, "score-content"),
        ({k: v for k, v in GOOD.items() if k != "products"}, "score-products"),
    ],
)
def test_a_score_outside_the_scale_is_refused_and_nothing_is_written(flow, scores, field):
    flow.evaluating()
    flow.declare("chu", "an")
    with pytest.raises(ValidationError) as refused:
        flow.score("chu", "an", scores)
    assert field in refused.value.message_dict
    assert not ScoreSheet.objects.exists()


def test_a_zero_on_a_criterion_needs_a_written_reason(flow):
    flow.evaluating()
    flow.declare("chu", "an")
    zero = {**GOOD, "budget": "0"}
    with pytest.raises(ValidationError) as refused:
        flow.score("chu", "an", zero)
    assert "reason-budget" in refused.value.message_dict
    sheet = flow.score("chu", "an", zero, reasons={"budget": "Dự toán không có căn cứ."})
    assert sheet.reasons == {"budget": "Dự toán không có căn cứ."}


def test_a_total_far_from_the_mean_needs_a_written_reason(flow):
    flow.evaluating()  # Hanoi rules: more than 20 points from the mean needs a reason
    for name in ("chu", "thu"):
        flow.declare(name, "an")
        flow.score(name, "an")  # 80 each
    flow.declare("pb1", "an")
    low = {"overview": "6", "content": "14", "products": "10", "application": "7", "capacity": "8", "budget": "5"}
    with pytest.raises(ValidationError) as refused:
        flow.score("pb1", "an", low)  # 50: 30 points below
    assert "deviation_reason" in refused.value.message_dict
    sheet = flow.score("pb1", "an", low, deviation_reason="Phương pháp chưa thuyết phục.")
    assert sheet.total == Decimal(50)


def test_the_aggregate_gives_weighted_totals_spread_and_ranking(flow):
    flow.evaluating()
    low = {"overview": "8", "content": "20", "products": "14", "application": "10", "capacity": "10", "budget": "8"}
    flow.all_score("an")  # 80 from everyone
    flow.all_score("binh", low)  # 70
    first, second = council_results(flow.council)
    assert (first.dossier, first.rank, first.stats["mean"], first.stats["std"]) == (flow.dossiers["an"], 1, 80, 0)
    assert (second.dossier, second.rank, second.stats["mean"], second.passed) == (flow.dossiers["binh"], 2, 70, True)
    assert first.criterion_means["content"] == 22


def test_a_member_cannot_score_twice(flow):
    flow.evaluating()
    flow.declare("chu", "an")
    flow.score("chu", "an")
    with pytest.raises(ValidationError, match="đã nộp"):
        flow.score("chu", "an")


# Decision ------------------------------------------------------------------------------------------


def test_the_decision_waits_for_every_sheet(flow):
    flow.evaluating(pis=("an",))
    flow.all_score("an", skip=("uv3",))
    with pytest.raises(ValidationError, match="Chưa đủ phiếu"):
        services.council_decide(council=flow.council, actor=flow.secretariat)


def test_the_best_passing_dossier_is_selected_and_its_pi_takes_the_task(flow):
    flow.evaluating()
    low = {"overview": "8", "content": "20", "products": "14", "application": "10", "capacity": "10", "budget": "8"}
    flow.all_score("an", low)  # 70
    flow.all_score("binh")  # 80
    council = services.council_decide(council=flow.council, actor=flow.secretariat)
    flow.task.refresh_from_db()
    assert (flow.task.stage, flow.task.pi, flow.task.host.slug) == ("approved", flow.people["binh"], "vnu")
    assert council.status == "decided" and "Trần Thị Bình" in council.conclusion
    statuses = dict(Dossier.objects.values_list("pi__full_name", "status"))
    assert statuses == {"Nguyễn Văn An": "not_selected", "Trần Thị Bình": "selected"}


def test_no_dossier_above_the_threshold_leaves_the_task_without_result(flow):
    flow.evaluating(pis=("an",))
    weak = {"overview": "6", "content": "14", "products": "10", "application": "7", "capacity": "8", "budget": "5"}
    flow.all_score("an", weak)
    services.council_decide(council=flow.council, actor=flow.secretariat)
    flow.task.refresh_from_db()
    assert flow.task.stage == ResearchTask.Stage.NO_RESULT and flow.task.pi is None


def test_an_outlier_scored_early_must_explain_before_the_decision(flow):
    flow.evaluating(pis=("an",))
    low = {"overview": "6", "content": "14", "products": "10", "application": "7", "capacity": "8", "budget": "5"}
    flow.declare("chu", "an")
    early = flow.score("chu", "an", low)  # 50, first to score: nothing to compare with yet
    flow.all_score("an", skip=("chu",))  # everyone else 80: the mean is 75.71
    result = dossier_result(flow.council, flow.dossiers["an"])
    assert [row.member.researcher.full_name for row in result.unexplained] == ["Lê Văn Chủ"]
    with pytest.raises(ValidationError, match="Lê Văn Chủ"):
        services.council_decide(council=flow.council, actor=flow.secretariat)
    with pytest.raises(PermissionDenied):
        services.score_sheet_explain(sheet=early, actor=flow.people["thu"].user, reason="x")
    services.score_sheet_explain(sheet=early, actor=flow.people["chu"].user, reason="Nội dung trùng lặp.")
    assert services.council_decide(council=flow.council, actor=flow.secretariat).status == "decided"
