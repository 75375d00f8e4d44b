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
