"""Acceptance (nghiệm thu), registered results, applications and the programme feed."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from research.models import Authorship, Organisation, Output
from research_tasks import services
from research_tasks.models import Acceptance, ResearchTask
from research_tasks.selectors import applications_due, applied_share, programme_feed

from .conftest import ACCEPT_GOOD, pdf


def test_an_acceptance_council_grades_the_task_by_the_rule_set_of_its_date(flow):
    flow.accepted()  # meeting 15/07/2026: the 2025 law, Xuất sắc from 85
    acceptance = Acceptance.objects.get()
    assert acceptance.mean_score == Decimal(85) and acceptance.grade == "excellent"
    assert "93/2025/QH15" in acceptance.ruleset.citation
    assert flow.task.stage == ResearchTask.Stage.ACCEPTED


def test_a_product_not_delivered_fails_the_acceptance(flow):
    flow.contracted()
    pi = flow.people["an"].user
    first = flow.contract.products.first()
    services.product_deliver(product=first, actor=pi, delivered_on=datetime.date(2026, 5, 1))
    dossier = services.acceptance_dossier_open(task=flow.task, actor=pi)
    services.dossier_update(dossier=dossier, actor=pi, summary="S", approach="A", products="P")
    services.dossier_attach(dossier=dossier, actor=pi, kind="final_report", file=pdf("bao-cao.pdf"))
    services.dossier_submit(dossier=dossier, actor=pi)
    services.dossier_check(dossier=dossier, actor=flow.secretariat, valid=True)
    flow.task.refresh_from_db()
    assert flow.task.stage == ResearchTask.Stage.IN_ACCEPTANCE
    flow.council = services.council_form(
        task=flow.task,
        actor=flow.secretariat,
        kind="acceptance",
        name="Hội đồng nghiệm thu",
        meeting_date=datetime.date(2026, 7, 15),
        members=[(flow.people[n], r) for n, r in [("chu", "chair"), ("thu", "secretary"), ("pb1", "reviewer"), ("pb2", "reviewer"), ("uv1", "member")]],
    )  # fmt: skip
    flow.dossiers["an"] = dossier
    for name in ("chu", "thu", "pb1", "pb2", "uv1"):
        flow.declare(name, "an")
        flow.score(name, "an", ACCEPT_GOOD)
    services.council_decide(council=flow.council, actor=flow.secretariat)
    acceptance = Acceptance.objects.get()
    assert acceptance.grade == "fail" and "chưa giao nộp" in acceptance.note
    flow.task.refresh_from_db()
    assert flow.task.stage == ResearchTask.Stage.NOT_ACCEPTED


def test_applications_are_only_for_accepted_tasks_and_within_the_years(flow):
    flow.contracted()
    with pytest.raises(ValidationError, match="nghiệm thu đạt"):
        services.application_record(
            task=flow.task, actor=flow.secretariat, applied_by="Sở Xây dựng", place="Hà Nội", effect="-", year=2026
        )


def test_results_are_registered_and_applications_followed(flow):
    flow.accepted()
    output = Output.objects.create(kind="article", title="Flood warning", year=2025, is_international=True)
    Authorship.objects.create(output=output, researcher=flow.people["an"], position=1)
    services.task_output_link(task=flow.task, actor=flow.people["an"].user, output=output)
    with pytest.raises(ValidationError) as refused:
        services.task_output_link(task=flow.task, actor=flow.people["an"].user, output=output)
    assert "output" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.application_record(
            task=flow.task, actor=flow.secretariat, applied_by="Sở Xây dựng", place="Hà Nội", effect="-", year=2030
        )
    assert "year" in refused.value.message_dict
    assert list(applications_due(2027)) == [flow.task]
    services.application_record(
        task=flow.task,
        actor=flow.people["an"].user,
        applied_by="Công ty Thoát nước Hà Nội",
        place="Quận Hoàn Kiếm",
        effect="Cảnh báo ngập trước 2 giờ tại 15 điểm.",
        year=2026,
    )
    assert applied_share(until_year=2026) == {
        "accepted_ids": [flow.task.pk],
        "applied_ids": [flow.task.pk],
        "accepted": 1,
        "applied": 1,
        "share": Decimal("100.0"),
    }
    assert applied_share(until_year=2025)["accepted"] == 0


def test_the_programme_feed_counts_with_the_records_it_came_from(flow, orgs):
    flow.accepted()
    hanoi, hue = orgs["hust"], orgs["hue"]
    counted = Output.objects.create(kind="article", title="A", year=2025, is_international=True)
    counted.organisations.add(hanoi, hue)
    elsewhere = Output.objects.create(kind="article", title="B", year=2025, is_international=True)
    elsewhere.organisations.add(hue)
    Output.objects.create(kind="article", title="C", year=2025, is_international=False).organisations.add(hanoi)
    patent = Output.objects.create(kind="patent", title="P", year=2025)
    utility = Output.objects.create(kind="utility_solution", title="U", year=2025)
    Output.objects.create(kind="patent", title="P2", year=2024)
    feed = programme_feed(2025)
    assert (feed["international_publications"].value, feed["international_publications"].ids) == (1, [counted.pk])
    assert feed["patent_filings"].ids == [patent.pk, utility.pk]
    assert set(feed["patent_filings"].queryset) == {patent, utility}
    assert feed["patent_filings"].url == "/research-tasks/feed/patent_filings/2025/"
    assert programme_feed(2026)["applied_share"].value == Decimal("0.0")  # accepted in 2026, not yet applied
    assert programme_feed(2025)["applied_share"].value is None  # nothing accepted by then
    assert Organisation.objects.filter(in_hanoi=False).count() == 1
