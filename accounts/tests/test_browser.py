"""The API token page as a person uses it: a real Chromium against a live server."""

import os

import pytest
from playwright.sync_api import expect
from rest_framework.authtoken.models import Token

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_restored_after_module")]


def test_a_signed_in_user_makes_an_api_token_and_can_copy_it(page, login, public):
    login(public)
    page.get_by_role("link", name="Khóa API").click()
    expect(page.locator("h1")).to_have_text("Khóa API")
    expect(page.get_by_text("Bạn chưa có khóa API.")).to_be_visible()
    page.get_by_role("button", name="Tạo khóa API").click()
    key = Token.objects.get(user=public).key
    expect(page.get_by_label("Khóa của bạn")).to_have_value(key)
    expect(page.get_by_text(f"Authorization: Token {key}")).to_be_visible()
    shots = os.environ.get("SCREENSHOT_DIR")
    if shots:
        page.screenshot(path=f"{shots}/api-token-1280.png", full_page=True)
        page.set_viewport_size({"width": 390, "height": 800})
        page.screenshot(path=f"{shots}/api-token-390.png", full_page=True)
    page.get_by_role("button", name="Tạo khóa mới").click()
    expect(page.get_by_label("Khóa của bạn")).not_to_have_value(key)
