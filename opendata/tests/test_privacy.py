"""Public downloads hold what the public pages show, nothing more."""

import datetime
from decimal import Decimal

import pytest

from .helpers import body

pytestmark = pytest.mark.django_db


def _all_formats(client, dataset) -> str:
    return "".join(
        body(client.get(f"/du-lieu-mo/{dataset}.{fmt}")).decode("utf-8", "replace") for fmt in ("csv", "json")
    )


def test_a_researchers_email_is_not_exported(client, outputs):
    text = _all_formats(client, "research-outputs")
    assert "Nguyễn Văn An" in text
    assert "an.nguyen@hust.edu.vn" not in text


def test_a_contract_of_an_s_and_t_task_is_not_exported(client, research_tasks):
    text = _all_formats(client, "research-tasks")
    assert "01C-2024" in text
    assert "HĐ-BÍ-MẬT-77" not in text and "1234.567" not in text


def test_a_proposal_not_yet_in_an_approved_order_list_is_not_exported(client, research_tasks, reporter_sokhcn):
    from research_tasks.models import OrderCall, OrderProposal

    call = OrderCall.objects.create(title="Đặt hàng 2026", year=2026, deadline=datetime.date(2026, 3, 1))
    OrderProposal.objects.create(
        call=call,
        agency=reporter_sokhcn.agency,
        title="Đề xuất nội bộ chưa duyệt về đô thị thông minh",
        objectives="…",
        expected_results="…",
        funding_ceiling=500,
        period_months=12,
    )
    assert "Đề xuất nội bộ chưa duyệt" not in _all_formats(client, "research-tasks")


def test_a_figure_still_in_a_draft_submission_is_not_exported(client, programme, figures, secretariat, agency):
    """Figures an agency has typed into its report but the secretariat has not approved are
    not measurements yet: the public sees them neither on the indicator page nor in the file."""
    from reporting import services
    from reporting.models import IndicatorReport

    farming = agency("Sở Nông nghiệp và Phát triển nông thôn")
    rnd = services.round_open(
        programme=programme,
        actor=secretariat,
        kind="annual",
        year=2024,
        title="Báo cáo năm 2024",
        cutoff=datetime.date(2024, 12, 15),
        deadline=datetime.date(2024, 12, 31),
        agencies=[farming],
    )
    submission = rnd.submissions.get()
    report = submission.indicator_reports.select_related("indicator").get(indicator__code="CT3")
    data = {
        f"indicator-{report.indicator_id}-value": "88,88",
        f"indicator-{report.indicator_id}-source": "Số nháp nội bộ",
    }
    services.submission_save(submission=submission, actor=secretariat, version=submission.version, data=data)
    assert IndicatorReport.objects.get(pk=report.pk).value == Decimal("88.88")

    text = _all_formats(client, "measurements") + _all_formats(client, "indicators")
    assert "71.5" in text  # the published figure of CT3
    assert "88.88" not in text and "Số nháp nội bộ" not in text
