"""The exchange's search index (chỉ mục tìm kiếm), held in each process's memory.

Why not the database: at 100,000 listings a query of common words matches thousands of
listings, and PostgreSQL visits every one of their rows to rank them (18 of the 22 ms of a
cold search, docs/benchmarks.md). Posting lists in memory find and rank the same listings in
a few milliseconds, and give the same results on SQLite and PostgreSQL.

What it holds, per published listing: the facet columns a `MatchSet` counts, the columns a hit
shows, and the posting lists of the words of its folded title and search key
(`Listing.title_key`, `search_key`): which listings hold each word and where.

Matching and ranking are those of `research.search` (its docstring): every query word but the
last is a word of the search key, the last starts one; per word 3 when it is a word of the
title, 2 when it starts one, 1 otherwise; a title holding the whole query scores 3 per word
+ 4, a search key holding it +2; then the most recently published, then the newest.

Staying current: each search first reads a token, the data version and the latest
`updated_at` and id of all listings (two index lookups). When it has changed, the index reads
the listings changed since it last looked (and MARGIN before, for transactions that committed
late) into a small second segment and hides their old entries in the first; a check of the
published listings' number and id sum then catches what that cannot see (a deleted listing, a
rolled-back change), and the index is rebuilt. A small index is simply rebuilt. Writes that
bypass `Listing.save()` therefore set `updated_at` themselves.
"""

import bisect
import contextlib
import ctypes
import datetime
import logging
import marshal
import os
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
from django.db import connections
from django.db.models import Count, Max, Sum

from core.cache import public_data_version
from core.rows import from_columns
from research.models import Organisation
from research.search import MAX_WORDS

from .models import Listing
from .regions import REGION_NAMES
from .selectors import reference_data

logger = logging.getLogger(__name__)
KINDS = list(Listing.Kind.values)
REGIONS = list(REGION_NAMES)
# What a hit shows besides the facet columns, kept with marshal (dates as day numbers, the
# price as text): no database read for a page of hits.
SHOWN = (
    "external_id",
    "title",
    "description",
    "keywords",
    "ip_status",
    "ip_number",
    "price",
    "price_negotiable",
    "organisation_id",
    "valid_from",
    "valid_until",
)
COLUMNS = ("pk", "kind", "field_id", "trl", "region", "mode_mask", "published_at", "title_key", "search_key", *SHOWN)
REBUILD_BELOW = 2000  # listings: rebuilt whole at every change, it takes a few milliseconds
MAX_CHANGED = 2000  # listings changed since the last build before the next rebuild
MARGIN = datetime.timedelta(minutes=5)
MATCH_SETS = 64  # the latest queries' match sets kept per process
EPOCH, MICROSECOND = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC), datetime.timedelta(microseconds=1)
LAST = "\U0010ffff"  # sorts after every character: word + LAST ends the words starting with word


@dataclass(frozen=True)
class MatchSet:
    """Every published listing that matches one query text, best first, with the columns the
    facets count (numpy arrays, one entry per listing). Every filter, facet and page of a query
    is cut from it in memory."""

    ids: np.ndarray
    kinds: np.ndarray  # index in KINDS
    fields: np.ndarray  # field id, 0 when none
    trls: np.ndarray  # 0 when none
    regions: np.ndarray  # index in REGIONS + 1, 0 when none
    modes: np.ndarray  # Listing.mode_mask

    def __len__(self) -> int:
        return len(self.ids)


def _starts(numbers: np.ndarray, count: int) -> np.ndarray:
    """Where each of `count` numbers starts in `numbers`, sorted, with their end last."""
    starts = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(numbers, minlength=count), out=starts[1:])
    return starts


@dataclass(frozen=True)
class Postings:
    """Which documents (numbered from 0) hold each word, and where it stands in them.

    Words are in alphabetical order, so the words starting with a prefix are one slice of them.
    `docs[doc_starts[i]:doc_starts[i + 1]]` are the documents holding `words[i]`;
    `tokens` is every text's words as word numbers, one after the other, each text followed by
    a -1, and `places[starts[i]:starts[i + 1]]` are the places of `words[i]` in it, `owner`
    the document of each place."""

    words: list[str]
    doc_starts: np.ndarray
    docs: np.ndarray
    starts: np.ndarray
    places: np.ndarray
    tokens: np.ndarray
    owner: np.ndarray

    def _span(self, word: str, *, prefix: bool = False) -> tuple[int, int]:
        """The word numbers of `word` (or, with `prefix`, of the words starting with it)."""
        low = bisect.bisect_left(self.words, word)
        if prefix:
            return low, bisect.bisect_left(self.words, word + LAST, low)
        return low, low + (low < len(self.words) and self.words[low] == word)

    def holding(self, word: str, size: int, *, prefix: bool = False) -> np.ndarray:
        """Which of `size` documents hold `word` (or, with `prefix`, a word starting with it)."""
        low, high = self._span(word, prefix=prefix)
        found = np.zeros(size, dtype=bool)
        found[self.docs[self.doc_starts[low] : self.doc_starts[high]]] = True
        return found

    def holding_phrase(self, words: tuple[str, ...], within: np.ndarray) -> np.ndarray:
        """Which documents of `within` (a mask) hold `words` one after the other."""
        spans = [self._span(word) for word in words]
        found = np.zeros(len(within), dtype=bool)
        if all(low < high for low, high in spans):
            # From the rarest word's places in those documents, look at its neighbours. A
            # place before the first text wraps to the -1s at the end of `tokens`.
            rarest = min(range(len(spans)), key=lambda i: self.starts[spans[i][1]] - self.starts[spans[i][0]])
            low = spans[rarest][0]
            at = self.places[self.starts[low] : self.starts[low + 1]]
            at = at[within[self.owner[at]]]
            for index, (number, _high) in enumerate(spans):
                if index != rarest:
                    at = at[self.tokens[at + (index - rarest)] == number]
            found[self.owner[at]] = True
        return found


class PostingsBuilder:
    """Postings, one text at a time: a segment is built while its rows are read."""

    def __init__(self):
        self.vocabulary: dict[str, int] = {}
        self.stream, self.lengths = array("i"), array("i")

    def add(self, text: str) -> None:
        words, vocabulary = text.split(), self.vocabulary
        self.lengths.append(len(words) + 1)
        self.stream.extend([vocabulary.setdefault(word, len(vocabulary)) for word in words])
        self.stream.append(-1)

    def postings(self) -> Postings:
        vocabulary = self.vocabulary
        words = sorted(vocabulary)
        number = np.empty(len(words) + 1, dtype=np.int32)  # [-1] stays -1
        number[[vocabulary[word] for word in words]] = np.arange(len(words), dtype=np.int32)
        number[-1] = -1
        # Room after the last text for a phrase of MAX_WORDS to be looked up past its end.
        tokens = np.concatenate([number[np.frombuffer(self.stream, dtype=np.int32)], np.full(MAX_WORDS, -1, np.int32)])
        lengths = np.frombuffer(self.lengths, dtype=np.int32)
        owner = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)
        places = np.flatnonzero(tokens >= 0)
        places = places[np.argsort(tokens[places], kind="stable")].astype(np.int32)
        # Grouped by word, then in text order: a word's documents are ascending, once each here.
        word_of, doc_of = tokens[places], owner[places]
        first = np.ones(len(places), dtype=bool)
        first[1:] = (word_of[1:] != word_of[:-1]) | (doc_of[1:] != doc_of[:-1])
        return Postings(
            words,
            _starts(word_of[first], len(words)),
            doc_of[first],
            _starts(word_of, len(words)),
            places,
            tokens,
            owner,
        )


@dataclass(frozen=True)
class Segment:
    """Some published listings: their columns (one entry per document) and posting lists."""

    ids: np.ndarray
    recency: np.ndarray  # published_at in microseconds
    kinds: np.ndarray
    fields: np.ndarray
    trls: np.ndarray
    regions: np.ndarray
    modes: np.ndarray
    title_words: Postings
    key_words: Postings
    shown: bytes  # SHOWN of each document, marshalled, one after the other
    shown_ends: np.ndarray

    @classmethod
    def build(cls, rows: Iterable[tuple]) -> "Segment":
        """From rows of COLUMNS, read once: a query's iterator is not held whole."""
        kind_index = {kind: index for index, kind in enumerate(KINDS)}
        region_index = {code: index + 1 for index, code in enumerate(REGIONS)}
        columns = {name: array("q") for name in ("ids", "recency", "kinds", "fields", "trls", "regions", "modes")}
        titles, keys, shown, shown_ends = PostingsBuilder(), PostingsBuilder(), bytearray(), array("q")
        for pk, kind, field_id, trl, region, modes, published, title_key, search_key, *rest in rows:
            columns["ids"].append(pk)
            columns["recency"].append((published - EPOCH) // MICROSECOND if published else 0)
            columns["kinds"].append(kind_index[kind])
            columns["fields"].append(field_id or 0)
            columns["trls"].append(trl or 0)
            columns["regions"].append(region_index.get(region, 0))
            columns["modes"].append(modes)
            titles.add(title_key)
            keys.add(search_key)
            shown += marshal.dumps(_storable(rest))
            shown_ends.append(len(shown))
        types = {"kinds": np.int8, "fields": np.int32, "trls": np.int8, "regions": np.int16}
        return cls(
            **{name: np.array(values, dtype=types.get(name, np.int64)) for name, values in columns.items()},
            title_words=titles.postings(),
            key_words=keys.postings(),
            shown=bytes(shown),
            shown_ends=np.frombuffer(shown_ends, dtype=np.int64),
        )

    def __len__(self) -> int:
        return len(self.ids)

    def listing(self, doc: int) -> Listing:
        """The listing of document `doc` as search shows it, without its relations: the facet
        and SHOWN columns, the others deferred."""
        *texts, price, negotiable, organisation_id, valid_from, valid_until = marshal.loads(
            self.shown[self.shown_ends[doc - 1] if doc else 0 : self.shown_ends[doc]]
        )
        region = self.regions[doc]
        return from_columns(
            Listing,
            **dict(zip(SHOWN[:6], texts, strict=True)),
            id=int(self.ids[doc]),
            kind=KINDS[self.kinds[doc]],
            status=Listing.Status.PUBLISHED,
            field_id=int(self.fields[doc]) or None,
            trl=int(self.trls[doc]) or None,
            region=REGIONS[region - 1] if region else "",
            mode_mask=int(self.modes[doc]),
            published_at=EPOCH + MICROSECOND * int(self.recency[doc]),
            price=None if price is None else Decimal(price),
            price_negotiable=negotiable,
            organisation_id=organisation_id,
            valid_from=valid_from and datetime.date.fromordinal(valid_from),
            valid_until=valid_until and datetime.date.fromordinal(valid_until),
        )

    def matching(self, words: tuple[str, ...], shown: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The documents among `shown` that match `words`, and their scores (module docstring)."""
        size = len(self)
        if not words:
            docs = np.flatnonzero(shown)
            return docs, np.zeros(len(docs), dtype=np.int32)
        found = shown.copy()
        for word in words[:-1]:
            found &= self.key_words.holding(word, size)
        found &= self.key_words.holding(words[-1], size, prefix=True)
        docs = np.flatnonzero(found)
        scores = np.zeros(len(docs), dtype=np.int32)
        for word in words:
            whole = self.title_words.holding(word, size)[docs]
            starting = self.title_words.holding(word, size, prefix=True)[docs]
            scores += np.where(whole, 3, np.where(starting, 2, 1)).astype(np.int32)
        if len(words) > 1:
            scores[self.title_words.holding_phrase(words, found)[docs]] = 3 * len(words) + 4
            scores += self.key_words.holding_phrase(words, found)[docs] * 2
        return docs, scores


def _storable(shown: tuple) -> tuple:
    """SHOWN as marshal keeps it."""
    *texts, price, negotiable, organisation_id, valid_from, valid_until = shown
    return (
        *texts,
        None if price is None else str(price),
        negotiable,
        organisation_id,
        valid_from and valid_from.toordinal(),
        valid_until and valid_until.toordinal(),
    )


def _published_rows(since: datetime.datetime | None = None) -> Iterable[tuple]:
    """COLUMNS of the published listings, or with `since`, of every listing changed since then
    (the published ones with their COLUMNS, the others as (pk,))."""
    if since is None:
        published = Listing.objects.filter(status=Listing.Status.PUBLISHED).order_by("pk")
        return published.values_list(*COLUMNS).iterator(chunk_size=2000)
    rows = Listing.objects.filter(updated_at__gte=since).order_by("pk").values_list("status", *COLUMNS)
    return [row[1:] if row[0] == Listing.Status.PUBLISHED else row[1:2] for row in rows]


def token() -> tuple:
    """What changes when the published listings may have: see the module docstring. Plain SQL:
    it is read before every search, and the ORM's aggregate costs three times more."""
    connection = connections[Listing.objects.db]
    with connection.cursor() as cursor:
        table, updated = connection.ops.quote_name(Listing._meta.db_table), Listing._meta.get_field("updated_at").column
        cursor.execute(f"SELECT MAX({connection.ops.quote_name(updated)}), MAX(id) FROM {table}")  # noqa: S608
        return public_data_version(), *cursor.fetchone()


def _fingerprint() -> tuple[int, int]:
    published = Listing.objects.filter(status=Listing.Status.PUBLISHED)
    found = published.aggregate(number=Count("pk"), total=Sum("pk"))
    return found["number"], found["total"] or 0


def _give_back_memory() -> None:
    """glibc keeps the memory a build read its rows into (60 MB per process at 100,000 listings)
    for later; give it back to the system."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


class SearchIndex:
    """The published listings of this process's database, kept current (module docstring)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._token = None
        self._since: datetime.datetime | None = None  # the latest `updated_at` the index has taken in
        self._main = Segment.build([])
        self._shown = np.zeros(0, dtype=bool)  # main's documents not changed since it was built
        self._changed: dict[int, tuple] = {}  # changed since: pk -> COLUMNS, or (pk,) when unpublished
        self._recent: Segment = Segment.build([])
        self._sets: OrderedDict[str, MatchSet] = OrderedDict()
        self._organisations: dict[int, Organisation] = {}  # those hits showed, until the next change

    def match_set(self, words: tuple[str, ...]) -> MatchSet:
        """The published listings matching `words` (folded query words), best first."""
        current = token()
        with self._lock:
            if current != self._token:
                self._refresh(current)
            phrase = " ".join(words)
            found = self._sets.get(phrase)
            if found is None:
                found = self._sets[phrase] = self.search(words)
                if len(self._sets) > MATCH_SETS:
                    self._sets.popitem(last=False)
            else:
                self._sets.move_to_end(phrase)
            return found

    def listings(self, ids: list[int]) -> dict[int, Listing]:
        """Listings as search shows them (`Segment.listing`) with their field and organisation, by
        id, as the index stood at the last `match_set` (which brings it up to date: the ids come
        from its match set); one no longer published is left out."""
        with self._lock:
            found = {}
            wanted = np.array(ids, dtype=np.int64)
            for segment, shown in ((self._main, self._shown), (self._recent, None)):
                docs = np.minimum(np.searchsorted(segment.ids, wanted), max(len(segment) - 1, 0))
                for pk, doc in zip(ids, docs.tolist(), strict=True):
                    if len(segment) and segment.ids[doc] == pk and (shown is None or shown[doc]):
                        found[pk] = segment.listing(doc)
            found = {pk: found[pk] for pk in ids if pk in found}
            missing = {listing.organisation_id for listing in found.values()} - {None, *self._organisations}
            if missing:
                self._organisations.update(Organisation.objects.only("name", "short_name", "slug").in_bulk(missing))
            organisations = self._organisations
        fields = reference_data(fields={listing.field_id for listing in found.values()} - {None})[0]
        for listing in found.values():
            listing.field = fields.get(listing.field_id)
            listing.organisation = organisations.get(listing.organisation_id)
        return found

    def _refresh(self, current: tuple) -> None:
        self._sets.clear()
        self._organisations = {}
        latest = Listing.objects.aggregate(latest=Max("updated_at"))["latest"]  # read before the rows
        if self._token is None or len(self._main) < REBUILD_BELOW or not self._catch_up(self._since):
            self._rebuild()
        self._token, self._since = current, latest

    def _rebuild(self) -> None:
        self._main = Segment.build(_published_rows())
        self._shown = np.ones(len(self._main), dtype=bool)
        self._changed, self._recent = {}, Segment.build([])
        _give_back_memory()

    def _catch_up(self, since: datetime.datetime | None) -> bool:
        """Take in the listings changed since `since`; False when a rebuild is due instead."""
        if since is None:
            return False
        for row in _published_rows(since - MARGIN):
            self._changed[row[0]] = row
        if len(self._changed) > MAX_CHANGED:
            return False
        self._shown = ~np.isin(self._main.ids, np.fromiter(self._changed, dtype=np.int64))
        self._recent = Segment.build(sorted(row for row in self._changed.values() if len(row) > 1))
        ids = np.concatenate([self._main.ids[self._shown], self._recent.ids])
        return (len(ids), int(ids.sum())) == _fingerprint()

    def search(self, words: tuple[str, ...]) -> MatchSet:
        """The match set of `words` as the index stands, not kept (`match_set` keeps it)."""
        parts = [
            (segment, *segment.matching(words, shown))
            for segment, shown in ((self._main, self._shown), (self._recent, np.ones(len(self._recent), dtype=bool)))
        ]

        def column(name: str) -> np.ndarray:
            return np.concatenate([getattr(segment, name)[docs] for segment, docs, _scores in parts])

        scores = np.concatenate([scores for _segment, _docs, scores in parts])
        ids, recency = column("ids"), column("recency")
        order = np.lexsort((-ids, -recency, -scores))
        return MatchSet(
            **{name: column(name)[order] for name in ("kinds", "fields", "trls", "regions", "modes")},
            ids=ids[order],
        )


INDEX = SearchIndex()


def build_in_background(then: Callable[[], object] | None = None) -> threading.Thread:
    """Build the index in a thread of a new server process (config/wsgi.py), so that its first
    search does not wait for it (6 s at 100,000 listings), then call `then`. A process forked
    from this one starts with an empty index of its own."""

    def build():
        try:
            INDEX.match_set(())
        except Exception:  # a database not migrated yet, say: the first search builds it
            logger.exception("The exchange's search index was not built at start")
        finally:
            connections.close_all()  # this thread's
        if then is not None:
            then()

    os.register_at_fork(after_in_child=INDEX.__init__)
    thread = threading.Thread(target=build, name="exchange-search-index", daemon=True)
    thread.start()
    return thread
