"""Notices of inspections, change requests and the yearly follow-up of applications: sent
through reporting's notices (one per user and event, e-mailed once); running again sends nothing."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from reporting.models import Notification
from research_tasks import notifications, services
from research_tasks.models import Inspection


def _keys(user):
    return sorted(Notification.objects.filter(user=user).values_list("key", flat=True))


@pytest.fixture
def running(flow, people, orgs):
    """A task under contract; its PI (An, HUST) has an e-mail address; a colleague of the host has an account."""
    from accounts.models import User
    from research.models import Researcher

    flow.contracted()
    people["an"].user.email = "an@example.org"
    people["an"].user.save()
    colleague = User.objects.create_user(username="dong", password="pass-12345", email="dong@example.org")
    Researcher.objects.create(full_name="Lý Văn Đồng", organisation=orgs["hust"], user=colleague)
    flow.colleague = colleague
    return flow


def test_a_scheduled_inspection_tells_the_pi_and_the_host_once(running, people, django_capture_on_commit_callbacks):
    day = timezone.localdate() + datetime.timedelta(days=14)
    with django_capture_on_commit_callbacks(execute=True):
        inspection = services.inspection_schedule(
            contract=running.contract, actor=running.secretariat, held_on=day, purpose="Kiểm tra tiến độ năm thứ nhất."
        )
    key = f"rt-inspection:{inspection.pk}:scheduled"
    assert _keys(people["an"].user) == [key]
    assert _keys(running.colleague) == [key]
    assert _keys(people["binh"].user) == []  # another organisation's researcher
    assert sorted(m.to[0] for m in mail.outbox) == ["an@example.org", "dong@example.org"]
    assert "Lịch kiểm tra nhiệm vụ" in mail.outbox[0].subject

    # Running the notice again (a retried job) creates and e-mails nothing.
    with django_capture_on_commit_callbacks(execute=True):
        notifications.inspection_scheduled(inspection_id=inspection.pk)
    assert Notification.objects.filter(key=key).count() == 2 and len(mail.outbox) == 2

    # Holding it on that day completes the scheduled inspection rather than adding one.
    services.inspection_record(
        contract=running.contract,
        actor=running.secretariat,
        held_on=day,
        findings="Đúng tiến độ.",
        conclusion="on_track",
    )
    inspection.refresh_from_db()
    assert (inspection.status, running.contract.inspections.count()) == (Inspection.Status.HELD, 1)


@pytest.mark.parametrize(
    ("days", "purpose", "field"),
    [(-1, "Kiểm tra", "held_on"), (5, "  ", "purpose")],
)
def test_a_bad_schedule_is_refused_and_nothing_is_sent(running, days, purpose, field):
    with pytest.raises(ValidationError) as refused:
        services.inspection_schedule(
            contract=running.contract,
            actor=running.secretariat,
            held_on=timezone.localdate() + datetime.timedelta(days=days),
            purpose=purpose,
        )
    assert field in refused.value.message_dict
    assert not Inspection.objects.exists() and not Notification.objects.exists()


def test_only_the_secretariat_schedules_an_inspection_from_the_contract_page(client, running, people):
    url = f"/research-tasks/contracts/{running.contract.pk}/inspections/plan/"
    form = {"held_on": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(), "purpose": "Kiểm tra"}
    client.force_login(people["an"].user)
    assert client.post(url, form).status_code == 403
    client.force_login(running.secretariat)
    assert client.post(url, {**form, "held_on": "2020-01-01"}).status_code == 400
    assert not Inspection.objects.exists()
    assert client.post(url, form).status_code == 302
    assert Inspection.objects.get().status == Inspection.Status.PLANNED


def test_a_change_request_tells_the_secretariat_and_its_decision_tells_the_pi(
    running, people, django_capture_on_commit_callbacks
):
    pi = people["an"].user
    with django_capture_on_commit_callbacks(execute=True):
        change = services.change_request_submit(
            contract=running.contract,
            actor=pi,
            kind="extension",
            reason="Thiết bị về chậm.",
            new_end_date=datetime.date(2026, 12, 31),
        )
    assert _keys(running.secretariat) == [f"rt-change:{change.pk}:submitted"]
    with django_capture_on_commit_callbacks(execute=True):
        services.change_request_decide(change=change, actor=running.secretariat, approve=True)
    assert _keys(pi) == [f"rt-change:{change.pk}:decided"]
    assert [m.to for m in mail.outbox] == [["an@example.org"]]  # the secretariat fixture has no e-mail
    assert mail.outbox[0].subject.endswith("Đã chấp thuận")
    with django_capture_on_commit_callbacks(execute=True):
        notifications.change_submitted(change_id=change.pk)
        notifications.change_decided(change_id=change.pk)
    assert Notification.objects.count() == 2 and len(mail.outbox) == 1


def test_the_pi_is_asked_for_applications_once_a_year_for_three_years(flow, people, django_capture_on_commit_callbacks):
    flow.accepted()  # accepted on 15/07/2026
    pi = people["an"].user
    assert notifications.application_reminders(today=datetime.date(2026, 12, 1)) == 0  # the year of acceptance
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.application_reminders(today=datetime.date(2027, 1, 5)) == 1
        assert notifications.application_reminders(today=datetime.date(2027, 6, 5)) == 0  # again: nothing new
    assert _keys(pi) == [f"rt-task:{flow.task.pk}:applications:2027"]
    assert notifications.application_reminders(today=datetime.date(2029, 3, 1)) == 1
    assert notifications.application_reminders(today=datetime.date(2030, 3, 1)) == 0  # followed for three years
    # A year whose application is recorded needs no reminder.
    flow.task.applications.create(applied_by="Sở Xây dựng", place="Hà Nội", effect="Cảnh báo ngập", year=2028)
    assert notifications.application_reminders(today=datetime.date(2028, 2, 1)) == 0


def test_the_reminder_job_runs_the_same_rule(flow, people):
    from research_tasks.tasks import send_application_reminders

    flow.accepted()
    assert send_application_reminders() == 0  # this year (2026) is the year of acceptance
