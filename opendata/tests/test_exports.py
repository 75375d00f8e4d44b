"""Downloads of each dataset: the three formats, streaming, Vietnamese text, filters."""

import csv
import io
from decimal import Decimal

import pytest
from django.http import FileResponse
from openpyxl import load_workbook

from .helpers import body, csv_dicts, csv_rows, json_doc

pytestmark = pytest.mark.django_db


def test_measurements_csv_starts_with_the_bom_and_round_trips_vietnamese(client, programme, figures):
    response = client.get("/du-lieu-mo/measurements.csv", {"programme": programme.slug})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="measurements-' in response["Content-Disposition"]
    header, *rows = csv_rows(response)
    assert header[:4] == ["Chương trình", "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị"]
    assert len(rows) == 4
    official = next(
        r
        for r in csv_dicts(client.get("/du-lieu-mo/measurements.csv"))
        if r["Loại số liệu"] == "Chính thức" and r["Mã chỉ tiêu"] == "CT2"
    )
    assert official["Tên chỉ tiêu"] == "Tốc độ tăng năng suất lao động"
    assert official["Nguồn"] == "Cục Thống kê thành phố Hà Nội, niên giám 2023"
    assert official["Ghi chú"] == "Số chính thức: năng suất lao động tăng 7,12%"
    # machine-readable numbers and dates
    assert official["Giá trị"] == "7.12"
    assert official["Ngày công bố"] == "2024-03-01"
    assert official["Dữ liệu minh họa"] == "false"


def test_csv_header_can_use_the_machine_keys(client, figures):
    header, *_rows = csv_rows(client.get("/du-lieu-mo/measurements.csv", {"header": "key"}))
    assert header[:5] == ["programme", "indicator_code", "indicator_name", "unit", "period"]


def test_measurements_json_parses_with_stable_keys(client, programme, figures):
    doc = json_doc(client.get("/du-lieu-mo/measurements.json", {"programme": programme.slug, "kind": "official"}))
    assert doc["dataset"] == "measurements"
    assert doc["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert doc["filters"] == {"programme": programme.slug, "kind": "official"}
    assert {"key": "indicator_name", "label": "Tên chỉ tiêu"} in doc["columns"]
    assert doc["count"] == len(doc["rows"]) == 2
    row = next(r for r in doc["rows"] if r["indicator_code"] == "CT2")
    assert row["value"] == 7.12 and row["kind"] == "official" and row["kind_label"] == "Chính thức"
    assert row["period"] == "2023" and row["published_on"] == "2024-03-01"


def test_measurements_xlsx_opens_with_openpyxl_and_has_the_rows(client, programme, figures):
    response = client.get("/du-lieu-mo/measurements.xlsx", {"programme": programme.slug, "year": 2023})
    assert response.status_code == 200
    assert isinstance(response, FileResponse)
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = load_workbook(io.BytesIO(body(response)))
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Chương trình", "Mã chỉ tiêu", "Tên chỉ tiêu")
    assert len(rows) == 1 + 3  # CT2 provisional and official, CT3 official of 2023
    values = {(r[1], r[8]): r[10] for r in rows[1:]}
    assert values[("CT2", "official")] == pytest.approx(7.12)
    assert values[("CT3", "official")] == pytest.approx(71.5)
    about = dict(workbook.worksheets[1].iter_rows(values_only=True))
    assert "CC BY 4.0" in about["Giấy phép"]


def test_measurement_filters_are_honoured(client, programme, figures):
    def codes_periods(**params):
        return sorted(
            (r["indicator_code"], r["period"], r["kind"])
            for r in json_doc(client.get("/du-lieu-mo/measurements.json", params))["rows"]
        )

    assert codes_periods(indicator="CT2", year=2024) == [("CT2", "2024", "provisional")]
    assert codes_periods(programme=programme.slug, indicator="CT3") == [("CT3", "2023", "official")]
    assert codes_periods(kind="provisional") == [("CT2", "2023", "provisional"), ("CT2", "2024", "provisional")]


def test_indicators_export_gives_targets_latest_value_and_status(client, programme, figures):
    rows = {
        r["code"]: r for r in json_doc(client.get("/du-lieu-mo/indicators.json", {"programme": programme.slug}))["rows"]
    }
    assert rows.keys() == set(programme.indicators.values_list("code", flat=True))
    ct2 = rows["CT2"]
    assert ct2["name"] == "Tốc độ tăng năng suất lao động"
    assert (ct2["target_value"], ct2["target_upper"], ct2["target_year"]) == (7.0, 7.5, 2025)
    assert (ct2["latest_period"], ct2["latest_value"]) == ("2024", 7.3)
    assert rows["CT1.1"]["parent_code"] == "CT1"
    assert ct2["status"] and ct2["status_label"]


def test_key_tasks_follow_the_task_list_filters(client, programme, task_updates, agency):
    first, second = task_updates
    everything = json_doc(client.get("/du-lieu-mo/key-tasks.json", {"programme": programme.slug}))
    assert everything["count"] == programme.key_tasks.count()
    behind = json_doc(client.get("/du-lieu-mo/key-tasks.json", {"programme": programme.slug, "status": "behind"}))
    assert [r["number"] for r in behind["rows"]] == [second.number]
    assert behind["rows"][0]["status_label"] == "Chậm tiến độ" and behind["rows"][0]["progress"] == 40
    lead = first.lead_links.first().agency
    by_agency = json_doc(client.get("/du-lieu-mo/key-tasks.json", {"agency": lead.slug}))
    expected = set(programme.key_tasks.filter(lead_agencies=lead).values_list("number", flat=True))
    assert {r["number"] for r in by_agency["rows"]} == expected
    assert all(lead.name in r["lead_agencies"] for r in by_agency["rows"])


def test_key_task_updates_export_the_update_text(client, programme, task_updates):
    rows = csv_dicts(client.get("/du-lieu-mo/key-task-updates.csv", {"programme": programme.slug}))
    texts = {r["Nội dung cập nhật"] for r in rows}
    assert "Chậm tiến độ do điều chỉnh quy hoạch; đề xuất gia hạn đến quý II." in texts
    only_2025 = csv_dicts(client.get("/du-lieu-mo/key-task-updates.csv", {"year": 2025}))
    assert [r["Ngày báo cáo"] for r in only_2025] == ["2025-01-15"]
    behind = csv_dicts(client.get("/du-lieu-mo/key-task-updates.csv", {"status": "behind"}))
    assert [r["Trạng thái"] for r in behind] == ["Chậm tiến độ"]


def test_research_tasks_follow_the_list_filters(client, research_tasks):
    doc = json_doc(client.get("/du-lieu-mo/research-tasks.json", {"year": 2024}))
    assert [r["code"] for r in doc["rows"]] == ["01C-2024", "02C-2024"]
    ordered = json_doc(client.get("/du-lieu-mo/research-tasks.json", {"stage": "ordered"}))
    assert [r["code"] for r in ordered["rows"]] == ["02C-2024"]
    assert ordered["rows"][0]["funding_ceiling"] == 900.5
    assert ordered["rows"][0]["stage_label"] == "Đã đặt hàng"
    rows = csv_dicts(client.get("/du-lieu-mo/research-tasks.csv"))
    assert {r["Tên nhiệm vụ"] for r in rows} >= {"Ứng dụng trí tuệ nhân tạo trong quản lý giao thông"}
    assert next(r for r in rows if r["Mã số"] == "02C-2024")["Kinh phí tối đa (triệu đồng)"] == "900.5"


def test_research_outputs_follow_the_search_page(client, outputs):
    def titles(**params):
        return [r["title"] for r in json_doc(client.get("/du-lieu-mo/research-outputs.json", params))["rows"]]

    assert titles(q="ngap ung") == ["Cảnh báo ngập úng đô thị Hà Nội bằng học máy"]  # without accents
    assert titles(kind="patent") == ["Quy trình sản xuất gạch không nung từ tro bay"]
    assert sorted(titles(year=2023)) == sorted([outputs[1].title, outputs[2].title])
    assert titles(organisation="vast") == [outputs[2].title]
    rows = json_doc(client.get("/du-lieu-mo/research-outputs.json", {"kind": "article", "year": 2023}))["rows"]
    assert rows[0]["doi"] == "10.1234/ngap.2023" and rows[0]["organisations"] == "Đại học Bách khoa Hà Nội"


def test_research_outputs_xlsx_keeps_text_that_looks_like_a_formula_as_text(client, outputs):
    from research.models import Output

    Output.objects.filter(pk=outputs[0].pk).update(venue='=HYPERLINK("http://x")')
    workbook = load_workbook(io.BytesIO(body(client.get("/du-lieu-mo/research-outputs.xlsx", {"year": 2022}))))
    sheet = workbook.worksheets[0]
    assert sheet.cell(row=2, column=6).data_type == "s"
    assert sheet.cell(row=2, column=6).value == '=HYPERLINK("http://x")'


def test_csv_neutralises_text_that_excel_would_run(client, outputs):
    from research.models import Output

    Output.objects.filter(pk=outputs[0].pk).update(venue="=1+2", authors_text="- Nguyễn Văn An")
    (row,) = csv_dicts(client.get("/du-lieu-mo/research-outputs.csv", {"year": 2022}))
    assert row["Tạp chí, nơi công bố"] == "'=1+2"
    assert row["Tác giả"] == "- Nguyễn Văn An"  # a dash and a space is a list item, kept as it is


def test_measurements_are_read_in_chunks_not_all_at_once(client, figures, monkeypatch):
    """The CSV is a stream built while the rows are read with .iterator(chunk_size)."""
    from opendata import exports, selectors

    monkeypatch.setattr(selectors, "CHUNK", 1)
    monkeypatch.setattr(exports, "ROWS_PER_CHUNK", 2)
    response = client.get("/du-lieu-mo/measurements.csv")
    chunks = list(response.streaming_content)
    assert len(chunks) == 3  # the header, then two chunks of two rows
    assert chunks[0].startswith("\ufeff".encode())
    first, second = (list(csv.reader(io.StringIO(c.decode()))) for c in chunks[1:])
    assert [r[9] for r in first] == ["Chính thức", "Ước tính"]  # CT2 2023
    assert [Decimal(r[10]) for r in second] == [Decimal("7.3"), Decimal("71.5")]  # CT2 2024, CT3 2023


def test_an_english_reader_gets_the_labels_in_english_while_the_stream_runs(client, figures, english_served):
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    rows = json_doc(client.get("/du-lieu-mo/measurements.json", {"kind": "official"}))["rows"]
    assert {r["kind_label"] for r in rows} == {"Official"}
    assert {r["kind"] for r in rows} == {"official"}  # the machine value stays the same
