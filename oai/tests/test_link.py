"""A person finds the endpoint: every page's footer links to it."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_footer_links_to_the_identify_request(client):
    page = client.get("/research/").content.decode()
    assert "Giao diện OAI-PMH" in page
    assert 'href="/oai?verb=Identify"' in page
    assert b"<Identify>" in client.get("/oai?verb=Identify").content
