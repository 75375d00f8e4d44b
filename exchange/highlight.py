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


@lru_cache(maxsize=4096)
def _pattern(phrase: str, *, prefix: bool) -> re.Pattern:
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    tail = r"[^\W_]*" if prefix else r"(?![^\W_])"
    return re.compile(r"(?<![^\W_])" + body + tail)


def find_original(text: str, phrase: str) -> str:
    """The first place `phrase` (folded words) is written in `text`, as written; "" if absent."""
    text = unicodedata.normalize("NFC", text or "")
    found = _pattern(phrase, prefix=False).search(_folded_chars(text))
    return text[found.start() : found.end()] if found else ""


def highlight(text: str, words, *, limit: int | None = None) -> SafeString:
    """`text` escaped, with every word starting with one of the folded `words` in <mark>.

    With `limit`, a window of about that many characters around the first match.
    """
    text = unicodedata.normalize("NFC", text or "")
    folded = _folded_chars(text)
    spans = []
    for word in words:
        spans.extend(m.span() for m in _pattern(word, prefix=True).finditer(folded))
    spans.sort()
    start, end = 0, len(text)
    if limit and len(text) > limit:
        first = spans[0][0] if spans else 0
        start = max(0, first - limit // 3)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = min(len(text), start + limit)
        while end < len(text) and not text[end].isspace():
            end += 1
    parts, position = [], start
    for left, right in spans:
        if left < position or right > end:
            continue
        parts.append(escape(text[position:left]))
        parts.append(f"<mark>{escape(text[left:right])}</mark>")
        position = right
    parts.append(escape(text[position:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)
