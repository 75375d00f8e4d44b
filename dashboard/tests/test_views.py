"""The public dashboard: complete, Vietnamese by default, a fixed number of queries."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from indicators.models import Indicator
from indicators.services import measurement_record
from programmes.models import KeyTask
from programmes.services import key_task_update_record

OVERVIEW = "/p/07-ctr-tu/"


def test_home_leads_to_the_current_programme(client, programme):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == OVERVIEW


def test_the_overview_shows_the_indicators_tasks_and_roadmap(client, programme):
    html = client.get(OVERVIEW).content.decode()
    for code in ["CT1", "CT2", "CT3", "CT4", "CT5", "CT6", "CT7", "ĐT"]:
        assert f'data-code="{code}"' in html
    assert "Sơ kết giữa nhiệm kỳ" in html and "Tổng kết" in html
    assert "Ban cán sự đảng UBND Thành phố" in html
    assert '<html lang="vi">' in html


def test_figures_use_the_vietnamese_decimal_comma(client, programme, secretariat):
    measurement_record(
        indicator=Indicator.objects.get(code="CT2"), actor=secretariat, year=2024, value="7.5", source="x"
    )
    html = client.get(OVERVIEW).content.decode()
    assert "7,5%/năm" in html
    assert "7,0 – 7,5%/năm" in html  # the range target


def test_illustrative_figures_are_labelled_on_the_dashboard(client, programme, secretariat):
    ct5 = Indicator.objects.get(code="CT5")
    measurement_record(indicator=ct5, actor=secretariat, year=2024, value="45", source="minh họa", is_illustrative=True)
    html = client.get(OVERVIEW).content.decode()
    assert "dữ liệu minh họa" in html and "không phải số liệu chính thức" in html


def test_the_reader_can_switch_to_english(client, programme):
    client.post("/i18n/setlang/", {"language": "en", "next": OVERVIEW})
    html = client.get(OVERVIEW).content.decode()
    assert '<html lang="en">' in html
    assert "Contribution of total factor productivity (TFP) to GRDP growth" in html


def test_an_english_browser_still_gets_vietnamese_by_default(client, programme):
    html = client.get(OVERVIEW, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi">' in html


def test_an_unknown_programme_is_404(client, programme):
    assert client.get("/p/khong-co/").status_code == 404


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_the_overview_costs_a_fixed_number_of_queries(client, programme, secretariat):
    client.get(OVERVIEW)
    few = _queries(client, OVERVIEW)
    for indicator in Indicator.objects.exclude(target_kind="rank"):
        for year in range(2021, 2026):
            measurement_record(indicator=indicator, actor=secretariat, year=year, value="1", source="x")
    for task in KeyTask.objects.all():
        key_task_update_record(
            task=task,
            actor=secretariat,
            reported_on=datetime.date(2024, 1, 2),
            status="in_progress",
            progress=10,
            text="x",
        )
    assert _queries(client, OVERVIEW) == few <= 15


def test_the_reporting_rounds_link_is_shown_only_to_those_who_may_open_it(
    client, programme, secretariat, reporter_sokhcn, public
):
    rounds = f'href="{OVERVIEW}rounds/"'
    for user, shown in ((secretariat, True), (reporter_sokhcn, True), (public, False)):
        client.force_login(user)
        html = client.get(OVERVIEW).content.decode()
        assert (rounds in html) is shown, user.username
        assert client.get(f"{OVERVIEW}rounds/").status_code == (200 if shown else 403), user.username
    client.logout()
    assert rounds not in client.get(OVERVIEW).content.decode()
