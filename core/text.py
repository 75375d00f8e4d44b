"""Vietnamese text helpers shared by every app."""

import re
import unicodedata

# "1.500" or "1.500.000": dots between thousands, as Vietnamese type amounts.
_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")


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


def typed_amount(text: str) -> str:
    """An amount as a person typed it, with the dots between thousands ("1.500") dropped."""
    text = (text or "").strip().replace(" ", "")
    return text.replace(".", "") if _THOUSANDS.fullmatch(text) else text
