"""The list pages offer "Tải xuống: CSV · XLSX · JSON" with the filters they show."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_key_task_list_links_carry_its_filters(client, programme, agency):
    lead = agency("Sở Khoa học và Công nghệ")
    html = client.get(
        f"/p/{programme.slug}/tasks/", {"status": "behind", "agency": lead.slug, "group": "agency"}
    ).content.decode()
    for fmt in ("csv", "xlsx", "json"):
        assert (
            f"/du-lieu-mo/key-tasks.{fmt}?programme={programme.slug}&amp;status=behind&amp;agency={lead.slug}" in html
        )
    assert (
        f"/du-lieu-mo/key-task-updates.csv?programme={programme.slug}&amp;status=behind&amp;agency={lead.slug}" in html
    )


def test_a_filter_the_page_ignores_is_not_carried(client, programme):
    html = client.get(f"/p/{programme.slug}/tasks/", {"status": "bogus"}).content.decode()
    assert f'href="/du-lieu-mo/key-tasks.csv?programme={programme.slug}"' in html


def test_the_indicator_list_links_to_its_measurements(client, programme):
    html = client.get(f"/p/{programme.slug}/indicators/").content.decode()
    assert f"/du-lieu-mo/measurements.csv?programme={programme.slug}" in html
    assert f"/du-lieu-mo/indicators.xlsx?programme={programme.slug}" in html


def test_the_research_task_list_links_carry_stage_and_year(client, research_tasks):
    html = client.get("/research-tasks/tasks/", {"stage": "ordered", "year": "2024"}).content.decode()
    assert "/du-lieu-mo/research-tasks.json?stage=ordered&amp;year=2024" in html


def test_the_research_search_links_carry_the_query_and_facets(client, outputs):
    html = client.get("/research/", {"q": "ngập úng", "kind": "article", "page": "1"}).content.decode()
    assert "/du-lieu-mo/research-outputs.csv?q=ng%E1%BA%ADp+%C3%BAng&amp;kind=article" in html


def test_the_links_cost_the_list_page_no_query(client, programme, agency):
    from django.db import connection
    from django.template import Context, Template
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    lead = agency("Sở Khoa học và Công nghệ")
    request = RequestFactory().get("/", {"status": "behind", "agency": lead.slug})
    template = Template('{% load opendata %}{% download_links "key-tasks" "key-task-updates" programme=slug %}')
    with CaptureQueriesContext(connection) as queries:
        html = template.render(Context({"request": request, "slug": programme.slug}))
    assert len(queries) == 0
    assert f"key-task-updates.json?programme={programme.slug}&amp;status=behind&amp;agency={lead.slug}" in html
