"""In-app and e-mail notices of a round's events. Each notice is created once per
(user, key), so a job that runs twice sends nothing twice."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from .models import Notification, ReportingRound, Submission


def notify(*, users, key: str, subject: str, body: str, url: str = "") -> list[Notification]:
    """Create the notices that do not exist yet and queue their e-mails after commit."""
    from .tasks import send_notification_email

    created = []
    for user in users:
        try:
            with transaction.atomic():
                notice = Notification.objects.create(user=user, key=key, subject=subject, body=body, url=url)
        except IntegrityError:
            continue  # already sent for this event
        created.append(notice)
        transaction.on_commit(lambda pk=notice.pk: send_notification_email.delay(pk))
    return created


def _reporters(agency_ids) -> list[User]:
    return list(User.objects.filter(agency_id__in=agency_ids, is_active=True))


def _secretariat(programme) -> list[User]:
    return list(programme.secretariat.filter(is_active=True))


def round_opened(*, round_id: int) -> None:
    rnd = ReportingRound.objects.select_related("programme").get(pk=round_id)
    for submission in rnd.submissions.all():
        notify(
            users=_reporters([submission.agency_id]),
            key=f"round:{rnd.pk}:opened",
            subject=_("Mở đợt báo cáo: %(title)s") % {"title": rnd.title},
            body=_("Đơn vị được đề nghị báo cáo trước ngày %(deadline)s.")
            % {"deadline": rnd.deadline.strftime("%d/%m/%Y")},
            url=reverse("reporting:submission", args=[submission.pk]),
        )


def submission_submitted(*, submission_id: int) -> None:
    submission = Submission.objects.select_related("round__programme", "agency").get(pk=submission_id)
    notify(
        users=_secretariat(submission.round.programme),
        key=f"submission:{submission.pk}:submitted:{submission.submitted_at:%Y%m%d%H%M%S}",
        subject=_("%(agency)s đã gửi báo cáo") % {"agency": submission.agency.name},
        body=submission.round.title,
        url=reverse("reporting:submission", args=[submission.pk]),
    )


def submission_returned(*, submission_id: int, event_id: int) -> None:
    submission = Submission.objects.select_related("round", "agency").get(pk=submission_id)
    notify(
        users=_reporters([submission.agency_id]),
        key=f"submission:{submission.pk}:returned:{event_id}",
        subject=_("Báo cáo được trả lại để sửa: %(title)s") % {"title": submission.round.title},
        body=submission.review_comment or _("Xem ý kiến theo từng mục trong báo cáo."),
        url=reverse("reporting:submission", args=[submission.pk]),
    )


def submission_approved(*, submission_id: int) -> None:
    submission = Submission.objects.select_related("round", "agency").get(pk=submission_id)
    notify(
        users=_reporters([submission.agency_id]),
        key=f"submission:{submission.pk}:approved:{submission.approved_at:%Y%m%d%H%M%S}",
        subject=_("Báo cáo đã được duyệt: %(title)s") % {"title": submission.round.title},
        body=_("Số liệu và tiến độ trong báo cáo đã trở thành số liệu chính thức."),
        url=reverse("reporting:submission", args=[submission.pk]),
    )


def deadline_reminders(*, today=None) -> int:
    """Remind agencies that have not sent their report: N days before the deadline, and
    once the deadline has passed. Safe to run any number of times a day."""
    today = today or timezone.localdate()
    sent = 0
    pending = (Submission.Status.NOT_STARTED, Submission.Status.DRAFT, Submission.Status.RETURNED)
    for rnd in ReportingRound.objects.filter(status=ReportingRound.Status.OPEN):
        days_left = (rnd.deadline - today).days
        if 0 <= days_left <= rnd.remind_days_before:
            key, subject = f"round:{rnd.pk}:reminder", _("Sắp đến hạn báo cáo: %(title)s")
        elif days_left < 0:
            key, subject = f"round:{rnd.pk}:overdue", _("Đã quá hạn báo cáo: %(title)s")
        else:
            continue
        for submission in rnd.submissions.filter(status__in=pending):
            sent += len(
                notify(
                    users=_reporters([submission.agency_id]),
                    key=key,
                    subject=subject % {"title": rnd.title},
                    body=_("Hạn nộp: %(deadline)s.") % {"deadline": rnd.deadline.strftime("%d/%m/%Y")},
                    url=reverse("reporting:submission", args=[submission.pk]),
                )
            )
    return sent
