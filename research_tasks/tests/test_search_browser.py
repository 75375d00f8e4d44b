"""S&T tasks on the research search page, in a real Chromium: found without accents, counted,
linked to the task page, readable on a phone. Run alone with `pytest -m browser`."""

import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from research.models import Organisation, Output, Researcher
from research_tasks.models import ResearchTask

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_restored_after_module")]


@pytest.fixture
def tasks(db):
    hust = Organisation.objects.create(name="Đại học Bách khoa Hà Nội", short_name="HUST", slug="hust")
    an = Researcher.objects.create(full_name="Nguyễn Văn An", organisation=hust)
    Output.objects.create(kind="article", title="Nghiên cứu cảnh báo ngập úng bằng cảm biến IoT", year=2024)
    made = []
    for n, (title, stage) in enumerate(
        [
            ("Nghiên cứu hệ thống cảnh báo sớm ngập úng đô thị Hà Nội", "in_progress"),
            ("Nghiên cứu giải pháp thoát nước chống ngập úng cho các quận nội thành", "accepted"),
            ("Ứng dụng trí tuệ nhân tạo dự báo ngập úng trên địa bàn Thủ đô", "calling"),
        ],
        start=1,
    ):
        made.append(
            ResearchTask.objects.create(
                code=f"NV-2024-{n:03d}",
                title=title,
                stage=stage,
                field="Khoa học kỹ thuật và công nghệ",
                objectives="Giảm thiệt hại do ngập úng.",
                expected_results="Hệ thống cảnh báo.",
                funding_ceiling=Decimal("1500"),
                period_months=24,
                year=2024,
                pi=an,
                host=hust,
            )
        )
    return made


def shoot(page, name):
    folder = os.environ.get("SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def test_a_search_without_accents_lists_tasks_and_opens_one(page, tasks):
    page.goto("/research/")
    page.get_by_label("Tìm công bố, sáng chế, nhà khoa học, nhiệm vụ KH&CN").fill("nghien cuu ngap ung")
    page.get_by_role("button", name="Tìm").click()

    section = page.locator("#source-tasks")
    expect(section.get_by_role("heading")).to_have_text("Nhiệm vụ KH&CN")
    expect(section.locator(".result-count")).to_have_text("2 kết quả")
    expect(section.locator("li")).to_have_count(2)  # the third has no "nghiên cứu"
    expect(section.locator("li").first).to_contain_text("Đang thực hiện")
    expect(page.locator("#outputs li.output")).to_have_count(1)
    shoot(page, "search-tasks-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    shoot(page, "search-tasks-phone")

    section.get_by_role("link", name=re.compile("NV-2024-002")).click()
    expect(page).to_have_url(re.compile(rf"/research-tasks/tasks/{tasks[1].pk}/$"))
    expect(page.locator("h1")).to_contain_text("thoát nước chống ngập úng")
