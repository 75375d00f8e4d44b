"""Writes of the indicators domain: definitions, measurements, status overrides."""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.services import agency_resolve
from core.history import save_with_history
from core.text import decimal_text
from programmes.permissions import can_report_for_indicator, is_secretariat

from .calculations import GrowthAccounting
from .models import Computation, Frequency, Indicator, Measurement, ProgressStatus

DEFINITION_FIELDS = [
    "name",
    "name_en",
    "source_text",
    "unit",
    "direction",
    "target_kind",
    "target_value",
    "target_upper",
    "target_strict",
    "tolerance",
    "target_year",
    "baseline_value",
    "baseline_year",
    "baseline_label",
    "baseline_source",
    "data_source",
    "frequency",
    "computation",
    "min_value",
    "max_value",
    "feed",
]
_DEFAULTS = {"direction": "increase", "frequency": Frequency.ANNUAL, "computation": Computation.DIRECT}


@transaction.atomic
def indicators_load(*, programme, definitions: list[dict]) -> list[Indicator]:
    """Create or update a programme's indicators from their definitions (idempotent)."""
    loaded = []
    for order, spec in enumerate(definitions, start=1):
        loaded += _load_indicator(programme, spec, order * 100, parent=None)
    return loaded


def _load_indicator(programme, spec, order, parent) -> list[Indicator]:
    fields = {f: spec.get(f, _DEFAULTS.get(f, "" if f in _TEXT_FIELDS else None)) for f in DEFINITION_FIELDS}
    fields["target_strict"] = bool(spec.get("target_strict", False))
    responsible = spec.get("responsible")
    fields["responsible_agency"] = agency_resolve(name=responsible) if responsible else None
    indicator, _created = Indicator.objects.update_or_create(
        programme=programme, code=spec["code"], defaults={**fields, "parent": parent, "order": order}
    )
    loaded = [indicator]
    for child_order, child in enumerate(spec.get("children", []), start=1):
        loaded += _load_indicator(programme, child, order + child_order, parent=indicator)
    return loaded


_TEXT_FIELDS = {"name_en", "source_text", "baseline_label", "baseline_source", "data_source", "feed"}


def indicators_copy(*, source, target, year_shift: int) -> None:
    """Copy indicator definitions to a new phase; targets move with the period, data stays."""
    mapping = {}
    for indicator in source.indicators.order_by(F("parent_id").asc(nulls_first=True), "order"):
        old_pk = indicator.pk
        indicator.pk = None
        indicator.id = None
        indicator.programme = target
        indicator.parent_id = mapping.get(indicator.parent_id)
        indicator.target_year = indicator.target_year + year_shift if indicator.target_year else None
        indicator.status_override = ""
        indicator.status_override_reason = ""
        indicator.status_override_by = None
        indicator.status_override_at = None
        indicator.save()
        mapping[old_pk] = indicator.pk


# What a Measurement column holds: 10 digits before the point, 4 after.
MAX_EXPONENT = 10
MIN_EXPONENT = -4
MIN_MAGNITUDE = Decimal("0.0001")


def parse_decimal(raw, field: str) -> Decimal:
    """A number as typed by a Vietnamese or English user: "7,5" and "7.5" are both 7.5."""
    if isinstance(raw, Decimal):
        return raw
    text = str(raw).strip().replace(" ", "")
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")  # 1.234,5
    elif "," in text:
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValidationError({field: _("Giá trị phải là một số (ví dụ 7,5).")}) from None
    if not value.is_finite():
        raise ValidationError({field: _("Giá trị phải là một số (ví dụ 7,5).")})
    if value and not MIN_EXPONENT <= value.adjusted() < MAX_EXPONENT:
        raise ValidationError({field: _("Giá trị quá lớn hoặc có quá nhiều chữ số thập phân.")})
    return value.quantize(MIN_MAGNITUDE) if value.as_tuple().exponent < -4 else value


def _check_value(indicator: Indicator, value: Decimal) -> None:
    low, high = indicator.min_value, indicator.max_value
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = {"low": decimal_text(low), "high": decimal_text(high), "unit": indicator.unit}
        if low is not None and high is not None:
            message = _("Giá trị phải nằm trong khoảng %(low)s đến %(high)s %(unit)s.") % bounds
        elif low is not None:
            message = _("Giá trị không được nhỏ hơn %(low)s %(unit)s.") % bounds
        else:
            message = _("Giá trị không được lớn hơn %(high)s %(unit)s.") % bounds
        raise ValidationError({"value": message})


def _check_period(indicator: Indicator, year: int, period_kind: str, period_number: int) -> None:
    programme = indicator.programme
    if not programme.contains_year(year):
        raise ValidationError(
            {
                "year": _("Năm %(year)s nằm ngoài thời gian của chương trình (%(start)s - %(end)s).")
                % {"year": year, "start": programme.start_year, "end": programme.end_year}
            }
        )
    limits = {
        Frequency.ANNUAL: (0, 0),
        Frequency.SEMIANNUAL: (1, 2),
        Frequency.QUARTERLY: (1, 4),
        Frequency.MONTHLY: (1, 12),
    }
    low, high = limits[period_kind]
    if not low <= period_number <= high:
        raise ValidationError({"period_number": _("Kỳ báo cáo không hợp lệ.")})
    months = {Frequency.ANNUAL: 12, Frequency.SEMIANNUAL: 6, Frequency.QUARTERLY: 3, Frequency.MONTHLY: 1}
    first_month = max(period_number - 1, 0) * months[period_kind] + 1
    if datetime.date(year, first_month, 1) > timezone.localdate():
        raise ValidationError({"year": _("Không thể nhập số liệu cho kỳ chưa bắt đầu.")})


@transaction.atomic
def measurement_record(
    *,
    indicator: Indicator,
    actor,
    year: int,
    value,
    source: str,
    kind: str = Measurement.Kind.OFFICIAL,
    period_kind: str = Frequency.ANNUAL,
    period_number: int = 0,
    published_on: datetime.date | None = None,
    source_url: str = "",
    source_excerpt: str = "",
    note: str = "",
    evidence=None,
    is_illustrative: bool = False,
    inputs: dict | None = None,
) -> Measurement:
    """Record one figure for a period. A period holds at most one provisional and one
    official figure; recording the official one keeps the provisional one beside it."""
    value = parse_decimal(value, "value")
    _check_value(indicator, value)
    _check_period(indicator, year, period_kind, period_number)
    if indicator.target_kind == "rank":
        raise ValidationError({"value": _("Chỉ tiêu này được đo qua các chỉ tiêu thành phần.")})
    if not (source or "").strip():
        raise ValidationError({"source": _("Cần ghi nguồn số liệu.")})
    existing = Measurement.objects.select_for_update().filter(
        indicator=indicator, year=year, period_kind=period_kind, period_number=period_number
    )
    if existing.filter(kind=kind).exists():
        raise ValidationError(
            {
                "year": _("Kỳ này đã có số liệu %(kind)s; hãy sửa số liệu đã có thay vì nhập mới.")
                % {"kind": Measurement.Kind(kind).label.lower()}
            }
        )
    if kind == Measurement.Kind.PROVISIONAL and existing.filter(kind=Measurement.Kind.OFFICIAL).exists():
        raise ValidationError({"kind": _("Kỳ này đã có số liệu chính thức; không nhập thêm số ước tính.")})
    measurement = Measurement(
        indicator=indicator,
        year=year,
        period_kind=period_kind,
        period_number=period_number,
        kind=kind,
        value=value,
        published_on=published_on,
        source=source.strip(),
        source_url=source_url,
        source_excerpt=source_excerpt,
        note=note,
        is_illustrative=is_illustrative,
        inputs=inputs or {},
        recorded_by=actor if actor and actor.is_authenticated else None,
    )
    if evidence is not None:
        measurement.evidence = evidence
    save_with_history(measurement, actor=actor, reason=_("Nhập số liệu"))
    return measurement


def measurement_record_growth_accounting(
    *, indicator: Indicator, grdp_growth, capital_growth, labour_growth, capital_share, **kwargs
) -> Measurement:
    """Record the TFP share of GRDP growth computed by growth accounting from its inputs."""
    if indicator.computation != Computation.GROWTH_ACCOUNTING:
        raise ValidationError({"value": _("Chỉ tiêu này không tính bằng hạch toán tăng trưởng.")})
    accounting = GrowthAccounting(
        grdp_growth=parse_decimal(grdp_growth, "grdp_growth"),
        capital_growth=parse_decimal(capital_growth, "capital_growth"),
        labour_growth=parse_decimal(labour_growth, "labour_growth"),
        capital_share=parse_decimal(capital_share, "capital_share"),
    )
    if abs(accounting.grdp_growth) < Decimal("0.01"):
        raise ValidationError({"grdp_growth": _("Tốc độ tăng GRDP phải khác 0 để tính tỷ lệ đóng góp.")})
    if not 0 < accounting.capital_share < 1:
        raise ValidationError({"capital_share": _("Tỷ phần vốn (α) phải nằm giữa 0 và 1.")})
    return measurement_record(indicator=indicator, value=accounting.tfp_share, inputs=accounting.as_inputs(), **kwargs)


@transaction.atomic
def indicator_override_status(*, indicator: Indicator, actor, status: str, reason: str) -> Indicator:
    """Set (or clear, with an empty status) a manual progress assessment, with who and why."""
    if status and status not in ProgressStatus.values:
        raise ValidationError({"status": _("Đánh giá không hợp lệ.")})
    if status and not reason.strip():
        raise ValidationError({"reason": _("Cần nêu lý do điều chỉnh đánh giá.")})
    indicator.status_override = status
    indicator.status_override_reason = reason.strip() if status else ""
    indicator.status_override_by = actor if status else None
    indicator.status_override_at = timezone.now() if status else None
    save_with_history(indicator, actor=actor, reason=reason or _("Bỏ điều chỉnh đánh giá"))
    return indicator


@transaction.atomic
def indicator_set_tolerance(*, indicator: Indicator, actor, tolerance) -> Indicator:
    indicator.tolerance = parse_decimal(tolerance, "tolerance")
    if indicator.tolerance < 0:
        raise ValidationError({"tolerance": _("Dung sai không được âm.")})
    save_with_history(indicator, actor=actor, reason=_("Đặt dung sai mục tiêu"))
    return indicator


@transaction.atomic
def measurement_set_official(
    *,
    indicator: Indicator,
    actor,
    year: int,
    period_kind: str,
    period_number: int,
    value,
    source: str,
    note: str = "",
    evidence=None,
    reason: str,
) -> Measurement:
    """Make an approved figure the official one for its period: recorded if new, else the
    official figure is updated, keeping the earlier value in its history."""
    official = (
        Measurement.objects.select_for_update()
        .filter(indicator=indicator, year=year, period_kind=period_kind, period_number=period_number, kind="official")
        .first()
    )
    if official is None:
        return measurement_record(
            indicator=indicator,
            actor=actor,
            year=year,
            period_kind=period_kind,
            period_number=period_number,
            value=value,
            source=source,
            note=note,
            evidence=evidence,
        )
    value = parse_decimal(value, "value")
    if value == official.value and source == official.source and not evidence:
        return official  # the approved figure is the one already in use
    official.value = value
    _check_value(indicator, official.value)
    official.source, official.note, official.is_illustrative = source, note, False
    if evidence:
        official.evidence = evidence
    save_with_history(official, actor=actor, reason=reason)
    return official


@transaction.atomic
def measurement_correct(
    *,
    measurement: Measurement,
    actor,
    value,
    source: str,
    reason: str,
    note: str | None = None,
) -> Measurement:
    """Correct (sửa) a recorded figure, saying why. Whoever may record for the indicator may
    correct its provisional figures; an official figure only the programme secretariat may
    correct. The earlier value stays in the history with the actor and the reason."""
    measurement = (
        Measurement.objects.select_for_update(of=("self",))
        .select_related("indicator__programme")
        .get(pk=measurement.pk)
    )
    indicator = measurement.indicator
    if not can_correct_measurement(actor, measurement):
        raise PermissionDenied
    value = parse_decimal(value, "value")
    _check_value(indicator, value)
    source = (source or "").strip()
    if not source:
        raise ValidationError({"source": _("Cần ghi nguồn số liệu.")})
    note = measurement.note if note is None else note.strip()
    if (value, source, note) == (measurement.value, measurement.source, measurement.note):
        return measurement  # nothing to correct
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Cần nêu lý do sửa số liệu.")})
    change = {"old": decimal_text(measurement.value), "new": decimal_text(value), "reason": reason}
    measurement.value, measurement.source, measurement.note = value, source, note
    save_with_history(measurement, actor=actor, reason=_("Sửa số liệu %(old)s → %(new)s: %(reason)s") % change)
    return measurement


def can_correct_measurement(user, measurement: Measurement) -> bool:
    """Provisional figures: whoever may record for the indicator; official ones: the secretariat."""
    indicator = measurement.indicator
    if measurement.is_official:
        return is_secretariat(user, indicator.programme)
    return can_report_for_indicator(user, indicator)
