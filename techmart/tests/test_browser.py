"""A buyer books a B2B meeting in the htmx grid, the slot shows as taken to others, and
cancelling frees it. Screenshots of every Techmart page go to $SCREENSHOT_DIR when set."""

import pytest
from playwright.sync_api import expect

from deals.tests.screens import shoot

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_restored_after_module")]


def test_a_buyer_books_a_meeting_and_the_slot_is_taken_for_others(page, login, event, stand, member_other, outsider):
    page.goto("/techmart/")
    shoot(page, "techmart-events")
    page.get_by_role("link", name="Techmart Hà Nội 2026").click()
    expect(page.get_by_text("Công nghệ xử lý nước thải sinh hoạt bằng màng lọc MBR")).to_be_visible()
    shoot(page, "techmart-event")

    login(member_other)
    page.goto(f"/techmart/{event.pk}/lich-gap/")
    page.get_by_role("button", name="Đặt gặp Trường Đại học Bách khoa Hà Nội lúc 09:00").click()
    expect(page.locator("td.mine")).to_contain_text("Lịch của bạn")
    shoot(page, "techmart-booking")
    page.goto("/techmart/cuoc-gap/")
    expect(page.locator("tbody")).to_contain_text("10/12/2026 09:00")
    shoot(page, "techmart-mine")

    login(outsider)
    page.goto(f"/techmart/{event.pk}/lich-gap/")
    expect(page.locator("td.taken")).to_have_count(1)
    expect(page.get_by_role("button", name="Đặt gặp Trường Đại học Bách khoa Hà Nội lúc 09:00")).to_have_count(0)

    login(member_other)
    page.goto(f"/techmart/{event.pk}/lich-gap/")
    page.locator("td.mine").get_by_role("button", name="Hủy").click()
    expect(page.locator("td.mine")).to_have_count(0)
    expect(page.get_by_role("button", name="Đặt gặp Trường Đại học Bách khoa Hà Nội lúc 09:00")).to_be_visible()


def test_a_moderator_runs_an_event_and_a_buyer_books_a_slot_on_it(page, login, moderator, published, member_other):
    login(moderator)
    page.goto("/techmart/")
    shoot(page, "techmart-events-moderator")
    page.get_by_role("link", name="Tạo sự kiện mới").click()
    page.get_by_label("Tên sự kiện").fill("Techmart Công nghệ xanh 2027")
    page.get_by_label("Ngày bắt đầu").fill("2027-03-15")
    page.get_by_label("Ngày kết thúc").fill("2027-03-16")
    page.get_by_label("Địa điểm").fill("Trung tâm Hội nghị Quốc gia")
    page.get_by_label("Đơn vị tổ chức").fill("Sở Khoa học và Công nghệ Hà Nội")
    page.get_by_label("Giờ kết thúc gặp gỡ").fill("08:00")
    shoot(page, "techmart-event-new")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("#f-day_end")).to_contain_text("phải sau giờ bắt đầu gặp gỡ")
    shoot(page, "techmart-event-new-error")
    page.get_by_label("Giờ kết thúc gặp gỡ").fill("11:00")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("heading", name="Techmart Công nghệ xanh 2027")).to_be_visible()

    page.get_by_role("link", name="Thêm đơn vị trưng bày").click()
    shoot(page, "techmart-exhibitor-add-empty")
    page.get_by_label("Tổ chức trưng bày").select_option(label="Trường Đại học Bách khoa Hà Nội")
    offer = page.get_by_label("Công nghệ xử lý nước thải sinh hoạt bằng màng lọc MBR")
    offer.check()  # listed by htmx once the organisation is chosen
    page.get_by_label("Gian hàng").fill("B01")
    shoot(page, "techmart-exhibitor-add")
    page.get_by_role("button", name="Thêm đơn vị").click()
    expect(page.get_by_text("Đã thêm Trường Đại học Bách khoa Hà Nội.")).to_be_visible()
    expect(page.get_by_role("link", name="Công nghệ xử lý nước thải sinh hoạt bằng màng lọc MBR")).to_be_visible()
    shoot(page, "techmart-event-moderator")

    login(member_other)
    page.goto("/techmart/")
    page.get_by_role("link", name="Techmart Công nghệ xanh 2027").click()
    expect(page.get_by_role("link", name="Sửa sự kiện")).to_have_count(0)
    page.get_by_role("link", name="Đặt lịch gặp B2B").click()
    page.get_by_role("button", name="Đặt gặp Trường Đại học Bách khoa Hà Nội lúc 10:00").click()
    expect(page.locator("td.mine")).to_contain_text("Lịch của bạn")

    login(moderator)
    page.goto("/techmart/")
    page.get_by_role("link", name="Techmart Công nghệ xanh 2027").click()
    page.get_by_role("link", name="Sửa đơn vị trưng bày Trường Đại học Bách khoa Hà Nội").click()
    expect(page.locator("tbody")).to_contain_text("15/03/2027 10:00")
    shoot(page, "techmart-exhibitor-edit")
    page.get_by_role("button", name="Gỡ đơn vị khỏi sự kiện").click()
    expect(page.get_by_role("listitem").filter(has_text="còn 1 cuộc gặp đã đặt")).to_be_visible()
    shoot(page, "techmart-exhibitor-remove-refused")
