"""Writes and workflows of S&T tasks: order → selection or direct assignment → council →
contract → acceptance → application. Every service checks its rule, writes in one
transaction, logs a TaskEvent and sends its notices after commit."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import decimal_text
from indicators.services import parse_decimal

from . import notifications
from .models import (
    Acceptance,
    Application,
    BudgetLine,
    ChangeRequest,
    ConflictDeclaration,
    Contract,
    ContractMilestone,
    ContractProduct,
    Council,
    CouncilMember,
    Disbursement,
    Dossier,
    DossierAttachment,
    Inspection,
    OrderCall,
    OrderList,
    OrderListItem,
    OrderProposal,
    ProgressReport,
    ResearchTask,
    ScoreSheet,
    SelectionCall,
    TaskEvent,
)
from .rules import grade_for, ruleset_in_force, weighted_total

MONEY_PLACES = 3
SCORE_PLACES = 2
MIN_SHEETS_FOR_DEVIATION = 2
NEED_FIELDS = ("title", "kind", "field", "objectives", "expected_results", "funding_ceiling", "period_months")


def _log(*, action: str, actor, task=None, order_call=None, note: str = "", data: dict | None = None) -> None:
    TaskEvent.objects.create(
        task=task,
        order_call=order_call,
        action=action,
        actor=actor if actor is not None and actor.is_authenticated else None,
        note=note,
        data=data or {},
    )


def _after_commit(function, **kwargs) -> None:
    if not notifications.is_silenced():
        transaction.on_commit(lambda: function(**kwargs))


def _money(raw, field: str, *, allow_zero: bool = False) -> Decimal:
    value = parse_decimal(raw, field)
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError({field: _("Số tiền phải lớn hơn 0.")})
    if -value.as_tuple().exponent > MONEY_PLACES:
        raise ValidationError({field: _("Số tiền tính bằng triệu đồng, tối đa 3 chữ số thập phân.")})
    return value


def _full_clean(instance, exclude=None) -> None:
    instance.full_clean(exclude=exclude)


def _need_values(values: dict) -> dict:
    """The fields of a proposed need, checked: a positive ceiling and 1 to 60 months."""
    need = {name: values[name] for name in NEED_FIELDS}
    need["funding_ceiling"] = _money(need["funding_ceiling"], "funding_ceiling")
    if not 1 <= int(need["period_months"]) <= 60:
        raise ValidationError({"period_months": _("Thời gian thực hiện từ 1 đến 60 tháng.")})
    if need["kind"] not in ResearchTask.Kind.values:
        raise ValidationError({"kind": _("Loại nhiệm vụ không hợp lệ.")})
    for name in ("title", "objectives", "expected_results"):
        if not str(need[name]).strip():
            raise ValidationError({name: _("Trường này không được để trống.")})
    return need


# Ordering ------------------------------------------------------------------------------------


@transaction.atomic
def order_call_open(*, actor, title: str, year: int, deadline: datetime.date, description: str = "") -> OrderCall:
    """Open an order call: agencies propose their needs until the deadline."""
    call = OrderCall(title=title.strip(), year=year, deadline=deadline, description=description, created_by=actor)
    _full_clean(call)
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": _("Năm kế hoạch không hợp lệ.")})
    call.save()
    OrderList.objects.create(call=call)
    _log(action="order_call_open", actor=actor, order_call=call, note=call.title)
    return call


@transaction.atomic
def order_proposal_submit(*, call: OrderCall, actor, **values) -> OrderProposal:
    """An agency proposes a need while the call is open and before its deadline."""
    if not (actor.is_authenticated and actor.agency_id):
        raise PermissionDenied
    call = OrderCall.objects.select_for_update().get(pk=call.pk)
    if call.status != OrderCall.Status.OPEN or timezone.localdate() > call.deadline:
        raise ValidationError(_("Đợt đặt hàng đã hết hạn nhận đề xuất."))
    proposal = OrderProposal(call=call, agency_id=actor.agency_id, proposed_by=actor, **_need_values(values))
    _full_clean(proposal)
    proposal.save()
    _log(action="order_proposal_submit", actor=actor, order_call=call, note=proposal.title)
    return proposal


def _draft_list(call: OrderCall) -> OrderList:
    order_list = OrderList.objects.select_for_update().get(call=call)
    if order_list.status != OrderList.Status.DRAFT:
        raise ValidationError(_("Danh mục đặt hàng đã được phê duyệt; không thay đổi được nữa."))
    return order_list


@transaction.atomic
def order_proposals_merge(*, keep: OrderProposal, merged: list[OrderProposal], actor) -> OrderProposal:
    """Merge duplicate proposals into one; the kept proposal links to those merged into it."""
    _draft_list(keep.call)
    others = [p for p in merged if p.pk != keep.pk]
    if not others:
        raise ValidationError({"merged": _("Chọn ít nhất một đề xuất khác để gộp.")})
    if keep.status != OrderProposal.Status.SUBMITTED:
        raise ValidationError({"keep": _("Chỉ gộp vào một đề xuất chưa được xử lý.")})
    for proposal in others:
        if proposal.call_id != keep.call_id or proposal.status != OrderProposal.Status.SUBMITTED:
            raise ValidationError({"merged": _("Chỉ gộp các đề xuất chưa xử lý của cùng một đợt đặt hàng.")})
    ids = [p.pk for p in others]
    OrderProposal.objects.filter(merged_into_id__in=ids).update(merged_into=keep)
    OrderProposal.objects.filter(pk__in=ids).update(status=OrderProposal.Status.MERGED, merged_into=keep)
    _log(action="order_proposals_merge", actor=actor, order_call=keep.call, data={"keep": keep.pk, "merged": ids})
    return keep


@transaction.atomic
def order_list_include(*, proposal: OrderProposal, actor, mode: str, **overrides) -> OrderListItem:
    """Put a proposal (with the proposals merged into it) on the list, as it is or reworded."""
    order_list = _draft_list(proposal.call)
    if proposal.status != OrderProposal.Status.SUBMITTED:
        raise ValidationError(_("Đề xuất này đã được xử lý."))
    if mode not in ResearchTask.Mode.values:
        raise ValidationError({"mode": _("Phương thức không hợp lệ.")})
    values = {name: getattr(proposal, name) for name in NEED_FIELDS}
    values.update({k: v for k, v in overrides.items() if k in NEED_FIELDS and v not in (None, "")})
    item = OrderListItem.objects.create(order_list=order_list, mode=mode, **_need_values(values))
    item.proposals.set([proposal, *proposal.merged.all()])
    proposal.status = OrderProposal.Status.INCLUDED
    proposal.save(update_fields=["status"])
    _log(action="order_list_include", actor=actor, order_call=proposal.call, note=item.title)
    return item


@transaction.atomic
def order_proposal_decline(*, proposal: OrderProposal, actor, reason: str) -> OrderProposal:
    _draft_list(proposal.call)
    if proposal.status != OrderProposal.Status.SUBMITTED:
        raise ValidationError(_("Đề xuất này đã được xử lý."))
    if not reason.strip():
        raise ValidationError({"reason": _("Cần nêu lý do không đưa vào danh mục.")})
    proposal.status = OrderProposal.Status.DECLINED
    proposal.save(update_fields=["status"])
    _log(action="order_proposal_decline", actor=actor, order_call=proposal.call, note=reason, data={"id": proposal.pk})
    return proposal


def _next_code(year: int) -> str:
    prefix = f"NV-{year}-"
    last = ResearchTask.objects.filter(code__startswith=prefix).aggregate(last=Max("code"))["last"]
    number = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{number:03d}"


@transaction.atomic
def order_list_approve(*, call: OrderCall, actor, decision: str) -> list[ResearchTask]:
    """Approve the ordered list: every item becomes an S&T task."""
    order_list = _draft_list(call)
    items = list(order_list.items.all())
    if not items:
        raise ValidationError(_("Danh mục chưa có nhiệm vụ nào."))
    if not decision.strip():
        raise ValidationError({"decision": _("Cần ghi số quyết định phê duyệt danh mục.")})
    tasks = []
    for item in items:
        task = ResearchTask.objects.create(
            code=_next_code(call.year),
            year=call.year,
            mode=item.mode,
            order_item=item,
            **{name: getattr(item, name) for name in NEED_FIELDS},
        )
        _log(action="task_ordered", actor=actor, task=task, note=decision)
        tasks.append(task)
    order_list.status = OrderList.Status.APPROVED
    order_list.decision = decision.strip()
    order_list.approved_at = timezone.now()
    order_list.approved_by = actor
    order_list.save()
    OrderCall.objects.filter(pk=call.pk).update(status=OrderCall.Status.APPROVED)
    OrderProposal.objects.filter(call=call, status=OrderProposal.Status.SUBMITTED).update(
        status=OrderProposal.Status.DECLINED
    )
    _log(action="order_list_approve", actor=actor, order_call=call, note=decision, data={"tasks": len(tasks)})
    _after_commit(notifications.order_list_approved, call_id=call.pk)
    return tasks


# Selection or direct assignment -------------------------------------------------------------------

_OPEN_FOR_DOSSIERS = (ResearchTask.Stage.ORDERED, ResearchTask.Stage.NO_RESULT)


def _locked_task(task: ResearchTask) -> ResearchTask:
    return ResearchTask.objects.select_for_update().get(pk=task.pk)


def _refuse_when_selected(task: ResearchTask) -> None:
    """Selection re-opens only when no dossier passed: one selected is the task's PI already."""
    selected = Dossier.objects.filter(task=task, kind=Dossier.Kind.SELECTION, status=Dossier.Status.SELECTED)
    winner = selected.select_related("pi").first()
    if winner is not None:
        raise ValidationError(
            _("Hồ sơ của %(pi)s đã được hội đồng chọn; không mở lại tuyển chọn hay giao trực tiếp.")
            % {"pi": winner.pi.full_name}
        )


def _next_attempt(task: ResearchTask) -> None:
    """After a council found no passing dossier, a new call or a direct assignment is a new attempt:
    new dossiers (the same PIs may file again) and a new council."""
    if task.stage == ResearchTask.Stage.NO_RESULT:
        task.selection_attempt += 1


@transaction.atomic
def selection_call_open(
    *, task: ResearchTask, actor, title: str, opens_at: datetime.datetime, closes_at: datetime.datetime, description=""
) -> SelectionCall:
    """Publish an open call for dossiers for an ordered task."""
    task = _locked_task(task)
    _refuse_when_selected(task)
    if task.mode != ResearchTask.Mode.SELECTION or task.stage not in _OPEN_FOR_DOSSIERS:
        raise ValidationError(_("Chỉ mở tuyển chọn cho nhiệm vụ đặt hàng theo phương thức tuyển chọn, chưa có hồ sơ."))
    if closes_at <= opens_at:
        raise ValidationError({"closes_at": _("Hạn nộp hồ sơ phải sau thời điểm mở nhận hồ sơ.")})
    call = SelectionCall(
        task=task,
        title=title.strip(),
        description=description,
        opens_at=opens_at,
        closes_at=closes_at,
        created_by=actor,
    )
    _full_clean(call)
    call.save()
    _next_attempt(task)
    task.stage = ResearchTask.Stage.CALLING
    task.save(update_fields=["stage", "selection_attempt"])
    _log(
        action="selection_call_open", actor=actor, task=task, note=call.title, data={"attempt": task.selection_attempt}
    )
    return call


@transaction.atomic
def task_assign_directly(*, task: ResearchTask, actor, pi, organisation=None) -> Dossier:
    """Giao trực tiếp: no call; the named PI prepares the dossier the council will examine."""
    task = _locked_task(task)
    _refuse_when_selected(task)
    if task.stage not in _OPEN_FOR_DOSSIERS:
        raise ValidationError(_("Nhiệm vụ này đã có hồ sơ hoặc đã được giao."))
    organisation = organisation or pi.organisation
    if organisation is None:
        raise ValidationError({"organisation": _("Cần chọn tổ chức chủ trì.")})
    if pi.user_id is None:
        raise ValidationError({"pi": _("Chủ nhiệm cần có tài khoản trên nền tảng để nộp hồ sơ.")})
    _next_attempt(task)
    task.mode = ResearchTask.Mode.DIRECT
    task.stage = ResearchTask.Stage.CALLING
    task.save(update_fields=["mode", "stage", "selection_attempt"])
    dossier = Dossier.objects.create(
        task=task, pi=pi, organisation=organisation, title=task.title, attempt=task.selection_attempt
    )
    _log(action="task_assign_directly", actor=actor, task=task, data={"pi": pi.pk, "organisation": organisation.pk})
    return dossier


def _researcher_of(actor):
    from research.models import Researcher

    researcher = Researcher.objects.select_related("organisation").filter(user=actor).first()
    if researcher is None:
        raise ValidationError(_("Cần có hồ sơ nhà khoa học gắn với tài khoản để đăng ký làm chủ nhiệm."))
    return researcher


def _require_receiving(dossier: Dossier) -> None:
    """A dossier of an open call changes only while the call is open; late is refused."""
    if not dossier.is_editable:
        raise ValidationError(_("Hồ sơ đã nộp; không sửa được nữa."))
    if dossier.call is not None and not dossier.call.is_open():
        raise ValidationError(
            _("Đã hết hạn nộp hồ sơ (%(closes)s); hồ sơ không được nhận.") % _call_close(dossier.call)
        )


def _call_close(call: SelectionCall) -> dict:
    return {"closes": timezone.localtime(call.closes_at).strftime("%H:%M %d/%m/%Y")}


@transaction.atomic
def dossier_register(*, call: SelectionCall, actor) -> Dossier:
    """A researcher registers as PI for an open call, for their organisation."""
    researcher = _researcher_of(actor)
    now = timezone.now()
    if call.has_closed(now):
        raise ValidationError(_("Đã hết hạn nộp hồ sơ (%(closes)s); hồ sơ không được nhận.") % _call_close(call))
    if now < call.opens_at:
        raise ValidationError(_("Thông báo tuyển chọn chưa mở nhận hồ sơ."))
    if researcher.organisation_id is None:
        raise ValidationError(_("Hồ sơ nhà khoa học của bạn chưa có tổ chức chủ trì."))
    if Dossier.objects.filter(call=call, pi=researcher).exists():
        raise ValidationError(_("Bạn đã đăng ký hồ sơ cho nhiệm vụ này."))
    dossier = Dossier.objects.create(
        task=call.task,
        call=call,
        attempt=call.task.selection_attempt,
        pi=researcher,
        organisation=researcher.organisation,
        title=call.task.title,
    )
    _log(action="dossier_register", actor=actor, task=call.task, data={"dossier": dossier.pk})
    return dossier


DOSSIER_TEXT_FIELDS = ("title", "summary", "approach", "products", "team_text")


@transaction.atomic
def dossier_update(*, dossier: Dossier, actor, **values) -> Dossier:
    """The PI fills the dossier (any subset of its fields) while it is a draft and the call is open."""
    dossier = Dossier.objects.select_for_update(of=("self",)).select_related("call", "task").get(pk=dossier.pk)
    _require_receiving(dossier)
    for name in DOSSIER_TEXT_FIELDS:
        if name in values:
            setattr(dossier, name, (values[name] or "").strip())
    if values.get("budget_requested") not in (None, ""):
        dossier.budget_requested = _money(values["budget_requested"], "budget_requested")
        ceiling = dossier.task.funding_ceiling
        if dossier.kind == Dossier.Kind.SELECTION and dossier.budget_requested > ceiling:
            raise ValidationError(
                {
                    "budget_requested": _("Kinh phí đề nghị vượt mức tối đa đã đặt hàng (%(ceiling)s triệu đồng).")
                    % {"ceiling": decimal_text(ceiling)}
                }
            )
    if values.get("duration_months") not in (None, ""):
        dossier.duration_months = int(values["duration_months"])
        if not 1 <= dossier.duration_months <= 60:
            raise ValidationError({"duration_months": _("Thời gian thực hiện từ 1 đến 60 tháng.")})
    _full_clean(dossier)
    dossier.save()
    return dossier


@transaction.atomic
def dossier_attach(*, dossier: Dossier, actor, kind: str, file) -> DossierAttachment:
    """Attach a document (type and size checked before anything is written)."""
    dossier = Dossier.objects.select_for_update(of=("self",)).select_related("call").get(pk=dossier.pk)
    _require_receiving(dossier)
    attachment = DossierAttachment(dossier=dossier, kind=kind, file=file, uploaded_by=actor)
    _full_clean(attachment)
    attachment.save()
    return attachment


_REQUIRED_ATTACHMENT = {
    Dossier.Kind.SELECTION: DossierAttachment.Kind.PROPOSAL,
    Dossier.Kind.ACCEPTANCE: DossierAttachment.Kind.FINAL_REPORT,
}


@transaction.atomic
def dossier_submit(*, dossier: Dossier, actor) -> Dossier:
    """Submit before the call closes, with every required part; the dossier is then locked."""
    dossier = Dossier.objects.select_for_update(of=("self",)).select_related("call", "task").get(pk=dossier.pk)
    _require_receiving(dossier)
    missing = {}
    for name in ("title", "summary", "approach", "products"):
        if not getattr(dossier, name).strip():
            missing[name] = [_("Chưa điền mục này.")]
    if dossier.kind == Dossier.Kind.SELECTION and dossier.budget_requested is None:
        missing["budget_requested"] = [_("Chưa ghi kinh phí đề nghị.")]
    required = _REQUIRED_ATTACHMENT[dossier.kind]
    if not dossier.attachments.filter(kind=required).exists():
        missing["attachments"] = [
            _("Cần đính kèm: %(kind)s.") % {"kind": DossierAttachment.Kind(required).label},
        ]
    if missing:
        raise ValidationError(missing)
    dossier.status = Dossier.Status.SUBMITTED
    dossier.submitted_at = timezone.now()
    dossier.save(update_fields=["status", "submitted_at"])
    if dossier.kind == Dossier.Kind.ACCEPTANCE:
        ResearchTask.objects.filter(pk=dossier.task_id).update(stage=ResearchTask.Stage.IN_ACCEPTANCE)
    _log(action="dossier_submit", actor=actor, task=dossier.task, data={"dossier": dossier.pk})
    _after_commit(notifications.dossier_submitted, dossier_id=dossier.pk)
    return dossier


@transaction.atomic
def dossier_check(*, dossier: Dossier, actor, valid: bool, reasons: str = "") -> Dossier:
    """Administrative check (kiểm tra tính hợp lệ) once the call has closed."""
    dossier = Dossier.objects.select_for_update(of=("self",)).select_related("call", "task").get(pk=dossier.pk)
    if dossier.status != Dossier.Status.SUBMITTED:
        raise ValidationError(_("Chỉ kiểm tra hồ sơ đã nộp và chưa được kiểm tra."))
    if dossier.call is not None and not dossier.call.has_closed():
        raise ValidationError(_("Chỉ kiểm tra hồ sơ sau khi hết hạn nộp hồ sơ."))
    if not valid and not reasons.strip():
        raise ValidationError({"reasons": _("Cần nêu lý do hồ sơ không hợp lệ.")})
    dossier.status = Dossier.Status.VALID if valid else Dossier.Status.INVALID
    dossier.check_reasons = reasons.strip()
    dossier.checked_at = timezone.now()
    dossier.checked_by = actor
    dossier.save(update_fields=["status", "check_reasons", "checked_at", "checked_by"])
    _log(action="dossier_check", actor=actor, task=dossier.task, note=reasons, data={"dossier": dossier.pk})
    _after_commit(notifications.dossier_checked, dossier_id=dossier.pk)
    return dossier


# Councils -----------------------------------------------------------------------------------------


def composition_problems(ruleset, roles: list[str]) -> list[str]:
    """Why a council of members with these roles does not meet the rule set; empty when it does."""
    problems = []
    count = len(roles)
    if not ruleset.council_min_members <= count <= ruleset.council_max_members:
        problems.append(
            _("Hội đồng phải có từ %(min)s đến %(max)s thành viên (hiện có %(count)s) theo %(citation)s.")
            % {
                "min": ruleset.council_min_members,
                "max": ruleset.council_max_members,
                "count": count,
                "citation": ruleset.citation,
            }
        )
    labels = dict(CouncilMember.Role.choices)
    for role, least in ruleset.required_roles.items():
        have = roles.count(role)
        if have < int(least):
            problems.append(
                _("Cần ít nhất %(least)s thành viên vai trò %(role)s (hiện có %(have)s).")
                % {"least": least, "role": labels.get(role, role), "have": have}
            )
    for role in ("chair", "secretary"):
        if roles.count(role) > 1:
            problems.append(_("Hội đồng chỉ có một %(role)s.") % {"role": labels[role]})
    return problems


@transaction.atomic
def council_form(
    *, task: ResearchTask, actor, kind: str, name: str, meeting_date: datetime.date, members: list[tuple]
) -> Council:
    """Form a council: composition is checked against the rule set in force on the meeting date.
    Likely conflicts (selectors.conflict_warnings) are warnings for the secretariat, not refusals."""
    from .selectors import EVALUATED_STATES

    task = _locked_task(task)
    if kind not in Council.Kind.values:
        raise ValidationError({"kind": _("Loại hội đồng không hợp lệ.")})
    dossier_kind = Dossier.Kind.ACCEPTANCE if kind == Council.Kind.ACCEPTANCE else Dossier.Kind.SELECTION
    expected_stage = ResearchTask.Stage.IN_ACCEPTANCE if kind == Council.Kind.ACCEPTANCE else ResearchTask.Stage.CALLING
    attempt = 1 if kind == Council.Kind.ACCEPTANCE else task.selection_attempt
    if task.stage != expected_stage or Council.objects.filter(task=task, kind=kind, attempt=attempt).exists():
        raise ValidationError(_("Nhiệm vụ chưa ở giai đoạn thành lập hội đồng này, hoặc hội đồng đã được thành lập."))
    dossiers = Dossier.objects.filter(task=task, kind=dossier_kind, attempt=attempt)
    if dossiers.filter(status=Dossier.Status.SUBMITTED).exists():
        raise ValidationError(_("Còn hồ sơ chưa được kiểm tra tính hợp lệ."))
    if not dossiers.filter(status__in=EVALUATED_STATES).exists():
        raise ValidationError(_("Chưa có hồ sơ hợp lệ để hội đồng đánh giá."))
    if any(not call.has_closed() for call in task.calls.all()):
        raise ValidationError(_("Thông báo tuyển chọn chưa hết hạn nộp hồ sơ."))
    ruleset = ruleset_in_force(meeting_date)
    researchers = [researcher for researcher, _role in members]
    if len({r.pk for r in researchers}) != len(researchers):
        raise ValidationError({"members": _("Mỗi nhà khoa học chỉ giữ một vai trò trong hội đồng.")})
    problems = composition_problems(ruleset, [role for _researcher, role in members])
    pi_ids = set(dossiers.values_list("pi_id", flat=True))
    if pi_ids & {r.pk for r in researchers}:
        problems.append(_("Chủ nhiệm của một hồ sơ được đánh giá không thể là thành viên hội đồng."))
    if problems:
        raise ValidationError({"members": problems})
    council = Council(
        task=task,
        kind=kind,
        attempt=attempt,
        name=name.strip(),
        meeting_date=meeting_date,
        ruleset=ruleset,
        created_by=actor,
    )
    _full_clean(council)
    council.save()
    CouncilMember.objects.bulk_create(
        CouncilMember(council=council, researcher=researcher, role=role) for researcher, role in members
    )
    if kind == Council.Kind.SELECTION:
        task.stage = ResearchTask.Stage.EVALUATING
        task.save(update_fields=["stage"])
    _log(
        action="council_form",
        actor=actor,
        task=task,
        note=council.name,
        data={"council": council.pk, "ruleset": ruleset.pk, "members": [r.pk for r in researchers]},
    )
    _after_commit(notifications.council_formed, council_id=council.pk)
    return council


def _seat_for(member: CouncilMember, actor) -> CouncilMember:
    member = CouncilMember.objects.select_related("council__ruleset", "researcher").get(pk=member.pk)
    if not (actor.is_authenticated and member.researcher.user_id == actor.pk):
        raise PermissionDenied
    if member.council.status != Council.Status.SCORING:
        raise ValidationError(_("Hội đồng đã kết luận; không thay đổi được nữa."))
    return member


def _in_council(member: CouncilMember, dossier: Dossier) -> None:
    from .selectors import EVALUATED_STATES

    council = member.council
    evaluated = Dossier.objects.filter(
        pk=dossier.pk,
        task_id=council.task_id,
        kind=council.dossier_kind,
        attempt=council.attempt,
        status__in=EVALUATED_STATES,
    )
    if not evaluated.exists():
        raise PermissionDenied


@transaction.atomic
def conflict_declare(*, member: CouncilMember, dossier: Dossier, actor, has_conflict: bool, note: str = ""):
    """A member states, once per dossier and before reading it, whether they have a conflict."""
    member = _seat_for(member, actor)
    _in_council(member, dossier)
    if ConflictDeclaration.objects.filter(member=member, dossier=dossier).exists():
        raise ValidationError(_("Bạn đã khai báo xung đột lợi ích với hồ sơ này."))
    if has_conflict and not note.strip():
        raise ValidationError({"note": _("Cần nêu ngắn gọn xung đột lợi ích.")})
    declaration = ConflictDeclaration.objects.create(
        member=member, dossier=dossier, has_conflict=has_conflict, note=note.strip()
    )
    _log(
        action="conflict_declare",
        actor=actor,
        task=member.council.task,
        data={"member": member.pk, "dossier": dossier.pk, "conflict": has_conflict},
    )
    return declaration


def _parse_scores(sheet: list[dict], scores: dict, reasons: dict) -> dict:
    """Each criterion's score, within 0..max, with a written reason for a zero; every error at once."""
    errors: dict[str, list[str]] = {}
    parsed = {}
    for criterion in sheet:
        key = criterion["key"]
        raw = scores.get(key)
        field = f"score-{key}"
        if raw in (None, ""):
            errors[field] = [_("Chưa chấm tiêu chí này.")]
            continue
        try:
            value = parse_decimal(raw, field)
        except ValidationError as exc:
            errors.update(exc.message_dict)
            continue
        highest = Decimal(str(criterion["max_score"]))
        if not 0 <= value <= highest or -value.as_tuple().exponent > SCORE_PLACES:
            errors[field] = [
                _("Điểm phải từ 0 đến %(max)s (tối đa hai chữ số thập phân).") % {"max": decimal_text(highest)}
            ]
            continue
        if value == 0 and not str(reasons.get(key, "")).strip():
            errors[f"reason-{key}"] = [_("Điểm 0 cho một tiêu chí cần ghi rõ lý do.")]
        parsed[key] = str(value)
    if errors:
        raise ValidationError(errors)
    return parsed


@transaction.atomic
def score_sheet_submit(
    *,
    member: CouncilMember,
    dossier: Dossier,
    actor,
    scores: dict,
    reasons: dict | None = None,
    deviation_reason: str = "",
    comment: str = "",
) -> ScoreSheet:
    """A member's independent scores of a dossier, on the criteria of the council's rule set.

    Refused: a score outside 0..max, a zero without a reason, and a total further from the
    mean of the members who scored before than the rule set allows, without a written reason.
    """
    member = _seat_for(member, actor)
    _in_council(member, dossier)
    council = member.council
    declaration = ConflictDeclaration.objects.filter(member=member, dossier=dossier).first()
    if declaration is None:
        raise ValidationError(_("Cần khai báo xung đột lợi ích với hồ sơ trước khi chấm điểm."))
    if declaration.has_conflict:
        raise PermissionDenied
    # Serialise the sheets of one dossier, so the deviation check sees every earlier sheet.
    Dossier.objects.select_for_update().filter(pk=dossier.pk).first()
    if ScoreSheet.objects.filter(member=member, dossier=dossier).exists():
        raise ValidationError(_("Bạn đã nộp phiếu đánh giá hồ sơ này."))
    reasons = {k: str(v).strip() for k, v in (reasons or {}).items() if str(v).strip()}
    sheet_spec = council.ruleset.sheet(council.kind)
    parsed = _parse_scores(sheet_spec, scores, reasons)
    total = weighted_total(council.ruleset, sheet_spec, parsed)
    others = list(ScoreSheet.objects.filter(dossier=dossier, member__council=council).values_list("total", flat=True))
    # Against one earlier sheet alone, that sheet could be the outlier: compare from two on.
    # The decision checks every total against the final mean (council_decide).
    if len(others) >= MIN_SHEETS_FOR_DEVIATION and not deviation_reason.strip():
        mean_others = sum(others) / len(others)
        if abs(total - mean_others) > council.ruleset.max_deviation:
            raise ValidationError(
                {
                    "deviation_reason": _(
                        "Tổng điểm %(total)s chênh lệch quá %(max)s điểm so với điểm trung bình của các thành viên "
                        "đã chấm; cần giải trình bằng văn bản."
                    )
                    % {"total": decimal_text(total), "max": decimal_text(council.ruleset.max_deviation)}
                }
            )
    sheet = ScoreSheet.objects.create(
        member=member,
        dossier=dossier,
        scores=parsed,
        reasons={k: v for k, v in reasons.items() if k in parsed},
        total=total,
        deviation_reason=deviation_reason.strip(),
        comment=comment.strip(),
    )
    _log(action="score_sheet_submit", actor=actor, task=council.task, data={"sheet": sheet.pk, "dossier": dossier.pk})
    conflicted = ConflictDeclaration.objects.filter(dossier=dossier, has_conflict=True).values("member_id")
    scored = ScoreSheet.objects.filter(dossier=dossier).values("member_id")
    if not council.members.exclude(pk__in=conflicted).exclude(pk__in=scored).exists():
        _after_commit(notifications.council_scored, council_id=council.pk, dossier_id=dossier.pk)
    return sheet


@transaction.atomic
def score_sheet_explain(*, sheet: ScoreSheet, actor, reason: str) -> ScoreSheet:
    """A member explains, after the fact, a total that ended up far from the council's mean."""
    _seat_for(sheet.member, actor)
    if not reason.strip():
        raise ValidationError({"deviation_reason": _("Cần nhập nội dung giải trình.")})
    sheet.deviation_reason = reason.strip()
    sheet.save(update_fields=["deviation_reason"])
    _log(action="score_sheet_explain", actor=actor, task=sheet.dossier.task, data={"sheet": sheet.pk})
    return sheet


@transaction.atomic
def council_decide(*, council: Council, actor, conclusion: str = "") -> Council:
    """Record the council's conclusion once every dossier is scored and every outlier explained.

    Selection: the best-ranked dossier at or above the pass threshold is selected and its PI
    and organisation take the task. Acceptance: the task is graded by the rule set.
    """
    from .selectors import council_results

    council = Council.objects.select_for_update(of=("self",)).select_related("task", "ruleset").get(pk=council.pk)
    if council.status != Council.Status.SCORING:
        raise ValidationError(_("Hội đồng đã kết luận."))
    results = council_results(council)
    if not results or not all(r.is_open for r in results):
        raise ValidationError(_("Chưa đủ phiếu đánh giá của các thành viên không có xung đột lợi ích."))
    unexplained = [row for r in results for row in r.unexplained]
    if unexplained:
        names = ", ".join(sorted({row.member.researcher.full_name for row in unexplained}))
        raise ValidationError(
            _("Các thành viên sau cần giải trình điểm chênh lệch trước khi kết luận: %(names)s.") % {"names": names}
        )
    task = _locked_task(council.task)
    if council.kind == Council.Kind.SELECTION:
        winner = next((r for r in results if r.passed), None)
        for result in results:
            selected = winner is not None and result.dossier.pk == winner.dossier.pk
            result.dossier.status = Dossier.Status.SELECTED if selected else Dossier.Status.NOT_SELECTED
            result.dossier.save(update_fields=["status"])
        if winner:
            task.pi, task.host = winner.dossier.pi, winner.dossier.organisation
            task.stage = ResearchTask.Stage.APPROVED
            default = _("Hội đồng đề nghị giao %(org)s chủ trì, %(pi)s làm chủ nhiệm (điểm trung bình %(mean)s).") % {
                "org": winner.dossier.organisation.name,
                "pi": winner.dossier.pi.full_name,
                "mean": decimal_text(winner.stats["mean"]),
            }
        else:
            task.stage = ResearchTask.Stage.NO_RESULT
            default = _("Không có hồ sơ đạt điểm tối thiểu %(threshold)s.") % {
                "threshold": decimal_text(council.ruleset.pass_threshold)
            }
    else:
        result = results[0]
        contract = Contract.objects.filter(task=task).first()
        delivered = contract is None or not contract.products.filter(delivered_on__isnull=True).exists()
        grade = grade_for(council.ruleset, result.stats["mean"], all_products_delivered=delivered)
        Acceptance.objects.create(
            task=task,
            council=council,
            ruleset=council.ruleset,
            decided_on=council.meeting_date,
            mean_score=result.stats["mean"],
            grade=grade,
            note="" if delivered else _("Còn sản phẩm theo hợp đồng chưa giao nộp."),
        )
        result.dossier.status = Dossier.Status.EVALUATED
        result.dossier.save(update_fields=["status"])
        accepted = grade in (Acceptance.Grade.EXCELLENT, Acceptance.Grade.PASS)
        task.stage = ResearchTask.Stage.ACCEPTED if accepted else ResearchTask.Stage.NOT_ACCEPTED
        default = _("Xếp loại: %(grade)s (điểm trung bình %(mean)s).") % {
            "grade": Acceptance.Grade(grade).label,
            "mean": decimal_text(result.stats["mean"]),
        }
    task.save(update_fields=["pi", "host", "stage"])
    council.status = Council.Status.DECIDED
    council.conclusion = conclusion.strip() or default
    council.decided_at = timezone.now()
    council.decided_by = actor
    council.save(update_fields=["status", "conclusion", "decided_at", "decided_by"])
    _log(action="council_decide", actor=actor, task=task, note=council.conclusion, data={"council": council.pk})
    _after_commit(notifications.council_decided, council_id=council.pk)
    return council


# Contract and execution --------------------------------------------------------------------------


def _parse_lines(lines: dict, *, years: range) -> dict[tuple[int, str], Decimal]:
    """Budget lines {(year, item): amount}: known items, years within the contract, no negative amount."""
    parsed = {}
    for (year, item), raw in lines.items():
        if raw in (None, ""):
            continue
        field = f"budget-{year}-{item}"
        if item not in BudgetLine.Item.values or int(year) not in years:
            raise ValidationError({"lines": _("Khoản chi hoặc năm ngân sách không hợp lệ.")})
        amount = _money(raw, field, allow_zero=True)
        if amount:
            parsed[(int(year), item)] = amount
    return parsed


def _check_total(parsed: dict, total: Decimal) -> None:
    added = sum(parsed.values(), Decimal(0))
    if added != total:
        raise ValidationError(
            {
                "lines": _("Tổng các khoản chi (%(sum)s triệu đồng) phải bằng tổng kinh phí (%(total)s triệu đồng).")
                % {"sum": decimal_text(added), "total": decimal_text(total)}
            }
        )


@transaction.atomic
def contract_sign(
    *,
    task: ResearchTask,
    actor,
    number: str,
    signed_on: datetime.date,
    start_date: datetime.date,
    end_date: datetime.date,
    total_budget,
    lines: dict,
    milestones: list[dict],
    products: list[dict],
) -> Contract:
    """Sign the contract of an approved task: the budget lines must add up to the total."""
    task = _locked_task(task)
    if task.stage != ResearchTask.Stage.APPROVED:
        raise ValidationError(_("Chỉ ký hợp đồng cho nhiệm vụ đã được phê duyệt và chưa có hợp đồng."))
    if end_date <= start_date:
        raise ValidationError({"end_date": _("Ngày kết thúc phải sau ngày bắt đầu.")})
    total = _money(total_budget, "total_budget")
    if total > task.funding_ceiling:
        raise ValidationError(
            {
                "total_budget": _("Tổng kinh phí vượt mức tối đa đã đặt hàng (%(ceiling)s triệu đồng).")
                % {"ceiling": decimal_text(task.funding_ceiling)}
            }
        )
    parsed = _parse_lines(lines, years=range(start_date.year, end_date.year + 1))
    _check_total(parsed, total)
    products = [p for p in products if str(p.get("name", "")).strip()]
    if not products:
        raise ValidationError({"products": _("Hợp đồng cần ít nhất một sản phẩm phải giao nộp.")})
    milestones = [m for m in milestones if str(m.get("title", "")).strip()]
    for milestone in milestones:
        if not start_date <= milestone["due_date"] <= end_date:
            raise ValidationError({"milestones": _("Mốc tiến độ phải nằm trong thời gian của hợp đồng.")})
    contract = Contract(
        task=task,
        number=number.strip(),
        signed_on=signed_on,
        start_date=start_date,
        end_date=end_date,
        total_budget=total,
        created_by=actor,
    )
    _full_clean(contract)
    contract.save()
    BudgetLine.objects.bulk_create(
        BudgetLine(contract=contract, year=year, item=item, amount=amount) for (year, item), amount in parsed.items()
    )
    ContractMilestone.objects.bulk_create(
        ContractMilestone(contract=contract, title=m["title"].strip(), due_date=m["due_date"]) for m in milestones
    )
    ContractProduct.objects.bulk_create(
        ContractProduct(
            contract=contract,
            name=p["name"].strip(),
            requirements=p.get("requirements", "").strip(),
            quantity=p.get("quantity") or 1,
        )
        for p in products
    )
    task.stage = ResearchTask.Stage.IN_PROGRESS
    task.save(update_fields=["stage"])
    _log(action="contract_sign", actor=actor, task=task, note=contract.number, data={"total": str(total)})
    return contract


def _running(contract: Contract) -> Contract:
    contract = Contract.objects.select_for_update(of=("self",)).select_related("task").get(pk=contract.pk)
    if contract.task.stage != ResearchTask.Stage.IN_PROGRESS:
        raise ValidationError(_("Nhiệm vụ không còn trong giai đoạn thực hiện."))
    return contract


@transaction.atomic
def progress_report_submit(
    *, contract: Contract, actor, period_end: datetime.date, progress: int, summary: str, problems="", attachment=None
) -> ProgressReport:
    contract = _running(contract)
    if not 0 <= progress <= 100:
        raise ValidationError({"progress": _("Khối lượng hoàn thành từ 0 đến 100%.")})
    report = ProgressReport(
        contract=contract,
        period_end=period_end,
        progress=progress,
        summary=summary.strip(),
        problems=problems.strip(),
        submitted_by=actor,
    )
    if attachment:
        report.attachment = attachment
    _full_clean(report)
    report.save()
    _log(action="progress_report_submit", actor=actor, task=contract.task, data={"progress": progress})
    return report


@transaction.atomic
def inspection_schedule(*, contract: Contract, actor, held_on: datetime.date, purpose: str) -> Inspection:
    """Schedule an inspection visit; the PI and the host organisation are told after commit."""
    contract = _running(contract)
    if held_on < timezone.localdate():
        raise ValidationError({"held_on": _("Ngày kiểm tra dự kiến không được ở trong quá khứ.")})
    if not purpose.strip():
        raise ValidationError({"purpose": _("Cần nêu nội dung kiểm tra.")})
    inspection = Inspection.objects.create(
        contract=contract,
        status=Inspection.Status.PLANNED,
        held_on=held_on,
        purpose=purpose.strip(),
        recorded_by=actor,
    )
    _log(action="inspection_schedule", actor=actor, task=contract.task, note=f"{held_on:%d/%m/%Y}")
    _after_commit(notifications.inspection_scheduled, inspection_id=inspection.pk)
    return inspection


@transaction.atomic
def inspection_record(
    *, contract: Contract, actor, held_on: datetime.date, findings: str, conclusion: str
) -> Inspection:
    """Record an inspection held: the one scheduled for that day if there is one, else a new one."""
    contract = _running(contract)
    if not findings.strip():
        raise ValidationError({"findings": _("Cần ghi kết quả kiểm tra.")})
    if conclusion not in Inspection.Conclusion.values:
        raise ValidationError({"conclusion": _("Chọn kết luận kiểm tra.")})
    planned = contract.inspections.filter(status=Inspection.Status.PLANNED, held_on=held_on).first()
    inspection = planned or Inspection(contract=contract, held_on=held_on)
    inspection.status = Inspection.Status.HELD
    inspection.findings = findings.strip()
    inspection.conclusion = conclusion
    inspection.recorded_by = actor
    _full_clean(inspection)
    inspection.save()
    _log(action="inspection_record", actor=actor, task=contract.task, note=inspection.get_conclusion_display())
    return inspection


def _lines_from_keys(new_lines: dict) -> dict:
    """{"2024:labour": "100"} → {(2024, "labour"): "100"}."""
    lines = {}
    for key, raw in (new_lines or {}).items():
        year, _sep, item = str(key).partition(":")
        if not year.isdigit():
            raise ValidationError({"lines": _("Khoản chi hoặc năm ngân sách không hợp lệ.")})
        lines[(int(year), item)] = raw
    return lines


def _disbursed_by_year(contract: Contract) -> dict[int, Decimal]:
    totals: dict[int, Decimal] = {}
    for year, amount in contract.disbursements.values_list("year", "amount"):
        totals[year] = totals.get(year, Decimal(0)) + amount
    return totals


def _check_budget_change(contract: Contract, new_lines: dict, end_date: datetime.date) -> dict:
    parsed = _parse_lines(_lines_from_keys(new_lines), years=range(contract.start_date.year, end_date.year + 1))
    _check_total(parsed, contract.total_budget)
    for year, paid in _disbursed_by_year(contract).items():
        planned = sum((a for (y, _item), a in parsed.items() if y == year), Decimal(0))
        if planned < paid:
            raise ValidationError(
                {
                    "lines": _("Dự toán năm %(year)s thấp hơn số đã cấp (%(paid)s triệu đồng).")
                    % {"year": year, "paid": decimal_text(paid)}
                }
            )
    return parsed


@transaction.atomic
def change_request_submit(
    *, contract: Contract, actor, kind: str, reason: str, new_end_date=None, new_lines: dict | None = None
) -> ChangeRequest:
    """The PI asks for an extension or a budget adjustment (the total stays the same)."""
    contract = _running(contract)
    if not reason.strip():
        raise ValidationError({"reason": _("Cần nêu lý do điều chỉnh.")})
    if contract.change_requests.filter(status=ChangeRequest.Status.PENDING).exists():
        raise ValidationError(_("Đang có một đề nghị điều chỉnh chờ xem xét."))
    if kind == ChangeRequest.Kind.EXTENSION:
        if new_end_date is None or new_end_date <= contract.end_date:
            raise ValidationError({"new_end_date": _("Thời hạn mới phải sau thời hạn hiện tại của hợp đồng.")})
        new_lines = {}
    elif kind == ChangeRequest.Kind.BUDGET:
        parsed = _check_budget_change(contract, new_lines or {}, contract.end_date)
        new_lines = {f"{year}:{item}": str(amount) for (year, item), amount in parsed.items()}
        new_end_date = None
    else:
        raise ValidationError({"kind": _("Loại điều chỉnh không hợp lệ.")})
    change = ChangeRequest.objects.create(
        contract=contract,
        kind=kind,
        reason=reason.strip(),
        new_end_date=new_end_date,
        new_lines=new_lines,
        requested_by=actor,
    )
    _log(action="change_request_submit", actor=actor, task=contract.task, note=reason, data={"kind": kind})
    _after_commit(notifications.change_submitted, change_id=change.pk)
    return change


@transaction.atomic
def change_request_decide(*, change: ChangeRequest, actor, approve: bool, note: str = "") -> ChangeRequest:
    """The secretariat approves (the change takes effect) or rejects (with a reason)."""
    change = ChangeRequest.objects.select_for_update().get(pk=change.pk)
    contract = _running(change.contract)
    if change.status != ChangeRequest.Status.PENDING:
        raise ValidationError(_("Đề nghị này đã được xem xét."))
    if not approve and not note.strip():
        raise ValidationError({"note": _("Cần nêu lý do không chấp thuận.")})
    if approve and change.kind == ChangeRequest.Kind.EXTENSION:
        contract.end_date = change.new_end_date
        contract.save(update_fields=["end_date"])
    elif approve:
        parsed = _check_budget_change(contract, change.new_lines, contract.end_date)
        contract.budget_lines.all().delete()
        BudgetLine.objects.bulk_create(
            BudgetLine(contract=contract, year=year, item=item, amount=amount)
            for (year, item), amount in parsed.items()
        )
    change.status = ChangeRequest.Status.APPROVED if approve else ChangeRequest.Status.REJECTED
    change.decided_by = actor
    change.decided_at = timezone.now()
    change.decision_note = note.strip()
    change.save()
    _log(action="change_request_decide", actor=actor, task=contract.task, note=note, data={"approved": approve})
    _after_commit(notifications.change_decided, change_id=change.pk)
    return change


@transaction.atomic
def disbursement_record(
    *, contract: Contract, actor, paid_on: datetime.date, year: int, amount, note: str = ""
) -> Disbursement:
    """A payment against the budget of a year; never more than that year's budget."""
    contract = _running(contract)
    amount = _money(amount, "amount")
    budget = sum(contract.budget_lines.filter(year=year).values_list("amount", flat=True), Decimal(0))
    paid = _disbursed_by_year(contract).get(year, Decimal(0))
    if paid + amount > budget:
        raise ValidationError(
            {
                "amount": _("Vượt dự toán năm %(year)s: đã cấp %(paid)s trên %(budget)s triệu đồng.")
                % {"year": year, "paid": decimal_text(paid), "budget": decimal_text(budget)}
            }
        )
    payment = Disbursement.objects.create(
        contract=contract, paid_on=paid_on, year=year, amount=amount, note=note.strip(), recorded_by=actor
    )
    _log(action="disbursement_record", actor=actor, task=contract.task, data={"amount": str(amount), "year": year})
    return payment


@transaction.atomic
def milestone_complete(*, milestone: ContractMilestone, actor, done_on: datetime.date) -> ContractMilestone:
    _running(milestone.contract)
    milestone.done_on = done_on
    milestone.save(update_fields=["done_on"])
    _log(action="milestone_complete", actor=actor, task=milestone.contract.task, note=milestone.title)
    return milestone


@transaction.atomic
def product_deliver(*, product: ContractProduct, actor, delivered_on: datetime.date, output=None) -> ContractProduct:
    """Record a product as delivered, optionally with the research record it is (also registered on the task)."""
    contract = _running(product.contract)
    product.delivered_on = delivered_on
    product.output = output
    product.save(update_fields=["delivered_on", "output"])
    if output is not None:
        contract.task.outputs.add(output)
    _log(action="product_deliver", actor=actor, task=contract.task, note=product.name)
    return product


# Acceptance and application ----------------------------------------------------------------------


@transaction.atomic
def acceptance_dossier_open(*, task: ResearchTask, actor) -> Dossier:
    """The PI opens the acceptance dossier of a task under contract."""
    task = _locked_task(task)
    if task.stage != ResearchTask.Stage.IN_PROGRESS:
        raise ValidationError(_("Chỉ lập hồ sơ nghiệm thu cho nhiệm vụ đang thực hiện."))
    dossier, created = Dossier.objects.get_or_create(
        task=task,
        kind=Dossier.Kind.ACCEPTANCE,
        pi=task.pi,
        defaults={"organisation": task.host, "title": task.title},
    )
    if created:
        _log(action="acceptance_dossier_open", actor=actor, task=task, data={"dossier": dossier.pk})
    return dossier


@transaction.atomic
def task_output_link(*, task: ResearchTask, actor, output) -> None:
    """Register a research output (publication, patent...) as a result of the task."""
    if task.stage not in (
        ResearchTask.Stage.IN_PROGRESS,
        ResearchTask.Stage.IN_ACCEPTANCE,
        ResearchTask.Stage.ACCEPTED,
        ResearchTask.Stage.NOT_ACCEPTED,
    ):
        raise ValidationError(_("Chỉ đăng ký kết quả cho nhiệm vụ đã ký hợp đồng."))
    if task.outputs.filter(pk=output.pk).exists():
        raise ValidationError({"output": _("Kết quả này đã được đăng ký cho nhiệm vụ.")})
    task.outputs.add(output)
    _log(action="task_output_link", actor=actor, task=task, data={"output": output.pk})


@transaction.atomic
def application_record(
    *, task: ResearchTask, actor, applied_by: str, place: str, effect: str, year: int, evidence=None
) -> Application:
    """Record an application of the results of an accepted task."""
    acceptance = Acceptance.objects.filter(task=task).first()
    if acceptance is None or not acceptance.is_accepted:
        raise ValidationError(_("Chỉ theo dõi ứng dụng kết quả của nhiệm vụ đã nghiệm thu đạt."))
    if not task.contract.start_date.year <= year <= timezone.localdate().year:
        raise ValidationError({"year": _("Năm ứng dụng phải từ năm bắt đầu nhiệm vụ đến năm hiện tại.")})
    application = Application(
        task=task,
        applied_by=applied_by.strip(),
        place=place.strip(),
        effect=effect.strip(),
        year=year,
        recorded_by=actor,
    )
    if evidence:
        application.evidence = evidence
    _full_clean(application)
    application.save()
    _log(action="application_record", actor=actor, task=task, note=application.applied_by, data={"year": year})
    return application
