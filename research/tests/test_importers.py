"""Reading BibTeX, RIS and Crossref JSON: every entry read, every problem located."""

import json

import pytest
from django.core.exceptions import ValidationError

from research.importers import parse_file


def refs(items):
    return [item["ref"] for item in items]


def test_bibtex_entries_are_read_with_latex_accents_strings_and_orcids(read_data):
    format, entries, rejected = parse_file(data=read_data("publications.bib"), filename="x.bib")

    assert format == "bibtex"
    assert refs(entries) == [{"line": 4}, {"line": 12}, {"line": 19}, {"line": 49}, {"line": 57}]
    first, conference, book = entries[:3]
    assert first["venue"] == "Vietnam Journal of Science and Technology"  # from @string
    assert first["doi"] == "10.99999/test.bib.1"  # the https://doi.org/ link is reduced
    assert first["authors"][0] == {
        "name": "Nguyễn, Văn An",
        "family": "Nguyễn",
        "given": "Văn An",
        "orcid": "0000-0002-1825-0097",
    }
    assert conference["kind"] == "conference"
    assert conference["authors"][0]["name"] == "Trần, Thị Bình"  # {\`{\^a}} is â with a grave accent
    assert (book["kind"], book["year"], book["venue"]) == ("book", 2020, "NXB Đại học Quốc gia Hà Nội")


def test_bibtex_rejections_give_the_line_and_the_reason(read_data):
    _format, _entries, rejected = parse_file(data=read_data("publications.bib"), filename="x.bib")

    reasons = {item["ref"]["line"]: item["reasons"] for item in rejected}
    assert list(reasons) == [26, 32, 39, 45]
    assert reasons[26] == ["Thiếu tên (title)."]
    assert "DOI “11.1234/not-a-doi” không hợp lệ" in reasons[32][0]
    assert reasons[39] == ["Loại ấn phẩm “phdthesis” chưa được hỗ trợ."]
    assert "Không đọc được mục này" in reasons[45][0]


def test_a_broken_bibtex_entry_does_not_swallow_the_next_one():
    text = "@article{a, title={Unclosed, year=2020\n@article{b, title={Đóng đủ}, year={2021}}\n"
    _format, entries, rejected = parse_file(data=text.encode(), filename="x.bib")

    assert [(e["ref"], e["title"]) for e in entries] == [({"line": 2}, "Đóng đủ")]
    assert refs(rejected) == [{"line": 1}]


def test_ris_records_are_read_and_problems_located_by_line(read_data):
    format, entries, rejected = parse_file(data=read_data("publications.ris"), filename="x.ris")

    assert format == "ris"
    article, patent = entries
    assert (article["ref"], article["year"], article["doi"]) == ({"line": 1}, 2024, "10.99999/test.ris.1")
    assert article["authors"][1]["orcid"] == "0000-0002-1825-0097"
    assert article["url"] == "https://example.org/pm25"
    assert (patent["kind"], patent["patent_number"]) == ("patent", "1-0034567")
    assert [(r["ref"]["line"], r["reasons"][0]) for r in rejected] == [
        (19, "Thiếu năm công bố hoặc năm không hợp lệ."),
        (24, "Loại ấn phẩm “THES” chưa được hỗ trợ."),
        (29, "Mục không kết thúc bằng dòng “ER  -”."),
    ]


def test_one_crossref_work_message_is_read(read_data):
    format, [entry], rejected = parse_file(data=read_data("crossref-work.json"), filename="work.json")

    assert (format, rejected) == ("crossref", [])
    assert entry["doi"] == "10.99999/test.crossref.1"
    assert entry["year"] == 2023
    assert entry["authors"][0] == {
        "name": "Nguyen, Van An",
        "family": "Nguyen",
        "given": "Van An",
        "orcid": "0000-0002-1825-0097",
    }
    assert entry["abstract"] == "Arsenic in groundwater of Hanoi."


def test_crossref_items_are_rejected_by_index(read_data):
    _format, entries, rejected = parse_file(data=read_data("crossref-items.json"), filename="items.json")

    assert refs(entries) == [{"index": 0}]
    assert [(r["ref"]["index"], r["reasons"][0]) for r in rejected] == [
        (1, "Loại ấn phẩm “dataset” chưa được hỗ trợ."),
        (2, "DOI “not a doi” không hợp lệ (dạng 10.1234/abc)."),
        (3, "Thiếu tên (title)."),
        (4, "Phần tử không phải là một bản ghi."),
    ]


def test_a_plain_list_of_crossref_works_is_accepted():
    works = [{"type": "book", "title": ["Sách"], "issued": {"date-parts": [[2019]]}}]
    _format, [entry], _rejected = parse_file(data=json.dumps(works).encode(), filename="works.json")
    assert (entry["kind"], entry["ref"]) == ("book", {"index": 0})


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "a.bib", "Tệp rỗng."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "picture.bib", "không phải là tệp văn bản"),
        (b"TY  - JOUR\nTI  - Nguy\xe9n\n", "a.ris", "UTF-8"),
        (b"just some words", "notes.txt", "Không nhận ra định dạng"),
        (b"% only a comment\n", "a.bib", "Không tìm thấy mục BibTeX nào"),
        (b'{"message": {"items": [\n  {"title": ["x"],\n  ]\n}', "broken.json", "dòng 3, cột 3"),
        (b'{"hello": 1}', "a.json", "không phải là bản ghi Crossref"),
    ],
)
def test_an_unreadable_file_is_refused_as_a_whole(data, filename, message):
    with pytest.raises(ValidationError) as error:
        parse_file(data=data, filename=filename)
    assert message in error.value.message_dict["file"][0]


def test_a_file_over_the_size_limit_is_refused(settings, monkeypatch):
    from research import importers

    monkeypatch.setattr(importers, "MAX_BYTES", 1024)
    with pytest.raises(ValidationError) as error:
        parse_file(data=b"@article{a, title={x}, year=2020}\n" * 100, filename="a.bib")
    assert "Tệp quá lớn" in error.value.message_dict["file"][0]


def test_a_utf16_file_with_a_byte_order_mark_is_read():
    data = "TY  - JOUR\nTI  - Nghiên cứu\nPY  - 2020\nER  - \n".encode("utf-16")
    _format, [entry], _ = parse_file(data=data, filename="endnote.ris")
    assert entry["title"] == "Nghiên cứu"


def test_the_format_is_recognised_by_content_when_the_name_does_not_say():
    format, [entry], _ = parse_file(data=b"TY  - JOUR\nTI  - X\nPY  - 2020\nER  - \n", filename="export.txt")
    assert format == "ris" and entry["title"] == "X"
