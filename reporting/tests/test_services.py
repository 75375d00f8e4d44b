"""The round workflow: open, fill, submit, return, approve, reopen, close."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from indicators.models import Measurement
from programmes.models import KeyTask
from reporting import services
from reporting.models import IndicatorRule, Submission, SubmissionEvent

PDF = b"%PDF-1.4\nminimal"


def complete(submission, actor, **extra):
    """Fill every item of a submission with valid values and save it as a draft."""
    data = {"results": "Đã hoàn thành các nhiệm vụ năm."}
    for r in submission.task_reports.all():
        data |= {
            f"task-{r.task_id}-status": "in_progress",
            f"task-{r.task_id}-progress": "60",
            f"task-{r.task_id}-narrative": "Đang triển khai.",
        }
    for r in submission.indicator_reports.all():
        data |= {f"indicator-{r.indicator_id}-value": "2", f"indicator-{r.indicator_id}-source": "Sở KH&CN"}
    data |= extra
    return services.submission_save(submission=submission, actor=actor, version=submission.version, data=data)


def test_each_agency_gets_exactly_its_tasks_and_indicators(round_2024):
    dost = round_2024.submissions.get(agency__name="Sở Khoa học và Công nghệ")
    assert sorted(r.task.number for r in dost.task_reports.all()) == [1, 2]
    codes = {r.indicator.code for r in dost.indicator_reports.all()}
    assert {"CT5", "CT6", "CT7.1", "CT7.2"} <= codes and "CT7" not in codes and "CT1" not in codes
    home = round_2024.submissions.get(agency__name="Sở Nội vụ")
    assert [r.task.number for r in home.task_reports.all()] == [3] and not home.indicator_reports.exists()


def test_opening_a_round_notifies_the_agencies_once(round_2024, reporter_sokhcn, django_capture_on_commit_callbacks):
    from reporting.notifications import round_opened

    round_opened(round_id=round_2024.pk)
    round_opened(round_id=round_2024.pk)
    assert reporter_sokhcn.notifications.count() == 1


def test_a_round_needs_a_deadline_after_the_cutoff(programme, secretariat, agency):
    with pytest.raises(ValidationError):
        services.round_open(
            programme=programme,
            actor=secretariat,
            kind="annual",
            year=2024,
            title="x",
            cutoff=datetime.date(2024, 12, 31),
            deadline=datetime.date(2024, 12, 1),
            agencies=[agency("Sở KH&CN")],
        )


def test_a_draft_is_saved_and_logged(dost_submission, reporter_sokhcn):
    saved = complete(dost_submission, reporter_sokhcn)
    assert saved.status == "draft" and saved.version == 1
    assert SubmissionEvent.objects.get(submission=saved, action="save").actor == reporter_sokhcn


def test_the_second_of_two_concurrent_saves_is_refused(dost_submission, reporter_sokhcn):
    stale_version = dost_submission.version
    complete(dost_submission, reporter_sokhcn)
    with pytest.raises(ValidationError) as error:
        services.submission_save(
            submission=dost_submission, actor=reporter_sokhcn, version=stale_version, data={"results": "ghi đè"}
        )
    assert "người khác" in error.value.messages[0]
    assert Submission.objects.get(pk=dost_submission.pk).results == "Đã hoàn thành các nhiệm vụ năm."


def test_a_bad_value_in_a_draft_changes_nothing(dost_submission, reporter_sokhcn):
    ct5 = dost_submission.indicator_reports.get(indicator__code="CT5")
    with pytest.raises(ValidationError):
        services.submission_save(
            submission=dost_submission,
            actor=reporter_sokhcn,
            version=0,
            data={"results": "abc", f"indicator-{ct5.indicator_id}-value": "mười"},
        )
    fresh = Submission.objects.get(pk=dost_submission.pk)
    assert (fresh.results, fresh.version, fresh.status) == ("", 0, "not_started")


def test_submitting_an_incomplete_form_lists_every_missing_item(dost_submission, reporter_sokhcn):
    with pytest.raises(ValidationError) as error:
        services.submission_submit(submission=dost_submission, actor=reporter_sokhcn, version=0)
    problems = error.value.messages
    assert "Chưa nhập phần “Kết quả đạt được”." in problems
    assert any(p == "Chỉ tiêu CT5: chưa nhập giá trị." for p in problems)
    assert Submission.objects.get(pk=dost_submission.pk).status == "not_started"


def test_configured_rules_are_checked_at_submission(dost_submission, reporter_sokhcn, secretariat):
    ct5 = dost_submission.indicator_reports.get(indicator__code="CT5").indicator
    IndicatorRule.objects.create(indicator=ct5, max_value=60, max_change=5, evidence_required=True)
    Measurement.objects.create(indicator=ct5, year=2023, value=40, source="x")
    task = dost_submission.task_reports.get(task__number=1)
    saved = complete(
        dost_submission,
        reporter_sokhcn,
        **{
            f"indicator-{ct5.pk}-value": "50",
            f"task-{task.task_id}-status": "completed",
            f"task-{task.task_id}-progress": "100",
        },
    )
    behind = dost_submission.task_reports.get(task__number=2)
    saved = services.submission_save(
        submission=saved,
        actor=reporter_sokhcn,
        version=saved.version,
        data={f"task-{behind.task_id}-status": "behind", f"task-{behind.task_id}-narrative": ""},
    )
    with pytest.raises(ValidationError) as error:
        services.submission_submit(submission=saved, actor=reporter_sokhcn, version=saved.version)
    problems = " | ".join(error.value.messages)
    assert "Chỉ tiêu CT5: thay đổi 10 so với kỳ trước (40) vượt mức cho phép 5." in problems
    assert "Chỉ tiêu CT5: cần kèm tài liệu minh chứng." in problems
    assert "Nhiệm vụ 1: đánh dấu hoàn thành cần kèm tài liệu minh chứng." in problems
    assert "Nhiệm vụ 2: chậm tiến độ cần nêu lý do." in problems


def test_an_out_of_range_value_is_reported_in_plain_language(dost_submission, reporter_sokhcn):
    ct6 = dost_submission.indicator_reports.get(indicator__code="CT6")
    saved = complete(dost_submission, reporter_sokhcn, **{f"indicator-{ct6.indicator_id}-value": "140"})
    with pytest.raises(ValidationError) as error:
        services.submission_submit(submission=saved, actor=reporter_sokhcn, version=saved.version)
    assert "Chỉ tiêu CT6: giá trị 140 nằm ngoài khoảng cho phép (0 đến 100)." in error.value.messages


def submitted(submission, actor):
    saved = complete(submission, actor)
    return services.submission_submit(submission=saved, actor=actor, version=saved.version)


def test_returning_with_item_comments_then_resubmitting(dost_submission, reporter_sokhcn, secretariat):
    sent = submitted(dost_submission, reporter_sokhcn)
    ct5 = sent.indicator_reports.get(indicator__code="CT5")
    returned = services.submission_return(
        submission=sent,
        actor=secretariat,
        version=sent.version,
        comment="",
        item_comments={f"indicator-{ct5.indicator_id}": "Kiểm tra lại nguồn"},
    )
    assert returned.status == "returned"
    assert returned.indicator_reports.get(indicator__code="CT5").review_comment == "Kiểm tra lại nguồn"
    again = complete(returned, reporter_sokhcn, **{f"indicator-{ct5.indicator_id}-source": "Điều tra 2024"})
    assert (
        services.submission_submit(submission=again, actor=reporter_sokhcn, version=again.version).status == "submitted"
    )


def test_returning_needs_a_comment(dost_submission, reporter_sokhcn, secretariat):
    sent = submitted(dost_submission, reporter_sokhcn)
    with pytest.raises(ValidationError):
        services.submission_return(
            submission=sent, actor=secretariat, version=sent.version, comment=" ", item_comments={}
        )


def test_approval_makes_figures_and_task_statuses_official_and_locks(dost_submission, reporter_sokhcn, secretariat):
    sent = submitted(dost_submission, reporter_sokhcn)
    approved = services.submission_approve(submission=sent, actor=secretariat, version=sent.version)
    official = Measurement.objects.get(indicator__code="CT5", year=2024, kind="official")
    assert official.value == Decimal("2") and official.history.first().history_user == secretariat
    task = KeyTask.objects.get(number=1)
    assert (task.status, task.progress) == ("in_progress", 60)
    with pytest.raises(ValidationError):
        services.submission_save(
            submission=approved, actor=reporter_sokhcn, version=approved.version, data={"results": "x"}
        )
    with pytest.raises(ValidationError):
        services.submission_submit(submission=approved, actor=reporter_sokhcn, version=approved.version)


def test_approval_replaces_an_earlier_official_figure_keeping_its_history(
    dost_submission, reporter_sokhcn, secretariat
):
    Measurement.objects.create(
        indicator=dost_submission.indicator_reports.get(indicator__code="CT5").indicator,
        year=2024,
        value=1,
        source="cũ",
    )
    sent = submitted(dost_submission, reporter_sokhcn)
    services.submission_approve(submission=sent, actor=secretariat, version=sent.version)
    official = Measurement.objects.get(indicator__code="CT5", year=2024, kind="official")
    assert official.value == 2
    assert [h.value for h in official.history.order_by("history_date")] == [1, 2]


def test_reopening_is_explicit_and_logged(dost_submission, reporter_sokhcn, secretariat):
    sent = submitted(dost_submission, reporter_sokhcn)
    approved = services.submission_approve(submission=sent, actor=secretariat, version=sent.version)
    with pytest.raises(ValidationError):
        services.submission_reopen(submission=approved, actor=secretariat, version=approved.version, reason="")
    reopened = services.submission_reopen(
        submission=approved, actor=secretariat, version=approved.version, reason="Sai số liệu CT5"
    )
    assert reopened.status == "returned" and reopened.events.filter(action="reopen", comment="Sai số liệu CT5").exists()


def test_evidence_of_the_wrong_type_is_refused_in_a_draft(dost_submission, reporter_sokhcn):
    task = dost_submission.task_reports.get(task__number=1)
    with pytest.raises(ValidationError):
        services.submission_save(
            submission=dost_submission,
            actor=reporter_sokhcn,
            version=0,
            data={},
            files={f"task-{task.task_id}-evidence": SimpleUploadedFile("a.pdf", b"MZ not pdf")},
        )
    assert not Submission.objects.get(pk=dost_submission.pk).task_reports.get(task__number=1).evidence


def test_a_completed_task_with_evidence_can_be_submitted(dost_submission, reporter_sokhcn):
    task = dost_submission.task_reports.get(task__number=1)
    saved = complete(
        dost_submission,
        reporter_sokhcn,
        **{f"task-{task.task_id}-status": "completed", f"task-{task.task_id}-progress": "100"},
    )
    saved = services.submission_save(
        submission=saved,
        actor=reporter_sokhcn,
        version=saved.version,
        data={},
        files={f"task-{task.task_id}-evidence": SimpleUploadedFile("qd.pdf", PDF)},
    )
    assert (
        services.submission_submit(submission=saved, actor=reporter_sokhcn, version=saved.version).status == "submitted"
    )
