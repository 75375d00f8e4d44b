"""The offline schemas catch what they should: a check that could not fail would prove nothing."""

import pytest

from oai.selectors import identifier_of
from oai.validation import response_schema, validation_errors

pytestmark = pytest.mark.django_db


def test_the_schemas_load_from_the_repository_without_network():
    assert response_schema() is not None


def get(client, **params):
    return client.get("/oai", params).content


def test_a_valid_response_becomes_invalid_when_broken(client, records):
    one = identifier_of("output", records["outputs"][0].pk)
    dc = get(client, verb="GetRecord", identifier=one, metadataPrefix="oai_dc")
    datacite = get(client, verb="GetRecord", identifier=one, metadataPrefix="oai_datacite")
    assert validation_errors(dc) == [] and validation_errors(datacite) == []
    broken = [
        dc.replace(b"<dc:title>", b"<dc:heading>").replace(b"</dc:title>", b"</dc:heading>"),  # not Dublin Core
        dc.replace(b"<datestamp>", b"<datestamp>20").replace(b"Z</datestamp>", b"</datestamp>"),
        dc.replace(b'verb="GetRecord"', b'verb="GetRecords"'),
        datacite.replace(b'resourceTypeGeneral="JournalArticle"', b'resourceTypeGeneral="Article"'),
        datacite.replace(b"<publicationYear>2023", b"<publicationYear>23"),
    ]
    for content in broken:
        assert content not in (dc, datacite)  # the replacement happened
        assert validation_errors(content), content[:300]


def test_an_error_response_must_carry_a_known_code(client, db):
    content = get(client, verb="Nonsense")
    assert validation_errors(content) == []
    assert validation_errors(content.replace(b'code="badVerb"', b'code="badRequest"'))
