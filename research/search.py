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

The search page (`search()`) reads the matching outputs once, in one statement: kind and year
facets and the total count every match; the organisation facet counts the best
ORGANISATION_FACET_SAMPLE of them (all when there are fewer). Figures: docs/benchmarks.md.

Other apps search their own rows with `ranked()` and add them to the search page with
`register_source()`, e.g. research tasks:

    from research import search

    def find_people(query, limit):
        rows = search.ranked(Person.objects.all(), query)
        return [search.Hit(title=p.name, url=p.get_absolute_url()) for p in rows[:limit]]

    search.register_source("people", _("Người"), find_people)   # in AppConfig.ready()

A source may return a `HitList` to give the number of all its matches (the section's count).
S&T tasks are one: research_tasks.search.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When

from .models import Organisation, Output, Researcher, search_words

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
FULL_TEXT_KEYS = {("research.Output", "search_key"), ("research.Researcher", "search_key")}


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
    """The score of the module docstring as one SQL expression.

    With a title and several words, a title that holds the whole query as a phrase scores
    the most the words can (3 each, +4) without the per-word tests being evaluated: for a
    broad query ("nghien cuu") that is most of the matches, and the ranking costs a third.
    """
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
    if not parts:
        return Value(0, output_field=IntegerField())
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    if len(query.words) > 1:
        phrase = f" {query.phrase} "
        if title:
            best = 3 * len(query.words) + 4  # every word a whole title word, and the phrase bonus
            total = Case(
                When(**{f"{title}__contains": phrase}, then=Value(best)), default=total, output_field=IntegerField()
            )
        total = total + Case(When(**{f"{key}__contains": phrase}, then=Value(2)), default=Value(0))
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


class HitList(list):
    """Hits a source returns with the number of all its matches (`total`), when it counts them."""

    def __init__(self, hits=(), *, total: int | None = None):
        super().__init__(hits)
        self.total = len(self) if total is None else total


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
    # The organisation facet counts only the best this many results when there are more.
    organisations_sampled: int | None = None
    researchers: list = field(default_factory=list)
    sections: list = field(default_factory=list)  # (Source, [Hit], total) of other apps


def search_outputs(query, *, filters: Filters = Filters()) -> QuerySet:
    """Outputs matching the query and filters, ranked (see the module docstring)."""
    return ranked(filters.apply(Output.objects.all()), query, title="title_key", recency="year")


def search_researchers(query, *, limit: int = 8) -> list[Researcher]:
    query = _as_query(query)
    if not query:
        return []
    rows = ranked(Researcher.objects.select_related("organisation"), query).order_by("-search_rank", "full_name")
    return list(rows[:limit])


# Columns the result row shows (research/partials/_output_row.html): the page reads no more.
ROW_FIELDS = ("kind", "title", "year", "venue", "doi", "patent_number", "is_international", "is_demo", "authors_text")
ORGANISATION_FACET_SIZE = 15
# The organisation facet counts the best this many matches (all of them when there are fewer):
# joining every match of a broad query to its organisations cost more than the rest of the search.
ORGANISATION_FACET_SAMPLE = 2000

# One statement returns everything the page needs as tagged rows (part, a, b, n): the kind and
# year facets (part 1, their sum is the total), the organisation facet (2) and the ranked ids of
# the page (3). With a query, the matches are read once into `m` with their score; `best` holds
# the best ORGANISATION_FACET_SAMPLE of them, in page order.
_WITH_QUERY = """
WITH m (id, kind, year, rnk) AS MATERIALIZED ({matches}),
best AS MATERIALIZED (SELECT id, year, rnk FROM m ORDER BY rnk DESC, year DESC, id DESC LIMIT {sample})
SELECT 1 AS part, kind AS a, CAST(year AS TEXT) AS b, COUNT(*) AS n FROM m GROUP BY kind, year
"""
# Without a query every output (of the filters) matches: the facets group the table (an index
# on kind and year serves it) and `best` is the newest (an index on year and id).
_WITHOUT_QUERY = """
WITH best (id, year, rnk) AS MATERIALIZED ({newest})
SELECT 1 AS part, kind AS a, CAST(year AS TEXT) AS b, n FROM ({facets}) AS facets
"""
_FACET_AND_PAGE = """
UNION ALL
SELECT 2, slug, name, n FROM (
    SELECT org.slug AS slug, org.name AS name, COUNT(*) AS n
    FROM {links} AS link JOIN best ON best.id = link.output_id JOIN {organisations} AS org
        ON org.id = link.organisation_id
    GROUP BY org.id, org.slug, org.name ORDER BY n DESC, org.name LIMIT {facet_size}
) AS organisation_facet
UNION ALL
SELECT 3, CAST(id AS TEXT), CAST(year AS TEXT), rnk FROM (
    SELECT id, year, rnk FROM {ranked} ORDER BY rnk DESC, year DESC, id DESC LIMIT %s OFFSET %s
) AS page
"""


def _sql(queryset: QuerySet) -> tuple[str, tuple]:
    return queryset.query.get_compiler(connection=connections[queryset.db]).as_sql()


def _one_scan(query: Query, filters: Filters, *, offset: int, limit: int):
    """Facets, total and the ids of one page of outputs, reading the matches once."""
    outputs = filters.apply(Output.objects.all())
    connection = connections[outputs.db]
    zero = Value(0, output_field=IntegerField())
    if query:
        matches = matching(outputs, query).annotate(search_rank=rank_expression(query, title="title_key"))
        sql, params = _sql(matches.order_by().values_list("id", "kind", "year", "search_rank"))
        head = _WITH_QUERY.format(matches=sql, sample=ORGANISATION_FACET_SAMPLE)
        ranked_rows = "best" if offset + limit <= ORGANISATION_FACET_SAMPLE else "m"
    else:
        newest = outputs.annotate(search_rank=zero).order_by("-year", "-pk").values_list("id", "year", "search_rank")
        newest_sql, newest_params = _sql(newest[:ORGANISATION_FACET_SAMPLE])
        facets_sql, facets_params = _sql(outputs.order_by().values("kind", "year").annotate(n=Count("id")))
        head = _WITHOUT_QUERY.format(newest=newest_sql, facets=facets_sql)
        params = (*newest_params, *facets_params)
        ranked_rows = "best"
        if offset + limit > ORGANISATION_FACET_SAMPLE:
            page_sql, page_params = _sql(outputs.annotate(search_rank=zero).values_list("id", "year", "search_rank"))
            everything = f"(SELECT id, year, search_rank AS rnk FROM ({page_sql}) AS o) AS everything"
            ranked_rows, params = everything, (*params, *page_params)
    statement = head + _FACET_AND_PAGE.format(
        links=connection.ops.quote_name(Output.organisations.through._meta.db_table),
        organisations=connection.ops.quote_name(Organisation._meta.db_table),
        facet_size=ORGANISATION_FACET_SIZE,
        ranked=ranked_rows,
    )
    if connection.vendor != "postgresql":
        statement = statement.replace("AS MATERIALIZED", "AS")  # SQLite materialises a CTE used twice
    with connection.cursor() as cursor:
        cursor.execute(statement, (*params, limit, offset))
        rows = cursor.fetchall()
    facet_rows = [(a, int(b), int(n)) for part, a, b, n in rows if part == 1]
    organisations = [(a, b, int(n)) for part, a, b, n in rows if part == 2]
    page_rows = [(int(n), int(b), int(a)) for part, a, b, n in rows if part == 3]  # (rank, year, id)
    page_ids = [pk for _rank, _year, pk in sorted(page_rows, reverse=True)]
    return facet_rows, sorted(organisations, key=lambda row: -row[2]), page_ids


def _page_ids(query: Query, filters: Filters, *, offset: int, limit: int) -> list[int]:
    rows = search_outputs(query, filters=filters).values_list("pk", flat=True)
    return list(rows[offset : offset + limit])


def _sections(query: Query) -> list:
    """(source, hits, total) of every registered source: total counts all matches when the
    source returns a HitList, else the hits shown."""
    sections = []
    for source in _SOURCES.values():
        hits = source.find(query, 5)
        sections.append((source, hits, getattr(hits, "total", len(hits))))
    return sections


def search(text: str | None, *, filters: Filters = Filters(), page: int = 1, page_size: int = PAGE_SIZE) -> Results:
    """Everything the search page shows, in a fixed number of queries.

    One statement reads the matching outputs once: kind and year facets (their sum is the
    total), the organisation facet and the ids of the requested page, ranked; a second reads
    those outputs' displayed columns by id, a third the matching researchers (first page
    only), then one per registered source. A page past the last shows the last (one more
    query, only then)."""
    query = parse_query(text)
    page = max(1, page)
    facet_rows, organisations, ids = _one_scan(query, filters, offset=(page - 1) * page_size, limit=page_size)
    kind_labels = dict(Output.Kind.choices)
    kinds, years, total = {}, {}, 0
    for kind, year, n in facet_rows:
        kinds[kind] = kinds.get(kind, 0) + n
        years[year] = years.get(year, 0) + n
        total += n
    pages = max(1, -(-total // page_size))
    if page > pages:
        page = pages
        ids = _page_ids(query, filters, offset=(page - 1) * page_size, limit=page_size)
    by_id = Output.objects.only(*ROW_FIELDS).in_bulk(ids)
    return Results(
        query=query,
        filters=filters,
        outputs=[by_id[pk] for pk in ids if pk in by_id],
        total=total,
        page=page,
        pages=pages,
        kinds=sorted(((k, kind_labels.get(k, k), n) for k, n in kinds.items()), key=lambda item: -item[2]),
        years=sorted(years.items(), reverse=True),
        organisations=organisations,
        organisations_sampled=ORGANISATION_FACET_SAMPLE if total > ORGANISATION_FACET_SAMPLE else None,
        researchers=search_researchers(query) if page == 1 else [],
        sections=_sections(query) if query and page == 1 else [],
    )
