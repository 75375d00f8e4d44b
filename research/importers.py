"""Reading publication files (BibTeX, RIS, Crossref JSON) into plain entries.

No database work here: `parse_file()` turns bytes into entries that can be stored as JSON
and rejected items that say where and why; `research.services` checks duplicates and writes.

An entry:

    {"ref": {"line": 12} | {"index": 3}, "kind": "article", "title": "...", "year": 2021,
     "venue": "...", "doi": "10.1234/x" | None, "abstract": "...", "url": "...",
     "patent_number": "...", "authors": [{"name": "Nguyễn, Văn An", "family": "Nguyễn",
     "given": "Văn An", "orcid": "0000-0002-1825-0097" | ""}]}

An ORCID iD may follow an author's name in any format, e.g.
"Nguyễn, Văn An (0000-0002-1825-0097)"; Crossref gives it in its own field.
"""

import json
import re
import warnings
from datetime import date
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Output
from .validators import normalise_doi, normalise_orcid, orcid_checksum_ok, validate_doi

MAX_BYTES = getattr(settings, "RESEARCH_IMPORT_MAX_BYTES", 5 * 1024 * 1024)
FORMATS = ("bibtex", "ris", "crossref")
K = Output.Kind

BIBTEX_KINDS = {
    "article": K.ARTICLE,
    "book": K.BOOK,
    "inbook": K.BOOK,
    "incollection": K.BOOK,
    "booklet": K.BOOK,
    "inproceedings": K.CONFERENCE,
    "conference": K.CONFERENCE,
    "proceedings": K.CONFERENCE,
    "patent": K.PATENT,
    "software": K.SOFTWARE,
    "techreport": K.POLICY_REPORT,
    "report": K.POLICY_REPORT,
}
RIS_KINDS = {
    "JOUR": K.ARTICLE,
    "EJOUR": K.ARTICLE,
    "JFULL": K.ARTICLE,
    "MGZN": K.ARTICLE,
    "BOOK": K.BOOK,
    "EBOOK": K.BOOK,
    "EDBOOK": K.BOOK,
    "CHAP": K.BOOK,
    "ECHAP": K.BOOK,
    "CONF": K.CONFERENCE,
    "CPAPER": K.CONFERENCE,
    "PAT": K.PATENT,
    "COMP": K.SOFTWARE,
    "RPRT": K.POLICY_REPORT,
    "GOVDOC": K.POLICY_REPORT,
}
CROSSREF_KINDS = {
    "journal-article": K.ARTICLE,
    "book": K.BOOK,
    "book-chapter": K.BOOK,
    "book-part": K.BOOK,
    "book-section": K.BOOK,
    "monograph": K.BOOK,
    "edited-book": K.BOOK,
    "reference-book": K.BOOK,
    "proceedings-article": K.CONFERENCE,
    "report": K.POLICY_REPORT,
}

ORCID_IN_TEXT = re.compile(r"[\[(]?\s*(?:https?://orcid\.org/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dXx])\s*[\])]?")
YEAR_IN_TEXT = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
TAGS = re.compile(r"<[^>]+>")
BIBTEX_START = re.compile(r"^[ \t]*@[ \t]*(\w+)[ \t]*[{(]", re.MULTILINE)
RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")


def file_error(message) -> ValidationError:
    return ValidationError({"file": [message]})


# Reading the file -------------------------------------------------------------------------


def detect_format(filename: str, text: str) -> str | None:
    suffix = PurePath(filename or "").suffix.lower()
    by_suffix = {".bib": "bibtex", ".bibtex": "bibtex", ".ris": "ris", ".json": "crossref"}
    if suffix in by_suffix:
        return by_suffix[suffix]
    head = text.lstrip()[:2000]
    if head.startswith(("{", "[")):
        return "crossref"
    if re.search(r"^TY  - ", head, re.MULTILINE):
        return "ris"
    if BIBTEX_START.search(head):
        return "bibtex"
    return None


def decode(data: bytes) -> str:
    if not data.strip():
        raise file_error(_("Tệp rỗng."))
    if len(data) > MAX_BYTES:
        raise file_error(
            _("Tệp quá lớn (%(size)s MB); giới hạn là %(limit)s MB.")
            % {"size": round(len(data) / 1024 / 1024, 1), "limit": MAX_BYTES // 1024 // 1024}
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte order mark (some Windows tools)
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise file_error(_("Tệp không phải là tệp văn bản (BibTeX, RIS hoặc JSON)."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise file_error(
            _("Tệp không đọc được dưới dạng văn bản UTF-8 (lỗi ở byte %(position)s). Hãy lưu lại tệp với mã UTF-8.")
            % {"position": exc.start}
        ) from None


def parse_file(*, data: bytes, filename: str, format: str = "") -> tuple[str, list[dict], list[dict]]:
    """(format, entries, rejected) of an uploaded file; ValidationError({"file": ...}) when the
    file as a whole cannot be read."""
    text = decode(data)
    format = format or detect_format(filename, text)
    if format not in FORMATS:
        raise file_error(_("Không nhận ra định dạng tệp; hãy chọn BibTeX, RIS hoặc Crossref JSON."))
    entries, rejected = {"bibtex": parse_bibtex, "ris": parse_ris, "crossref": parse_crossref}[format](text)
    if not entries and not rejected:
        raise file_error(_("Không tìm thấy mục nào trong tệp (định dạng %(format)s).") % {"format": format})
    return format, entries, rejected


# Shared checks ----------------------------------------------------------------------------


def _clean(value) -> str:
    return " ".join(str(value or "").replace("{", "").replace("}", "").split())


def _year(value) -> int | None:
    match = YEAR_IN_TEXT.search(str(value or ""))
    return int(match.group(1)) if match else None


def split_name(raw: str) -> dict:
    """An author as the file writes them, with any ORCID iD taken out of the name."""
    orcid = ""
    match = ORCID_IN_TEXT.search(raw)
    if match:
        orcid = normalise_orcid(match.group(1))
        raw = raw[: match.start()] + raw[match.end() :]
    name = _clean(raw).strip(" ,;")
    family, given = (part.strip() for part in name.split(",", 1)) if "," in name else ("", "")
    return {"name": name, "family": family, "given": given, "orcid": orcid}


def _author(family: str, given: str, orcid: str = "") -> dict:
    family, given = _clean(family), _clean(given)
    name = f"{family}, {given}" if family and given else (family or given)
    return {"name": name, "family": family, "given": given, "orcid": normalise_orcid(orcid) if orcid else ""}


def build_entry(ref: dict, *, kind, raw_kind: str, title, year, venue="", doi="", authors=(), **extra) -> tuple:
    """(entry, None) when the fields make an output, else (None, rejected item)."""
    title = _clean(title)
    reasons = []
    if not title:
        reasons.append(_("Thiếu tên (title)."))
    if kind is None:
        reasons.append(_("Loại ấn phẩm “%(type)s” chưa được hỗ trợ.") % {"type": raw_kind or "?"})
    if year is None:
        reasons.append(_("Thiếu năm công bố hoặc năm không hợp lệ."))
    elif not 1900 <= year <= date.today().year + 1:
        reasons.append(_("Năm %(year)s nằm ngoài khoảng 1900 – năm sau.") % {"year": year})
    doi = normalise_doi(doi) if doi else None
    if doi:
        try:
            validate_doi(doi)
        except ValidationError:
            reasons.append(_("DOI “%(doi)s” không hợp lệ (dạng 10.1234/abc).") % {"doi": doi})
    authors = [a for a in authors if a["name"]]
    for author in authors:
        if author["orcid"] and not (
            re.fullmatch(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]", author["orcid"]) and orcid_checksum_ok(author["orcid"])
        ):
            reasons.append(
                _("ORCID “%(orcid)s” của tác giả %(name)s không hợp lệ.")
                % {"orcid": author["orcid"], "name": author["name"]}
            )
    if reasons:
        return None, {"ref": ref, "title": title[:300], "reasons": reasons}
    entry = {
        "ref": ref,
        "kind": str(kind),
        "title": title[:2000],
        "year": year,
        "venue": _clean(venue)[:500],
        "doi": doi,
        "authors": authors[:200],
        "abstract": _clean(extra.get("abstract"))[:20000],
        "url": _clean(extra.get("url"))[:500]
        if str(extra.get("url") or "").startswith(("http://", "https://"))
        else "",
        "patent_number": _clean(extra.get("patent_number"))[:100],
    }
    return entry, None


def _collect(results) -> tuple[list[dict], list[dict]]:
    entries, rejected = [], []
    for entry, problem in results:
        if entry:
            entries.append(entry)
        else:
            rejected.append(problem)
    return entries, rejected


# BibTeX ------------------------------------------------------------------------------------


def _split_bibtex_authors(value: str) -> list[str]:
    """Split on " and " outside braces."""
    names, depth, current, i = [], 0, [], 0
    lower = value.lower()
    while i < len(value):
        char = value[i]
        depth += char == "{"
        depth -= char == "}"
        if depth == 0 and lower.startswith(" and ", i):
            names.append("".join(current))
            current, i = [], i + 5
            continue
        current.append(char)
        i += 1
    names.append("".join(current))
    return [name.strip() for name in names if name.strip()]


def _bibtex_chunks(text: str):
    """(line number, entry type, text) of each @entry: it runs to the next line that starts one."""
    starts = list(BIBTEX_START.finditer(text))
    line, counted = 1, 0
    for n, match in enumerate(starts):
        end = starts[n + 1].start() if n + 1 < len(starts) else len(text)
        line += text.count("\n", counted, match.start())  # counted from the previous entry on
        counted = match.start()
        yield line, match.group(1).lower(), text[match.start() : end]


def parse_bibtex(text: str) -> tuple[list[dict], list[dict]]:
    from bibtexparser.bparser import BibTexParser
    from bibtexparser.latexenc import latex_to_unicode

    parser = BibTexParser(common_strings=True, ignore_nonstandard_types=False, interpolate_strings=True)
    parser.expect_multiple_parse = True  # one parse per entry: a broken entry is reported alone
    results = []
    line_count = 0
    for line, entry_type, chunk in _bibtex_chunks(text):
        line_count += 1
        before = len(parser.bib_database.entries)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                parser.parse(chunk, partial=True)
        except Exception:  # noqa: BLE001 - the library raises many kinds on broken input
            pass
        if entry_type in ("string", "comment", "preamble"):
            continue
        ref = {"line": line}
        if len(parser.bib_database.entries) == before:
            results.append(
                (
                    None,
                    {
                        "ref": ref,
                        "title": "",
                        "reasons": [_("Không đọc được mục này (thiếu dấu ngoặc, dấu phẩy hoặc khóa?).")],
                    },
                )
            )
            continue
        fields = {
            key.lower(): (latex_to_unicode(value) if "\\" in value else value)
            for key, value in parser.bib_database.entries[-1].items()
        }
        del parser.bib_database.entries[:]
        parser.bib_database._entries_dict = {}
        results.append(
            build_entry(
                ref,
                kind=BIBTEX_KINDS.get(entry_type),
                raw_kind=entry_type,
                title=fields.get("title"),
                year=_year(fields.get("year") or fields.get("date")),
                venue=fields.get("journal") or fields.get("booktitle") or fields.get("publisher") or "",
                doi=fields.get("doi", ""),
                authors=[split_name(name) for name in _split_bibtex_authors(fields.get("author", ""))],
                abstract=fields.get("abstract"),
                url=fields.get("url"),
                patent_number=fields.get("number") if entry_type == "patent" else "",
            )
        )
    if not line_count and text.strip():
        raise file_error(_("Không tìm thấy mục BibTeX nào (mỗi mục bắt đầu bằng @article{, @book{...)."))
    return _collect(results)


# RIS ---------------------------------------------------------------------------------------


def _ris_records(text: str):
    """(first line, lines, problem) of each TY ... ER record."""
    record, start = None, 0
    for number, line in enumerate(text.splitlines(), start=1):
        match = RIS_LINE.match(line.rstrip())
        tag = match.group(1) if match else None
        if tag == "TY":
            if record is not None:
                yield start, record, _("Mục không kết thúc bằng dòng “ER  -”.")
            record, start = [line], number
        elif record is None:
            if line.strip():
                yield number, [], _("Dòng nằm ngoài mục nào (mỗi mục bắt đầu bằng “TY  -”).")
        else:
            record.append(line)
            if tag == "ER":
                yield start, record, None
                record = None
    if record is not None:
        yield start, record, _("Mục không kết thúc bằng dòng “ER  -”.")


def parse_ris(text: str) -> tuple[list[dict], list[dict]]:
    import rispy

    results = []
    for line, lines, problem in _ris_records(text):
        ref = {"line": line}
        if problem:
            results.append((None, {"ref": ref, "title": "", "reasons": [problem]}))
            continue
        try:
            [fields] = rispy.loads("\n".join(lines) + "\n")
        except Exception:  # noqa: BLE001 - rispy raises on unknown layouts
            results.append((None, {"ref": ref, "title": "", "reasons": [_("Không đọc được mục RIS này.")]}))
            continue
        raw_kind = fields.get("type_of_reference", "")
        urls = fields.get("urls") or []
        results.append(
            build_entry(
                ref,
                kind=RIS_KINDS.get(raw_kind),
                raw_kind=raw_kind,
                title=fields.get("title") or fields.get("primary_title"),
                year=_year(fields.get("year") or fields.get("publication_year") or fields.get("date")),
                venue=fields.get("journal_name")
                or fields.get("secondary_title")
                or fields.get("alternate_title3")
                or fields.get("publisher")
                or "",
                doi=fields.get("doi", ""),
                authors=[split_name(name) for name in (fields.get("authors") or fields.get("first_authors") or [])],
                abstract=fields.get("abstract"),
                url=urls[0] if urls else "",
                patent_number=fields.get("number") if raw_kind == "PAT" else "",
            )
        )
    return _collect(results)


# Crossref JSON -------------------------------------------------------------------------------


def _crossref_works(data) -> list:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        message = data.get("message", data)
        if isinstance(message, dict) and isinstance(message.get("items"), list):
            return message["items"]
        if isinstance(message, dict) and ("title" in message or "DOI" in message or "type" in message):
            return [message]
    raise file_error(_("Tệp JSON không phải là bản ghi Crossref (một “message”, một danh sách hoặc “items”)."))


def _crossref_year(work: dict) -> int | None:
    for key in ("issued", "published-print", "published-online", "published", "created"):
        try:
            year = work[key]["date-parts"][0][0]
        except (KeyError, IndexError, TypeError):
            continue
        if isinstance(year, int):
            return year
    return None


def _first(value) -> str:
    if isinstance(value, list):
        return str(value[0]) if value else ""
    return str(value or "")


def parse_crossref(text: str) -> tuple[list[dict], list[dict]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise file_error(
            _("Tệp JSON bị lỗi ở dòng %(line)s, cột %(column)s: %(message)s")
            % {"line": exc.lineno, "column": exc.colno, "message": exc.msg}
        ) from None
    results = []
    for index, work in enumerate(_crossref_works(data)):
        ref = {"index": index}
        if not isinstance(work, dict):
            results.append((None, {"ref": ref, "title": "", "reasons": [_("Phần tử không phải là một bản ghi.")]}))
            continue
        authors = []
        for person in work.get("author") or []:
            if isinstance(person, dict):
                family = person.get("family") or person.get("name") or ""
                authors.append(_author(family, person.get("given", ""), person.get("ORCID", "")))
        raw_kind = str(work.get("type", ""))
        results.append(
            build_entry(
                ref,
                kind=CROSSREF_KINDS.get(raw_kind),
                raw_kind=raw_kind,
                title=_first(work.get("title")),
                year=_crossref_year(work),
                venue=_first(work.get("container-title")) or str(work.get("publisher") or ""),
                doi=str(work.get("DOI") or ""),
                authors=authors,
                abstract=TAGS.sub(" ", str(work.get("abstract") or "")),
                url=str(work.get("URL") or ""),
            )
        )
    return _collect(results)
