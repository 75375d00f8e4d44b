"""Writes of the research database: profiles, outputs, and importing publication files.

Every service checks who may act, validates (ValidationError keyed by field), and writes
inside one transaction.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.cache import public_data_changed
from core.text import fold

from . import importers
from .models import Authorship, ImportBatch, Organisation, Output, Researcher, dedupe_key
from .permissions import can_edit_output, can_edit_researcher, can_import_for_any_organisation
from .validators import normalise_doi, normalise_orcid

CHUNK = 500


def _chunks(values, size=CHUNK):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _validated(instance) -> None:
    try:
        instance.full_clean(validate_unique=False)
    except ValidationError as exc:
        raise ValidationError(exc.message_dict) from None


# Researchers ------------------------------------------------------------------------------


@transaction.atomic
def researcher_update(
    *,
    researcher: Researcher,
    actor,
    full_name: str,
    title: str = "",
    orcid: str | None = "",
    organisation: Organisation | None = None,
    field: str = "",
) -> Researcher:
    """A researcher's own profile: name, title, ORCID iD (checksum verified), organisation, field."""
    if not can_edit_researcher(actor, researcher):
        raise PermissionDenied
    orcid = normalise_orcid(orcid) if orcid else None
    if orcid and Researcher.objects.filter(orcid=orcid).exclude(pk=researcher.pk).exists():
        raise ValidationError({"orcid": _("Mã ORCID này đã gắn với một nhà khoa học khác.")})
    researcher.full_name = " ".join((full_name or "").split())
    researcher.title = title.strip()
    researcher.orcid = orcid
    researcher.organisation = organisation
    researcher.field = field.strip()
    _validated(researcher)
    researcher.save()
    return researcher


# Outputs ----------------------------------------------------------------------------------

OUTPUT_FIELDS = (
    "kind",
    "title",
    "year",
    "venue",
    "doi",
    "patent_number",
    "is_international",
    "abstract",
    "url",
    "authors_text",
)


def _check_output_unique(output: Output) -> None:
    others = Output.objects.exclude(pk=output.pk)
    if output.doi and others.filter(doi=output.doi).exists():
        raise ValidationError({"doi": _("Đã có kết quả nghiên cứu với DOI này.")})
    if others.filter(dedupe_key=output.dedupe_key).exists():
        raise ValidationError({"title": _("Đã có kết quả nghiên cứu cùng tên, cùng năm và cùng tác giả đầu tiên.")})


def _set_authors(output: Output, researchers) -> None:
    output.authorships.all().delete()
    Authorship.objects.bulk_create(
        Authorship(output=output, researcher=researcher, position=position)
        for position, researcher in enumerate(dict.fromkeys(researchers), start=1)
    )


def _save_output(output: Output, *, researchers, organisations) -> Output:
    output.doi = normalise_doi(output.doi) if output.doi else None
    output.title = " ".join((output.title or "").split())
    output.fill_keys()
    _validated(output)
    _check_output_unique(output)
    output.save()
    if researchers is not None:
        _set_authors(output, researchers)
    if organisations is not None:
        output.organisations.set(organisations)
    return output


@transaction.atomic
def output_create(*, actor, researchers=(), organisations=None, **fields) -> Output:
    """A new output. A researcher adds their own (they are listed as an author); staff add any.
    Organisations default to those of the authors."""
    own = Researcher.objects.filter(user=actor).first() if actor.is_authenticated else None
    if not (own or (actor.is_authenticated and (actor.is_staff or actor.is_superuser))):
        raise PermissionDenied
    researchers = list(researchers)
    if own and not (actor.is_staff or actor.is_superuser) and own not in researchers:
        researchers.append(own)
    if organisations is None:
        organisations = {r.organisation for r in researchers if r.organisation_id}
    output = Output(created_by=actor, **{name: value for name, value in fields.items() if name in OUTPUT_FIELDS})
    return _save_output(output, researchers=researchers, organisations=organisations)


@transaction.atomic
def output_update(*, output: Output, actor, researchers=None, organisations=None, **fields) -> Output:
    """Change an output; its authors and staff may. `researchers` and `organisations`, when
    given, replace the lists."""
    if not can_edit_output(actor, output):
        raise PermissionDenied
    for name, value in fields.items():
        if name in OUTPUT_FIELDS:
            setattr(output, name, value)
    return _save_output(output, researchers=researchers, organisations=organisations)


# Import -------------------------------------------------------------------------------------


def import_scope(user) -> tuple[Researcher | None, bool]:
    """(the user's researcher profile, whether they may import for any organisation)."""
    if not user.is_authenticated:
        return None, False
    return Researcher.objects.filter(user=user).select_related("organisation").first(), can_import_for_any_organisation(
        user
    )


def _authors_text(entry: dict) -> str:
    return "; ".join(author["name"] for author in entry["authors"])


def _name_keys(author: dict) -> set[str]:
    if author["family"] and author["given"]:
        return {fold(f"{author['family']} {author['given']}"), fold(f"{author['given']} {author['family']}")}
    return {fold(author["name"])}


def _mark_duplicates(entries: list[dict]) -> None:
    """Set entry["duplicate"]: None, or what it duplicates, in the database (by DOI, then by
    title + year + first author) or earlier in the same file."""
    for entry in entries:
        entry["authors_text"] = _authors_text(entry)
        entry["dedupe_key"] = dedupe_key(entry["title"], entry["year"], entry["authors_text"])
        entry["duplicate"] = None
    by_doi, by_key = {}, {}
    for chunk in _chunks({e["doi"] for e in entries if e["doi"]}):
        by_doi.update(
            {
                doi: (pk, title)
                for doi, pk, title in Output.objects.filter(doi__in=chunk).values_list("doi", "pk", "title")
            }
        )
    for chunk in _chunks({e["dedupe_key"] for e in entries}):
        rows = Output.objects.filter(dedupe_key__in=chunk).values_list("dedupe_key", "pk", "title")
        by_key.update({key: (pk, title) for key, pk, title in rows})
    seen_doi, seen_key = {}, {}
    for entry in entries:
        doi, key = entry["doi"], entry["dedupe_key"]
        if doi and doi in by_doi:
            entry["duplicate"] = {"reason": "doi", "output": by_doi[doi][0], "title": by_doi[doi][1]}
        elif key in by_key:
            entry["duplicate"] = {"reason": "key", "output": by_key[key][0], "title": by_key[key][1]}
        elif doi and doi in seen_doi:
            entry["duplicate"] = {"reason": "doi", "ref": seen_doi[doi]}
        elif key in seen_key:
            entry["duplicate"] = {"reason": "key", "ref": seen_key[key]}
        else:
            if doi:
                seen_doi[doi] = entry["ref"]
            seen_key[key] = entry["ref"]


def _match_authors(entries: list[dict], *, researcher: Researcher | None, organisation: Organisation | None) -> None:
    """Set entry["links"]: the researchers each output will be linked to, with their position
    among the authors. An ORCID iD in the file links anywhere; otherwise the exact name (accents
    and case aside) within the organisation. A researcher importing is always linked."""
    orcids = {a["orcid"] for e in entries for a in e["authors"] if a["orcid"]}
    by_orcid = {}
    for chunk in _chunks(orcids):
        by_orcid.update({r.orcid: r for r in Researcher.objects.filter(orcid__in=chunk)})
    by_name, ambiguous = {}, set()
    if organisation is not None:
        for person in Researcher.objects.filter(organisation=organisation):
            key = fold(person.full_name)
            if key in by_name:
                ambiguous.add(key)
            by_name[key] = person
    for key in ambiguous:
        by_name.pop(key)
    if researcher is not None:
        by_name[fold(researcher.full_name)] = researcher
    for entry in entries:
        links = {}
        for position, author in enumerate(entry["authors"], start=1):
            person = by_orcid.get(author["orcid"]) if author["orcid"] else None
            if person is None:
                person = next((by_name[k] for k in _name_keys(author) if k in by_name), None)
            if person is not None and person.pk not in links:
                links[person.pk] = {"researcher": person.pk, "name": person.full_name, "position": position}
        if researcher is not None and researcher.pk not in links:
            links[researcher.pk] = {
                "researcher": researcher.pk,
                "name": researcher.full_name,
                "position": len(entry["authors"]) + 1,
            }
        entry["links"] = sorted(links.values(), key=lambda link: link["position"])


def _counts(entries, rejected) -> dict:
    duplicates = sum(1 for e in entries if e["duplicate"])
    return {"new": len(entries) - duplicates, "duplicates": duplicates, "rejected": len(rejected)}


@transaction.atomic
def import_batch_preview(
    *, actor, data: bytes, filename: str, format: str = "", organisation: Organisation | None = None
) -> ImportBatch:
    """Read an uploaded file and keep what it would create, without creating it.

    A researcher imports their own outputs (for their organisation); staff and the secretariat
    of a programme import for the organisation they choose."""
    own, any_organisation = import_scope(actor)
    if not (own or any_organisation):
        raise PermissionDenied
    if any_organisation:
        if organisation is None and own is None:
            raise ValidationError({"organisation": _("Chọn tổ chức của các ấn phẩm.")})
        researcher = own if organisation is None else None
        organisation = organisation or own.organisation
    else:
        researcher, organisation = own, own.organisation
    format, entries, rejected = importers.parse_file(data=data, filename=filename, format=format)
    _mark_duplicates(entries)
    _match_authors(entries, researcher=researcher, organisation=organisation)
    return ImportBatch.objects.create(
        created_by=actor,
        researcher=researcher,
        organisation=organisation,
        format=format,
        filename=filename[:255],
        payload={"entries": entries, "rejected": rejected, "counts": _counts(entries, rejected)},
    )


def import_batch_confirm(*, batch: ImportBatch, actor) -> ImportBatch:
    """Create every valid, non-duplicate entry of a previewed file, all or nothing.

    Duplicates are looked for again (someone may have added the same output since the preview)
    and skipped; authors are linked to researchers afresh."""
    try:
        with transaction.atomic():
            return _confirm(batch, actor)
    except IntegrityError:
        raise ValidationError(
            _("Dữ liệu vừa thay đổi trong khi nhập (trùng DOI hoặc tác giả). Chưa có gì được ghi; hãy tải tệp lên lại.")
        ) from None


def _locked_batch_for(batch, actor) -> ImportBatch:
    batch = (
        ImportBatch.objects.select_for_update(of=("self",))
        .select_related("researcher", "organisation")
        .get(pk=batch.pk)
    )
    if batch.created_by_id != actor.pk:
        raise PermissionDenied
    if batch.status != ImportBatch.Status.PREVIEW:
        raise ValidationError(_("Lượt nhập này đã được xác nhận hoặc đã hủy."))
    return batch


def _confirm(batch, actor) -> ImportBatch:
    batch = _locked_batch_for(batch, actor)
    entries = [entry for entry in batch.payload.get("entries", []) if not entry.get("duplicate")]
    _mark_duplicates(entries)
    entries = [entry for entry in entries if not entry["duplicate"]]
    _match_authors(entries, researcher=batch.researcher, organisation=batch.organisation)
    outputs = []
    for entry in entries:
        output = Output(
            kind=entry["kind"],
            title=entry["title"],
            year=entry["year"],
            venue=entry["venue"],
            doi=entry["doi"],
            patent_number=entry["patent_number"],
            abstract=entry["abstract"],
            url=entry["url"],
            authors_text=entry["authors_text"],
            # A DOI and a venue written without Vietnamese letters: most likely an international journal.
            is_international=bool(entry["doi"] and entry["venue"]) and fold(entry["venue"]) == entry["venue"].lower(),
            created_by=actor,
            import_batch=batch,
        )
        output.fill_keys()
        outputs.append(output)
    Output.objects.bulk_create(outputs, batch_size=CHUNK)
    Authorship.objects.bulk_create(
        (
            Authorship(output=output, researcher_id=link["researcher"], position=link["position"])
            for output, entry in zip(outputs, entries, strict=True)
            for link in entry["links"]
        ),
        batch_size=CHUNK,
    )
    if batch.organisation_id:
        through = Output.organisations.through
        through.objects.bulk_create(
            (through(output_id=output.pk, organisation_id=batch.organisation_id) for output in outputs),
            batch_size=CHUNK,
        )
    batch.status = ImportBatch.Status.CONFIRMED
    batch.created_count = len(outputs)
    batch.confirmed_at = timezone.now()
    batch.save(update_fields=["status", "created_count", "confirmed_at"])
    public_data_changed()  # bulk writes send no signals
    return batch


@transaction.atomic
def import_batch_cancel(*, batch: ImportBatch, actor) -> ImportBatch:
    batch = _locked_batch_for(batch, actor)
    batch.status = ImportBatch.Status.CANCELLED
    batch.payload = {"counts": batch.payload.get("counts", {})}  # the entries are no longer needed
    batch.save(update_fields=["status", "payload"])
    return batch
