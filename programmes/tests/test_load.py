"""The programme as data: complete, exact to the source text, loaded idempotently."""

import re
from pathlib import Path

import pytest

from agencies.models import Agency
from indicators.models import Indicator
from programmes.models import (
    AssessmentParagraph,
    BaselineFact,
    Footnote,
    ImplementingBody,
    KeyTask,
    Milestone,
    RoadmapPhase,
    SolutionGroup,
    SolutionParagraph,
)
from programmes.services import programme_load

SOURCE = Path(__file__).resolve().parents[1] / "data" / "programme-07-ctr-tu.source.md"
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _plain(text: str) -> str:
    """The source text without markdown emphasis, footnote markup or page-break blank lines."""
    text = re.sub(r"<sup>(\d+)</sup>", r"\1", text).replace("\\*", "*")
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w])\*(.+?)\*", r"\1", text)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def source_text():
    return _plain(SOURCE.read_text(encoding="utf-8"))


def _in_source(text: str, source: str) -> bool:
    return " ".join(text.translate(SUPERSCRIPTS).split()) in source


def test_the_programme_has_every_part_of_the_seed(programme):
    assert programme.code == "07-CTr/TU"
    assert (programme.start_year, programme.end_year) == (2021, 2025)
    assert programme.objectives.count() == 5
    assert programme.requirements.count() == 4
    assert SolutionGroup.objects.filter(programme=programme).count() == 6
    assert ImplementingBody.objects.filter(programme=programme).count() == 7
    assert RoadmapPhase.objects.filter(programme=programme).count() == 3
    assert Footnote.objects.filter(programme=programme).count() == 7
    assert KeyTask.objects.filter(programme=programme).count() == 12
    assert AssessmentParagraph.objects.filter(programme=programme, section="results").count() == 9


def test_the_seven_indicators_and_the_investment_target_are_there(programme):
    top = Indicator.objects.filter(programme=programme, parent=None).order_by("order")
    assert [i.code for i in top] == ["CT1", "CT2", "CT3", "CT4", "CT5", "CT6", "CT7", "ĐT"]
    investment = top.get(code="ĐT")
    assert "trên 1,0% GRDP" in investment.source_text
    assert investment.target_value == 1 and investment.target_strict


def test_targets_of_each_kind_are_measurable(programme):
    by_code = {i.code: i for i in Indicator.objects.filter(programme=programme)}
    assert (by_code["CT1"].target_kind, by_code["CT1"].target_value, by_code["CT1"].target_strict) == (
        "floor",
        50,
        True,
    )
    assert (by_code["CT2"].target_kind, by_code["CT2"].target_value, by_code["CT2"].target_upper) == ("range", 7, 7.5)
    assert by_code["CT4"].target_kind == "approximate" and by_code["CT4"].tolerance == 2
    assert by_code["CT6"].target_kind == "floor" and not by_code["CT6"].target_strict  # "tối thiểu 40%"
    assert by_code["CT7"].target_kind == "rank"
    ranks = by_code["CT7"].children.exclude(target_kind="none")
    assert {c.code for c in ranks} == {"CT7.1", "CT7.2"}
    assert all(c.direction == "decrease" for c in ranks)


def test_every_text_is_copied_verbatim_from_the_source(programme, source_text):
    texts = [programme.general_objective, programme.preamble]
    texts += list(programme.objectives.values_list("text", flat=True))
    texts += [t for r in programme.requirements.values_list("text", flat=True) for t in r.split("\n\n")]
    texts += list(SolutionParagraph.objects.filter(group__programme=programme).values_list("text", flat=True))
    texts += list(AssessmentParagraph.objects.filter(programme=programme).values_list("text", flat=True))
    texts += list(Footnote.objects.filter(programme=programme).values_list("text", flat=True))
    texts += list(SolutionGroup.objects.filter(programme=programme).values_list("title", flat=True))
    texts += [
        t
        for b in ImplementingBody.objects.filter(programme=programme)
        for t in [b.title, *b.responsibilities.split("\n\n")]
    ]
    texts += list(RoadmapPhase.objects.filter(programme=programme).values_list("text", flat=True))
    texts += list(KeyTask.objects.filter(programme=programme).exclude(number=8).values_list("title", flat=True))
    texts += [
        i.source_text.removeprefix("Phấn đấu đến năm 2025, ")
        for i in Indicator.objects.filter(programme=programme).exclude(source_text="")
    ]
    missing = [t[:80] for t in texts if not _in_source(t, source_text)]
    assert missing == []


def test_task_eight_split_by_a_page_break_is_one_task(programme):
    task = KeyTask.objects.get(programme=programme, number=8)
    assert task.title.startswith(
        "Chương trình hỗ trợ doanh nghiệp đổi mới sáng tạo, đổi mới, ứng dụng và chuyển giao công nghệ, chuyển đổi số,"
    )
    assert task.title.endswith("nhãn hiệu sản phẩm chủ lực.")
    coordinators = [link.agency.name for link in task.coordinator_links.all()]
    assert coordinators == ["Các sở, ban, ngành liên quan của Thành phố", "Một số tập đoàn, doanh nghiệp trên địa bàn"]
    assert [link.agency.name for link in task.lead_links.all()] == ["Ban cán sự đảng UBND Thành phố", "Sở Công Thương"]


def test_tasks_with_two_lead_agencies_keep_both_in_order(programme):
    two_leads = [t.number for t in KeyTask.objects.filter(programme=programme) if t.lead_links.count() == 2]
    assert two_leads == [1, 2, 3, 4, 5, 7, 8, 9, 12]
    task1 = KeyTask.objects.get(programme=programme, number=1)
    assert (task1.start_year, task1.end_year) == (2021, 2030)


def test_an_agency_is_one_record_whichever_task_names_it(programme):
    dost = Agency.objects.filter(name="Sở Khoa học và Công nghệ")
    assert dost.count() == 1
    assert sorted(dost.get().led_tasks.values_list("number", flat=True)) == [1, 2]
    assert sorted(dost.get().coordinated_tasks.values_list("number", flat=True)) == [5, 6, 9, 12]
    youth_union = Agency.objects.find("Thành đoàn Hà Nội")
    assert youth_union == Agency.objects.find("Thành Đoàn Hà Nội")
    assert youth_union.led_tasks.count() == 1 and youth_union.coordinated_tasks.count() == 1
    assert Agency.objects.find("Sở KH&CN") == dost.get()


def test_roadmap_has_annual_checks_a_mid_term_and_a_final_review(programme):
    kinds = list(Milestone.objects.filter(programme=programme).values_list("year", "kind"))
    assert [y for y, k in kinds if k == "annual_review"] == [2021, 2022, 2023, 2024]
    assert (2023, "mid_term_review") in kinds and (2025, "final_review") in kinds


def test_baselines_of_part_one_keep_their_footnotes(programme):
    facts = {f.label: f for f in BaselineFact.objects.filter(programme=programme).select_related("footnote")}
    publications = facts["Công bố khoa học quốc tế (đứng thứ hai cả nước)"]
    assert (publications.value, publications.footnote.number) == (4782, 7)
    assert facts["Tỷ lệ nhiệm vụ sau khi nghiệm thu đã được ứng dụng vào thực tiễn"].value == 85


def test_loading_twice_changes_nothing(programme, programme_data):
    from indicators.services import indicators_load

    before = (
        Agency.objects.count(),
        KeyTask.objects.count(),
        Indicator.objects.count(),
        SolutionParagraph.objects.count(),
    )
    programme_load(data=programme_data)
    indicators_load(programme=programme, definitions=programme_data["indicators"])
    after = (
        Agency.objects.count(),
        KeyTask.objects.count(),
        Indicator.objects.count(),
        SolutionParagraph.objects.count(),
    )
    assert before == after


def test_loading_again_keeps_recorded_progress(programme, programme_data, secretariat):
    task = KeyTask.objects.get(programme=programme, number=3)
    task.status, task.progress = "in_progress", 40
    task.save()
    programme_load(data=programme_data)
    task.refresh_from_db()
    assert (task.status, task.progress) == ("in_progress", 40)


def test_milestone_titles_are_complete_sentences(programme):
    titles = list(Milestone.objects.filter(programme=programme).values_list("title", flat=True))
    assert "Phổ biến, quán triệt Chương trình; xây dựng Kế hoạch tổ chức thực hiện" in titles
    assert "Kiểm tra, đánh giá kết quả thực hiện năm 2021" in titles
    launch, annual = Milestone.objects.filter(programme=programme, year=2021)
    assert (launch.kind, annual.kind) == ("launch", "annual_review")
