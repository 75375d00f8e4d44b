"""Figures computed by other modules are offered, never recorded by themselves."""

from decimal import Decimal

import pytest

from indicators.feeds import FeedValue, register_feed
from indicators.models import Indicator, Measurement

URL = "/p/07-ctr-tu/indicators/CT7.3/"


@pytest.fixture
def publications_feed(programme):
    register_feed(
        "test_publications",
        "CSDL KH&CN: công bố quốc tế",
        lambda year: FeedValue(Decimal(100 + year % 10), f"/research/?year={year}"),
    )
    Indicator.objects.filter(code="CT7.3").update(feed="test_publications")


def test_the_computed_figures_are_shown_with_a_link_to_their_records(client, publications_feed):
    page = client.get(URL).content.decode()
    assert "CSDL KH&amp;CN: công bố quốc tế" in page and "/research/?year=2024" in page
    assert not Measurement.objects.exists()


def test_the_secretariat_records_a_computed_figure(client, publications_feed, secretariat):
    client.force_login(secretariat)
    assert client.post(URL + "feed/", {"year": 2024}).status_code == 302
    measurement = Measurement.objects.get()
    assert (measurement.year, measurement.value, measurement.source) == (2024, 104, "CSDL KH&CN: công bố quốc tế")
    assert measurement.source_url == "http://127.0.0.1:8000/research/?year=2024"


def test_a_reporter_cannot_record_a_computed_figure(client, publications_feed, reporter_sokhcn):
    client.force_login(reporter_sokhcn)
    assert client.post(URL + "feed/", {"year": 2024}).status_code == 403
    assert not Measurement.objects.exists()


def test_a_bad_year_changes_nothing(client, publications_feed, secretariat):
    client.force_login(secretariat)
    assert client.post(URL + "feed/", {"year": "abc"}).status_code == 404
    client.post(URL + "feed/", {"year": 2030})
    assert not Measurement.objects.exists()
