"""Vietnamese text helpers shared by every app."""

import unicodedata


def strip_accents(text: str) -> str:
    """Remove Vietnamese diacritics; đ/Đ are letters of their own, mapped to d/D."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def fold(text: str) -> str:
    """A comparison key: no accents, lower case, single spaces."""
    return " ".join(strip_accents(text).lower().split())
