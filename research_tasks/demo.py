"""Illustrative S&T task history for Hanoi, 2021-2025, made with the services.

    from research_tasks.demo import load_research_tasks_demo
    load_research_tasks_demo(seed=1)

Run it after the research demo (`research.demo.load_research_demo`): PIs and council members
are picked among its researchers, who get demo accounts "nkh01"... (password DEMO_PASSWORD);
with no researcher in the database a few are created. The secretariat acts as "thuky" and the
agencies as their reporters ("sokhcn"...) when the dashboard demo made them.

Every order call, list and task is marked `is_demo` (shown as "dữ liệu minh họa"); loading
again replaces them. Each stage of the life of a task has at least one task, and an order
call for 2027 is open, so a new user can walk a task from ordering to application.

To reload the research demo afterwards, call `clear_research_tasks_demo()` first: tasks keep
their PIs and council members (PROTECT).
"""

import datetime
import random
from decimal import ROUND_HALF_UP, Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from agencies.models import Agency
from core.demo_files import minimal_pdf
from research.models import Organisation, Output, Researcher

from . import notifications, selectors, services
from .models import (
    Application,
    Council,
    Dossier,
    DossierAttachment,
    OrderCall,
    OrderList,
    OrderProposal,
    ProgressReport,
    ResearchTask,
    ScoreSheet,
    SelectionCall,
)
from .rules import rulesets_load

DEMO_PASSWORD = "demo-07-pass"
PDF = minimal_pdf("Tai lieu ho so - du lieu minh hoa (illustrative demo document)")
ROLES = ["chair", "secretary", "reviewer", "reviewer", "member", "member", "member"]

# (order year, title, kind, field, ceiling (million đồng), months, plan)
# plan: where the task is today; see _PLANS.
TASKS = [
    (2021, "Nghiên cứu hệ thống cảnh báo sớm ngập úng đô thị cho khu vực nội thành Hà Nội", "topic", "Khoa học kỹ thuật và công nghệ", 1800, 24, "applied_3y"),
    (2021, "Ứng dụng công nghệ sinh học sản xuất chế phẩm xử lý rác thải hữu cơ tại nguồn", "project", "Khoa học nông nghiệp", 2400, 24, "applied_1y"),
    (2021, "Nghiên cứu giải pháp giảm ô nhiễm bụi mịn PM2.5 từ hoạt động giao thông", "topic", "Khoa học tự nhiên", 1500, 24, "not_accepted"),
    (2022, "Xây dựng nền tảng dữ liệu số phục vụ quản lý di sản văn hóa Thăng Long - Hà Nội", "topic", "Khoa học xã hội và nhân văn", 1600, 24, "applied_1y_late"),
    (2022, "Nghiên cứu chọn tạo giống bưởi Diễn sạch bệnh cho vùng trồng ngoại thành", "topic", "Khoa học nông nghiệp", 1200, 24, "accepted"),
    (2022, "Phát triển mô hình chăm sóc sức khỏe người cao tuổi dựa vào cộng đồng", "topic", "Khoa học y, dược", 900, 24, "extended"),
    (2023, "Nghiên cứu công nghệ tái chế phế thải xây dựng làm vật liệu san nền", "project", "Khoa học kỹ thuật và công nghệ", 2000, 24, "in_acceptance"),
    (2023, "Ứng dụng trí tuệ nhân tạo điều khiển đèn tín hiệu giao thông thích ứng", "topic", "Khoa học kỹ thuật và công nghệ", 2500, 36, "in_progress"),
    (2024, "Đề án phát triển hệ sinh thái khởi nghiệp đổi mới sáng tạo khu vực các trường đại học", "scheme", "Khoa học xã hội và nhân văn", 800, 18, "approved"),
    (2024, "Dự án sản xuất thử nghiệm sơn cách nhiệt từ vật liệu nano", "project", "Khoa học kỹ thuật và công nghệ", 3000, 24, "no_result"),
    (2025, "Nghiên cứu giải pháp bảo tồn và phát huy giá trị làng nghề gốm Bát Tràng", "topic", "Khoa học xã hội và nhân văn", 1000, 24, "evaluating"),
    (2025, "Nghiên cứu mô hình nông nghiệp đô thị tuần hoàn tại huyện Gia Lâm", "topic", "Khoa học nông nghiệp", 1100, 24, "calling"),
    (2025, "Xây dựng bản đồ số nguy cơ sạt lở bờ sông Hồng đoạn qua Hà Nội", "topic", "Khoa học tự nhiên", 1300, 24, "ordered"),
]  # fmt: skip
OPEN_CALL_NEEDS = [
    ("Nghiên cứu giải pháp tiết kiệm năng lượng cho chiếu sáng công cộng", "Giảm 30% điện năng chiếu sáng công cộng."),
    ("Ứng dụng cảm biến IoT giám sát chất lượng nước hồ nội thành", "Quan trắc tự động 20 hồ."),
]
FALLBACK_ORGANISATIONS = [
    ("Đại học Bách khoa Hà Nội", "HUST", "demo-hust"),
    ("Đại học Quốc gia Hà Nội", "ĐHQGHN", "demo-vnu"),
    ("Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "VAST", "demo-vast"),
    ("Học viện Nông nghiệp Việt Nam", "VNUA", "demo-vnua"),
]


def clear_research_tasks_demo() -> None:
    """Remove every demo task and order call (with their dossiers, councils and contracts)."""
    with transaction.atomic():
        ResearchTask.objects.filter(is_demo=True).delete()
        OrderCall.objects.filter(is_demo=True).delete()


def load_research_tasks_demo(*, seed: int = 1, log=print) -> dict:
    """Replace the demo S&T tasks with a fresh, deterministic history (see the module doc)."""
    rng = random.Random(seed)
    with transaction.atomic(), notifications.silenced():
        clear_research_tasks_demo()
        rulesets_load()
        demo = _Demo(rng)
        for year in sorted({row[0] for row in TASKS}):
            demo.order_year(year, [row for row in TASKS if row[0] == year])
        demo.open_order_call()
    counts = {stage: ResearchTask.objects.filter(is_demo=True, stage=stage).count() for stage in ResearchTask.Stage}
    summary = {
        "tasks": sum(counts.values()),
        "by_stage": {str(stage.label): n for stage, n in counts.items()},
        "councils": Council.objects.filter(task__is_demo=True).count(),
        "score_sheets": ScoreSheet.objects.filter(dossier__task__is_demo=True).count(),
        "applications": Application.objects.filter(task__is_demo=True).count(),
        "users": sorted(demo.usernames),
    }
    log(
        f"Loaded {summary['tasks']} demo S&T tasks, {summary['councils']} councils, {summary['score_sheets']} score sheets."
    )
    return summary


def _aware(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class _Demo:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.usernames: set[str] = set()
        self.secretariat = self._secretariat()
        self.pool = self._researchers()
        self.agency_users = self._agency_users()

    # People -------------------------------------------------------------------------------------

    def _secretariat(self) -> User:
        from programmes.models import Programme

        user, created = User.objects.get_or_create(username="thuky", defaults={"first_name": "Thường trực Ban Chỉ đạo"})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            for programme in Programme.objects.all():
                programme.secretariat.add(user)
        return user

    def _researchers(self) -> list[Researcher]:
        """24 researchers of at least four organisations, each with a demo account."""
        people = list(
            Researcher.objects.filter(organisation__isnull=False, organisation__in_hanoi=True)
            .select_related("organisation", "user")
            .order_by("pk")[:400]
        )
        if len(people) < 24:
            people += self._fallback_researchers(24 - len(people))
        by_org: dict[int, list[Researcher]] = {}
        for person in people:
            by_org.setdefault(person.organisation_id, []).append(person)
        # Three researchers from each of the eight largest organisations: councils mix
        # institutions, and every PI has colleagues whom the platform warns about.
        groups = sorted(by_org.values(), key=lambda group: (-len(group), group[0].organisation_id))[:8]
        chosen = [person for group in groups for person in self.rng.sample(group, min(3, len(group)))]
        leftovers = [p for p in people if p not in chosen]
        chosen += leftovers[: 24 - len(chosen)]
        # Accounts nkh01, nkh02... for those who have none, never taken from another chosen researcher.
        taken = {p.user.username for p in chosen if p.user_id}
        number = 0
        for person in chosen:
            if person.user_id is None:
                username = next(name for name in (f"nkh{n:02d}" for n in range(number + 1, 1000)) if name not in taken)
                number = int(username[3:])
                user, created = User.objects.get_or_create(username=username, defaults={"first_name": person.full_name})
                if created:
                    user.set_password(DEMO_PASSWORD)
                    user.save()
                Researcher.objects.filter(user=user).update(user=None)
                person.user = user
                person.save(update_fields=["user"])
                taken.add(username)
            self.usernames.add(person.user.username)
        return chosen

    def _fallback_researchers(self, count: int) -> list[Researcher]:
        organisations = []
        for name, short, slug in FALLBACK_ORGANISATIONS:
            org, _created = Organisation.objects.get_or_create(
                slug=slug, defaults={"name": name, "short_name": short, "kind": "university", "is_demo": True}
            )
            organisations.append(org)
        given = ["An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hùng", "Lan", "Minh", "Nga", "Phong", "Quang"]
        family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi"]
        made = []
        for n in range(count):
            made.append(
                Researcher.objects.create(
                    full_name=f"{family[n % len(family)]} {'Văn' if n % 2 else 'Thị'} {given[n % len(given)]}",
                    title="TS.",
                    organisation=organisations[n % len(organisations)],
                    is_demo=True,
                )
            )
        return made

    def _agency_users(self) -> list[User]:
        users = list(User.objects.filter(agency__isnull=False).exclude(agency__kind=Agency.Kind.GROUP).order_by("pk"))
        if users:
            return users
        agency = Agency.objects.exclude(kind=Agency.Kind.GROUP).order_by("pk").first()
        if agency is None:
            agency = Agency.objects.create(name="Sở Khoa học và Công nghệ", slug="so-khcn", kind=Agency.Kind.DEPARTMENT)
        user, created = User.objects.get_or_create(username="sokhcn", defaults={"agency": agency})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        return [user]

    def _council_members(
        self, exclude: set[int], count: int = 7, *, task=None, on=None
    ) -> list[tuple[Researcher, str]]:
        """Members drawn from the pool, leaving out the PIs and, as a careful secretariat would,
        anyone the platform warns about (co-author, same organisation, shared task)."""
        candidates = [p for p in self.pool if p.pk not in exclude]
        if task is not None:
            dossiers = Dossier.objects.filter(task=task, status=Dossier.Status.VALID).select_related("pi")
            flagged = {
                w.researcher.pk
                for w in selectors.conflict_warnings(
                    researchers=candidates, dossiers=dossiers, on_date=on, exclude_task_id=task.pk
                )
            }
            clean = [p for p in candidates if p.pk not in flagged]
            candidates = clean if len(clean) >= count else candidates
        chosen = self.rng.sample(candidates, count)
        return list(zip(chosen, ROLES[:count], strict=True))

    # Steps --------------------------------------------------------------------------------------

    def order_year(self, year: int, rows: list) -> None:
        call = services.order_call_open(
            actor=self.secretariat,
            title=f"Đặt hàng nhiệm vụ KH&CN cấp Thành phố năm {year}",
            year=year,
            deadline=timezone.localdate() + datetime.timedelta(days=1),
            description="Các sở, ngành, quận, huyện đề xuất nhiệm vụ KH&CN đặt hàng theo nhu cầu thực tiễn.",
        )
        OrderCall.objects.filter(pk=call.pk).update(is_demo=True)
        proposals = []
        for number, (_year, title, kind, field, ceiling, months, _plan) in enumerate(rows):
            user = self.agency_users[(year + number) % len(self.agency_users)]
            proposals.append(self._propose(call, user, title, kind, field, ceiling, months))
        # Two agencies asked for the same thing: the secretariat merges the second into the first.
        twin_user = self.agency_users[(year + 7) % len(self.agency_users)]
        first = proposals[0]
        twin = self._propose(call, twin_user, first.title.replace("Nghiên cứu", "Đề xuất nghiên cứu"), first.kind,
                             first.field, first.funding_ceiling, first.period_months)  # fmt: skip
        services.order_proposals_merge(keep=first, merged=[twin], actor=self.secretariat)
        declined = self._propose(
            call, twin_user, "Khảo sát nhu cầu sử dụng xe đạp công cộng", "topic", "Giao thông", 300, 6
        )
        services.order_proposal_decline(
            proposal=declined, actor=self.secretariat, reason="Thuộc nhiệm vụ thường xuyên của đơn vị."
        )
        direct = {title for (_y, title, *_rest, plan) in rows if plan == "extended"}
        for proposal in proposals:
            mode = "direct" if proposal.title in direct else "selection"
            services.order_list_include(proposal=proposal, actor=self.secretariat, mode=mode)
        tasks = services.order_list_approve(
            call=call, actor=self.secretariat, decision=f"QĐ {100 + year % 100}/QĐ-SKHCN"
        )
        deadline = datetime.date(year - 1, 9, 30)
        OrderCall.objects.filter(pk=call.pk).update(deadline=deadline, created_at=_aware(datetime.date(year - 1, 8, 1)))
        OrderProposal.objects.filter(call=call).update(created_at=_aware(datetime.date(year - 1, 9, 15)))
        OrderList.objects.filter(call=call).update(approved_at=_aware(datetime.date(year - 1, 12, 15)))
        for task, row in zip(tasks, rows, strict=True):
            ResearchTask.objects.filter(pk=task.pk).update(
                is_demo=True, created_at=_aware(datetime.date(year - 1, 12, 15))
            )
            task.refresh_from_db()
            getattr(self, f"plan_{row[6]}")(task)

    def _propose(self, call, user, title, kind, field, ceiling, months):
        return services.order_proposal_submit(
            call=call,
            actor=user,
            title=title,
            kind=kind,
            field=field,
            objectives=f"Giải quyết yêu cầu thực tiễn của Thành phố: {title[0].lower()}{title[1:]}.",
            expected_results="Báo cáo tổng hợp; quy trình, giải pháp được chuyển giao; bài báo khoa học.",
            funding_ceiling=str(ceiling),
            period_months=months,
        )

    def open_order_call(self) -> None:
        """The 2027 order call, still receiving proposals: where a walk through starts."""
        call = services.order_call_open(
            actor=self.secretariat,
            title="Đặt hàng nhiệm vụ KH&CN cấp Thành phố năm 2027",
            year=2027,
            deadline=timezone.localdate() + datetime.timedelta(days=30),
            description="Hạn gửi đề xuất: 30 ngày kể từ ngày thông báo.",
        )
        OrderCall.objects.filter(pk=call.pk).update(is_demo=True)
        for number, (title, result) in enumerate(OPEN_CALL_NEEDS):
            services.order_proposal_submit(
                call=call,
                actor=self.agency_users[number % len(self.agency_users)],
                title=title,
                kind="topic",
                field="Khoa học kỹ thuật và công nghệ",
                objectives=title + ".",
                expected_results=result,
                funding_ceiling="1200",
                period_months=24,
            )

    # Selection ---------------------------------------------------------------------------------

    def _call(self, task, year: int, *, still_open: bool = False) -> SelectionCall:
        now = timezone.now()
        call = services.selection_call_open(
            task=task,
            actor=self.secretariat,
            title=f"Thông báo tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ {task.code}",
            description="Hồ sơ gồm thuyết minh, dự toán kinh phí, lý lịch khoa học và xác nhận của tổ chức chủ trì.",
            opens_at=now - datetime.timedelta(days=5),
            closes_at=now + datetime.timedelta(days=20 if still_open else 1),
        )
        return call

    def _dossiers(self, task, call, count: int, *, used: set[int]) -> list[Dossier]:
        pis = self.rng.sample([p for p in self.pool if p.pk not in used], count)
        used.update(p.pk for p in pis)
        dossiers = []
        for pi in pis:
            dossier = services.dossier_register(call=call, actor=pi.user)
            services.dossier_update(
                dossier=dossier,
                actor=pi.user,
                summary=f"Hồ sơ của {pi.organisation.name} cho nhiệm vụ “{task.title}”.",
                approach="Khảo sát hiện trạng; xây dựng mô hình; thử nghiệm tại hiện trường; đánh giá hiệu quả.",
                products="Báo cáo tổng hợp; quy trình công nghệ; 02 bài báo khoa học; đào tạo 01 thạc sĩ.",
                team_text=f"{pi.full_name} (chủ nhiệm) và 6 thành viên.",
                budget_requested=str(task.funding_ceiling - self.rng.randrange(0, 200)),
                duration_months=task.period_months,
            )
            services.dossier_attach(
                dossier=dossier,
                actor=pi.user,
                kind=DossierAttachment.Kind.PROPOSAL,
                file=ContentFile(PDF, name="thuyet-minh.pdf"),
            )
            dossiers.append(services.dossier_submit(dossier=dossier, actor=pi.user))
        return dossiers

    def _close(self, call, opens: datetime.date, closes: datetime.date) -> None:
        SelectionCall.objects.filter(pk=call.pk).update(opens_at=_aware(opens), closes_at=_aware(closes, 17))
        Dossier.objects.filter(call=call).update(submitted_at=_aware(closes - datetime.timedelta(days=3)))
        call.refresh_from_db()

    def _selected(self, task, *, meeting: datetime.date, targets: list[float], dossiers_count=None) -> Council:
        """Call, dossiers, check and a council that scores every dossier; the first target wins."""
        year = meeting.year
        call = self._call(task, year)
        used: set[int] = set()
        dossiers = self._dossiers(task, call, dossiers_count or len(targets), used=used)
        self._close(call, meeting - datetime.timedelta(days=60), meeting - datetime.timedelta(days=20))
        for dossier in dossiers:
            services.dossier_check(dossier=dossier, actor=self.secretariat, valid=True)
        council = services.council_form(
            task=task,
            actor=self.secretariat,
            kind="selection",
            name=f"Hội đồng tư vấn tuyển chọn nhiệm vụ {task.code}",
            meeting_date=meeting,
            members=self._council_members(used, task=task, on=meeting),
        )
        for dossier, target in zip(dossiers, targets, strict=True):
            self._score_all(council, dossier, target)
        return council

    def _score_all(self, council: Council, dossier: Dossier, target: float, *, only: int | None = None, conflict=None):
        """Every member (or the first `only`) declares and scores near `target` (a share of each maximum)."""
        members = list(council.members.select_related("researcher__user"))
        for number, member in enumerate(members):
            if only is not None and number >= only:
                break
            user = member.researcher.user
            has_conflict = conflict is not None and member.pk == conflict.pk
            services.conflict_declare(
                member=member,
                dossier=dossier,
                actor=user,
                has_conflict=has_conflict,
                note="Cùng tổ chức với chủ nhiệm nhiệm vụ." if has_conflict else "",
            )
            if has_conflict:
                continue
            services.score_sheet_submit(
                member=member,
                dossier=dossier,
                actor=user,
                scores=self._scores(council, target),
                comment="Hồ sơ đáp ứng yêu cầu đặt hàng."
                if target >= 0.7
                else "Nội dung, phương pháp chưa thuyết phục.",
            )

    def _scores(self, council: Council, target: float) -> dict:
        scores = {}
        for criterion in council.ruleset.sheet(council.kind):
            top = Decimal(str(criterion["max_score"]))
            share = max(0.1, min(1.0, target + self.rng.uniform(-0.05, 0.05)))
            value = (top * Decimal(str(share)) * 2).quantize(Decimal(1), ROUND_HALF_UP) / 2  # half points
            scores[criterion["key"]] = str(max(Decimal("0.5"), min(top, value)))
        return scores

    def _decide(self, council: Council, when: datetime.date) -> None:
        services.council_decide(council=council, actor=self.secretariat)
        Council.objects.filter(pk=council.pk).update(decided_at=_aware(when, 16))

    # Contract, execution, acceptance ------------------------------------------------------------

    def _contract(self, task, start: datetime.date) -> None:
        task.refresh_from_db()
        months = task.period_months
        end = datetime.date(start.year + (start.month - 1 + months) // 12, (start.month - 1 + months) % 12 + 1, 1)
        end -= datetime.timedelta(days=1)
        total = (task.funding_ceiling * Decimal("0.9")).quantize(Decimal(1))
        years = list(range(start.year, end.year + 1))
        shares = {"labour": Decimal("0.55"), "materials": Decimal("0.2"), "equipment": Decimal("0.15")}
        lines: dict = {}
        for year in years:
            part = (total / len(years)).quantize(Decimal(1))
            for item, share in shares.items():
                lines[(year, item)] = (part * share).quantize(Decimal(1))
        lines[(years[-1], "other")] = total - sum(lines.values())
        services.contract_sign(
            task=task,
            actor=self.secretariat,
            number=f"{task.pk:02d}/{start.year}/HĐ-KHCN",
            signed_on=start,
            start_date=start,
            end_date=end,
            total_budget=str(total),
            lines={key: str(value) for key, value in lines.items()},
            milestones=[
                {"title": "Hoàn thành khảo sát, thu thập dữ liệu", "due_date": start + datetime.timedelta(days=180)},
                {"title": "Báo cáo giữa kỳ", "due_date": start + datetime.timedelta(days=30 * months // 2)},
                {"title": "Hoàn thành sản phẩm, báo cáo tổng hợp", "due_date": end - datetime.timedelta(days=30)},
            ],
            products=[
                {
                    "name": "Báo cáo tổng hợp kết quả nghiên cứu",
                    "quantity": 1,
                    "requirements": "Được hội đồng thông qua",
                },
                {
                    "name": "Quy trình, giải pháp công nghệ",
                    "quantity": 1,
                    "requirements": "Áp dụng thử tại 01 địa điểm",
                },
                {"name": "Bài báo khoa học", "quantity": 2, "requirements": "Ít nhất 01 bài quốc tế"},
            ],
        )
        task.refresh_from_db()
        contract = task.contract
        for year in years:
            if datetime.date(year, 3, 1) <= timezone.localdate():
                budget = sum(v for (y, _item), v in lines.items() if y == year)
                services.disbursement_record(
                    contract=contract,
                    actor=self.secretariat,
                    paid_on=max(start, datetime.date(year, 3, 1)),
                    year=year,
                    amount=str((budget * Decimal("0.7")).quantize(Decimal(1))),
                    note="Tạm ứng kinh phí năm.",
                )
        pi = task.pi.user
        report_day = start + datetime.timedelta(days=180)
        progress = 20
        while report_day < min(end, timezone.localdate()):
            services.progress_report_submit(
                contract=contract,
                actor=pi,
                period_end=report_day,
                progress=min(progress, 95),
                summary=f"Hoàn thành khoảng {min(progress, 95)}% khối lượng theo thuyết minh.",
            )
            report_day += datetime.timedelta(days=180)
            progress += 25
        ProgressReport.objects.filter(contract=contract).update(submitted_at=_aware(start))
        services.inspection_record(
            contract=contract,
            actor=self.secretariat,
            held_on=start + datetime.timedelta(days=300),
            findings="Triển khai đúng nội dung; chứng từ chi tiêu đầy đủ.",
            conclusion="on_track",
        )
        for milestone in contract.milestones.all():
            if milestone.due_date < timezone.localdate():
                services.milestone_complete(milestone=milestone, actor=pi, done_on=milestone.due_date)

    def _deliver(self, task, when: datetime.date, *, all_products: bool = True) -> None:
        contract = task.contract
        outputs = list(
            Output.objects.filter(authorships__researcher=task.pi, year__gte=task.year).order_by(
                "-is_international", "pk"
            )[:2]
        )
        for number, product in enumerate(contract.products.all()):
            if not all_products and number == 1:
                continue
            output = outputs.pop(0) if product.name == "Bài báo khoa học" and outputs else None
            services.product_deliver(product=product, actor=task.pi.user, delivered_on=when, output=output)
        for output in outputs:
            services.task_output_link(task=task, actor=task.pi.user, output=output)

    def _accept(self, task, *, meeting: datetime.date, target: float, all_products: bool = True) -> Council:
        pi = task.pi.user
        self._deliver(task, meeting - datetime.timedelta(days=45), all_products=all_products)
        dossier = services.acceptance_dossier_open(task=task, actor=pi)
        services.dossier_update(
            dossier=dossier,
            actor=pi,
            summary="Báo cáo kết quả thực hiện nhiệm vụ theo hợp đồng.",
            approach="Các nội dung đã thực hiện theo thuyết minh được phê duyệt.",
            products="Báo cáo tổng hợp; quy trình công nghệ; bài báo khoa học.",
        )
        services.dossier_attach(
            dossier=dossier,
            actor=pi,
            kind=DossierAttachment.Kind.FINAL_REPORT,
            file=ContentFile(PDF, name="bao-cao.pdf"),
        )
        services.dossier_submit(dossier=dossier, actor=pi)
        services.dossier_check(dossier=dossier, actor=self.secretariat, valid=True)
        council = services.council_form(
            task=task,
            actor=self.secretariat,
            kind="acceptance",
            name=f"Hội đồng đánh giá nghiệm thu nhiệm vụ {task.code}",
            meeting_date=meeting,
            members=self._council_members({task.pi_id}, task=task, on=meeting),
        )
        self._score_all(council, dossier, target)
        self._decide(council, meeting)
        task.refresh_from_db()
        return council

    def _apply(self, task, years: list[int]) -> None:
        places = ["Quận Hoàn Kiếm", "Quận Cầu Giấy", "Huyện Gia Lâm", "Huyện Đông Anh", "Quận Long Biên"]
        users = [
            "Sở Xây dựng Hà Nội",
            "UBND quận, huyện",
            "Công ty TNHH MTV Thoát nước Hà Nội",
            "Hợp tác xã nông nghiệp",
        ]
        for year in years:
            services.application_record(
                task=task,
                actor=self.secretariat,
                applied_by=self.rng.choice(users),
                place=self.rng.choice(places),
                effect="Áp dụng kết quả vào quản lý, vận hành; giảm chi phí và thời gian xử lý.",
                year=year,
            )

    # Where each demo task stands today ----------------------------------------------------------

    def _through_contract(self, task, year: int, targets=(0.86, 0.74)) -> None:
        council = self._selected(task, meeting=datetime.date(year + 1, 3, 15), targets=list(targets))
        self._decide(council, datetime.date(year + 1, 3, 15))
        self._contract(task, datetime.date(year + 1, 4, 1))

    def plan_applied_3y(self, task):
        self._through_contract(task, task.year)
        self._accept(task, meeting=datetime.date(task.year + 3, 5, 20), target=0.9)
        self._apply(task, [task.year + 3, task.year + 4, task.year + 5])

    def plan_applied_1y(self, task):
        self._through_contract(task, task.year, targets=(0.8, 0.76, 0.62))
        self._accept(task, meeting=datetime.date(task.year + 3, 6, 10), target=0.78)
        self._apply(task, [task.year + 4])

    def plan_applied_1y_late(self, task):
        self._through_contract(task, task.year)
        self._accept(task, meeting=datetime.date(task.year + 3, 5, 28), target=0.8)
        self._apply(task, [task.year + 4])

    def plan_accepted(self, task):
        self._through_contract(task, task.year)
        self._accept(task, meeting=datetime.date(task.year + 3, 6, 18), target=0.75)

    def plan_not_accepted(self, task):
        self._through_contract(task, task.year)
        self._accept(task, meeting=datetime.date(task.year + 3, 6, 25), target=0.72, all_products=False)

    def plan_extended(self, task):
        """Giao trực tiếp; the contract was extended once."""
        pi = next(p for p in reversed(self.pool) if p.user_id)
        dossier = services.task_assign_directly(task=task, actor=self.secretariat, pi=pi)
        services.dossier_update(
            dossier=dossier,
            actor=pi.user,
            summary="Giao trực tiếp cho tổ chức có năng lực chuyên môn đặc thù.",
            approach="Xây dựng và thử nghiệm mô hình tại 3 phường.",
            products="Mô hình chăm sóc; tài liệu hướng dẫn; báo cáo tổng hợp.",
            budget_requested=str(task.funding_ceiling),
            duration_months=task.period_months,
        )
        services.dossier_attach(
            dossier=dossier, actor=pi.user, kind=DossierAttachment.Kind.PROPOSAL, file=ContentFile(PDF, name="tm.pdf")
        )
        services.dossier_submit(dossier=dossier, actor=pi.user)
        services.dossier_check(dossier=dossier, actor=self.secretariat, valid=True)
        meeting = datetime.date(task.year + 1, 2, 20)
        council = services.council_form(
            task=task,
            actor=self.secretariat,
            kind="selection",
            name=f"Hội đồng tư vấn xét giao trực tiếp nhiệm vụ {task.code}",
            meeting_date=meeting,
            members=self._council_members({pi.pk}, task=task, on=meeting),
        )
        self._score_all(council, dossier, 0.82)
        self._decide(council, meeting)
        self._contract(task, datetime.date(task.year + 1, 4, 1))
        task.refresh_from_db()
        services.change_request_decide(
            change=services.change_request_submit(
                contract=task.contract,
                actor=pi.user,
                kind="extension",
                reason="Địa bàn thử nghiệm điều chỉnh do sắp xếp đơn vị hành chính cấp xã.",
                new_end_date=datetime.date(2026, 12, 31),
            ),
            actor=self.secretariat,
            approve=True,
            note="Đồng ý gia hạn đến 31/12/2026.",
        )

    def plan_in_progress(self, task):
        self._through_contract(task, task.year)
        task.refresh_from_db()
        contract = task.contract
        lines = {f"{line.year}:{line.item}": str(line.amount) for line in contract.budget_lines.all()}
        last_year = max(line.year for line in contract.budget_lines.all())
        moved = Decimal(20)
        lines[f"{last_year}:equipment"] = str(Decimal(lines[f"{last_year}:equipment"]) + moved)
        lines[f"{last_year}:materials"] = str(Decimal(lines[f"{last_year}:materials"]) - moved)
        services.change_request_submit(
            contract=contract,
            actor=task.pi.user,
            kind="budget",
            reason=f"Chuyển {moved} triệu đồng từ nguyên vật liệu sang thiết bị đo năm {last_year}.",
            new_lines=lines,
        )
        services.inspection_schedule(
            contract=contract,
            actor=self.secretariat,
            held_on=timezone.localdate() + datetime.timedelta(days=21),
            purpose="Kiểm tra tiến độ thử nghiệm tại 3 nút giao và chứng từ chi năm nay.",
        )

    def plan_in_acceptance(self, task):
        """The acceptance council meets next month: three members have scored, blind."""
        self._through_contract(task, task.year)
        task.refresh_from_db()
        pi = task.pi.user
        self._deliver(task, datetime.date(2026, 4, 20))
        dossier = services.acceptance_dossier_open(task=task, actor=pi)
        services.dossier_update(
            dossier=dossier, actor=pi, summary="Báo cáo kết quả.", approach="Theo thuyết minh.", products="Đủ sản phẩm."
        )
        services.dossier_attach(
            dossier=dossier, actor=pi, kind=DossierAttachment.Kind.FINAL_REPORT, file=ContentFile(PDF, name="bc.pdf")
        )
        services.dossier_submit(dossier=dossier, actor=pi)
        services.dossier_check(dossier=dossier, actor=self.secretariat, valid=True)
        council = services.council_form(
            task=task,
            actor=self.secretariat,
            kind="acceptance",
            name=f"Hội đồng đánh giá nghiệm thu nhiệm vụ {task.code}",
            meeting_date=timezone.localdate() + datetime.timedelta(days=20),
            members=self._council_members({task.pi_id}, task=task, on=timezone.localdate()),
        )
        self._score_all(council, dossier, 0.84, only=3)

    def plan_approved(self, task):
        council = self._selected(task, meeting=datetime.date(task.year + 1, 3, 20), targets=[0.81, 0.7])
        self._decide(council, datetime.date(task.year + 1, 3, 20))

    def plan_no_result(self, task):
        council = self._selected(task, meeting=datetime.date(task.year + 1, 3, 25), targets=[0.64, 0.58])
        self._decide(council, datetime.date(task.year + 1, 3, 25))

    def plan_evaluating(self, task):
        """A council under the 2025 law: a member declared a conflict; some scores are in, blind."""
        call = self._call(task, task.year + 1)
        used: set[int] = set()
        dossiers = self._dossiers(task, call, 2, used=used)
        meeting = timezone.localdate() + datetime.timedelta(days=10)
        self._close(call, meeting - datetime.timedelta(days=50), meeting - datetime.timedelta(days=15))
        for dossier in dossiers:
            services.dossier_check(dossier=dossier, actor=self.secretariat, valid=True)
        pi_orgs = {d.organisation_id for d in dossiers}
        colleague = next((p for p in self.pool if p.pk not in used and p.organisation_id in pi_orgs), None)
        excluded = used | ({colleague.pk} if colleague else set())
        members = self._council_members(excluded, count=6, task=task, on=meeting)
        if colleague is not None:
            members.append((colleague, "member"))
        council = services.council_form(
            task=task,
            actor=self.secretariat,
            kind="selection",
            name=f"Hội đồng tư vấn tuyển chọn nhiệm vụ {task.code}",
            meeting_date=meeting,
            members=members,
        )
        seat = council.members.get(researcher=colleague) if colleague else None
        conflicted = next((d for d in dossiers if colleague and d.organisation_id == colleague.organisation_id), None)
        for dossier in dossiers:
            self._score_all(council, dossier, 0.8, only=4)
            if seat is not None and dossier == conflicted:
                services.conflict_declare(
                    member=seat,
                    dossier=dossier,
                    actor=colleague.user,
                    has_conflict=True,
                    note="Cùng tổ chức với chủ nhiệm.",
                )

    def plan_calling(self, task):
        """An open call: one dossier submitted, one still a draft."""
        call = self._call(task, task.year + 1, still_open=True)
        used: set[int] = set()
        self._dossiers(task, call, 1, used=used)
        late = next(p for p in self.pool if p.pk not in used)
        draft = services.dossier_register(call=call, actor=late.user)
        services.dossier_update(dossier=draft, actor=late.user, summary="Đang hoàn thiện thuyết minh.")

    def plan_ordered(self, task):
        """Ordered and waiting for the secretariat to open a call or assign it."""
