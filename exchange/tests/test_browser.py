"""The exchange as people use it: a real Chromium against a live server.

A member publishes an offer, a moderator approves it, anyone finds it typing without
diacritics and sees it matched to an enterprise's request, with the reasons.
"""

import re

import pytest
from playwright.sync_api import expect

from exchange import services
from exchange.models import Listing

from .conftest import REQUEST

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_restored_after_module")]


def test_member_publishes_an_offer_that_is_found_and_matched(page, login, member, member_other, moderator):
    org = member_other.exchange_memberships.get().organisation
    request = services.listing_create(actor=member_other, organisation=org, kind="request", **REQUEST)
    services.listing_submit(listing=request, actor=member_other)
    services.listing_publish(listing=request, actor=moderator)

    login(member)
    page.goto("/exchange/")
    page.get_by_role("link", name="Đăng chào bán").click()
    page.get_by_label("Tổ chức sở hữu").select_option(label="Trường Đại học Bách khoa Hà Nội")
    page.get_by_label("Tên công nghệ").fill("Công nghệ xử lý nước thải bằng màng lọc MBR")
    page.get_by_label("Mô tả").fill("Hệ thống xử lý nước thải sinh hoạt, màng vi lọc kết hợp vi sinh hiếu khí.")
    page.get_by_label("Lĩnh vực").select_option(
        value=str(Listing._meta.get_field("field").related_model.objects.get(code="207").pk)
    )
    page.get_by_label("Mức độ sẵn sàng công nghệ (TRL)").fill("12")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator("#f-trl .field-error")).to_contain_text("từ 1 đến 9")
    page.get_by_label("Mức độ sẵn sàng công nghệ (TRL)").fill("7")
    page.get_by_label("Li-xăng (chuyển quyền sử dụng)").check()
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator(".badge.status-draft")).to_have_text("Bản nháp")
    page.get_by_role("button", name="Gửi duyệt").click()
    expect(page.locator(".badge.status-submitted")).to_have_text("Chờ duyệt")

    login(moderator)
    page.goto("/exchange/moderation/")
    row = page.locator("tr", has_text="màng lọc MBR")
    row.get_by_role("button", name="Duyệt").click()
    expect(page.get_by_text("Không có tin nào chờ duyệt.")).to_be_visible()

    page.goto("/exchange/")
    page.get_by_label("Tìm công nghệ, nhu cầu").fill("cong nghe xu ly nuoc thai mang loc")
    page.get_by_role("button", name="Tìm").click()
    hit = page.locator(".ex-hit", has_text="MBR")
    expect(hit).to_have_count(1)
    expect(hit.locator("mark").first).to_have_text("Công")
    hit.get_by_role("link", name=re.compile("màng lọc MBR")).click()
    matches = page.locator("#matches")
    expect(matches).to_contain_text(REQUEST["title"])
    expect(matches).to_contain_text("Cùng lĩnh vực Kỹ thuật môi trường")
    expect(matches).to_contain_text("Công nghệ đạt TRL 7, đáp ứng yêu cầu tối thiểu TRL 6")
    matches.get_by_role("button", name="Hữu ích").click()
    expect(matches.get_by_text("Đã ghi nhận, cảm ơn bạn.")).to_be_visible()
