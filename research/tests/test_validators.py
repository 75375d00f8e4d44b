"""ORCID iDs and DOIs are checked before anything is stored."""

import pytest
from django.core.exceptions import ValidationError

from research.demo import orcid_with_checksum
from research.validators import normalise_doi, normalise_orcid, orcid_checksum_ok, validate_doi, validate_orcid


@pytest.mark.parametrize("orcid", ["0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X"])
def test_real_orcids_pass_the_checksum(orcid):
    validate_orcid(orcid)


@pytest.mark.parametrize(
    "orcid",
    ["0000-0002-1825-0098", "0000-0002-1825-009", "0000000218250097", "0000-0002-1825-009x", "abcd-0002-1825-0097"],
)
def test_a_wrong_checksum_or_shape_is_refused_with_a_vietnamese_message(orcid):
    with pytest.raises(ValidationError) as error:
        validate_orcid(orcid)
    assert "không hợp lệ" in error.value.messages[0]


def test_an_orcid_link_is_reduced_to_the_identifier():
    assert normalise_orcid(" https://orcid.org/0000-0002-1694-233x ") == "0000-0002-1694-233X"


def test_generated_demo_orcids_have_valid_checksums():
    for n in range(200):
        orcid = orcid_with_checksum(f"000000000100{n:03d}")
        assert orcid_checksum_ok(orcid), orcid
        validate_orcid(orcid)


@pytest.mark.parametrize("doi", ["10.1038/nature12373", "10.99999/demo.1.2", "10.1002/(SICI)1097-4636"])
def test_dois_of_the_usual_shape_pass(doi):
    validate_doi(doi)


@pytest.mark.parametrize("doi", ["11.1234/x", "10.12/x", "10.1234/", "10.1234/has space", "doi"])
def test_malformed_dois_are_refused(doi):
    with pytest.raises(ValidationError):
        validate_doi(doi)


def test_doi_links_and_prefixes_are_stripped_and_lower_cased():
    assert normalise_doi("https://doi.org/10.1038/Nature12373") == "10.1038/nature12373"
    assert normalise_doi("doi:10.1038/X") == "10.1038/x"
