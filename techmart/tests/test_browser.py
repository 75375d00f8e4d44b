"""A buyer books a B2B meeting in the htmx grid, the slot shows as taken to others, and
cancelling frees it. Screenshots of every Techmart page go to $SCREENSHOT_DIR when set."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_restored_after_module")]


def _shoot(page, name: str) -> None:
    folder = os.environ.get("SCREENSHOT_DIR")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    for label, width in (("desktop", 1280), ("phone", 390)):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"{folder}/techmart-{name}-{label}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_buyer_books_a_meeting_and_the_slot_is_taken_for_others(page, login, event, stand, member_other, outsider):
    page.goto("/techmart/")
    _shoot(page, "events")
    page.get_by_role("link", name="Techmart Hà Nội 2026").click()
    expect(page.get_by_text("Công nghệ xử lý nước thải sinh hoạt bằng màng lọc MBR")).to_be_visible()
    _shoot(page, "event")

    login(member_other)
    page.goto(f"/techmart/{event.pk}/lich-gap/")
    page.get_by_role("button", name="Đặt gặp Trường Đại học Bách khoa Hà Nội lúc 09:00").click()
    expect(page.locator("td.mine")).to_contain_text("Lịch của bạn")
    _shoot(page, "booking")
    page.goto("/techmart/cuoc-gap/")
    expect(page.locator("tbody")).to_contain_text("10/12/2026 09:00")
    _shoot(page, "mine")

    login(outsider)
    page.goto(f"/techmart/{event.pk}/lich-gap/")
    expect(page.locator("td.taken")).to_have_count(1)
    expect(page.get_by_role("button", name="Đặt gặp Trường Đại học Bách khoa Hà Nội lúc 09:00")).to_have_count(0)

    login(member_other)
    page.goto(f"/techmart/{event.pk}/lich-gap/")
    page.locator("td.mine").get_by_role("button", name="Hủy").click()
    expect(page.locator("td.mine")).to_have_count(0)
    expect(page.get_by_role("button", name="Đặt gặp Trường Đại học Bách khoa Hà Nội lúc 09:00")).to_be_visible()
