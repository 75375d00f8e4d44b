"""The two metadata formats: oai_dc (required by the protocol) and oai_datacite (DataCite
Metadata Schema 4.4, the format OpenAIRE and CRIS harvesters take for research outputs).

Each builder appends one metadata root element for a live output or S&T task.
"""

import re
from dataclasses import dataclass
from functools import wraps

from django.utils.translation import gettext as _
from lxml import etree

from research.models import Output
from research_tasks.models import ResearchTask

from .selectors import OUTPUT, Item, landing_page

XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
DATACITE = "http://datacite.org/schema/kernel-4"
# Characters XML 1.0 forbids (control characters pasted from PDFs, imported files ...).
NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# Output kind: (info:eu-repo/semantics type for oai_dc, DataCite resourceTypeGeneral)
OUTPUT_TYPES = {
    Output.Kind.ARTICLE: ("article", "JournalArticle"),
    Output.Kind.BOOK: ("book", "Book"),
    Output.Kind.CONFERENCE: ("conferenceObject", "ConferencePaper"),
    Output.Kind.PATENT: ("patent", "Other"),
    Output.Kind.UTILITY_SOLUTION: ("patent", "Other"),
    Output.Kind.SOFTWARE: ("other", "Software"),
    Output.Kind.PROTOTYPE: ("other", "PhysicalObject"),
    Output.Kind.POLICY_REPORT: ("report", "Report"),
}
FUNDER = "Sở Khoa học và Công nghệ Hà Nội"


def clean(text) -> str:
    return NOT_XML.sub("", str(text or "")).strip()


def _add(parent, tag: str, text="", **attributes):
    element = etree.SubElement(parent, tag, {k: v for k, v in attributes.items() if v})
    element.text = clean(text)
    return element


def _root(parent, tag: str, entry: "Format", nsmap: dict):
    """The metadata root element, pointing at its format's schema."""
    location = {f"{{{XSI}}}schemaLocation": f"{entry.namespace} {entry.schema}"}
    return etree.SubElement(parent, tag, location, nsmap={**nsmap, "xsi": XSI})


def _language(obj) -> str:
    # International publications are in English as a rule; everything else here is Vietnamese.
    return "en" if isinstance(obj, Output) and obj.is_international else "vi"


def _once(function):
    """Read a record's related rows once per record: each related-manager access costs."""
    key = f"_oai{function.__name__}"

    @wraps(function)
    def cached(obj):
        if key not in obj.__dict__:
            obj.__dict__[key] = function(obj)
        return obj.__dict__[key]

    return cached


@_once
def _people(obj) -> list[tuple[str, str, str]]:
    """(name, ORCID iD, affiliation) of the authors in order, or of the PI then the team."""
    if isinstance(obj, Output):
        people = [
            (a.researcher.full_name, a.researcher.orcid or "", str(a.researcher.organisation or ""))
            for a in obj.authorships.all()
        ]
        if not people:  # authors as printed, "A; B; C"
            people = [(name.strip(), "", "") for name in obj.authors_text.split(";") if name.strip()]
        return people
    members = ([obj.pi] if obj.pi_id else []) + [r for r in obj.team.all() if r.pk != obj.pi_id]
    return [(r.full_name, r.orcid or "", str(r.organisation or "")) for r in members]


@_once
def _organisations(obj) -> list[str]:
    if isinstance(obj, Output):
        return [o.name for o in obj.organisations.all()]
    return [obj.host.name] if obj.host_id else []


@_once
def _tasks_of(obj) -> list[ResearchTask]:
    return list(obj.research_tasks.all()) if isinstance(obj, Output) else [obj]


@_once
def _outputs_of(task) -> list[Output]:
    return list(task.outputs.all())


# oai_dc ----------------------------------------------------------------------------------------


def oai_dc(parent, item: Item) -> None:
    obj = item.obj
    root = _root(parent, f"{{{OAI_DC}}}dc", FORMATS["oai_dc"], {"oai_dc": OAI_DC, "dc": DC})
    dc = lambda tag, text, **attrs: _add(root, f"{{{DC}}}{tag}", text, **attrs) if clean(text) else None  # noqa: E731
    dc("title", obj.title)
    for name, _orcid, _affiliation in _people(obj):
        dc("creator", name)
    for task in _tasks_of(obj):
        dc("subject", task.field)
    if isinstance(obj, Output):
        dc("description", obj.abstract)
        dc("source", obj.venue)
        dc("type", f"info:eu-repo/semantics/{OUTPUT_TYPES[obj.kind][0]}")
    else:
        dc("description", obj.objectives)
        dc("description", obj.expected_results)
        dc("type", "info:eu-repo/semantics/other")
    dc("type", obj.get_kind_display(), **{XML_LANG: "vi"})
    for name in _organisations(obj):
        dc("publisher", name)
    dc("date", str(obj.year))
    dc("identifier", landing_page(item.kind, item.object_id))
    if isinstance(obj, Output):
        if obj.doi:
            dc("identifier", f"https://doi.org/{obj.doi}")
        dc("identifier", obj.url)
        dc("identifier", obj.patent_number)
        for task in _tasks_of(obj):
            dc("relation", landing_page("task", task.pk))
    else:
        dc("identifier", obj.code)
        for output in _outputs_of(obj):
            dc("relation", f"https://doi.org/{output.doi}" if output.doi else landing_page(OUTPUT, output.pk))
    dc("language", _language(obj))


# oai_datacite (DataCite kernel 4.4) ------------------------------------------------------------


def oai_datacite(parent, item: Item) -> None:
    obj = item.obj
    root = _root(parent, f"{{{DATACITE}}}resource", FORMATS["oai_datacite"], {None: DATACITE})
    el = lambda p, tag, text="", **attrs: _add(p, f"{{{DATACITE}}}{tag}", text, **attrs)  # noqa: E731
    page = landing_page(item.kind, item.object_id)
    doi = obj.doi if isinstance(obj, Output) else None
    if doi:
        el(root, "identifier", doi, identifierType="DOI")
    else:
        el(root, "identifier", page, identifierType="URL")

    creators = el(root, "creators")
    people = _people(obj)
    if not people:  # a creator is required: the organisation, or "unavailable" in DataCite's words
        people = [(name, "", "") for name in _organisations(obj)[:1]] or [(":unav", "", "")]
    for name, orcid, affiliation in people:
        creator = el(creators, "creator")
        el(creator, "creatorName", name, nameType="Personal" if orcid or affiliation else None)
        if orcid:
            el(creator, "nameIdentifier", orcid, nameIdentifierScheme="ORCID", schemeURI="https://orcid.org")
        if affiliation:
            el(creator, "affiliation", affiliation)

    el(el(root, "titles"), "title", obj.title)
    publisher = (obj.venue if isinstance(obj, Output) else "") or next(iter(_organisations(obj)), "") or FUNDER
    el(root, "publisher", publisher)
    el(root, "publicationYear", f"{obj.year:04d}")
    general = OUTPUT_TYPES[obj.kind][1] if isinstance(obj, Output) else "Other"
    el(root, "resourceType", obj.get_kind_display(), resourceTypeGeneral=general)

    fields = [task.field for task in _tasks_of(obj) if clean(task.field)]
    if fields:
        subjects = el(root, "subjects")
        for value in dict.fromkeys(fields):
            el(subjects, "subject", value, **{XML_LANG: "vi"})
    organisations = _organisations(obj)
    if organisations:
        contributors = el(root, "contributors")
        for name in organisations:
            contributor = el(contributors, "contributor", contributorType="HostingInstitution")
            el(contributor, "contributorName", name, nameType="Organizational")
    dates = el(root, "dates")
    el(dates, "date", str(obj.year), dateType="Issued" if isinstance(obj, Output) else "Created")
    el(dates, "date", obj.updated_at.date().isoformat(), dateType="Updated")
    el(root, "language", _language(obj))

    alternates = el(root, "alternateIdentifiers")
    el(alternates, "alternateIdentifier", item.identifier, alternateIdentifierType="OAI")
    if doi:
        el(alternates, "alternateIdentifier", page, alternateIdentifierType="URL")
    if isinstance(obj, Output) and clean(obj.patent_number):
        el(alternates, "alternateIdentifier", obj.patent_number, alternateIdentifierType=_("Số bằng, số đơn"))
    if isinstance(obj, ResearchTask):
        el(alternates, "alternateIdentifier", obj.code, alternateIdentifierType=_("Mã số nhiệm vụ"))

    related = _related(obj)
    if related:
        relations = el(root, "relatedIdentifiers")
        for value, kind, relation in related:
            el(relations, "relatedIdentifier", value, relatedIdentifierType=kind, relationType=relation)

    descriptions = [(obj.abstract, "Abstract")] if isinstance(obj, Output) else []
    if isinstance(obj, ResearchTask):
        descriptions = [(obj.objectives, "Abstract"), (obj.expected_results, "Other")]
    descriptions = [(text, kind) for text, kind in descriptions if clean(text)]
    if descriptions:
        parent_element = el(root, "descriptions")
        for text, kind in descriptions:
            el(parent_element, "description", text, descriptionType=kind)

    tasks = _tasks_of(obj)
    if tasks:
        funding = el(root, "fundingReferences")
        for task in tasks:
            reference = el(funding, "fundingReference")
            el(reference, "funderName", FUNDER)
            el(reference, "awardNumber", task.code)
            el(reference, "awardTitle", task.title)


def _related(obj) -> list[tuple[str, str, str]]:
    if isinstance(obj, Output):
        return [(landing_page("task", task.pk), "URL", "IsPartOf") for task in _tasks_of(obj)]
    return [
        (output.doi, "DOI", "HasPart") if output.doi else (landing_page(OUTPUT, output.pk), "URL", "HasPart")
        for output in _outputs_of(obj)
    ]


@dataclass(frozen=True)
class Format:
    prefix: str
    schema: str
    namespace: str
    build: object


FORMATS = {
    "oai_dc": Format("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC, oai_dc),
    "oai_datacite": Format(
        "oai_datacite", "http://schema.datacite.org/meta/kernel-4.4/metadata.xsd", DATACITE, oai_datacite
    ),
}


def formats_for(item: Item | None) -> list[Format]:
    """The formats a record (or, without one, the repository) can be disseminated in."""
    return list(FORMATS.values())
