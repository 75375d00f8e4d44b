"""Biên bản họp hội đồng (council minutes) as DOCX.

Drawn with the renderer of reporting.documents (A4, Times New Roman, Decree 30/2020/NĐ-CP
letterhead), so the minutes look like every other document the platform issues. Like those,
the texts are Vietnamese whatever the interface language: the minutes are an official record.
"""

import datetime
import io
from decimal import Decimal

import docx
from django.utils import timezone
from docx.shared import Pt

from core.text import decimal_text
from reporting.documents import (
    Cell,
    Column,
    Heading,
    Paragraph,
    Report,
    Row,
    Run,
    Table,
    _docx_block,
    _docx_borderless_table,
    _docx_fill,
    _docx_letterhead,
    _docx_paragraph,
    _docx_setup,
    _docx_title,
    _stable_zip,
    vn_date,
)

from .models import Council, CouncilMember, ResearchTask

ISSUER_PARENT = "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"
ISSUER = "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
ROLE = {
    CouncilMember.Role.CHAIR: "Chủ tịch",
    CouncilMember.Role.SECRETARY: "Thư ký",
    CouncilMember.Role.REVIEWER: "Phản biện",
    CouncilMember.Role.MEMBER: "Ủy viên",
}
GRADE = {"excellent": "Xuất sắc", "pass": "Đạt", "fail": "Không đạt"}
MODE = {ResearchTask.Mode.SELECTION: "Tuyển chọn", ResearchTask.Mode.DIRECT: "Giao trực tiếp"}


def _number(value) -> str:
    return decimal_text(Decimal(str(value))) if value is not None else "–"


def _subject(council: Council) -> list[str]:
    if council.kind == Council.Kind.ACCEPTANCE:
        first = "Họp Hội đồng tư vấn đánh giá, nghiệm thu nhiệm vụ khoa học và công nghệ"
    else:
        first = (
            "Họp Hội đồng tư vấn tuyển chọn, giao trực tiếp tổ chức và cá nhân chủ trì nhiệm vụ khoa học và công nghệ"
        )
    return [first, f"“{council.task.title}” (mã số {council.task.code})"]


def _members_table(council: Council) -> Table:
    rows = []
    for number, member in enumerate(council.members.all(), start=1):
        researcher = member.researcher
        name = " ".join(part for part in (researcher.title, researcher.full_name) if part)
        organisation = researcher.organisation.name if researcher.organisation_id else ""
        rows.append(
            Row((Cell(str(number), "center"), Cell(name), Cell(organisation), Cell(ROLE[member.role], "center")))
        )
    columns = (
        Column("TT", 12, "center"),
        Column("Họ và tên", 55),
        Column("Tổ chức", 60),
        Column("Vai trò", 38, "center"),
    )
    return Table(name="members", columns=columns, rows=tuple(rows))


def _conflicts(results) -> list[Paragraph]:
    lines = []
    for result in results:
        for row in result.rows:
            if row.conflict:
                lines.append(
                    f"{row.member.researcher.full_name} khai báo có xung đột lợi ích với hồ sơ "
                    f"“{result.dossier.title}” ({result.dossier.organisation.name}) và không đánh giá hồ sơ này."
                )
    lines = lines or ["Không thành viên nào khai báo xung đột lợi ích với các hồ sơ được đánh giá."]
    return [Paragraph((Run(line),)) for line in lines]


def _summary_table(results) -> Table:
    rows = []
    for result in results:
        stats = result.stats
        label = f"{result.dossier.organisation.name}; chủ nhiệm {result.dossier.pi.full_name}"
        rows.append(
            Row(
                (
                    Cell(str(result.rank or "–"), "center"),
                    Cell(label),
                    Cell(str(stats.get("count", 0)), "center"),
                    Cell(_number(stats.get("mean")), "center"),
                    Cell(_number(stats.get("min")), "center"),
                    Cell(_number(stats.get("max")), "center"),
                    Cell(_number(stats.get("std")), "center"),
                )
            )
        )
    columns = (
        Column("Xếp hạng", 17, "center"),
        Column("Hồ sơ (tổ chức chủ trì, chủ nhiệm)", 58),
        Column("Số phiếu", 16, "center"),
        Column("Điểm TB", 18, "center"),
        Column("Thấp nhất", 18, "center"),
        Column("Cao nhất", 18, "center"),
        Column("Độ lệch chuẩn", 20, "center"),
    )
    return Table(name="summary", columns=columns, rows=tuple(rows))


def _sheets_table(result) -> Table:
    rows = []
    for row in result.rows:
        if row.conflict:
            total, note = "–", "Có xung đột lợi ích, không đánh giá"
        else:
            total = _number(row.sheet.total) if row.sheet else "–"
            note = row.sheet.deviation_reason if row.sheet and row.sheet.deviation_reason else ""
        rows.append(
            Row(
                (
                    Cell(row.member.researcher.full_name),
                    Cell(ROLE[row.member.role], "center"),
                    Cell(total, "center"),
                    Cell(note),
                )
            )
        )
    columns = (
        Column("Thành viên", 55),
        Column("Vai trò", 30, "center"),
        Column("Tổng điểm", 25, "center"),
        Column("Giải trình, ghi chú", 55),
    )
    return Table(name=f"sheets-{result.dossier.pk}", columns=columns, rows=tuple(rows))


def _criteria_table(result, sheet_spec) -> Table:
    rows = tuple(
        Row(
            (
                Cell(criterion["label"]),
                Cell(_number(criterion["max_score"]), "center"),
                Cell(_number(round(result.criterion_means.get(criterion["key"], 0), 2)), "center"),
            )
        )
        for criterion in sheet_spec
    )
    columns = (Column("Tiêu chí", 105), Column("Điểm tối đa", 30, "center"), Column("Điểm TB", 30, "center"))
    return Table(name=f"criteria-{result.dossier.pk}", columns=columns, rows=rows)


def minutes_outline(*, council: Council, results) -> tuple[Report, dict]:
    """The minutes as the shared outline, plus the two signers (secretary, chair)."""
    task, ruleset = council.task, council.ruleset
    body = [
        Heading("I. THÔNG TIN CHUNG", 1),
        Paragraph((Run("Nhiệm vụ: ", bold=True), Run(f"{task.title} (mã số {task.code})."))),
        Paragraph((Run("Phương thức: ", bold=True), Run(f"{MODE[task.mode]}."))),
        Paragraph(
            (
                Run("Căn cứ: ", bold=True),
                Run(
                    f"{ruleset.citation} (bộ quy định “{ruleset.name}”, có hiệu lực từ {vn_date(ruleset.effective_from)}); "
                    f"điểm đạt {_number(ruleset.pass_threshold)}/{_number(ruleset.scale_max)}."
                ),
            )
        ),
        Paragraph((Run("Thời gian họp: ", bold=True), Run(f"{vn_date(council.meeting_date)}."))),
        Heading("II. THÀNH PHẦN HỘI ĐỒNG", 1),
        _members_table(council),
        Heading("III. KHAI BÁO XUNG ĐỘT LỢI ÍCH", 1),
        *_conflicts(results),
        Heading("IV. KẾT QUẢ ĐÁNH GIÁ", 1),
        Paragraph(
            (
                Run(
                    "Các thành viên chấm điểm độc lập theo phiếu đánh giá; tổng điểm của mỗi thành viên quy về thang "
                    f"{_number(ruleset.scale_max)} điểm theo trọng số của từng tiêu chí."
                ),
            )
        ),
        _summary_table(results),
    ]
    sheet_spec = ruleset.sheet(council.kind)
    for number, result in enumerate(results, start=1):
        body.append(Heading(f"{number}. Hồ sơ của {result.dossier.organisation.name}", 2))
        body.append(_sheets_table(result))
        body.append(_criteria_table(result, sheet_spec))
    body.append(Heading("V. KẾT LUẬN", 1))
    conclusion = council.conclusion or "Hội đồng chưa thông qua kết luận."
    body += [Paragraph((Run(line),)) for line in conclusion.splitlines() if line.strip()]
    acceptance = getattr(council, "acceptance", None) if council.kind == Council.Kind.ACCEPTANCE else None
    if acceptance is not None:
        body.append(Paragraph((Run("Xếp loại: ", bold=True), Run(GRADE[acceptance.grade] + "."))))

    signers = {m.role: m.researcher.full_name for m in council.members.all()}
    stamp = council.decided_at or timezone.make_aware(
        datetime.datetime.combine(council.meeting_date, datetime.time(17))
    )
    subject = _subject(council)
    report = Report(
        format="state",
        issuer_parent=ISSUER_PARENT,
        issuer=ISSUER,
        number_symbol="Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BB-HĐTV",
        date_line=f"Hà Nội, {vn_date(council.meeting_date)}",
        doc_type="BIÊN BẢN",
        subject_lines=tuple(subject),
        body=tuple(body),
        frozen_at=stamp,
        meta_title="Biên bản " + " ".join(subject),
        meta_author=ISSUER,
        meta_subject=council.name,
        meta_keywords=(task.code, "biên bản", "hội đồng"),
    )
    return report, {
        "secretary": signers.get(CouncilMember.Role.SECRETARY, ""),
        "chair": signers.get(CouncilMember.Role.CHAIR, ""),
    }


def _signatures(document, signers: dict) -> None:
    table = _docx_borderless_table(document, (80, 85), rows=1)
    for cell, title, name in zip(
        table.rows[0].cells,
        ("THƯ KÝ HỘI ĐỒNG", "CHỦ TỊCH HỘI ĐỒNG"),
        (signers["secretary"], signers["chair"]),
        strict=True,
    ):
        first = _docx_fill(cell, "Report Centre", [Run(title, bold=True)])
        first.paragraph_format.space_before = Pt(12)
        _docx_paragraph(cell, "Report Centre", [Run("(Ký, ghi rõ họ tên)", italic=True)], size=12)
        for _ in range(3):
            _docx_paragraph(cell, "Report Centre")
        _docx_paragraph(cell, "Report Centre", [Run(name, bold=True)])


def minutes_docx(*, council: Council, results) -> bytes:
    """The council's minutes as an editable Word file; the same inputs give the same bytes."""
    report, signers = minutes_outline(council=council, results=results)
    document = docx.Document()
    _docx_setup(document, report)
    document.core_properties.category = "Biên bản"
    _docx_letterhead(document, report)
    _docx_title(document, report)
    for block in report.body:
        _docx_block(document, block)
    _signatures(document, signers)
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable_zip(buffer.getvalue(), report.frozen_at)
