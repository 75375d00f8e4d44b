"""The datasets of the open-data catalogue: what each holds, its columns (a stable machine key
for JSON and a Vietnamese label for people), its filters and where its rows come from."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import forms, selectors


@dataclass(frozen=True)
class Column:
    key: str
    label: str


@dataclass(frozen=True)
class Dataset:
    key: str  # in the download address: /du-lieu-mo/<key>.csv
    title: str
    description: str
    keywords: tuple[str, ...]
    form: type[forms.ExportForm]
    columns: tuple[Column, ...]
    rows: Callable[..., Iterator[tuple]]  # filters -> tuples in the order of `columns`
    count: Callable[..., int]
    modified: Callable[[], object]
    list_page: str  # URL name of the public page that lists the same rows ("" if none)

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]

    def labels(self) -> list[str]:
        return [str(c.label) for c in self.columns]

    def list_url(self) -> str:
        return reverse(self.list_page) if self.list_page else ""


def _columns(*pairs) -> tuple[Column, ...]:
    return tuple(Column(key, label) for key, label in pairs)


PROGRAMME = ("programme", _("Chương trình"))
ILLUSTRATIVE = ("is_illustrative", _("Dữ liệu minh họa"))

DATASETS: dict[str, Dataset] = {
    d.key: d
    for d in [
        Dataset(
            key="indicators",
            title=_("Chỉ tiêu của chương trình"),
            description=_(
                "Các chỉ tiêu (và chỉ tiêu thành phần) của từng chương trình: mục tiêu, giá trị cơ sở, "
                "đơn vị, cơ quan chịu trách nhiệm, giá trị mới nhất và đánh giá tiến độ như trang chỉ tiêu."
            ),
            keywords=("chỉ tiêu", "mục tiêu", "KH&CN", "ĐMST"),
            form=forms.IndicatorFilters,
            columns=_columns(
                PROGRAMME,
                ("code", _("Mã chỉ tiêu")),
                ("parent_code", _("Mã chỉ tiêu cha")),
                ("name", _("Tên chỉ tiêu")),
                ("name_en", _("Tên tiếng Anh")),
                ("unit", _("Đơn vị")),
                ("direction", _("Chiều tốt (mã)")),
                ("direction_label", _("Chiều tốt")),
                ("target_kind", _("Loại mục tiêu (mã)")),
                ("target_kind_label", _("Loại mục tiêu")),
                ("target_value", _("Giá trị mục tiêu")),
                ("target_upper", _("Cận trên của khoảng")),
                ("target_year", _("Năm đạt mục tiêu")),
                ("baseline_value", _("Giá trị cơ sở")),
                ("baseline_year", _("Năm cơ sở")),
                ("baseline_label", _("Thời kỳ cơ sở")),
                ("frequency", _("Tần suất (mã)")),
                ("frequency_label", _("Tần suất")),
                ("responsible_agency", _("Cơ quan chịu trách nhiệm")),
                ("data_source", _("Nguồn số liệu")),
                ("latest_period", _("Kỳ mới nhất")),
                ("latest_value", _("Giá trị mới nhất")),
                ("status", _("Đánh giá (mã)")),
                ("status_label", _("Đánh giá")),
            ),
            rows=selectors.indicator_rows,
            count=selectors.indicators_count,
            modified=selectors.indicators_modified,
            list_page="",
        ),
        Dataset(
            key="measurements",
            title=_("Giá trị đo của các chỉ tiêu"),
            description=_(
                "Mọi số liệu đã công bố của các chỉ tiêu, theo kỳ (năm, 6 tháng, quý, tháng): số ước tính "
                "và số chính thức, ngày công bố, nguồn. Số chính thức được dùng khi có cả hai."
            ),
            keywords=("số liệu", "chỉ tiêu", "thống kê"),
            form=forms.MeasurementFilters,
            columns=_columns(
                PROGRAMME,
                ("indicator_code", _("Mã chỉ tiêu")),
                ("indicator_name", _("Tên chỉ tiêu")),
                ("unit", _("Đơn vị")),
                ("period", _("Kỳ")),
                ("year", _("Năm")),
                ("period_kind", _("Loại kỳ (Y/H/Q/M)")),
                ("period_number", _("Số kỳ trong năm")),
                ("kind", _("Loại số liệu (mã)")),
                ("kind_label", _("Loại số liệu")),
                ("value", _("Giá trị")),
                ("published_on", _("Ngày công bố")),
                ("source", _("Nguồn")),
                ("source_url", _("Đường dẫn nguồn")),
                ("note", _("Ghi chú")),
                ILLUSTRATIVE,
                ("recorded_at", _("Thời điểm ghi nhận")),
            ),
            rows=selectors.measurement_rows,
            count=selectors.measurements_count,
            modified=selectors.measurements_modified,
            list_page="",
        ),
        Dataset(
            key="key-tasks",
            title=_("Nhiệm vụ, đề án, dự án trọng tâm"),
            description=_(
                "Các nhiệm vụ trọng tâm trong phụ lục của chương trình: cơ quan chủ trì, đơn vị phối hợp, "
                "thời gian, hạn hoàn thành, trạng thái và tiến độ mới nhất."
            ),
            keywords=("nhiệm vụ", "tiến độ", "cơ quan chủ trì"),
            form=forms.KeyTaskFilters,
            columns=_columns(
                PROGRAMME,
                ("number", _("Số thứ tự")),
                ("title", _("Nhiệm vụ, đề án, dự án")),
                ("solution_group", _("Nhóm giải pháp")),
                ("lead_agencies", _("Cơ quan chủ trì")),
                ("coordinating_units", _("Đơn vị phối hợp")),
                ("start_year", _("Năm bắt đầu")),
                ("end_year", _("Năm kết thúc")),
                ("deadline", _("Hạn hoàn thành")),
                ("status", _("Trạng thái (mã)")),
                ("status_label", _("Trạng thái")),
                ("progress", _("Tiến độ (%)")),
                ("is_overdue", _("Quá hạn")),
                ILLUSTRATIVE,
            ),
            rows=selectors.key_task_rows,
            count=selectors.key_tasks_count,
            modified=selectors.key_tasks_modified,
            list_page="",
        ),
        Dataset(
            key="key-task-updates",
            title=_("Cập nhật tiến độ nhiệm vụ trọng tâm"),
            description=_(
                "Từng lần cập nhật tiến độ của các nhiệm vụ trọng tâm: ngày báo cáo, trạng thái, "
                "tiến độ và nội dung cập nhật."
            ),
            keywords=("nhiệm vụ", "tiến độ", "báo cáo"),
            form=forms.KeyTaskUpdateFilters,
            columns=_columns(
                PROGRAMME,
                ("task_number", _("Số thứ tự nhiệm vụ")),
                ("task_title", _("Nhiệm vụ, đề án, dự án")),
                ("reported_on", _("Ngày báo cáo")),
                ("status", _("Trạng thái (mã)")),
                ("status_label", _("Trạng thái")),
                ("progress", _("Tiến độ (%)")),
                ("text", _("Nội dung cập nhật")),
                ILLUSTRATIVE,
            ),
            rows=selectors.key_task_update_rows,
            count=selectors.key_task_updates_count,
            modified=selectors.key_task_updates_modified,
            list_page="",
        ),
        Dataset(
            key="research-tasks",
            title=_("Nhiệm vụ khoa học và công nghệ"),
            description=_(
                "Các đề tài, dự án, đề án KH&CN do thành phố đặt hàng: giai đoạn, phương thức, lĩnh vực, "
                "kinh phí tối đa, chủ nhiệm, tổ chức chủ trì, kết quả nghiệm thu."
            ),
            keywords=("nhiệm vụ KH&CN", "đề tài", "dự án", "nghiệm thu"),
            form=forms.ResearchTaskFilters,
            columns=_columns(
                ("code", _("Mã số")),
                ("title", _("Tên nhiệm vụ")),
                ("kind", _("Loại nhiệm vụ (mã)")),
                ("kind_label", _("Loại nhiệm vụ")),
                ("mode", _("Phương thức (mã)")),
                ("mode_label", _("Phương thức")),
                ("stage", _("Giai đoạn (mã)")),
                ("stage_label", _("Giai đoạn")),
                ("field", _("Lĩnh vực")),
                ("year", _("Năm đặt hàng")),
                ("funding_ceiling", _("Kinh phí tối đa (triệu đồng)")),
                ("period_months", _("Thời gian thực hiện (tháng)")),
                ("principal_investigator", _("Chủ nhiệm nhiệm vụ")),
                ("host", _("Tổ chức chủ trì")),
                ("acceptance_grade", _("Xếp loại nghiệm thu")),
                ("objectives", _("Mục tiêu")),
                ("expected_results", _("Kết quả dự kiến")),
                ("is_demo", _("Dữ liệu minh họa")),
                ("updated_at", _("Cập nhật lúc")),
            ),
            rows=selectors.research_task_rows,
            count=selectors.research_tasks_count,
            modified=selectors.research_tasks_modified,
            list_page="research_tasks:tasks",
        ),
        Dataset(
            key="research-outputs",
            title=_("Kết quả nghiên cứu"),
            description=_(
                "Công bố khoa học, sách, báo cáo hội nghị, sáng chế, giải pháp hữu ích, phần mềm của "
                "các tổ chức và nhà khoa học Hà Nội, như trang tìm kiếm cơ sở dữ liệu nghiên cứu."
            ),
            keywords=("công bố", "sáng chế", "nghiên cứu"),
            form=forms.OutputFilters,
            columns=_columns(
                ("id", _("Mã")),
                ("kind", _("Loại kết quả (mã)")),
                ("kind_label", _("Loại kết quả")),
                ("title", _("Tên")),
                ("year", _("Năm")),
                ("venue", _("Tạp chí, nơi công bố")),
                ("doi", _("DOI")),
                ("patent_number", _("Số bằng, số đơn")),
                ("is_international", _("Công bố quốc tế")),
                ("authors", _("Tác giả")),
                ("organisations", _("Tổ chức")),
                ("url", _("Đường dẫn")),
                ("abstract", _("Tóm tắt")),
                ("is_demo", _("Dữ liệu minh họa")),
                ("updated_at", _("Cập nhật lúc")),
            ),
            rows=selectors.output_rows,
            count=selectors.outputs_count,
            modified=selectors.outputs_modified,
            list_page="research:search",
        ),
    ]
}


def dataset_get(key: str) -> Dataset:
    try:
        return DATASETS[key]
    except KeyError:
        raise Http404 from None
