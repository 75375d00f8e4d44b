"""The issue's Done-when in a real browser: a buyer expresses interest in a published offer,
the parties exchange a message, and the deal is taken to "agreement signed" with a value.
Screenshots of every page of the app, desktop and phone, go to $SCREENSHOT_DIR when it is set."""

import pytest
from playwright.sync_api import expect

from deals.tests.screens import shoot

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_restored_after_module")]


def test_a_buyer_contacts_the_seller_and_the_deal_is_signed_with_a_value(page, login, published, member, member_other):
    offer = published["offer"]
    login(member_other)
    page.goto(offer.get_absolute_url())
    page.get_by_role("link", name="Quan tâm – Liên hệ").click()
    page.get_by_label("Liên hệ với tư cách").select_option(label="Công ty CP Môi trường Xanh")
    page.get_by_role("button", name="Gửi lời nhắn").click()
    expect(page.locator("#f-message .field-error")).to_be_visible()
    shoot(page, "deals-interest")
    page.get_by_label("Lời nhắn cho bên đăng tin").fill("Chúng tôi cần hệ thống MBR 200 m3/ngày, xin báo giá li-xăng.")
    page.get_by_role("button", name="Gửi lời nhắn").click()
    expect(page.locator("#deal-stage")).to_have_text("Tiếp cận")
    expect(page.locator("#thread")).to_contain_text("xin báo giá li-xăng")

    login(member)
    page.goto("/exchange/deals/")
    shoot(page, "deals-mine")
    page.get_by_role("link", name=offer.title).click()
    page.get_by_label("Tin nhắn").fill("Giá li-xăng 1,5 tỷ đồng, gồm chuyển giao và đào tạo vận hành.")
    page.get_by_role("button", name="Gửi tin nhắn").click()
    expect(page.locator("#thread li")).to_have_count(2)
    page.get_by_label("Chuyển sang").select_option(label="Đàm phán")
    page.get_by_role("button", name="Cập nhật giai đoạn").click()
    expect(page.locator("#deal-stage")).to_have_text("Đàm phán")

    login(member_other)
    page.goto("/exchange/deals/")
    page.get_by_role("link", name=offer.title).click()
    page.get_by_label("Chuyển sang").select_option(label="Đã ký thỏa thuận")
    page.get_by_label("Giá trị hợp đồng (đồng)").fill("-1.500.000.000")
    page.get_by_role("button", name="Cập nhật giai đoạn").click()
    expect(page.locator("#f-t-value .field-error")).to_contain_text("lớn hơn 0")
    expect(page.locator("#deal-stage")).to_have_text("Đàm phán")
    page.get_by_label("Giá trị hợp đồng (đồng)").fill("1.500.000.000")
    page.get_by_label("Ghi chú").fill("Ký hợp đồng li-xăng số 12/2026/HĐCGCN")
    page.get_by_role("button", name="Cập nhật giai đoạn").click()
    expect(page.locator("#deal-stage")).to_have_text("Đã ký thỏa thuận")
    expect(page.locator(".deal-value")).to_contain_text("1.500.000.000 đ")
    shoot(page, "deals-detail")

    page.goto("/exchange/figures/")
    expect(page.locator("#fig-deals")).to_have_text("1")
    expect(page.locator("tr[id^=year-]")).to_contain_text("1.500.000.000")
    expect(page.locator("#deal-value-chart")).to_be_visible()
    shoot(page, "deals-figures")
