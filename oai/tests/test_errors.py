"""Every malformed request gets the protocol's error code in a valid document, never a 500."""

import pytest

from oai.selectors import identifier_of

from .conftest import HOST, NS, error_code, oai_get

pytestmark = pytest.mark.django_db

LIST = {"verb": "ListRecords", "metadataPrefix": "oai_dc"}


def ask(client, params, method="get"):
    response = getattr(client, method)("/oai", params)
    assert response.status_code == 200
    from lxml import etree

    from oai.validation import validation_errors

    assert validation_errors(response.content) == []
    return etree.fromstring(response.content)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"verb": "Nonsense"},
        {"verb": ["Identify", "Identify"]},
        {"verb": ["Identify", "ListSets"]},
        {"verb": ""},
        {"verb": "identify"},
    ],
)
def test_missing_unknown_or_repeated_verb_is_bad_verb(client, db, params):
    tree = ask(client, params)
    assert error_code(tree) == "badVerb"
    assert tree.find("oai:request", NS).attrib == {}  # nothing echoed for a bad request


@pytest.mark.parametrize(
    "params",
    [
        {"verb": "Identify", "set": "x"},
        {"verb": "Identify", "identifier": "x"},
        {"verb": "ListRecords"},
        {"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]},
        {**LIST, "colour": "blue"},
        {**LIST, "from": "2024-13-01"},
        {**LIST, "from": "2024-02-30"},
        {**LIST, "from": "yesterday"},
        {**LIST, "from": "2024-01-01T10:00:00"},
        {**LIST, "from": "2024-01-01T10:00:00+07:00"},
        {**LIST, "from": "0000-01-01"},
        {**LIST, "until": "2024-01-01T25:00:00Z"},
        {**LIST, "from": "2024-01-02", "until": "2024-01-01"},
        {**LIST, "from": "2024-01-01T10:00:01Z", "until": "2024-01-01T10:00:00Z"},
        {**LIST, "from": "2024-01-01", "until": "2024-01-02T00:00:00Z"},
        {**LIST, "set": "bad set"},
        {**LIST, "set": "org::x"},
        {**LIST, "metadataPrefix": "oai dc"},
        {**LIST, "metadataPrefix": ""},
        {"verb": "ListRecords", "resumptionToken": "abc", "metadataPrefix": "oai_dc"},
        {"verb": "ListIdentifiers", "resumptionToken": "abc", "set": "class"},
        {"verb": "GetRecord", "metadataPrefix": "oai_dc"},
        {"verb": "GetRecord", "identifier": f"oai:{HOST}:output/1"},
        {"verb": "GetRecord", "identifier": "oai:x y", "metadataPrefix": "oai_dc"},
        {"verb": "ListMetadataFormats", "identifier": ["a", "b"]},
        {"verb": "ListSets", "set": "class"},
        {"verb": "GetRecord", "identifier": f"oai:{HOST}:output/1", "metadataPrefix": "oai_dc", "from": "2024-01-01"},
    ],
)
def test_malformed_arguments_are_bad_argument(client, records, params):
    tree = ask(client, params)
    assert error_code(tree) == "badArgument"
    assert tree.find("oai:request", NS).attrib == {}


@pytest.mark.parametrize(
    "params",
    [
        {"verb": "ListRecords", "resumptionToken": "abc\x01"},
        {"verb": "GetRecord", "identifier": "oai:x\ufffe", "metadataPrefix": "oai_dc"},
        {"verb": "Identify", "na\x00me": "x"},
        {"verb": "Identify\x0b"},
    ],
)
def test_characters_xml_cannot_carry_are_bad_argument(client, records, params):
    assert error_code(ask(client, params)) == "badArgument"


def test_long_and_unusual_values_never_break_the_answer(client, records):
    assert error_code(ask(client, {"verb": "ListRecords", "resumptionToken": "x" * 100_000})) == "badResumptionToken"
    assert error_code(ask(client, {**LIST, "set": "org:đhqg"})) == "badArgument"
    unicode_id = {"verb": "GetRecord", "identifier": "oai:khcn.hanoi.gov.vn:output/đ", "metadataPrefix": "oai_dc"}
    assert error_code(ask(client, unicode_id)) == "idDoesNotExist"
    assert error_code(ask(client, {"verb": "Identify", "x" * 5000: "y"})) == "badArgument"
    raw = client.get("/oai?verb=ListRecords&metadataPrefix=oai_dc&set=class%ED%A0%80%FF")  # not UTF-8
    assert raw.status_code == 200
    from lxml import etree

    assert error_code(etree.fromstring(raw.content)) == "badArgument"


def test_bad_arguments_by_post_too(client, records):
    assert error_code(ask(client, {**LIST, "until": "not a date"}, "post")) == "badArgument"


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers", "GetRecord"])
def test_unknown_format_cannot_be_disseminated(client, records, verb):
    params = {"verb": verb, "metadataPrefix": "marc21"}
    if verb == "GetRecord":
        params["identifier"] = identifier_of("output", records["outputs"][0].pk)
    tree = ask(client, params)
    assert error_code(tree) == "cannotDisseminateFormat"
    assert tree.find("oai:request", NS).get("metadataPrefix") == "marc21"  # well formed: echoed


@pytest.mark.parametrize(
    "identifier",
    [
        "oai:other.example.org:output/1",
        f"oai:{HOST}:output/999999",
        f"oai:{HOST}:task/0",
        f"oai:{HOST}:person/1",
        f"oai:{HOST}:output/1/extra",
        f"oai:{HOST}:output/99999999999999999999999",
        "output/1",
    ],
)
def test_unknown_identifier_does_not_exist(client, records, identifier):
    assert error_code(ask(client, {"verb": "GetRecord", "identifier": identifier, "metadataPrefix": "oai_dc"})) == (
        "idDoesNotExist"
    )
    assert error_code(ask(client, {"verb": "ListMetadataFormats", "identifier": identifier})) == "idDoesNotExist"


def test_no_records_match_an_empty_selection(client, records):
    assert error_code(ask(client, {**LIST, "set": "org:nowhere"})) == "noRecordsMatch"
    assert error_code(ask(client, {**LIST, "set": "class:person"})) == "noRecordsMatch"
    assert error_code(ask(client, {**LIST, "set": "year:1900"})) == "noRecordsMatch"
    assert error_code(ask(client, {**LIST, "from": "2999-01-01"})) == "noRecordsMatch"
    assert error_code(ask(client, {**LIST, "until": "9999-12-31"})) is None  # no overflow at the end of time


def test_no_records_in_an_empty_repository(client, db):
    assert error_code(ask(client, LIST)) == "noRecordsMatch"


def test_a_record_without_formats_reports_no_metadata_formats(client, records, monkeypatch):
    # Every record has both formats today; the error path stays ready for one that has none.
    monkeypatch.setattr("oai.responses.formats_for", lambda item: [])
    one = identifier_of("output", records["outputs"][0].pk)
    assert error_code(ask(client, {"verb": "ListMetadataFormats", "identifier": one})) == "noMetadataFormats"


@pytest.mark.parametrize("token", ["garbage", "a" * 5000, "eyJ2IjoiTGlzdFJlY29yZHMifQ:1abc:xyz"])
def test_garbage_resumption_token_is_bad(client, records, token):
    tree = ask(client, {"verb": "ListRecords", "resumptionToken": token})
    assert error_code(tree) == "badResumptionToken"
    assert tree.find("oai:request", NS).get("resumptionToken") == token


def test_list_sets_has_no_resumption_tokens_to_resume(client, records):
    assert error_code(ask(client, {"verb": "ListSets", "resumptionToken": "x"})) == "badResumptionToken"


def test_sets_exist_so_there_is_never_no_set_hierarchy(client, records):
    tree = oai_get(client, verb="ListSets")
    assert error_code(tree) is None
    assert tree.find(".//oai:set", NS) is not None


def test_other_http_methods_are_refused(client, db):
    assert client.put("/oai?verb=Identify").status_code == 405


def test_head_requests_are_answered(client, db):
    assert client.head("/oai?verb=Identify").status_code == 200
