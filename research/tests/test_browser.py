"""The research database as a person uses it: a real Chromium against a live server.

Run alone with `pytest -m browser`; skip with `-m "not browser"`.
"""

import re

import pytest
from playwright.sync_api import expect

from research.models import Organisation, Output, Researcher

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_restored_after_module")]

BIBTEX = """@article{an2024,
  title   = {Nghiên cứu đánh giá chất lượng không khí Hà Nội bằng cảm biến giá rẻ},
  author  = {Nguyễn, Văn An and Trần, Thị Bình},
  journal = {Tạp chí Khoa học Tài nguyên và Môi trường},
  year    = {2024},
  doi     = {10.99999/browser.1}
}

@article{missing,
  author = {Lê, Văn Cường},
  year   = {2023}
}
"""


@pytest.fixture
def researcher(db):
    from accounts.models import User

    hust = Organisation.objects.create(
        name="Đại học Bách khoa Hà Nội", short_name="HUST", slug="hust", kind="university"
    )
    user = User.objects.create_user(username="an", password="pass-12345")
    return Researcher.objects.create(full_name="Nguyễn Văn An", organisation=hust, user=user)


def test_search_without_diacritics_finds_a_publication(page, researcher):
    output = Output.objects.create(kind="article", title="Nghiên cứu vật liệu nano bạc tại Đông Anh", year=2023)
    output.researchers.add(researcher, through_defaults={"position": 1})
    Output.objects.create(kind="article", title="Phát triển du lịch bền vững", year=2022)

    page.goto("/")
    page.get_by_role("link", name="Nghiên cứu", exact=True).click()
    expect(page).to_have_url(re.compile(r"/research/$"))
    page.get_by_label("Tìm công bố, sáng chế, nhà khoa học, nhiệm vụ KH&CN").fill("nghien cuu nano dong anh")
    page.get_by_role("button", name="Tìm").click()

    results = page.locator("#outputs li.output")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Nghiên cứu vật liệu nano bạc tại Đông Anh")
    expect(page.locator(".result-count")).to_have_text("1 kết quả")
    results.first.get_by_role("link", name=re.compile("Nghiên cứu vật liệu nano")).click()
    expect(page.locator("h1")).to_have_text("Nghiên cứu vật liệu nano bạc tại Đông Anh")
    expect(page.locator(".linked-authors")).to_contain_text("Nguyễn Văn An")


def test_importing_a_bibtex_file_shows_the_preview_then_imports(page, login, researcher, tmp_path):
    bib = tmp_path / "an.bib"
    bib.write_text(BIBTEX, encoding="utf-8")
    login(researcher.user)

    page.goto(f"/research/researchers/{researcher.pk}/")
    page.get_by_role("link", name="Nhập ấn phẩm từ tệp").click()
    page.get_by_label("Tệp ấn phẩm").set_input_files(str(bib))
    page.get_by_role("button", name="Tải lên và xem trước").click()

    expect(page.locator("h1")).to_have_text("Xem trước lượt nhập")
    expect(page.locator("#count-new")).to_have_text("1")
    expect(page.locator("#count-rejected")).to_have_text("1")
    rejected = page.locator("#rejected tr.rejected-row")
    expect(rejected).to_have_count(1)
    expect(rejected).to_contain_text("dòng 9")
    expect(rejected).to_contain_text("Thiếu tên (title).")
    expect(page.locator("#new tr.new-row")).to_contain_text("Nghiên cứu đánh giá chất lượng không khí Hà Nội")
    assert not Output.objects.exists()  # nothing written before the confirmation

    page.get_by_role("button", name="Xác nhận nhập 1 mục").click()

    expect(page).to_have_url(re.compile(rf"/research/researchers/{researcher.pk}/$"))
    expect(page.locator(".msg-success")).to_have_text("Đã nhập 1 kết quả nghiên cứu.")
    expect(page.locator("#outputs li.output")).to_contain_text("Nghiên cứu đánh giá chất lượng không khí Hà Nội")
    output = Output.objects.get()
    assert (output.doi, output.created_by) == ("10.99999/browser.1", researcher.user)
