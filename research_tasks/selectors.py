"""Reads of S&T tasks, each at a fixed number of queries."""

import datetime
import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from research.models import Authorship, Output, Researcher

from .models import (
    Acceptance,
    Application,
    BudgetLine,
    ConflictDeclaration,
    Contract,
    ContractProduct,
    Council,
    CouncilMember,
    Dossier,
    OrderCall,
    OrderProposal,
    ResearchTask,
    RuleSet,
    ScoreSheet,
    SelectionCall,
)
from .rules import spread

# Dossiers a council evaluates: those that passed the administrative check (and their outcome).
EVALUATED_STATES = (
    Dossier.Status.VALID,
    Dossier.Status.SELECTED,
    Dossier.Status.NOT_SELECTED,
    Dossier.Status.EVALUATED,
)
COAUTHOR_YEARS = 5


# Tasks and calls --------------------------------------------------------------------------


def task_list(*, stage: str = "", year: int | None = None) -> QuerySet[ResearchTask]:
    tasks = ResearchTask.objects.select_related("pi", "host", "acceptance")
    if stage:
        tasks = tasks.filter(stage=stage)
    if year:
        tasks = tasks.filter(year=year)
    return tasks.order_by("-year", "code")


def task_detail(pk: int) -> ResearchTask:
    """The task with what its page shows: calls, councils, contract, acceptance, outputs, applications."""
    return get_object_or_404(
        ResearchTask.objects.select_related(
            "pi__organisation", "host", "order_item__order_list__call", "acceptance", "contract"
        ).prefetch_related(
            "calls",
            "councils",
            Prefetch("outputs", queryset=Output.objects.defer("search_key", "title_key").order_by("-year", "pk")),
            "applications",
            "team",
        ),
        pk=pk,
    )


def calls_public() -> QuerySet[SelectionCall]:
    return SelectionCall.objects.select_related("task").order_by("-closes_at")


def seconds_until_a_call_opens_or_closes(*, cap: int, now=None) -> int:
    """Whole seconds until some call's `is_open` changes (a call is open until the end of its
    closing instant), at most `cap`: how long a list of calls stays true."""
    now = now or timezone.now()
    next_opening = SelectionCall.objects.filter(opens_at__gt=now).aggregate(at=Min("opens_at"))["at"]
    next_closing = SelectionCall.objects.filter(closes_at__gte=now).aggregate(at=Min("closes_at"))["at"]
    changes = [at for at in (next_opening, next_closing) if at is not None]
    if not changes:
        return cap
    return min(cap, math.ceil((min(changes) - now).total_seconds()) + 1)


def call_get(pk: int) -> SelectionCall:
    return get_object_or_404(SelectionCall.objects.select_related("task"), pk=pk)


# Ordering -------------------------------------------------------------------------------------


def order_calls() -> QuerySet[OrderCall]:
    return OrderCall.objects.annotate(proposal_count=Count("proposals")).order_by("-year", "-created_at")


def order_call_get(pk: int) -> OrderCall:
    return get_object_or_404(OrderCall.objects.select_related("order_list"), pk=pk)


def proposals_for(call: OrderCall, *, agency_id=None) -> QuerySet[OrderProposal]:
    """Every proposal of the call (the secretariat) or one agency's own (agency_id)."""
    proposals = call.proposals.select_related("agency", "merged_into").prefetch_related("merged")
    if agency_id is not None:
        proposals = proposals.filter(agency_id=agency_id)
    return proposals.order_by("created_at", "pk")


def order_list_items(call: OrderCall):
    return call.order_list.items.prefetch_related("proposals__agency").select_related("task").order_by("pk")


# Dossiers ---------------------------------------------------------------------------------------


def dossier_get(pk: int) -> Dossier:
    return get_object_or_404(
        Dossier.objects.select_related("task", "call", "pi__organisation", "organisation").prefetch_related(
            "attachments"
        ),
        pk=pk,
    )


def dossiers_for(user, *, secretariat: bool) -> QuerySet[Dossier]:
    """All dossiers for the secretariat; otherwise those of the user's organisation (or their own)."""
    from .permissions import researcher_of

    dossiers = Dossier.objects.select_related("task", "pi", "organisation", "call").order_by("-created_at")
    if secretariat:
        return dossiers
    researcher = researcher_of(user)
    if researcher is None:
        return dossiers.none()
    own = Q(pi=researcher)
    if researcher.organisation_id:
        own |= Q(organisation_id=researcher.organisation_id)
    conflicted = ConflictDeclaration.objects.filter(member__researcher=researcher, has_conflict=True)
    return dossiers.filter(own).exclude(pk__in=conflicted.values("dossier_id"))


def council_dossiers(council: Council) -> QuerySet[Dossier]:
    return Dossier.objects.filter(
        task_id=council.task_id, kind=council.dossier_kind, attempt=council.attempt, status__in=EVALUATED_STATES
    ).select_related("pi__organisation", "organisation")


# Councils and scores ----------------------------------------------------------------------------


def council_get(pk: int) -> Council:
    return get_object_or_404(
        Council.objects.select_related("task", "ruleset").prefetch_related(
            Prefetch("members", queryset=CouncilMember.objects.select_related("researcher__organisation", "council"))
        ),
        pk=pk,
    )


def councils_for(user, *, secretariat: bool) -> QuerySet[Council]:
    from .permissions import researcher_of

    councils = Council.objects.select_related("task", "ruleset").order_by("-meeting_date", "pk")
    if secretariat:
        return councils
    researcher = researcher_of(user)
    if researcher is None:
        return councils.none()
    return councils.filter(members__researcher=researcher).distinct()


@dataclass
class MemberScore:
    member: CouncilMember
    sheet: ScoreSheet | None
    conflict: bool
    declared: bool
    outlier: bool = False  # beyond the rule set's deviation from the mean, with no written reason


@dataclass
class DossierResult:
    dossier: Dossier
    rows: list[MemberScore]
    is_open: bool  # every member without a conflict has scored
    stats: dict = field(default_factory=dict)  # mean, min, max, std, count
    criterion_means: dict = field(default_factory=dict)
    rank: int | None = None
    passed: bool = False

    @property
    def unexplained(self) -> list[MemberScore]:
        return [row for row in self.rows if row.outlier]

    @property
    def scored_count(self) -> int:
        return sum(1 for row in self.rows if row.sheet is not None)

    @property
    def expected_count(self) -> int:
        return sum(1 for row in self.rows if not row.conflict)


def council_results(council: Council) -> list[DossierResult]:
    """Each dossier of the council with every member's state and, once every member without a
    conflict has scored, the aggregate: weighted totals, mean, spread, rank. 4 queries.

    The caller decides who may read what (see views and permissions): this computes it all.
    """
    members = list(council.members.all())
    dossiers = list(council_dossiers(council))
    declarations = {
        (d.member_id, d.dossier_id): d
        for d in ConflictDeclaration.objects.filter(member__council=council, dossier__in=dossiers)
    }
    sheets = {(s.member_id, s.dossier_id): s for s in ScoreSheet.objects.filter(member__council=council)}
    ruleset = council.ruleset
    sheet_spec = ruleset.sheet(council.kind)
    results = []
    for dossier in dossiers:
        rows = []
        for member in members:
            declaration = declarations.get((member.pk, dossier.pk))
            rows.append(
                MemberScore(
                    member=member,
                    sheet=sheets.get((member.pk, dossier.pk)),
                    conflict=bool(declaration and declaration.has_conflict),
                    declared=declaration is not None,
                )
            )
        expected = [row for row in rows if not row.conflict]
        is_open = bool(expected) and all(row.sheet is not None for row in expected)
        result = DossierResult(dossier=dossier, rows=rows, is_open=is_open)
        if is_open:
            totals = [row.sheet.total for row in expected]
            result.stats = spread(totals)
            mean = result.stats["mean"]
            for row in expected:
                row.outlier = abs(row.sheet.total - mean) > ruleset.max_deviation and not row.sheet.deviation_reason
            result.criterion_means = {
                c["key"]: sum(Decimal(str(row.sheet.scores.get(c["key"], 0))) for row in expected) / len(expected)
                for c in sheet_spec
            }
            result.passed = mean >= ruleset.pass_threshold
        results.append(result)
    ranked = sorted((r for r in results if r.is_open), key=lambda r: (-r.stats["mean"], r.dossier.pk))
    for position, result in enumerate(ranked, start=1):
        result.rank = position
    return sorted(results, key=lambda r: (r.rank is None, r.rank or 0, r.dossier.pk))


def dossier_result(council: Council, dossier: Dossier) -> DossierResult:
    return next(r for r in council_results(council) if r.dossier.pk == dossier.pk)


@dataclass(frozen=True)
class ConflictWarning:
    researcher: Researcher
    dossier: Dossier
    reason: str  # coauthor | shared_task | same_organisation | is_pi
    detail: str

    LABELS = {
        "coauthor": gettext_lazy("Đồng tác giả với chủ nhiệm hồ sơ trong 5 năm gần đây"),
        "shared_task": gettext_lazy("Cùng tham gia một nhiệm vụ KH&CN với chủ nhiệm hồ sơ"),
        "same_organisation": gettext_lazy("Cùng tổ chức với chủ nhiệm hoặc tổ chức chủ trì"),
        "is_pi": gettext_lazy("Là chủ nhiệm của hồ sơ"),
    }

    @property
    def label(self) -> str:
        return str(self.LABELS[self.reason])


def conflict_warnings(*, researchers, dossiers, on_date: datetime.date, exclude_task_id=None) -> list[ConflictWarning]:
    """Likely conflicts of interest the platform can see in its own data (4 queries):
    a co-authored output with the dossier's PI in the last five years, a shared S&T task,
    the same organisation (as the PI or as the host)."""
    researchers = list(researchers)
    dossiers = list(dossiers)
    if not researchers or not dossiers:
        return []
    member_ids = {r.pk for r in researchers}
    pi_ids = {d.pi_id for d in dossiers}
    pi_orgs = {d.pi_id: d.pi.organisation_id for d in dossiers}

    coauthored: dict[tuple[int, int], list[str]] = {}
    pairs = (
        Authorship.objects.filter(
            researcher_id__in=member_ids,
            output__year__gte=on_date.year - COAUTHOR_YEARS,
            output__year__lte=on_date.year,
            output__authorships__researcher_id__in=pi_ids,
        )
        .values_list("researcher_id", "output__authorships__researcher_id", "output__title", "output__year")
        .distinct()
    )
    for member_id, pi_id, title, year in pairs:
        if member_id != pi_id:
            coauthored.setdefault((member_id, pi_id), []).append(f"{title[:80]} ({year})")

    people = member_ids | pi_ids
    tasks_of: dict[int, set[int]] = {}
    led = ResearchTask.objects.filter(pi_id__in=people)
    through = ResearchTask.team.through.objects.filter(researcher_id__in=people)
    if exclude_task_id:
        led = led.exclude(pk=exclude_task_id)
        through = through.exclude(researchtask_id=exclude_task_id)
    for task_id, person in led.values_list("pk", "pi_id"):
        tasks_of.setdefault(person, set()).add(task_id)
    for task_id, person in through.values_list("researchtask_id", "researcher_id"):
        tasks_of.setdefault(person, set()).add(task_id)
    codes = dict(ResearchTask.objects.filter(pk__in=set().union(*tasks_of.values())).values_list("pk", "code"))

    warnings = []
    for dossier in dossiers:
        for researcher in researchers:
            if researcher.pk == dossier.pi_id:
                warnings.append(ConflictWarning(researcher, dossier, "is_pi", ""))
                continue
            shared_outputs = coauthored.get((researcher.pk, dossier.pi_id))
            if shared_outputs:
                warnings.append(ConflictWarning(researcher, dossier, "coauthor", "; ".join(shared_outputs[:3])))
            shared_tasks = tasks_of.get(researcher.pk, set()) & tasks_of.get(dossier.pi_id, set())
            if shared_tasks:
                warnings.append(
                    ConflictWarning(
                        researcher, dossier, "shared_task", ", ".join(sorted(codes[t] for t in shared_tasks))
                    )
                )
            org = researcher.organisation_id
            if org and org in (dossier.organisation_id, pi_orgs[dossier.pi_id]):
                warnings.append(ConflictWarning(researcher, dossier, "same_organisation", ""))
    return warnings


def council_warnings(council: Council) -> list[ConflictWarning]:
    return conflict_warnings(
        researchers=[m.researcher for m in council.members.all()],
        dossiers=council_dossiers(council),
        on_date=council.meeting_date,
        exclude_task_id=council.task_id,
    )


# Contracts -------------------------------------------------------------------------------------


@dataclass
class BudgetTable:
    years: list[int]
    rows: list[tuple[str, str, list[Decimal], Decimal]]  # item, label, amount per year, item total
    year_totals: list[Decimal]
    total: Decimal
    disbursed_by_year: dict[int, Decimal]
    disbursed: Decimal


def contract_get(pk: int) -> Contract:
    return get_object_or_404(
        Contract.objects.select_related("task__pi", "task__host").prefetch_related(
            "budget_lines",
            "milestones",
            Prefetch("products", queryset=ContractProduct.objects.select_related("output")),
            "progress_reports",
            "inspections",
            "change_requests",
            "disbursements",
        ),
        pk=pk,
    )


def budget_table(contract: Contract) -> BudgetTable:
    """Budget by item (rows) and year (columns) with what was disbursed, from prefetched rows."""
    lines = list(contract.budget_lines.all())
    years = sorted({line.year for line in lines})
    amounts = {(line.item, line.year): line.amount for line in lines}
    rows = []
    for item, label in BudgetLine.Item.choices:
        per_year = [amounts.get((item, year), Decimal(0)) for year in years]
        if any(per_year):
            rows.append((item, label, per_year, sum(per_year)))
    year_totals = [sum(amounts.get((item, year), Decimal(0)) for item in BudgetLine.Item.values) for year in years]
    disbursed_by_year: dict[int, Decimal] = {}
    for payment in contract.disbursements.all():
        disbursed_by_year[payment.year] = disbursed_by_year.get(payment.year, Decimal(0)) + payment.amount
    return BudgetTable(
        years=years,
        rows=rows,
        year_totals=year_totals,
        total=sum(year_totals, Decimal(0)),
        disbursed_by_year=disbursed_by_year,
        disbursed=sum(disbursed_by_year.values(), Decimal(0)),
    )


# Results, applications and the programme feed -------------------------------------------------

ACCEPTED_GRADES = (Acceptance.Grade.EXCELLENT, Acceptance.Grade.PASS)
APPLICATION_FOLLOW_YEARS = 3


def accepted_tasks(*, until_year: int | None = None) -> QuerySet[ResearchTask]:
    tasks = ResearchTask.objects.filter(acceptance__grade__in=ACCEPTED_GRADES)
    if until_year is not None:
        tasks = tasks.filter(acceptance__decided_on__year__lte=until_year)
    return tasks


def applied_share(*, until_year: int | None = None) -> dict:
    """The share of accepted tasks whose results were applied (by `until_year`, if given)."""
    accepted = accepted_tasks(until_year=until_year)
    applications = Application.objects.filter(task=OuterRef("pk"))
    if until_year is not None:
        applications = applications.filter(year__lte=until_year)
    rows = list(accepted.annotate(applied=Exists(applications)).values_list("pk", "applied"))
    applied_ids = [pk for pk, applied in rows if applied]
    share = (Decimal(100) * len(applied_ids) / len(rows)).quantize(Decimal("0.1")) if rows else None
    return {
        "accepted_ids": [pk for pk, _applied in rows],
        "applied_ids": applied_ids,
        "accepted": len(rows),
        "applied": len(applied_ids),
        "share": share,
    }


def applications_due(year: int) -> QuerySet[ResearchTask]:
    """Accepted tasks still followed in `year` (accepted in the three years before) with no
    application recorded for that year: whom the secretariat asks for news."""
    return (
        accepted_tasks()
        .filter(
            acceptance__decided_on__year__gte=year - APPLICATION_FOLLOW_YEARS,
            acceptance__decided_on__year__lt=year,
        )
        .exclude(applications__year=year)
        .select_related("pi", "host", "acceptance")
        .order_by("code")
    )


@dataclass
class FeedFigure:
    key: str
    label: str
    year: int
    value: Decimal | None
    ids: list[int]
    queryset: QuerySet
    url: str
    note: str = ""


def international_publications(year: int) -> QuerySet[Output]:
    """International publications of the year with at least one Hanoi organisation."""
    hanoi = Output.organisations.through.objects.filter(output_id=OuterRef("pk"), organisation__in_hanoi=True)
    return Output.objects.filter(year=year, is_international=True).filter(Exists(hanoi))


def patent_filings(year: int) -> QuerySet[Output]:
    return Output.objects.filter(year=year, kind__in=[Output.Kind.PATENT, Output.Kind.UTILITY_SOLUTION])


def programme_feed(year: int) -> dict[str, FeedFigure]:
    """The figures this module offers the programme's indicators for a year, each with the
    records it was counted from (ids and queryset) and the page that lists them."""
    publications = international_publications(year)
    patents = patent_filings(year)
    share = applied_share(until_year=year)
    pub_ids = list(publications.order_by("pk").values_list("pk", flat=True))
    patent_ids = list(patents.order_by("pk").values_list("pk", flat=True))
    return {
        "international_publications": FeedFigure(
            key="international_publications",
            label=_("Công bố quốc tế của các tổ chức trên địa bàn Hà Nội"),
            year=year,
            value=Decimal(len(pub_ids)),
            ids=pub_ids,
            queryset=publications,
            url=reverse("research_tasks:feed-records", args=["international_publications", year]),
        ),
        "patent_filings": FeedFigure(
            key="patent_filings",
            label=_("Đơn sáng chế, giải pháp hữu ích"),
            year=year,
            value=Decimal(len(patent_ids)),
            ids=patent_ids,
            queryset=patents,
            url=reverse("research_tasks:feed-records", args=["patent_filings", year]),
        ),
        "applied_share": FeedFigure(
            key="applied_share",
            label=_("Tỷ lệ nhiệm vụ đã nghiệm thu được ứng dụng (%)"),
            year=year,
            value=share["share"],
            ids=share["applied_ids"],
            queryset=ResearchTask.objects.filter(pk__in=share["accepted_ids"]),
            url=reverse("research_tasks:feed-records", args=["applied_share", year]),
            note=_("%(applied)s trên %(accepted)s nhiệm vụ đã nghiệm thu") % share,
        ),
    }


SECRETARIAT_WAITING = (
    ResearchTask.Stage.ORDERED,
    ResearchTask.Stage.NO_RESULT,
    ResearchTask.Stage.CALLING,
    ResearchTask.Stage.EVALUATING,
    ResearchTask.Stage.APPROVED,
    ResearchTask.Stage.IN_ACCEPTANCE,
)


def secretariat_waiting(limit: int = 30) -> list[ResearchTask]:
    """Tasks waiting for the secretariat's next step (a call still receiving dossiers waits for
    its deadline, so it is left out), oldest order first. 2 queries."""
    tasks = (
        ResearchTask.objects.filter(stage__in=SECRETARIAT_WAITING).prefetch_related("calls").order_by("year", "code")
    )
    now = timezone.now()
    waiting = [t for t in tasks if not any(not c.has_closed(now) for c in t.calls.all())]
    return waiting[:limit]


def tasks_led_by(researcher) -> list[ResearchTask]:
    """The tasks a researcher leads as PI, newest first, with their contracts: their home page list."""
    if researcher is None:
        return []
    return list(ResearchTask.objects.filter(pi=researcher).select_related("contract").order_by("-year", "code")[:20])


def rulesets() -> QuerySet[RuleSet]:
    return RuleSet.objects.order_by("-effective_from")


def stage_counts() -> dict[str, int]:
    return dict(ResearchTask.objects.order_by().values_list("stage").annotate(n=Count("pk")))
