"""Reporting rounds: the secretariat opens, reviews and closes; reporters fill and submit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.forms import call_service
from programmes import selectors as programme_selectors
from programmes.models import KeyTask
from programmes.permissions import is_secretariat, require

from . import exports, selectors, services, validation
from .documents import PLACEHOLDERS
from .forms import ReopenForm, ReportTemplateForm, ReviewForm, RoundForm
from .models import Notification, ReportTemplate
from .reports import report_file


def _can_see(user, submission) -> bool:
    return is_secretariat(user, submission.round.programme) or (
        user.is_authenticated and user.agency_id == submission.agency_id
    )


@login_required
def round_list(request, slug):
    programme = programme_selectors.programme_get(slug)
    manage = is_secretariat(request.user, programme)
    require(manage or bool(request.user.agency_id))
    rounds = selectors.rounds_for(programme, request.user, manage)
    return render(
        request, "reporting/round_list.html", {"programme": programme, "rounds": rounds, "can_manage": manage}
    )


@login_required
def round_create(request, slug):
    programme = programme_selectors.programme_get(slug)
    require(is_secretariat(request.user, programme))
    form = RoundForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        rnd = call_service(form, services.round_open, programme=programme, actor=request.user, **form.cleaned_data)
        if rnd:
            messages.success(request, _("Đã mở đợt báo cáo và thông báo cho các cơ quan."))
            return redirect("reporting:round", round_id=rnd.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "reporting/round_form.html", {"programme": programme, "form": form}, status=status)


@login_required
def round_detail(request, round_id):
    rnd = selectors.round_get(round_id)
    require(is_secretariat(request.user, rnd.programme))
    return render(
        request,
        "reporting/round_detail.html",
        {
            "programme": rnd.programme,
            "round": rnd,
            # Read only when the cached fragment is missing (the template caches tiles and table).
            "completeness": SimpleLazyObject(lambda: selectors.completeness(rnd)),
            "completeness_stamp": selectors.completeness_stamp(rnd),
            "formats": ReportTemplate.Format.choices,
        },
    )


@login_required
def round_export(request, round_id):
    rnd = selectors.round_get(round_id)
    require(is_secretariat(request.user, rnd.programme))
    response = HttpResponse(
        exports.completeness_xlsx(rnd, selectors.completeness(rnd)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="tinh-hinh-bao-cao-{rnd.pk}.xlsx"'
    return response


@login_required
@require_POST
def round_close(request, round_id):
    rnd = selectors.round_get(round_id)
    require(is_secretariat(request.user, rnd.programme))
    try:
        services.round_close(rnd=rnd, actor=request.user)
        messages.success(request, _("Đã chốt số liệu của đợt báo cáo."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("reporting:round", round_id=rnd.pk)


@login_required
def round_report(request, round_id, fmt, ext):
    rnd = selectors.round_get(round_id)
    require(is_secretariat(request.user, rnd.programme))
    if fmt not in ReportTemplate.Format.values or ext not in ("docx", "pdf"):
        raise PermissionDenied
    content, filename, content_type = report_file(rnd=rnd, fmt=fmt, ext=ext, issued_on=timezone.localdate())
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def template_edit(request, round_id, fmt):
    rnd = selectors.round_get(round_id)
    require(is_secretariat(request.user, rnd.programme) and fmt in ReportTemplate.Format.values)
    template = services.report_template_for(programme=rnd.programme, kind=rnd.kind, fmt=fmt)
    form = ReportTemplateForm(request.POST or None, instance=template)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Đã lưu mẫu báo cáo."))
        return redirect("reporting:round", round_id=rnd.pk)
    context = {"programme": rnd.programme, "round": rnd, "form": form, "placeholders": PLACEHOLDERS}
    return render(request, "reporting/template_form.html", context)


def _rows(reports, kind: str, fields: tuple, posted, errors) -> list[dict]:
    """Each report with the values to show (what was just posted, after a refusal) and its errors."""
    rows = []
    for report in reports:
        prefix = f"{kind}-{getattr(report, kind + '_id')}-"
        values = {f: posted.get(prefix + f, getattr(report, f)) if posted else getattr(report, f) for f in fields}
        rows.append(
            {
                "report": report,
                "prefix": prefix,
                "values": values,
                "errors": [m for f in (*fields, "evidence") for m in errors.get(prefix + f, [])],
            }
        )
    return rows


def _submission_context(request, submission, errors=None, posted=None, **extra):
    manage = is_secretariat(request.user, submission.round.programme)
    errors = errors or {}
    return {
        "task_rows": _rows(submission.task_reports.all(), "task", ("status", "progress", "narrative"), posted, errors),
        "indicator_rows": _rows(
            submission.indicator_reports.all(), "indicator", ("value", "source", "note"), posted, errors
        ),
        "texts": {f: (posted or {}).get(f, getattr(submission, f)) for f in services.EDITABLE_FIELDS},
        "programme": submission.round.programme,
        "submission": submission,
        "round": submission.round,
        "can_edit": submission.is_editable and request.user.agency_id == submission.agency_id,
        "can_review": manage,
        "statuses": KeyTask.Status.choices,
        "review_form": ReviewForm(),
        "reopen_form": ReopenForm(),
        "errors": errors,
        "problems": [],
        "missing": validation.submission_problems(submission) if submission.is_editable else [],
        **extra,
    }


@login_required
def submission_view(request, submission_id):
    submission = selectors.submission_detail(submission_id)
    require(_can_see(request.user, submission))
    return render(request, "reporting/submission.html", _submission_context(request, submission))


def _form_error(request, submission, exc, status=400):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {}
    problems = [] if errors else exc.messages
    submission = selectors.submission_detail(submission.pk)
    context = _submission_context(request, submission, errors=errors, problems=problems, posted=request.POST)
    template = "reporting/partials/_save_status.html" if request.htmx else "reporting/submission.html"
    return render(request, template, context, status=status)


def _version(request) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        raise ValidationError(_("Thiếu phiên bản của báo cáo; hãy tải lại trang.")) from None


@login_required
@require_POST
def submission_save(request, submission_id):
    """Save the draft; with the "submit" button, then send it (a refused send keeps the draft)."""
    submission = selectors.submission_detail(submission_id)
    services.require_reporter(request.user, submission)
    try:
        submission = services.submission_save(
            submission=submission, actor=request.user, version=_version(request), data=request.POST, files=request.FILES
        )
        if "submit" in request.POST:
            services.submission_submit(submission=submission, actor=request.user, version=submission.version)
    except ValidationError as exc:
        return _form_error(request, submission, exc)
    if request.htmx:
        return render(request, "reporting/partials/_save_status.html", {"submission": submission, "saved": True})
    if "submit" in request.POST:
        messages.success(request, _("Đã gửi báo cáo tới thường trực chương trình."))
    else:
        messages.success(request, _("Đã lưu bản nháp."))
    return redirect("reporting:submission", submission_id=submission.pk)


@login_required
@require_POST
def submission_review(request, submission_id):
    submission = selectors.submission_detail(submission_id)
    require(is_secretariat(request.user, submission.round.programme))
    form = ReviewForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Cần chọn duyệt hoặc trả lại."))
        if form.cleaned_data["decision"] == "approve":
            services.submission_approve(submission=submission, actor=request.user, version=_version(request))
            messages.success(request, _("Đã duyệt báo cáo; số liệu đã trở thành chính thức."))
        else:
            comments = {k.removeprefix("comment-"): v for k, v in request.POST.items() if k.startswith("comment-")}
            services.submission_return(
                submission=submission,
                actor=request.user,
                version=_version(request),
                comment=form.cleaned_data["comment"],
                item_comments=comments,
            )
            messages.success(request, _("Đã trả lại báo cáo kèm ý kiến."))
    except ValidationError as exc:
        return _form_error(request, submission, exc)
    return redirect("reporting:submission", submission_id=submission.pk)


@login_required
@require_POST
def submission_reopen(request, submission_id):
    submission = selectors.submission_detail(submission_id)
    require(is_secretariat(request.user, submission.round.programme))
    try:
        services.submission_reopen(
            submission=submission, actor=request.user, version=_version(request), reason=request.POST.get("reason", "")
        )
    except ValidationError as exc:
        return _form_error(request, submission, exc)
    messages.success(request, _("Đã mở lại báo cáo để chỉnh sửa."))
    return redirect("reporting:submission", submission_id=submission.pk)


@login_required
def my_reports(request):
    submissions = selectors.submissions_of_agency(request.user.agency_id) if request.user.agency_id else []
    return render(request, "reporting/my_reports.html", {"submissions": submissions, "today": timezone.localdate()})


@login_required
def notification_list(request):
    notices = list(request.user.notifications.all()[:100])
    if request.method == "POST":
        request.user.notifications.filter(read_at__isnull=True).update(read_at=timezone.now())
        return redirect("reporting:notifications")
    return render(request, "reporting/notifications.html", {"notices": notices})


@login_required
def notification_open(request, notification_id):
    notice = get_object_or_404(Notification, pk=notification_id, user=request.user)
    if notice.read_at is None:
        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])
    return redirect(notice.url or "reporting:notifications")
