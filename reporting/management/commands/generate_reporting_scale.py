"""Generate reporting rounds at benchmark scale, through the real services (see bench/README.md).

Everything generated is recognisable and removable: one programme with the slug
``bench-reporting``, agencies and users whose slug / username starts with ``bench-rep-``.
Running the command again deletes them first (with their rounds, figures, history rows and
evidence files), so it can be re-run with the same or other sizes. The content depends only
on the sizes, ``--end-year`` and ``--seed``.

What it builds:

- ``--report-agencies`` agencies that lead the programme's ``--tasks`` key tasks and answer
  for its ``--indicators`` indicators (every 10th one a context series under the previous);
- one annual round per year of the programme (``--years``), then the final review of the
  last year: every report agency fills its form (round_open -> submission_save ->
  submission_submit -> submission_approve) and the round is closed (round_close builds the
  snapshot the review reports are generated from);
- then one open half-year round with ``--agencies`` agencies (the report agencies among
  them) in every state, for the completeness page. Report agencies are never approved
  there, so this round changes no official figure and no task status.
"""

import datetime
import random
import time
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from accounts.models import User
from agencies.models import Agency
from core.management.commands.generate_city_scale import (
    AGENCY_KINDS,
    DECREASING_SUBJECTS,
    INDICATOR_SUBJECTS,
    TASK_OBJECTS,
    TASK_VERBS,
    THEMES,
    month_end,
)
from core.text import fold
from indicators.models import Direction, Frequency, Indicator, Measurement, TargetKind
from programmes.models import (
    KeyTask,
    KeyTaskCoordinator,
    KeyTaskLead,
    KeyTaskUpdate,
    Objective,
    Programme,
    SolutionGroup,
    SolutionParagraph,
)
from reporting import services
from reporting.models import ReportingRound, RoundSnapshot, Submission, TaskReport

PROGRAMME_SLUG = "bench-reporting"
PREFIX = "bench-rep-"
SECRETARIAT = f"{PREFIX}thuky"
SOURCE = "Cục Thống kê thành phố Hà Nội (số liệu minh họa, sinh tự động)"
EVIDENCE = b"%PDF-1.4\n% Bench evidence (du lieu minh hoa)\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
CONTEXT_EVERY = 10
GROUPS = 6
OBJECTIVES = 8
# States of the completeness round, in proportion (report agencies are never approved there).
COMPLETENESS_STATES = ["approved"] * 7 + ["submitted"] * 4 + ["returned"] * 2 + ["draft"] * 3 + ["not_started"] * 4
TASK_TEXT = {
    "not_started": "Đang chuẩn bị đề cương, phân công đơn vị thực hiện; chưa triển khai trong kỳ.",
    "in_progress": (
        "Triển khai theo kế hoạch năm; đã hoàn thành {progress}% khối lượng công việc, tổ chức hội thảo "
        "lấy ý kiến chuyên gia và các sở, ngành liên quan; dự kiến hoàn thành đúng hạn."
    ),
    "behind": (
        "Chậm so với kế hoạch (đạt {progress}%): vướng thủ tục bố trí kinh phí, mặt bằng và phối hợp "
        "liên ngành; đơn vị đã đề xuất giải pháp tháo gỡ và điều chỉnh tiến độ."
    ),
    "completed": (
        "Đã hoàn thành, ban hành văn bản và tổ chức triển khai; kết quả được đánh giá, nghiệm thu và "
        "chuyển giao cho các đơn vị sử dụng."
    ),
}


class Command(BaseCommand):
    help = (
        "Sinh đợt báo cáo quy mô đo hiệu năng qua các service thật (chương trình 'bench-reporting', "
        "cơ quan và người dùng 'bench-rep-*'); chạy lại sẽ xóa bộ cũ trước."
    )

    def add_arguments(self, parser):
        parser.add_argument("--agencies", type=int, default=200, help="agencies of the open completeness round")
        parser.add_argument("--report-agencies", type=int, default=30, help="agencies with tasks and indicators")
        parser.add_argument("--years", type=int, default=5, help="annual rounds, one per year of the programme")
        parser.add_argument("--end-year", type=int, default=2025, help="last year of the programme")
        parser.add_argument("--tasks", type=int, default=150)
        parser.add_argument("--indicators", type=int, default=60, help="total, context series included")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--password", default="", help="password of the secretariat user (else unusable)")
        parser.add_argument("--delete-only", action="store_true", help="remove the generated data and stop")

    def handle(self, *args, **opts):
        if opts["years"] < 1 or opts["report_agencies"] < 1:
            raise CommandError("--years and --report-agencies must be at least 1")
        if min(opts["agencies"], opts["tasks"], opts["indicators"]) < 0:
            raise CommandError("sizes must not be negative")
        if opts["end_year"] > timezone.localdate().year:
            raise CommandError("--end-year lies in the future; the platform refuses figures for future periods")
        self.rng = random.Random(opts["seed"])
        self.end_year = opts["end_year"]
        self.start_year = self.end_year - opts["years"] + 1
        started = time.perf_counter()
        with transaction.atomic():
            removed = self.delete_generated()
            self.stdout.write(f"Removed earlier generated data: {removed}")
            if opts["delete_only"]:
                return
            counts = self.generate(opts)
        elapsed = time.perf_counter() - started
        summary = ", ".join(f"{n} {label}" for label, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Generated {summary} in {elapsed:.1f} s (seed {opts['seed']})."))

    # -- removal ------------------------------------------------------------------------------

    def delete_generated(self) -> str:
        """Delete an earlier run's programme, agencies and users, their history rows and files."""
        programme = Programme.objects.filter(slug=PROGRAMME_SLUG).first()
        files, rounds, indicators, tasks = set(), 0, 0, 0
        if programme is not None:
            indicator_ids = list(Indicator.objects.filter(programme=programme).values_list("pk", flat=True))
            task_ids = list(KeyTask.objects.filter(programme=programme).values_list("pk", flat=True))
            for queryset in (
                TaskReport.objects.filter(submission__round__programme=programme),
                KeyTaskUpdate.objects.filter(task_id__in=task_ids),
                Measurement.objects.filter(indicator_id__in=indicator_ids),
            ):
                files.update(name for name in queryset.exclude(evidence="").values_list("evidence", flat=True))
            rounds = programme.rounds.count()
            indicators, tasks = len(indicator_ids), len(task_ids)
            programme_id = programme.pk  # delete() clears it
            with override_settings(SIMPLE_HISTORY_ENABLED=False):
                programme.delete()
            # History rows outlive the objects they describe: remove those of this programme too.
            Measurement.history.filter(indicator_id__in=indicator_ids).delete()
            Indicator.history.filter(programme_id=programme_id).delete()
            KeyTask.history.filter(programme_id=programme_id).delete()
            Programme.history.filter(id=programme_id).delete()
        users = User.objects.filter(username__startswith=PREFIX).delete()[1].get(User._meta.label, 0)
        agencies = Agency.objects.filter(slug__startswith=PREFIX).delete()[1].get(Agency._meta.label, 0)
        # Files go only once the rows are gone for good (after commit), and only files nobody else uses.
        transaction.on_commit(lambda: [default_storage.delete(name) for name in sorted(files)])
        return (
            f"{1 if programme else 0} programme, {rounds} rounds, {indicators} indicators, {tasks} tasks, "
            f"{agencies} agencies, {users} users, {len(files)} evidence files"
        )

    # -- generation ----------------------------------------------------------------------------

    def generate(self, opts) -> dict[str, int]:
        n_agencies = max(opts["agencies"], opts["report_agencies"])
        agencies = self.make_agencies(n_agencies)
        reporting = agencies[: opts["report_agencies"]]
        self.secretariat = self.make_users(agencies, opts["password"])
        programme = self.make_programme()
        groups = self.make_structure(programme)
        indicators = self.make_indicators(programme, opts["indicators"], reporting)
        tasks = self.make_tasks(programme, opts["tasks"], groups, reporting)
        self.tasks = {t.pk: t for t in tasks}
        self.indicators = {i.pk: i for i in indicators}
        self.plan_values(indicators, tasks)

        timings = {}
        for index, year in enumerate(range(self.start_year, self.end_year + 1)):
            rnd = self.open_round(programme, reporting, "annual", year, f"Kiểm tra, đánh giá kết quả năm {year}")
            self.fill_all(rnd, index)
            timings[f"close {year}"] = self.close(rnd)
        final = self.open_round(
            programme,
            reporting,
            "final",
            self.end_year,
            f"Tổng kết thực hiện Chương trình {programme.code} giai đoạn {self.start_year} - {self.end_year}",
        )
        self.fill_all(final, opts["years"] - 1, final=True)
        timings["close final"] = self.close(final)
        self.stdout.write(
            f"  final round {final.pk}: {final.submissions.count()} approved submissions; round_close (with "
            f"snapshot) {timings['close final']:.2f} s"
        )
        completeness = None
        if opts["agencies"]:
            completeness = self.completeness_round(programme, agencies[: opts["agencies"]], len(reporting))
            self.stdout.write(f"  completeness round {completeness.pk}: {opts['agencies']} agencies")
        return {
            "agencies": len(agencies),
            "indicators": len(indicators),
            "key tasks": len(tasks),
            "rounds": ReportingRound.objects.filter(programme=programme).count(),
            "submissions": Submission.objects.filter(round__programme=programme).count(),
            "task updates": KeyTaskUpdate.objects.filter(task__programme=programme).count(),
            "measurements": Measurement.objects.filter(indicator__programme=programme).count(),
        }

    def make_agencies(self, count: int) -> list[Agency]:
        rows = []
        for i in range(1, count + 1):
            prefix, kind = AGENCY_KINDS[(i - 1) % len(AGENCY_KINDS)]
            theme = THEMES[(i - 1) % len(THEMES)]
            name = f"{prefix} {theme} (đơn vị báo cáo mô phỏng {i:03d})"
            rows.append(
                Agency(name=name, name_key=fold(name), short_name=f"BC{i:03d}", slug=f"{PREFIX}{i:03d}", kind=kind)
            )
        return Agency.objects.bulk_create(rows)

    def make_users(self, agencies, password: str) -> User:
        secretariat = User(username=SECRETARIAT, first_name="Thường trực (mô phỏng)")
        if password:
            secretariat.set_password(password)
        else:
            secretariat.set_unusable_password()
        secretariat.save()
        reporters = []
        for agency in agencies:
            user = User(username=f"{PREFIX}{agency.slug.removeprefix(PREFIX)}-bc", agency=agency)
            user.set_unusable_password()
            reporters.append(user)
        User.objects.bulk_create(reporters)
        self.reporters = {u.agency_id: u for u in reporters}
        return secretariat

    def make_programme(self) -> Programme:
        programme = Programme(
            code="900-CTr/TU",
            slug=PROGRAMME_SLUG,
            title="Chương trình mô phỏng để đo hiệu năng đợt báo cáo (dữ liệu minh họa)",
            title_en="Simulated programme for the reporting-round benchmark",
            issuer="Thành ủy Hà Nội",
            issuer_term="khóa XVII",
            start_year=self.start_year,
            end_year=self.end_year,
            preamble="Dữ liệu minh họa, sinh tự động để đo hiệu năng.",
            general_objective="Đưa khoa học, công nghệ và đổi mới sáng tạo thành động lực tăng trưởng của Thủ đô.",
        )
        with override_settings(SIMPLE_HISTORY_ENABLED=False):
            programme.save()
        programme.secretariat.add(self.secretariat)
        return programme

    def make_structure(self, programme) -> list[SolutionGroup]:
        rng = self.rng
        Objective.objects.bulk_create(
            Objective(programme=programme, number=n, text=f"Mục tiêu cụ thể {n}: {_sentence(rng)}")
            for n in range(1, OBJECTIVES + 1)
        )
        groups = SolutionGroup.objects.bulk_create(
            SolutionGroup(programme=programme, number=n, title=f"Nhóm giải pháp {n}: {_sentence(rng)}")
            for n in range(1, GROUPS + 1)
        )
        SolutionParagraph.objects.bulk_create(
            SolutionParagraph(group=g, order=o, text=_sentence(rng), is_bullet=o > 1)
            for g in groups
            for o in range(1, rng.randint(2, 4) + 1)
        )
        return groups

    def make_indicators(self, programme, count: int, agencies) -> list[Indicator]:
        top, children = [], []
        number = 0
        for i in range(count):
            agency = agencies[i % len(agencies)]
            if i % CONTEXT_EVERY == CONTEXT_EVERY - 1 and top:
                parent = top[-1]
                children.append(
                    Indicator(
                        programme=programme,
                        parent=parent,
                        code=f"{parent.code}.1",
                        order=parent.order + 1,
                        name=f"{parent.name} (số liệu bối cảnh)",
                        unit=parent.unit,
                        direction=parent.direction,
                        target_kind=TargetKind.NONE,
                        baseline_value=parent.baseline_value,
                        baseline_year=parent.baseline_year,
                        baseline_label=parent.baseline_label,
                        data_source=SOURCE,
                        responsible_agency=agency,
                        frequency=Frequency.ANNUAL,
                        min_value=parent.min_value,
                        max_value=parent.max_value,
                    )
                )
                continue
            number += 1
            top.append(self.indicator(programme, number, agency))
        Indicator.objects.bulk_create(top)
        for child in children:
            child.parent_id = child.parent.pk  # the parent has its primary key now
        Indicator.objects.bulk_create(children)
        return top + children

    def indicator(self, programme, number: int, agency) -> Indicator:
        rng = self.rng
        kind = rng.choice([TargetKind.FLOOR] * 4 + [TargetKind.RANGE, TargetKind.APPROXIMATE, TargetKind.CEILING])
        subjects = DECREASING_SUBJECTS if kind == TargetKind.CEILING else INDICATOR_SUBJECTS
        subject, unit = subjects[(number - 1) % len(subjects)]
        percent = unit.startswith("%")
        scale = 100 if percent else rng.choice([50, 500, 5000])
        low, high = (0.4, 0.8) if kind == TargetKind.CEILING else (0.1, 0.5)
        baseline = Decimal(rng.uniform(low, high) * scale).quantize(Decimal("0.01"))
        gain = Decimal(rng.uniform(0.1, 0.4) * scale).quantize(Decimal("0.01"))
        fields = {"direction": Direction.INCREASE, "target_value": baseline + gain}
        if kind == TargetKind.CEILING:
            fields.update(direction=Direction.DECREASE, target_value=max(baseline - gain / 2, Decimal("0.01")))
        elif kind == TargetKind.RANGE:
            fields["target_upper"] = fields["target_value"] + (gain / 4).quantize(Decimal("0.01"))
        elif kind == TargetKind.APPROXIMATE:
            fields["tolerance"] = (gain / 10).quantize(Decimal("0.01"))
        if percent:
            fields["target_value"] = min(fields["target_value"], Decimal(99))
            if fields.get("target_upper") is not None:
                fields["target_upper"] = min(fields["target_upper"], Decimal(100))
        return Indicator(
            programme=programme,
            code=f"CT{number}",
            order=number * 100,
            name=f"{subject} (chỉ tiêu {number})",
            unit=unit,
            target_kind=kind,
            target_year=self.end_year,
            baseline_value=baseline,
            baseline_year=self.start_year - 1,
            baseline_label=str(self.start_year - 1),
            baseline_source=SOURCE,
            data_source=SOURCE,
            responsible_agency=agency,
            frequency=Frequency.ANNUAL,
            min_value=Decimal(0),
            max_value=Decimal(100) if percent else Decimal(scale * 10),
            **fields,
        )

    def make_tasks(self, programme, count: int, groups, agencies) -> list[KeyTask]:
        rng = self.rng
        tasks = []
        for number in range(1, count + 1):
            start = rng.randint(self.start_year, self.end_year)
            end = rng.randint(start, self.end_year)
            tasks.append(
                KeyTask(
                    programme=programme,
                    number=number,
                    title=(
                        f"{rng.choice(TASK_VERBS)} {rng.choice(TASK_OBJECTS)} về {rng.choice(THEMES)} "
                        f"giai đoạn {start} - {end} (nhiệm vụ {number})"
                    ),
                    solution_group=groups[(number - 1) % len(groups)] if groups else None,
                    start_year=start,
                    end_year=end,
                    deadline=month_end(end, rng.choice([6, 9, 12])),
                    is_illustrative=True,
                )
            )
        KeyTask.objects.bulk_create(tasks)
        leads, coordinators = [], []
        for i, task in enumerate(tasks):
            # Every report agency leads some tasks: the first lead goes round the agencies.
            first = agencies[i % len(agencies)]
            others = [a for a in agencies if a.pk != first.pk]
            extra = rng.sample(others, min(len(others), rng.randint(0, 1) + rng.randint(0, 3)))
            n_leads = min(len(extra), rng.randint(0, 1))
            leads += [KeyTaskLead(task=task, agency=a, order=o) for o, a in enumerate([first, *extra[:n_leads]])]
            coordinators += [KeyTaskCoordinator(task=task, agency=a, order=o) for o, a in enumerate(extra[n_leads:])]
        KeyTaskLead.objects.bulk_create(leads)
        KeyTaskCoordinator.objects.bulk_create(coordinators)
        return tasks

    def plan_values(self, indicators, tasks) -> None:
        """What each agency reports each year: indicator figures and task status/progress."""
        rng = self.rng
        years = list(range(self.start_year, self.end_year + 1))
        self.figures = {}
        for ind in indicators:
            start = float(ind.baseline_value or 10)
            goal = float(ind.target_value if ind.target_value is not None else start * 1.2)
            pace = rng.uniform(0.5, 1.2)
            low, high = float(ind.min_value), float(ind.max_value)
            for step, year in enumerate(years, start=1):
                value = start + (goal - start) * pace * step / len(years)
                value = min(max(value * rng.uniform(0.97, 1.03), low), high)
                self.figures[ind.pk, year] = Decimal(value).quantize(Decimal("0.01"))
        self.states = {}
        for task in tasks:
            finishes = rng.random() < 0.7
            stalls = not finishes and rng.random() < 0.5
            span = task.end_year - task.start_year + 1
            for year in years:
                if year < task.start_year:
                    state = ("not_started", 0)
                else:
                    done = (year - task.start_year + 1) / span
                    progress = 100 if finishes and year >= task.end_year else min(95, round(100 * done * 0.9))
                    if stalls:
                        progress = min(progress, 60)
                    if progress == 100:
                        state = ("completed", 100)
                    elif year >= task.end_year or (stalls and progress == 60):
                        state = ("behind", progress)
                    else:
                        state = ("in_progress", max(progress, 5))
                self.states[task.pk, year] = state

    # -- rounds -------------------------------------------------------------------------------

    def open_round(self, programme, agencies, kind, year, title, period_number=0) -> ReportingRound:
        # Annual reviews count figures to mid-December; the final review, after the last
        # annual one, to the end of the programme (so its "previous round" is that annual one).
        cutoff = datetime.date(year, 12, 15 if kind == "annual" else 31)
        rnd = services.round_open(
            programme=programme,
            actor=self.secretariat,
            kind=kind,
            year=year,
            title=title,
            cutoff=cutoff,
            deadline=cutoff + datetime.timedelta(days=20),
            agencies=agencies,
            period_number=period_number,
        )
        ReportingRound.objects.filter(pk=rnd.pk).update(opened_at=_aware(cutoff - datetime.timedelta(days=20)))
        return rnd

    def fill(self, submission: Submission, year: int, final: bool = False) -> Submission:
        """Fill a form as its agency would: texts, every task it leads, every figure it owes."""
        agency = submission.agency.display_name
        period = f"giai đoạn {self.start_year} - {self.end_year}" if final else f"năm {year}"
        data = {
            "results": f"{agency}: kết quả thực hiện các nhiệm vụ được giao {period}. {_paragraph(self.rng, 4)}",
            "shortcomings": f"{agency}: hạn chế, nguyên nhân. {_paragraph(self.rng, 2)}",
            "proposals": f"{agency}: đề xuất, kiến nghị. {_paragraph(self.rng, 2)}",
        }
        files = {}
        for report in submission.task_reports.all():
            status, progress = self.states[report.task_id, year]
            prefix = f"task-{report.task_id}-"
            data |= {
                prefix + "status": status,
                prefix + "progress": str(progress),
                prefix + "narrative": TASK_TEXT[status].format(progress=progress),
            }
            if status == "completed":
                number = self.tasks[report.task_id].number
                files[prefix + "evidence"] = ContentFile(EVIDENCE, name=f"minh-chung-nv{number}.pdf")
        for report in submission.indicator_reports.all():
            prefix = f"indicator-{report.indicator_id}-"
            data |= {prefix + "value": str(self.figures[report.indicator_id, year]), prefix + "source": SOURCE}
        return services.submission_save(
            submission=submission,
            actor=self.reporters[submission.agency_id],
            version=submission.version,
            data=data,
            files=files,
        )

    def submit(self, submission: Submission) -> Submission:
        reporter = self.reporters[submission.agency_id]
        return services.submission_submit(submission=submission, actor=reporter, version=submission.version)

    def fill_all(self, rnd: ReportingRound, index: int, final: bool = False) -> None:
        year = self.start_year + index
        for submission in rnd.submissions.select_related("agency").order_by("agency__slug"):
            sent = self.submit(self.fill(submission, year, final))
            services.submission_approve(submission=sent, actor=self.secretariat, version=sent.version)
        when = _aware(rnd.cutoff + datetime.timedelta(days=10))
        Submission.objects.filter(round=rnd).update(submitted_at=when, approved_at=when + datetime.timedelta(days=5))

    def close(self, rnd: ReportingRound) -> float:
        started = time.perf_counter()
        services.round_close(rnd=rnd, actor=self.secretariat)
        elapsed = time.perf_counter() - started
        closed = _aware(rnd.cutoff + datetime.timedelta(days=30))
        ReportingRound.objects.filter(pk=rnd.pk).update(closed_at=closed)
        RoundSnapshot.objects.filter(round=rnd).update(frozen_at=closed)
        return elapsed

    def completeness_round(self, programme, agencies, n_reporting: int) -> ReportingRound:
        """The open half-year round of the last year, with agencies in every state."""
        rnd = self.open_round(
            programme,
            agencies,
            "half_year",
            self.end_year,
            f"Báo cáo 6 tháng cuối năm {self.end_year} ({len(agencies)} cơ quan, mô phỏng)",
            period_number=2,
        )
        report_agencies = {a.pk for a in agencies[:n_reporting]}
        for submission in rnd.submissions.select_related("agency").order_by("agency__slug"):
            state = self.rng.choice(COMPLETENESS_STATES)
            if state == "approved" and submission.agency_id in report_agencies:
                state = "submitted"  # approving would make its figures official
            if state == "not_started":
                continue
            saved = self.fill(submission, self.end_year)
            if state == "draft":
                continue
            sent = self.submit(saved)
            if state == "approved":
                services.submission_approve(submission=sent, actor=self.secretariat, version=sent.version)
            elif state == "returned":
                services.submission_return(
                    submission=sent,
                    actor=self.secretariat,
                    version=sent.version,
                    comment="Đề nghị bổ sung minh chứng và làm rõ nguyên nhân chậm tiến độ.",
                    item_comments={},
                )
        return rnd


def _aware(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def _sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(TASK_VERBS)} {rng.choice(TASK_OBJECTS)} phục vụ phát triển {rng.choice(THEMES)} "
        f"trên địa bàn Thủ đô."
    )


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))
