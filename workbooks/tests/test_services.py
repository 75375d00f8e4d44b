import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from indicators.models import Measurement
from indicators.services import measurement_record
from programmes.models import KeyTask, KeyTaskUpdate
from workbooks import services
from workbooks.models import ImportBatch

from .conftest import fill

pytestmark = pytest.mark.django_db


def _preview(programme, agency, user, content, filename="bao-cao.xlsx"):
    return services.import_batch_preview(
        programme=programme, agency=agency, actor=user, data=content, filename=filename
    )


def _figure(programme, code, year=2024, kind="official"):
    return Measurement.objects.filter(
        indicator__programme=programme, indicator__code=code, year=year, kind=kind
    ).first()


def test_preview_shows_the_changes_and_writes_nothing(programme, sokhcn, reporter_sokhcn, template_of):
    content = fill(template_of(sokhcn), indicators=[("CT5", {"Giá trị": "7,5", "Kỳ": "2024"})])
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    assert batch.errors == []
    [change] = batch.changes
    assert (change["code"], change["year"], change["value"], change["kind"]) == ("CT5", 2024, "7.5", "official")
    assert _figure(programme, "CT5") is None
    assert batch.status == ImportBatch.Status.PREVIEW


def test_confirm_records_the_figures_as_the_uploaders_action(programme, sokhcn, reporter_sokhcn, template_of):
    content = fill(
        template_of(sokhcn),
        indicators=[("CT5", {"Giá trị": "7,5", "Kỳ": "2024", "Nguồn": "Cục Thống kê Hà Nội", "Ghi chú": "Niên giám"})],
        tasks=[(1, {"Trạng thái": "Hoàn thành", "Tiến độ (%)": 100, "Nội dung cập nhật": "Đã ban hành đề án."})],
    )
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    services.import_batch_confirm(batch=batch, actor=reporter_sokhcn)

    figure = _figure(programme, "CT5")
    assert figure.value == Decimal("7.5")
    assert (figure.source, figure.note, figure.recorded_by) == ("Cục Thống kê Hà Nội", "Niên giám", reporter_sokhcn)
    assert figure.history.get().history_user == reporter_sokhcn
    task = KeyTask.objects.get(programme=programme, number=1)
    assert (task.status, task.progress) == ("completed", 100)
    assert task.history.latest("history_date").history_user == reporter_sokhcn
    assert KeyTaskUpdate.objects.get(task=task).author == reporter_sokhcn
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CONFIRMED


def test_a_numeric_cell_and_an_english_decimal_are_read_alike(programme, sokhcn, reporter_sokhcn, template_of):
    content = fill(
        template_of(sokhcn),
        indicators=[("CT5", {"Giá trị": 7.25, "Kỳ": 2023}), ("CT6", {"Giá trị": "12.5", "Kỳ": "2023"})],
    )
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    assert [c["value"] for c in batch.changes] == ["7.25", "12.5"]


def test_a_row_whose_name_and_code_were_edited_is_matched_by_its_hidden_id(
    programme, sokhcn, reporter_sokhcn, template_of
):
    content = fill(
        template_of(sokhcn), indicators=[("CT5", {"Mã chỉ tiêu": "ct-5?", "Tên chỉ tiêu": "Đổi tên", "Giá trị": 8})]
    )
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    assert batch.errors == []
    assert batch.changes[0]["code"] == "CT5"


def test_a_row_added_by_hand_is_matched_by_its_code(programme, sokhcn, reporter_sokhcn, template_of):
    content = fill(
        template_of(sokhcn),
        indicators=[
            (None, {"Mã chỉ tiêu": "CT6", "Kỳ": "2022", "Giá trị": "40", "Loại số liệu": "Chính thức", "Nguồn": "Sở"})
        ],
    )
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    assert batch.errors == []
    assert [(c["code"], c["year"]) for c in batch.changes] == [("CT6", 2022)]


def _errors(batch):
    return [(e["sheet"], e["row"], e["column"]) for e in batch.errors]


def test_one_bad_row_stops_the_whole_file(programme, sokhcn, reporter_sokhcn, template_of):
    content = fill(
        template_of(sokhcn),
        indicators=[("CT5", {"Giá trị": "7,5", "Kỳ": "2024"}), ("CT6", {"Giá trị": "nhiều", "Kỳ": "2024"})],
    )
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    assert _errors(batch) == [("indicators", 4, "value")]  # CT5.1 is row 3
    assert "số" in batch.errors[0]["message"]
    assert not batch.can_confirm
    with pytest.raises(ValidationError):
        services.import_batch_confirm(batch=batch, actor=reporter_sokhcn)
    assert _figure(programme, "CT5") is None


def test_a_value_the_service_refuses_is_reported_at_its_cell(programme, sokhcn, reporter_sokhcn, template_of):
    content = fill(template_of(sokhcn), indicators=[("CT5", {"Giá trị": "150", "Kỳ": "2024"})])
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    assert _errors(batch) == [("indicators", 2, "value")]
    assert "100" in batch.errors[0]["message"]


def test_a_figure_without_a_source_is_refused(programme, sokhcn, reporter_sokhcn, template_of):
    content = fill(template_of(sokhcn), indicators=[("CT5", {"Giá trị": "50", "Kỳ": "2024", "Nguồn": None})])
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    assert _errors(batch) == [("indicators", 2, "source")]


def test_a_row_for_another_agencys_indicator_or_task_is_refused(programme, sokhcn, reporter_sokhcn, template_of):
    content = fill(
        template_of(sokhcn),
        indicators=[
            (None, {"Mã chỉ tiêu": "CT1", "Kỳ": "2024", "Giá trị": "3", "Loại số liệu": "Chính thức", "Nguồn": "x"})
        ],
        tasks=[
            (
                None,
                {
                    "Số thứ tự": 5,
                    "Trạng thái": "Hoàn thành",
                    "Tiến độ (%)": 100,
                    "Nội dung cập nhật": "x",
                    "Ngày báo cáo": "01/06/2024",
                },
            )
        ],
    )
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    messages = {(e["sheet"], e["column"]): e["message"] for e in batch.errors}
    assert "không thuộc trách nhiệm" in messages[("indicators", "code")]
    assert "không do" in messages[("tasks", "number")]


def test_unknown_codes_are_refused(programme, sokhcn, reporter_sokhcn, template_of):
    content = fill(
        template_of(sokhcn),
        indicators=[
            (None, {"Mã chỉ tiêu": "CT99", "Kỳ": "2024", "Giá trị": "3", "Loại số liệu": "Chính thức", "Nguồn": "x"})
        ],
    )
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    assert "CT99" in batch.errors[0]["message"]


@pytest.mark.parametrize("period", ["2019", "2030", "Q5/2024", "năm ngoái"])
def test_a_period_outside_the_programme_or_unreadable_is_refused(
    programme, sokhcn, reporter_sokhcn, template_of, period
):
    content = fill(template_of(sokhcn), indicators=[("CT5", {"Giá trị": "7", "Kỳ": period})])
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    assert _errors(batch) == [("indicators", 2, "period")]


@pytest.mark.parametrize(
    ("column", "value", "where"),
    [
        ("Ngày báo cáo", "01/01/2019", "date"),  # before the programme started
        ("Ngày báo cáo", "31/02/2024", "date"),
        ("Tiến độ (%)", "nửa chừng", "progress"),
        ("Tiến độ (%)", "140", "progress"),
        ("Trạng thái", "Xong rồi", "status"),
    ],
)
def test_a_task_row_with_a_bad_cell_is_refused(programme, sokhcn, reporter_sokhcn, template_of, column, value, where):
    values = {"Trạng thái": "Đang triển khai", "Tiến độ (%)": 50, "Nội dung cập nhật": "Đang làm", column: value}
    batch = _preview(programme, sokhcn, reporter_sokhcn, fill(template_of(sokhcn), tasks=[(1, values)]))
    assert _errors(batch) == [("tasks", 2, where)]


def test_a_task_date_in_the_future_is_refused_by_the_service(programme, sokhcn, reporter_sokhcn, template_of):
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)
    values = {
        "Trạng thái": "Đang triển khai",
        "Tiến độ (%)": 50,
        "Nội dung cập nhật": "Đang làm",
        "Ngày báo cáo": tomorrow,
    }
    batch = _preview(programme, sokhcn, reporter_sokhcn, fill(template_of(sokhcn), tasks=[(1, values)]))
    assert _errors(batch) == [("tasks", 2, "date")]


def test_an_untouched_template_changes_nothing(programme, sokhcn, reporter_sokhcn, template_of):
    batch = _preview(programme, sokhcn, reporter_sokhcn, template_of(sokhcn))
    assert batch.changes == [] and batch.errors == []
    assert batch.payload["skipped"] > 0
    assert not batch.can_confirm


def test_a_stale_preview_is_refused_and_brought_up_to_date(
    programme, sokhcn, reporter_sokhcn, secretariat, template_of
):
    content = fill(
        template_of(sokhcn), indicators=[("CT5", {"Giá trị": "7,5", "Kỳ": "2024", "Loại số liệu": "Ước tính"})]
    )
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    indicator = programme.indicators.get(code="CT5")
    measurement_record(indicator=indicator, actor=secretariat, year=2024, value="7", source="x", kind="official")

    with pytest.raises(ValidationError, match="đã thay đổi"):
        services.import_batch_confirm(batch=batch, actor=reporter_sokhcn)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PREVIEW
    assert batch.errors and batch.errors[0]["column"] == "kind"  # an official figure now exists for 2024
    assert not Measurement.objects.filter(indicator=indicator, kind="provisional").exists()


def test_someone_else_cannot_confirm_a_pending_import(programme, sokhcn, reporter_sokhcn, secretariat, template_of):
    batch = _preview(
        programme, sokhcn, reporter_sokhcn, fill(template_of(sokhcn), indicators=[("CT5", {"Giá trị": 7})])
    )
    with pytest.raises(PermissionDenied):
        services.import_batch_confirm(batch=batch, actor=secretariat)
    assert batch.changes and not Measurement.objects.filter(indicator__code="CT5").exists()


def test_a_confirmed_import_cannot_be_confirmed_again(programme, sokhcn, reporter_sokhcn, template_of):
    content = fill(template_of(sokhcn), indicators=[("CT5", {"Giá trị": 7, "Kỳ": "2024"})])
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    services.import_batch_confirm(batch=batch, actor=reporter_sokhcn)
    with pytest.raises(ValidationError):
        services.import_batch_confirm(batch=batch, actor=reporter_sokhcn)
    assert Measurement.objects.filter(indicator__code="CT5").count() == 1


def test_the_secretariat_imports_for_a_chosen_agency(programme, sokhcn, secretariat, template_of):
    content = fill(template_of(sokhcn), indicators=[("CT5", {"Giá trị": 7, "Kỳ": "2024"})])
    batch = _preview(programme, sokhcn, secretariat, content)
    services.import_batch_confirm(batch=batch, actor=secretariat)
    assert _figure(programme, "CT5").history.get().history_user == secretariat


def test_a_reporter_of_another_agency_cannot_import(programme, sokhcn, reporter_other, template_of):
    with pytest.raises(PermissionDenied):
        _preview(programme, sokhcn, reporter_other, template_of(sokhcn))
    assert not ImportBatch.objects.exists()


def test_cancel_keeps_nothing_of_the_file(programme, sokhcn, reporter_sokhcn, template_of):
    batch = _preview(programme, sokhcn, reporter_sokhcn, template_of(sokhcn))
    services.import_batch_cancel(batch=batch, actor=reporter_sokhcn)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CANCELLED and bytes(batch.content) == b""


def test_an_emptied_cell_that_is_needed_is_named(programme, sokhcn, reporter_sokhcn, template_of):
    content = fill(
        template_of(sokhcn),
        indicators=[("CT5", {"Giá trị": "7", "Kỳ": None})],
        tasks=[
            (1, {"Trạng thái": "Hoàn thành", "Tiến độ (%)": 100, "Nội dung cập nhật": "Xong", "Ngày báo cáo": None})
        ],
    )
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    assert _errors(batch) == [("indicators", 2, "period"), ("tasks", 2, "date")]
    assert {e["message"] for e in batch.errors} == {"Ô này cần được điền."}


def test_a_row_that_loses_a_race_at_confirm_is_reported_and_nothing_is_written(
    programme, sokhcn, reporter_sokhcn, template_of, monkeypatch
):
    from django.db import IntegrityError

    content = fill(
        template_of(sokhcn),
        indicators=[("CT5", {"Giá trị": 7, "Kỳ": "2024"}), ("CT6", {"Giá trị": 9, "Kỳ": "2024"})],
    )
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    recorded = services.measurement_record

    def record_then_collide(**kwargs):
        if kwargs["indicator"].code == "CT6":
            raise IntegrityError("duplicate key value violates unique constraint")
        return recorded(**kwargs)

    monkeypatch.setattr(services, "measurement_record", record_then_collide)
    with pytest.raises(ValidationError):
        services.import_batch_confirm(batch=batch, actor=reporter_sokhcn)
    batch.refresh_from_db()
    assert [(e["sheet"], e["row"]) for e in batch.errors] == [("indicators", 4)]
    assert not Measurement.objects.filter(indicator__code__in=["CT5", "CT6"]).exists()  # CT5 rolled back too


# Corrections: a row giving a recorded period and kind a different value -------------------


def _recorded(programme, actor, code="CT5", value="7", kind="provisional"):
    indicator = programme.indicators.get(code=code)
    return measurement_record(indicator=indicator, actor=actor, year=2024, value=value, source="Sở", kind=kind)


def test_a_different_value_for_a_recorded_figure_is_a_correction_with_its_reason(
    programme, sokhcn, reporter_sokhcn, template_of
):
    figure = _recorded(programme, reporter_sokhcn)
    row = {"Giá trị": "7,5", "Kỳ": "2024", "Loại số liệu": "Ước tính", "Lý do sửa": "Số liệu quý 4 bổ sung"}
    batch = _preview(programme, sokhcn, reporter_sokhcn, fill(template_of(sokhcn), indicators=[("CT5", row)]))
    assert batch.errors == []
    [change] = batch.changes
    assert (change["corrects"], change["reason"], change["value"]) == (figure.pk, "Số liệu quý 4 bổ sung", "7.5")
    assert Measurement.objects.get(pk=figure.pk).value == Decimal("7")  # the preview writes nothing

    services.import_batch_confirm(batch=batch, actor=reporter_sokhcn)
    figure.refresh_from_db()
    assert figure.value == Decimal("7.5")
    assert Measurement.objects.filter(indicator__code="CT5").count() == 1
    latest = figure.history.first()
    assert latest.history_user == reporter_sokhcn
    assert latest.history_change_reason == "Sửa số liệu 7 → 7,5: Số liệu quý 4 bổ sung"


def test_a_correction_without_a_reason_is_an_error_for_its_row(programme, sokhcn, reporter_sokhcn, template_of):
    _recorded(programme, reporter_sokhcn)
    row = {"Giá trị": "8", "Kỳ": "2024", "Loại số liệu": "Ước tính"}
    batch = _preview(programme, sokhcn, reporter_sokhcn, fill(template_of(sokhcn), indicators=[("CT5", row)]))
    assert _errors(batch) == [("indicators", 2, "reason")]
    assert "Lý do sửa" in batch.errors[0]["message"]
    assert not batch.can_confirm


def test_the_same_value_is_no_change(programme, sokhcn, reporter_sokhcn, template_of):
    _recorded(programme, reporter_sokhcn)
    row = {"Giá trị": "7,0", "Kỳ": "2024", "Loại số liệu": "Ước tính"}
    batch = _preview(programme, sokhcn, reporter_sokhcn, fill(template_of(sokhcn), indicators=[("CT5", row)]))
    assert batch.changes == [] and batch.errors == []
    assert batch.payload["skipped"] >= 1


def test_a_reporter_cannot_correct_an_official_figure_the_secretariat_can(
    programme, sokhcn, reporter_sokhcn, secretariat, template_of
):
    figure = _recorded(programme, secretariat, kind="official")
    row = {"Giá trị": "8", "Kỳ": "2024", "Loại số liệu": "Chính thức", "Lý do sửa": "Cục Thống kê đính chính"}
    content = fill(template_of(sokhcn), indicators=[("CT5", row)])
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    assert _errors(batch) == [("indicators", 2, "kind")]
    assert "thường trực" in batch.errors[0]["message"]

    batch = _preview(programme, sokhcn, secretariat, content)
    services.import_batch_confirm(batch=batch, actor=secretariat)
    figure.refresh_from_db()
    assert figure.value == Decimal("8")


def test_a_correction_and_a_bad_row_write_nothing(programme, sokhcn, reporter_sokhcn, template_of):
    figure = _recorded(programme, reporter_sokhcn)
    content = fill(
        template_of(sokhcn),
        indicators=[
            ("CT5", {"Giá trị": "9", "Kỳ": "2024", "Loại số liệu": "Ước tính", "Lý do sửa": "Sai đơn vị"}),
            ("CT6", {"Giá trị": "1e20", "Kỳ": "2024"}),
        ],
    )
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    assert batch.errors and not batch.can_confirm
    assert Measurement.objects.get(pk=figure.pk).value == Decimal("7")


def test_a_correction_refused_at_confirm_rolls_back_every_row(
    programme, sokhcn, reporter_sokhcn, secretariat, template_of
):
    figure = _recorded(programme, reporter_sokhcn)
    content = fill(
        template_of(sokhcn),
        indicators=[
            ("CT5", {"Giá trị": "9", "Kỳ": "2024", "Loại số liệu": "Ước tính", "Lý do sửa": "Sai đơn vị"}),
            ("CT6", {"Giá trị": "3", "Kỳ": "2024"}),
        ],
    )
    batch = _preview(programme, sokhcn, reporter_sokhcn, content)
    assert batch.can_confirm
    Measurement.objects.filter(pk=figure.pk).update(value=Decimal("7.2"))  # corrected meanwhile on the page
    with pytest.raises(ValidationError, match="đã thay đổi"):
        services.import_batch_confirm(batch=batch, actor=reporter_sokhcn)
    assert Measurement.objects.get(pk=figure.pk).value == Decimal("7.2")
    assert not Measurement.objects.filter(indicator__code="CT6").exists()
