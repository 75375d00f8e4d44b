"""Template helpers: Vietnamese number format, bilingual fields, status colours."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

register = template.Library()


@register.filter
def num(value, decimals: int = 2):
    """A number in the active locale's format, trailing zeros dropped: 7,5 in Vietnamese."""
    if value in (None, ""):
        return "–"
    try:
        value = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return value  # text as typed, shown back to the user beside its error
    places = max(0, min(int(decimals), -value.normalize().as_tuple().exponent))
    return formats.number_format(round(value, places), places, use_l10n=True, force_grouping=True)


def _fixed(value, places: int) -> str:
    """Exactly `places` decimals, as the programme writes ranges: "7,0 – 7,5"."""
    return formats.number_format(value, places, use_l10n=True, force_grouping=True)


@register.filter
def tr(obj, field: str):
    """obj.<field>_en when English is active and it is filled in, else obj.<field>."""
    if translation.get_language() == "en":
        english = getattr(obj, f"{field}_en", "")
        if english:
            return english
    return getattr(obj, field, "")


@register.simple_tag
def target_text(indicator):
    """The target as a reader expects it: "> 50%", "7,0 - 7,5 %/năm", "≈ 30% (± 2)", "≤ 1"."""
    kind, value, upper = indicator.target_kind, indicator.target_value, indicator.target_upper
    unit = indicator.unit if indicator.unit.startswith("%") else f" {indicator.unit}"
    if kind == "range":
        return f"{_fixed(value, 1)} – {_fixed(upper, 1)}{unit}"
    if kind == "approximate":
        tolerance = f" (± {num(indicator.tolerance)})" if indicator.tolerance else ""
        return f"≈ {num(value)}{unit}{tolerance}"
    if kind == "floor":
        return f"{'>' if indicator.target_strict else '≥'} {num(value)}{unit}"
    if kind == "ceiling" and indicator.unit == "hạng":
        return "hạng 1" if value == 1 else f"hạng 1 – {num(value)}"
    if kind == "ceiling":
        return f"{'<' if indicator.target_strict else '≤'} {num(value)}{unit}"
    return ""


@register.filter
def get_item(mapping, key):
    return mapping.get(key, 0) if mapping else 0


@register.filter
def qty(value, unit: str):
    """A number with its unit: "46%", "4.782 công bố"."""
    if value in (None, ""):
        return "–"
    if unit == "hạng":
        return f"hạng {num(value)}"  # a rank reads "hạng 1", not "1 hạng"
    return f"{num(value)}{unit}" if unit.startswith("%") else f"{num(value)} {unit}"


_HISTORY_ACTIONS = {"+": _("Tạo mới"), "~": _("Cập nhật"), "-": _("Xóa")}


@register.filter
def history_action(record) -> str:
    """The change reason, or what kind of change it was, in the reader's language."""
    return record.history_change_reason or _HISTORY_ACTIONS.get(record.history_type, "")
