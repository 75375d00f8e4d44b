"""The council minutes (biên bản) as DOCX, read back with python-docx."""

import io

import docx

from research_tasks.documents import minutes_docx
from research_tasks.selectors import council_results

from .conftest import GOOD


def _read(content: bytes):
    document = docx.Document(io.BytesIO(content))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts += [cell.text for cell in row.cells]
    return document, "\n".join(texts)


def test_the_minutes_carry_the_header_members_conflicts_scores_and_conclusion(flow):
    flow.evaluating()
    flow.declare("pb1", "an", conflict=True)
    for name in ("chu", "thu", "pb2", "uv1", "uv2", "uv3"):
        flow.declare(name, "an")
        flow.score(name, "an")
    flow.all_score("binh", {**GOOD, "overview": "6", "budget": "4"})
    from research_tasks import services

    services.council_decide(council=flow.council, actor=flow.secretariat)
    flow.council.refresh_from_db()
    content = minutes_docx(council=flow.council, results=council_results(flow.council))
    document, text = _read(content)

    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "BIÊN BẢN" in text and flow.task.code in text
    assert "QĐ 05/2021/QĐ-UBND" in text  # the rule set in force on 10/06/2024
    assert "Hà Nội, ngày 10 tháng 6 năm 2024" in text
    for name in ("Lê Văn Chủ", "Phạm Thị Thư", "Hoàng Văn Phản", "Ngô Văn Ba"):
        assert name in text
    assert "Hoàng Văn Phản khai báo có xung đột lợi ích" in text
    assert "\n80\n" in text and "\n72\n" in text  # the two means, as table cells
    assert "Nguyễn Văn An làm chủ nhiệm" in text  # the conclusion
    assert "THƯ KÝ HỘI ĐỒNG" in text and "CHỦ TỊCH HỘI ĐỒNG" in text
    assert document.styles["Normal"].font.name == "Times New Roman"
    used = {run.font.name for p in document.paragraphs for run in p.runs} - {None}
    assert used <= {"Times New Roman"}  # every run takes the Normal font
    assert document.core_properties.category == "Biên bản"


def test_the_same_council_gives_the_same_bytes(flow):
    flow.evaluating(pis=("an",))
    flow.all_score("an")
    results = council_results(flow.council)
    assert minutes_docx(council=flow.council, results=results) == minutes_docx(council=flow.council, results=results)
