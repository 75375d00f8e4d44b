"""Search of the research database: accent- and case-insensitive, ranked, the same on SQLite
and PostgreSQL.

Every searchable row keeps a folded `search_key` (see `research.models.search_text`): words
without accents, lower case, đ → d, between single spaces. A query is folded the same way,
so "nghien cuu", "NGHIÊN CỨU" and "nghiên cứu" are one query, and "Đà Nẵng" is "da nang".

Matching: every query word must start a word of the key (`LIKE '% word%'`; a trigram GIN
index serves it on PostgreSQL). Ranking, highest first:

- per query word: 3 when it is a whole word of the title, 2 when it starts one, 1 when it is
  found elsewhere (authors, venue, abstract);
- the whole query as a phrase: +4 in the title, +2 elsewhere;
- then the most recent (`recency`), then the newest row.

Other apps search their own rows with `ranked()` and add them to the search page with
`register_source()`, e.g. research tasks:

    from research import search

    def find_tasks(query, limit):
        rows = search.ranked(ResearchTask.objects.all(), query, title="title_key", recency="start_year")
        return [search.Hit(title=t.title, url=t.get_absolute_url(), meta=str(t.start_year)) for t in rows[:limit]]

    search.register_source("tasks", _("Nhiệm vụ KH&CN"), find_tasks)   # in AppConfig.ready()
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When

from .models import Output, Researcher, search_words

MAX_WORDS = 8
PAGE_SIZE = 20


@dataclass(frozen=True)
class Query:
    """A folded query: its words (at most MAX_WORDS) and the phrase they make."""

    text: str
    words: tuple[str, ...]

    @property
    def phrase(self) -> str:
        return " ".join(self.words)

    def __bool__(self) -> bool:
        return bool(self.words)


def parse_query(text: str | None) -> Query:
    words = []
    for word in search_words(text or ""):
        if word not in words:
            words.append(word)
    return Query(text=(text or "").strip(), words=tuple(words[:MAX_WORDS]))


def _as_query(query) -> Query:
    return query if isinstance(query, Query) else parse_query(query)


def full_text_vector(key: str) -> SearchVector:
    """The expression a PostgreSQL GIN index holds for `key` (see migration 0003)."""
    return SearchVector(key, config="simple")


# (model label, key) pairs with a full-text GIN index on PostgreSQL: matched through it.
FULL_TEXT_KEYS = {("research.Output", "search_key")}


def matching(queryset: QuerySet, query, *, key: str = "search_key") -> QuerySet:
    """Rows whose key has every query word at the start of one of its words.

    Everywhere: `key LIKE '% word%'` for each word (trigram-indexed on PostgreSQL). On
    PostgreSQL, a key with a full-text index is matched with the same meaning through it:
    the key's words are its tokens, and "word:*" is a token that starts with the word; this is
    several times faster for short, common words ("ha noi"), which trigrams cannot narrow.
    """
    query = _as_query(query)
    if not query:
        return queryset
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql" and (queryset.model._meta.label, key) in FULL_TEXT_KEYS:
        words = " & ".join(f"{word}:*" for word in query.words)  # folded letters and digits only
        return queryset.alias(_words=full_text_vector(key)).filter(
            _words=SearchQuery(words, search_type="raw", config="simple")
        )
    condition = Q()
    for word in query.words:
        condition &= Q(**{f"{key}__contains": f" {word}"})
    return queryset.filter(condition)


def rank_expression(query, *, key: str = "search_key", title: str | None = None):
    query = _as_query(query)
    parts = []
    for word in query.words:
        if title:
            parts.append(
                Case(
                    When(**{f"{title}__contains": f" {word} "}, then=Value(3)),
                    When(**{f"{title}__contains": f" {word}"}, then=Value(2)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
        else:
            parts.append(
                Case(
                    When(**{f"{key}__contains": f" {word} "}, then=Value(2)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
    if len(query.words) > 1:
        phrase = f" {query.phrase} "
        if title:
            parts.append(Case(When(**{f"{title}__contains": phrase}, then=Value(4)), default=Value(0)))
        parts.append(Case(When(**{f"{key}__contains": phrase}, then=Value(2)), default=Value(0)))
    total = parts[0] if parts else Value(0)
    for part in parts[1:]:
        total = total + part
    return total


def ranked(
    queryset: QuerySet, query, *, key: str = "search_key", title: str | None = None, recency: str | None = None
) -> QuerySet:
    """The rows matching `query`, best first, with their score as `search_rank`.

    `key` holds the folded text matched, `title` (optional) the folded title that weighs
    more, `recency` (optional) the field that breaks ties, newest first. An empty query
    matches everything, most recent first.
    """
    query = _as_query(query)
    order = [f"-{recency}"] if recency else []
    if not query:
        return queryset.order_by(*order, "-pk")
    rows = matching(queryset, query, key=key).annotate(search_rank=rank_expression(query, key=key, title=title))
    return rows.order_by("-search_rank", *order, "-pk")


# Other sources (research tasks, ...) --------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One result of another app, as the search page lists it."""

    title: str
    url: str
    meta: str = ""


@dataclass(frozen=True)
class Source:
    name: str
    label: str
    find: Callable[[Query, int], list[Hit]]


_SOURCES: dict[str, Source] = {}


def register_source(name: str, label, find: Callable[[Query, int], list[Hit]]) -> None:
    """Add another app's rows to the search page: `find(query, limit)` returns its best hits.
    Registering the same name again replaces the source (safe in AppConfig.ready())."""
    _SOURCES[name] = Source(name=name, label=label, find=find)


# The search page ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    year: int | None = None
    organisation: str = ""  # slug

    def apply(self, outputs: QuerySet) -> QuerySet:
        if self.kind:
            outputs = outputs.filter(kind=self.kind)
        if self.year:
            outputs = outputs.filter(year=self.year)
        if self.organisation:
            outputs = outputs.filter(organisations__slug=self.organisation)
        return outputs


@dataclass
class Results:
    query: Query
    filters: Filters
    outputs: list
    total: int
    page: int
    pages: int
    kinds: list = field(default_factory=list)  # (value, label, count), most first
    years: list = field(default_factory=list)  # (year, count), newest first
    organisations: list = field(default_factory=list)  # (slug, name, count), most first
    researchers: list = field(default_factory=list)
    sections: list = field(default_factory=list)  # (Source, [Hit]) of other apps


def search_outputs(query, *, filters: Filters = Filters()) -> QuerySet:
    """Outputs matching the query and filters, ranked (see the module docstring)."""
    return ranked(filters.apply(Output.objects.all()), query, title="title_key", recency="year")


def search_researchers(query, *, limit: int = 8) -> list[Researcher]:
    query = _as_query(query)
    if not query:
        return []
    rows = ranked(Researcher.objects.select_related("organisation"), query).order_by("-search_rank", "full_name")
    return list(rows[:limit])


def search(text: str | None, *, filters: Filters = Filters(), page: int = 1, page_size: int = PAGE_SIZE) -> Results:
    """Everything the search page shows, in a fixed number of queries: the ranked page of
    outputs, facet counts (kind and year in one query, organisation in another), matching
    researchers, and one query per registered source."""
    query = parse_query(text)
    matched = matching(filters.apply(Output.objects.all()), query)
    kind_labels = dict(Output.Kind.choices)
    kinds, years, total = {}, {}, 0
    for row in matched.order_by().values("kind", "year").annotate(n=Count("id")):
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + row["n"]
        years[row["year"]] = years.get(row["year"], 0) + row["n"]
        total += row["n"]
    organisations = (
        Output.organisations.through.objects.filter(output_id__in=matched.order_by().values("pk"))
        .values_list("organisation__slug", "organisation__name")
        .annotate(n=Count("output_id"))
        .order_by("-n", "organisation__name")[:15]
    )
    pages = max(1, -(-total // page_size))
    page = min(max(1, page), pages)
    start = (page - 1) * page_size
    outputs = list(search_outputs(query, filters=filters).defer("search_key", "abstract")[start : start + page_size])
    return Results(
        query=query,
        filters=filters,
        outputs=outputs,
        total=total,
        page=page,
        pages=pages,
        kinds=sorted(((k, kind_labels.get(k, k), n) for k, n in kinds.items()), key=lambda item: -item[2]),
        years=sorted(years.items(), reverse=True),
        organisations=list(organisations),
        researchers=search_researchers(query) if page == 1 else [],
        sections=[(source, source.find(query, 5)) for source in _SOURCES.values()] if query and page == 1 else [],
    )
