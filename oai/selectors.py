"""Reads of the OAI-PMH endpoint: records in datestamp order, keyset-paged, and the sets.

A list is the union of three sources, each ordered by (datestamp, id) on an index: research
outputs, S&T tasks and tombstones. A position in that union is (datestamp, source rank, id);
the next page starts strictly after it, so no OFFSET is ever used and a page costs the same at
the start of a 100,000-record harvest as at its end.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Exists, Min, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from research.models import Authorship, Organisation, Output, Researcher
from research_tasks.models import ResearchTask

from .models import DeletedRecord

OUTPUT, TASK = DeletedRecord.Kind.OUTPUT.value, DeletedRecord.Kind.TASK.value
# Columns a record never shows: search keys can be long, so they are not read.
SEARCH_KEYS = ("search_key", "title_key", "dedupe_key")
PERSON = ("id", "full_name", "orcid", "organisation_id")
Position = tuple[datetime, int, int]


@dataclass(frozen=True)
class Query:
    """What a list request selects: datestamps in [start, end), and a set."""

    start: datetime | None = None
    end: datetime | None = None
    set_spec: str | None = None


@dataclass
class Item:
    kind: str  # OUTPUT or TASK
    object_id: int
    datestamp: datetime
    set_specs: list[str] = field(default_factory=list)
    obj: Output | ResearchTask | None = None  # None: deleted

    @property
    def deleted(self) -> bool:
        return self.obj is None

    @property
    def identifier(self) -> str:
        return identifier_of(self.kind, self.object_id)


# Identifiers -----------------------------------------------------------------------------------


def repository_host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def identifier_of(kind: str, object_id: int) -> str:
    return f"oai:{repository_host()}:{kind}/{object_id}"


def parse_identifier(identifier: str) -> tuple[str, int] | None:
    match = re.fullmatch(rf"oai:{re.escape(repository_host())}:(output|task)/([1-9][0-9]{{0,17}})", identifier)
    return (match[1], int(match[2])) if match else None


def landing_page(kind: str, object_id: int) -> str:
    name = "research:output" if kind == OUTPUT else "research_tasks:task"
    return settings.SITE_URL.rstrip("/") + reverse(name, args=[object_id])


# Sets ------------------------------------------------------------------------------------------


def set_specs_of(instance, *, with_organisations: bool = True) -> list[str]:
    """The sets a live output or task belongs to (organisations from the prefetch cache, if any)."""
    if isinstance(instance, Output):
        specs = ["class:output", f"type:{instance.kind}", f"year:{instance.year}"]
        if with_organisations:
            specs += [f"org:{organisation.slug}" for organisation in instance.organisations.all()]
        return specs
    specs = ["class:task", f"type:{instance.kind}", f"year:{instance.year}"]
    if with_organisations and instance.host_id:
        specs.append(f"org:{instance.host.slug}")
    return specs


def set_list() -> list[tuple[str, str]]:
    """(setSpec, setName) of every set, parents first: class, type, year, org."""
    years = set(Output.objects.order_by().values_list("year", flat=True).distinct())
    years |= set(ResearchTask.objects.order_by().values_list("year", flat=True).distinct())
    organisations = list(Organisation.objects.order_by("name").values_list("slug", "name"))
    sets = [("class", _("Theo loại bản ghi")), ("class:output", _("Kết quả nghiên cứu"))]
    sets += [("class:task", _("Nhiệm vụ KH&CN")), ("type", _("Theo loại kết quả, loại nhiệm vụ"))]
    sets += [(f"type:{value}", str(label)) for value, label in Output.Kind.choices]
    sets += [(f"type:{value}", str(label)) for value, label in ResearchTask.Kind.choices]
    sets += [("year", _("Theo năm"))]
    sets += [(f"year:{year}", _("Năm %(year)s") % {"year": year}) for year in sorted(years, reverse=True)]
    sets += [("org", _("Theo tổ chức chủ trì, tổ chức của tác giả"))]
    sets += [(f"org:{slug}", name) for slug, name in organisations]
    return [(spec, str(name)) for spec, name in sets]


def _live_in_set(qs: QuerySet, spec: str | None, *, kind: str, kinds, org: str, any_org) -> QuerySet | None:
    """Outputs or tasks of a set; None when the set cannot hold any of them."""
    if spec is None:
        return qs
    head, _, value = spec.partition(":")
    if head == "class":
        return qs if value in ("", kind) else None
    if head == "type":
        return qs if not value else (qs.filter(kind=value) if value in kinds else None)
    if head == "year":
        return qs if not value else (qs.filter(year=int(value)) if re.fullmatch(r"\d{4}", value) else None)
    if head == "org":
        return qs.filter(any_org) if not value else qs.filter(**{org: value})
    return None


_output_in_set = partial(
    _live_in_set,
    kind=OUTPUT,
    kinds=Output.Kind.values,
    org="organisations__slug",
    any_org=Exists(Output.organisations.through.objects.filter(output_id=OuterRef("pk"))),
)
_task_in_set = partial(
    _live_in_set, kind=TASK, kinds=ResearchTask.Kind.values, org="host__slug", any_org=Q(host__isnull=False)
)


def _deleted_in_set(qs: QuerySet, spec: str | None) -> QuerySet | None:
    if spec is None or spec in ("class", "type", "year"):
        return qs
    return qs.filter(set_specs__contains=f" {spec}:" if spec == "org" else f" {spec} ")


# Lists -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    rank: int
    model: type
    datestamp: str  # the field
    in_set: object

    def queryset(self, query: Query) -> QuerySet | None:
        qs = self.model.objects.all()
        if query.start is not None:
            qs = qs.filter(**{f"{self.datestamp}__gte": query.start})
        if query.end is not None:
            qs = qs.filter(**{f"{self.datestamp}__lt": query.end})
        return self.in_set(qs, query.set_spec)

    def after(self, qs: QuerySet, position: Position | None) -> QuerySet:
        """Rows strictly after `position` in (datestamp, rank, id) order, as index ranges."""
        if position is None:
            return qs
        stamp, rank, last_id = position
        if self.rank > rank:
            return qs.filter(**{f"{self.datestamp}__gte": stamp})
        if self.rank < rank:
            return qs.filter(**{f"{self.datestamp}__gt": stamp})
        return qs.filter(Q(**{f"{self.datestamp}__gt": stamp}) | Q(id__gt=last_id), **{f"{self.datestamp}__gte": stamp})


SOURCES = (
    Source(0, Output, "updated_at", _output_in_set),
    Source(1, ResearchTask, "updated_at", _task_in_set),
    Source(2, DeletedRecord, "deleted_at", _deleted_in_set),
)


def record_count(query: Query) -> int:
    return sum(qs.count() for source in SOURCES if (qs := source.queryset(query)) is not None)


def record_page(
    query: Query, *, after: Position | None, size: int, metadata: bool
) -> tuple[list[Item], Position | None]:
    """One page of records after `after`, and the position to resume from (None: list complete).

    Three keyset queries find the page's keys; then one query per source (with its prefetches)
    loads the rows of the page only.
    """
    keys: list[Position] = []
    for source in SOURCES:
        qs = source.queryset(query)
        if qs is None:
            continue
        rows = source.after(qs, after).order_by(source.datestamp, "id").values_list(source.datestamp, "id")
        keys += [(stamp, source.rank, pk) for stamp, pk in rows[: size + 1]]
    keys.sort()
    page = keys[:size]
    ids = {source.rank: [pk for _, rank, pk in page if rank == source.rank] for source in SOURCES}
    loaded = {
        0: {o.pk: o for o in _outputs(metadata).filter(pk__in=ids[0])} if ids[0] else {},
        1: {t.pk: t for t in _tasks(metadata).filter(pk__in=ids[1])} if ids[1] else {},
        2: {d.pk: d for d in DeletedRecord.objects.filter(pk__in=ids[2])} if ids[2] else {},
    }
    items = [_item(loaded[rank][pk]) for _, rank, pk in page if pk in loaded[rank]]
    return items, (page[-1] if len(keys) > size else None)


def record_get(kind: str, object_id: int, *, metadata: bool = True) -> Item | None:
    live = (_outputs(metadata) if kind == OUTPUT else _tasks(metadata)).filter(pk=object_id).first()
    if live is not None:
        return _item(live)
    tombstone = DeletedRecord.objects.filter(kind=kind, object_id=object_id).first()
    return _item(tombstone) if tombstone else None


def earliest_datestamp() -> datetime | None:
    stamps = [
        Output.objects.aggregate(at=Min("updated_at"))["at"],
        ResearchTask.objects.aggregate(at=Min("updated_at"))["at"],
        DeletedRecord.objects.aggregate(at=Min("deleted_at"))["at"],
    ]
    stamps = [stamp for stamp in stamps if stamp is not None]
    return min(stamps) if stamps else None


def _outputs(metadata: bool) -> QuerySet:
    organisations = Prefetch("organisations", queryset=Organisation.objects.only("id", "slug", "name"))
    if not metadata:  # headers only
        return Output.objects.only("id", "kind", "year", "updated_at").prefetch_related(organisations)
    authorships = (
        Authorship.objects.select_related("researcher__organisation")
        .only("output_id", "position", *(f"researcher__{f}" for f in PERSON), "researcher__organisation__name")
        .order_by("position")
    )
    tasks = ResearchTask.objects.only("id", "code", "title", "field")
    return Output.objects.defer(*SEARCH_KEYS).prefetch_related(
        organisations, Prefetch("authorships", queryset=authorships), Prefetch("research_tasks", queryset=tasks)
    )


def _tasks(metadata: bool) -> QuerySet:
    qs = ResearchTask.objects.select_related("host")
    if not metadata:
        return qs.only("id", "kind", "year", "updated_at", "host__slug")
    people = Researcher.objects.select_related("organisation").only(*PERSON, "organisation__name")
    outputs = Output.objects.only("id", "doi")
    return qs.select_related("pi__organisation").prefetch_related(
        Prefetch("team", queryset=people), Prefetch("outputs", queryset=outputs)
    )


def _item(row) -> Item:
    if isinstance(row, DeletedRecord):
        return Item(row.kind, row.object_id, row.deleted_at, row.set_list)
    kind = OUTPUT if isinstance(row, Output) else TASK
    return Item(kind, row.pk, row.updated_at, set_specs_of(row), row)
