"""Review reports (báo cáo năm, sơ kết, tổng kết) as DOCX and PDF, drawn from a round's frozen snapshot.

Both formats are rendered from one outline (`report_outline`), so the Word file and the PDF carry the
same text. The layout follows Hướng dẫn 36-HD/VPTW for Party documents ("party") and Decree
30/2020/NĐ-CP for administrative documents ("state"): A4, Times New Roman (Liberation Serif, which has
the same metrics, in the PDF), margins top/bottom 20 mm, left 30 mm, right 15 mm.

The texts are Vietnamese whatever the reader's interface language: the document is an official
record, so its labels are plain constants rather than translatable strings.

Builds are pure functions of (snapshot, template, issued_on): the timestamps written into the files
are the snapshot's ``frozen_at``, so regenerating a report a year later gives the same document.
"""

import datetime
import functools
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import docx
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell

FORMATS = ("party", "state")
KINDS = ("annual", "half_year", "quarter", "mid_term", "final")

TEXT_WIDTH_MM = 165  # A4 210 mm minus the 30 mm left and 15 mm right margins
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
# Letterhead columns (issuer | national or Party heading): "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI" at 14 pt is 70 mm wide,
# "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" at 12 pt bold 88 mm.
LETTERHEAD_MM = {"party": (80, 85), "state": (70, 95)}
BODY_FONT = "Times New Roman"

NO_DATA = "Chưa có số liệu"
_NO_VALUE = {"", "-", "–", "—"}  # reporting.snapshots writes "–" when an indicator has no figure
PROVISIONAL_MARK = "(ước tính)"
ILLUSTRATIVE_MARK = "(minh họa)"
ARROW = " → "

# ---------------------------------------------------------------------------------------------
# Default texts
# ---------------------------------------------------------------------------------------------

# Placeholders the texts of a template may use; they are filled from the snapshot at build time.
PLACEHOLDERS = (
    "programme_code",
    "programme_title",
    "programme_issuer",
    "start_year",
    "end_year",
    "year",
    "quarter",
    "cutoff",
    "round_title",
    "previous_title",
)
_PLACEHOLDER_RE = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")

_LETTERHEADS = {
    "party": {
        "issuer_parent": "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
        "issuer": "THÀNH ỦY HÀ NỘI",
        "number_symbol": "Số\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/TU",  # the office fills the number in when it issues the report
        "signer_title": "T/M THÀNH ỦY\nBÍ THƯ",
        "recipients": (
            "Nơi nhận:\n"
            "- Ban Bí thư Trung ương Đảng (để báo cáo),\n"
            "- Ban Thường vụ Thành ủy,\n"
            "- Các ban Đảng, Văn phòng Thành ủy,\n"
            "- Các đảng ủy trực thuộc Thành ủy,\n"
            "- Các sở, ban, ngành Thành phố,\n"
            "- Lưu Văn phòng Thành ủy."
        ),
        "reporter": "Ban Thường vụ Thành ủy",
        "closing_request": (
            "Ban Thường vụ Thành ủy yêu cầu các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các "
            "tổ chức chính trị - xã hội Thành phố, các cơ quan, đơn vị"
        ),
    },
    "state": {
        "issuer_parent": "ỦY BAN NHÂN DÂN",
        "issuer": "THÀNH PHỐ HÀ NỘI",
        "number_symbol": "Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND",
        "signer_title": "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH",
        "recipients": (
            "Nơi nhận:\n"
            "- Thường trực Thành ủy (để báo cáo);\n"
            "- Thường trực HĐND Thành phố;\n"
            "- Chủ tịch, các Phó Chủ tịch UBND Thành phố;\n"
            "- Ban Chỉ đạo Chương trình {programme_code};\n"
            "- Các sở, ban, ngành Thành phố;\n"
            "- Lưu: VT, KGVX."
        ),
        "reporter": "Ủy ban nhân dân Thành phố",
        "closing_request": "Ủy ban nhân dân Thành phố đề nghị các sở, ban, ngành, UBND các quận, huyện, thị xã",
    },
}

# kind -> (trích yếu after "BÁO CÁO", what the opening reports, what the closing calls the report)
_KIND_TEXTS = {
    "annual": (
        "Kết quả thực hiện Chương trình số {programme_code} năm {year}",
        "báo cáo kết quả thực hiện Chương trình năm {year} như sau:",
        "báo cáo kết quả thực hiện Chương trình số {programme_code} năm {year}",
    ),
    "half_year": (
        "Kết quả thực hiện Chương trình số {programme_code} 6 tháng đầu năm {year}",
        "báo cáo kết quả thực hiện Chương trình 6 tháng đầu năm {year} như sau:",
        "báo cáo kết quả thực hiện Chương trình số {programme_code} 6 tháng đầu năm {year}",
    ),
    "quarter": (
        "Kết quả thực hiện Chương trình số {programme_code} quý {quarter} năm {year}",
        "báo cáo kết quả thực hiện Chương trình quý {quarter} năm {year} như sau:",
        "báo cáo kết quả thực hiện Chương trình số {programme_code} quý {quarter} năm {year}",
    ),
    "mid_term": (
        "Sơ kết giữa nhiệm kỳ thực hiện Chương trình số {programme_code}\n"
        "của {programme_issuer} về “{programme_title}”",
        "báo cáo sơ kết giữa nhiệm kỳ việc thực hiện Chương trình (giai đoạn {start_year} - {year}) như sau:",
        "báo cáo sơ kết giữa nhiệm kỳ thực hiện Chương trình số {programme_code}",
    ),
    "final": (
        "Tổng kết thực hiện Chương trình số {programme_code}\ncủa {programme_issuer} về “{programme_title}”",
        "báo cáo tổng kết việc thực hiện Chương trình giai đoạn {start_year} - {end_year} như sau:",
        "báo cáo tổng kết thực hiện Chương trình số {programme_code}",
    ),
}


def default_template(format: str, kind: str, programme_code: str) -> dict:  # noqa: A002 (name fixed by the API)
    """Default texts of a review report; the app stores an editable copy per programme, kind and format.

    The keys are the text fields of `ReportTemplate` (the format is not among them: the caller knows
    it). The texts may contain the placeholders of `PLACEHOLDERS` in braces (``{year}``, ``{cutoff}``...),
    filled from the snapshot when the report is built, so one template serves every round of its kind.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown report format {format!r}; expected one of {FORMATS}")
    if kind not in KINDS:
        raise ValueError(f"unknown round kind {kind!r}; expected one of {KINDS}")
    head = _LETTERHEADS[format]
    subject, opening_tail, closing_name = _KIND_TEXTS[kind]
    if kind == "final":
        closing_tail = (
            " tiếp tục phát huy kết quả đạt được, khắc phục các hạn chế đã nêu và đưa khoa học, công nghệ, "
            "đổi mới sáng tạo thực sự trở thành động lực phát triển Thủ đô trong giai đoạn tiếp theo./."
        )
    else:
        closing_tail = (
            " tập trung khắc phục các hạn chế đã nêu, thực hiện tốt các nhiệm vụ, giải pháp của Chương trình "
            "trong thời gian tới./."
        )
    texts = {
        "issuer_parent": head["issuer_parent"],
        "issuer": head["issuer"],
        "number_symbol": head["number_symbol"],
        "place": "Hà Nội",
        "title": "BÁO CÁO\n" + subject,
        "opening": (
            "Thực hiện Chương trình số {programme_code} của {programme_issuer} về “{programme_title}”, "
            "trên cơ sở báo cáo của các cơ quan, đơn vị và số liệu chốt đến ngày {cutoff}, "
            + head["reporter"]
            + " "
            + opening_tail
        ),
        "closing": "Trên đây là " + closing_name + ". " + head["closing_request"] + closing_tail,
        "recipients": head["recipients"],
        "signer_title": head["signer_title"],
        "signer_name": "",
    }
    return {key: value.replace("{programme_code}", programme_code) for key, value in texts.items()}


# ---------------------------------------------------------------------------------------------
# The outline shared by both formats
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False

    @property
    def css(self) -> str:
        return " ".join(name for name, on in (("b", self.bold), ("i", self.italic)) if on)


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    runs: tuple[Run, ...]
    style: str = "body"  # body | note | annex-ref
    keep_with_next: bool = False  # e.g. a task's title stays on the page of its status line


@dataclass(frozen=True)
class Heading:
    kind: ClassVar[str] = "heading"
    text: str
    level: int  # 1: "I. ...", 2: "1. ...", 3: "1.1. ..."
    style: str = ""  # "annex": the centred title of an annex


@dataclass(frozen=True)
class Column:
    label: str
    width_mm: int
    align: str = "left"

    @property
    def css_width(self) -> str:
        return f"{self.width_mm}mm"


@dataclass(frozen=True)
class Cell:
    text: str
    align: str = "left"
    style: str = ""  # "", "url" (may break anywhere)


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    group: bool = False  # a label spanning the whole table (e.g. the lead agency)
    sub: bool = False  # a sub-indicator


@dataclass(frozen=True)
class Table:
    kind: ClassVar[str] = "table"
    name: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Signature:
    """The closing paragraphs, then Nơi nhận on the left and the signer on the right.

    They stay on one page: a signature alone at the top of a page is what a reader must never see.
    """

    kind: ClassVar[str] = "signature"
    closing: tuple[str, ...]
    underline_head: bool  # Party documents underline "Nơi nhận:" (HD 36)
    recipients: tuple[str, ...]
    signer_title: tuple[str, ...]
    signer_name: str


@dataclass(frozen=True)
class PageBreak:
    kind: ClassVar[str] = "page_break"


Block = Paragraph | Heading | Table | Signature | PageBreak


@dataclass(frozen=True)
class Report:
    format: str
    issuer_parent: str
    issuer: str
    number_symbol: str
    date_line: str
    doc_type: str
    subject_lines: tuple[str, ...]
    body: tuple[Block, ...]  # from the opening paragraph to the end of the annex
    frozen_at: datetime.datetime
    meta_title: str
    meta_author: str
    meta_subject: str
    meta_keywords: tuple[str, ...] = field(default_factory=tuple)

    @property
    def letterhead_widths(self) -> tuple[str, str]:
        return tuple(f"{width}mm" for width in LETTERHEAD_MM[self.format])


def vn_date(day: datetime.date) -> str:
    """The date as written in a document, "ngày 03 tháng 4 năm 2025" (Decree 30: day < 10, month < 3 padded)."""
    return f"ngày {day.day:02d} tháng {_vn_month(day.month)} năm {day.year}"


def vn_short_date(day: datetime.date) -> str:
    """The short date, "03/4/2025", with the same zero-padding rule as `vn_date`."""
    return f"{day.day:02d}/{_vn_month(day.month)}/{day.year}"


def _vn_month(month: int) -> str:
    return f"{month:02d}" if month < 3 else str(month)


def _parse_date(value) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _frozen_at(snapshot: dict, issued_on: datetime.date) -> datetime.datetime:
    """The snapshot's freezing time (aware); the cut-off or the issue date when it is missing."""
    raw = (snapshot.get("round") or {}).get("frozen_at")
    stamp = None
    if isinstance(raw, datetime.datetime):
        stamp = raw
    elif raw:
        try:
            stamp = datetime.datetime.fromisoformat(str(raw))
        except ValueError:
            stamp = None
    if stamp is None:
        day = _parse_date((snapshot.get("round") or {}).get("cutoff")) or issued_on
        stamp = datetime.datetime(day.year, day.month, day.day)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=datetime.UTC)
    return stamp


def _lines(text) -> list[str]:
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _number_only(number_symbol: str) -> str:
    """The number without its label: "Số: 123/BC-UBND" -> "123/BC-UBND"."""
    return re.sub(r"^\s*số\s*:?\s*", "", number_symbol or "", flags=re.IGNORECASE).strip()


def _quarter(cutoff: datetime.date | None) -> str:
    if cutoff is None:
        return ""
    return ("I", "II", "III", "IV")[(cutoff.month - 1) // 3]


def _fill(text: str, values: dict) -> str:
    return _PLACEHOLDER_RE.sub(lambda match: str(values.get(match[1], match[0])), str(text or ""))


def _placeholder_values(snapshot: dict) -> dict:
    programme = snapshot.get("programme") or {}
    round_ = snapshot.get("round") or {}
    previous = snapshot.get("previous") or {}
    cutoff = _parse_date(round_.get("cutoff"))
    return {
        "programme_code": programme.get("code", ""),
        "programme_title": programme.get("title", ""),
        "programme_issuer": programme.get("issuer", ""),
        "start_year": programme.get("start_year", ""),
        "end_year": programme.get("end_year", ""),
        "year": round_.get("year", ""),
        "quarter": _quarter(cutoff),
        "cutoff": vn_short_date(cutoff) if cutoff else "",
        "round_title": round_.get("title", ""),
        "previous_title": previous.get("title", ""),
    }


def indicator_result(indicator: dict) -> str:
    """The "Kết quả" cell: value and period, marked when provisional or illustrative."""
    value = str(indicator.get("value_text") or "").strip()
    if value in _NO_VALUE:
        return NO_DATA
    text = value
    if indicator.get("period"):
        text += f" ({indicator['period']})"
    if indicator.get("kind") == "provisional":
        text += " " + PROVISIONAL_MARK
    if indicator.get("is_illustrative"):
        text += " " + ILLUSTRATIVE_MARK
    return text


def _with_detail(main, detail) -> str:
    main = str(main or "").strip()
    detail = str(detail or "").strip()
    if main and detail:
        return f"{main} ({detail})"
    return main or "—"


def _change(previous, current, suffix: str = "") -> str:
    """The change since the previous review ("Đang triển khai → Hoàn thành"), or the value when unchanged."""
    current_text = f"{current}{suffix}" if current not in (None, "") else "—"
    if previous in (None, "") or previous == current:
        return current_text
    return f"{previous}{suffix}{ARROW}{current_text}"


def _task_status(task: dict) -> str:
    return _change(task.get("previous_status_label"), task.get("status_label") or "—")


def _task_progress(task: dict) -> str:
    if task.get("progress") is None and task.get("previous_progress") is None:
        return "—"
    return _change(task.get("previous_progress"), task.get("progress"), "%")


def _count_phrase(items: Iterable[dict], noun: str) -> str:
    """Counts by status label, in order of first appearance: "2 chỉ tiêu đã đạt mục tiêu, 3 chỉ tiêu ..."."""
    counts: dict[str, int] = {}
    for item in items:
        label = item.get("status_label") or NO_DATA
        counts[label] = counts.get(label, 0) + 1
    return ", ".join(f"{count} {noun} {_lower_first(label)}" for label, count in counts.items())


def _agency_paragraphs(agencies: list[dict], key: str) -> list[Block]:
    blocks: list[Block] = []
    for agency in agencies:
        lines = _lines(agency.get(key))
        if not lines:
            continue
        name = agency.get("name") or "—"
        blocks.append(Paragraph((Run(f"- {name}: ", bold=True), Run(lines[0]))))
        blocks.extend(Paragraph((Run(line),)) for line in lines[1:])
    if not blocks:
        blocks.append(Paragraph((Run("Không có ý kiến của các cơ quan, đơn vị."),)))
    return blocks


def _objectives_section(snapshot: dict, cutoff_text: str) -> list[Block]:
    blocks: list[Block] = [Heading("1. Kết quả thực hiện các mục tiêu cụ thể", 2)]
    for objective in snapshot.get("objectives") or []:
        blocks.append(
            Paragraph((Run(f"Mục tiêu {objective.get('number', '')}: ", italic=True), Run(objective.get("text", ""))))
        )
    indicators = snapshot.get("indicators") or []
    assessed = [ind for ind in indicators if not ind.get("parent") and not ind.get("is_context")]
    blocks.append(Heading("Kết quả thực hiện các chỉ tiêu của Chương trình", 3))
    if not assessed:
        blocks.append(Paragraph((Run("Chương trình chưa có chỉ tiêu được đánh giá."),)))
        return blocks
    summary = f"Đến ngày chốt số liệu {cutoff_text}, trong {len(assessed)} chỉ tiêu của Chương trình có "
    blocks.append(Paragraph((Run(summary + _count_phrase(assessed, "chỉ tiêu") + " (chi tiết tại Mục II)."),)))
    for ind in assessed:
        facts = [f"kết quả {_lower_first(indicator_result(ind))}"]
        if ind.get("target"):
            target = ind["target"] + (f" vào năm {ind['target_year']}" if ind.get("target_year") else "")
            facts.append(f"mục tiêu {target}")
        if str(ind.get("previous_value_text") or "").strip() not in _NO_VALUE:
            facts.append(f"kỳ trước {ind['previous_value_text']}")
        facts.append(f"đánh giá: {_lower_first(ind.get('status_label') or NO_DATA)}")
        blocks.append(
            Paragraph(
                (Run(f"- {ind.get('code', '')}. {ind.get('name', '')}: ", italic=True), Run("; ".join(facts) + "."))
            )
        )
    return blocks


def _solutions_section(snapshot: dict) -> list[Block]:
    blocks: list[Block] = [Heading("2. Kết quả thực hiện các nhóm nhiệm vụ, giải pháp", 2)]
    tasks = sorted(snapshot.get("tasks") or [], key=lambda task: task.get("number") or 0)
    if tasks:
        blocks.append(
            Paragraph((Run(f"Trong {len(tasks)} nhiệm vụ, đề án trọng tâm có {_count_phrase(tasks, 'nhiệm vụ')}."),))
        )
    by_number = {task.get("number"): task for task in tasks}
    placed: set = set()
    groups = list(snapshot.get("solution_groups") or [])
    for index, group in enumerate(groups, start=1):
        numbers = set(group.get("tasks") or [])
        numbers |= {task.get("number") for task in tasks if task.get("solution_group") == group.get("number")}
        group_tasks = [by_number[number] for number in sorted(numbers, key=lambda n: n or 0) if number in by_number]
        placed |= numbers
        blocks.append(Heading(f"2.{index}. {group.get('title', '')}", 3))
        blocks.extend(_task_blocks(group_tasks))
    others = [task for task in tasks if task.get("number") not in placed]
    if others:
        blocks.append(Heading(f"2.{len(groups) + 1}. Nhiệm vụ khác", 3))
        blocks.extend(_task_blocks(others))
    return blocks


def _task_blocks(tasks: list[dict]) -> list[Block]:
    if not tasks:
        return [Paragraph((Run("Nhóm giải pháp này không có nhiệm vụ, đề án trọng tâm."),))]
    blocks: list[Block] = []
    for task in tasks:
        parties = []
        if task.get("leads"):
            parties.append("chủ trì: " + ", ".join(task["leads"]))
        if task.get("coordinators"):
            parties.append("phối hợp: " + ", ".join(task["coordinators"]))
        runs = [Run(f"- Nhiệm vụ {task.get('number', '')}: ", bold=True), Run(str(task.get("title", "")).strip())]
        if parties:
            runs.append(Run(" (" + "; ".join(parties) + ")", italic=True))
        blocks.append(Paragraph(tuple(runs), keep_with_next=True))
        blocks.append(
            Paragraph(
                (
                    Run("Tình trạng: ", italic=True),
                    Run(_task_status(task) + "; "),
                    Run("tiến độ: ", italic=True),
                    Run(_task_progress(task) + "."),
                )
            )
        )
        blocks.extend(Paragraph((Run(line),)) for line in _lines(task.get("narrative")))
    return blocks


def _agencies_results_section(agencies: list[dict]) -> list[Block]:
    blocks: list[Block] = [Heading("3. Kết quả do các cơ quan, đơn vị báo cáo", 2)]
    if agencies:
        blocks.append(
            Paragraph(
                (Run(f"Tổng hợp báo cáo của {len(agencies)} cơ quan, đơn vị: {_count_phrase(agencies, 'báo cáo')}."),)
            )
        )
    blocks.extend(_agency_paragraphs(agencies, "results"))
    return blocks


def _indicator_table(snapshot: dict) -> list[Block]:
    indicators = snapshot.get("indicators") or []
    previous = snapshot.get("previous")
    with_previous = bool(previous) or any(ind.get("previous_value_text") for ind in indicators)
    if with_previous:
        columns = (
            Column("TT/Mã", 17, "center"),
            Column("Chỉ tiêu", 42),
            Column("Cơ sở", 21, "center"),
            Column("Mục tiêu", 20, "center"),
            Column("Kết quả", 25, "center"),
            Column("Kỳ trước", 18, "center"),
            Column("Đánh giá", 22, "center"),
        )
    else:
        columns = (
            Column("TT/Mã", 17, "center"),
            Column("Chỉ tiêu", 50),
            Column("Cơ sở", 23, "center"),
            Column("Mục tiêu", 22, "center"),
            Column("Kết quả", 28, "center"),
            Column("Đánh giá", 25, "center"),
        )
    rows = []
    for ind in indicators:
        name = str(ind.get("name", ""))
        if ind.get("unit"):
            name += f" ({ind['unit']})"
        texts = [
            ind.get("code", ""),
            name,
            _with_detail(ind.get("baseline"), ind.get("baseline_label")),
            _with_detail(ind.get("target"), ind.get("target_year")),
            indicator_result(ind),
        ]
        if with_previous:
            previous_value = str(ind.get("previous_value_text") or "").strip()
            texts.append("—" if previous_value in _NO_VALUE else previous_value)
        texts.append(ind.get("status_label") or ("Theo dõi" if ind.get("is_context") else "—"))
        cells = tuple(Cell(str(text), column.align) for text, column in zip(texts, columns, strict=True))
        rows.append(Row(cells, sub=bool(ind.get("parent"))))
    notes = [
        f"“{PROVISIONAL_MARK.strip('()')}”: số liệu sơ bộ, chưa chính thức",
        f"“{ILLUSTRATIVE_MARK.strip('()')}”: dữ liệu minh họa, không phải số liệu chính thức",
        "“Theo dõi”: chỉ tiêu bổ trợ, không đánh giá mức độ đạt mục tiêu",
    ]
    if previous:
        cutoff = _parse_date(previous.get("cutoff"))
        prev = f"“Kỳ trước”: {previous.get('title', '')}"
        if cutoff:
            prev += f" (số liệu đến ngày {vn_short_date(cutoff)})"
        notes.append(prev)
    blocks: list[Block] = [Table("indicators", columns, tuple(rows))]
    blocks.append(
        Paragraph((Run("Ghi chú: ", bold=True, italic=True), Run("; ".join(notes) + ".", italic=True)), "note")
    )
    return blocks


def _tasks_by_agency_table(snapshot: dict) -> Table:
    columns = (
        Column("TT", 11, "center"),
        Column("Nhiệm vụ, đề án, dự án", 94),
        Column("Trạng thái", 34, "center"),
        Column("Tiến độ", 26, "center"),
    )
    groups: dict[str, list[dict]] = {}
    for task in sorted(snapshot.get("tasks") or [], key=lambda task: task.get("number") or 0):
        for lead in task.get("leads") or ["Chưa xác định cơ quan chủ trì"]:
            groups.setdefault(lead, []).append(task)
    rows = []
    for lead, tasks in groups.items():
        rows.append(Row((Cell(f"{lead} ({len(tasks)} nhiệm vụ)"),), group=True))
        for task in tasks:
            texts = (str(task.get("number", "")), str(task.get("title", "")).strip(), _task_status(task))
            texts += (_task_progress(task),)
            rows.append(Row(tuple(Cell(text, column.align) for text, column in zip(texts, columns, strict=True))))
    return Table("tasks", columns, tuple(rows))


def _sources_annex(snapshot: dict, number_symbol: str, issued_on: datetime.date) -> list[Block]:
    names = {ind.get("code"): ind.get("name", "") for ind in snapshot.get("indicators") or []}
    columns = (
        Column("TT", 10, "center"),
        Column("Chỉ tiêu", 42),
        Column("Kỳ số liệu", 18, "center"),
        Column("Nguồn", 38),
        Column("Đường dẫn", 41),
        Column("Minh họa", 16, "center"),
    )
    rows = []
    for index, source in enumerate(snapshot.get("sources") or [], start=1):
        code = source.get("indicator", "")
        label = f"{code} – {names[code]}" if names.get(code) else str(code)
        cells = (
            Cell(str(index), "center"),
            Cell(label),
            Cell(str(source.get("period", "")), "center"),
            Cell(str(source.get("source", ""))),
            Cell(str(source.get("url", "")), style="url"),
            Cell("Có" if source.get("is_illustrative") else "", "center"),
        )
        rows.append(Row(cells))
    reference = "(Kèm theo Báo cáo"
    if _number_only(number_symbol):
        reference += f" số {_number_only(number_symbol)}"
    reference += f" ngày {vn_short_date(issued_on)})"
    blocks: list[Block] = [
        Heading("PHỤ LỤC: NGUỒN SỐ LIỆU", 1, style="annex"),
        Paragraph((Run(reference, italic=True),), "annex-ref"),
    ]
    if rows:
        blocks.append(Table("sources", columns, tuple(rows)))
    else:
        blocks.append(Paragraph((Run("Không có nguồn số liệu được ghi nhận."),)))
    return blocks


def report_outline(*, snapshot: dict, template: dict, issued_on: datetime.date) -> Report:
    """Everything both renderers draw, in reading order."""
    values = _placeholder_values(snapshot)
    fmt = template.get("format") or "party"
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; expected one of {FORMATS}")
    defaults = default_template(fmt, (snapshot.get("round") or {}).get("kind") or "annual", values["programme_code"])
    texts = {key: _fill(template.get(key) or "", values) for key in defaults}

    title_lines = _lines(texts["title"]) or ["BÁO CÁO"]
    agencies = list(snapshot.get("agencies") or [])

    body: list[Block] = [Paragraph((Run(line),)) for line in _lines(texts["opening"])]
    body.append(Heading("I. KẾT QUẢ THỰC HIỆN", 1))
    body += _objectives_section(snapshot, values["cutoff"])
    body += _solutions_section(snapshot)
    body += _agencies_results_section(agencies)
    body.append(Heading("II. CHỈ TIÊU", 1))
    body += _indicator_table(snapshot)
    body.append(Heading("III. NHIỆM VỤ TRỌNG TÂM THEO CƠ QUAN CHỦ TRÌ", 1))
    body.append(_tasks_by_agency_table(snapshot))
    body.append(Heading("IV. HẠN CHẾ, NGUYÊN NHÂN", 1))
    body += _agency_paragraphs(agencies, "shortcomings")
    body.append(Heading("V. ĐỀ XUẤT, KIẾN NGHỊ", 1))
    body += _agency_paragraphs(agencies, "proposals")
    body.append(
        Signature(
            closing=tuple(_lines(texts["closing"])),
            underline_head=fmt == "party",
            recipients=tuple(_lines(texts["recipients"])),
            signer_title=tuple(_lines(texts["signer_title"])),
            signer_name=texts["signer_name"].strip(),
        )
    )
    body.append(PageBreak())
    body += _sources_annex(snapshot, texts["number_symbol"], issued_on)

    programme = snapshot.get("programme") or {}
    round_ = snapshot.get("round") or {}
    return Report(
        format=fmt,
        issuer_parent=texts["issuer_parent"],
        issuer=texts["issuer"],
        number_symbol=texts["number_symbol"],
        date_line=f"{texts['place'] or 'Hà Nội'}, {vn_date(issued_on)}",
        doc_type=title_lines[0],
        subject_lines=tuple(title_lines[1:]),
        body=tuple(body),
        frozen_at=_frozen_at(snapshot, issued_on),
        meta_title=" ".join(title_lines),
        meta_author=texts["issuer"],
        meta_subject=str(round_.get("title") or programme.get("title") or ""),
        meta_keywords=tuple(
            str(word) for word in (programme.get("code"), round_.get("kind_label"), round_.get("year")) if word
        ),
    )


# ---------------------------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------------------------


def build_docx(*, snapshot: dict, template: dict, issued_on: datetime.date) -> bytes:
    """The report as an editable Word file (Times New Roman, A4, tables as real Word tables)."""
    report = report_outline(snapshot=snapshot, template=template, issued_on=issued_on)
    document = docx.Document()
    _docx_setup(document, report)
    _docx_letterhead(document, report)
    _docx_title(document, report)
    for block in report.body:
        _docx_block(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable_zip(buffer.getvalue(), report.frozen_at)


# The order of a paragraph's properties in WordprocessingML (ECMA-376 CT_PPrBase, then rPr, sectPr).
_PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
    "w:sectPr", "w:pPrChange",
)  # fmt: skip


def _ppr_insert(ppr, tag: str, attrs: dict | None = None):
    """Add ``<w:tag>`` to paragraph properties at the place the schema orders it."""
    element = ppr.makeelement(qn(tag), {qn(key): value for key, value in (attrs or {}).items()})
    return ppr.insert_element_before(element, *_PPR_ORDER[_PPR_ORDER.index(tag) + 1 :])


def _docx_rule(paragraph, width_mm: float, box_mm: float) -> None:
    """Turn an empty paragraph into a short centred line (under the issuer, the motto, the subject)."""
    side = max((box_mm - width_mm) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    paragraph.paragraph_format.first_line_indent = None
    ppr = paragraph._p.get_or_add_pPr()
    borders = _ppr_insert(ppr, "w:pBdr")
    line = {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"}
    borders.append(borders.makeelement(qn("w:top"), {qn(key): value for key, value in line.items()}))


def _docx_setup(document, report: Report) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(10), Mm(10)

    styles = document.styles
    doc_defaults = styles.element.find(qn("w:docDefaults"))
    defaults_rpr = doc_defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _docx_fonts(defaults_rpr)
    lang = defaults_rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "vi-VN")
    default_ppr = doc_defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for spacing in default_ppr.findall(qn("w:spacing")):  # the template's 10 pt after every paragraph
        default_ppr.remove(spacing)

    normal = styles["Normal"]
    _docx_fonts(normal.element.get_or_add_rPr())
    normal.font.size = Pt(14)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0

    def add(name, *, size=14, align=None, indent=False, before=0, after=0, bold=None, italic=None, outline=None):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        assert style.style_id == _docx_style_id(name)
        style.base_style = normal
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.first_line_indent = Mm(10) if indent else None
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.widow_control = True
        if outline is not None:  # shows in Word's navigation pane, like a built-in heading
            fmt.keep_with_next = True
            _ppr_insert(style.element.get_or_add_pPr(), "w:outlineLvl", {"w:val": str(outline)})
        return style

    add("Report Body", align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, after=6).paragraph_format.line_spacing = 1.15
    add("Report Note", size=12, align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=3, after=6)
    add("Report Centre", align=WD_ALIGN_PARAGRAPH.CENTER)
    add("Report Letterhead", size=13, align=WD_ALIGN_PARAGRAPH.CENTER)
    add("Report Table", size=12, before=1, after=1)
    add("Report Table Head", size=12, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, before=1, after=1)
    add("Report Recipients", size=11, italic=True)
    for level in (1, 2, 3):
        italic = True if level == 3 else None
        justify = WD_ALIGN_PARAGRAPH.JUSTIFY
        add(
            f"Report Heading {level}",
            align=justify,
            indent=True,
            before=6,
            after=6,
            bold=True,
            italic=italic,
            outline=level - 1,
        )
    add("Report Annex Title", align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, outline=0)

    # Page numbers: centred at the top, from the second page on (Decree 30, art. 13; HD 36).
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = header._p.makeelement(qn("w:fldSimple"), {qn("w:instr"): "PAGE"})
    run = field.makeelement(qn("w:r"), {})
    text = run.makeelement(qn("w:t"), {})
    text.text = "2"
    run.append(text)
    field.append(run)
    header._p.append(field)

    props = document.core_properties
    stamp = report.frozen_at.astimezone(datetime.UTC).replace(tzinfo=None)
    props.created = props.modified = props.last_printed = stamp
    props.author = props.last_modified_by = report.meta_author
    props.title = report.meta_title
    props.subject = report.meta_subject
    props.keywords = ", ".join(report.meta_keywords)
    props.comments = ""
    props.category = "Báo cáo"
    props.language = "vi-VN"
    props.revision = 1


def _docx_fonts(rpr) -> None:
    """Name Times New Roman for every script and drop the theme fonts that would override it."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), BODY_FONT)


def _docx_style_id(name: str) -> str:
    # python-docx names a style added by `add_style` after its name without spaces; setting the id
    # directly skips its lookup by name, which scans every style and made big reports slow.
    return name.replace(" ", "")


def _docx_paragraph(container, style: str, runs: Iterable[Run] = (), *, size=None, underline=False):
    paragraph = container.add_paragraph()
    paragraph._p.style = _docx_style_id(style)
    for part in runs:
        run = paragraph.add_run(part.text)
        if part.bold:
            run.bold = True
        if part.italic:
            run.italic = True
        if underline:
            run.underline = True
        if size:
            run.font.size = Pt(size)
    return paragraph


def _docx_fill(cell, style: str, runs: Iterable[Run] = (), **kwargs):
    """Write into a new cell's first paragraph (a cell is created with one, empty)."""
    first = cell.paragraphs[0]
    if first.text or len(cell.paragraphs) > 1:
        return _docx_paragraph(cell, style, runs, **kwargs)
    first._p.getparent().remove(first._p)
    return _docx_paragraph(cell, style, runs, **kwargs)


def _docx_borderless_table(document, widths_mm: tuple[int, ...], rows: int):
    table = document.add_table(rows=rows, cols=len(widths_mm))
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        row._tr.get_or_add_trPr().append(row._tr.makeelement(qn("w:cantSplit"), {}))
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    return table


def _docx_letterhead(document, report: Report) -> None:
    widths = LETTERHEAD_MM[report.format]
    table = _docx_borderless_table(document, widths, rows=2)
    left, right = table.rows[0].cells
    number, date = table.rows[1].cells
    if report.format == "party":
        _docx_fill(left, "Report Letterhead", [Run(report.issuer_parent)], size=14)
        _docx_paragraph(left, "Report Letterhead", [Run(report.issuer, bold=True)], size=14)
        _docx_paragraph(left, "Report Letterhead", [Run("*")], size=14)
        _docx_fill(right, "Report Letterhead", [Run("ĐẢNG CỘNG SẢN VIỆT NAM", bold=True)], size=15, underline=True)
        _docx_fill(number, "Report Letterhead", [Run(report.number_symbol)], size=14)
    else:
        _docx_fill(left, "Report Letterhead", [Run(report.issuer_parent)])
        _docx_paragraph(left, "Report Letterhead", [Run(report.issuer, bold=True)])
        _docx_rule(_docx_paragraph(left, "Report Letterhead"), 25, widths[0])
        _docx_fill(right, "Report Letterhead", [Run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)], size=12)
        _docx_paragraph(right, "Report Letterhead", [Run("Độc lập - Tự do - Hạnh phúc", bold=True)], size=13)
        _docx_rule(_docx_paragraph(right, "Report Letterhead"), 60, widths[1])
        _docx_fill(number, "Report Letterhead", [Run(report.number_symbol)])
    _docx_fill(date, "Report Letterhead", [Run(report.date_line, italic=True)], size=14)
    for cell in (number, date):
        cell.paragraphs[0].paragraph_format.space_before = Pt(4)


def _docx_title(document, report: Report) -> None:
    size = 16 if report.format == "party" else 14
    first = _docx_paragraph(document, "Report Centre", [Run(report.doc_type, bold=True)], size=size)
    first.paragraph_format.space_before = Pt(18)
    first.paragraph_format.keep_with_next = True
    for line in report.subject_lines:
        _docx_paragraph(document, "Report Centre", [Run(line, bold=True)]).paragraph_format.keep_with_next = True
    if report.format == "party":
        last = _docx_paragraph(document, "Report Centre", [Run("-----")])
    else:  # Decree 30: a rule 1/3 to 1/2 as long as the subject line
        last = _docx_paragraph(document, "Report Centre")
        _docx_rule(last, 40, TEXT_WIDTH_MM)
    last.paragraph_format.space_after = Pt(12)


def _docx_block(document, block: Block) -> None:
    if isinstance(block, Heading):
        style = "Report Annex Title" if block.style == "annex" else f"Report Heading {block.level}"
        _docx_paragraph(document, style, [Run(block.text)])
    elif isinstance(block, Table):
        _docx_table(document, block)
    elif isinstance(block, Signature):
        _docx_signature(document, block)
    elif isinstance(block, PageBreak):
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    elif block.style == "note":
        _docx_paragraph(document, "Report Note", block.runs)
    elif block.style == "annex-ref":
        _docx_paragraph(document, "Report Centre", block.runs).paragraph_format.space_after = Pt(12)
    else:
        paragraph = _docx_paragraph(document, "Report Body", block.runs)
        if block.keep_with_next:
            paragraph.paragraph_format.keep_with_next = True


def _docx_table(document, block: Table) -> None:
    table = document.add_table(rows=1, cols=len(block.columns))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [Mm(column.width_mm) for column in block.columns]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width

    def keep_row_whole(tr, *, header=False):
        trpr = tr.get_or_add_trPr()
        trpr.append(trpr.makeelement(qn("w:cantSplit"), {}))
        if header:  # repeated at the top of every page
            trpr.append(trpr.makeelement(qn("w:tblHeader"), {}))

    head = table.rows[0]
    keep_row_whole(head._tr, header=True)
    for cell, column, width in zip(head.cells, block.columns, widths, strict=True):
        cell.width = width
        _docx_fill(cell, "Report Table Head", [Run(column.label)])

    centre = WD_ALIGN_PARAGRAPH.CENTER
    for row in block.rows:
        tr = table.add_row()._tr
        keep_row_whole(tr)
        tcs = tr.tc_lst
        if row.group:
            for extra in tcs[1:]:
                tr.remove(extra)
            tcs[0].grid_span = len(block.columns)
            cell = _Cell(tcs[0], table)
            cell.width = Mm(sum(column.width_mm for column in block.columns))
            _docx_fill(cell, "Report Table", [Run(row.cells[0].text, bold=True)]).paragraph_format.keep_with_next = True
            continue
        for index, (tc, spec, width) in enumerate(zip(tcs, row.cells, widths, strict=True)):
            cell = _Cell(tc, table)
            cell.width = width
            paragraph = _docx_fill(cell, "Report Table", [Run(spec.text, italic=row.sub and index == 1)])
            if spec.align == "center":
                paragraph.alignment = centre


def _docx_signature(document, block: Signature) -> None:
    for line in block.closing:
        _docx_paragraph(document, "Report Body", [Run(line)]).paragraph_format.keep_with_next = True
    table = _docx_borderless_table(document, (80, 85), rows=1)
    left, right = table.rows[0].cells
    recipients = list(block.recipients)
    if recipients:
        head = [Run(recipients[0], bold=True)]
        first = _docx_fill(left, "Report Recipients", head, size=12, underline=block.underline_head)
        first.paragraph_format.space_before = Pt(12)
        for line in recipients[1:]:
            _docx_paragraph(left, "Report Recipients", [Run(line)])
    title = list(block.signer_title) or [""]
    first = _docx_fill(right, "Report Centre", [Run(title[0], bold=True)])
    first.paragraph_format.space_before = Pt(12)
    for line in title[1:]:
        _docx_paragraph(right, "Report Centre", [Run(line, bold=True)])
    for _ in range(4):  # room for the signature and the seal
        _docx_paragraph(right, "Report Centre")
    if block.signer_name:
        _docx_paragraph(right, "Report Centre", [Run(block.signer_name, bold=True)])


def _stable_zip(data: bytes, stamp: datetime.datetime) -> bytes:
    """Rewrite the package with fixed member timestamps, so the same inputs give the same bytes."""
    local = stamp.astimezone(datetime.UTC)
    date_time = (max(local.year, 1980), local.month, local.day, local.hour, local.minute, local.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------

FONT_FILES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bold_italic": "LiberationSerif-BoldItalic.ttf",
}
# Liberation 1.x (Debian's fonts-liberation) has no Vietnamese letters; 2.x (fonts-liberation2) has.
FONT_DIRS = (
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/liberation-serif",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/liberation",
    "/usr/local/share/fonts",
)
_VIETNAMESE_PROBE = "ĂăÂâĐđÊêÔôƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẶặẸẹẾếỆệỈỉỊịỌọỐốỘộỚớỢợỤụỨứỰựỲỳỴỵỶỷỸỹ→"


@functools.cache
def report_fonts() -> dict[str, Path]:
    """The four Liberation Serif files with every Vietnamese letter, or a clear error.

    ``settings.REPORT_FONT_DIR`` is tried first when set.
    """
    from fontTools.ttLib import TTFont

    custom = getattr(settings, "REPORT_FONT_DIR", None)
    for directory in ((custom,) if custom else ()) + FONT_DIRS:
        paths = {style: Path(directory) / name for style, name in FONT_FILES.items()}
        if not all(path.is_file() for path in paths.values()):
            continue
        cmap = TTFont(paths["regular"], lazy=True).getBestCmap()
        if all(ord(char) in cmap for char in _VIETNAMESE_PROBE):
            return paths
    raise ImproperlyConfigured(
        "Review reports need Liberation Serif 2 with Vietnamese glyphs (Debian: apt install fonts-liberation2), "
        "or settings.REPORT_FONT_DIR pointing to a folder with " + ", ".join(FONT_FILES.values()) + "."
    )


def render_report_html(*, snapshot: dict, template: dict, issued_on: datetime.date) -> str:
    report = report_outline(snapshot=snapshot, template=template, issued_on=issued_on)
    fonts = {style: path.as_uri() for style, path in report_fonts().items()}
    return render_to_string(
        "reporting/report_pdf.html",
        {"report": report, "fonts": fonts, "created": report.frozen_at.isoformat(timespec="seconds")},
    )


def build_pdf(*, snapshot: dict, template: dict, issued_on: datetime.date) -> bytes:
    """The report as a PDF (WeasyPrint), with Liberation Serif embedded for every Vietnamese letter."""
    from weasyprint import HTML

    html = render_report_html(snapshot=snapshot, template=template, issued_on=issued_on)
    fetcher = _fonts_only_fetcher(tuple(path.as_uri() for path in report_fonts().values()))
    return HTML(string=html, url_fetcher=fetcher).write_pdf()


def _fonts_only_fetcher(allowed: tuple[str, ...]):
    """A URL fetcher that reads the report fonts and nothing else (no network, no other local file)."""
    from weasyprint.urls import URLFetcher

    class FontsOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url not in allowed:
                raise ValueError(f"review reports load no resource but their fonts: {url}")
            return super().fetch(url, headers)

    return FontsOnlyFetcher(allowed_protocols=("file",))
