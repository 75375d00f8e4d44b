from django import template
from django.utils import translation

register = template.Library()


@register.filter
def vnd(value) -> str:
    """A whole number of đồng grouped by thousands as the reader writes it: 1.500.000.000 (vi), 1,500,000,000 (en)."""
    if value in (None, ""):
        return "–"
    grouped = f"{int(value):,}"
    return grouped if translation.get_language() == "en" else grouped.replace(",", ".")
