"""Review reports as DOCX and PDF: letterheads, tables, fonts, page set-up, determinism, escaping."""

import copy
import datetime
import io

import docx
import pytest
from django.core.exceptions import ImproperlyConfigured
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from reporting import documents
from reporting.documents import (
    KINDS,
    build_docx,
    build_pdf,
    default_template,
    render_report_html,
    report_fonts,
    vn_date,
)
from reporting.models import ReportTemplate
from reporting.tests.snapshot_sample import sample_snapshot

ISSUED_ON = datetime.date(2025, 4, 3)
FROZEN_AT_UTC = datetime.datetime(2025, 4, 1, 2, 0, tzinfo=datetime.UTC)  # 09:00 in Hà Nội
SECTIONS = [
    "I. KẾT QUẢ THỰC HIỆN",
    "II. CHỈ TIÊU",
    "III. NHIỆM VỤ TRỌNG TÂM THEO CƠ QUAN CHỦ TRÌ",
    "IV. HẠN CHẾ, NGUYÊN NHÂN",
    "V. ĐỀ XUẤT, KIẾN NGHỊ",
]


def template_for(fmt, kind="final", **changes):
    number = {"party": "Số 123-BC/TU", "state": "Số: 123/BC-UBND"}[fmt]
    defaults = default_template(fmt, kind, "07-CTr/TU")
    return defaults | {"format": fmt, "signer_name": "Nguyễn Văn A", "number_symbol": number} | changes


def read_docx(content: bytes):
    return docx.Document(io.BytesIO(content))


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture(scope="module")
def party_docx():
    return read_docx(build_docx(snapshot=sample_snapshot(), template=template_for("party"), issued_on=ISSUED_ON))


@pytest.fixture(scope="module")
def state_docx():
    return read_docx(build_docx(snapshot=sample_snapshot(), template=template_for("state"), issued_on=ISSUED_ON))


@pytest.fixture(scope="module")
def party_pdf():
    return build_pdf(snapshot=sample_snapshot(), template=template_for("party"), issued_on=ISSUED_ON)


@pytest.fixture(scope="module")
def state_pdf():
    return build_pdf(snapshot=sample_snapshot(), template=template_for("state"), issued_on=ISSUED_ON)


def lines(cell) -> list[str]:
    return [paragraph.text for paragraph in cell.paragraphs]


def table_with_header(document, first_label: str):
    return next(table for table in document.tables if table.rows[0].cells[0].text == first_label)


def is_group_row(row) -> bool:
    return row.cells[0]._tc is row.cells[-1]._tc


def body_text(document) -> str:
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def heading_index(document, text: str) -> int:
    return next(i for i, paragraph in enumerate(document.paragraphs) if paragraph.text == text)


# --- DOCX: letterhead, title, date ------------------------------------------------------------


def test_party_letterhead_names_the_issuer_and_the_party(party_docx):
    letterhead = party_docx.tables[0]
    issuer, party = letterhead.rows[0].cells
    number, date = letterhead.rows[1].cells
    assert lines(issuer) == ["ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "THÀNH ỦY HÀ NỘI", "*"]
    assert issuer.paragraphs[1].runs[0].bold and not issuer.paragraphs[0].runs[0].bold
    assert lines(party) == ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert party.paragraphs[0].runs[0].bold and party.paragraphs[0].runs[0].underline
    assert number.text == "Số 123-BC/TU"
    assert date.text == "Hà Nội, ngày 03 tháng 4 năm 2025"
    assert date.paragraphs[0].runs[0].italic


def test_the_letterhead_table_has_no_borders(party_docx, state_docx):
    for document in (party_docx, state_docx):
        letterhead = document.tables[0]
        assert letterhead.style is None or letterhead.style.name != "Table Grid"
        assert not letterhead._tbl.xpath(".//w:tblBorders | .//w:tcBorders")


def test_state_letterhead_has_the_national_title_motto_and_rules(state_docx):
    letterhead = state_docx.tables[0]
    issuer, nation = letterhead.rows[0].cells
    number, date = letterhead.rows[1].cells
    assert lines(issuer)[:2] == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"]
    assert issuer.paragraphs[1].runs[0].bold
    assert lines(nation)[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert all(paragraph.runs[0].bold for paragraph in nation.paragraphs[:2])
    # the short lines under the issuer's name and under the motto
    for cell in (issuer, nation):
        rule = cell.paragraphs[2]
        assert rule.text == "" and rule._p.xpath("./w:pPr/w:pBdr/w:top")
    assert number.text == "Số: 123/BC-UBND"
    assert date.text == "Hà Nội, ngày 03 tháng 4 năm 2025"


def test_the_title_follows_the_letterhead_in_bold_centred_lines(party_docx):
    title = template_for("party")["title"].replace("{programme_issuer}", "Thành ủy Hà Nội")
    expected = title.replace("{programme_title}", sample_snapshot()["programme"]["title"]).split("\n")
    paragraphs = party_docx.paragraphs[: len(expected)]
    assert [paragraph.text for paragraph in paragraphs] == expected
    assert expected[0] == "BÁO CÁO" and expected[1] == "Tổng kết thực hiện Chương trình số 07-CTr/TU"
    assert all(run.bold for paragraph in paragraphs for run in paragraph.runs)
    assert all(paragraph.style.name == "Report Centre" for paragraph in paragraphs)


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (datetime.date(2025, 4, 3), "ngày 03 tháng 4 năm 2025"),
        (datetime.date(2025, 2, 15), "ngày 15 tháng 02 năm 2025"),
        (datetime.date(2025, 1, 9), "ngày 09 tháng 01 năm 2025"),
        (datetime.date(2025, 12, 25), "ngày 25 tháng 12 năm 2025"),
    ],
)
def test_dates_pad_days_below_ten_and_january_and_february(day, text):
    assert vn_date(day) == text


# --- DOCX: body and tables ---------------------------------------------------------------------


def test_sections_come_in_order_then_the_annex(party_docx):
    level_one = [p.text for p in party_docx.paragraphs if p.style.name == "Report Heading 1"]
    assert level_one == SECTIONS
    annex = heading_index(party_docx, "PHỤ LỤC: NGUỒN SỐ LIỆU")
    assert annex > heading_index(party_docx, SECTIONS[-1])
    assert party_docx.paragraphs[annex + 1].text == "(Kèm theo Báo cáo số 123-BC/TU ngày 03/4/2025)"


def test_the_indicator_table_has_a_row_per_indicator_with_its_result_and_assessment(party_docx):
    indicators = sample_snapshot()["indicators"]
    table = table_with_header(party_docx, "TT/Mã")
    header = [cell.text for cell in table.rows[0].cells]
    assert header == ["TT/Mã", "Chỉ tiêu", "Cơ sở", "Mục tiêu", "Kết quả", "Kỳ trước", "Đánh giá"]
    rows = table.rows[1:]
    assert [row.cells[0].text for row in rows] == [ind["code"] for ind in indicators]
    for row, ind in zip(rows, indicators, strict=True):
        cells = {label: cell.text for label, cell in zip(header, row.cells, strict=True)}
        assert cells["Chỉ tiêu"].startswith(ind["name"])
        if ind["value"] is None:
            assert cells["Kết quả"] == "Chưa có số liệu"
        else:
            assert cells["Kết quả"].startswith(f"{ind['value_text']} ({ind['period']})")
        assert ("(ước tính)" in cells["Kết quả"]) == (ind["kind"] == "provisional" and ind["value"] is not None)
        assert ("(minh họa)" in cells["Kết quả"]) == ind["is_illustrative"]
        assert cells["Kỳ trước"] == (ind["previous_value_text"] or "—")
        assert cells["Đánh giá"] == (ind["status_label"] or "Theo dõi")
    ct1 = {label: cell.text for label, cell in zip(header, rows[0].cells, strict=True)}
    assert ct1["Kết quả"] == "48,6% (2024) (ước tính) (minh họa)"
    assert ct1["Cơ sở"] == "46% (2016 - 2020)" and ct1["Mục tiêu"] == "> 50% (2025)"


def test_without_a_previous_review_the_indicator_table_has_no_previous_column():
    snapshot = sample_snapshot()
    snapshot["previous"] = None
    for ind in snapshot["indicators"]:
        ind["previous_value_text"] = None
    document = read_docx(build_docx(snapshot=snapshot, template=template_for("state"), issued_on=ISSUED_ON))
    header = [cell.text for cell in table_with_header(document, "TT/Mã").rows[0].cells]
    assert header == ["TT/Mã", "Chỉ tiêu", "Cơ sở", "Mục tiêu", "Kết quả", "Đánh giá"]


def test_the_task_table_is_grouped_by_lead_agency(party_docx):
    tasks = sorted(sample_snapshot()["tasks"], key=lambda task: task["number"])
    expected: dict[str, list[str]] = {}
    for task in tasks:
        for lead in task["leads"]:
            expected.setdefault(lead, []).append(str(task["number"]))
    table = table_with_header(party_docx, "TT")
    assert [cell.text for cell in table.rows[0].cells] == ["TT", "Nhiệm vụ, đề án, dự án", "Trạng thái", "Tiến độ"]
    found: dict[str, list[str]] = {}
    current = None
    for row in table.rows[1:]:
        if is_group_row(row):
            current = row.cells[0].text
            found[current] = []
        else:
            found[current].append(row.cells[0].text)
    assert found == {f"{lead} ({len(numbers)} nhiệm vụ)": numbers for lead, numbers in expected.items()}
    first_ubnd = table.rows[2].cells
    assert first_ubnd[1].text == tasks[0]["title"]
    assert first_ubnd[2].text == "Đang triển khai → Hoàn thành"
    assert first_ubnd[3].text == "70% → 100%"


def test_tasks_show_their_change_since_the_previous_review(party_docx):
    text = body_text(party_docx)
    assert "Tình trạng: Đang triển khai → Hoàn thành; tiến độ: 70% → 100%." in text  # task 1
    assert "Tình trạng: Đang triển khai; tiến độ: 50% → 80%." in text  # task 2, status unchanged
    assert "Tình trạng: Đang triển khai; tiến độ: 60%." in text  # task 10, no previous figures


def test_tasks_are_reported_under_their_group_of_solutions(party_docx):
    text = body_text(party_docx)
    groups = sample_snapshot()["solution_groups"]
    positions = [text.index(f"2.{i}. {group['title']}") for i, group in enumerate(groups, start=1)]
    assert positions == sorted(positions)
    institutions, capacity = positions[0], positions[1]
    assert institutions < text.index("- Nhiệm vụ 1: ") < capacity < text.index("- Nhiệm vụ 3: ")


def test_shortcomings_and_proposals_are_prefixed_with_their_agency(party_docx):
    agencies = sample_snapshot()["agencies"]
    for section, next_section, key in ((SECTIONS[3], SECTIONS[4], "shortcomings"), (SECTIONS[4], None, "proposals")):
        start = heading_index(party_docx, section) + 1
        end = heading_index(party_docx, next_section) if next_section else start + len(agencies)
        paragraphs = [p.text for p in party_docx.paragraphs[start:end] if p.text.startswith("- ")]
        expected = [f"- {agency['name']}: {agency[key]}" for agency in agencies if agency[key]]
        assert paragraphs == expected
        assert paragraphs[0].startswith("- Sở Khoa học và Công nghệ: ")


def test_the_signature_block_has_the_recipients_left_and_the_signer_right(party_docx):
    signature = next(t for t in party_docx.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:"))
    recipients, signer = signature.rows[0].cells
    assert lines(recipients)[0] == "Nơi nhận:"
    assert recipients.paragraphs[0].runs[0].bold
    assert all(run.italic or p.style.font.italic for p in recipients.paragraphs for run in p.runs)
    assert [line for line in lines(signer) if line] == ["T/M THÀNH ỦY", "BÍ THƯ", "Nguyễn Văn A"]
    assert all(run.bold for p in signer.paragraphs for run in p.runs)


def test_the_annex_lists_every_source(party_docx):
    sources = sample_snapshot()["sources"]
    table = party_docx.tables[-1]
    header = [cell.text for cell in table.rows[0].cells]
    assert header == ["TT", "Chỉ tiêu", "Kỳ số liệu", "Nguồn", "Đường dẫn", "Minh họa"]
    assert len(table.rows) - 1 == len(sources)
    for row, source in zip(table.rows[1:], sources, strict=True):
        cells = [cell.text for cell in row.cells]
        assert cells[1].startswith(source["indicator"])
        assert cells[2:5] == [source["period"], source["source"], source["url"]]
        assert cells[5] == ("Có" if source["is_illustrative"] else "")


def test_data_tables_are_real_word_tables_whose_rows_do_not_split(party_docx):
    for first_label in ("TT/Mã", "TT"):
        table = table_with_header(party_docx, first_label)
        assert table.style.name == "Table Grid"
        assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")  # repeated on each page
        assert all(row._tr.xpath("./w:trPr/w:cantSplit") for row in table.rows)


# --- DOCX: fonts, page, properties, determinism -------------------------------------------------


def test_the_document_is_set_in_times_new_roman(party_docx):
    normal = party_docx.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == 14
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
    assert not any("Theme" in name or "theme" in name for name in fonts.attrib)
    defaults = party_docx.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:ascii")) == "Times New Roman"
    assert party_docx.styles["Report Body"].font.size.pt == 14
    runs = [run for p in party_docx.paragraphs for run in p.runs]
    runs += [
        run
        for t in party_docx.tables
        for row in t.rows
        for cell in row.cells
        for p in cell.paragraphs
        for run in p.runs
    ]
    assert runs and all(run.font.name in (None, "Times New Roman") for run in runs)


def test_the_page_is_a4_with_decree_30_margins(party_docx):
    section = party_docx.sections[0]
    assert section.page_width.mm == pytest.approx(210, abs=0.1)
    assert section.page_height.mm == pytest.approx(297, abs=0.1)
    assert 20 <= round(section.top_margin.mm) <= 25
    assert 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35
    assert 15 <= round(section.right_margin.mm) <= 20


def test_core_properties_carry_the_freezing_time_and_the_issuer(party_docx, state_docx):
    for document, issuer in ((party_docx, "THÀNH ỦY HÀ NỘI"), (state_docx, "THÀNH PHỐ HÀ NỘI")):
        props = document.core_properties
        assert props.created == props.modified == props.last_printed == FROZEN_AT_UTC
        assert props.author == issuer
        assert props.title.startswith("BÁO CÁO Tổng kết")


def test_the_docx_is_the_same_when_built_again():
    build = lambda: build_docx(snapshot=sample_snapshot(), template=template_for("party"), issued_on=ISSUED_ON)  # noqa: E731
    assert build() == build()


def test_placeholders_in_the_texts_are_filled_from_the_snapshot():
    template = template_for("party", opening="Số liệu đến {cutoff}; kỳ trước: {previous_title}; {unknown}.")
    document = read_docx(build_docx(snapshot=sample_snapshot(), template=template, issued_on=ISSUED_ON))
    assert "Số liệu đến 31/3/2025; kỳ trước: Sơ kết giữa kỳ 2023; {unknown}." in body_text(document)


@pytest.mark.parametrize(
    ("kind", "subject"),
    [
        ("annual", "Kết quả thực hiện Chương trình số 07-CTr/TU năm 2025"),
        ("half_year", "Kết quả thực hiện Chương trình số 07-CTr/TU 6 tháng đầu năm 2025"),
        ("quarter", "Kết quả thực hiện Chương trình số 07-CTr/TU quý I năm 2025"),
        ("mid_term", "Sơ kết giữa nhiệm kỳ thực hiện Chương trình số 07-CTr/TU"),
        ("final", "Tổng kết thực hiện Chương trình số 07-CTr/TU"),
    ],
)
def test_every_kind_of_round_gets_its_own_title(kind, subject):
    snapshot = sample_snapshot()
    snapshot["round"]["kind"] = kind
    for fmt in ("party", "state"):
        document = read_docx(build_docx(snapshot=snapshot, template=template_for(fmt, kind), issued_on=ISSUED_ON))
        assert [p.text for p in document.paragraphs[:2]] == ["BÁO CÁO", subject]


def test_default_templates_fit_the_model_for_every_format_and_kind():
    fields = {f.name: f for f in ReportTemplate._meta.get_fields()}
    for fmt in ("party", "state"):
        for kind in KINDS:
            texts = default_template(fmt, kind, "07-CTr/TU")
            assert set(texts) == {
                "issuer_parent",
                "issuer",
                "number_symbol",
                "place",
                "title",
                "opening",
                "closing",
                "recipients",
                "signer_title",
                "signer_name",
            }
            for name, value in texts.items():
                limit = fields[name].max_length
                assert limit is None or len(value) <= limit, (fmt, kind, name)
            assert texts["title"].startswith("BÁO CÁO\n")
            assert texts["recipients"].startswith("Nơi nhận:\n")
    state = default_template("state", "final", "07-CTr/TU")
    assert (state["issuer_parent"], state["issuer"]) == ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI")
    assert state["signer_title"] == "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"
    party = default_template("party", "final", "07-CTr/TU")
    assert (party["issuer_parent"], party["issuer"]) == ("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "THÀNH ỦY HÀ NỘI")


def test_an_unknown_format_or_kind_is_refused():
    with pytest.raises(ValueError):
        default_template("royal", "final", "07-CTr/TU")
    with pytest.raises(ValueError):
        default_template("party", "weekly", "07-CTr/TU")


def test_a_snapshot_without_agencies_sources_or_previous_review_still_builds():
    snapshot = sample_snapshot() | {"agencies": [], "sources": [], "previous": None, "tasks": []}
    document = read_docx(build_docx(snapshot=snapshot, template=template_for("state"), issued_on=ISSUED_ON))
    assert "Không có ý kiến của các cơ quan, đơn vị." in body_text(document)
    assert "Không có nguồn số liệu được ghi nhận." in body_text(document)
    assert "Đánh giá" in pdf_text(build_pdf(snapshot=snapshot, template=template_for("state"), issued_on=ISSUED_ON))


# --- PDF ---------------------------------------------------------------------------------------


def test_the_party_pdf_has_the_letterhead_and_vietnamese_text_exactly(party_pdf):
    text = pdf_text(party_pdf)
    for line in (
        "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
        "THÀNH ỦY HÀ NỘI",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 123-BC/TU Hà Nội, ngày 03 tháng 4 năm 2025",
        "BÁO CÁO",
        "Tổng kết thực hiện Chương trình số 07-CTr/TU",
        "T/M THÀNH ỦY",
        "PHỤ LỤC: NGUỒN SỐ LIỆU",
        *SECTIONS,
    ):
        assert line in text.splitlines(), line
    # phrases inside paragraphs and table cells may wrap: compare with the lines joined
    flat = " ".join(text.split())
    for phrase in (
        "Đánh giá",
        "Kỳ trước",
        "Tiến bộ vừa phải",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Đang triển khai → Hoàn thành",
        "48,6% (2024) (ước tính) (minh họa)",
        "Ban Thường vụ Thành ủy báo cáo tổng kết việc thực hiện Chương trình",
    ):
        assert phrase in flat, phrase


def test_the_state_pdf_has_the_national_title_and_motto(state_pdf):
    text = pdf_text(state_pdf)
    for expected in (
        "ỦY BAN NHÂN DÂN",
        "THÀNH PHỐ HÀ NỘI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 123/BC-UBND",
        "Hà Nội, ngày 03 tháng 4 năm 2025",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
    ):
        assert expected in text, expected


def test_every_pdf_font_is_embedded_liberation_serif(party_pdf, state_pdf):
    for content in (party_pdf, state_pdf):
        seen = set()
        for page in PdfReader(io.BytesIO(content)).pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
                descriptor = descendant["/FontDescriptor"].get_object()
                embedded = [key for key in ("/FontFile2", "/FontFile", "/FontFile3") if key in descriptor]
                assert embedded, font["/BaseFont"]
                assert "LiberationSerif" in font["/BaseFont"]
                program = TTFont(io.BytesIO(descriptor[embedded[0]].get_object().get_data()))
                assert program["name"].getDebugName(1) == "Liberation Serif"
                seen.add(program["name"].getDebugName(2))
        assert seen == {"Regular", "Bold", "Italic", "Bold Italic"}


def test_the_pdf_is_a4_and_its_text_starts_at_the_left_margin(party_pdf):
    reader = PdfReader(io.BytesIO(party_pdf))
    page = reader.pages[1]
    assert float(page.mediabox.width) == pytest.approx(595.28, abs=0.5)
    assert float(page.mediabox.height) == pytest.approx(841.89, abs=0.5)
    starts = []
    page.extract_text(
        visitor_text=lambda text, cm, tm, *_: starts.append(tm[4] * cm[0] + cm[4]) if text.strip() else None
    )
    left_mm = min(starts) * 25.4 / 72
    assert left_mm == pytest.approx(30, abs=1)


def test_the_pdf_metadata_is_the_freezing_time_and_the_issuer(party_pdf):
    metadata = PdfReader(io.BytesIO(party_pdf)).metadata
    assert metadata.author == "THÀNH ỦY HÀ NỘI"
    assert metadata.title.startswith("BÁO CÁO Tổng kết thực hiện Chương trình số 07-CTr/TU")
    assert metadata.creation_date.astimezone(datetime.UTC) == FROZEN_AT_UTC
    assert metadata.modification_date.astimezone(datetime.UTC) == FROZEN_AT_UTC


def test_the_pdf_is_the_same_when_built_again(party_pdf):
    again = build_pdf(snapshot=sample_snapshot(), template=template_for("party"), issued_on=ISSUED_ON)
    assert pdf_text(again) == pdf_text(party_pdf)
    assert again == party_pdf


def test_html_in_snapshot_texts_is_printed_literally():
    snapshot = sample_snapshot()
    snapshot["tasks"][0]["narrative"] = "<b>x</b> & <img src='file:///etc/passwd'>"
    snapshot["agencies"][0]["name"] = "<i>Sở</i> KH&CN"
    html = render_report_html(snapshot=snapshot, template=template_for("party"), issued_on=ISSUED_ON)
    assert "&lt;b&gt;x&lt;/b&gt; &amp; &lt;img" in html and "<b>x</b>" not in html and "<img" not in html
    text = pdf_text(build_pdf(snapshot=snapshot, template=template_for("party"), issued_on=ISSUED_ON))
    assert "<b>x</b> & <img src='file:///etc/passwd'>" in text
    assert "- <i>Sở</i> KH&CN:" in text
    document = read_docx(build_docx(snapshot=snapshot, template=template_for("party"), issued_on=ISSUED_ON))
    assert "<b>x</b> & <img src='file:///etc/passwd'>" in body_text(document)


def test_the_pdf_renderer_fetches_nothing_but_the_report_fonts():
    fonts = tuple(path.as_uri() for path in report_fonts().values())
    fetcher = documents._fonts_only_fetcher(fonts)
    with pytest.raises(ValueError):
        fetcher("file:///etc/passwd")
    with pytest.raises(ValueError):
        fetcher("https://example.org/logo.png")
    assert fetcher(fonts[0]).read(4) in (b"\x00\x01\x00\x00", b"true")


def test_missing_vietnamese_fonts_are_a_clear_configuration_error(settings, tmp_path, monkeypatch):
    report_fonts.cache_clear()
    settings.REPORT_FONT_DIR = str(tmp_path)
    monkeypatch.setattr(documents, "FONT_DIRS", ())
    try:
        with pytest.raises(ImproperlyConfigured, match="fonts-liberation2"):
            report_fonts()
    finally:
        report_fonts.cache_clear()


def test_the_sample_snapshot_is_a_fresh_copy_each_time():
    first = sample_snapshot()
    first["tasks"].clear()
    assert sample_snapshot()["tasks"] and copy.deepcopy(sample_snapshot()) == sample_snapshot()
