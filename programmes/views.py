"""Programme pages: text, roadmap, key tasks; task updates and programme set-up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.cache import public_page
from core.forms import call_service

from . import selectors, services
from .forms import KeyTaskForm, KeyTaskUpdateForm, ProgrammeCopyForm, ProgrammeForm
from .models import KeyTask
from .permissions import can_create_programme, can_report_for_task, is_secretariat, require


@public_page
def programme_list(request):
    return render(
        request,
        "programmes/programme_list.html",
        {"programmes": selectors.programme_list(), "can_create": can_create_programme(request.user)},
    )


@public_page
def programme_text(request, slug):
    programme = selectors.programme_text(slug)
    tasks = list(selectors.key_tasks(programme))
    return render(request, "programmes/programme_text.html", {"programme": programme, "tasks": tasks})


@public_page
def roadmap(request, slug):
    programme = selectors.programme_text(slug)
    return render(
        request,
        "programmes/roadmap.html",
        {"programme": programme, "today": timezone.localdate(), "years": list(programme.years)},
    )


@public_page
def task_list(request, slug):
    programme = selectors.programme_get(slug)
    filters = {}
    status = request.GET.get("status")
    if status in KeyTask.Status.values:
        filters["status"] = status
    agency = request.GET.get("agency")
    if agency:
        filters["lead_agencies__slug"] = agency
    tasks = list(selectors.key_tasks(programme, **filters))
    group = request.GET.get("group", "status")
    return render(
        request,
        "programmes/task_list.html",
        {
            "programme": programme,
            "tasks": tasks,
            "group": group,
            "tasks_by_status": selectors.tasks_by_status(tasks),
            "tasks_by_agency": selectors.tasks_by_lead_agency(tasks, only=agency),
            "status_filter": status,
            "agency_filter": agency,
            "statuses": KeyTask.Status.choices,
            "today": timezone.localdate(),
            "can_manage": is_secretariat(request.user, programme),
        },
    )


@public_page
def task_detail(request, slug, number, update_form=None, edit_form=None):
    programme = selectors.programme_get(slug)
    task = selectors.key_task_detail(programme, number)
    can_report = can_report_for_task(request.user, task)
    can_manage = is_secretariat(request.user, programme)
    context = {
        "programme": programme,
        "task": task,
        "today": timezone.localdate(),
        "can_report": can_report,
        "can_manage": can_manage,
        "update_form": update_form or KeyTaskUpdateForm(task=task),
        "edit_form": edit_form or _edit_form_for(task),
        "open_form": "update" if update_form else "edit" if edit_form else None,
    }
    status = 400 if update_form or edit_form else 200
    return render(request, "programmes/task_detail.html", context, status=status)


def _edit_form_for(task):
    return KeyTaskForm(
        initial={
            "title": task.title,
            "lead_agencies": [link.agency for link in task.lead_links.all()],
            "coordinating_units": [link.agency for link in task.coordinator_links.all()],
            "start_year": task.start_year,
            "end_year": task.end_year,
            "deadline": task.deadline,
        }
    )


@login_required
@require_POST
def task_update_create(request, slug, number):
    programme = selectors.programme_get(slug)
    task = selectors.key_task_detail(programme, number)
    require(can_report_for_task(request.user, task))
    form = KeyTaskUpdateForm(request.POST, request.FILES, task=task)
    if form.is_valid() and call_service(
        form, services.key_task_update_record, task=task, actor=request.user, **form.cleaned_data
    ):
        messages.success(request, _("Đã ghi nhận cập nhật tiến độ."))
        return redirect("programmes:task-detail", slug=slug, number=number)
    return task_detail(request, slug, number, update_form=form)


@login_required
@require_POST
def task_edit(request, slug, number):
    programme = selectors.programme_get(slug)
    task = selectors.key_task_detail(programme, number)
    require(is_secretariat(request.user, programme))
    form = KeyTaskForm(request.POST)
    if form.is_valid() and call_service(
        form, services.key_task_edit, task=task, actor=request.user, **form.cleaned_data
    ):
        messages.success(request, _("Đã lưu nhiệm vụ."))
        return redirect("programmes:task-detail", slug=slug, number=number)
    return task_detail(request, slug, number, edit_form=form)


@login_required
def task_create(request, slug):
    programme = selectors.programme_get(slug)
    require(is_secretariat(request.user, programme))
    form = KeyTaskForm(
        request.POST or None, initial={"start_year": programme.start_year, "end_year": programme.end_year}
    )
    if request.method == "POST" and form.is_valid():
        task = call_service(
            form, services.key_task_create, programme=programme, actor=request.user, **form.cleaned_data
        )
        if task:
            messages.success(request, _("Đã thêm nhiệm vụ."))
            return redirect("programmes:task-detail", slug=slug, number=task.number)
    status = 400 if request.method == "POST" else 200
    return render(request, "programmes/task_form.html", {"programme": programme, "form": form}, status=status)


@login_required
def programme_create(request):
    require(can_create_programme(request.user))
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        programme = call_service(form, services.programme_create, actor=request.user, **fields)
        if programme:
            messages.success(request, _("Đã tạo chương trình."))
            return redirect("dashboard:overview", slug=programme.slug)
    status = 400 if request.method == "POST" else 200
    return render(request, "programmes/programme_form.html", {"form": form}, status=status)


@login_required
def programme_copy(request, slug):
    source = selectors.programme_get(slug)
    require(is_secretariat(request.user, source))
    initial = {
        "start_year": source.end_year + 1,
        "end_year": source.end_year + 1 + (source.end_year - source.start_year),
        "title": source.title,
    }
    form = ProgrammeCopyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        programme = call_service(form, services.programme_copy, source=source, actor=request.user, **form.cleaned_data)
        if programme:
            messages.success(request, _("Đã tạo giai đoạn mới từ chương trình %(code)s.") % {"code": source.code})
            return redirect("dashboard:overview", slug=programme.slug)
    status = 400 if request.method == "POST" else 200
    return render(request, "programmes/programme_copy.html", {"form": form, "source": source}, status=status)
