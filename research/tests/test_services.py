"""Writes: importing publication files (preview, then all-or-nothing confirm), profiles, outputs."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from research import services
from research.models import Authorship, ImportBatch, Output, Researcher

pytestmark = pytest.mark.django_db


def preview(actor, read_data, name, **extra):
    return services.import_batch_preview(actor=actor, data=read_data(name), filename=name, **extra)


# Import: preview ------------------------------------------------------------------------------


def test_preview_writes_no_output_and_keeps_the_entries_on_the_server(researcher_an, read_data):
    batch = preview(researcher_an.user, read_data, "publications.bib")

    assert not Output.objects.exists()
    assert batch.status == ImportBatch.Status.PREVIEW
    assert (batch.researcher, batch.organisation) == (researcher_an, researcher_an.organisation)
    assert batch.payload["counts"] == {"new": 3, "duplicates": 2, "rejected": 4}


def test_duplicates_within_the_file_are_found_by_doi_and_by_title_year_and_first_author(researcher_an, read_data):
    batch = preview(researcher_an.user, read_data, "publications.bib")

    duplicates = {e["ref"]["line"]: e["duplicate"] for e in batch.payload["entries"] if e["duplicate"]}
    # line 49: same DOI in another case; line 57: same title (accents, case, punctuation aside),
    # same year, first author "Nguyen, Van A." has the same family name as "Nguyễn, Văn An".
    assert duplicates == {49: {"reason": "doi", "ref": {"line": 4}}, 57: {"reason": "key", "ref": {"line": 4}}}


def test_duplicates_of_outputs_already_stored_are_found(researcher_an, researcher_binh, read_data, make_output):
    by_doi = make_output("Một tên khác hẳn", year=2024, doi="10.99999/test.ris.1")
    by_key = make_output("THIẾT BỊ LỌC NƯỚC dùng vật liệu nano", year=2022, authors=[researcher_an])

    batch = preview(researcher_an.user, read_data, "publications.ris")

    found = [(e["ref"]["line"], e["duplicate"]) for e in batch.payload["entries"]]
    assert found == [
        (1, {"reason": "doi", "output": by_doi.pk, "title": "Một tên khác hẳn"}),
        (12, {"reason": "key", "output": by_key.pk, "title": "THIẾT BỊ LỌC NƯỚC dùng vật liệu nano"}),
    ]
    assert batch.payload["counts"] == {"new": 0, "duplicates": 2, "rejected": 3}


def test_authors_are_linked_by_orcid_anywhere_and_by_name_within_the_organisation(
    staff, hust, researcher_an, researcher_binh, researcher_cuong, read_data
):
    researcher_cuong.orcid = None
    researcher_cuong.save()
    batch = preview(staff, read_data, "crossref-items.json", organisation=hust)
    [entry] = batch.payload["entries"]
    # "Trần, Thị Bình" matches Trần Thị Bình of HUST by name.
    assert entry["links"] == [{"researcher": researcher_binh.pk, "name": "Trần Thị Bình", "position": 1}]

    batch = preview(staff, read_data, "crossref-work.json", organisation=researcher_cuong.organisation)
    [entry] = batch.payload["entries"]
    # Nguyen Van An of HUST is found by ORCID although the organisation chosen is VAST.
    assert entry["links"] == [{"researcher": researcher_an.pk, "name": "Nguyễn Văn An", "position": 1}]


def test_a_name_shared_by_two_researchers_of_the_organisation_links_neither(staff, hust, researcher_binh, read_data):
    Researcher.objects.create(full_name="Trần Thị Bình", organisation=hust)
    batch = preview(staff, read_data, "crossref-items.json", organisation=hust)
    assert batch.payload["entries"][0]["links"] == []


def test_a_researcher_importing_is_linked_even_when_their_name_is_written_otherwise(researcher_binh, read_data):
    batch = preview(researcher_binh.user, read_data, "crossref-work.json")
    [entry] = batch.payload["entries"]
    assert entry["links"] == [{"researcher": researcher_binh.pk, "name": "Trần Thị Bình", "position": 3}]


def test_a_user_without_profile_nor_secretariat_role_may_not_import(public, read_data):
    with pytest.raises(PermissionDenied):
        preview(public, read_data, "publications.bib")
    assert not ImportBatch.objects.exists()


def test_the_secretariat_of_a_programme_imports_for_an_organisation_it_chooses(secretariat, vast, read_data):
    batch = preview(secretariat, read_data, "crossref-work.json", organisation=vast)
    assert (batch.researcher, batch.organisation) == (None, vast)


def test_staff_must_choose_an_organisation(staff, read_data):
    with pytest.raises(ValidationError) as error:
        preview(staff, read_data, "crossref-work.json")
    assert "organisation" in error.value.message_dict


# Import: confirm -----------------------------------------------------------------------------


def test_confirm_creates_the_new_entries_with_authors_organisation_and_importer(
    researcher_an, researcher_binh, read_data
):
    batch = preview(researcher_an.user, read_data, "publications.bib")

    batch = services.import_batch_confirm(batch=batch, actor=researcher_an.user)

    assert (batch.status, batch.created_count) == (ImportBatch.Status.CONFIRMED, 3)
    outputs = Output.objects.order_by("year")
    assert [o.title for o in outputs] == [
        "Đô thị thông minh: lý thuyết và thực tiễn",
        "Nghiên cứu tổng hợp vật liệu nano bạc ứng dụng xử lý nước thải",
        "Vietnamese speech recognition for public services in Hanoi",
    ]
    article = outputs.get(doi="10.99999/test.bib.1")
    assert article.authors_text == "Nguyễn, Văn An; Trần, Thị Bình"
    assert [(a.researcher, a.position) for a in article.authorships.all()] == [(researcher_an, 1), (researcher_binh, 2)]
    assert list(article.organisations.all()) == [researcher_an.organisation]
    assert {o.created_by for o in outputs} == {researcher_an.user}
    assert {o.import_batch for o in outputs} == {batch}
    # Every output is the importer's own, even the book by Đặng Minh Đức (linked after the authors).
    assert set(researcher_an.outputs.all()) == set(outputs)


def test_confirm_skips_what_became_a_duplicate_since_the_preview(researcher_an, read_data, make_output):
    batch = preview(researcher_an.user, read_data, "publications.bib")
    make_output("Other title", doi="10.99999/test.bib.1")

    batch = services.import_batch_confirm(batch=batch, actor=researcher_an.user)

    assert batch.created_count == 2
    assert Output.objects.filter(doi="10.99999/test.bib.1").count() == 1


def test_confirm_is_all_or_nothing(researcher_an, read_data, monkeypatch):
    batch = preview(researcher_an.user, read_data, "publications.bib")

    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Authorship.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        services.import_batch_confirm(batch=batch, actor=researcher_an.user)

    assert not Output.objects.exists()
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.PREVIEW


def test_a_batch_is_confirmed_once(researcher_an, read_data):
    batch = preview(researcher_an.user, read_data, "crossref-work.json")
    services.import_batch_confirm(batch=batch, actor=researcher_an.user)

    with pytest.raises(ValidationError):
        services.import_batch_confirm(batch=batch, actor=researcher_an.user)
    assert Output.objects.count() == 1


def test_only_the_uploader_confirms_a_batch(researcher_an, researcher_binh, read_data):
    batch = preview(researcher_an.user, read_data, "crossref-work.json")
    with pytest.raises(PermissionDenied):
        services.import_batch_confirm(batch=batch, actor=researcher_binh.user)
    assert not Output.objects.exists()


def test_a_cancelled_batch_drops_its_entries_and_cannot_be_confirmed(researcher_an, read_data):
    batch = preview(researcher_an.user, read_data, "crossref-work.json")
    services.import_batch_cancel(batch=batch, actor=researcher_an.user)
    batch.refresh_from_db()
    assert (batch.status, "entries" in batch.payload) == (ImportBatch.Status.CANCELLED, False)
    with pytest.raises(ValidationError):
        services.import_batch_confirm(batch=batch, actor=researcher_an.user)


# Profiles --------------------------------------------------------------------------------------


def test_a_researcher_updates_their_profile_and_orcid_link_is_normalised(researcher_binh, vast):
    services.researcher_update(
        researcher=researcher_binh,
        actor=researcher_binh.user,
        full_name="  Trần   Thị Bình ",
        title="TS.",
        orcid="https://orcid.org/0000-0001-5109-3700",
        organisation=vast,
        field="Hóa học",
    )
    researcher_binh.refresh_from_db()
    assert (researcher_binh.full_name, researcher_binh.orcid, researcher_binh.organisation) == (
        "Trần Thị Bình",
        "0000-0001-5109-3700",
        vast,
    )
    assert " hoa hoc " in researcher_binh.search_key


def test_an_orcid_with_a_wrong_checksum_is_refused_by_field(researcher_binh):
    with pytest.raises(ValidationError) as error:
        services.researcher_update(
            researcher=researcher_binh,
            actor=researcher_binh.user,
            full_name="Trần Thị Bình",
            orcid="0000-0001-5109-3701",
        )
    assert list(error.value.message_dict) == ["orcid"]


def test_an_orcid_of_another_researcher_is_refused(researcher_an, researcher_binh):
    with pytest.raises(ValidationError) as error:
        services.researcher_update(
            researcher=researcher_binh, actor=researcher_binh.user, full_name="Trần Thị Bình", orcid=researcher_an.orcid
        )
    assert "đã gắn với một nhà khoa học khác" in error.value.message_dict["orcid"][0]


def test_another_user_may_not_edit_a_profile(researcher_an, researcher_binh):
    with pytest.raises(PermissionDenied):
        services.researcher_update(researcher=researcher_an, actor=researcher_binh.user, full_name="X")
    researcher_an.refresh_from_db()
    assert researcher_an.full_name == "Nguyễn Văn An"


# Outputs ---------------------------------------------------------------------------------------


def test_a_researcher_adds_an_output_and_becomes_its_author(researcher_an):
    output = services.output_create(
        actor=researcher_an.user, kind="article", title="Bài mới", year=2025, doi="https://doi.org/10.99999/NEW"
    )
    assert output.doi == "10.99999/new"
    assert list(output.researchers.all()) == [researcher_an]
    assert list(output.organisations.all()) == [researcher_an.organisation]


def test_an_output_that_duplicates_another_is_refused(researcher_an, make_output):
    make_output("Bài đã có", year=2025, authors=[researcher_an], doi="10.99999/old")
    with pytest.raises(ValidationError) as error:
        services.output_create(actor=researcher_an.user, kind="article", title="Khác", year=2025, doi="10.99999/OLD")
    assert list(error.value.message_dict) == ["doi"]
    with pytest.raises(ValidationError) as error:
        services.output_create(
            actor=researcher_an.user, kind="article", title="BÀI ĐÃ CÓ", year=2025, authors_text="Nguyễn Văn An"
        )
    assert list(error.value.message_dict) == ["title"]


def test_only_authors_and_staff_change_an_output(researcher_an, researcher_binh, staff, make_output):
    output = make_output("Bài của An", authors=[researcher_an])
    with pytest.raises(PermissionDenied):
        services.output_update(output=output, actor=researcher_binh.user, title="Đổi")
    services.output_update(output=output, actor=researcher_an.user, title="Đổi tên")
    services.output_update(output=output, actor=staff, year=2020)
    output.refresh_from_db()
    assert (output.title, output.year) == ("Đổi tên", 2020)
