"""Lists come in pages joined by resumption tokens: keyset-paged, signed, expiring."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from oai.selectors import identifier_of

from .conftest import NS, error_code, oai_get

pytestmark = pytest.mark.django_db


def token_of(tree):
    return tree.find(".//oai:resumptionToken", NS)


def harvest(client, verb="ListIdentifiers", **params):
    """Follow the tokens to the end; return the identifiers and the token elements seen."""
    tree = oai_get(client, verb=verb, metadataPrefix="oai_dc", **params)
    identifiers, tokens = [], []
    while True:
        identifiers += [e.text for e in tree.iterfind(".//oai:header/oai:identifier", NS)]
        token = token_of(tree)
        if token is None:
            return identifiers, tokens
        tokens.append(token)
        if not token.text:
            return identifiers, tokens
        tree = oai_get(client, verb=verb, resumptionToken=token.text)


def every_identifier(records):
    return [identifier_of("output", o.pk) for o in records["outputs"]] + [
        identifier_of("task", t.pk) for t in records["tasks"]
    ]


@pytest.mark.parametrize("verb", ["ListIdentifiers", "ListRecords"])
def test_a_harvest_follows_tokens_through_every_record_once_in_datestamp_order(client, records, verb):
    identifiers, tokens = harvest(client, verb)
    assert identifiers == every_identifier(records)  # created in this order: outputs, then tasks
    assert [t.get("cursor") for t in tokens] == ["0", "3", "6"]
    assert {t.get("completeListSize") for t in tokens} == {"7"}
    assert [bool(t.text) for t in tokens] == [True, True, False]  # the last one is empty
    assert all(t.get("expirationDate", "").endswith("Z") for t in tokens[:-1])


def test_a_token_keeps_the_selection_of_the_first_request(client, records):
    identifiers, tokens = harvest(client, set="class:output")
    assert identifiers == [identifier_of("output", o.pk) for o in records["outputs"]]
    assert tokens[0].get("completeListSize") == "5"


def test_records_changed_during_a_harvest_are_neither_lost_nor_repeated_before_the_end(client, records):
    first = oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    seen = [e.text for e in first.iterfind(".//oai:identifier", NS)]
    # A record of the first page changes; a new record arrives: both come after the others.
    records["outputs"][0].title = "Tên mới"
    records["outputs"][0].save()
    from research.models import Output

    new = Output.objects.create(kind="article", title="Bài mới", year=2025)
    tree = first
    while (token := token_of(tree)) is not None and token.text:
        tree = oai_get(client, verb="ListIdentifiers", resumptionToken=token.text)
        seen += [e.text for e in tree.iterfind(".//oai:identifier", NS)]
    expected = every_identifier(records)
    assert seen[: len(expected)] == expected
    assert seen[len(expected) :] == [identifier_of("output", records["outputs"][0].pk), identifier_of("output", new.pk)]


def test_pages_are_keyset_queries_without_offset_and_cost_a_fixed_number_of_queries(client, records):
    tree = oai_get(client, verb="ListRecords", metadataPrefix="oai_datacite")
    counts = []
    while (token := token_of(tree)) is not None and token.text:
        with CaptureQueriesContext(connection) as ctx:
            tree = oai_get(client, verb="ListRecords", resumptionToken=token.text)
        assert not any(" OFFSET " in q["sql"].upper() for q in ctx.captured_queries)
        counts.append(len(ctx.captured_queries))
    assert counts and max(counts) <= 12


def test_the_same_record_count_costs_the_same_queries_for_more_data(client, records, settings):
    from research.models import Output

    settings.OAI_PAGE_SIZE = 5
    with CaptureQueriesContext(connection) as small:
        oai_get(client, verb="ListRecords", metadataPrefix="oai_datacite", set="class:output")
    for year in range(30):
        Output.objects.create(kind="article", title=f"Bài {year}", year=2000 + year)
    with CaptureQueriesContext(connection) as big:
        oai_get(client, verb="ListRecords", metadataPrefix="oai_datacite", set="class:output")
    assert len(big.captured_queries) == len(small.captured_queries)


def test_an_expired_token_is_refused(client, records, settings):
    token = token_of(oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc")).text
    settings.OAI_TOKEN_LIFETIME = -1  # every token issued before now has expired
    tree = oai_get(client, verb="ListIdentifiers", resumptionToken=token)
    assert error_code(tree) == "badResumptionToken"


def test_a_tampered_token_is_refused(client, records):
    token = token_of(oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc")).text
    payload, rest = token.split(":", 1)
    forged = ("A" if payload[0] != "A" else "B") + payload[1:] + ":" + rest
    assert error_code(oai_get(client, verb="ListIdentifiers", resumptionToken=forged)) == "badResumptionToken"


def test_a_token_of_one_verb_is_refused_by_another(client, records):
    token = token_of(oai_get(client, verb="ListIdentifiers", metadataPrefix="oai_dc")).text
    assert error_code(oai_get(client, verb="ListRecords", resumptionToken=token)) == "badResumptionToken"
    assert error_code(oai_get(client, verb="ListIdentifiers", resumptionToken=token)) is None
