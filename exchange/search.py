"""Search of published listings: one box, facets with counts, matches highlighted.

The text part folds like the research database's search and ranks with its
`rank_expression` (words in the title weigh more): accents and case aside (đ → d), every
query word but the last must be a word of the listing's folded `search_key` and the last
must start one; a stored full-text vector with a GIN index on PostgreSQL, LIKE on SQLite,
same results. Facets (field, TRL, transfer mode, region, kind) count the listings
that match the query and the other chosen filters. A result page for the same query and
data version is cached (core.cache), so a popular search costs one cache read.
"""

import hashlib
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery
from django.core.cache import cache
from django.db import connections
from django.db.models import Count, Q
from django.utils.translation import get_language

from core.cache import public_data_version
from research.search import parse_query, rank_expression

from .highlight import highlight
from .models import Field, Listing, TransferMode
from .regions import PROVINCES
from .selectors import reference_data

PAGE_SIZE = 20
CACHE_SECONDS = 300
FILTERS = ("kind", "field", "trl", "mode", "region")


@dataclass
class Facet:
    value: str
    label: str
    count: int
    selected: bool = False
    level: int = 1


@dataclass
class Hit:
    listing: Listing
    title: str  # highlighted HTML
    snippet: str  # highlighted HTML


@dataclass
class SearchPage:
    query: str
    filters: dict
    total: int
    page: int
    hits: list[Hit]
    facets: dict[str, list[Facet]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def clean_filters(params) -> dict:
    """Only known filter values; anything else is ignored, never an error."""
    filters = {}
    kind = params.get("kind") or ""
    if kind in Listing.Kind.values:
        filters["kind"] = kind
    code = (params.get("field") or "").strip()
    if code and code.isdigit() and len(code) <= 3:
        filters["field"] = code
    trl = params.get("trl") or ""
    if trl.isdigit() and 1 <= int(trl) <= 9:
        filters["trl"] = int(trl)
    mode = params.get("mode") or ""
    if mode and mode.replace("_", "").isalpha():
        filters["mode"] = mode
    region = params.get("region") or ""
    if region in {code for code, _label in PROVINCES}:
        filters["region"] = region
    return filters


def _fields() -> dict[int, Field]:
    return reference_data()[0]


def _modes() -> list[TransferMode]:
    return list(reference_data()[1].values())


def _apply(queryset, filters: dict, *, skip: str = ""):
    if "kind" in filters and skip != "kind":
        queryset = queryset.filter(kind=filters["kind"])
    if "field" in filters and skip != "field":
        ids = [pk for pk, f in _fields().items() if f.code.startswith(filters["field"])]
        queryset = queryset.filter(field_id__in=ids)
    if "trl" in filters and skip != "trl":
        queryset = queryset.filter(trl=filters["trl"])
    if "mode" in filters and skip != "mode":
        queryset = queryset.filter(transfer_modes__code=filters["mode"])
    if "region" in filters and skip != "region":
        queryset = queryset.filter(region=filters["region"])
    return queryset


def _facets(matched, filters: dict) -> dict[str, list[Facet]]:
    """Counts per value; each facet counts with the other facets' filters applied, not its own."""
    facets = {}
    rows = _apply(matched, filters, skip="kind").values("kind").annotate(n=Count("id")).order_by()
    counts = {row["kind"]: row["n"] for row in rows}
    facets["kind"] = [
        Facet(value, str(label), counts.get(value, 0), filters.get("kind") == value)
        for value, label in Listing.Kind.choices
    ]
    rows = _apply(matched, filters, skip="field").values("field_id").annotate(n=Count("id")).order_by()
    fields = _fields()
    groups: dict[str, int] = {}
    subs: dict[str, int] = {}
    for row in rows:
        f = fields.get(row["field_id"])
        if f is None:
            continue
        groups[f.code[:1]] = groups.get(f.code[:1], 0) + row["n"]
        subs[f.code] = subs.get(f.code, 0) + row["n"]
    chosen = filters.get("field", "")
    field_facets = []
    for f in sorted(fields.values(), key=lambda f: f.code):
        if f.parent_id is None and groups.get(f.code):
            field_facets.append(Facet(f.code, f.label, groups[f.code], chosen == f.code, 1))
        elif f.parent_id and subs.get(f.code) and chosen[:1] == f.code[:1]:
            field_facets.append(Facet(f.code, f.label, subs[f.code], chosen == f.code, 2))
    facets["field"] = field_facets
    rows = _apply(matched, filters, skip="trl").values("trl").annotate(n=Count("id")).order_by("trl")
    facets["trl"] = [
        Facet(str(row["trl"]), f"TRL {row['trl']}", row["n"], filters.get("trl") == row["trl"])
        for row in rows
        if row["trl"]
    ]
    through = Listing.transfer_modes.through.objects.filter(listing__in=_apply(matched, filters, skip="mode"))
    counts = dict(through.values("transfermode_id").annotate(n=Count("id")).values_list("transfermode_id", "n"))
    facets["mode"] = [
        Facet(m.code, m.label, counts[m.pk], filters.get("mode") == m.code) for m in _modes() if counts.get(m.pk)
    ]
    rows = _apply(matched, filters, skip="region").values("region").annotate(n=Count("id")).order_by("-n")
    labels = dict(PROVINCES)
    facets["region"] = [
        Facet(
            row["region"],
            str(labels.get(row["region"], row["region"])),
            row["n"],
            filters.get("region") == row["region"],
        )
        for row in rows
        if row["region"]
    ]
    return facets


def _facets_of_rows(rows: list[tuple], modes: dict[int, set[str]], filters: dict) -> tuple[list[int], dict]:
    """The same facets as `_facets`, counted in Python over the matched rows (pk, kind,
    field_id, trl, region), best first: one full-text query instead of one per facet."""
    fields = _fields()
    code_of = {pk: f.code for pk, f in fields.items()}

    def failing(row) -> set[str]:
        """The filters a row does not meet."""
        pk, kind, field_id, trl, region = row
        missed = set()
        if "kind" in filters and kind != filters["kind"]:
            missed.add("kind")
        if "field" in filters and not code_of.get(field_id, "").startswith(filters["field"]):
            missed.add("field")
        if "trl" in filters and trl != filters["trl"]:
            missed.add("trl")
        if "mode" in filters and filters["mode"] not in modes.get(pk, ()):
            missed.add("mode")
        if "region" in filters and region != filters["region"]:
            missed.add("region")
        return missed

    # A facet counts the rows that meet every other filter: those missing nothing or only it.
    missed = [failing(row) for row in rows] if filters else [set()] * len(rows)

    def passes(index, skip=""):
        return not missed[index] or missed[index] == {skip}

    def counts(skip, value_of):
        found: dict = {}
        for index, row in enumerate(rows):
            if passes(index, skip):
                for value in value_of(row):
                    found[value] = found.get(value, 0) + 1
        return found

    kinds = counts("kind", lambda row: [row[1]])
    subs = counts("field", lambda row: [code_of[row[2]]] if row[2] in code_of else [])
    trls = counts("trl", lambda row: [row[3]] if row[3] else [])
    mode_counts = counts("mode", lambda row: modes.get(row[0], ()))
    regions = counts("region", lambda row: [row[4]] if row[4] else [])
    groups: dict[str, int] = {}
    for code, n in subs.items():
        groups[code[:1]] = groups.get(code[:1], 0) + n
    chosen = filters.get("field", "")
    facets = {
        "kind": [
            Facet(value, str(label), kinds.get(value, 0), filters.get("kind") == value)
            for value, label in Listing.Kind.choices
        ],
        "field": [
            Facet(
                f.code,
                f.label,
                groups[f.code] if f.parent_id is None else subs[f.code],
                chosen == f.code,
                2 if f.parent_id else 1,
            )
            for f in sorted(fields.values(), key=lambda f: f.code)
            if (f.parent_id is None and groups.get(f.code))
            or (f.parent_id and subs.get(f.code) and chosen[:1] == f.code[:1])
        ],
        "trl": [Facet(str(t), f"TRL {t}", trls[t], filters.get("trl") == t) for t in sorted(trls)],
        "mode": [
            Facet(m.code, m.label, mode_counts[m.code], filters.get("mode") == m.code)
            for m in _modes()
            if mode_counts.get(m.code)
        ],
        "region": [
            Facet(code, str(dict(PROVINCES).get(code, code)), n, filters.get("region") == code)
            for code, n in sorted(regions.items(), key=lambda kv: -kv[1])
        ],
    }
    return [row[0] for index, row in enumerate(rows) if not missed[index]], facets


def _matched(published, query):
    """Listings holding every query word, best first (see the module docstring): each word but
    the last must be a whole word, the last may start one, so "nuoc tha" already finds "nước
    thải". PostgreSQL matches through the stored vector (migration 0003), SQLite with LIKE."""
    if not query:
        return published.order_by("-published_at", "-pk")
    *whole, last = query.words
    if connections[published.db].vendor == "postgresql":
        raw = " & ".join([*whole, f"{last}:*"])  # folded letters and digits only
        found = published.filter(search_vector=SearchQuery(raw, search_type="raw", config="simple"))
    else:
        condition = Q(search_key__contains=f" {last}")
        for word in whole:
            condition &= Q(search_key__contains=f" {word} ")
        found = published.filter(condition)
    rank = rank_expression(query, key="search_key", title="title_key")
    return found.annotate(search_rank=rank).order_by("-search_rank", "-published_at", "-pk")


def _cache_key(text: str, filters: dict, page: int, with_facets: bool) -> str:
    raw = repr((text, sorted(filters.items()), page, with_facets, get_language()))
    return f"exchange:search:{public_data_version()}:{hashlib.sha256(raw.encode()).hexdigest()}"


def search_listings(
    text: str = "", filters: dict | None = None, *, page: int = 1, with_facets: bool = True
) -> SearchPage:
    """A page of published listings matching `text` and `filters`, best first, with facets."""
    filters = filters or {}
    query = parse_query(text)
    key = _cache_key(query.phrase, filters, page, with_facets)
    cached = cache.get(key)
    if cached is not None:
        ids, total, facets = cached
    else:
        matched = _matched(Listing.objects.filter(status=Listing.Status.PUBLISHED), query)
        start = (page - 1) * PAGE_SIZE
        if query:
            # A text query narrows the listings: read their facet columns once, count in Python.
            rows = list(matched.values_list("pk", "kind", "field_id", "trl", "region"))
            modes: dict[int, set[str]] = {}
            if rows:
                # The same search as a subquery: thousands of ids as parameters cost PostgreSQL more.
                through = Listing.transfer_modes.through.objects.filter(listing_id__in=matched.order_by().values("pk"))
                pairs = list(through.values_list("listing_id", "transfermode_id"))
                mode_of = reference_data(modes={mode_id for _listing, mode_id in pairs})[1]
                for listing_id, mode_id in pairs:
                    modes.setdefault(listing_id, set()).add(mode_of[mode_id].code)
            ordered, facets = _facets_of_rows(rows, modes, filters)
            total, ids = len(ordered), ordered[start : start + PAGE_SIZE]
            facets = facets if with_facets else {}
        else:
            rows = _apply(matched, filters)
            total = rows.count()
            ids = list(rows.values_list("pk", flat=True)[start : start + PAGE_SIZE])
            facets = _facets(matched.order_by(), filters) if with_facets else {}
        cache.set(key, (ids, total, facets), CACHE_SECONDS)
    listings = (
        Listing.objects.filter(pk__in=ids).select_related("field", "organisation").prefetch_related("transfer_modes")
    )
    by_id = {listing.pk: listing for listing in listings}
    hits = []
    for pk in ids:
        listing = by_id.get(pk)
        if listing is None:
            continue
        hits.append(
            Hit(
                listing=listing,
                title=highlight(listing.title, query.words),
                snippet=highlight(listing.description, query.words, limit=260),
            )
        )
    return SearchPage(query=query.text, filters=filters, total=total, page=page, hits=hits, facets=facets)
