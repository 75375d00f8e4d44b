"""Vietnamese text helpers shared by every app."""

import unicodedata


def strip_accents(text: str) -> str:
    """Remove Vietnamese diacritics; đ/Đ are letters of their own, mapped to d/D."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def fold(text: str) -> str:
    """A comparison key: no accents, lower case, single spaces."""
    return " ".join(strip_accents(text).lower().split())


def decimal_text(value) -> str:
    """A number for a sentence, Vietnamese style: 7,5 (no grouping); "–" when missing."""
    if value is None:
        return "–"
    return format(value.normalize(), "f").replace(".", ",")
