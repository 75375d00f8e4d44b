"""Ordering (đặt hàng): agencies propose, the secretariat merges, lists and approves."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from research_tasks import services
from research_tasks.models import OrderCall, OrderProposal, ResearchTask, TaskEvent

NEED = {
    "kind": "topic",
    "field": "Môi trường",
    "objectives": "Mục tiêu.",
    "expected_results": "Kết quả.",
    "funding_ceiling": "1.500,5",
    "period_months": 18,
}


@pytest.fixture
def call(secretariat):
    return services.order_call_open(
        actor=secretariat,
        title="Đặt hàng năm 2025",
        year=2025,
        deadline=timezone.localdate() + datetime.timedelta(days=5),
    )


def propose(call, user, title):
    return services.order_proposal_submit(call=call, actor=user, title=title, **NEED)


def test_an_agency_proposes_a_need_with_a_vietnamese_amount(call, reporter_sokhcn):
    proposal = propose(call, reporter_sokhcn, "Xử lý rác thải nhựa")
    assert proposal.agency == reporter_sokhcn.agency
    assert proposal.funding_ceiling == Decimal("1500.5")


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1.500", "1500"),
        ("12.000", "12000"),
        ("1.500,5", "1500.5"),
        ("1500.5", "1500.5"),
        ("1,5", "1.5"),
        ("1.5", "1.5"),
    ],
)
def test_dots_between_thousands_are_read_as_vietnamese_write_them(client, call, reporter_sokhcn, typed, amount):
    client.force_login(reporter_sokhcn)
    form = {**NEED, "title": "Xử lý rác thải nhựa", "funding_ceiling": typed}
    assert client.post(f"/research-tasks/orders/{call.pk}/propose/", form).status_code == 302
    assert OrderProposal.objects.get().funding_ceiling == Decimal(amount)


def test_a_user_without_an_agency_cannot_propose(call, public):
    with pytest.raises(PermissionDenied):
        propose(call, public, "X")


def test_a_proposal_after_the_deadline_is_refused_and_nothing_is_written(call, reporter_sokhcn):
    OrderCall.objects.filter(pk=call.pk).update(deadline=timezone.localdate() - datetime.timedelta(days=1))
    call.refresh_from_db()
    with pytest.raises(ValidationError, match="hết hạn"):
        propose(call, reporter_sokhcn, "Muộn")
    assert not OrderProposal.objects.exists()


def test_a_proposal_with_a_bad_amount_or_period_is_refused(call, reporter_sokhcn):
    with pytest.raises(ValidationError) as refused:
        services.order_proposal_submit(
            call=call, actor=reporter_sokhcn, title="X", **{**NEED, "funding_ceiling": "abc"}
        )
    assert "funding_ceiling" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.order_proposal_submit(call=call, actor=reporter_sokhcn, title="X", **{**NEED, "period_months": 90})
    assert "period_months" in refused.value.message_dict


def test_merging_duplicates_keeps_a_link_to_the_merged_proposals(call, secretariat, reporter_sokhcn, reporter_other):
    keep = propose(call, reporter_sokhcn, "Cảnh báo ngập úng")
    twin = propose(call, reporter_other, "Cảnh báo ngập lụt đô thị")
    third = propose(call, reporter_other, "Dự báo ngập")
    services.order_proposals_merge(keep=twin, merged=[third], actor=secretariat)
    services.order_proposals_merge(keep=keep, merged=[twin], actor=secretariat)
    assert set(keep.merged.all()) == {twin, third}  # what was merged into twin follows it
    twin.refresh_from_db()
    assert twin.status == OrderProposal.Status.MERGED and twin.merged_into == keep
    item = services.order_list_include(proposal=keep, actor=secretariat, mode="selection")
    assert set(item.proposals.all()) == {keep, twin, third}


def test_approving_the_list_creates_numbered_tasks_and_freezes_the_list(call, secretariat, reporter_sokhcn):
    first = propose(call, reporter_sokhcn, "Một")
    second = propose(call, reporter_sokhcn, "Hai")
    declined = propose(call, reporter_sokhcn, "Ba")
    services.order_list_include(proposal=first, actor=secretariat, mode="selection")
    services.order_list_include(proposal=second, actor=secretariat, mode="direct", title="Hai (sửa tên)")
    tasks = services.order_list_approve(call=call, actor=secretariat, decision="QĐ 01/QĐ-SKHCN")
    assert [(t.code, t.title, t.mode, t.stage) for t in tasks] == [
        ("NV-2025-001", "Một", "selection", "ordered"),
        ("NV-2025-002", "Hai (sửa tên)", "direct", "ordered"),
    ]
    declined.refresh_from_db()
    assert declined.status == OrderProposal.Status.DECLINED
    assert TaskEvent.objects.filter(action="task_ordered").count() == 2
    with pytest.raises(ValidationError, match="đã được phê duyệt"):
        services.order_list_include(proposal=propose_after(call, reporter_sokhcn), actor=secretariat, mode="selection")


def propose_after(call, user):
    return OrderProposal.objects.create(call=call, agency=user.agency, title="Sau", **{**NEED, "funding_ceiling": 1})


def test_an_empty_list_or_a_missing_decision_is_refused(call, secretariat, reporter_sokhcn):
    with pytest.raises(ValidationError, match="chưa có nhiệm vụ"):
        services.order_list_approve(call=call, actor=secretariat, decision="QĐ")
    services.order_list_include(proposal=propose(call, reporter_sokhcn, "Một"), actor=secretariat, mode="selection")
    with pytest.raises(ValidationError) as refused:
        services.order_list_approve(call=call, actor=secretariat, decision=" ")
    assert "decision" in refused.value.message_dict
    assert not ResearchTask.objects.exists()
