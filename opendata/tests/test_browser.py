"""Downloads as a person gets them: a real Chromium against a live server.

Run alone with `pytest -m browser`; skip with `-m "not browser"`.
"""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_restored_after_module")]


def test_a_filtered_task_list_downloads_as_csv_with_the_same_tasks(page, programme, task_updates):
    page.goto(f"/p/{programme.slug}/tasks/")
    page.locator("select[name=status]").select_option(label="Chậm tiến độ")
    page.get_by_role("button", name="Lọc").click()
    expect(page).to_have_url(re.compile(r"status=behind"))
    with page.expect_download() as info:
        page.locator(".downloads a[href^='/du-lieu-mo/key-tasks.csv']").click()
    download = info.value
    assert re.fullmatch(r"key-tasks-\d{8}\.csv", download.suggested_filename)
    data = Path(download.path()).read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["Trạng thái"] for r in rows] == ["Chậm tiến độ"]
    assert rows[0]["Nhiệm vụ, đề án, dự án"] == task_updates[1].title


def test_the_open_data_page_is_in_the_navigation_and_offers_json(page, programme, figures):
    page.goto("/")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Dữ liệu mở").click()
    expect(page.locator("h1")).to_have_text("Dữ liệu mở")
    section = page.locator("#measurements")
    expect(section.get_by_role("heading")).to_have_text("Giá trị đo của các chỉ tiêu")
    expect(section).to_contain_text("CC BY 4.0")
    with page.expect_download() as info:
        section.get_by_role("link", name="JSON", exact=True).click()
    doc = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert doc["count"] == len(figures)
    response = page.goto("/du-lieu-mo/measurements.csv?year=abc")
    assert response.status == 400
    expect(page.locator(".form-errors")).to_contain_text("Năm:")
