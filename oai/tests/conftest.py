"""Fixtures of the OAI-PMH tests: a few outputs and S&T tasks, a small page size, and a
`harvest` helper that asks the endpoint and checks every answer against the schemas."""

from decimal import Decimal

import pytest
from lxml import etree

from oai.validation import validation_errors

NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dcite": "http://datacite.org/schema/kernel-4",
}
HOST = "khcn.hanoi.gov.vn"


@pytest.fixture(autouse=True)
def oai_settings(settings):
    settings.SITE_URL = f"https://{HOST}"
    settings.OAI_PAGE_SIZE = 3
    settings.OAI_TOKEN_LIFETIME = 3600
    settings.OAI_ADMIN_EMAIL = "sokhcn@hanoi.gov.vn"
    return settings


@pytest.fixture
def records(db):
    """2 organisations, 2 researchers, 5 outputs of different kinds and 2 S&T tasks."""
    from research.models import Authorship, Organisation, Output, Researcher
    from research_tasks.models import ResearchTask

    hust = Organisation.objects.create(name="Đại học Bách khoa Hà Nội", slug="hust", kind="university")
    vast = Organisation.objects.create(name="Viện Hàn lâm Khoa học và Công nghệ Việt Nam", slug="vast")
    an = Researcher.objects.create(full_name="Nguyễn Văn An", orcid="0000-0002-1825-0097", organisation=hust)
    binh = Researcher.objects.create(full_name="Trần Thị Bình", organisation=vast)

    def output(kind, title, year, **extra):
        row = Output.objects.create(kind=kind, title=title, year=year, **extra)
        return row

    outputs = [
        output(
            "article",
            "Vật liệu nano cho xử lý nước thải",
            2023,
            doi="10.99999/demo.1",
            venue="Tạp chí Khoa học và Công nghệ",
            abstract="Tóm tắt \x0b có ký tự điều khiển.",
            is_international=False,
        ),
        output("patent", "Thiết bị lọc nước", 2024, patent_number="MH-1-2024-00001"),
        output("software", "Phần mềm quản lý giao thông", 2024, url="https://example.org/traffic"),
        output("conference", "Deep learning for Vietnamese OCR", 2022, is_international=True, authors_text="Le, Cuong"),
        output("policy_report", "Kiến nghị chính sách đô thị thông minh", 2024),
    ]
    outputs[0].organisations.add(hust, vast)
    outputs[1].organisations.add(hust)
    Authorship.objects.create(output=outputs[0], researcher=an, position=1)
    Authorship.objects.create(output=outputs[0], researcher=binh, position=2)

    def task(code, title, kind, year, host):
        return ResearchTask.objects.create(
            code=code,
            title=title,
            kind=kind,
            year=year,
            host=host,
            pi=an,
            field="Khoa học kỹ thuật",
            objectives="Mục tiêu của nhiệm vụ.",
            expected_results="Kết quả dự kiến.",
            funding_ceiling=Decimal("1500"),
            period_months=24,
        )

    tasks = [
        task("01C-01/01-2024-2", "Nghiên cứu vật liệu lọc nước", "topic", 2024, hust),
        task("01C-02/02-2023-3", "Dự án sản xuất thử nghiệm thiết bị lọc", "project", 2023, None),
    ]
    tasks[0].team.add(binh)
    tasks[0].outputs.add(outputs[0], outputs[1])
    return {"hust": hust, "vast": vast, "outputs": outputs, "tasks": tasks}


def oai_get(client, method="get", **params):
    """Ask the endpoint; check status, content type and the schemas; return the parsed tree."""
    response = getattr(client, method)("/oai", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    assert validation_errors(response.content) == []
    return etree.fromstring(response.content)


def error_code(tree) -> str | None:
    found = tree.find("oai:error", NS)
    return found.get("code") if found is not None else None
