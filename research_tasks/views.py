"""Pages of the S&T task lifecycle: parse → authorise → one service or selector → render.

A refused action renders its page again with the message next to the field, status 400.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.cache import public_page
from core.forms import call_service

from . import documents, forms, selectors, services
from .models import (
    BudgetLine,
    ChangeRequest,
    ContractMilestone,
    ContractProduct,
    Council,
    Dossier,
    OrderCall,
    OrderProposal,
    ResearchTask,
    ScoreSheet,
)
from .permissions import (
    can_propose,
    can_record_results,
    can_report_on,
    can_see_contract,
    can_see_council,
    can_see_dossier,
    council_seat,
    is_own_dossier,
    is_pi,
    is_task_secretariat,
    member_has_conflict,
    member_may_read,
    require,
    researcher_of,
)


def _errors(exc: ValidationError) -> list[str]:
    return exc.messages


def _year(raw, default: int) -> int:
    try:
        year = int(raw)
    except (TypeError, ValueError):
        return default
    return year if 2000 <= year <= 2100 else default


# Overview, tasks, rules, feed ---------------------------------------------------------------------


@public_page
def home(request):
    secretariat = is_task_secretariat(request.user)
    counts = selectors.stage_counts()
    context = {
        "is_secretariat": secretariat,
        "researcher": researcher_of(request.user),
        "can_propose": can_propose(request.user),
        "stages": [(value, label, counts.get(value, 0)) for value, label in ResearchTask.Stage.choices],
        "follow_up": selectors.applications_due(timezone.localdate().year) if secretariat else [],
        "calls": [c for c in selectors.calls_public()[:20] if not c.has_closed()],
        "tasks": selectors.task_list()[:15],
    }
    return render(request, "research_tasks/home.html", context)


@public_page
def task_list(request):
    stage = request.GET.get("stage", "")
    stage = stage if stage in ResearchTask.Stage.values else ""
    year = _year(request.GET.get("year"), 0) or None
    tasks = selectors.task_list(stage=stage, year=year)
    context = {"tasks": tasks, "stage": stage, "year": year, "stages": ResearchTask.Stage.choices}
    return render(request, "research_tasks/task_list.html", context)


def _task_context(request, task, **bound) -> dict:
    user = request.user
    secretariat = is_task_secretariat(user)
    pi = is_pi(user, task)
    contract = getattr(task, "contract", None)
    acceptance = getattr(task, "acceptance", None)
    return {
        "task": task,
        "is_secretariat": secretariat,
        "is_pi": pi,
        "contract": contract,
        "acceptance": acceptance,
        "can_see_contract": contract is not None and can_see_contract(user, contract),
        "can_record": can_record_results(user, task),
        "councils": list(task.councils.all()),
        "calls": list(task.calls.all()),
        "call_form": bound.get("call_form") or forms.SelectionCallForm(initial={"title": task.title}),
        "assign_form": bound.get("assign_form") or forms.AssignForm(),
        "output_form": bound.get("output_form") or (forms.OutputLinkForm(task=task) if task.pi_id else None),
        "application_form": bound.get("application_form") or forms.ApplicationForm(),
        "errors": bound.get("errors", []),
        "follow_years": _follow_years(task, acceptance),
        "events": task.events.select_related("actor")[:50] if secretariat else [],
    }


def _follow_years(task, acceptance) -> list[tuple[int, list]]:
    """The three years after acceptance and the applications recorded in each."""
    if acceptance is None or not acceptance.is_accepted:
        return []
    first = acceptance.decided_on.year
    applications = list(task.applications.all())
    return [(year, [a for a in applications if a.year == year]) for year in range(first, first + 4)]


def _task_page(request, task, status=200, **bound):
    return render(request, "research_tasks/task_detail.html", _task_context(request, task, **bound), status=status)


@public_page
def task_detail(request, pk):
    return _task_page(request, selectors.task_detail(pk))


@login_required
@require_POST
def task_call_open(request, pk):
    task = selectors.task_detail(pk)
    require(is_task_secretariat(request.user))
    form = forms.SelectionCallForm(request.POST)
    if form.is_valid() and call_service(
        form, services.selection_call_open, task=task, actor=request.user, **form.cleaned_data
    ):
        messages.success(request, _("Đã đăng thông báo tuyển chọn."))
        return redirect("research_tasks:task", pk=task.pk)
    return _task_page(request, task, status=400, call_form=form)


@login_required
@require_POST
def task_assign(request, pk):
    task = selectors.task_detail(pk)
    require(is_task_secretariat(request.user))
    form = forms.AssignForm(request.POST)
    if form.is_valid() and call_service(
        form, services.task_assign_directly, task=task, actor=request.user, **form.cleaned_data
    ):
        messages.success(request, _("Đã giao trực tiếp; chủ nhiệm được mời lập hồ sơ."))
        return redirect("research_tasks:task", pk=task.pk)
    return _task_page(request, task, status=400, assign_form=form)


@login_required
@require_POST
def task_output_link(request, pk):
    task = selectors.task_detail(pk)
    require(can_record_results(request.user, task))
    form = forms.OutputLinkForm(request.POST, task=task)
    if form.is_valid() and call_service(form, _output_link, task=task, actor=request.user, **form.cleaned_data):
        messages.success(request, _("Đã đăng ký kết quả cho nhiệm vụ."))
        return redirect("research_tasks:task", pk=task.pk)
    return _task_page(request, task, status=400, output_form=form)


def _output_link(**kwargs):
    services.task_output_link(**kwargs)
    return True


@login_required
@require_POST
def task_application(request, pk):
    task = selectors.task_detail(pk)
    require(can_record_results(request.user, task))
    form = forms.ApplicationForm(request.POST, request.FILES)
    if form.is_valid() and call_service(
        form, services.application_record, task=task, actor=request.user, **form.cleaned_data
    ):
        messages.success(request, _("Đã ghi nhận ứng dụng kết quả."))
        return redirect("research_tasks:task", pk=task.pk)
    return _task_page(request, task, status=400, application_form=form)


@login_required
@require_POST
def task_acceptance_open(request, pk):
    task = selectors.task_detail(pk)
    require(can_report_on(request.user, task))
    try:
        dossier = services.acceptance_dossier_open(task=task, actor=request.user)
    except ValidationError as exc:
        return _task_page(request, task, status=400, errors=_errors(exc))
    return redirect("research_tasks:dossier", pk=dossier.pk)


@public_page
def rules(request):
    return render(request, "research_tasks/rules.html", {"rulesets": selectors.rulesets()})


@public_page
def feed(request):
    year = _year(request.GET.get("year"), timezone.localdate().year - 1)
    figures = selectors.programme_feed(year)
    context = {"year": year, "figures": figures.values(), "years": range(2021, timezone.localdate().year + 1)}
    return render(request, "research_tasks/feed.html", context)


@public_page
def feed_records(request, key, year):
    figures = selectors.programme_feed(year)
    if key not in figures:
        raise Http404
    figure = figures[key]
    records = figure.queryset.order_by("pk")[:500]
    context = {"figure": figure, "records": records, "is_tasks": key == "applied_share"}
    return render(request, "research_tasks/feed_records.html", context)


# Ordering ------------------------------------------------------------------------------------------


@login_required
def order_calls(request):
    secretariat = is_task_secretariat(request.user)
    require(secretariat or can_propose(request.user))
    form = forms.OrderCallForm(request.POST or None)
    if request.method == "POST":
        require(secretariat)
        if form.is_valid() and (
            call := call_service(form, services.order_call_open, actor=request.user, **form.cleaned_data)
        ):
            messages.success(request, _("Đã mở đợt đặt hàng."))
            return redirect("research_tasks:order-call", pk=call.pk)
    status = 400 if request.method == "POST" else 200
    context = {"calls": selectors.order_calls(), "form": form, "is_secretariat": secretariat}
    return render(request, "research_tasks/order_calls.html", context, status=status)


def _order_context(request, call, **bound) -> dict:
    secretariat = is_task_secretariat(request.user)
    proposals = selectors.proposals_for(call, agency_id=None if secretariat else request.user.agency_id)
    return {
        "call": call,
        "is_secretariat": secretariat,
        "proposals": proposals,
        "items": selectors.order_list_items(call),
        "can_propose": can_propose(request.user)
        and call.status == OrderCall.Status.OPEN
        and timezone.localdate() <= call.deadline,
        "need_form": bound.get("need_form") or forms.NeedForm(),
        "merge_form": bound.get("merge_form") or forms.MergeForm(call=call),
        "include_form": forms.IncludeForm(),
        "decline_form": forms.DeclineForm(),
        "approve_form": bound.get("approve_form") or forms.ApproveListForm(),
        "errors": bound.get("errors", []),
    }


def _order_page(request, call, status=200, **bound):
    return render(request, "research_tasks/order_call.html", _order_context(request, call, **bound), status=status)


@login_required
def order_call(request, pk):
    call = selectors.order_call_get(pk)
    require(is_task_secretariat(request.user) or can_propose(request.user))
    return _order_page(request, call)


@login_required
@require_POST
def order_propose(request, pk):
    call = selectors.order_call_get(pk)
    require(can_propose(request.user))
    form = forms.NeedForm(request.POST)
    if form.is_valid() and call_service(
        form, services.order_proposal_submit, call=call, actor=request.user, **form.cleaned_data
    ):
        messages.success(request, _("Đã gửi đề xuất đặt hàng."))
        return redirect("research_tasks:order-call", pk=call.pk)
    return _order_page(request, call, status=400, need_form=form)


@login_required
@require_POST
def order_merge(request, pk):
    call = selectors.order_call_get(pk)
    require(is_task_secretariat(request.user))
    form = forms.MergeForm(request.POST, call=call)
    if form.is_valid() and call_service(
        form,
        services.order_proposals_merge,
        keep=form.cleaned_data["keep"],
        merged=list(form.cleaned_data["merged"]),
        actor=request.user,
    ):
        messages.success(request, _("Đã gộp các đề xuất trùng."))
        return redirect("research_tasks:order-call", pk=call.pk)
    return _order_page(request, call, status=400, merge_form=form)


def _proposal(call, proposal_id) -> OrderProposal:
    return get_object_or_404(OrderProposal, pk=proposal_id, call=call)


@login_required
@require_POST
def order_include(request, pk, proposal_id):
    call = selectors.order_call_get(pk)
    require(is_task_secretariat(request.user))
    proposal = _proposal(call, proposal_id)
    form = forms.IncludeForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Chọn phương thức tuyển chọn hoặc giao trực tiếp."))
        services.order_list_include(proposal=proposal, actor=request.user, **form.cleaned_data)
    except ValidationError as exc:
        return _order_page(request, call, status=400, errors=_errors(exc))
    messages.success(request, _("Đã đưa đề xuất vào danh mục."))
    return redirect("research_tasks:order-call", pk=call.pk)


@login_required
@require_POST
def order_decline(request, pk, proposal_id):
    call = selectors.order_call_get(pk)
    require(is_task_secretariat(request.user))
    proposal = _proposal(call, proposal_id)
    try:
        services.order_proposal_decline(proposal=proposal, actor=request.user, reason=request.POST.get("reason", ""))
    except ValidationError as exc:
        return _order_page(request, call, status=400, errors=_errors(exc))
    messages.success(request, _("Đã ghi nhận: không đưa đề xuất vào danh mục."))
    return redirect("research_tasks:order-call", pk=call.pk)


@login_required
@require_POST
def order_approve(request, pk):
    call = selectors.order_call_get(pk)
    require(is_task_secretariat(request.user))
    form = forms.ApproveListForm(request.POST)
    if form.is_valid() and call_service(
        form, services.order_list_approve, call=call, actor=request.user, **form.cleaned_data
    ):
        messages.success(request, _("Đã phê duyệt danh mục; các nhiệm vụ được tạo."))
        return redirect("research_tasks:order-call", pk=call.pk)
    return _order_page(request, call, status=400, approve_form=form)


# Selection calls and dossiers ---------------------------------------------------------------------


@public_page
def calls(request):
    return render(request, "research_tasks/calls.html", {"calls": selectors.calls_public(), "now": timezone.now()})


@public_page
def call_detail(request, pk):
    call = selectors.call_get(pk)
    researcher = researcher_of(request.user)
    own = None
    if researcher is not None:
        own = Dossier.objects.filter(task=call.task, kind=Dossier.Kind.SELECTION, pi=researcher).first()
    context = {"call": call, "researcher": researcher, "own": own, "is_open": call.is_open()}
    return render(request, "research_tasks/call_detail.html", context)


@login_required
@require_POST
def call_register(request, pk):
    call = selectors.call_get(pk)
    try:
        dossier = services.dossier_register(call=call, actor=request.user)
    except ValidationError as exc:
        context = {
            "call": call,
            "researcher": researcher_of(request.user),
            "is_open": call.is_open(),
            "errors": _errors(exc),
        }
        return render(request, "research_tasks/call_detail.html", context, status=400)
    messages.success(request, _("Đã đăng ký; hãy hoàn thiện và nộp hồ sơ trước hạn."))
    return redirect("research_tasks:dossier", pk=dossier.pk)


@login_required
def dossiers(request):
    secretariat = is_task_secretariat(request.user)
    context = {"dossiers": selectors.dossiers_for(request.user, secretariat=secretariat), "is_secretariat": secretariat}
    return render(request, "research_tasks/dossiers.html", context)


def _dossier_context(request, dossier, **bound) -> dict:
    user = request.user
    editable = dossier.is_editable and is_pi(user, dossier)
    decided = dossier.status in (Dossier.Status.SELECTED, Dossier.Status.NOT_SELECTED, Dossier.Status.EVALUATED)
    initial = {
        f: getattr(dossier, f) for f in ("title", "summary", "approach", "products", "team_text", "duration_months")
    }
    initial["budget_requested"] = dossier.budget_requested.normalize() if dossier.budget_requested is not None else ""
    return {
        "dossier": dossier,
        "task": dossier.task,
        "is_secretariat": is_task_secretariat(user),
        "is_own": is_own_dossier(user, dossier),
        "can_edit": editable,
        "late": dossier.call is not None and dossier.call.has_closed(),
        "form": bound.get("form") or forms.DossierForm(initial=initial),
        "attachment_form": bound.get("attachment_form") or forms.AttachmentForm(),
        "check_form": bound.get("check_form") or forms.CheckForm(),
        "errors": bound.get("errors", []),
        # The PI and the organisation read the council's result only after its decision.
        "result": _decided_result(dossier) if decided else None,
    }


def _decided_result(dossier):
    council = Council.objects.filter(
        task=dossier.task, kind=_council_kind(dossier), status=Council.Status.DECIDED
    ).first()
    if council is None:
        return None
    return {"council": council, "result": selectors.dossier_result(council, dossier)}


def _council_kind(dossier) -> str:
    return Council.Kind.ACCEPTANCE if dossier.kind == Dossier.Kind.ACCEPTANCE else Council.Kind.SELECTION


def _dossier_page(request, dossier, status=200, **bound):
    context = _dossier_context(request, dossier, **bound)
    return render(request, "research_tasks/dossier_detail.html", context, status=status)


@login_required
def dossier_detail(request, pk):
    dossier = selectors.dossier_get(pk)
    require(can_see_dossier(request.user, dossier))
    return _dossier_page(request, dossier)


@login_required
@require_POST
def dossier_save(request, pk):
    dossier = selectors.dossier_get(pk)
    require(is_pi(request.user, dossier))
    form = forms.DossierForm(request.POST)
    if form.is_valid() and call_service(
        form, services.dossier_update, dossier=dossier, actor=request.user, **form.cleaned_data
    ):
        if "submit" in request.POST:
            return dossier_submit(request, pk)
        messages.success(request, _("Đã lưu hồ sơ."))
        return redirect("research_tasks:dossier", pk=dossier.pk)
    return _dossier_page(request, dossier, status=400, form=form)


@login_required
@require_POST
def dossier_attach(request, pk):
    dossier = selectors.dossier_get(pk)
    require(is_pi(request.user, dossier))
    form = forms.AttachmentForm(request.POST, request.FILES)
    if form.is_valid() and call_service(
        form, services.dossier_attach, dossier=dossier, actor=request.user, **form.cleaned_data
    ):
        messages.success(request, _("Đã đính kèm tài liệu."))
        return redirect("research_tasks:dossier", pk=dossier.pk)
    return _dossier_page(request, dossier, status=400, attachment_form=form)


@login_required
@require_POST
def dossier_submit(request, pk):
    dossier = selectors.dossier_get(pk)
    require(is_pi(request.user, dossier))
    try:
        services.dossier_submit(dossier=dossier, actor=request.user)
    except ValidationError as exc:
        return _dossier_page(request, selectors.dossier_get(pk), status=400, errors=_errors(exc))
    messages.success(request, _("Đã nộp hồ sơ."))
    return redirect("research_tasks:dossier", pk=dossier.pk)


@login_required
@require_POST
def dossier_check(request, pk):
    dossier = selectors.dossier_get(pk)
    require(is_task_secretariat(request.user))
    form = forms.CheckForm(request.POST)
    if form.is_valid() and call_service(
        form,
        services.dossier_check,
        dossier=dossier,
        actor=request.user,
        valid=form.cleaned_data["decision"] == "valid",
        reasons=form.cleaned_data["reasons"],
    ):
        messages.success(request, _("Đã ghi kết quả kiểm tra hồ sơ."))
        return redirect("research_tasks:dossier", pk=dossier.pk)
    return _dossier_page(request, dossier, status=400, check_form=form)


# Councils -------------------------------------------------------------------------------------------


@login_required
def council_create(request, pk, kind):
    task = selectors.task_detail(pk)
    require(is_task_secretariat(request.user))
    if kind not in Council.Kind.values:
        raise Http404
    form = forms.CouncilForm(request.POST or None, initial={"name": _council_name(task, kind)})
    members = forms.MemberFormSet(request.POST or None, prefix="member")
    warnings = []
    if request.method == "POST" and form.is_valid() and members.is_valid():
        chosen = [
            (f.cleaned_data["researcher"], f.cleaned_data["role"]) for f in members if f.cleaned_data.get("researcher")
        ]
        warnings = _formation_warnings(task, kind, chosen, form.cleaned_data["meeting_date"])
        if warnings and not form.cleaned_data["confirm"]:
            form.add_error("confirm", _("Có cảnh báo xung đột lợi ích: hãy xem lại thành phần hoặc xác nhận."))
        elif council := call_service(
            form,
            services.council_form,
            task=task,
            actor=request.user,
            kind=kind,
            name=form.cleaned_data["name"],
            meeting_date=form.cleaned_data["meeting_date"],
            members=chosen,
        ):
            messages.success(request, _("Đã thành lập hội đồng và mời các thành viên."))
            return redirect("research_tasks:council", pk=council.pk)
    status = 400 if request.method == "POST" else 200
    context = {"task": task, "kind": kind, "form": form, "members": members, "warnings": warnings}
    return render(request, "research_tasks/council_form.html", context, status=status)


def _council_name(task, kind) -> str:
    label = _("Hội đồng đánh giá nghiệm thu") if kind == Council.Kind.ACCEPTANCE else _("Hội đồng tuyển chọn")
    return f"{label} {task.code}"


def _formation_warnings(task, kind, chosen, meeting_date):
    dossier_kind = Dossier.Kind.ACCEPTANCE if kind == Council.Kind.ACCEPTANCE else Dossier.Kind.SELECTION
    dossiers = Dossier.objects.filter(task=task, kind=dossier_kind, status__in=selectors.EVALUATED_STATES)
    return selectors.conflict_warnings(
        researchers=[r for r, _role in chosen],
        dossiers=dossiers.select_related("pi"),
        on_date=meeting_date,
        exclude_task_id=task.pk,
    )


@login_required
def councils(request):
    secretariat = is_task_secretariat(request.user)
    context = {"councils": selectors.councils_for(request.user, secretariat=secretariat), "is_secretariat": secretariat}
    return render(request, "research_tasks/councils.html", context)


def _council_context(request, council, **bound) -> dict:
    secretariat = is_task_secretariat(request.user)
    seat = council_seat(request.user, council)
    results = selectors.council_results(council)
    if not secretariat:
        # A member never sees, nor is told of, a dossier they declared a conflict with.
        results = [r for r in results if not any(row.conflict and row.member.pk == seat.pk for row in r.rows)]
    return {
        "council": council,
        "task": council.task,
        "is_secretariat": secretariat,
        "seat": seat,
        "results": results,
        "all_open": bool(results) and all(r.is_open for r in results),
        "warnings": selectors.council_warnings(council) if secretariat else [],
        "sheet_spec": council.ruleset.sheet(council.kind),
        "decide_form": bound.get("decide_form") or forms.DecideForm(),
        "errors": bound.get("errors", []),
    }


@login_required
def council_detail(request, pk):
    council = selectors.council_get(pk)
    require(can_see_council(request.user, council))
    return render(request, "research_tasks/council_detail.html", _council_context(request, council))


def _member_dossier(request, pk, dossier_id):
    """The council, the signed-in member's seat and a dossier of the council (404 otherwise)."""
    council = selectors.council_get(pk)
    seat = council_seat(request.user, council)
    require(seat is not None)
    dossier = get_object_or_404(selectors.council_dossiers(council), pk=dossier_id)
    if member_has_conflict(seat, dossier):
        raise PermissionDenied
    return council, seat, dossier


def _council_dossier_page(request, council, seat, dossier, status=200, **bound):
    readable = member_may_read(seat, dossier)
    result = selectors.dossier_result(council, dossier)
    own = next((row.sheet for row in result.rows if row.member.pk == seat.pk), None)
    context = {
        "council": council,
        "seat": seat,
        "dossier": dossier,
        "readable": readable,
        "result": result,
        "own_sheet": own,
        "sheet_spec": council.ruleset.sheet(council.kind),
        "ruleset": council.ruleset,
        "my_warnings": [
            w
            for w in selectors.council_warnings(council)
            if w.researcher.pk == seat.researcher_id and w.dossier.pk == dossier.pk
        ],
        "declare_form": bound.get("declare_form") or forms.DeclareForm(),
        "explain_form": bound.get("explain_form") or forms.ExplainForm(),
        "posted": bound.get("posted") or {},
        "score_errors": bound.get("score_errors") or {},
        "errors": bound.get("errors", []),
    }
    return render(request, "research_tasks/council_dossier.html", context, status=status)


@login_required
def council_dossier(request, pk, dossier_id):
    council, seat, dossier = _member_dossier(request, pk, dossier_id)
    return _council_dossier_page(request, council, seat, dossier)


@login_required
@require_POST
def council_declare(request, pk, dossier_id):
    council, seat, dossier = _member_dossier(request, pk, dossier_id)
    form = forms.DeclareForm(request.POST)
    if form.is_valid() and call_service(
        form, services.conflict_declare, member=seat, dossier=dossier, actor=request.user, **form.cleaned_data
    ):
        if form.cleaned_data["has_conflict"]:
            messages.success(request, _("Đã ghi nhận xung đột lợi ích; bạn không tham gia đánh giá hồ sơ này."))
            return redirect("research_tasks:council", pk=council.pk)
        return redirect("research_tasks:council-dossier", pk=council.pk, dossier_id=dossier.pk)
    return _council_dossier_page(request, council, seat, dossier, status=400, declare_form=form)


@login_required
@require_POST
def council_score(request, pk, dossier_id):
    council, seat, dossier = _member_dossier(request, pk, dossier_id)
    spec = council.ruleset.sheet(council.kind)
    post = request.POST
    try:
        services.score_sheet_submit(
            member=seat,
            dossier=dossier,
            actor=request.user,
            scores={c["key"]: post.get(f"score-{c['key']}", "") for c in spec},
            reasons={c["key"]: post.get(f"reason-{c['key']}", "") for c in spec},
            deviation_reason=post.get("deviation_reason", ""),
            comment=post.get("comment", ""),
        )
    except ValidationError as exc:
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        return _council_dossier_page(
            request,
            council,
            seat,
            dossier,
            status=400,
            posted=post,
            score_errors=errors,
            errors=errors.get("__all__", []),
        )
    messages.success(request, _("Đã nộp phiếu đánh giá."))
    return redirect("research_tasks:council-dossier", pk=council.pk, dossier_id=dossier.pk)


@login_required
@require_POST
def council_explain(request, pk, sheet_id):
    council = selectors.council_get(pk)
    seat = council_seat(request.user, council)
    require(seat is not None)
    sheet = get_object_or_404(ScoreSheet.objects.select_related("dossier__task"), pk=sheet_id, member=seat)
    form = forms.ExplainForm(request.POST)
    if form.is_valid() and call_service(
        form,
        services.score_sheet_explain,
        sheet=sheet,
        actor=request.user,
        reason=form.cleaned_data["deviation_reason"],
    ):
        messages.success(request, _("Đã ghi nội dung giải trình."))
        return redirect("research_tasks:council-dossier", pk=council.pk, dossier_id=sheet.dossier_id)
    return _council_dossier_page(request, council, seat, sheet.dossier, status=400, explain_form=form)


@login_required
@require_POST
def council_decide(request, pk):
    council = selectors.council_get(pk)
    require(is_task_secretariat(request.user))
    form = forms.DecideForm(request.POST)
    if form.is_valid() and call_service(
        form, services.council_decide, council=council, actor=request.user, **form.cleaned_data
    ):
        messages.success(request, _("Đã ghi kết luận của hội đồng."))
        return redirect("research_tasks:council", pk=council.pk)
    context = _council_context(request, selectors.council_get(pk), decide_form=form)
    return render(request, "research_tasks/council_detail.html", context, status=400)


@login_required
def council_minutes(request, pk):
    council = selectors.council_get(pk)
    require(can_see_council(request.user, council))
    results = selectors.council_results(council)
    if not results or not all(r.is_open for r in results):
        context = _council_context(
            request, council, errors=[_("Biên bản chỉ lập được khi mọi thành viên đã chấm điểm.")]
        )
        return render(request, "research_tasks/council_detail.html", context, status=400)
    content = documents.minutes_docx(council=council, results=results)
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = f'attachment; filename="bien-ban-hoi-dong-{council.pk}.docx"'
    return response


# Contracts --------------------------------------------------------------------------------------------


def _budget_years(task) -> list[int]:
    first = task.year
    return list(range(first, first + task.period_months // 12 + 3))


@login_required
def contract_create(request, pk):
    task = selectors.task_detail(pk)
    require(is_task_secretariat(request.user))
    today = timezone.localdate()
    initial = {"signed_on": today, "start_date": today, "total_budget": task.funding_ceiling.normalize()}
    initial["end_date"] = today + datetime.timedelta(days=30 * task.period_months)
    form = forms.ContractForm(request.POST or None, initial=initial)
    milestones = forms.MilestoneFormSet(request.POST or None, prefix="milestone")
    products = forms.ProductFormSet(request.POST or None, prefix="product")
    years = _budget_years(task)
    if request.method == "POST" and form.is_valid() and milestones.is_valid() and products.is_valid():
        contract = call_service(
            form,
            services.contract_sign,
            task=task,
            actor=request.user,
            lines=forms.budget_grid(request.POST, years),
            milestones=[f.cleaned_data for f in milestones if f.cleaned_data.get("title")],
            products=[f.cleaned_data for f in products if f.cleaned_data.get("name")],
            **form.cleaned_data,
        )
        if contract:
            messages.success(request, _("Đã ký hợp đồng; nhiệm vụ chuyển sang giai đoạn thực hiện."))
            return redirect("research_tasks:contract", pk=contract.pk)
    status = 400 if request.method == "POST" else 200
    context = {
        "task": task,
        "form": form,
        "milestones": milestones,
        "products": products,
        "grid": _grid(years, request.POST if request.method == "POST" else {}),
        "years": years,
    }
    return render(request, "research_tasks/contract_form.html", context, status=status)


def _grid(years, data, lines=None) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Rows of budget inputs: (item, label, [(input name, value) per year])."""
    lines = lines or {}
    rows = []
    for item, label in BudgetLine.Item.choices:
        cells = []
        for year in years:
            name = f"budget-{year}-{item}"
            value = data.get(name, lines.get((year, item), ""))
            cells.append((name, value.normalize() if hasattr(value, "normalize") else value))
        rows.append((item, label, cells))
    return rows


def _contract_context(request, contract, **bound) -> dict:
    user = request.user
    lines = {(line.year, line.item): line.amount for line in contract.budget_lines.all()}
    years = sorted({year for year, _item in lines} | set(range(contract.start_date.year, contract.end_date.year + 1)))
    return {
        "contract": contract,
        "task": contract.task,
        "budget": selectors.budget_table(contract),
        "is_secretariat": is_task_secretariat(user),
        "is_pi": is_pi(user, contract.task),
        "running": contract.task.stage == ResearchTask.Stage.IN_PROGRESS,
        "progress_form": bound.get("progress_form") or forms.ProgressForm(),
        "inspection_form": bound.get("inspection_form") or forms.InspectionForm(),
        "change_form": bound.get("change_form") or forms.ChangeForm(),
        "change_grid": _grid(years, bound.get("posted") or {}, lines),
        "change_years": years,
        "decide_form": forms.ChangeDecideForm(),
        "disbursement_form": bound.get("disbursement_form") or forms.DisbursementForm(),
        "deliver_form": forms.DeliverForm(task=contract.task),
        "done_form": forms.DoneForm(initial={"done_on": timezone.localdate()}),
        "errors": bound.get("errors", []),
    }


def _contract_page(request, contract, status=200, **bound):
    context = _contract_context(request, contract, **bound)
    return render(request, "research_tasks/contract_detail.html", context, status=status)


@login_required
def contract_detail(request, pk):
    contract = selectors.contract_get(pk)
    require(can_see_contract(request.user, contract))
    return _contract_page(request, contract)


@login_required
@require_POST
def contract_progress(request, pk):
    contract = selectors.contract_get(pk)
    require(can_report_on(request.user, contract.task))
    form = forms.ProgressForm(request.POST, request.FILES)
    if form.is_valid() and call_service(
        form, services.progress_report_submit, contract=contract, actor=request.user, **form.cleaned_data
    ):
        messages.success(request, _("Đã gửi báo cáo định kỳ."))
        return redirect("research_tasks:contract", pk=contract.pk)
    return _contract_page(request, contract, status=400, progress_form=form)


@login_required
@require_POST
def contract_inspection(request, pk):
    contract = selectors.contract_get(pk)
    require(is_task_secretariat(request.user))
    form = forms.InspectionForm(request.POST)
    if form.is_valid() and call_service(
        form, services.inspection_record, contract=contract, actor=request.user, **form.cleaned_data
    ):
        messages.success(request, _("Đã ghi kết quả kiểm tra."))
        return redirect("research_tasks:contract", pk=contract.pk)
    return _contract_page(request, contract, status=400, inspection_form=form)


@login_required
@require_POST
def contract_change(request, pk):
    contract = selectors.contract_get(pk)
    require(can_report_on(request.user, contract.task))
    form = forms.ChangeForm(request.POST)
    years = range(contract.start_date.year, contract.end_date.year + 1)
    lines = {f"{year}:{item}": raw for (year, item), raw in forms.budget_grid(request.POST, years).items()}
    if form.is_valid() and call_service(
        form,
        services.change_request_submit,
        contract=contract,
        actor=request.user,
        new_lines=lines,
        **form.cleaned_data,
    ):
        messages.success(request, _("Đã gửi đề nghị điều chỉnh."))
        return redirect("research_tasks:contract", pk=contract.pk)
    return _contract_page(request, contract, status=400, change_form=form, posted=request.POST)


@login_required
@require_POST
def change_decide(request, pk):
    change = get_object_or_404(ChangeRequest.objects.select_related("contract"), pk=pk)
    require(is_task_secretariat(request.user))
    form = forms.ChangeDecideForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Chọn chấp thuận hoặc không chấp thuận."))
        approve = form.cleaned_data["decision"] == "approve"
        services.change_request_decide(
            change=change, actor=request.user, approve=approve, note=form.cleaned_data["note"]
        )
    except ValidationError as exc:
        return _contract_page(request, selectors.contract_get(change.contract_id), status=400, errors=_errors(exc))
    messages.success(request, _("Đã ghi quyết định về đề nghị điều chỉnh."))
    return redirect("research_tasks:contract", pk=change.contract_id)


@login_required
@require_POST
def contract_disburse(request, pk):
    contract = selectors.contract_get(pk)
    require(is_task_secretariat(request.user))
    form = forms.DisbursementForm(request.POST)
    if form.is_valid() and call_service(
        form, services.disbursement_record, contract=contract, actor=request.user, **form.cleaned_data
    ):
        messages.success(request, _("Đã ghi nhận cấp kinh phí."))
        return redirect("research_tasks:contract", pk=contract.pk)
    return _contract_page(request, contract, status=400, disbursement_form=form)


@login_required
@require_POST
def milestone_done(request, pk):
    milestone = get_object_or_404(ContractMilestone.objects.select_related("contract__task"), pk=pk)
    require(is_task_secretariat(request.user) or can_report_on(request.user, milestone.contract.task))
    form = forms.DoneForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Ngày hoàn thành không hợp lệ."))
        services.milestone_complete(milestone=milestone, actor=request.user, **form.cleaned_data)
    except ValidationError as exc:
        return _contract_page(request, selectors.contract_get(milestone.contract_id), status=400, errors=_errors(exc))
    return redirect("research_tasks:contract", pk=milestone.contract_id)


@login_required
@require_POST
def product_deliver(request, pk):
    product = get_object_or_404(ContractProduct.objects.select_related("contract__task"), pk=pk)
    require(can_report_on(request.user, product.contract.task))
    form = forms.DeliverForm(request.POST, task=product.contract.task)
    try:
        if not form.is_valid():
            raise ValidationError(_("Ngày giao nộp hoặc kết quả không hợp lệ."))
        services.product_deliver(product=product, actor=request.user, **form.cleaned_data)
    except ValidationError as exc:
        return _contract_page(request, selectors.contract_get(product.contract_id), status=400, errors=_errors(exc))
    messages.success(request, _("Đã ghi nhận sản phẩm giao nộp."))
    return redirect("research_tasks:contract", pk=product.contract_id)
