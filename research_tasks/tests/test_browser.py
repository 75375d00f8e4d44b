"""Council scoring in a real browser: a conflict of interest hides the dossier from the member
who declared it, and no member sees another's score until every member without a conflict has scored."""

import pytest
from playwright.sync_api import expect

from .conftest import COUNCIL

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_restored_after_module")]

SCORES = {"overview": "11", "content": "25", "products": "18", "application": "13", "capacity": "13", "budget": "9"}


@pytest.fixture
def rulesets(transactional_db):
    """The shipped rule sets: an earlier browser test may have emptied the tables they live in."""
    from research_tasks.rules import rulesets_load

    rulesets_load()


def test_scoring_with_a_conflict_of_interest_and_blind_scores(page, login, rulesets, flow):
    flow.evaluating(pis=("an",))
    council, dossier = flow.council, flow.dossiers["an"]
    council_url = f"/research-tasks/councils/{council.pk}/"
    dossier_url = f"{council_url}dossiers/{dossier.pk}/"

    # A reviewer co-authored with the PI: they say so before reading, and the dossier disappears for them.
    login(flow.people["pb1"].user)
    page.get_by_role("link", name="Nhiệm vụ KH&CN").first.click()
    page.get_by_role("link", name="Hội đồng", exact=True).click()
    page.get_by_role("link", name=council.name).click()
    page.get_by_role("link", name=dossier.title, exact=True).click()
    expect(page.get_by_role("heading", name="Khai báo xung đột lợi ích")).to_be_visible()
    expect(page.get_by_text("Mô hình thủy văn")).to_have_count(0)  # the content stays hidden until declared
    page.get_by_label("Tôi có xung đột lợi ích").check()
    page.get_by_label("Giải thích (bắt buộc nếu có xung đột)").fill("Đồng tác giả với chủ nhiệm năm 2022.")
    page.get_by_role("button", name="Gửi khai báo").click()
    expect(page.locator(".msg")).to_contain_text("không tham gia đánh giá hồ sơ này")
    expect(page.locator(f"#dossier-{dossier.pk}")).to_have_count(0)
    response = page.goto(dossier_url)
    assert response.status == 403
    expect(page.get_by_text("Mô hình thủy văn")).to_have_count(0)

    # The chair declares no conflict, reads the dossier and scores it.
    login(flow.people["chu"].user)
    page.goto(council_url)
    page.get_by_role("link", name=dossier.title, exact=True).click()
    page.get_by_label("Tôi không có xung đột lợi ích với hồ sơ này").check()
    page.get_by_role("button", name="Gửi khai báo").click()
    expect(page.get_by_text("Mô hình thủy văn đô thị và cảm biến IoT.")).to_be_visible()
    page.get_by_label("Tổng quan tình hình nghiên cứu, tính cấp thiết").fill("13")  # above the maximum of 12
    for key, value in SCORES.items():
        if key != "overview":
            page.locator(f"input[name=score-{key}]").fill(value)
    page.get_by_role("button", name="Nộp phiếu đánh giá").click()
    expect(page.get_by_text("Điểm phải từ 0 đến 12")).to_be_visible()
    page.get_by_label("Tổng quan tình hình nghiên cứu, tính cấp thiết").fill("11")
    page.get_by_role("button", name="Nộp phiếu đánh giá").click()
    expect(page.locator(".msg")).to_contain_text("Đã nộp phiếu đánh giá")
    expect(page.locator(".own-total")).to_have_text("89")

    # Four more members score: the chair still sees only how many have scored, no number.
    others = [name for name, _role in COUNCIL if name not in ("chu", "pb1")]
    for name in others[:-1]:
        flow.declare(name, "an")
        flow.score(name, "an")
    page.reload()
    expect(page.locator(".scores-blind")).to_contain_text("5/6 thành viên đã chấm")
    expect(page.locator(".scores-open")).to_have_count(0)
    expect(page.get_by_role("cell", name="80", exact=True)).to_have_count(0)
    page.goto(council_url)
    expect(page.locator(".scores-blind")).to_contain_text("5/6")

    # The last member without a conflict scores: the aggregate opens to the council.
    flow.declare(others[-1], "an")
    flow.score(others[-1], "an")
    page.goto(dossier_url)
    expect(page.locator(".scores-open")).to_contain_text("Điểm trung bình 81,5")
    expect(page.get_by_role("cell", name="80", exact=True).first).to_be_visible()
    expect(page.get_by_text("Xung đột lợi ích, không chấm")).to_be_visible()
