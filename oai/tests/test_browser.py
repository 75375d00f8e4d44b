"""A person finds the endpoint from the footer and the browser shows the Identify answer.

Run alone with `pytest -m browser`; skip with `-m "not browser"`.
"""

import os

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_restored_after_module")]
SHOTS = os.environ.get("OAI_SCREENSHOTS")  # a folder, to look at the pages (not kept in git)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_footer_link_leads_to_the_identify_answer(transactional_db, records, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/research/")
    link = page.get_by_role("link", name="/oai?verb=Identify")
    expect(link).to_be_visible()
    expect(page.locator("footer")).to_contain_text("Giao diện OAI-PMH")
    if SHOTS:
        page.locator("footer").screenshot(path=f"{SHOTS}/oai-footer-{width}.png")
    link.click()
    expect(page.locator("body")).to_contain_text("Cơ sở dữ liệu KH&CN Hà Nội")
    expect(page.locator("body")).to_contain_text("persistent")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/oai-identify-{width}.png")
