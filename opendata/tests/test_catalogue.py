"""The open-data page and its DCAT-AP catalogue in JSON-LD."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rdflib import Graph, Literal, URIRef, namespace

from opendata.datasets import DATASETS

pytestmark = pytest.mark.django_db
LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")


def test_the_page_lists_every_dataset_with_licence_update_date_and_downloads(client, programme, figures):
    response = client.get("/du-lieu-mo/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Dữ liệu mở</h1>" in html
    for key, dataset in DATASETS.items():
        assert f'id="{key}"' in html and str(dataset.title) in html
        for fmt in ("csv", "xlsx", "json"):
            assert f'href="/du-lieu-mo/{key}.{fmt}"' in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in html
    assert 'href="/api/v1/docs/"' in html and 'href="/oai?verb=Identify"' in html
    assert 'href="/du-lieu-mo/catalog.jsonld"' in html
    assert f"<dt>Số dòng</dt><dd>{len(figures)}</dd>" in html
    newest = max(m.recorded_at for m in figures)
    from django.utils import timezone

    assert timezone.localtime(newest).strftime("%d/%m/%Y %H:%M") in html


def test_the_page_costs_a_fixed_number_of_queries(client, programme, figures, task_updates):
    with CaptureQueriesContext(connection) as few:
        client.get("/du-lieu-mo/", HTTP_COOKIE="sessionid=nocache")
    from indicators.services import measurement_record

    measurement_record(indicator=programme.indicators.get(code="CT4"), actor=None, year=2022, value="20", source="x")
    with CaptureQueriesContext(connection) as more:
        client.get("/du-lieu-mo/", HTTP_COOKIE="sessionid=nocache")
    assert len(few) == len(more) <= 15


def test_the_site_navigation_links_to_the_open_data_page(client, programme):
    html = client.get("/programmes/").content.decode()
    assert 'href="/du-lieu-mo/"' in html


def _graph(client) -> Graph:
    response = client.get("/du-lieu-mo/catalog.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    return Graph().parse(data=response.content.decode(), format="json-ld")


def test_the_catalogue_parses_as_json_ld_and_holds_every_dataset(client, programme, figures, outputs):
    graph = _graph(client)
    (catalogue,) = graph.subjects(namespace.RDF.type, namespace.DCAT.Catalog)
    datasets = set(graph.objects(catalogue, namespace.DCAT.dataset))
    assert len(datasets) == len(DATASETS)
    assert {str(graph.value(d, namespace.DCTERMS.identifier)) for d in datasets} == set(DATASETS)
    assert (catalogue, namespace.DCTERMS.license, LICENCE) in graph
    for dataset in datasets:
        assert (dataset, namespace.RDF.type, namespace.DCAT.Dataset) in graph
        assert (dataset, namespace.DCTERMS.license, LICENCE) in graph
        assert graph.value(dataset, namespace.DCTERMS.publisher) is not None
        assert graph.value(dataset, namespace.DCTERMS.language) == URIRef(
            "http://publications.europa.eu/resource/authority/language/VIE"
        )
        distributions = list(graph.objects(dataset, namespace.DCAT.distribution))
        assert len(distributions) == 3
        media = {str(graph.value(d, namespace.DCAT.mediaType)).rsplit("/", 1)[-1] for d in distributions}
        assert media == {"csv", "json", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        for distribution in distributions:
            download = str(graph.value(distribution, namespace.DCAT.downloadURL))
            assert download.startswith("http://testserver/du-lieu-mo/")
            assert graph.value(distribution, namespace.DCAT.accessURL) is not None


def test_the_catalogue_gives_the_real_modification_time(client, programme, figures):
    graph = _graph(client)
    measurements = next(graph.subjects(namespace.DCTERMS.identifier, Literal("measurements")))
    modified = graph.value(measurements, namespace.DCTERMS.modified).toPython()
    newest = max(m.recorded_at for m in figures)
    assert abs((modified - newest).total_seconds()) < 1


def test_the_catalogue_download_addresses_work(client, programme, figures):
    graph = _graph(client)
    for url in graph.objects(None, namespace.DCAT.downloadURL):
        response = client.get(str(url).removeprefix("http://testserver"))
        assert response.status_code == 200, url


def test_the_catalogue_names_the_api_and_the_oai_pmh_services(client, programme):
    graph = _graph(client)
    endpoints = {str(o) for o in graph.objects(None, namespace.DCAT.endpointURL)}
    assert endpoints == {"http://testserver/api/v1/", "http://testserver/oai"}
