"""Reads of the research database, each page in a fixed number of queries."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404

from .models import Authorship, ImportBatch, Organisation, Output, Researcher


def _authorships():
    return Authorship.objects.select_related("researcher").order_by("position", "pk")


def _outputs_with_authors(queryset):
    return queryset.defer("search_key", "title_key").prefetch_related(Prefetch("authorships", queryset=_authorships()))


# Other apps add a section to the researcher profile (research tasks led or joined, ...):
# `load(researcher)` returns the hits (research.search.Hit) to list, in one query.
_PROFILE_SECTIONS: dict[str, tuple] = {}


def register_profile_section(name: str, label, load: Callable) -> None:
    """E.g. in research_tasks' AppConfig.ready():
    register_profile_section("tasks", _("Nhiệm vụ KH&CN"), tasks_of_researcher)."""
    _PROFILE_SECTIONS[name] = (label, load)


@dataclass
class ResearcherProfile:
    researcher: Researcher
    outputs: list[Output]
    kind_counts: list  # (label, count)
    coauthors: list  # (Researcher, shared outputs), most first
    sections: list = field(default_factory=list)  # (name, label, hits) of other apps


def researcher_profile(pk: int) -> ResearcherProfile:
    """The researcher, their outputs (newest first) with every author, and co-authors: 3 queries,
    plus one per registered profile section."""
    researcher = get_object_or_404(Researcher.objects.select_related("organisation"), pk=pk)
    outputs = list(_outputs_with_authors(researcher.outputs.order_by("-year", "title", "pk")))
    labels = dict(Output.Kind.choices)
    counts, coauthors = {}, {}
    for output in outputs:
        counts[output.kind] = counts.get(output.kind, 0) + 1
        for authorship in output.authorships.all():
            if authorship.researcher_id != researcher.pk:
                person = authorship.researcher
                coauthors[person.pk] = (person, coauthors.get(person.pk, (person, 0))[1] + 1)
    return ResearcherProfile(
        researcher=researcher,
        outputs=outputs,
        kind_counts=[(labels[k], n) for k, n in sorted(counts.items(), key=lambda item: -item[1])],
        coauthors=sorted(coauthors.values(), key=lambda item: (-item[1], item[0].full_name))[:20],
        sections=[(name, label, load(researcher)) for name, (label, load) in _PROFILE_SECTIONS.items()],
    )


@dataclass
class OrganisationPage:
    organisation: Organisation
    researchers: list[Researcher]
    outputs: list[Output]
    output_count: int
    kind_counts: list  # (label, count)


def organisation_page(slug: str, *, latest: int = 50) -> OrganisationPage:
    """The organisation, its researchers with their output counts, counts by kind and the latest
    outputs with their authors: 5 queries."""
    organisation = get_object_or_404(Organisation, slug=slug)
    researchers = list(
        organisation.researchers.annotate(output_count=Count("authorships")).order_by("-output_count", "full_name")
    )
    labels = dict(Output.Kind.choices)
    by_kind = organisation.outputs.order_by().values("kind").annotate(n=Count("id")).order_by("-n")
    kind_counts = [(labels.get(row["kind"], row["kind"]), row["n"]) for row in by_kind]
    outputs = list(_outputs_with_authors(organisation.outputs.order_by("-year", "-pk"))[:latest])
    return OrganisationPage(
        organisation=organisation,
        researchers=researchers,
        outputs=outputs,
        output_count=sum(n for _label, n in kind_counts),
        kind_counts=kind_counts,
    )


def output_detail(pk: int) -> Output:
    """The output with its authors (and their organisations) and organisations: 3 queries."""
    authorships = Authorship.objects.select_related("researcher__organisation").order_by("position", "pk")
    return get_object_or_404(
        Output.objects.defer("search_key", "title_key").prefetch_related(
            Prefetch("authorships", queryset=authorships), "organisations"
        ),
        pk=pk,
    )


def researcher_for_user(user) -> Researcher | None:
    if not user.is_authenticated:
        return None
    return Researcher.objects.select_related("organisation").filter(user=user).first()


def import_batch_get(pk: int) -> ImportBatch:
    return get_object_or_404(ImportBatch.objects.select_related("researcher", "organisation", "created_by"), pk=pk)
