"""Demo history for `make demo`: the figures Hanoi reported, and marked illustrative values.

Reported figures come from data/hanoi_reported_figures.csv with their sources. Where nothing
was reported, illustrative values fill the gap; every one is stored with
is_illustrative=True and shown with the "dữ liệu minh họa" badge.
"""

import csv
import datetime
from pathlib import Path

import yaml
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from agencies.models import Agency
from core.demo_files import minimal_pdf
from deals.demo import load_deals_demo
from exchange.demo import load_exchange_demo
from indicators.models import Indicator, Measurement
from indicators.services import indicators_load, measurement_record, measurement_record_growth_accounting
from programmes.models import KeyTask
from programmes.services import key_task_update_record, programme_load
from reporting import services
from reporting.models import Notification, ReportingRound, RoundSnapshot, Submission
from research.demo import load_research_demo
from research_tasks.demo import load_research_tasks_demo
from techmart.demo import load_techmart_demo
from workbooks.demo import load_workbooks_demo

DATA = Path(__file__).parent / "data" / "hanoi_reported_figures.csv"
PROGRAMME = Path(__file__).resolve().parent.parent / "programmes" / "data" / "programme-07-ctr-tu.yaml"
ILLUSTRATIVE_SOURCE = "Dữ liệu minh họa (không phải số liệu chính thức)"

# The CSV's indicator labels and the indicator each one measures.
CSV_CODES = {
    "GRDP growth": "CT1.1",
    "(4) Digital economy share of GRDP": "CT4",
    "(6) OCOP products rated 3-5 stars (cumulative)": "CT6.1",
    "(6) OCOP products rated in the year": "CT6.2",
    "(7) Industrial property applications": "CT7.4",
    "(7) Industrial property titles granted": "CT7.5",
    "S&T enterprises certified": "CT5.1",
    "Provincial Innovation Index (PII) rank": "CT7.6",
    "Provincial Innovation Index (PII) score": "CT7.7",
}

ILLUSTRATIVE = {
    "CT1": {2021: "38,5", 2022: "44,0", 2024: "48,6", 2025: "47,9"},
    "CT2": {2021: "4,1", 2022: "7,6", 2023: "5,9", 2024: "6,3", 2025: "6,8"},
    "CT3": {2021: "32", 2022: "38", 2023: "44", 2024: "50", 2025: "55"},
    "CT4": {2021: "13,5", 2022: "14,6", 2023: "15,4"},
    "CT5": {2021: "37", 2022: "40", 2023: "42", 2024: "45", 2025: "47"},
    "CT6": {2021: "18", 2022: "25", 2023: "31", 2024: "36", 2025: "41"},
    "CT7.1": {2021: "2", 2022: "2", 2023: "2", 2024: "1", 2025: "1"},
    "CT7.2": {2021: "4", 2022: "3", 2023: "2", 2024: "3", 2025: "2"},
    "CT7.3": {2021: "5.240", 2022: "5.610", 2023: "6.080", 2024: "6.420", 2025: "6.950"},
    "ĐT": {2021: "0,62", 2022: "0,66", 2023: "0,71", 2024: "0,78", 2025: "0,83"},
}

# (status, progress) of each key task at the end of each year; illustrative.
TASK_PATHS = {
    1: [("in_progress", 20), ("in_progress", 60), ("completed", 100)],
    2: [("not_started", 0), ("in_progress", 30), ("in_progress", 70), ("completed", 100)],
    3: [("in_progress", 20), ("in_progress", 45), ("in_progress", 70), ("in_progress", 85)],
    4: [("in_progress", 15), ("in_progress", 35), ("behind", 50), ("in_progress", 75)],
    5: [("in_progress", 10), ("behind", 25), ("behind", 40), ("behind", 55)],
    6: [("in_progress", 30), ("in_progress", 60), ("in_progress", 85), ("completed", 100)],
    7: [("in_progress", 20), ("in_progress", 50), ("in_progress", 80)],
    8: [("in_progress", 25), ("in_progress", 55), ("completed", 100)],
    9: [("in_progress", 20), ("in_progress", 45), ("in_progress", 70), ("in_progress", 90)],
    10: [("in_progress", 15), ("in_progress", 40), ("in_progress", 65), ("in_progress", 80)],
    11: [("not_started", 0), ("in_progress", 20), ("behind", 35), ("behind", 45)],
    12: [("not_started", 0), ("not_started", 0), ("in_progress", 5)],
}
TASK_TEXT = {
    "not_started": "Đang chuẩn bị đề cương, chưa triển khai.",
    "in_progress": "Triển khai theo kế hoạch năm; đã hoàn thành {progress}% khối lượng công việc.",
    "behind": "Chậm so với kế hoạch (đạt {progress}%): vướng thủ tục bố trí kinh phí và mặt bằng.",
    "completed": "Đã hoàn thành, ban hành văn bản và tổ chức triển khai.",
}

FINAL_ROUND_STATES = {
    "Ban cán sự đảng UBND Thành phố": "approved",
    "Sở Công Thương": "approved",
    "Sở Văn hoá và Thể thao": "approved",
    "Sở Kế hoạch và Đầu tư": "submitted",
    "Sở Nông nghiệp và Phát triển nông thôn": "submitted",
    "Sở Nội vụ": "returned",
    "Sở Thông tin và Truyền thông": "draft",
}

DEMO_USERS = [
    ("thuky", "Thường trực Ban Chỉ đạo", None),
    ("sokhcn", "Cán bộ báo cáo Sở KH&CN", "Sở Khoa học và Công nghệ"),
    ("sokhdt", "Cán bộ báo cáo Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("sotttt", "Cán bộ báo cáo Sở TT&TT", "Sở Thông tin và Truyền thông"),
    ("sonnptnt", "Cán bộ báo cáo Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("sonoivu", "Cán bộ báo cáo Sở Nội vụ", "Sở Nội vụ"),
    ("socongthuong", "Cán bộ báo cáo Sở Công Thương", "Sở Công Thương"),
    ("sovhtt", "Cán bộ báo cáo Sở VH&TT", "Sở Văn hoá và Thể thao"),
    ("thanhdoan", "Cán bộ báo cáo Thành đoàn", "Thành Đoàn Hà Nội"),
]


def load_demo(*, admin: str, password: str, user_password: str, log=print) -> None:
    with transaction.atomic():
        data = yaml.safe_load(PROGRAMME.read_text(encoding="utf-8"))
        programme = programme_load(data=data)
        indicators_load(programme=programme, definitions=data["indicators"])
        _user(admin, password, "Quản trị hệ thống", superuser=True)
        secretariat = _user("thuky", user_password, DEMO_USERS[0][1])
        programme.secretariat.add(secretariat)
        for username, name, agency in DEMO_USERS[1:]:
            _user(username, user_password, name, agency=Agency.objects.find(agency))
        if Measurement.objects.filter(indicator__programme=programme).exists():
            log("Demo history already present; programme text and users brought up to date.")
            return
        codes = {i.code: i for i in Indicator.objects.filter(programme=programme).select_related("programme")}
        reported = _load_reported(codes, secretariat)
        illustrative = _load_illustrative(codes, secretariat)
        rounds = _load_rounds(programme, secretariat)
        _load_real_updates(programme, secretariat)
        corrections = load_workbooks_demo(programme=programme, actor=secretariat)
        research = load_research_demo(seed=1)
        research_tasks = load_research_tasks_demo(seed=1, log=log)
        exchange = load_exchange_demo(password=user_password)
        deals = load_deals_demo()
        techmart = load_techmart_demo()
    _settle_notifications(programme)
    log(f"Loaded {reported} reported figures, {illustrative} illustrative figures, {rounds} reporting rounds.")
    log(f"Research database: {research}; S&T tasks: {research_tasks}.")
    log(f"Corrections: {corrections}.")
    log(f"Technology exchange: {exchange}.")
    log(f"Technology transfer deals: {deals}.")
    log(f"Techmart: {techmart}.")


def _settle_notifications(programme) -> None:
    """History leaves no unread notices or e-mails; what concerns the open round stays unread.
    Demo users get their e-mail addresses only now, so loading the history sent no mail."""
    current = ReportingRound.objects.filter(programme=programme, status=ReportingRound.Status.OPEN).first()
    keys = [f"round:{current.pk}:"] + [f"submission:{pk}:" for pk in current.submissions.values_list("pk", flat=True)]
    historical = Notification.objects.all()
    for key in keys:
        historical = historical.exclude(key__startswith=key)
    historical.update(read_at=timezone.now())
    for user in User.objects.filter(username__in=[u for u, _name, _agency in DEMO_USERS]):
        user.email = f"{user.username}@demo.hanoi.example"
        user.save(update_fields=["email"])


def _user(username, password, full_name, superuser=False, agency=None) -> User:
    user, created = User.objects.get_or_create(username=username)
    if created or superuser:
        user.set_password(password)
    user.first_name = full_name
    user.is_superuser = user.is_staff = superuser
    user.agency = agency
    user.save()
    return user


def _period(raw: str) -> tuple[int, str, int]:
    if "-" in raw and len(raw) == 7 and raw[4] == "-":
        return int(raw[:4]), "M", int(raw[5:])
    return int(raw), "Y", 0


def _load_reported(codes, actor) -> int:
    count = 0
    with DATA.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = CSV_CODES.get(row["indicator"])
            if code is None:
                continue  # the 2016-2020 baselines are part of the indicator definitions
            year, period_kind, number = _period(row["year"])
            indicator = codes[code]
            if not indicator.programme.contains_year(year):
                continue  # a figure before the programme is the indicator's baseline
            source = row["source"]
            measurement_record(
                indicator=indicator,
                actor=actor,
                year=year,
                period_kind=period_kind,
                period_number=number,
                value=row["value"],
                kind=Measurement.Kind.PROVISIONAL if row["kind"] == "estimate" else Measurement.Kind.OFFICIAL,
                source=source,
                source_url=f"https://{source}" if "/" in source and " " not in source else "",
                source_excerpt=row["excerpt"],
                note="Bản sao thứ cấp" if "secondary" in row["kind"] else "",
            )
            count += 1
    return count


def _load_illustrative(codes, actor) -> int:
    count = 0
    for code, values in ILLUSTRATIVE.items():
        for year, value in values.items():
            measurement_record(
                indicator=codes[code],
                actor=actor,
                year=year,
                value=value.replace(".", ""),
                source=ILLUSTRATIVE_SOURCE,
                is_illustrative=True,
            )
            count += 1
    # TFP share in 2023 by growth accounting: the reported GRDP growth with illustrative
    # capital and labour growth and capital share.
    measurement_record_growth_accounting(
        indicator=codes["CT1"],
        actor=actor,
        year=2023,
        grdp_growth="6.27",
        capital_growth="6.8",
        labour_growth="1.3",
        capital_share="0.45",
        source=ILLUSTRATIVE_SOURCE,
        note="g_Y = 6,27% (Cục Thống kê, đã công bố); g_K, g_L, α là giá trị minh họa.",
        is_illustrative=True,
    )
    return count + 1


def _task_state(number: int, index: int) -> tuple[str, int]:
    path = TASK_PATHS.get(number, [("not_started", 0)])
    return path[min(index, len(path) - 1)]


DEMO_EVIDENCE = minimal_pdf("Minh chung - du lieu minh hoa (illustrative demo evidence)")


def _fill(submission, actor, year_index: int, values: dict) -> Submission:
    """Fill a submission as its agency would, from the demo paths and the figures in use."""
    agency = submission.agency.display_name
    data = {
        "results": f"{agency}: triển khai các nhiệm vụ được giao trong kỳ theo kế hoạch (dữ liệu minh họa).",
        "shortcomings": f"{agency}: nguồn lực và kinh phí còn hạn chế; phối hợp liên ngành chưa thường xuyên.",
        "proposals": f"{agency}: đề nghị bố trí kinh phí kịp thời và tăng cường chia sẻ dữ liệu.",
    }
    files = {}
    for report in submission.task_reports.select_related("task"):
        status, progress = _task_state(report.task.number, year_index)
        prefix = f"task-{report.task_id}-"
        data |= {
            prefix + "status": status,
            prefix + "progress": str(progress),
            prefix + "narrative": TASK_TEXT[status].format(progress=progress),
        }
        if status == "completed":
            files[prefix + "evidence"] = ContentFile(DEMO_EVIDENCE, name=f"minh-chung-nv{report.task.number}.pdf")
    for report in submission.indicator_reports.select_related("indicator"):
        figure = values.get(report.indicator_id)
        if figure is not None:
            data |= {
                f"indicator-{report.indicator_id}-value": str(figure.value),
                f"indicator-{report.indicator_id}-source": figure.source,
            }
    return services.submission_save(
        submission=submission, actor=actor, version=submission.version, data=data, files=files
    )


def _values(programme, year: int) -> dict:
    """The figure in use for each indicator in a year (official over provisional)."""
    values = {}
    for m in Measurement.objects.filter(indicator__programme=programme, year=year, period_kind="Y").order_by("-kind"):
        values[m.indicator_id] = m
    return values


def _agencies(programme) -> list[Agency]:
    leads = Agency.objects.filter(led_tasks__programme=programme)
    responsible = Agency.objects.filter(indicators__programme=programme)
    return list((leads | responsible).exclude(kind=Agency.Kind.GROUP).distinct().order_by("name"))


def _approve_all(rnd, reporters, secretariat, year_index, values, when):
    for submission in rnd.submissions.select_related("agency"):
        reporter = reporters.get(submission.agency_id, secretariat)
        saved = _fill(submission, reporter, year_index, values)
        sent = services.submission_submit(submission=saved, actor=reporter, version=saved.version)
        services.submission_approve(submission=sent, actor=secretariat, version=sent.version)
    Submission.objects.filter(round=rnd).update(submitted_at=when, approved_at=when + datetime.timedelta(days=5))


def _aware(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def _load_rounds(programme, secretariat) -> int:
    """Closed, approved rounds for 2021-2024 and the mid-term review; the final review open."""
    agencies = _agencies(programme)
    reporters = {u.agency_id: u for u in User.objects.filter(agency__in=agencies)}
    plan = [
        ("annual", y, datetime.date(y, 12, 31), y - 2021, f"Kiểm tra, đánh giá kết quả năm {y}")
        for y in range(2021, 2025)
    ]
    plan.insert(
        3, ("mid_term", 2023, datetime.date(2023, 6, 30), 1, "Sơ kết giữa nhiệm kỳ thực hiện Chương trình 07-CTr/TU")
    )
    for kind, year, cutoff, index, title in plan:
        rnd = services.round_open(
            programme=programme,
            actor=secretariat,
            kind=kind,
            year=year,
            title=title,
            cutoff=cutoff,
            deadline=cutoff + datetime.timedelta(days=20),
            agencies=agencies,
        )
        _approve_all(
            rnd, reporters, secretariat, index, _values(programme, year), _aware(cutoff + datetime.timedelta(days=10))
        )
        services.round_close(rnd=rnd, actor=secretariat)
        closed = _aware(cutoff + datetime.timedelta(days=30))
        ReportingRound.objects.filter(pk=rnd.pk).update(
            opened_at=_aware(cutoff - datetime.timedelta(days=20)), closed_at=closed
        )
        RoundSnapshot.objects.filter(round=rnd).update(frozen_at=closed)
    return len(plan) + _open_final_round(programme, agencies, reporters, secretariat)


def _open_final_round(programme, agencies, reporters, secretariat) -> int:
    """The final review, open now, with agencies in every state."""
    today = timezone.localdate()
    rnd = services.round_open(
        programme=programme,
        actor=secretariat,
        kind="final",
        year=2025,
        title="Tổng kết thực hiện Chương trình 07-CTr/TU giai đoạn 2021 - 2025",
        cutoff=datetime.date(2025, 12, 31),
        deadline=today + datetime.timedelta(days=2),
        agencies=agencies,
    )
    values = _values(programme, 2025)
    for submission in rnd.submissions.select_related("agency"):
        state = FINAL_ROUND_STATES.get(submission.agency.name)
        if state is None:
            continue  # not started: e.g. Sở KH&CN, so the demo reporter `sokhcn` can fill it
        reporter = reporters.get(submission.agency_id, secretariat)
        saved = _fill(submission, reporter, 4, values)
        if state == "draft":
            continue
        sent = services.submission_submit(submission=saved, actor=reporter, version=saved.version)
        if state == "approved":
            services.submission_approve(submission=sent, actor=secretariat, version=sent.version)
        elif state == "returned":
            services.submission_return(
                submission=sent,
                actor=secretariat,
                version=sent.version,
                comment="Đề nghị bổ sung minh chứng và làm rõ nguyên nhân chậm tiến độ.",
                item_comments={},
            )
    return 1


def _load_real_updates(programme, actor) -> int:
    task2 = KeyTask.objects.get(programme=programme, number=2)
    key_task_update_record(
        task=task2,
        actor=actor,
        reported_on=datetime.date(2025, 12, 25),
        status="completed",
        progress=100,
        text="Ra mắt Mạng lưới Đổi mới sáng tạo Hà Nội ngày 25/12/2025 (nguồn: shared/data/README.md).",
    )
    return 1
