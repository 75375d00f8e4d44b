"""Demo history for `make demo`: the figures Hanoi reported, and marked illustrative values.

Reported figures come from data/hanoi_reported_figures.csv with their sources. Where nothing
was reported, illustrative values fill the gap; every one is stored with
is_illustrative=True and shown with the "dữ liệu minh họa" badge.
"""

import csv
import datetime
from pathlib import Path

import yaml
from django.db import transaction

from accounts.models import User
from agencies.models import Agency
from indicators.models import Indicator, Measurement
from indicators.services import indicators_load, measurement_record, measurement_record_growth_accounting
from programmes.models import KeyTask
from programmes.services import key_task_update_record, programme_load

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
    "CT1": {2021: "38,5", 2022: "44,0", 2024: "48,6"},
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
    12: [("not_started", 0), ("not_started", 0), ("not_started", 5)],
}
TASK_TEXT = {
    "not_started": "Đang chuẩn bị đề cương, chưa triển khai.",
    "in_progress": "Triển khai theo kế hoạch năm; đã hoàn thành {progress}% khối lượng công việc.",
    "behind": "Chậm so với kế hoạch (đạt {progress}%): vướng thủ tục bố trí kinh phí và mặt bằng.",
    "completed": "Đã hoàn thành, ban hành văn bản và tổ chức triển khai.",
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
        updates = _load_task_history(programme, secretariat)
    log(f"Loaded {reported} reported figures, {illustrative} illustrative figures, {updates} task updates.")


def _user(username, password, full_name, superuser=False, agency=None) -> User:
    user, created = User.objects.get_or_create(username=username)
    if created or superuser:
        user.set_password(password)
    user.first_name = full_name
    user.is_superuser = user.is_staff = superuser
    user.agency = agency
    user.email = f"{username}@demo.hanoi.example"
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


def _load_task_history(programme, actor) -> int:
    count = 0
    for task in KeyTask.objects.filter(programme=programme).order_by("number"):
        for offset, (status, progress) in enumerate(TASK_PATHS.get(task.number, [])):
            year = programme.start_year + offset
            key_task_update_record(
                task=task,
                actor=actor,
                reported_on=datetime.date(year, 12, 15),
                status=status,
                progress=progress,
                text=TASK_TEXT[status].format(progress=progress),
                is_illustrative=True,
            )
            count += 1
    task2 = KeyTask.objects.get(programme=programme, number=2)
    key_task_update_record(
        task=task2,
        actor=actor,
        reported_on=datetime.date(2025, 12, 25),
        status="completed",
        progress=100,
        text="Ra mắt Mạng lưới Đổi mới sáng tạo Hà Nội ngày 25/12/2025 (nguồn: shared/data/README.md).",
    )
    return count + 1
