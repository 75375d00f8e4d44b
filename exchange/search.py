"""Search of published listings: one box, facets with counts, matches highlighted.

Accents and case aside (đ → d), every query word but the last must be a word of the
listing's folded `search_key` and the last must start one; words in the title weigh more
(`search_index`, which finds and ranks them in memory, the same on SQLite and PostgreSQL).
Facets (field, TRL, transfer mode, region, kind) count the listings that match the query and
the other chosen filters; they and every filter and page are cut in memory from the query's
`MatchSet`.
"""

from dataclasses import dataclass, field

import numpy as np

from research.search import parse_query

from .highlight import highlight
from .models import Field, Listing, TransferMode, listing_address
from .regions import REGION_NAMES
from .search_index import INDEX, KINDS, REGIONS, MatchSet
from .selectors import reference_data

PAGE_SIZE = 20
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
    """One listing on a page of results, with what the page shows of it worked out once: Django's
    templates took a tenth of a millisecond per hit to look it up on the listing (a reverse(),
    a translated choice, the organisation and field)."""

    listing: Listing
    title: str  # highlighted HTML
    snippet: str  # highlighted HTML
    url: str
    kind_label: str
    facts: list[str]  # organisation, field, TRL, province, as far as known


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
    """How often each value (small non-negative numbers) occurs, by ascending value."""
    counts = np.bincount(values)
    found = np.flatnonzero(counts)
    return dict(zip(found.tolist(), counts[found].tolist(), strict=True))


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


def search_listings(text: str = "", filters: dict | None = None, *, page: int = 1) -> SearchPage:
    """A page of published listings matching `text` and `filters`, best first, with facets."""
    filters = filters or {}
    query = parse_query(text)
    found = INDEX.match_set(query.words)
    masks = _masks(found, filters)
    chosen = found.ids[_meeting(masks, len(found))]
    start = (page - 1) * PAGE_SIZE
    ids = chosen[start : start + PAGE_SIZE].tolist()
    total, facets = len(chosen), _facets(found, masks, filters)
    by_id = INDEX.listings(ids)
    address, kinds = listing_address(), {value: str(label) for value, label in Listing.Kind.choices}
    hits = [_hit(by_id[pk], query.words, address, kinds) for pk in ids if pk in by_id]  # absent: unpublished
    return SearchPage(query=query.text, filters=filters, total=total, page=page, hits=hits, facets=facets)


def _hit(listing: Listing, words, address, kinds: dict[str, str]) -> Hit:
    organisation, field = listing.organisation, listing.field
    facts = [
        organisation and (organisation.short_name or organisation.name),
        field and field.label,
        listing.trl and f"TRL {listing.trl}",
        listing.get_region_display(),
    ]
    return Hit(
        listing=listing,
        title=highlight(listing.title, words),
        snippet=highlight(listing.description, words, limit=260),
        url=address(listing.pk),
        kind_label=kinds[listing.kind],
        facts=[fact for fact in facts if fact],
    )
