"""One S&T task from the agency's need to the application of its results, in a real browser, by
the people of each role, through the pages only (links, forms, buttons; no address typed).

The only step not taken in the browser is time passing: the selection call's deadline.
Set RT_SCREENSHOTS=<folder> to keep a screenshot of each page of the walk (1280 and 390 wide).
"""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .conftest import PDF

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_restored_after_module")]

TITLE = "Hệ thống cảnh báo sớm ngập úng đô thị cho nội thành Hà Nội"
MEMBERS = [("chu", "Chủ tịch"), ("thu", "Thư ký"), ("pb1", "Phản biện"), ("pb2", "Phản biện"), ("uv1", "Ủy viên")]
SELECTION = {"overview": "10", "content": "23", "products": "17", "application": "12", "capacity": "12", "budget": "8"}
ACCEPTANCE = {"delivery": "33", "quality": "24", "report": "8", "application": "15"}
SHOTS = os.environ.get("RT_SCREENSHOTS")


@pytest.fixture
def rulesets(transactional_db):
    from research_tasks.rules import rulesets_load

    rulesets_load()


@pytest.fixture
def shoot(page):
    """Keep a screenshot of the page at desktop and phone width, when asked to."""

    def take(name):
        if not SHOTS:
            return
        folder = Path(SHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{name}-1280.png"), full_page=True)
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=str(folder / f"{name}-390.png"), full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})

    return take


@pytest.fixture
def sign_in(page, context, login, live_server):
    """Each person signs in through the login form the first time; after that (a member coming
    back to the second council, the PI, the secretariat) the session is set straight away, to
    keep the walk short."""
    from django.conf import settings
    from django.test import Client

    seen = set()

    def enter(user):
        if user.pk not in seen:
            seen.add(user.pk)
            login(user)
            return
        client = Client()
        client.force_login(user)
        context.clear_cookies()
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
        page.goto("/")

    return enter


def _pdf(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(PDF)
    return str(path)


def _module(page, link):
    """From anywhere: the top navigation's S&T tasks, then a link of the module's home page."""
    page.get_by_role("link", name="Nhiệm vụ KH&CN", exact=True).first.click()
    page.get_by_role("link", name=link, exact=True).first.click()


def _score(page, sign_in, person, council_name, dossier_title, scores, *, scored_before, shoot=None):
    sign_in(person.user)
    _module(page, "Hội đồng tôi tham gia")
    page.get_by_role("link", name=council_name).click()
    page.get_by_role("link", name=dossier_title, exact=True).click()
    if shoot:
        shoot("member-declaration")
    page.get_by_label("Tôi không có xung đột lợi ích với hồ sơ này").check()
    page.get_by_role("button", name="Gửi khai báo").click()
    if shoot:
        shoot("member-score-sheet")
    for key, value in scores.items():
        page.locator(f"input[name=score-{key}]").fill(value)
    page.get_by_role("button", name="Nộp phiếu đánh giá").click()
    expect(page.locator(".msg")).to_contain_text("Đã nộp phiếu đánh giá")
    if scored_before < len(MEMBERS) - 1:
        # Blind: the member sees how many have scored, not a single other score.
        expect(page.locator(".scores-blind")).to_contain_text(f"{scored_before + 1}/{len(MEMBERS)} thành viên đã chấm")
        expect(page.locator(".scores-open")).to_have_count(0)


def _form_council(page, kind_button, people, shoot):
    page.get_by_role("link", name=kind_button).click()
    page.get_by_label("Ngày họp").fill(timezone.localdate().isoformat())
    for n, (who, role) in enumerate(MEMBERS, start=1):
        page.get_by_label(f"Thành viên {n}", exact=True).select_option(label=_option(page, n, people[who]))
        page.get_by_label(f"Vai trò của thành viên {n}").select_option(label=role)
    shoot(f"council-form-{kind_button[-10:].replace(' ', '-')}")
    page.get_by_role("button", name="Thành lập hội đồng").click()
    expect(page.locator(".msg")).to_contain_text("Đã thành lập hội đồng")


def _option(page, n, researcher):
    """The label of a researcher's option in the member list (name and organisation)."""
    options = page.get_by_label(f"Thành viên {n}", exact=True).locator("option").all_inner_texts()
    return next(o for o in options if o.startswith(researcher.full_name) or researcher.full_name in o)


def test_one_task_from_order_to_application(
    page, sign_in, shoot, rulesets, secretariat, reporter_sokhcn, people, tmp_path
):
    from research_tasks.models import SelectionCall

    today = timezone.localdate()  # the platform's day (Hà Nội), which the server checks dates against
    pi = people["an"]

    # 1. The secretariat opens an order call.
    sign_in(secretariat)
    _module(page, "Đợt đặt hàng, danh mục")
    page.get_by_label("Tên đợt đặt hàng").fill(f"Đặt hàng nhiệm vụ KH&CN năm {today.year + 1}")
    page.get_by_label("Năm kế hoạch").fill(str(today.year + 1))
    page.get_by_label("Hạn gửi đề xuất").fill((today + datetime.timedelta(days=20)).isoformat())
    page.get_by_role("button", name="Mở đợt đặt hàng").click()
    expect(page.locator(".msg")).to_contain_text("Đã mở đợt đặt hàng")
    shoot("01-order-call-secretariat")

    # 2. An agency proposes its need.
    sign_in(reporter_sokhcn)
    _module(page, "Đề xuất nhiệm vụ đặt hàng →")
    page.get_by_role("link", name=f"Đặt hàng nhiệm vụ KH&CN năm {today.year + 1}").click()
    page.get_by_label("Tên nhiệm vụ đề xuất").fill(TITLE)
    page.get_by_label("Lĩnh vực").fill("Khoa học kỹ thuật và công nghệ")
    page.get_by_label("Mục tiêu").fill("Cảnh báo ngập trước 2 giờ cho 12 quận nội thành.")
    page.get_by_label("Kết quả dự kiến").fill("Hệ thống cảnh báo; quy trình vận hành; 2 bài báo.")
    page.get_by_label("Kinh phí tối đa (triệu đồng)").fill("1.500")
    page.get_by_label("Thời gian thực hiện (tháng)").fill("24")
    page.get_by_role("button", name="Gửi đề xuất").click()
    expect(page.locator(".msg")).to_contain_text("Đã gửi đề xuất đặt hàng")
    expect(page.get_by_role("cell", name=re.compile(TITLE))).to_be_visible()
    shoot("02-order-call-agency")

    # 3. The secretariat lists it for open selection and approves the list: the task exists.
    sign_in(secretariat)
    _module(page, "Đợt đặt hàng, danh mục")
    page.get_by_role("link", name=f"Đặt hàng nhiệm vụ KH&CN năm {today.year + 1}").click()
    page.get_by_label("Phương thức").select_option(label="Tuyển chọn")
    page.get_by_role("button", name="Đưa vào danh mục").click()
    expect(page.locator(".msg")).to_contain_text("Đã đưa đề xuất vào danh mục")
    page.get_by_label("Số quyết định phê duyệt danh mục").fill("QĐ 1234/QĐ-SKHCN")
    page.get_by_role("button", name="Phê duyệt danh mục").click()
    expect(page.locator(".msg")).to_contain_text("các nhiệm vụ được tạo")
    page.get_by_role("link", name=re.compile(f"NV-{today.year + 1}-001")).click()
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    expect(page.get_by_text("1500 triệu đồng")).to_be_visible()  # "1.500" as the agency typed it

    # 4. ... and publishes the selection call from the task's page.
    now = timezone.localtime()
    page.get_by_label("Mở nhận hồ sơ").fill((now - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Hạn nộp hồ sơ").fill((now + datetime.timedelta(days=30)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Đăng thông báo tuyển chọn").click()
    expect(page.locator(".msg")).to_contain_text("Đã đăng thông báo tuyển chọn")
    expect(page.get_by_text("Đang nhận hồ sơ đến")).to_be_visible()  # no council until the call closes
    shoot("03-task-calling")

    # 5. A researcher registers as PI, fills the dossier, attaches the proposal and submits.
    sign_in(pi.user)
    _module(page, "Đăng ký tuyển chọn")
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("button", name="Đăng ký và lập hồ sơ").click()
    expect(page.locator(".msg")).to_contain_text("hãy hoàn thiện và nộp hồ sơ")
    page.get_by_label("Loại tài liệu").select_option(label="Thuyết minh nhiệm vụ")
    page.get_by_label("Tệp").set_input_files(_pdf(tmp_path, "thuyet-minh.pdf"))
    page.get_by_role("button", name="Đính kèm").click()
    expect(page.locator(".msg")).to_contain_text("Đã đính kèm tài liệu")
    page.get_by_label("Tóm tắt").fill("Mô hình thủy văn đô thị kết hợp mạng cảm biến mực nước.")
    page.get_by_label("Nội dung, phương pháp").fill("Mô hình SWMM hiệu chỉnh theo dữ liệu cảm biến IoT.")
    page.get_by_label("Sản phẩm", exact=True).fill("Hệ thống cảnh báo; quy trình vận hành; 2 bài báo quốc tế.")
    page.get_by_label("Kinh phí đề nghị (triệu đồng)").fill("1.450")
    page.get_by_label("Thời gian thực hiện (tháng)").fill("24")
    page.get_by_role("button", name="Lưu và nộp hồ sơ").click()
    expect(page.locator(".msg")).to_contain_text("Đã nộp hồ sơ")
    expect(page.locator(".badge").first).to_have_text("Đã nộp")
    shoot("04-dossier-submitted")

    # Time passes: the call closes.
    SelectionCall.objects.update(closes_at=timezone.now() - datetime.timedelta(minutes=1))

    # 6. The secretariat checks the dossier and forms the selection council.
    sign_in(secretariat)
    _module(page, "Kiểm tra hồ sơ")
    page.get_by_role("link", name=TITLE).click()
    page.get_by_label("Kết quả kiểm tra").select_option(label="Hợp lệ")
    page.get_by_role("button", name="Ghi kết quả kiểm tra").click()
    expect(page.locator(".msg")).to_contain_text("Đã ghi kết quả kiểm tra hồ sơ")
    page.get_by_role("link", name=f"NV-{today.year + 1}-001").click()
    _form_council(page, "Thành lập hội đồng tuyển chọn", people, shoot)
    council_name = f"Hội đồng tuyển chọn NV-{today.year + 1}-001"
    shoot("05-council-formed")

    # 7. Each member declares no conflict, reads and scores; scores stay blind until the last.
    for n, (who, _role) in enumerate(MEMBERS):
        _score(page, sign_in, people[who], council_name, TITLE, SELECTION, scored_before=n, shoot=shoot if n else None)
    expect(page.locator(".scores-open")).to_contain_text("Điểm trung bình 82")
    shoot("06-council-dossier-open")

    # 8. The secretariat records the decision; the PI reads the result.
    sign_in(secretariat)
    _module(page, "Hội đồng")
    page.get_by_role("link", name=council_name).click()
    page.get_by_role("button", name="Ghi kết luận").click()
    expect(page.locator(".review-comment")).to_contain_text(pi.full_name)
    shoot("07-council-decided")

    # 9. ... and signs the contract with its budget by year and item.
    page.get_by_role("link", name="Bước tiếp theo: ký hợp đồng").click()
    page.get_by_role("link", name="Ký hợp đồng").click()
    page.get_by_label("Số hợp đồng").fill(f"07/{today.year}/HĐ-SKHCN")
    page.get_by_label("Tổng kinh phí (triệu đồng)").fill("1.400")
    page.get_by_label(f"Công lao động khoa học {today.year}").fill("400")
    page.get_by_label(f"Thiết bị, máy móc {today.year}").fill("300")
    page.get_by_label(f"Công lao động khoa học {today.year + 1}").fill("500")
    page.get_by_label(f"Chi khác {today.year + 1}").fill("200")
    page.get_by_label("Mốc tiến độ 1").fill("Báo cáo giữa kỳ")
    page.get_by_label("Hạn của mốc 1").fill((today + datetime.timedelta(days=360)).isoformat())
    page.get_by_label("Sản phẩm 1", exact=True).fill("Hệ thống cảnh báo ngập úng")
    page.get_by_label("Số lượng sản phẩm 1").fill("1")
    page.get_by_role("button", name="Ký hợp đồng").click()
    expect(page.locator(".msg")).to_contain_text("Đã ký hợp đồng")
    shoot("08-contract-secretariat")

    # 10. The PI reports progress, delivers the product and opens the acceptance dossier.
    sign_in(pi.user)
    page.get_by_role("link", name="Nhiệm vụ KH&CN", exact=True).first.click()
    shoot("09-home-pi")
    page.get_by_role("link", name=re.compile("Báo cáo tiến độ, giao nộp sản phẩm")).click()
    page.get_by_text("Gửi báo cáo định kỳ").click()
    page.get_by_label("Tính đến ngày").fill(today.isoformat())
    page.get_by_label("Khối lượng hoàn thành (%)").fill("60")
    page.get_by_label("Kết quả đạt được").fill("Đã lắp 40 cảm biến; mô hình hiệu chỉnh cho 6 quận.")
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.locator(".msg")).to_contain_text("Đã gửi báo cáo định kỳ")
    page.get_by_role("button", name="Giao nộp").click()
    expect(page.locator(".msg")).to_contain_text("Đã ghi nhận sản phẩm giao nộp")
    shoot("09-contract-pi")
    page.get_by_role("button", name="Lập hồ sơ nghiệm thu").click()
    page.get_by_label("Loại tài liệu").select_option(label="Báo cáo tổng hợp kết quả")
    page.get_by_label("Tệp").set_input_files(_pdf(tmp_path, "bao-cao-tong-hop.pdf"))
    page.get_by_role("button", name="Đính kèm").click()
    page.get_by_label("Tóm tắt").fill("Hệ thống vận hành thử tại 12 quận, cảnh báo trước 2 giờ.")
    page.get_by_label("Nội dung, phương pháp").fill("Như thuyết minh đã duyệt.")
    page.get_by_label("Sản phẩm", exact=True).fill("Hệ thống cảnh báo; quy trình; 2 bài báo.")
    page.get_by_role("button", name="Lưu và nộp hồ sơ").click()
    expect(page.locator(".msg")).to_contain_text("Đã nộp hồ sơ")

    # 11. The secretariat checks it and forms the acceptance council; the members grade.
    sign_in(secretariat)
    _module(page, "Kiểm tra hồ sơ")
    page.get_by_role("row", name=re.compile("Hồ sơ đánh giá nghiệm thu")).get_by_role("link", name=TITLE).click()
    page.get_by_label("Kết quả kiểm tra").select_option(label="Hợp lệ")
    page.get_by_role("button", name="Ghi kết quả kiểm tra").click()
    page.get_by_role("link", name=f"NV-{today.year + 1}-001").click()
    _form_council(page, "Thành lập hội đồng nghiệm thu", people, shoot)
    acceptance_council = f"Hội đồng đánh giá nghiệm thu NV-{today.year + 1}-001"
    for n, (who, _role) in enumerate(MEMBERS):
        _score(page, sign_in, people[who], acceptance_council, TITLE, ACCEPTANCE, scored_before=n)
    sign_in(secretariat)
    _module(page, "Hội đồng")
    page.get_by_role("link", name=acceptance_council).click()
    page.get_by_role("button", name="Ghi kết luận").click()
    expect(page.locator(".review-comment")).to_contain_text("Xếp loại: Đạt")
    page.get_by_role("link", name="Về trang nhiệm vụ").click()
    expect(page.get_by_text("Đã nghiệm thu").first).to_be_visible()
    shoot("10-task-accepted")

    # 12. The PI records the first application of the results.
    sign_in(pi.user)
    page.get_by_role("link", name="Nhiệm vụ KH&CN", exact=True).first.click()
    page.get_by_role("link", name=re.compile("Ghi nhận ứng dụng kết quả")).click()
    page.get_by_text("Ghi nhận ứng dụng kết quả", exact=True).click()
    page.get_by_label("Đơn vị ứng dụng").fill("Công ty TNHH MTV Thoát nước Hà Nội")
    page.get_by_label("Địa điểm").fill("12 quận nội thành")
    page.get_by_label("Hiệu quả").fill("Cảnh báo sớm 2 giờ; giảm 30% thời gian ứng phó.")
    page.get_by_label("Năm").fill(str(today.year))
    page.get_by_role("button", name="Ghi nhận", exact=True).click()
    expect(page.locator(".msg")).to_contain_text("Đã ghi nhận ứng dụng kết quả")
    expect(page.get_by_role("cell", name=re.compile("Thoát nước Hà Nội"))).to_be_visible()
    shoot("11-task-applied")
    if SHOTS:  # the module's other pages, for the screenshots only
        for link in ("Danh sách nhiệm vụ", "Thông báo tuyển chọn", "Quy định đánh giá", "Số liệu cho chương trình"):
            page.locator("nav.crumbs").get_by_role("link", name=link, exact=True).click()
            shoot(f"12-{link.replace(' ', '-')}")
        sign_in(secretariat)
        page.get_by_role("link", name="Nhiệm vụ KH&CN", exact=True).first.click()
        shoot("12-home-secretariat")
