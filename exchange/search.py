"""Search of published listings: one box, facets with counts, matches highlighted.

The text part folds like the research database's search and ranks with its
`rank_expression` (words in the title weigh more): accents and case aside (đ → d), every
query word but the last must be a word of the listing's folded `search_key` and the last
must start one; a stored full-text vector with a GIN index on PostgreSQL, LIKE on SQLite,
same results. Facets (field, TRL, transfer mode, region, kind) count the listings
that match the query and the other chosen filters. The database is read once per query text
and data version (a `MatchSet`, cached); its filters, facets and pages are cut from that in
memory.
"""

import hashlib
from dataclasses import dataclass, field

import numpy as np
from django.contrib.postgres.search import SearchQuery
from django.core.cache import cache
from django.db import connections
from django.db.models import Q

from core.cache import public_data_version
from research.search import parse_query, rank_expression

from .highlight import highlight
from .models import Field, Listing, TransferMode
from .regions import REGION_NAMES
from .selectors import reference_data

PAGE_SIZE = 20
CACHE_SECONDS = 300
FILTERS = ("kind", "field", "trl", "mode", "region")
# What a hit does not show: the search columns are most of a listing's row.
UNSHOWN = ("title_key", "search_key", "search_vector", "rejection_reason")


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
    if region in REGION_NAMES:
        filters["region"] = region
    return filters


@dataclass(frozen=True)
class MatchSet:
    """Every published listing that matches one query text, best first, with the columns the
    facets count (numpy arrays, one entry per listing). Every filter, facet and page of a
    query is cut from it in memory, so they all cost one database read, cached under the
    public data version."""

    ids: np.ndarray
    kinds: np.ndarray  # index in KINDS
    fields: np.ndarray  # field id, 0 when none
    trls: np.ndarray  # 0 when none
    regions: np.ndarray  # index in REGIONS + 1, 0 when none
    modes: np.ndarray  # Listing.mode_mask

    def __len__(self) -> int:
        return len(self.ids)


KINDS = list(Listing.Kind.values)
REGIONS = list(REGION_NAMES)


def _fields() -> dict[int, Field]:
    return reference_data()[0]


def _modes() -> list[TransferMode]:
    return list(reference_data()[1].values())


def _masks(found: MatchSet, filters: dict) -> dict[str, np.ndarray]:
    """Per chosen filter, which rows meet it."""
    masks = {}
    if "kind" in filters:
        masks["kind"] = found.kinds == KINDS.index(filters["kind"])
    if "field" in filters:
        ids = [pk for pk, f in _fields().items() if f.code.startswith(filters["field"])]
        masks["field"] = np.isin(found.fields, ids)
    if "trl" in filters:
        masks["trl"] = found.trls == filters["trl"]
    if "mode" in filters:
        bits = sum(1 << m.pk for m in _modes() if m.code == filters["mode"])
        masks["mode"] = (found.modes & bits) != 0
    if "region" in filters:
        masks["region"] = found.regions == REGIONS.index(filters["region"]) + 1
    return masks


def _meeting(masks: dict[str, np.ndarray], size: int, skip: str = "") -> np.ndarray:
    """The rows that meet every chosen filter but `skip`."""
    ok = np.ones(size, dtype=bool)
    for name, mask in masks.items():
        if name != skip:
            ok &= mask
    return ok


def _counts(values: np.ndarray) -> dict[int, int]:
    found, counts = np.unique(values, return_counts=True)
    return dict(zip(found.tolist(), counts.tolist(), strict=True))


def _facets(found: MatchSet, masks: dict[str, np.ndarray], filters: dict) -> dict[str, list[Facet]]:
    """Counts per value; each facet counts the rows meeting the other facets' filters, not its own."""
    size = len(found)
    kinds = _counts(found.kinds[_meeting(masks, size, "kind")])
    by_field = _counts(found.fields[_meeting(masks, size, "field")])
    trls = _counts(found.trls[_meeting(masks, size, "trl")])
    with_modes = found.modes[_meeting(masks, size, "mode")]
    by_mode = {m.pk: int(np.count_nonzero(with_modes & (1 << m.pk))) for m in _modes()}
    by_region = _counts(found.regions[_meeting(masks, size, "region")])  # ascending: province order
    regions = {REGIONS[index - 1]: n for index, n in by_region.items() if index}
    fields = _fields()
    subs: dict[str, int] = {}
    for pk, n in by_field.items():
        if pk in fields:
            subs[fields[pk].code] = subs.get(fields[pk].code, 0) + n
    groups: dict[str, int] = {}
    for code, n in subs.items():
        groups[code[:1]] = groups.get(code[:1], 0) + n
    chosen = filters.get("field", "")
    return {
        "kind": [
            Facet(value, str(label), kinds.get(index, 0), filters.get("kind") == value)
            for index, (value, label) in enumerate(Listing.Kind.choices)
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
        "trl": [Facet(str(t), f"TRL {t}", n, filters.get("trl") == t) for t, n in sorted(trls.items()) if t],
        "mode": [
            Facet(m.code, m.label, by_mode[m.pk], filters.get("mode") == m.code) for m in _modes() if by_mode.get(m.pk)
        ],
        "region": [
            Facet(code, str(REGION_NAMES[code]), n, filters.get("region") == code)
            for code, n in sorted(regions.items(), key=lambda kv: -kv[1])  # stable: ties in province order
        ],
    }


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


def _match_set(query) -> MatchSet:
    """Read the published listings matching `query` from the database (see MatchSet)."""
    matched = _matched(Listing.objects.filter(status=Listing.Status.PUBLISHED), query)
    rows = list(matched.values_list("pk", "kind", "field_id", "trl", "region", "mode_mask"))
    kind_index = {kind: index for index, kind in enumerate(KINDS)}
    region_index = {code: index + 1 for index, code in enumerate(REGIONS)}
    return MatchSet(
        ids=np.array([row[0] for row in rows], dtype=np.int64),
        kinds=np.array([kind_index[row[1]] for row in rows], dtype=np.int8),
        fields=np.array([row[2] or 0 for row in rows], dtype=np.int32),
        trls=np.array([row[3] or 0 for row in rows], dtype=np.int8),
        regions=np.array([region_index.get(row[4], 0) for row in rows], dtype=np.int16),
        modes=np.array([row[5] for row in rows], dtype=np.int64),
    )


def match_set(query) -> MatchSet:
    """The MatchSet of `query`, from the cache when this data version already read it."""
    raw = repr(("match-set", query.phrase))
    key = f"exchange:search:{public_data_version()}:{hashlib.sha256(raw.encode()).hexdigest()}"
    found = cache.get(key)
    if found is None:
        found = _match_set(query)
        cache.set(key, found, CACHE_SECONDS)
    return found


def search_listings(text: str = "", filters: dict | None = None, *, page: int = 1) -> SearchPage:
    """A page of published listings matching `text` and `filters`, best first, with facets."""
    filters = filters or {}
    query = parse_query(text)
    found = match_set(query)
    masks = _masks(found, filters)
    chosen = found.ids[_meeting(masks, len(found))]
    start = (page - 1) * PAGE_SIZE
    ids = chosen[start : start + PAGE_SIZE].tolist()
    total, facets = len(chosen), _facets(found, masks, filters)
    listings = Listing.objects.filter(pk__in=ids).defer(*UNSHOWN).select_related("field", "organisation")
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
