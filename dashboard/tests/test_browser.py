"""The dashboard as a person sees it: a real Chromium against a live server.

Run alone with `pytest -m browser`; skip with `-m "not browser"`.
"""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from indicators.models import Indicator, Measurement
from indicators.services import measurement_record
from programmes.models import KeyTask, KeyTaskUpdate

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_restored_after_module")]

OVERVIEW = "/p/07-ctr-tu/"
CT5 = "/p/07-ctr-tu/indicators/CT5/"
CODES = ["CT1", "CT2", "CT3", "CT4", "CT5", "CT6", "CT7", "ĐT"]
TITLE_VI = (
    "Đẩy mạnh phát triển khoa học, công nghệ và đổi mới sáng tạo trên địa bàn thành phố Hà Nội giai đoạn 2021 - 2025"
)
TITLE_EN = "Accelerating science, technology and innovation in Hanoi, 2021-2025"


def _ct5_measurements():
    return Measurement.objects.filter(indicator__code="CT5", indicator__programme__slug="07-ctr-tu")


def _open_measurement_form(page):
    page.locator("summary", has_text="Nhập số liệu").click()
    form = page.locator("#measurement-form form")
    expect(form).to_be_visible()
    return form


def _submit(page, form):
    """Submit a form and return the response to its POST (before any redirect)."""
    with page.expect_response(lambda r: r.request.method == "POST") as response:
        form.get_by_role("button", name="Ghi nhận").click()
    page.wait_for_load_state()
    return response.value


def _input(form, label):
    """The input labelled `label` (a required field's label ends with an aria-hidden "*")."""
    return form.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def _field(form, field_id):
    """The form row (label, input, errors) that holds the input with this id."""
    return form.locator(f".field:has(#{field_id})")


@pytest.mark.usefixtures("english_served")
def test_public_dashboard_shows_the_seed_programme_in_vietnamese(page, programme, secretariat):
    ct2 = Indicator.objects.get(programme=programme, code="CT2")
    measurement_record(indicator=ct2, actor=secretariat, year=2024, value="7.5", source="Cục Thống kê")

    response = page.goto(OVERVIEW)
    assert response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("h1")).to_have_text(TITLE_VI)

    cards = page.locator("article.indicator-card")
    expect(cards).to_have_count(8)
    assert [cards.nth(i).get_attribute("data-code") for i in range(8)] == CODES
    expect(cards.locator(".card-head .code")).to_have_text(CODES)

    # The figure recorded above, with the Vietnamese decimal comma.
    ct2_card = page.locator('article.indicator-card[data-code="CT2"]')
    expect(ct2_card.locator(".latest .value")).to_have_text("7,5%/năm")
    expect(ct2_card.locator(".target")).to_contain_text("7,0 – 7,5%/năm")

    # Every one of the 12 key tasks is counted once in the status bars.
    counts = page.locator(".status-bars .bar-num").all_inner_texts()
    assert sum(int(n) for n in counts) == 12
    expect(page.locator(".tile", has_text="nhiệm vụ trọng tâm").locator(".tile-num")).to_have_text("12")

    timeline = page.locator("ol.timeline")
    mid_term = timeline.locator("li.milestone.ms-mid_term_review")
    expect(mid_term.locator(".ms-year")).to_have_text("2023")
    expect(mid_term.locator(".ms-kind")).to_have_text("Sơ kết giữa nhiệm kỳ")
    final = timeline.locator("li.milestone.ms-final_review")
    expect(final.locator(".ms-year")).to_have_text("2025")
    expect(final.locator(".ms-kind")).to_have_text("Tổng kết")

    # A card leads to the indicator's page, where Chart.js draws the figures.
    ct2_card.locator(".card-head a.code").click()
    expect(page).to_have_url(re.compile(r"/p/07-ctr-tu/indicators/CT2/$"))
    expect(page.locator("h1")).to_have_text("Tốc độ tăng năng suất lao động")
    canvas = page.locator('canvas[data-chart="CT2"]')
    expect(canvas).to_be_visible()
    page.wait_for_function("c => window.Chart && Chart.getChart(c) !== undefined", arg=canvas.element_handle())
    expect(page.locator("table.measurements tbody tr", has_text="2024")).to_contain_text("7,5%/năm")

    page.get_by_role("link", name="Nhiệm vụ", exact=True).click()
    expect(page).to_have_url(re.compile(r"/p/07-ctr-tu/tasks/$"))
    expect(page.locator("tr.task-row")).to_have_count(12)

    # The language switch: English for this reader from now on.
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(r"/p/07-ctr-tu/tasks/$"))
    page.goto(OVERVIEW)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(TITLE_EN)
    expect(page.locator('article.indicator-card[data-code="CT2"] h3')).to_have_text("Labour productivity growth")
    expect(page.get_by_role("link", name="Tiếng Việt")).to_be_visible()
    expect(page.locator(".subbar nav").get_by_role("link", name="Indicators", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Indicators", exact=True)).to_be_visible()
    expect(page.locator(".hero .eyebrow")).to_have_text(re.compile(r"^Programme No\. 07-CTr/TU of "))
    expect(page.locator('article.indicator-card[data-code="CT2"] .latest .value')).to_have_text(re.compile(r"^7\.5\b"))


def test_reporter_logs_in_and_records_a_measurement(page, login, programme, reporter_sokhcn):
    login(reporter_sokhcn)
    page.goto(CT5)
    form = _open_measurement_form(page)
    _input(form, "Năm").fill("2024")
    _input(form, "Giá trị").fill("45,5")
    _input(form, "Nguồn").fill("Điều tra đổi mới sáng tạo trong doanh nghiệp 2024")

    response = _submit(page, form)
    assert response.status == 302

    expect(page).to_have_url(re.compile(r"/p/07-ctr-tu/indicators/CT5/$"))
    expect(page.locator(".msg-success")).to_have_text("Đã ghi nhận số liệu.")
    own_figures = page.locator("section.card", has=page.get_by_role("heading", name="Số liệu", exact=True))
    row = own_figures.locator("table.measurements tbody tr", has_text="2024")
    expect(row).to_have_count(1)
    expect(row.locator("td.num")).to_have_text("45,5%")
    expect(row).to_contain_text("Điều tra đổi mới sáng tạo trong doanh nghiệp 2024")

    measurement = _ct5_measurements().get()
    assert (measurement.year, measurement.period_number, measurement.kind) == (2024, 0, "official")
    assert measurement.value == Decimal("45.5")
    assert measurement.recorded_by == reporter_sokhcn


def test_reporter_of_another_agency_is_refused(page, context, login, programme, reporter_other):
    login(reporter_other)
    response = page.goto(CT5)
    assert response.status == 200
    expect(page.locator("h1")).to_have_text("Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo")
    expect(page.locator("summary", has_text="Nhập số liệu")).to_have_count(0)
    expect(page.locator("#measurement-form")).to_have_count(0)

    # Posting anyway, with a valid CSRF token and session: refused by the permission check.
    token = next(c["value"] for c in context.cookies() if c["name"] == "csrftoken")
    refused = context.request.post(
        CT5 + "measurements/",
        form={
            "year": "2024",
            "period_kind": "annual",
            "period_number": "0",
            "kind": "official",
            "value": "45,5",
            "source": "x",
        },
        headers={"X-CSRFToken": token},
        max_redirects=0,
    )
    assert refused.status == 403
    assert "Không có quyền thực hiện thao tác này" in refused.text()
    assert not _ct5_measurements().exists()


def test_bad_value_shows_a_vietnamese_error_and_writes_nothing(page, login, programme, reporter_sokhcn):
    login(reporter_sokhcn)
    page.goto(CT5)
    form = _open_measurement_form(page)
    _input(form, "Năm").fill("2024")
    _input(form, "Giá trị").fill("abc")
    _input(form, "Nguồn").fill("Điều tra")

    response = _submit(page, form)
    assert response.status == 400
    form = page.locator("#measurement-form form")
    expect(form).to_be_visible()  # the form comes back open, with what was typed
    value_field = _field(form, "id_value")
    expect(value_field).to_have_class(re.compile(r"\bhas-error\b"))
    expect(value_field.locator(".field-error")).to_have_text("Giá trị phải là một số (ví dụ 7,5).")
    expect(value_field.locator("input")).to_have_value("abc")
    expect(page.locator(".msg-success")).to_have_count(0)
    assert not _ct5_measurements().exists()

    # A valid figure for a year outside the programme's 2021-2025.
    _input(form, "Năm").fill("2020")
    _input(form, "Giá trị").fill("45,5")
    response = _submit(page, form)
    assert response.status == 400
    form = page.locator("#measurement-form form")
    year_field = _field(form, "id_year")
    expect(year_field.locator(".field-error")).to_have_text(
        "Năm 2020 nằm ngoài thời gian của chương trình (2021 - 2025)."
    )
    expect(_field(form, "id_value").locator(".field-error")).to_have_count(0)
    assert not _ct5_measurements().exists()


def test_task_update_by_lead_agency_reporter(page, login, programme, reporter_sokhcn, reporter_other):
    task_url = "/p/07-ctr-tu/tasks/1/"
    login(reporter_sokhcn)
    page.goto(task_url)
    page.locator("summary", has_text="Cập nhật tiến độ").click()
    form = page.locator("#update-form form")
    expect(form).to_be_visible()
    _input(form, "Trạng thái").select_option(label="Đang triển khai")
    _input(form, "Tiến độ (%)").fill("40")
    _input(form, "Nội dung cập nhật").fill("Đã trình dự thảo Chiến lược lên UBND Thành phố.")

    response = _submit(page, form)
    assert response.status == 302
    expect(page).to_have_url(re.compile(r"/p/07-ctr-tu/tasks/1/$"))
    expect(page.locator(".msg-success")).to_have_text("Đã ghi nhận cập nhật tiến độ.")
    expect(page.locator("article.card .card-head .tstatus")).to_have_text("Đang triển khai")
    expect(page.locator("article.card .facts")).to_contain_text("40%")

    update = page.locator("ol.updates li.update")
    expect(update).to_have_count(1)
    expect(update).to_contain_text("Đang triển khai")
    expect(update).to_contain_text("40%")
    expect(update).to_contain_text("Đã trình dự thảo Chiến lược lên UBND Thành phố.")
    expect(update).to_contain_text("reporter_sokhcn")

    history = page.locator("section.card", has=page.get_by_role("heading", name="Lịch sử thay đổi")).locator("tbody tr")
    entry = history.filter(has_text="reporter_sokhcn")
    expect(entry).to_have_count(1)
    expect(entry).to_contain_text("Cập nhật tiến độ")
    expect(entry).to_contain_text("Đang triển khai")
    expect(entry.locator("td.num")).to_have_text("40%")

    task = KeyTask.objects.get(programme=programme, number=1)
    assert (task.status, task.progress) == ("in_progress", 40)
    assert KeyTaskUpdate.objects.get(task=task).author == reporter_sokhcn

    # Sở Nội vụ does not lead task 1: its reporter reads the task and its update, but gets no form.
    page.get_by_role("button", name=re.compile(r"Đăng xuất \(reporter_sokhcn\)")).click()
    expect(page.get_by_role("link", name="Đăng nhập")).to_be_visible()
    login(reporter_other)
    page.goto(task_url)
    expect(page.locator("h1")).to_contain_text("Chiến lược phát triển khoa học")
    expect(page.locator("ol.updates li.update")).to_have_count(1)
    expect(page.locator("#update-form")).to_have_count(0)
    expect(page.locator("summary", has_text="Cập nhật tiến độ")).to_have_count(0)


@pytest.mark.usefixtures("english_served")
@pytest.mark.parametrize("language", ["vi", "en"])
def test_overview_fits_a_phone(page, programme, language):
    # English headings are longer: a table in a grid column once widened the page to 415 px.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/lang/{language}/?next={OVERVIEW}")
    cards = page.locator("article.indicator-card")
    expect(cards).to_have_count(8)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 390 + 1, f"the overview scrolls sideways on a phone: {scroll_width}px wide"
    for i in range(8):
        card = cards.nth(i)
        card.scroll_into_view_if_needed()
        expect(card).to_be_visible()
        expect(card).to_be_in_viewport()
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1, (CODES[i], box)


@pytest.mark.usefixtures("english_served")
def test_agency_directory_fits_a_phone_in_english(page, programme):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/lang/en/?next=/agencies/")
    expect(page.locator("h1")).to_have_text("Directory of agencies")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 390 + 1, f"the agency directory scrolls sideways on a phone: {scroll_width}px wide"
