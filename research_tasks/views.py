"""Pages of the S&T task lifecycle: parse → authorise → one service or selector → render.

A refused action renders its page again with the message next to the field, status 400.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.forms import Form, HiddenInput
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
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
        "my_tasks": selectors.tasks_led_by(researcher_of(request.user)),
        "waiting": selectors.secretariat_waiting() if secretariat else [],
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
        # The call still receiving dossiers, if any: until it closes there is nothing to check.
        "receiving": next((c for c in task.calls.all() if not c.has_closed()), None),
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


# Selection calls and dossiers ---------------------------------------------------------------------


@public_page
def calls(request):
    return render(request, "research_tasks/calls.html", {"calls": selectors.calls_public(), "now": timezone.now()})


def _call_page(request, call, status=200, **bound):
    researcher = researcher_of(request.user)
    own = None
    if researcher is not None:
        own = Dossier.objects.filter(call=call, pi=researcher).first()
    context = {"call": call, "researcher": researcher, "own": own, "is_open": call.is_open(), **bound}
    return render(request, "research_tasks/call_detail.html", context, status=status)


@public_page
def call_detail(request, pk):
    return _call_page(request, selectors.call_get(pk))


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
        task=dossier.task, kind=_council_kind(dossier), attempt=dossier.attempt, status=Council.Status.DECIDED
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
    if not warnings:  # the confirmation is asked only once there is something to confirm
        form.fields["confirm"].widget = HiddenInput()
    status = 400 if request.method == "POST" else 200
    context = {"task": task, "kind": kind, "form": form, "members": members, "warnings": warnings}
    return render(request, "research_tasks/council_form.html", context, status=status)


def _council_name(task, kind) -> str:
    label = _("Hội đồng đánh giá nghiệm thu") if kind == Council.Kind.ACCEPTANCE else _("Hội đồng tuyển chọn")
    return f"{label} {task.code}"


def _formation_warnings(task, kind, chosen, meeting_date):
    dossier_kind = Dossier.Kind.ACCEPTANCE if kind == Council.Kind.ACCEPTANCE else Dossier.Kind.SELECTION
    attempt = 1 if kind == Council.Kind.ACCEPTANCE else task.selection_attempt
    dossiers = Dossier.objects.filter(
        task=task, kind=dossier_kind, attempt=attempt, status__in=selectors.EVALUATED_STATES
    )
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


def _council_page(request, council, status=200, **bound):
    context = _council_context(request, council, **bound)
    return render(request, "research_tasks/council_detail.html", context, status=status)


@login_required
def council_detail(request, pk):
    council = selectors.council_get(pk)
    require(can_see_council(request.user, council))
    return _council_page(request, council)


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
def council_minutes(request, pk):
    council = selectors.council_get(pk)
    require(can_see_council(request.user, council))
    results = selectors.council_results(council)
    if not results or not all(r.is_open for r in results):
        return _council_page(
            request, council, status=400, errors=[_("Biên bản chỉ lập được khi mọi thành viên đã chấm điểm.")]
        )
    content = documents.minutes_docx(council=council, results=results)
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = f'attachment; filename="bien-ban-hoi-dong-{council.pk}.docx"'
    return response


# Contracts --------------------------------------------------------------------------------------------


def _budget_years(task) -> list[int]:
    """The years a contract signed now may budget: from the earlier of the order year and this
    year, for the task's period and a year more (the service checks them against the dates)."""
    first = min(task.year, timezone.localdate().year)
    return list(range(first, max(task.year, timezone.localdate().year) + task.period_months // 12 + 2))


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


def _grid(years, data, lines=None) -> list[tuple[str, str, list[tuple[str, str, int]]]]:
    """Rows of budget inputs: (item, label, [(input name, value, year) per year])."""
    lines = lines or {}
    rows = []
    for item, label in BudgetLine.Item.choices:
        cells = []
        for year in years:
            name = f"budget-{year}-{item}"
            value = data.get(name, lines.get((year, item), ""))
            cells.append((name, value.normalize() if hasattr(value, "normalize") else value, year))
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
        "schedule_form": bound.get("schedule_form") or forms.InspectionScheduleForm(),
        "change_form": bound.get("change_form") or forms.ChangeForm(),
        "change_grid": _grid(years, request.POST, lines),  # what was typed, when a request is refused
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


# Writes: one shape for every action posted from a page -----------------------------------------------


@dataclass(frozen=True)
class _On:
    """Where an action is posted: how the URL's objects load, the page that shows them, and its address.

    `load(request, **url)` returns the page's arguments and the objects the service is called with."""

    load: Callable[..., tuple[tuple, dict]]
    page: Callable[..., HttpResponse]
    url: Callable[..., str]


def _action(on, service, check=None, form=Form, key=None, *, args=None, to=None, done=None):
    """A POST view: load, authorise (`check(user, *page args)`), validate the form, call the service
    with the objects, the actor and the form's data (reshaped by `args`), then show `done` and go to
    `to` (the page by default). A refusal shows the page again, status 400, with nothing written:
    the bound form under `key`, or else the messages listed (`_INVALID` when the form itself is wrong)."""

    @login_required
    @require_POST
    def view(request, **url):
        page_args, subject = on.load(request, **url)
        if check is not None:
            require(check(request.user, *page_args))
        # A form class is bound to what was posted; a function builds a form that needs a page object.
        bound = form(request.POST, request.FILES) if isinstance(form, type) else form(request, *page_args)
        if bound.is_valid():
            data = args(request, bound.cleaned_data, *page_args) if args else bound.cleaned_data
            ran = call_service(bound, lambda **kw: [service(**kw)], actor=request.user, **subject, **data)
            if ran:
                message = done(request, ran[0]) if done else _DONE.get(service)
                if message:
                    messages.success(request, message)
                return redirect(to(ran[0], *page_args) if to else on.url(*page_args))
        elif service in _INVALID and key is None:
            return on.page(request, *page_args, status=400, errors=[_INVALID[service]])
        if not key:
            return on.page(request, *page_args, status=400, errors=[m for ms in bound.errors.values() for m in ms])
        # A refusal that is not about one field shows at the top of the page, where it is seen even
        # when the page, reloaded in its new state, no longer shows the form.
        refusals = bound.errors.pop(NON_FIELD_ERRORS, [])
        return on.page(request, *page_args, status=400, errors=list(refusals), **{key: bound})

    return view


def _secretariat(user, *_objects) -> bool:
    return is_task_secretariat(user)


def _url(name):
    return lambda obj, *_rest: reverse(f"research_tasks:{name}", args=[obj.pk])


def _task_load(request, pk):
    task = selectors.task_detail(pk)
    return (task,), {"task": task}


def _order_load(request, pk, proposal_id=None):
    call = selectors.order_call_get(pk)
    if proposal_id is None:
        return (call,), {"call": call}
    return (call,), {"proposal": get_object_or_404(OrderProposal, pk=proposal_id, call=call)}


def _dossier_load(request, pk):
    dossier = selectors.dossier_get(pk)
    return (dossier,), {"dossier": dossier}


def _call_load(request, pk):
    call = selectors.call_get(pk)
    return (call,), {"call": call}


def _council_load(request, pk):
    council = selectors.council_get(pk)
    return (council,), {"council": council}


def _seat_load(request, pk, dossier_id):
    """The council, the member's seat and the dossier, for a member's own action on it."""
    council, seat, dossier = _member_dossier(request, pk, dossier_id)
    return (council, seat, dossier), {"member": seat, "dossier": dossier}


def _sheet_load(request, pk, sheet_id):
    """The council, the member's seat and the dossier of one of the member's own score sheets."""
    council = selectors.council_get(pk)
    seat = council_seat(request.user, council)
    require(seat is not None)
    sheet = get_object_or_404(ScoreSheet.objects.select_related("dossier__task"), pk=sheet_id, member=seat)
    return (council, seat, sheet.dossier), {"sheet": sheet}


def _contract_part(model, name):
    """A change request, milestone or product of a contract: shown on the contract's page."""

    def load(request, pk):
        part = get_object_or_404(model.objects.select_related("contract__task"), pk=pk)
        return (selectors.contract_get(part.contract_id),), {name: part}

    return load


def _contract_load(request, pk):
    contract = selectors.contract_get(pk)
    return (contract,), {"contract": contract}


TASK = _On(_task_load, _task_page, _url("task"))
ORDER = _On(_order_load, _order_page, _url("order-call"))
DOSSIER = _On(_dossier_load, _dossier_page, _url("dossier"))
CALL = _On(_call_load, _call_page, _url("call"))
COUNCIL = _On(_council_load, _council_page, _url("council"))
CONTRACT = _On(_contract_load, _contract_page, _url("contract"))


def _seat_url(council, seat, dossier):
    return reverse("research_tasks:council-dossier", args=[council.pk, dossier.pk])


SEAT = _On(_seat_load, _council_dossier_page, _seat_url)
SHEET = _On(_sheet_load, _council_dossier_page, _seat_url)
CHANGE = _On(_contract_part(ChangeRequest, "change"), _contract_page, _url("contract"))
MILESTONE = _On(_contract_part(ContractMilestone, "milestone"), _contract_page, _url("contract"))
PRODUCT = _On(_contract_part(ContractProduct, "product"), _contract_page, _url("contract"))


def _reports_on(user, contract) -> bool:
    return can_report_on(user, contract.task)


def _dossier_save(*, dossier, actor, submit: bool, **values):
    """Save the dossier, and submit it when the PI pressed "save and submit"."""
    dossier = services.dossier_update(dossier=dossier, actor=actor, **values)
    return services.dossier_submit(dossier=dossier, actor=actor) if submit else dossier


def _change_lines(request, data, contract) -> dict:
    years = range(contract.start_date.year, contract.end_date.year + 1)
    lines = {f"{year}:{item}": raw for (year, item), raw in forms.budget_grid(request.POST, years).items()}
    return {**data, "new_lines": lines}


def _proposer(user, call) -> bool:
    return can_propose(user)


def _runs_contract(user, contract) -> bool:
    return is_task_secretariat(user) or can_report_on(user, contract.task)


def _merge(*, call, keep, merged, actor):
    return services.order_proposals_merge(keep=keep, merged=list(merged), actor=actor)


def _merge_form(request, call):
    return forms.MergeForm(request.POST, call=call)


def _output_form(request, task):
    return forms.OutputLinkForm(request.POST, task=task)


def _deliver_form(request, contract):
    return forms.DeliverForm(request.POST, task=contract.task)


def _decline_reason(request, data, call) -> dict:
    return {"reason": request.POST.get("reason", "")}


def _save_or_submit(request, data, dossier) -> dict:
    return {**data, "submit": "submit" in request.POST}


def _saved(request, dossier):
    return _("Đã nộp hồ sơ.") if "submit" in request.POST else _("Đã lưu hồ sơ.")


def _check_args(request, data, dossier) -> dict:
    return {"valid": data["decision"] == "valid", "reasons": data["reasons"]}


def _decide_args(request, data, contract) -> dict:
    return {"approve": data["decision"] == "approve", "note": data["note"]}


def _explain_args(request, data, *page) -> dict:
    return {"reason": data["deviation_reason"]}


def _declared(request, declaration):
    if declaration.has_conflict:
        return _("Đã ghi nhận xung đột lợi ích; bạn không tham gia đánh giá hồ sơ này.")
    return None


def _after_declaring(declaration, council, seat, dossier):
    return _url("council")(council) if declaration.has_conflict else _seat_url(council, seat, dossier)


_l = gettext_lazy
# What each action tells the person when it is done (none: the next page says it).
_DONE = {
    services.selection_call_open: _l("Đã đăng thông báo tuyển chọn."),
    services.task_assign_directly: _l("Đã giao trực tiếp; chủ nhiệm được mời lập hồ sơ."),
    services.task_output_link: _l("Đã đăng ký kết quả cho nhiệm vụ."),
    services.application_record: _l("Đã ghi nhận ứng dụng kết quả."),
    services.order_proposal_submit: _l("Đã gửi đề xuất đặt hàng."),
    _merge: _l("Đã gộp các đề xuất trùng."),
    services.order_list_include: _l("Đã đưa đề xuất vào danh mục."),
    services.order_proposal_decline: _l("Đã ghi nhận: không đưa đề xuất vào danh mục."),
    services.order_list_approve: _l("Đã phê duyệt danh mục; các nhiệm vụ được tạo."),
    services.dossier_register: _l("Đã đăng ký; hãy hoàn thiện và nộp hồ sơ trước hạn."),
    services.dossier_attach: _l("Đã đính kèm tài liệu."),
    services.dossier_submit: _l("Đã nộp hồ sơ."),
    services.dossier_check: _l("Đã ghi kết quả kiểm tra hồ sơ."),
    services.council_decide: _l("Đã ghi kết luận của hội đồng."),
    services.score_sheet_explain: _l("Đã ghi nội dung giải trình."),
    services.progress_report_submit: _l("Đã gửi báo cáo định kỳ."),
    services.inspection_record: _l("Đã ghi kết quả kiểm tra."),
    services.inspection_schedule: _l("Đã lên lịch kiểm tra; chủ nhiệm và tổ chức chủ trì được thông báo."),
    services.change_request_submit: _l("Đã gửi đề nghị điều chỉnh."),
    services.disbursement_record: _l("Đã ghi nhận cấp kinh phí."),
    services.change_request_decide: _l("Đã ghi quyết định về đề nghị điều chỉnh."),
    services.product_deliver: _l("Đã ghi nhận sản phẩm giao nộp."),
}
# What a refused form of an action without fields of its own says.
_INVALID = {
    services.order_list_include: _l("Chọn phương thức tuyển chọn hoặc giao trực tiếp."),
    services.change_request_decide: _l("Chọn chấp thuận hoặc không chấp thuận."),
    services.milestone_complete: _l("Ngày hoàn thành không hợp lệ."),
    services.product_deliver: _l("Ngày giao nộp hoặc kết quả không hợp lệ."),
}
# view = _action(where, service, who may, form, where its errors show) -----------------------------------
task_call_open = _action(TASK, services.selection_call_open, _secretariat, forms.SelectionCallForm, "call_form")
task_assign = _action(TASK, services.task_assign_directly, _secretariat, forms.AssignForm, "assign_form")
task_output_link = _action(TASK, services.task_output_link, can_record_results, _output_form, "output_form")
task_application = _action(
    TASK, services.application_record, can_record_results, forms.ApplicationForm, "application_form"
)
task_acceptance_open = _action(TASK, services.acceptance_dossier_open, can_report_on, to=_url("dossier"))

order_propose = _action(ORDER, services.order_proposal_submit, _proposer, forms.NeedForm, "need_form")
order_merge = _action(ORDER, _merge, _secretariat, _merge_form, "merge_form")
order_include = _action(ORDER, services.order_list_include, _secretariat, forms.IncludeForm)
order_decline = _action(ORDER, services.order_proposal_decline, _secretariat, args=_decline_reason)
order_approve = _action(ORDER, services.order_list_approve, _secretariat, forms.ApproveListForm, "approve_form")

call_register = _action(CALL, services.dossier_register, to=_url("dossier"))
dossier_save = _action(DOSSIER, _dossier_save, is_pi, forms.DossierForm, "form", args=_save_or_submit, done=_saved)
dossier_attach = _action(DOSSIER, services.dossier_attach, is_pi, forms.AttachmentForm, "attachment_form")
dossier_submit = _action(DOSSIER, services.dossier_submit, is_pi)
dossier_check = _action(DOSSIER, services.dossier_check, _secretariat, forms.CheckForm, "check_form", args=_check_args)

council_decide = _action(COUNCIL, services.council_decide, _secretariat, forms.DecideForm, "decide_form")
council_declare = _action(
    SEAT, services.conflict_declare, None, forms.DeclareForm, "declare_form", to=_after_declaring, done=_declared
)
council_explain = _action(
    SHEET, services.score_sheet_explain, None, forms.ExplainForm, "explain_form", args=_explain_args
)

contract_progress = _action(CONTRACT, services.progress_report_submit, _reports_on, forms.ProgressForm, "progress_form")
contract_inspection = _action(
    CONTRACT, services.inspection_record, _secretariat, forms.InspectionForm, "inspection_form"
)
contract_schedule = _action(
    CONTRACT, services.inspection_schedule, _secretariat, forms.InspectionScheduleForm, "schedule_form"
)
contract_change = _action(
    CONTRACT, services.change_request_submit, _reports_on, forms.ChangeForm, "change_form", args=_change_lines
)
contract_disburse = _action(
    CONTRACT, services.disbursement_record, _secretariat, forms.DisbursementForm, "disbursement_form"
)
change_decide = _action(CHANGE, services.change_request_decide, _secretariat, forms.ChangeDecideForm, args=_decide_args)
milestone_done = _action(MILESTONE, services.milestone_complete, _runs_contract, forms.DoneForm)
product_deliver = _action(PRODUCT, services.product_deliver, _reports_on, _deliver_form)
