"""Find folded words in the original, accented text: to show "xử lý" for the term "xu ly" and
to highlight search matches in the text as written, whatever accents the query had."""

import re
import unicodedata
from functools import lru_cache
from html import escape  # Django's, for lazy text too, costs a third of a highlight

from django.utils.safestring import SafeString, mark_safe

from core.text import strip_accents


class _FoldTable(dict):
    """str.translate's table: each character folded to one (punctuation to a space), worked out
    the first time it is met."""

    def __missing__(self, code: int) -> str:
        folded = strip_accents(chr(code)).lower()[:1] or " "
        self[code] = folded if folded.isalnum() else " "
        return self[code]


_FOLD = _FoldTable()


@lru_cache(maxsize=1024)  # a match list folds its listing's text once per shared term
def _folded_chars(text: str) -> str:
    """The text folded one character at a time (same length as `text`), punctuation as spaces."""
    return text.translate(_FOLD)


def _phrase(phrase: str) -> str:
    """The regular expression of folded words with any spaces between them."""
    return r"\s+".join(re.escape(word) for word in phrase.split())


@lru_cache(maxsize=4096)
def _whole(phrase: str) -> re.Pattern:
    return re.compile(r"(?<![^\W_])" + _phrase(phrase) + r"(?![^\W_])")


def find_original(text: str, phrase: str) -> str:
    """The first place `phrase` (folded words) is written in `text`, as written; "" if absent."""
    text = unicodedata.normalize("NFC", text or "")
    found = _whole(phrase).search(_folded_chars(text))
    return text[found.start() : found.end()] if found else ""


def highlight(text: str, words, *, limit: int | None = None) -> SafeString:
    """`text` escaped, with every word starting with one of the folded `words` in <mark>.

    With `limit`, a window of about that many characters around the first match.
    """
    text = unicodedata.normalize("NFC", text or "")
    folded = _folded_chars(text)
    pattern = _any_word(tuple(words)) if words else None
    start, end = 0, len(text)
    if limit and len(text) > limit:
        first = pattern and pattern.search(folded)
        start = max(0, (first.start() if first else 0) - limit // 3)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = min(len(text), start + limit)
        while end < len(text) and not text[end].isspace():
            end += 1
    parts, position = [], start
    # The window ends at a space, so no word is cut by it.
    for found in pattern.finditer(folded, start, end) if pattern else ():
        left, right = found.span()
        parts.append(f"{escape(text[position:left])}<mark>{escape(text[left:right])}</mark>")
        position = right
    parts.append(escape(text[position:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)


@lru_cache(maxsize=1024)
def _any_word(words: tuple[str, ...]) -> re.Pattern:
    """A word starting with any of `words` (a search's words), to its end: one pass over the
    text for all of them."""
    return re.compile(r"(?<![^\W_])(?:" + "|".join(map(_phrase, words)) + r")[^\W_]*")
