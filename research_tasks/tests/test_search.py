"""Public search of S&T tasks: accent-insensitive, ranked, code first, only public tasks; on the
research search page in a fixed number of queries. Runs on SQLite and PostgreSQL."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from research_tasks.models import ResearchTask
from research_tasks.search import search_tasks

pytestmark = pytest.mark.django_db


def make_task(code, title, *, objectives="Mục tiêu chung.", year=2024, **extra):
    return ResearchTask.objects.create(
        code=code,
        title=title,
        objectives=objectives,
        expected_results="Báo cáo tổng hợp.",
        funding_ceiling=Decimal("1000"),
        period_months=24,
        year=year,
        **extra,
    )


def codes(tasks):
    return [task.code for task in tasks]


def test_a_query_without_accents_finds_a_task_titled_with_them():
    make_task("NV-2024-001", "Nghiên cứu cảnh báo ngập úng đô thị Hà Nội")
    make_task("NV-2024-002", "Đánh giá chất lượng nước hồ Tây")
    assert codes(search_tasks("nghien cuu")) == ["NV-2024-001"]
    assert codes(search_tasks("NGHIÊN CỨU ngập")) == ["NV-2024-001"]
    assert codes(search_tasks("danh gia ho tay")) == ["NV-2024-002"]  # đ is d


def test_a_title_match_ranks_above_a_match_in_the_objectives():
    make_task("NV-2024-001", "Ứng dụng trí tuệ nhân tạo", objectives="Giảm ngập úng cho nội thành.", year=2025)
    make_task("NV-2024-002", "Cảnh báo ngập úng đô thị", year=2023)
    assert codes(search_tasks("ngap ung")) == ["NV-2024-002", "NV-2024-001"]


def test_a_code_finds_its_task_first():
    make_task("NV-2024-001", "Nghiên cứu vật liệu")
    make_task("NV-2024-002", "Nghiên cứu vật liệu NV 2024 001")  # the code's words in a title
    assert codes(search_tasks("nv-2024-001"))[0] == "NV-2024-001"
    assert codes(search_tasks("NV-2024-002"))[0] == "NV-2024-002"


def test_the_pi_host_and_field_find_a_task(flow):
    flow.evaluating().approved()  # the council chose An of HUST
    task = flow.task
    assert task.pi.full_name == "Nguyễn Văn An"
    assert codes(search_tasks("nguyen van an")) == [task.code]
    assert codes(search_tasks("bach khoa")) == [task.code]
    assert task.code in codes(search_tasks("khoa hoc ky thuat"))  # its field


def test_a_changed_title_is_found_by_its_new_words():
    task = make_task("NV-2024-001", "Nghiên cứu vật liệu")
    task.title = "Phát triển giống lúa chịu mặn"
    task.save(update_fields=["title"])
    assert codes(search_tasks("giong lua")) == ["NV-2024-001"]
    assert search_tasks("vat lieu") == []


def test_proposals_and_dossiers_are_not_found(flow):
    """A need still proposed, and a dossier's own text, are not public tasks."""
    from research_tasks import services

    flow.calling()
    flow.dossier("an")  # its approach: "Mô hình thủy văn đô thị và cảm biến IoT."
    call = services.order_call_open(
        actor=flow.secretariat,
        title="Đặt hàng nhiệm vụ KH&CN năm 2025",
        year=2025,
        deadline=timezone.localdate() + datetime.timedelta(days=10),
    )
    services.order_proposal_submit(
        call=call,
        actor=flow.agency_user,
        title="Nghiên cứu giống lúa chịu mặn",
        kind="topic",
        field="Nông nghiệp",
        objectives="Giống lúa mới.",
        expected_results="Giống lúa.",
        funding_ceiling="900",
        period_months=24,
    )
    assert search_tasks("giong lua") == []
    assert search_tasks("cam bien iot") == []
    assert codes(search_tasks("canh bao ngap")) == [flow.task.code]  # the ordered task is public


def test_an_empty_query_finds_no_task():
    make_task("NV-2024-001", "Nghiên cứu vật liệu")
    assert search_tasks("") == []
    assert search_tasks("  .,; ") == []


def test_the_search_page_lists_tasks_with_their_count_and_links(client):
    tasks = [make_task(f"NV-2024-{n:03d}", f"Nghiên cứu vật liệu mẫu {n}") for n in range(1, 8)]
    response = client.get("/research/", {"q": "nghien cuu vat lieu"})
    text = response.content.decode()
    assert response.status_code == 200
    assert 'id="source-tasks"' in text and "Nhiệm vụ KH&amp;CN" in text
    assert "7 kết quả · 5 phù hợp nhất" in text
    assert text.count('href="/research-tasks/tasks/') == 5
    assert (
        f'href="/research-tasks/tasks/{tasks[0].pk}/"' in text or f'href="/research-tasks/tasks/{tasks[6].pk}/"' in text
    )


def test_the_search_page_has_no_task_section_when_no_task_matches(client):
    make_task("NV-2024-001", "Nghiên cứu vật liệu")
    text = client.get("/research/", {"q": "giong lua"}).content.decode()
    assert 'id="source-tasks"' not in text


def test_the_search_page_costs_the_same_queries_for_few_and_many_tasks(client):
    make_task("NV-2024-001", "Nghiên cứu vật liệu 1")

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/research/", {"q": "nghien cuu"}).status_code == 200
        return len(captured)

    few = count()
    for n in range(2, 12):
        make_task(f"NV-2024-{n:03d}", f"Nghiên cứu vật liệu {n}")
    assert count() == few == 3  # the outputs statement (none match: no rows to read), researchers, tasks


def test_the_scale_generator_adds_findable_tasks():
    args = ["--organisations", "3", "--researchers", "12", "--outputs", "20", "--patents", "1", "--tasks", "30"]
    call_command("generate_research_scale", *args, stdout=io.StringIO())
    assert ResearchTask.objects.filter(code__startswith="QM-").count() == 30
    assert codes(search_tasks("QM-2022-00002"))[0] == "QM-2022-00002"
    call_command("generate_research_scale", "--only-tasks", "--tasks", "5", stdout=io.StringIO())
    assert ResearchTask.objects.filter(code__startswith="QM-").count() == 5  # replaced
