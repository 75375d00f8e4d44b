"""Each verb answers as the protocol says, and every answer is valid against the schemas."""

import pytest

from oai.selectors import identifier_of

from .conftest import HOST, NS, error_code, oai_get

pytestmark = pytest.mark.django_db


def texts(tree, path):
    return [element.text for element in tree.iterfind(path, NS)]


def test_identify_describes_the_repository(client, records):
    tree = oai_get(client, verb="Identify")
    identify = tree.find("oai:Identify", NS)
    assert identify.findtext("oai:baseURL", namespaces=NS) == "http://testserver/oai"
    assert identify.findtext("oai:protocolVersion", namespaces=NS) == "2.0"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "persistent"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.findtext("oai:adminEmail", namespaces=NS) == "sokhcn@hanoi.gov.vn"
    first = min(row.updated_at for row in records["outputs"])
    assert identify.findtext("oai:earliestDatestamp", namespaces=NS) == first.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert f"oai:{HOST}:output/1" in tree.findtext(".//{*}sampleIdentifier")


def test_identify_works_on_an_empty_repository_and_by_post(client, db):
    tree = oai_get(client, "post", verb="Identify")
    assert tree.find("oai:Identify/oai:earliestDatestamp", NS) is not None


def test_list_metadata_formats_offers_dublin_core_and_datacite(client, records):
    tree = oai_get(client, verb="ListMetadataFormats")
    assert texts(tree, ".//oai:metadataPrefix") == ["oai_dc", "oai_datacite"]
    one = identifier_of("task", records["tasks"][0].pk)
    tree = oai_get(client, verb="ListMetadataFormats", identifier=one)
    assert texts(tree, ".//oai:metadataPrefix") == ["oai_dc", "oai_datacite"]


def test_list_sets_names_organisations_types_and_years_in_vietnamese(client, records):
    tree = oai_get(client, verb="ListSets")
    sets = dict(zip(texts(tree, ".//oai:setSpec"), texts(tree, ".//oai:setName"), strict=True))
    assert sets["org:hust"] == "Đại học Bách khoa Hà Nội"
    assert sets["type:article"] == "Bài báo khoa học"
    assert sets["type:topic"] == "Đề tài"
    assert sets["year:2024"] == "Năm 2024"
    assert sets["class:task"] == "Nhiệm vụ KH&CN"
    assert {"class", "type", "year", "org"} <= sets.keys()


def test_get_record_of_an_article_in_dublin_core(client, records):
    article = records["outputs"][0]
    tree = oai_get(client, verb="GetRecord", identifier=identifier_of("output", article.pk), metadataPrefix="oai_dc")
    header = tree.find(".//oai:header", NS)
    assert header.findtext("oai:identifier", namespaces=NS) == f"oai:{HOST}:output/{article.pk}"
    assert set(texts(header, "oai:setSpec")) == {"class:output", "type:article", "year:2023", "org:hust", "org:vast"}
    dc = tree.find(".//oai_dc:dc", NS)
    assert texts(dc, "dc:title") == ["Vật liệu nano cho xử lý nước thải"]
    assert texts(dc, "dc:creator") == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert "https://doi.org/10.99999/demo.1" in texts(dc, "dc:identifier")
    assert f"https://{HOST}/research/outputs/{article.pk}/" in texts(dc, "dc:identifier")
    assert texts(dc, "dc:language") == ["vi"]
    assert "info:eu-repo/semantics/article" in texts(dc, "dc:type")
    assert texts(dc, "dc:description") == ["Tóm tắt  có ký tự điều khiển."]  # the control character dropped


def test_get_record_of_an_article_in_datacite(client, records):
    article = records["outputs"][0]
    tree = oai_get(
        client, verb="GetRecord", identifier=identifier_of("output", article.pk), metadataPrefix="oai_datacite"
    )
    resource = tree.find(".//dcite:resource", NS)
    identifier = resource.find("dcite:identifier", NS)
    assert (identifier.text, identifier.get("identifierType")) == ("10.99999/demo.1", "DOI")
    assert texts(resource, "dcite:creators/dcite:creator/dcite:creatorName") == ["Nguyễn Văn An", "Trần Thị Bình"]
    orcid = resource.find("dcite:creators/dcite:creator/dcite:nameIdentifier", NS)
    assert (orcid.text, orcid.get("nameIdentifierScheme")) == ("0000-0002-1825-0097", "ORCID")
    assert resource.find("dcite:resourceType", NS).get("resourceTypeGeneral") == "JournalArticle"
    assert resource.findtext("dcite:publicationYear", namespaces=NS) == "2023"
    assert texts(resource, "dcite:fundingReferences/dcite:fundingReference/dcite:awardNumber") == ["01C-01/01-2024-2"]
    assert set(texts(resource, "dcite:contributors/dcite:contributor/dcite:contributorName")) == {
        "Đại học Bách khoa Hà Nội",
        "Viện Hàn lâm Khoa học và Công nghệ Việt Nam",
    }


@pytest.mark.parametrize("index, general", [(1, "Other"), (2, "Software"), (3, "ConferencePaper"), (4, "Report")])
def test_other_outputs_map_to_datacite_types(client, records, index, general):
    output = records["outputs"][index]
    tree = oai_get(
        client, verb="GetRecord", identifier=identifier_of("output", output.pk), metadataPrefix="oai_datacite"
    )
    assert tree.find(".//dcite:resourceType", NS).get("resourceTypeGeneral") == general
    identifier = tree.find(".//dcite:identifier", NS)
    assert identifier.get("identifierType") == "URL"  # no DOI: the landing page


def test_get_record_of_a_task_in_both_formats(client, records):
    task = records["tasks"][0]
    identifier = identifier_of("task", task.pk)
    dc = oai_get(client, verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc").find(".//oai_dc:dc", NS)
    assert texts(dc, "dc:creator") == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert texts(dc, "dc:publisher") == ["Đại học Bách khoa Hà Nội"]
    assert texts(dc, "dc:subject") == ["Khoa học kỹ thuật"]
    assert "01C-01/01-2024-2" in texts(dc, "dc:identifier")
    assert "https://doi.org/10.99999/demo.1" in texts(dc, "dc:relation")
    tree = oai_get(client, verb="GetRecord", identifier=identifier, metadataPrefix="oai_datacite")
    resource = tree.find(".//dcite:resource", NS)
    assert resource.findtext("dcite:publisher", namespaces=NS) == "Đại học Bách khoa Hà Nội"
    assert resource.findtext("dcite:language", namespaces=NS) == "vi"
    assert "10.99999/demo.1" in texts(resource, "dcite:relatedIdentifiers/dcite:relatedIdentifier")


def test_list_identifiers_gives_headers_of_outputs_and_tasks(client, records):
    tree = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set="class:task")
    assert texts(tree, ".//oai:header/oai:identifier") == [identifier_of("task", t.pk) for t in records["tasks"]]
    assert tree.find(".//oai:resumptionToken", NS) is None  # two records fit in one page of three


def test_list_records_in_a_set_of_an_organisation(client, records):
    tree = oai_get(client, verb="ListRecords", metadataPrefix="oai_datacite", set="org:hust")
    expected = [records["outputs"][0], records["outputs"][1]]
    assert texts(tree, ".//oai:header/oai:identifier") == [identifier_of("output", o.pk) for o in expected] + [
        identifier_of("task", records["tasks"][0].pk)
    ]


@pytest.mark.parametrize(
    "spec, count",
    [
        ("class:output", 5),
        ("class", 7),
        ("type:patent", 1),
        ("type:project", 1),
        ("type", 7),
        ("year:2024", 4),
        ("year", 7),
        ("org", 3),
        ("org:vast", 1),
    ],
)
def test_sets_select_their_records(client, records, settings, spec, count):
    settings.OAI_PAGE_SIZE = 100
    tree = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", set=spec)
    assert len(tree.findall(".//oai:header", NS)) == count


def test_from_and_until_select_by_datestamp(client, records):
    from research.models import Output

    old = records["outputs"][3]
    Output.objects.filter(pk=old.pk).update(updated_at="2020-05-01T10:00:00Z")
    tree = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until="2020-05-01T10:00:00Z")
    assert texts(tree, ".//oai:identifier") == [identifier_of("output", old.pk)]
    tree = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until="2020-05-01")
    assert texts(tree, ".//oai:identifier") == [identifier_of("output", old.pk)]
    assert texts(tree, ".//oai:datestamp") == ["2020-05-01T10:00:00Z"]
    tree = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": "2020-05-01T10:00:01Z"})
    assert identifier_of("output", old.pk) not in texts(tree, ".//oai:identifier")
    tree = oai_get(
        client, verb="ListIdentifiers", metadataPrefix="oai_dc", **{"from": "2020-04-30", "until": "2020-05-01"}
    )
    assert texts(tree, ".//oai:identifier") == [identifier_of("output", old.pk)]
    tree = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc", until="2020-04-30T23:59:59Z")
    assert error_code(tree) == "noRecordsMatch"
