"""Key tasks, programme set-up: public reading, writes refused to the wrong user."""

import datetime

import pytest

from agencies.models import Agency
from indicators.models import Indicator, Measurement
from programmes.models import KeyTask, KeyTaskUpdate, Programme

TASK = "/p/07-ctr-tu/tasks/{n}/"
UPDATE = {"reported_on": "2024-12-15", "status": "in_progress", "progress": 40, "text": "Đã ban hành kế hoạch."}


def test_the_task_list_shows_all_twelve_tasks_by_status(client, programme):
    html = client.get("/p/07-ctr-tu/tasks/").content.decode()
    assert html.count('class="task-row') == 12
    assert "Chưa triển khai" in html


def test_the_task_list_groups_by_lead_agency_and_filters(client, programme):
    dost = Agency.objects.find("Sở KH&CN")
    html = client.get(f"/p/07-ctr-tu/tasks/?group=agency&agency={dost.slug}").content.decode()
    assert html.count('class="task-row') == 2


def test_a_bad_filter_value_is_ignored_not_an_error(client, programme):
    assert client.get("/p/07-ctr-tu/tasks/?status=nonsense&group=zzz").status_code == 200


def test_a_task_page_shows_leads_coordinators_and_period(client, programme):
    html = client.get(TASK.format(n=9)).content.decode()
    assert "Sở Nông nghiệp và Phát triển nông thôn" in html and "Huyện Ứng Hòa" in html and "2021 - 2025" in html


def test_lead_agency_reporter_records_an_update_and_the_task_follows(client, reporter_sokhcn):
    client.force_login(reporter_sokhcn)
    assert client.post(TASK.format(n=1) + "updates/", UPDATE).status_code == 302
    task = KeyTask.objects.get(number=1)
    assert (task.status, task.progress) == ("in_progress", 40)
    assert task.history.first().history_user == reporter_sokhcn
    assert "Đã ban hành kế hoạch." in client.get(TASK.format(n=1)).content.decode()


def test_a_coordinating_unit_cannot_update_a_task_it_does_not_lead(client, reporter_sokhcn):
    client.force_login(reporter_sokhcn)  # Sở KH&CN coordinates task 5, led by Sở VH&TT
    assert client.post(TASK.format(n=5) + "updates/", UPDATE).status_code == 403
    assert not KeyTaskUpdate.objects.exists()


def test_reporter_of_another_agency_is_refused(client, reporter_other):
    client.force_login(reporter_other)
    assert client.post(TASK.format(n=1) + "updates/", UPDATE).status_code == 403
    assert KeyTask.objects.get(number=1).status == "not_started"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"progress": 140}, "100"),
        ({"reported_on": "2019-01-01"}, "Ngày báo cáo phải nằm trong thời gian thực hiện chương trình"),
        ({"status": "completed", "progress": 80}, "Nhiệm vụ hoàn thành phải có tiến độ 100%."),
        ({"text": ""}, "Trường này là bắt buộc."),
    ],
)
def test_a_bad_update_shows_a_message_and_changes_nothing(client, reporter_sokhcn, data, message):
    client.force_login(reporter_sokhcn)
    response = client.post(TASK.format(n=1) + "updates/", {**UPDATE, **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not KeyTaskUpdate.objects.exists()
    assert KeyTask.objects.get(number=1).history.count() == 1


def test_an_update_in_the_future_is_refused(client, reporter_sokhcn):
    client.force_login(reporter_sokhcn)
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)
    assert client.post(TASK.format(n=1) + "updates/", {**UPDATE, "reported_on": tomorrow}).status_code == 400


def test_a_task_past_its_deadline_is_flagged_overdue(client, programme):
    KeyTask.objects.filter(number=3).update(deadline=datetime.date(2025, 12, 31), status="in_progress")
    task = KeyTask.objects.get(number=3)
    assert task.is_overdue(datetime.date(2026, 1, 1)) and not task.is_overdue(datetime.date(2025, 6, 1))


def test_only_the_secretariat_edits_a_task(client, reporter_sokhcn, secretariat, agency):
    data = {
        "title": "Chiến lược (sửa)",
        "lead_agencies": [agency("Sở KH&CN").pk],
        "start_year": 2021,
        "end_year": 2030,
        "deadline": "2030-12-31",
    }
    client.force_login(reporter_sokhcn)
    assert client.post(TASK.format(n=1) + "edit/", data).status_code == 403
    client.force_login(secretariat)
    assert client.post(TASK.format(n=1) + "edit/", data).status_code == 302
    task = KeyTask.objects.get(number=1)
    assert task.title == "Chiến lược (sửa)" and [link.agency.name for link in task.lead_links.all()] == [
        "Sở Khoa học và Công nghệ"
    ]


def test_the_secretariat_adds_a_task_beyond_the_appendix(client, secretariat, agency, reporter_other):
    data = {
        "title": "Đề án sàn giao dịch công nghệ",
        "lead_agencies": [agency("Sở KH&CN").pk],
        "start_year": 2023,
        "end_year": 2025,
        "deadline": "2025-12-31",
    }
    client.force_login(reporter_other)
    assert client.post("/p/07-ctr-tu/tasks/new/", data).status_code == 403
    client.force_login(secretariat)
    response = client.post("/p/07-ctr-tu/tasks/new/", data)
    assert response.status_code == 302 and response["Location"].endswith("/tasks/13/")


def test_a_task_without_lead_agency_is_refused(client, secretariat):
    client.force_login(secretariat)
    data = {"title": "X", "start_year": 2023, "end_year": 2025, "deadline": "2025-12-31"}
    assert client.post("/p/07-ctr-tu/tasks/new/", data).status_code == 400
    assert KeyTask.objects.count() == 12


def test_the_secretariat_creates_the_next_programme(client, secretariat):
    client.force_login(secretariat)
    data = {
        "code": "KH-2026",
        "slug": "kh-2026-2030",
        "title": "Kế hoạch KH, CN, ĐMST 2026-2030",
        "start_year": 2026,
        "end_year": 2030,
    }
    assert client.post("/programmes/new/", data).status_code == 302
    assert secretariat in Programme.objects.get(slug="kh-2026-2030").secretariat.all()


def test_a_reporter_cannot_create_a_programme(client, reporter_sokhcn):
    client.force_login(reporter_sokhcn)
    assert client.get("/programmes/new/").status_code == 403


def test_a_programme_with_end_before_start_is_refused(client, secretariat):
    client.force_login(secretariat)
    data = {"code": "X", "slug": "x", "title": "X", "start_year": 2030, "end_year": 2026}
    assert client.post("/programmes/new/", data).status_code == 400
    assert not Programme.objects.filter(slug="x").exists()


def test_copying_a_programme_keeps_structure_and_drops_measurements(client, secretariat):
    ct5 = Indicator.objects.get(code="CT5")
    Measurement.objects.create(indicator=ct5, year=2024, value=45, source="x")
    KeyTask.objects.filter(number=1).update(status="completed", progress=100)
    client.force_login(secretariat)
    data = {
        "code": "07-CTr/TU (2026-2030)",
        "slug": "07-2026",
        "title": "Giai đoạn 2026-2030",
        "start_year": 2026,
        "end_year": 2030,
    }
    assert client.post("/p/07-ctr-tu/copy/", data).status_code == 302
    copy = Programme.objects.get(slug="07-2026")
    assert copy.previous_phase.slug == "07-ctr-tu"
    assert copy.objectives.count() == 5 and copy.solution_groups.count() == 6 and copy.key_tasks.count() == 12
    assert copy.indicators.count() == Indicator.objects.filter(programme__slug="07-ctr-tu").count()
    assert copy.indicators.get(code="CT1").target_year == 2030
    assert copy.indicators.get(code="CT7.1").parent.programme == copy
    assert not Measurement.objects.filter(indicator__programme=copy).exists()
    assert set(copy.key_tasks.values_list("status", flat=True)) == {"not_started"}
    assert [link.agency.name for link in copy.key_tasks.get(number=1).lead_links.all()] == [
        "Ban cán sự đảng UBND Thành phố",
        "Sở Khoa học và Công nghệ",
    ]


def test_copying_is_refused_to_a_reporter(client, reporter_sokhcn):
    client.force_login(reporter_sokhcn)
    assert client.post("/p/07-ctr-tu/copy/", {}).status_code == 403


def test_text_roadmap_and_agency_pages_are_public(client, programme):
    for url in ["/p/07-ctr-tu/text/", "/p/07-ctr-tu/roadmap/", "/agencies/", "/agencies/so-khcn/", "/programmes/"]:
        assert client.get(url).status_code == 200, url
    text = client.get("/p/07-ctr-tu/text/").content.decode()
    assert "Tập trung xây dựng và hoàn thiện thể chế" in text and "Vương Đình Huệ" in text


def test_a_back_dated_update_with_progress_over_100_is_refused(reporter_sokhcn, programme):
    from django.core.exceptions import ValidationError

    from programmes.services import key_task_update_record

    task = KeyTask.objects.get(number=1)
    key_task_update_record(
        task=task,
        actor=reporter_sokhcn,
        reported_on=datetime.date(2024, 6, 1),
        status="in_progress",
        progress=50,
        text="x",
    )
    with pytest.raises(ValidationError):
        key_task_update_record(
            task=task,
            actor=reporter_sokhcn,
            reported_on=datetime.date(2023, 6, 1),
            status="in_progress",
            progress=150,
            text="y",
        )
    assert KeyTaskUpdate.objects.count() == 1
