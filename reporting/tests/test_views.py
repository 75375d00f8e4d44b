"""Round pages: who may open, fill, review and export; bad input and concurrency."""

import datetime
from io import BytesIO

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from agencies.models import Agency
from reporting.models import Notification, ReportingRound, Submission
from reporting.notifications import deadline_reminders


def test_the_secretariat_opens_a_round_and_reporters_are_told(
    client, secretariat, reporter_sokhcn, django_capture_on_commit_callbacks
):
    reporter_sokhcn.email = "sokhcn@example.org"
    reporter_sokhcn.save()
    client.force_login(secretariat)
    dost, kh = Agency.objects.find("Sở KH&CN"), Agency.objects.find("Sở Kế hoạch và Đầu tư")
    data = {
        "title": "Kiểm tra năm 2024",
        "kind": "annual",
        "year": 2024,
        "period_number": 0,
        "cutoff": "2024-12-31",
        "deadline": "2025-01-20",
        "remind_days_before": 3,
        "agencies": [dost.pk, kh.pk],
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/p/07-ctr-tu/rounds/new/", data)
    assert response.status_code == 302
    assert ReportingRound.objects.get().submissions.count() == 2
    assert reporter_sokhcn.notifications.get().subject == "Mở đợt báo cáo: Kiểm tra năm 2024"
    assert [m.to for m in mail.outbox] == [["sokhcn@example.org"]]


def test_a_reporter_cannot_open_a_round(client, reporter_sokhcn):
    client.force_login(reporter_sokhcn)
    assert client.get("/p/07-ctr-tu/rounds/new/").status_code == 403


def test_an_invalid_round_is_refused_and_nothing_created(client, secretariat):
    client.force_login(secretariat)
    data = {
        "title": "X",
        "kind": "annual",
        "year": 2030,
        "period_number": 0,
        "cutoff": "2024-12-31",
        "deadline": "2024-01-20",
        "remind_days_before": 3,
        "agencies": [Agency.objects.find("Sở KH&CN").pk],
    }
    assert client.post("/p/07-ctr-tu/rounds/new/", data).status_code == 400
    assert not ReportingRound.objects.exists()


def test_a_reporter_sees_and_saves_only_their_own_form(client, dost_submission, reporter_sokhcn, reporter_other):
    client.force_login(reporter_other)
    assert client.get(f"/submissions/{dost_submission.pk}/").status_code == 403
    assert client.post(f"/submissions/{dost_submission.pk}/save/", {"version": 0, "results": "x"}).status_code == 403
    client.force_login(reporter_sokhcn)
    page = client.get(f"/submissions/{dost_submission.pk}/").content.decode()
    assert "Chiến lược phát triển khoa học" in page and "CT5" in page and "Đề án xây dựng chính quyền số" not in page
    assert (
        client.post(f"/submissions/{dost_submission.pk}/save/", {"version": 0, "results": "Kết quả"}).status_code == 302
    )
    assert Submission.objects.get(pk=dost_submission.pk).results == "Kết quả"


def test_an_autosave_answers_with_the_new_version(client, dost_submission, reporter_sokhcn):
    client.force_login(reporter_sokhcn)
    response = client.post(
        f"/submissions/{dost_submission.pk}/save/", {"version": 0, "results": "a"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'name="version" value="1"' in response.content.decode()


def test_a_stale_save_is_refused_with_a_clear_message(client, dost_submission, reporter_sokhcn):
    client.force_login(reporter_sokhcn)
    client.post(f"/submissions/{dost_submission.pk}/save/", {"version": 0, "results": "first"})
    response = client.post(f"/submissions/{dost_submission.pk}/save/", {"version": 0, "results": "second"})
    assert response.status_code == 400
    assert "vừa được người khác lưu" in response.content.decode()
    assert Submission.objects.get(pk=dost_submission.pk).results == "first"


def test_submitting_an_incomplete_form_shows_every_problem(client, dost_submission, reporter_sokhcn):
    client.force_login(reporter_sokhcn)
    response = client.post(f"/submissions/{dost_submission.pk}/save/", {"version": 0, "submit": "1"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Chưa nhập phần “Kết quả đạt được”." in html and "Chỉ tiêu CT5: chưa nhập giá trị." in html
    assert Submission.objects.get(pk=dost_submission.pk).status == "draft"


def test_a_bad_number_is_shown_next_to_its_field(client, dost_submission, reporter_sokhcn):
    ct5 = dost_submission.indicator_reports.get(indicator__code="CT5")
    client.force_login(reporter_sokhcn)
    response = client.post(
        f"/submissions/{dost_submission.pk}/save/",
        {"version": 0, f"indicator-{ct5.indicator_id}-value": "abc", "results": "giữ"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Giá trị phải là một số" in html and "giữ" in html  # the typed text is not lost
    assert Submission.objects.get(pk=dost_submission.pk).results == ""


def test_only_the_secretariat_reviews(client, dost_submission, reporter_sokhcn, secretariat):
    client.force_login(reporter_sokhcn)
    assert (
        client.post(f"/submissions/{dost_submission.pk}/review/", {"decision": "approve", "version": 0}).status_code
        == 403
    )
    client.force_login(secretariat)
    response = client.post(f"/submissions/{dost_submission.pk}/review/", {"decision": "approve", "version": 0})
    assert response.status_code == 400  # not submitted yet
    assert Submission.objects.get(pk=dost_submission.pk).status == "not_started"


def test_the_completeness_page_counts_states_and_exports(client, round_2024, secretariat, reporter_sokhcn):
    client.force_login(secretariat)
    html = client.get(f"/rounds/{round_2024.pk}/").content.decode()
    assert html.count('data-agency="') == 3
    response = client.get(f"/rounds/{round_2024.pk}/completeness.xlsx")
    sheet = load_workbook(BytesIO(response.content)).active
    names = [row[0] for row in sheet.iter_rows(min_row=5, max_row=7, values_only=True)]
    assert sorted(names) == sorted(s.agency.name for s in round_2024.submissions.all())
    client.force_login(reporter_sokhcn)
    assert client.get(f"/rounds/{round_2024.pk}/").status_code == 403
    assert client.get(f"/rounds/{round_2024.pk}/completeness.xlsx").status_code == 403


def test_a_past_deadline_shows_late_agencies(client, round_2024, secretariat):
    client.force_login(secretariat)
    html = client.get(f"/rounds/{round_2024.pk}/").content.decode()  # deadline 20/01/2025, today is later
    assert html.count("state-late") >= 3


def test_the_completeness_page_costs_a_fixed_number_of_queries(client, programme, secretariat):
    from reporting.services import round_open

    def queries(agency_count):
        agencies = list(Agency.objects.exclude(kind="group")[:agency_count])
        rnd = round_open(
            programme=programme,
            actor=secretariat,
            kind="annual",
            year=2023,
            title=f"R{agency_count}",
            cutoff=datetime.date(2023, 12, 31),
            deadline=datetime.date(2024, 1, 20),
            agencies=agencies,
        )
        client.get(f"/rounds/{rnd.pk}/")
        with CaptureQueriesContext(connection) as ctx:
            client.get(f"/rounds/{rnd.pk}/")
        return len(ctx)

    client.force_login(secretariat)
    assert queries(2) == queries(20) <= 15


def test_reminders_are_sent_once_however_often_the_job_runs(round_2024, reporter_sokhcn):
    deadline = round_2024.deadline
    assert deadline_reminders(today=deadline - datetime.timedelta(days=10)) == 0
    first = deadline_reminders(today=deadline - datetime.timedelta(days=2))
    again = deadline_reminders(today=deadline - datetime.timedelta(days=1))
    assert first >= 1 and again == 0
    overdue = deadline_reminders(today=deadline + datetime.timedelta(days=1))
    assert overdue >= 1 and deadline_reminders(today=deadline + datetime.timedelta(days=2)) == 0
    assert reporter_sokhcn.notifications.filter(key__endswith=":reminder").count() == 1


def test_notification_emails_are_sent_once(round_2024, reporter_sokhcn):
    from reporting.tasks import send_notification_email

    reporter_sokhcn.email = "sokhcn@example.org"
    reporter_sokhcn.save()
    notice = Notification.objects.create(user=reporter_sokhcn, key="k", subject="S", body="B", url="/x/")
    assert send_notification_email(notice.pk) is True
    assert send_notification_email(notice.pk) is False
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["sokhcn@example.org"]


def test_notifications_are_private(client, reporter_sokhcn, reporter_other):
    notice = Notification.objects.create(user=reporter_sokhcn, key="k", subject="Riêng", body="B", url="/")
    client.force_login(reporter_other)
    assert client.get(f"/notifications/{notice.pk}/").status_code == 404
    assert "Riêng" not in client.get("/notifications/").content.decode()


@pytest.mark.parametrize("url", ["/p/07-ctr-tu/rounds/", "/my/reports/", "/notifications/"])
def test_round_pages_need_a_login(client, programme, url):
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_completeness_page_is_reused_until_a_submission_changes(
    client, round_2024, secretariat, reporter_sokhcn, real_cache
):
    client.force_login(secretariat)
    url = f"/rounds/{round_2024.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as cached:
        client.get(url)
    dost = round_2024.submissions.get(agency__name="Sở Khoa học và Công nghệ")
    from reporting.services import submission_save

    submission_save(submission=dost, actor=reporter_sokhcn, version=0, data={"results": "x"})
    with CaptureQueriesContext(connection) as fresh:
        html = client.get(url).content.decode()
    assert len(fresh) > len(cached)
    assert "state-draft" in html
