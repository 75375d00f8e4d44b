"""Public rows of each dataset, written with the domain services where they exist."""

import datetime
from decimal import Decimal

import pytest


@pytest.fixture
def figures(programme, secretariat):
    """CT2 (labour productivity growth): 2023 provisional then official, 2024 provisional;
    CT3: 2023 official."""
    from indicators.services import measurement_record

    ct2 = programme.indicators.get(code="CT2")
    ct3 = programme.indicators.get(code="CT3")
    source = "Cục Thống kê thành phố Hà Nội, niên giám 2023"
    rows = [
        measurement_record(indicator=ct2, actor=secretariat, year=2023, value="6,9", kind="provisional", source=source),
        measurement_record(
            indicator=ct2,
            actor=secretariat,
            year=2023,
            value="7,12",
            source=source,
            published_on=datetime.date(2024, 3, 1),
            note="Số chính thức: năng suất lao động tăng 7,12%",
        ),
        measurement_record(indicator=ct2, actor=secretariat, year=2024, value="7,3", kind="provisional", source=source),
        measurement_record(indicator=ct3, actor=secretariat, year=2023, value="71,5", source="Sở Nông nghiệp"),
    ]
    assert rows[1].value == Decimal("7.12")
    return rows


@pytest.fixture
def task_updates(programme, secretariat):
    """Task 1 completed, task 2 behind, each with one update."""
    from programmes.services import key_task_update_record

    first, second = programme.key_tasks.order_by("number")[:2]
    key_task_update_record(
        task=first,
        actor=secretariat,
        reported_on=datetime.date(2024, 6, 30),
        status="completed",
        progress=100,
        text="Đã hoàn thành đề án phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo.",
    )
    key_task_update_record(
        task=second,
        actor=secretariat,
        reported_on=datetime.date(2025, 1, 15),
        status="behind",
        progress=40,
        text="Chậm tiến độ do điều chỉnh quy hoạch; đề xuất gia hạn đến quý II.",
    )
    first.refresh_from_db()
    second.refresh_from_db()
    return first, second


@pytest.fixture
def outputs(db):
    """Two articles (2022 and 2023) of HUST and a patent of VAST; the first author of the
    article has an e-mail address, which no public page shows."""
    from research.models import Authorship, Organisation, Output, Researcher

    hust = Organisation.objects.create(name="Đại học Bách khoa Hà Nội", slug="hust", kind="university")
    vast = Organisation.objects.create(
        name="Viện Hàn lâm Khoa học và Công nghệ Việt Nam", slug="vast", kind="institute"
    )
    an = Researcher.objects.create(full_name="Nguyễn Văn An", organisation=hust, email="an.nguyen@hust.edu.vn")

    def make(title, *, year, kind="article", org=hust, **fields):
        output = Output.objects.create(title=title, year=year, kind=kind, authors_text=an.full_name, **fields)
        Authorship.objects.create(output=output, researcher=an, position=1)
        output.organisations.set([org])
        return output

    return [
        make("Vật liệu nano cho pin lithium thế hệ mới", year=2022, venue="Tạp chí Khoa học và Công nghệ"),
        make("Cảnh báo ngập úng đô thị Hà Nội bằng học máy", year=2023, doi="10.1234/ngap.2023"),
        make(
            "Quy trình sản xuất gạch không nung từ tro bay", year=2023, kind="patent", org=vast, patent_number="1-0023"
        ),
    ]


@pytest.fixture
def research_tasks(db):
    """Two S&T tasks ordered in 2024 (one in progress, with a contract) and one of 2025."""
    from research_tasks.models import Contract, ResearchTask

    def make(code, title, *, year, stage, ceiling="1500"):
        return ResearchTask.objects.create(
            code=code,
            title=title,
            year=year,
            stage=stage,
            field="Khoa học kỹ thuật",
            objectives="Xây dựng hệ thống cảnh báo sớm.",
            expected_results="Quy trình, phần mềm.",
            funding_ceiling=Decimal(ceiling),
            period_months=24,
        )

    running = make("01C-2024", "Nghiên cứu cảnh báo ngập úng đô thị Hà Nội", year=2024, stage="in_progress")
    Contract.objects.create(
        task=running,
        number="HĐ-BÍ-MẬT-77",
        signed_on=datetime.date(2024, 9, 1),
        start_date=datetime.date(2024, 9, 1),
        end_date=datetime.date(2026, 8, 31),
        total_budget=Decimal("1234.567"),
    )
    return [
        running,
        make("02C-2024", "Giải pháp giảm ô nhiễm không khí nội đô", year=2024, stage="ordered", ceiling="900.5"),
        make("01C-2025", "Ứng dụng trí tuệ nhân tạo trong quản lý giao thông", year=2025, stage="calling"),
    ]
