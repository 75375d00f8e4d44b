"""Contract and execution: budget lines that add up, reports, inspections, changes, payments."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from research_tasks import services
from research_tasks.models import BudgetLine, ChangeRequest, Contract, ResearchTask
from research_tasks.selectors import budget_table, contract_get

SIGNING = {
    "number": "02/2024/HĐ",
    "signed_on": datetime.date(2024, 7, 1),
    "start_date": datetime.date(2024, 7, 1),
    "end_date": datetime.date(2025, 12, 31),
    "milestones": [],
    "products": [{"name": "Báo cáo tổng hợp"}],
}


def test_a_contract_starts_the_execution_with_its_budget_by_year_and_item(flow):
    flow.contracted()
    assert flow.task.stage == ResearchTask.Stage.IN_PROGRESS
    table = budget_table(contract_get(flow.contract.pk))
    assert table.years == [2024, 2025, 2026] and table.total == Decimal(1200)
    assert table.year_totals == [Decimal(600), Decimal(400), Decimal(200)]
    assert [p.name for p in flow.contract.products.all()] == ["Hệ thống cảnh báo ngập úng", "Bài báo quốc tế"]


def test_budget_items_that_do_not_add_up_to_the_total_are_refused(flow):
    flow.approved()
    with pytest.raises(ValidationError) as refused:
        services.contract_sign(
            task=flow.task,
            actor=flow.secretariat,
            total_budget="1000",
            lines={(2024, "labour"): "600", (2025, "other"): "300,5"},
            **SIGNING,
        )
    assert "900,5" in refused.value.message_dict["lines"][0] and "1000" in refused.value.message_dict["lines"][0]
    assert not Contract.objects.exists() and not BudgetLine.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"total_budget": "1600", "lines": {(2024, "labour"): "1600"}}, "total_budget"),  # above the ceiling
        ({"total_budget": "100", "lines": {(2030, "labour"): "100"}}, "lines"),  # a year outside the contract
        ({"total_budget": "100", "lines": {(2024, "labour"): "-100"}}, "budget-2024-labour"),
        ({"total_budget": "100", "lines": {(2024, "labour"): "100"}, "products": []}, "products"),
        (
            {"total_budget": "100", "lines": {(2024, "labour"): "100"}, "end_date": datetime.date(2024, 1, 1)},
            "end_date",
        ),
    ],
)
def test_a_bad_contract_is_refused_with_the_field_named(flow, changes, field):
    flow.approved()
    with pytest.raises(ValidationError) as refused:
        services.contract_sign(task=flow.task, actor=flow.secretariat, **{**SIGNING, **changes})
    assert field in refused.value.message_dict
    assert not Contract.objects.exists()


def test_a_task_not_approved_gets_no_contract(flow):
    flow.ordered()
    with pytest.raises(ValidationError):
        services.contract_sign(
            task=flow.task, actor=flow.secretariat, total_budget="100", lines={(2024, "labour"): "100"}, **SIGNING
        )


def test_disbursements_never_exceed_the_budget_of_their_year(flow):
    flow.contracted()
    services.disbursement_record(
        contract=flow.contract, actor=flow.secretariat, paid_on=datetime.date(2024, 8, 1), year=2024, amount="500"
    )
    with pytest.raises(ValidationError) as refused:
        services.disbursement_record(
            contract=flow.contract, actor=flow.secretariat, paid_on=datetime.date(2024, 9, 1), year=2024, amount="101"
        )
    assert "amount" in refused.value.message_dict
    assert budget_table(contract_get(flow.contract.pk)).disbursed == Decimal(500)


def test_progress_reports_and_inspections_are_recorded(flow):
    flow.contracted()
    pi = flow.people["an"].user
    report = services.progress_report_submit(
        contract=flow.contract, actor=pi, period_end=datetime.date(2024, 12, 31), progress=30, summary="Khảo sát xong."
    )
    assert report.progress == 30
    with pytest.raises(ValidationError):
        services.progress_report_submit(
            contract=flow.contract, actor=pi, period_end=datetime.date(2025, 6, 30), progress=130, summary="x"
        )
    inspection = services.inspection_record(
        contract=flow.contract,
        actor=flow.secretariat,
        held_on=datetime.date(2025, 3, 1),
        findings="Đúng kế hoạch.",
        conclusion="on_track",
    )
    assert inspection.get_conclusion_display() == "Đúng tiến độ"


def test_an_approved_extension_moves_the_end_date(flow):
    flow.contracted()
    change = services.change_request_submit(
        contract=flow.contract,
        actor=flow.people["an"].user,
        kind="extension",
        reason="Chậm nhập thiết bị.",
        new_end_date=datetime.date(2026, 12, 31),
    )
    with pytest.raises(ValidationError, match="chờ xem xét"):
        services.change_request_submit(
            contract=flow.contract, actor=flow.people["an"].user, kind="extension", reason="Lần nữa",
            new_end_date=datetime.date(2027, 1, 31),
        )  # fmt: skip
    services.change_request_decide(change=change, actor=flow.secretariat, approve=True)
    flow.contract.refresh_from_db()
    assert flow.contract.end_date == datetime.date(2026, 12, 31)


def test_a_budget_adjustment_keeps_the_total_and_replaces_the_lines_once_approved(flow):
    flow.contracted()
    pi = flow.people["an"].user
    with pytest.raises(ValidationError) as refused:
        services.change_request_submit(
            contract=flow.contract, actor=pi, kind="budget", reason="Đổi thiết bị", new_lines={"2024:labour": "1000"}
        )
    assert "lines" in refused.value.message_dict
    change = services.change_request_submit(
        contract=flow.contract,
        actor=pi,
        kind="budget",
        reason="Chuyển kinh phí thiết bị sang thuê khoán.",
        new_lines={"2024:labour": "600", "2025:labour": "400", "2026:other": "200"},
    )
    with pytest.raises(ValidationError) as refused:
        services.change_request_decide(change=change, actor=flow.secretariat, approve=False)
    assert "note" in refused.value.message_dict
    services.change_request_decide(change=change, actor=flow.secretariat, approve=True)
    assert ChangeRequest.objects.get().status == "approved"
    assert not flow.contract.budget_lines.filter(item="equipment").exists()
    assert sum(flow.contract.budget_lines.values_list("amount", flat=True)) == Decimal(1200)


def test_a_budget_adjustment_cannot_go_below_what_was_paid(flow):
    flow.contracted()
    services.disbursement_record(
        contract=flow.contract, actor=flow.secretariat, paid_on=datetime.date(2024, 8, 1), year=2024, amount="600"
    )
    with pytest.raises(ValidationError, match="thấp hơn số đã cấp"):
        services.change_request_submit(
            contract=flow.contract,
            actor=flow.people["an"].user,
            kind="budget",
            reason="Dồn sang năm sau",
            new_lines={"2024:labour": "100", "2025:labour": "900", "2026:other": "200"},
        )
