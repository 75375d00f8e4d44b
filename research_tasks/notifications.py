"""Notices of a task's steps, sent after the step is committed; once per (user, key)."""

import contextlib
from contextvars import ContextVar

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from reporting.notifications import notify

from .models import ChangeRequest, Council, Dossier, Inspection, OrderCall

_silenced: ContextVar[bool] = ContextVar("research_tasks_notices_silenced", default=False)


@contextlib.contextmanager
def silenced():
    """Steps taken inside send no notice: a loader writing past history tells nobody."""
    token = _silenced.set(True)
    try:
        yield
    finally:
        _silenced.reset(token)


def is_silenced() -> bool:
    return _silenced.get()


def _secretariat() -> list[User]:
    return list(User.objects.filter(secretariat_of__isnull=False, is_active=True).distinct())


def dossier_submitted(*, dossier_id: int) -> None:
    dossier = Dossier.objects.select_related("task", "pi").get(pk=dossier_id)
    notify(
        users=_secretariat(),
        key=f"rt-dossier:{dossier.pk}:submitted",
        subject=_("Hồ sơ mới: %(title)s") % {"title": dossier.title[:200]},
        body=_("%(pi)s đã nộp hồ sơ cho nhiệm vụ %(code)s.") % {"pi": dossier.pi.full_name, "code": dossier.task.code},
        url=reverse("research_tasks:dossier", args=[dossier.pk]),
    )


def dossier_checked(*, dossier_id: int) -> None:
    dossier = Dossier.objects.select_related("pi__user").get(pk=dossier_id)
    if dossier.pi.user is None:
        return
    notify(
        users=[dossier.pi.user],
        key=f"rt-dossier:{dossier.pk}:checked",
        subject=_("Kết quả kiểm tra hồ sơ: %(status)s") % {"status": dossier.get_status_display()},
        body=dossier.check_reasons or dossier.title,
        url=reverse("research_tasks:dossier", args=[dossier.pk]),
    )


def council_formed(*, council_id: int) -> None:
    council = Council.objects.select_related("task").get(pk=council_id)
    users = [m.researcher.user for m in council.members.select_related("researcher__user") if m.researcher.user]
    notify(
        users=users,
        key=f"rt-council:{council.pk}:formed",
        subject=_("Mời tham gia %(name)s") % {"name": council.name},
        body=_("Họp ngày %(date)s. Hãy khai báo xung đột lợi ích với từng hồ sơ trước khi đánh giá.")
        % {"date": f"{council.meeting_date:%d/%m/%Y}"},
        url=reverse("research_tasks:council", args=[council.pk]),
    )


def council_scored(*, council_id: int, dossier_id: int) -> None:
    council = Council.objects.get(pk=council_id)
    notify(
        users=_secretariat(),
        key=f"rt-council:{council.pk}:scored:{dossier_id}",
        subject=_("%(name)s đã chấm xong một hồ sơ") % {"name": council.name},
        body=_("Kết quả tổng hợp đã mở cho hội đồng và thường trực."),
        url=reverse("research_tasks:council", args=[council.pk]),
    )


def council_decided(*, council_id: int) -> None:
    council = Council.objects.select_related("task").get(pk=council_id)
    dossiers = Dossier.objects.filter(task=council.task, kind=council.dossier_kind, attempt=council.attempt)
    dossiers = dossiers.select_related("pi__user")
    for dossier in dossiers:
        if dossier.pi.user is None:
            continue
        notify(
            users=[dossier.pi.user],
            key=f"rt-council:{council.pk}:decided:{dossier.pk}",
            subject=_("Kết luận của hội đồng: %(status)s") % {"status": dossier.get_status_display()},
            body=council.conclusion,
            url=reverse("research_tasks:dossier", args=[dossier.pk]),
        )


def order_list_approved(*, call_id: int) -> None:
    call = OrderCall.objects.get(pk=call_id)
    agency_ids = set(call.proposals.values_list("agency_id", flat=True))
    notify(
        users=list(User.objects.filter(agency_id__in=agency_ids, is_active=True)),
        key=f"rt-order:{call.pk}:approved",
        subject=_("Đã phê duyệt danh mục đặt hàng: %(title)s") % {"title": call.title},
        body=_("Xem các nhiệm vụ được đặt hàng và đề xuất của đơn vị."),
        url=reverse("research_tasks:order-call", args=[call.pk]),
    )


def _pi_and_host(task) -> list[User]:
    """The PI and the researchers (with accounts) of the host organisation."""
    users = User.objects.filter(is_active=True, researcher__organisation_id=task.host_id) if task.host_id else []
    found = {user.pk: user for user in users}
    if task.pi_id and task.pi.user_id and task.pi.user.is_active:
        found.setdefault(task.pi.user_id, task.pi.user)
    return list(found.values())


def inspection_scheduled(*, inspection_id: int) -> None:
    inspection = Inspection.objects.select_related("contract__task__pi__user").get(pk=inspection_id)
    task = inspection.contract.task
    notify(
        users=_pi_and_host(task),
        key=f"rt-inspection:{inspection.pk}:scheduled",
        subject=_("Lịch kiểm tra nhiệm vụ %(code)s ngày %(date)s")
        % {"code": task.code, "date": f"{inspection.held_on:%d/%m/%Y}"},
        body=inspection.purpose,
        url=reverse("research_tasks:contract", args=[inspection.contract_id]),
    )


def change_submitted(*, change_id: int) -> None:
    change = ChangeRequest.objects.select_related("contract__task").get(pk=change_id)
    notify(
        users=_secretariat(),
        key=f"rt-change:{change.pk}:submitted",
        subject=_("Đề nghị điều chỉnh hợp đồng %(number)s: %(kind)s")
        % {"number": change.contract.number, "kind": change.get_kind_display()},
        body=change.reason,
        url=reverse("research_tasks:contract", args=[change.contract_id]),
    )


def change_decided(*, change_id: int) -> None:
    change = ChangeRequest.objects.select_related("contract__task__pi__user").get(pk=change_id)
    pi = change.contract.task.pi
    if pi is None or pi.user is None:
        return
    notify(
        users=[pi.user],
        key=f"rt-change:{change.pk}:decided",
        subject=_("Đề nghị điều chỉnh hợp đồng %(number)s: %(status)s")
        % {"number": change.contract.number, "status": change.get_status_display()},
        body=change.decision_note or change.reason,
        url=reverse("research_tasks:contract", args=[change.contract_id]),
    )


def application_reminders(*, today=None) -> int:
    """Once a year, for three years after acceptance, ask the PI to record how the results are
    applied, unless an application of that year is recorded already. Safe to run daily."""
    from .selectors import applications_due

    year = (today or timezone.localdate()).year
    sent = 0
    for task in applications_due(year).select_related("pi__user"):
        if task.pi is None or task.pi.user is None or not task.pi.user.is_active:
            continue
        sent += len(
            notify(
                users=[task.pi.user],
                key=f"rt-task:{task.pk}:applications:{year}",
                subject=_("Cập nhật ứng dụng kết quả năm %(year)s: %(code)s") % {"year": year, "code": task.code},
                body=_(
                    "Nhiệm vụ đã nghiệm thu ngày %(date)s. Hãy ghi nhận đơn vị, địa điểm và hiệu quả ứng dụng "
                    "kết quả trong năm %(year)s."
                )
                % {"date": f"{task.acceptance.decided_on:%d/%m/%Y}", "year": year},
                url=reverse("research_tasks:task", args=[task.pk]),
            )
        )
    return sent
