"""Bad download requests get a clear 400 (a page, or a JSON error body for .json), never a 500."""

import pytest

pytestmark = pytest.mark.django_db


def _messages(response) -> str:
    return response.content.decode()


def test_an_unknown_format_is_refused_with_a_page(client):
    response = client.get("/du-lieu-mo/measurements.pdf")
    assert response.status_code == 400
    assert "Định dạng “pdf” không được hỗ trợ: chọn CSV, XLSX hoặc JSON." in _messages(response)
    assert "Giá trị đo của các chỉ tiêu" in _messages(response)


def test_an_unknown_dataset_is_not_found(client):
    assert client.get("/du-lieu-mo/secrets.csv").status_code == 404


@pytest.mark.parametrize(
    ("dataset", "params", "field"),
    [
        ("measurements", {"programme": "khong-co"}, "Chương trình"),
        ("measurements", {"year": "hai-nghin"}, "Năm"),
        ("measurements", {"year": "99999"}, "Năm"),
        ("measurements", {"kind": "draft"}, "Loại số liệu"),
        ("measurements", {"indicator": "CT99"}, "Mã chỉ tiêu"),
        ("indicators", {"programme": "khong-co"}, "Chương trình"),
        ("key-tasks", {"status": "lost"}, "Trạng thái"),
        ("key-tasks", {"agency": "khong-co-co-quan"}, "Cơ quan chủ trì"),
        ("key-task-updates", {"year": "x"}, "Năm báo cáo"),
        ("research-tasks", {"stage": "secret"}, "Giai đoạn"),
        ("research-tasks", {"year": "1999"}, "Năm đặt hàng"),
        ("research-outputs", {"kind": "poem"}, "Loại kết quả"),
        ("research-outputs", {"year": "abc"}, "Năm"),
        ("research-outputs", {"organisation": "không hợp lệ"}, "Tổ chức"),
        ("measurements", {"header": "both"}, "Dòng tiêu đề"),
    ],
)
def test_a_bad_filter_value_is_refused_in_every_format(client, programme, dataset, params, field):
    page = client.get(f"/du-lieu-mo/{dataset}.csv", params)
    assert page.status_code == 400
    assert f"{field}: " in _messages(page)
    workbook = client.get(f"/du-lieu-mo/{dataset}.xlsx", params)
    assert workbook.status_code == 400
    answer = client.get(f"/du-lieu-mo/{dataset}.json", params)
    assert answer.status_code == 400
    assert answer["Content-Type"].startswith("application/json")
    errors = answer.json()["errors"]
    assert errors and all(m.startswith(f"{field}: ") for messages in errors.values() for m in messages)


def test_an_indicator_code_of_another_programme_is_refused(client, programme):
    from programmes.models import Programme

    other = Programme.objects.create(
        code="01/KH", slug="ke-hoach-khac", title="Kế hoạch khác", start_year=2026, end_year=2030
    )
    response = client.get("/du-lieu-mo/measurements.json", {"programme": other.slug, "indicator": "CT2"})
    assert response.status_code == 400
    assert response.json()["errors"]["indicator"] == ["Mã chỉ tiêu: Không có chỉ tiêu mã CT2."]


def test_an_xlsx_beyond_the_row_limit_is_refused_and_csv_is_offered(client, programme, monkeypatch):
    from opendata import exports

    monkeypatch.setattr(exports, "XLSX_MAX_ROWS", 3)
    response = client.get("/du-lieu-mo/indicators.xlsx")
    assert response.status_code == 400
    assert "Tệp XLSX có tối đa 3 dòng: hãy tải CSV hoặc JSON, hoặc lọc bớt dữ liệu." in _messages(response)
    assert client.get("/du-lieu-mo/indicators.csv").status_code == 200
