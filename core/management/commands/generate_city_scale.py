"""Generate a city-scale, illustrative data set for benchmarks (see bench/README.md).

Everything generated is recognisable and removable: programmes have slugs starting with
``city-`` and agencies slugs starting with ``bench-``; running the command again deletes
them first, so it can be re-run with the same or other sizes. The output depends only on
the sizes, ``--end-year`` and ``--seed``.

Sizes are spread over the programmes by a Zipf law (programme k gets a share proportional
to 1/k), so ``city-01`` is the biggest programme, as a city's flagship programme would be.
"""

import datetime
import random
import time
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, transaction
from django.test.utils import override_settings
from django.utils import timezone

from agencies.models import Agency
from core.cache import public_data_changed
from core.text import fold
from indicators.models import Direction, Frequency, Indicator, Measurement, TargetKind
from programmes.models import (
    KeyTask,
    KeyTaskCoordinator,
    KeyTaskLead,
    KeyTaskUpdate,
    Milestone,
    Objective,
    Programme,
    Requirement,
    RoadmapPhase,
    SolutionGroup,
    SolutionParagraph,
)

PROGRAMME_PREFIX = "city-"
AGENCY_PREFIX = "bench-"
BATCH = 5000
SOURCE = "Cục Thống kê thành phố Hà Nội (số liệu minh họa, sinh tự động)"

THEMES = [
    "khoa học, công nghệ và đổi mới sáng tạo",
    "chuyển đổi số",
    "kinh tế số",
    "đô thị thông minh",
    "công nghệ cao trong nông nghiệp",
    "hệ sinh thái khởi nghiệp đổi mới sáng tạo",
    "nguồn nhân lực chất lượng cao",
    "công nghiệp hỗ trợ",
    "năng suất, chất lượng sản phẩm, hàng hóa",
    "sở hữu trí tuệ",
    "thị trường khoa học và công nghệ",
    "y tế thông minh",
    "giáo dục số",
    "giao thông thông minh",
    "năng lượng tái tạo",
    "môi trường và ứng phó biến đổi khí hậu",
    "du lịch thông minh",
    "văn hóa số",
    "chính quyền số",
    "hạ tầng dữ liệu",
]
AGENCY_KINDS = [
    ("Sở", Agency.Kind.DEPARTMENT),
    ("UBND quận, huyện", Agency.Kind.DISTRICT),
    ("Viện nghiên cứu", Agency.Kind.RESEARCH),
    ("Trường Đại học", Agency.Kind.RESEARCH),
    ("Doanh nghiệp", Agency.Kind.ENTERPRISE),
    ("Ban", Agency.Kind.GOVERNMENT),
    ("Hội", Agency.Kind.MASS_ORGANISATION),
    ("Cục", Agency.Kind.CENTRAL),
]
TASK_VERBS = ["Xây dựng", "Triển khai", "Nghiên cứu", "Hoàn thiện", "Thí điểm", "Đầu tư", "Phát triển", "Đánh giá"]
TASK_OBJECTS = [
    "đề án",
    "cơ sở dữ liệu",
    "nền tảng số",
    "trung tâm đổi mới sáng tạo",
    "chương trình hỗ trợ doanh nghiệp",
    "cơ chế, chính sách",
    "mạng lưới chuyên gia",
    "phòng thí nghiệm",
    "hệ thống thông tin",
    "kế hoạch hành động",
]
INDICATOR_SUBJECTS = [  # (name, unit): the higher the better
    ("Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo", "%"),
    ("Tỷ trọng kinh tế số trong GRDP", "%"),
    ("Số đơn đăng ký sáng chế", "đơn"),
    ("Số doanh nghiệp khởi nghiệp sáng tạo", "doanh nghiệp"),
    ("Tỷ lệ hồ sơ thủ tục hành chính trực tuyến toàn trình", "%"),
    ("Tỷ lệ lao động qua đào tạo", "%"),
    ("Tốc độ tăng năng suất lao động", "%/năm"),
    ("Số sản phẩm được công nhận sản phẩm công nghiệp chủ lực", "sản phẩm"),
]
DECREASING_SUBJECTS = [  # (name, unit): the lower the better, for ceiling targets
    ("Thời gian xử lý hồ sơ bình quân", "ngày"),
    ("Tỷ lệ hồ sơ giải quyết quá hạn", "%"),
    ("Cường độ phát thải khí nhà kính trên GRDP", "tấn CO2/tỷ đồng"),
    ("Tỷ lệ doanh nghiệp chưa ứng dụng công nghệ số", "%"),
]
# Target kinds, in proportion: most targets are floors, then ranges, approximations, ceilings.
TARGET_KINDS = [TargetKind.FLOOR] * 4 + [TargetKind.RANGE] * 2 + [TargetKind.APPROXIMATE] * 2 + [TargetKind.CEILING] * 2
CONTEXT_EVERY = 8  # every 8th indicator of a programme is a context series under the previous one


def zipf_split(total: int, parts: int) -> list[int]:
    """Split total into parts proportional to 1, 1/2, 1/3, ... (largest remainders)."""
    if parts <= 0:
        return []
    weights = [1 / (k + 1) for k in range(parts)]
    scale = total / sum(weights)
    shares = [int(w * scale) for w in weights]
    by_remainder = sorted(range(parts), key=lambda k: (-(weights[k] * scale - shares[k]), k))
    for k in by_remainder[: total - sum(shares)]:
        shares[k] += 1
    return shares


def month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)


class Command(BaseCommand):
    help = (
        "Sinh bộ dữ liệu minh họa quy mô thành phố để đo hiệu năng (chương trình 'city-*', "
        "cơ quan 'bench-*'); chạy lại sẽ xóa bộ cũ trước."
    )

    def add_arguments(self, parser):
        parser.add_argument("--programmes", type=int, default=20)
        parser.add_argument("--indicators", type=int, default=400, help="total, children included")
        parser.add_argument("--years", type=int, default=10, help="length of each programme's period")
        parser.add_argument("--end-year", type=int, default=2025, help="last year of every programme")
        parser.add_argument("--tasks", type=int, default=5000)
        parser.add_argument("--agencies", type=int, default=200)
        parser.add_argument("--updates", type=int, default=50000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--delete-only", action="store_true", help="remove the generated data and stop")

    def handle(self, *args, **opts):
        for name in ("programmes", "indicators", "years", "tasks", "agencies", "updates"):
            if opts[name] < 0 or (name in ("years", "programmes") and opts[name] < 1):
                raise CommandError(f"--{name} must be positive")
        if opts["tasks"] and opts["agencies"] < 1:
            raise CommandError("--agencies must be at least 1 when tasks are generated")
        if opts["updates"] and not opts["tasks"]:
            raise CommandError("--updates needs --tasks")
        self.rng = random.Random(opts["seed"])
        self.end_year = opts["end_year"]
        self.start_year = self.end_year - opts["years"] + 1
        # Nothing may be dated after today (the platform refuses future periods and reports).
        self.as_of = min(timezone.localdate(), datetime.date(self.end_year, 12, 31))
        if self.as_of.year < self.start_year:
            raise CommandError("the whole period lies in the future; lower --end-year")

        started = time.perf_counter()
        with transaction.atomic():
            removed = self.delete_generated()
            self.stdout.write(f"Removed earlier generated data: {removed}")
            if opts["delete_only"]:
                return
            with override_settings(SIMPLE_HISTORY_ENABLED=False):
                counts = self.generate(opts)
            public_data_changed()  # bulk writes send no signals: drop cached public pages
        elapsed = time.perf_counter() - started
        summary = ", ".join(f"{n} {label}" for label, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Generated {summary} in {elapsed:.1f} s (seed {opts['seed']})."))

    # -- removal ------------------------------------------------------------------------------

    def delete_generated(self) -> str:
        """Delete what an earlier run generated.

        The big leaf tables go by one SQL delete each when nothing else points at them:
        the ORM would load every row and write a history record for each. The rest goes
        through the ORM (cascades, protections), with history recording off.
        """
        counts = {}
        leaves = [
            (Measurement, "indicator__programme__slug__startswith"),
            (KeyTaskUpdate, "task__programme__slug__startswith"),
            (KeyTaskLead, "task__programme__slug__startswith"),
            (KeyTaskCoordinator, "task__programme__slug__startswith"),
        ]
        with override_settings(SIMPLE_HISTORY_ENABLED=False):
            for model, lookup in leaves:
                queryset = model.objects.filter(**{lookup: PROGRAMME_PREFIX})
                if model._meta.related_objects:
                    counts[model] = queryset.delete()[0]
                else:
                    counts[model] = queryset._raw_delete(DEFAULT_DB_ALIAS)
            _total, by_model = Programme.objects.filter(slug__startswith=PROGRAMME_PREFIX).delete()
            _total, by_agency = Agency.objects.filter(slug__regex=rf"^{AGENCY_PREFIX}\d").delete()
        return (
            f"{by_model.get(Programme._meta.label, 0)} programmes, {by_model.get(Indicator._meta.label, 0)} "
            f"indicators, {counts[Measurement]} measurements, {by_model.get(KeyTask._meta.label, 0)} tasks, "
            f"{counts[KeyTaskUpdate]} updates, {by_agency.get(Agency._meta.label, 0)} agencies"
        )

    # -- generation ----------------------------------------------------------------------------

    def generate(self, opts) -> dict[str, int]:
        agencies = self.make_agencies(opts["agencies"])
        programmes = self.make_programmes(opts["programmes"])
        groups = self.make_structure(programmes)
        indicator_shares = zipf_split(opts["indicators"], len(programmes))
        task_shares = zipf_split(opts["tasks"], len(programmes))
        indicators = self.make_indicators(programmes, indicator_shares, agencies)
        n_measurements = self.make_measurements(indicators)
        tasks = self.make_tasks(programmes, task_shares, groups, agencies)
        n_updates = self.make_updates(tasks, opts["updates"])
        for programme, n_ind, n_task in zip(programmes[:3], indicator_shares, task_shares, strict=False):
            self.stdout.write(f"  {programme.slug}: {n_ind} indicators, {n_task} tasks")
        return {
            "programmes": len(programmes),
            "agencies": len(agencies),
            "indicators": len(indicators),
            "measurements": n_measurements,
            "key tasks": len(tasks),
            "task updates": n_updates,
        }

    def make_agencies(self, count: int) -> list[Agency]:
        rows = []
        for i in range(1, count + 1):
            prefix, kind = AGENCY_KINDS[(i - 1) % len(AGENCY_KINDS)]
            theme = THEMES[(i - 1) % len(THEMES)]
            name = f"{prefix} {theme} (đơn vị mô phỏng {i:03d})"
            rows.append(
                Agency(
                    name=name,
                    name_key=fold(name),
                    short_name=f"ĐV{i:03d}",
                    slug=f"{AGENCY_PREFIX}{i:03d}",
                    kind=kind,
                )
            )
        return Agency.objects.bulk_create(rows, batch_size=BATCH)

    def make_programmes(self, count: int) -> list[Programme]:
        rows = []
        for k in range(1, count + 1):
            theme = THEMES[(k - 1) % len(THEMES)]
            rows.append(
                Programme(
                    code=f"{100 + k}-CTr/TU",
                    slug=f"{PROGRAMME_PREFIX}{k:02d}",
                    title=f"Chương trình phát triển {theme} thành phố Hà Nội (dữ liệu mô phỏng {k:02d})",
                    title_en=f"Simulated city programme {k:02d}",
                    issuer="Thành ủy Hà Nội",
                    issuer_term="khóa XVI",
                    start_year=self.start_year,
                    end_year=self.end_year,
                    preamble="Dữ liệu minh họa, sinh tự động để đo hiệu năng.",
                    general_objective=f"Phát triển {theme} trở thành động lực tăng trưởng của Thủ đô.",
                )
            )
        return Programme.objects.bulk_create(rows)

    def make_structure(self, programmes) -> dict[int, list[SolutionGroup]]:
        """Objectives, requirements, solution groups with paragraphs, roadmap and milestones."""
        rng = self.rng
        objectives, requirements, groups, milestones, phases = [], [], [], [], []
        for programme in programmes:
            for n in range(1, rng.randint(5, 10) + 1):
                objectives.append(
                    Objective(programme=programme, number=n, text=f"Mục tiêu cụ thể {n}: {_sentence(rng)}")
                )
            for n in range(1, 4):
                requirements.append(Requirement(programme=programme, number=n, text=f"Yêu cầu {n}: {_sentence(rng)}"))
            for n in range(1, rng.randint(5, 8) + 1):
                groups.append(
                    SolutionGroup(programme=programme, number=n, title=f"Nhóm giải pháp {n}: {_sentence(rng)}")
                )
            middle = (self.start_year + self.end_year) // 2
            phases += [
                RoadmapPhase(
                    programme=programme,
                    order=1,
                    start_year=self.start_year,
                    end_year=self.start_year,
                    label=str(self.start_year),
                    text="Quán triệt, xây dựng kế hoạch.",
                ),
                RoadmapPhase(
                    programme=programme,
                    order=2,
                    start_year=self.start_year,
                    end_year=max(self.start_year, self.end_year - 1),
                    label=f"{self.start_year} - {max(self.start_year, self.end_year - 1)}",
                    text="Tổ chức thực hiện.",
                ),
                RoadmapPhase(
                    programme=programme,
                    order=3,
                    start_year=self.end_year,
                    end_year=self.end_year,
                    label=str(self.end_year),
                    text="Tổng kết.",
                ),
            ]
            milestones.append(
                Milestone(programme=programme, year=self.start_year, kind=Milestone.Kind.LAUNCH, title="Quán triệt")
            )
            for year in range(self.start_year, self.end_year):
                milestones.append(
                    Milestone(
                        programme=programme,
                        year=year,
                        kind=Milestone.Kind.ANNUAL_REVIEW,
                        title=f"Kiểm tra, đánh giá năm {year}",
                    )
                )
            milestones.append(
                Milestone(programme=programme, year=middle, kind=Milestone.Kind.MID_TERM_REVIEW, title="Sơ kết")
            )
            milestones.append(
                Milestone(programme=programme, year=self.end_year, kind=Milestone.Kind.FINAL_REVIEW, title="Tổng kết")
            )
        Objective.objects.bulk_create(objectives)
        Requirement.objects.bulk_create(requirements)
        RoadmapPhase.objects.bulk_create(phases)
        Milestone.objects.bulk_create(milestones)
        SolutionGroup.objects.bulk_create(groups)
        paragraphs = [
            SolutionParagraph(group=group, order=order, text=_sentence(rng), is_bullet=order > 1)
            for group in groups
            for order in range(1, rng.randint(2, 4) + 1)
        ]
        SolutionParagraph.objects.bulk_create(paragraphs)
        by_programme: dict[int, list[SolutionGroup]] = {}
        for group in groups:
            by_programme.setdefault(group.programme_id, []).append(group)
        return by_programme

    def make_indicators(self, programmes, shares, agencies) -> list[Indicator]:
        rng = self.rng
        top, children = [], []  # children: (indicator, index of parent in top)
        for programme, share in zip(programmes, shares, strict=True):
            number = 0
            for i in range(share):
                if i % CONTEXT_EVERY == CONTEXT_EVERY - 1:
                    parent_index = len(top) - 1
                    parent = top[parent_index]
                    child = Indicator(
                        programme=programme,
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
                        responsible_agency=parent.responsible_agency,
                        frequency=Frequency.MONTHLY,
                        min_value=parent.min_value,
                        max_value=parent.max_value,
                    )
                    children.append((child, parent_index))
                    continue
                number += 1
                top.append(self.indicator(programme, number, rng.choice(agencies) if agencies else None))
        Indicator.objects.bulk_create(top, batch_size=BATCH)
        for child, parent_index in children:
            child.parent = top[parent_index]
        Indicator.objects.bulk_create([c for c, _ in children], batch_size=BATCH)
        return top + [c for c, _ in children]

    def indicator(self, programme, number, agency) -> Indicator:
        rng = self.rng
        kind = rng.choice(TARGET_KINDS)
        subjects = DECREASING_SUBJECTS if kind == TargetKind.CEILING else INDICATOR_SUBJECTS
        subject, unit = subjects[(number - 1) % len(subjects)]
        percent = unit.startswith("%")
        scale = 100 if percent else rng.choice([50, 500, 5000])
        low, high = (0.4, 0.8) if kind == TargetKind.CEILING else (0.1, 0.5)
        baseline = Decimal(rng.uniform(low, high) * scale).quantize(Decimal("0.01"))
        gain = Decimal(rng.uniform(0.1, 0.4) * scale).quantize(Decimal("0.01"))
        fields = {
            "direction": Direction.INCREASE,
            "target_value": baseline + gain,
            "target_upper": None,
            "tolerance": None,
            "target_strict": False,
        }
        if kind == TargetKind.CEILING:
            fields.update(direction=Direction.DECREASE, target_value=max(baseline - gain / 2, Decimal("0.01")))
        elif kind == TargetKind.RANGE:
            fields["target_upper"] = fields["target_value"] + (gain / 4).quantize(Decimal("0.01"))
        elif kind == TargetKind.APPROXIMATE:
            fields["tolerance"] = (gain / 10).quantize(Decimal("0.01"))
        else:
            fields["target_strict"] = rng.random() < 0.5
        if percent:
            fields["target_value"] = min(fields["target_value"], Decimal(99))
            if fields["target_upper"] is not None:
                fields["target_upper"] = min(fields["target_upper"], Decimal(100))
        comparator = {"floor": "trên" if fields["target_strict"] else "từ", "ceiling": "dưới"}.get(kind, "khoảng")
        return Indicator(
            programme=programme,
            code=f"CT{number}",
            order=number * 100,
            name=f"{subject} (chỉ tiêu {number})",
            name_en=f"Simulated indicator {number}",
            source_text=f"{subject}: {comparator} {fields['target_value']} {unit};",
            unit=unit,
            target_kind=kind,
            target_year=self.end_year,
            baseline_value=baseline,
            baseline_year=self.start_year - 1,
            baseline_label=str(self.start_year - 1),
            baseline_source=SOURCE,
            data_source=SOURCE,
            responsible_agency=agency,
            frequency=Frequency.MONTHLY,
            min_value=Decimal(0),
            max_value=Decimal(100) if percent else Decimal(scale * 10),
            **fields,
        )

    def make_measurements(self, indicators) -> int:
        """One official figure a month over the whole period; a provisional estimate
        published earlier for about one month in ten."""
        rng = self.rng
        months = [
            (year, month)
            for year in range(self.start_year, self.end_year + 1)
            for month in range(1, 13)
            if datetime.date(year, month, 1) <= self.as_of
        ]
        rows, total = [], 0
        for indicator in indicators:
            start = float(indicator.baseline_value or 10)
            goal = float(indicator.target_value if indicator.target_value is not None else start * 1.2)
            pace = rng.uniform(0.3, 1.2)  # share of the way to the target covered over the period
            low, high = float(indicator.min_value), float(indicator.max_value)
            for step, (year, month) in enumerate(months, start=1):
                trend = start + (goal - start) * pace * step / len(months)
                value = min(max(trend * rng.uniform(0.97, 1.03), low), high)
                end = month_end(year, month)
                if rng.random() < 0.1:
                    rows.append(self.measurement(indicator, year, month, value * rng.uniform(0.98, 1.02), end, True))
                rows.append(self.measurement(indicator, year, month, value, end, False))
                if len(rows) >= BATCH:
                    total += len(Measurement.objects.bulk_create(rows))
                    rows = []
        total += len(Measurement.objects.bulk_create(rows))
        return total

    def measurement(self, indicator, year, month, value, end, provisional) -> Measurement:
        published = end + datetime.timedelta(days=5 if provisional else 20)
        return Measurement(
            indicator=indicator,
            year=year,
            period_kind=Frequency.MONTHLY,
            period_number=month,
            kind=Measurement.Kind.PROVISIONAL if provisional else Measurement.Kind.OFFICIAL,
            value=Decimal(value).quantize(Decimal("0.0001")),
            published_on=min(published, self.as_of),
            source=SOURCE,
            is_illustrative=True,
        )

    def make_tasks(self, programmes, shares, groups, agencies) -> list[KeyTask]:
        rng = self.rng
        tasks, leads, coordinators = [], [], []
        for programme, share in zip(programmes, shares, strict=True):
            programme_groups = groups.get(programme.pk, [])
            for number in range(1, share + 1):
                start = rng.randint(self.start_year, self.end_year)
                end = rng.randint(start, min(start + 4, self.end_year))
                title = (
                    f"{rng.choice(TASK_VERBS)} {rng.choice(TASK_OBJECTS)} về "
                    f"{rng.choice(THEMES)} giai đoạn {start} - {end} (nhiệm vụ {number})"
                )
                tasks.append(
                    KeyTask(
                        programme=programme,
                        number=number,
                        title=title,
                        solution_group=rng.choice(programme_groups) if programme_groups else None,
                        start_year=start,
                        end_year=end,
                        deadline=month_end(end, rng.choice([6, 9, 12])),
                        is_illustrative=True,
                    )
                )
        KeyTask.objects.bulk_create(tasks, batch_size=BATCH)
        for task in tasks:
            picked = rng.sample(agencies, min(len(agencies), rng.randint(1, 2) + rng.randint(0, 3)))
            n_leads = min(len(picked), rng.randint(1, 2))
            leads += [KeyTaskLead(task=task, agency=a, order=o) for o, a in enumerate(picked[:n_leads])]
            coordinators += [KeyTaskCoordinator(task=task, agency=a, order=o) for o, a in enumerate(picked[n_leads:])]
        KeyTaskLead.objects.bulk_create(leads, batch_size=BATCH)
        KeyTaskCoordinator.objects.bulk_create(coordinators, batch_size=BATCH)
        return tasks

    def make_updates(self, tasks, count: int) -> int:
        """Spread the updates over the tasks; each task's reports progress forward in time,
        and the task carries the status and progress of its latest report."""
        rng = self.rng
        per_task: dict[int, int] = {}
        for _ in range(count):
            index = rng.randrange(len(tasks))
            per_task[index] = per_task.get(index, 0) + 1
        rows, total = [], 0
        Status = KeyTask.Status
        for index, n in sorted(per_task.items()):
            task = tasks[index]
            first = datetime.date(task.start_year, 1, 1)
            last = min(self.as_of, max(task.deadline, datetime.date(task.end_year, 12, 31)))
            span = max((last - first).days, 1)
            days = sorted(rng.randrange(span + 1) for _ in range(n))
            finishes = rng.random() < 0.5
            progress = 0
            for step, day in enumerate(days, start=1):
                reported_on = first + datetime.timedelta(days=day)
                step_up = rng.randint(0, max(1, 190 // n))
                progress = 100 if finishes and step == n else min(95, progress + step_up)
                if progress == 100:
                    status = Status.COMPLETED
                elif reported_on > task.deadline:
                    status = Status.BEHIND
                else:
                    status = Status.IN_PROGRESS
                rows.append(
                    KeyTaskUpdate(
                        task=task,
                        reported_on=reported_on,
                        status=status,
                        progress=progress,
                        text=f"Báo cáo tiến độ lần {step}: {_sentence(rng)}",
                        is_illustrative=True,
                    )
                )
            task.status, task.progress = status, progress
            if len(rows) >= BATCH:
                total += len(KeyTaskUpdate.objects.bulk_create(rows))
                rows = []
        total += len(KeyTaskUpdate.objects.bulk_create(rows))
        for task in tasks:
            if task.status != Status.COMPLETED and task.deadline < self.as_of:
                task.status = Status.BEHIND
        KeyTask.objects.bulk_update(tasks, ["status", "progress"], batch_size=1000)
        return total


def _sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(TASK_VERBS)} {rng.choice(TASK_OBJECTS)} phục vụ phát triển {rng.choice(THEMES)} "
        f"trên địa bàn Thủ đô."
    )
