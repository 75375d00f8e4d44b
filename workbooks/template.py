"""The Excel template of one agency: its indicators and the key tasks it leads, pre-filled."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import decimal_text
from indicators.models import Measurement, period_label

from . import selectors, sheets
from .services import KINDS, STATUSES


def default_period(indicator, programme, today: datetime.date) -> tuple[int, str, int]:
    """The period a reporter most likely fills now: the current one, or the programme's last."""
    year = min(today.year, programme.end_year)
    month = today.month if year == today.year else 12
    months = {"Y": 12, "H": 6, "Q": 3, "M": 1}[indicator.frequency]
    number = 0 if indicator.frequency == "Y" else (month - 1) // months + 1
    return year, indicator.frequency, number


def _latest_text(indicator) -> str:
    figures = list(indicator.measurements.all())
    if not figures:
        return "–"
    latest = max(figures, key=lambda m: (m.year, m.period_number, m.kind == Measurement.Kind.OFFICIAL))
    return f"{latest.period_label}: {decimal_text(latest.value)} ({latest.get_kind_display().lower()})"


def agency_template(*, programme, agency, today: datetime.date | None = None) -> bytes:
    today = today or timezone.localdate()
    kind_labels = dict(KINDS)
    status_labels = dict(STATUSES)
    indicator_rows = []
    for indicator in selectors.agency_indicators(programme, agency):
        year, period_kind, number = default_period(indicator, programme, today)
        kind = Measurement.Kind.PROVISIONAL if year == today.year else Measurement.Kind.OFFICIAL
        indicator_rows.append(
            {
                "id": indicator.pk,
                "code": indicator.code,
                "name": indicator.name,
                "unit": indicator.unit,
                "current": _latest_text(indicator),
                "period": period_label(year, period_kind, number),
                "kind": str(kind_labels[kind]),
                "source": indicator.data_source,
            }
        )
    task_rows = []
    for task in selectors.agency_tasks(programme, agency):
        latest = next(iter(task.updates.all()), None)
        current = f"{task.get_status_display()} · {task.progress}%"
        if latest:
            current += " · " + _("cập nhật %(date)s") % {"date": latest.reported_on.strftime("%d/%m/%Y")}
        task_rows.append(
            {
                "id": task.pk,
                "number": task.number,
                "title": task.title,
                "current": current,
                "status": str(status_labels[task.status]),
                "progress": task.progress,
                "date": today,
            }
        )
    return sheets.build_template(
        title=_("%(programme)s · Mẫu báo cáo của %(agency)s") % {"programme": programme.code, "agency": agency.name},
        instructions=_instructions(programme),
        sheets=[(sheets.INDICATORS, indicator_rows), (sheets.TASKS, task_rows)],
        choices={
            "kind": [str(label) for _value, label in KINDS],
            "status": [str(label) for _value, label in STATUSES],
        },
    )


def _instructions(programme) -> list[str]:
    return [
        _(
            "Trang “Chỉ tiêu”: mỗi dòng là một chỉ tiêu đơn vị chịu trách nhiệm. Ghi giá trị vào cột “Giá trị” "
            "(số thập phân dùng dấu phẩy hoặc dấu chấm: 7,5 hoặc 7.5), chọn loại số liệu (ước tính hoặc chính thức) "
            "và ghi nguồn. Dòng để trống giá trị được bỏ qua."
        ),
        _(
            "Cột “Kỳ”: ghi năm (ví dụ 2025) hoặc quý, nửa năm, tháng (Q1/2025, 6T1/2025, T3/2025), trong thời gian "
            "của chương trình (%(start)s - %(end)s). Để nhập thêm kỳ khác của cùng chỉ tiêu, sao chép cả dòng xuống "
            "dòng trống bên dưới rồi sửa kỳ."
        )
        % {"start": programme.start_year, "end": programme.end_year},
        _(
            "Sửa số liệu đã có: ghi lại đúng kỳ và loại số liệu với giá trị đúng, và ghi lý do vào cột “Lý do sửa” "
            "(bắt buộc khi sửa). Số liệu chính thức chỉ thường trực chương trình được sửa. Giá trị giống số liệu đã "
            "có được bỏ qua."
        ),
        _(
            "Trang “Nhiệm vụ”: mỗi dòng là một nhiệm vụ đơn vị chủ trì. Chọn trạng thái, ghi tiến độ (0-100), "
            "nội dung cập nhật và ngày báo cáo (ngày/tháng/năm). Dòng không đổi trạng thái, tiến độ và không có "
            "nội dung được bỏ qua."
        ),
        _(
            "Chỉ nhập giá trị, không dùng công thức. Không sửa các cột có nền xám (mã, tên): chúng dùng để nhận "
            "đúng chỉ tiêu, nhiệm vụ."
        ),
        _(
            "Tải tệp lên ở trang “Nhập từ Excel”: hệ thống hiển thị từng thay đổi và từng lỗi (trang, dòng, cột) để "
            "xem trước. Chưa có gì được ghi cho đến khi bạn xác nhận; khi xác nhận, tất cả thay đổi được ghi cùng "
            "lúc hoặc không thay đổi nào được ghi."
        ),
    ]
