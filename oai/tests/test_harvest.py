"""End to end: the real harvester client Sickle harvests the live endpoint over HTTP, through
several resumption pages, and every raw response is valid against the schemas."""

import pytest
from sickle import Sickle
from sickle.oaiexceptions import BadArgument, BadResumptionToken, IdDoesNotExist

from oai.models import DeletedRecord
from oai.selectors import identifier_of
from oai.validation import validation_errors

pytestmark = pytest.mark.usefixtures("seed_restored_after_module")


class CheckedSickle(Sickle):
    """Sickle that keeps every response it received, to check each against the schemas."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.responses = []

    def harvest(self, **kwargs):
        response = super().harvest(**kwargs)
        self.responses.append(response.http_response.content)
        return response


@pytest.fixture
def harvester(live_server):
    return CheckedSickle(f"{live_server.url}/oai", max_retries=0, timeout=30)


def assert_all_valid(harvester):
    assert harvester.responses
    for content in harvester.responses:
        assert validation_errors(content) == []


@pytest.mark.parametrize("prefix", ["oai_dc", "oai_datacite"])
def test_sickle_harvests_every_record_through_resumption_pages(transactional_db, records, harvester, prefix):
    gone = records["outputs"][4]
    gone_identifier = identifier_of("output", gone.pk)
    gone.delete()
    harvested = list(harvester.ListRecords(metadataPrefix=prefix))
    expected = [identifier_of("output", o.pk) for o in records["outputs"][:4]]
    expected += [identifier_of("task", t.pk) for t in records["tasks"]] + [gone_identifier]
    assert [record.header.identifier for record in harvested] == expected
    assert [record.header.deleted for record in harvested] == [False] * 6 + [True]
    assert len(harvester.responses) == 3  # 7 records, pages of 3
    assert_all_valid(harvester)
    if prefix == "oai_dc":
        assert harvested[0].metadata["title"] == ["Vật liệu nano cho xử lý nước thải"]
    assert DeletedRecord.objects.count() == 1


def test_sickle_uses_every_verb_by_get_and_post(transactional_db, records, live_server):
    for method in ("GET", "POST"):
        harvester = CheckedSickle(f"{live_server.url}/oai", http_method=method, max_retries=0)
        identify = harvester.Identify()
        assert identify.protocolVersion == "2.0"
        assert identify.deletedRecord == "persistent"
        formats = [f.metadataPrefix for f in harvester.ListMetadataFormats()]
        assert formats == ["oai_dc", "oai_datacite"]
        sets = {s.setSpec: s.setName for s in harvester.ListSets()}
        assert sets["org:hust"] == "Đại học Bách khoa Hà Nội"
        headers = list(harvester.ListIdentifiers(metadataPrefix="oai_dc", set="year:2024"))
        assert len(headers) == 4
        task = records["tasks"][0]
        record = harvester.GetRecord(identifier=identifier_of("task", task.pk), metadataPrefix="oai_dc")
        assert record.metadata["title"] == [task.title]
        assert_all_valid(harvester)


def test_sickle_sees_protocol_errors(transactional_db, records, harvester):
    with pytest.raises(BadArgument):
        list(harvester.ListRecords(metadataPrefix="oai_dc", **{"from": "2024-31-12"}))
    with pytest.raises(IdDoesNotExist):
        harvester.GetRecord(identifier="oai:nowhere:output/1", metadataPrefix="oai_dc")
    with pytest.raises(BadResumptionToken):
        list(harvester.ListRecords(resumptionToken="forged"))
    assert_all_valid(harvester)
