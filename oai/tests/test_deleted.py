"""Deleting an output or S&T task leaves a tombstone that harvesters are told about."""

import pytest

from oai.models import DeletedRecord
from oai.selectors import identifier_of

from .conftest import NS, error_code, oai_get

pytestmark = pytest.mark.django_db


def test_deleting_an_output_keeps_a_tombstone_with_its_sets(records):
    article = records["outputs"][0]
    pk = article.pk
    article.delete()
    tombstone = DeletedRecord.objects.get(kind="output", object_id=pk)
    assert set(tombstone.set_list) == {"class:output", "type:article", "year:2023", "org:hust", "org:vast"}


def test_deleting_a_task_keeps_a_tombstone(records):
    task = records["tasks"][0]
    pk = task.pk
    task.delete()
    assert set(DeletedRecord.objects.get(kind="task", object_id=pk).set_list) == {
        "class:task",
        "type:topic",
        "year:2024",
        "org:hust",
    }


def test_a_bulk_delete_keeps_one_tombstone_per_record(records):
    from research.models import Output

    Output.objects.filter(year=2024).delete()
    assert DeletedRecord.objects.filter(kind="output").count() == 3


def test_a_deleted_record_is_reported_with_a_deleted_header(client, records):
    article = records["outputs"][0]
    identifier = identifier_of("output", article.pk)
    article.delete()
    tree = oai_get(client, verb="GetRecord", identifier=identifier, metadataPrefix="oai_datacite")
    header = tree.find(".//oai:record/oai:header", NS)
    assert header.get("status") == "deleted"
    assert header.findtext("oai:identifier", namespaces=NS) == identifier
    assert tree.find(".//oai:record/oai:metadata", NS) is None
    formats = oai_get(client, verb="ListMetadataFormats", identifier=identifier)
    assert error_code(formats) is None


@pytest.mark.parametrize("verb", ["ListIdentifiers", "ListRecords"])
def test_lists_report_deleted_records_in_their_sets_and_dates(client, records, settings, verb):
    settings.OAI_PAGE_SIZE = 100
    article = records["outputs"][0]
    identifier = identifier_of("output", article.pk)
    article.delete()
    for spec in ("org:vast", "type:article", "class:output", "org", "year"):
        tree = oai_get(client, verb=verb, metadataPrefix="oai_dc", set=spec)
        deleted = [h for h in tree.iterfind(".//oai:header", NS) if h.get("status") == "deleted"]
        assert [h.findtext("oai:identifier", namespaces=NS) for h in deleted] == [identifier], spec
    tree = oai_get(client, verb=verb, metadataPrefix="oai_dc", set="class:task")
    assert all(h.get("status") is None for h in tree.iterfind(".//oai:header", NS))
    stamp = DeletedRecord.objects.get().deleted_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    tree = oai_get(client, verb=verb, metadataPrefix="oai_dc", **{"from": stamp})
    assert identifier in [e.text for e in tree.iterfind(".//oai:header/oai:identifier", NS)]


def test_the_earliest_datestamp_counts_tombstones(client, records):
    from research.models import Output
    from research_tasks.models import ResearchTask

    records["outputs"][0].delete()
    DeletedRecord.objects.update(deleted_at="2019-01-01T00:00:00Z")
    ResearchTask.objects.all().delete()
    Output.objects.all().delete()
    DeletedRecord.objects.filter(deleted_at__year=2019).update(deleted_at="2019-01-01T00:00:00Z")
    tree = oai_get(client, verb="Identify")
    assert tree.findtext(".//oai:earliestDatestamp", namespaces=NS) == "2019-01-01T00:00:00Z"


def test_a_delete_that_is_rolled_back_leaves_no_tombstone(records):
    from django.db import transaction

    article = records["outputs"][0]
    pk = article.pk
    with pytest.raises(RuntimeError), transaction.atomic():
        article.delete()
        raise RuntimeError("the deleting action failed after the delete")
    assert not DeletedRecord.objects.exists()
    assert type(article).objects.filter(pk=pk).exists()
