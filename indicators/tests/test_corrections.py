"""Correcting (sửa) a recorded figure: the service, the page and who may do it."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from indicators.models import Indicator, Measurement
from indicators.services import measurement_correct, measurement_record

URL = "/p/07-ctr-tu/indicators/CT5/"


@pytest.fixture
def provisional(programme, secretariat):
    indicator = Indicator.objects.get(programme=programme, code="CT5")
    return measurement_record(
        indicator=indicator, actor=secretariat, year=2024, value="45", source="Ước tính của Sở", kind="provisional"
    )


@pytest.fixture
def official(programme, secretariat):
    indicator = Indicator.objects.get(programme=programme, code="CT5")
    return measurement_record(indicator=indicator, actor=secretariat, year=2023, value="40", source="Niên giám 2023")


def correct_url(measurement):
    return f"{URL}measurements/{measurement.pk}/correct/"


def post_correction(client, user, measurement, **data):
    client.force_login(user)
    form = {"value": "47,5", "source": "Ước tính của Sở (bản sửa)", "reason": "Nhầm số liệu quý 3", **data}
    return client.post(correct_url(measurement), form)


def unchanged(measurement):
    fresh = Measurement.objects.get(pk=measurement.pk)
    return (fresh.value, fresh.source, fresh.history.count()) == (
        measurement.value,
        measurement.source,
        measurement.history.count(),
    )


# The service ----------------------------------------------------------------------------


def test_a_reporter_corrects_a_provisional_figure_and_the_history_says_who_and_why(provisional, reporter_sokhcn):
    measurement_correct(
        measurement=provisional, actor=reporter_sokhcn, value="7,5", source=" Sở KH&CN ", reason="Gõ nhầm"
    )
    fresh = Measurement.objects.get(pk=provisional.pk)
    assert (fresh.value, fresh.source) == (Decimal("7.5"), "Sở KH&CN")
    latest = fresh.history.first()
    assert latest.history_user == reporter_sokhcn
    assert latest.history_change_reason == "Sửa số liệu 45 → 7,5: Gõ nhầm"
    assert fresh.history.last().value == Decimal("45")  # the earlier value stays in the history


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"value": "bảy"}, "value"),
        ({"value": "1e12"}, "value"),
        ({"source": "  "}, "source"),
        ({"reason": " "}, "reason"),
    ],
)
def test_a_bad_correction_changes_nothing(provisional, reporter_sokhcn, data, field):
    kwargs = {"value": "46", "source": "Sở", "reason": "Gõ nhầm", **data}
    with pytest.raises(ValidationError) as raised:
        measurement_correct(measurement=provisional, actor=reporter_sokhcn, **kwargs)
    assert field in raised.value.message_dict
    assert unchanged(provisional)


def test_a_value_out_of_range_is_refused(provisional, reporter_sokhcn):
    Indicator.objects.filter(pk=provisional.indicator_id).update(max_value=100)
    with pytest.raises(ValidationError, match="trong khoảng 0 đến 100"):
        measurement_correct(measurement=provisional, actor=reporter_sokhcn, value="120", source="Sở", reason="x")
    assert unchanged(provisional)


def test_the_same_value_and_source_is_no_change(provisional, reporter_sokhcn):
    measurement_correct(
        measurement=provisional, actor=reporter_sokhcn, value="45,0", source=provisional.source, reason=""
    )
    assert unchanged(provisional)


def test_another_agency_and_the_public_may_not_correct(provisional, reporter_other, public):
    for user in (reporter_other, public):
        with pytest.raises(PermissionDenied):
            measurement_correct(measurement=provisional, actor=user, value="46", source="Sở", reason="x")
    assert unchanged(provisional)


def test_an_official_figure_is_corrected_only_by_the_secretariat(official, reporter_sokhcn, secretariat):
    with pytest.raises(PermissionDenied):
        measurement_correct(measurement=official, actor=reporter_sokhcn, value="41", source="Niên giám", reason="x")
    assert unchanged(official)
    measurement_correct(
        measurement=official, actor=secretariat, value="41", source="Niên giám 2023", reason="Cục Thống kê đính chính"
    )
    assert Measurement.objects.get(pk=official.pk).value == Decimal("41")


# The page -------------------------------------------------------------------------------


def test_the_reporter_sees_sua_next_to_the_provisional_figure_only(client, provisional, official, reporter_sokhcn):
    client.force_login(reporter_sokhcn)
    html = client.get(URL).content.decode()
    assert correct_url(provisional) in html
    assert correct_url(official) not in html


def test_the_secretariat_sees_sua_next_to_every_figure(client, provisional, official, secretariat):
    client.force_login(secretariat)
    html = client.get(URL).content.decode()
    assert correct_url(provisional) in html and correct_url(official) in html


def test_the_public_sees_no_sua(client, provisional, official):
    assert "/correct/" not in client.get(URL).content.decode()


def test_the_correction_form_opens_with_the_current_figure(client, provisional, reporter_sokhcn):
    client.force_login(reporter_sokhcn)
    response = client.get(correct_url(provisional))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="correct-form"' in html and "Sửa số liệu 2024 (ước tính)" in html
    assert 'value="45"' in html and "Lý do sửa" in html


def test_the_reporter_corrects_a_provisional_figure_on_the_page(client, provisional, reporter_sokhcn):
    response = post_correction(client, reporter_sokhcn, provisional)
    assert response.status_code == 302
    assert Measurement.objects.get(pk=provisional.pk).value == Decimal("47.5")
    html = client.get(URL).content.decode()
    assert "47,5%" in html
    assert "Sửa số liệu 45 → 47,5: Nhầm số liệu quý 3" in html  # history: why
    assert reporter_sokhcn.display_name in html  # history: who


@pytest.mark.parametrize("user_fixture", ["reporter_other", "public"])
def test_another_agency_and_the_public_are_refused(client, provisional, request, user_fixture):
    user = request.getfixturevalue(user_fixture)
    assert post_correction(client, user, provisional).status_code == 403
    client.force_login(user)
    assert client.get(correct_url(provisional)).status_code == 403
    assert unchanged(provisional)


def test_an_anonymous_visitor_is_sent_to_login(client, provisional):
    response = client.post(correct_url(provisional), {"value": "1", "source": "x", "reason": "y"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert unchanged(provisional)


def test_a_reporter_cannot_correct_an_official_figure_the_secretariat_can(
    client, official, reporter_sokhcn, secretariat
):
    assert post_correction(client, reporter_sokhcn, official).status_code == 403
    assert unchanged(official)
    assert post_correction(client, secretariat, official, value="41").status_code == 302
    assert Measurement.objects.get(pk=official.pk).value == Decimal("41")


def test_a_figure_of_another_indicator_is_404(client, provisional, secretariat):
    client.force_login(secretariat)
    url = f"/p/07-ctr-tu/indicators/CT1/measurements/{provisional.pk}/correct/"
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"value": "bảy"}, "Giá trị phải là một số (ví dụ 7,5)."),
        ({"reason": ""}, "Cần nêu lý do sửa số liệu."),
        ({"source": ""}, "Trường này là bắt buộc."),
    ],
)
def test_bad_input_is_400_with_the_error_next_to_its_field(client, provisional, reporter_sokhcn, data, message):
    response = post_correction(client, reporter_sokhcn, provisional, **data)
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<p class="field-error" role="alert">{message}</p>' in html
    assert 'id="correct-form"' in html
    assert unchanged(provisional)


def test_the_page_with_sua_links_and_the_correction_form_costs_a_fixed_number_of_queries(
    client, programme, secretariat, provisional
):
    client.force_login(secretariat)
    client.get(correct_url(provisional))  # warm caches (sessions, content types)
    with CaptureQueriesContext(connection) as few:
        client.get(correct_url(provisional))
    for year in (2021, 2022, 2023):
        for kind in ("provisional", "official"):
            measurement_record(
                indicator=provisional.indicator, actor=secretariat, year=year, value="40", source="x", kind=kind
            )
    with CaptureQueriesContext(connection) as many:
        html = client.get(correct_url(provisional)).content.decode()
    assert html.count('class="correct-link') == 7
    assert len(many) == len(few) <= 30
