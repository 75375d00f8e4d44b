import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from deals import services
from deals.models import Deal, DealDocument, DealMessage

pytestmark = pytest.mark.django_db


def test_the_listing_page_offers_contact_to_others_but_not_to_its_owners(client, published, member, member_other):
    url = published["offer"].get_absolute_url()
    client.force_login(member_other)
    assert "Quan tâm – Liên hệ" in client.get(url).text
    client.force_login(member)
    assert "Quan tâm – Liên hệ" not in client.get(url).text
    assert "Tôi có thể đáp ứng – Liên hệ" in client.get(published["request"].get_absolute_url()).text


def test_expressing_interest_through_the_form_opens_the_deal(client, published, member_other):
    client.force_login(member_other)
    url = reverse("deals:interest", args=[published["offer"].pk])
    response = client.post(url, {"message": ""})
    assert response.status_code == 400 and not Deal.objects.exists()
    response = client.post(url, {"message": "Chúng tôi cần hệ thống 200 m3/ngày."})
    deal = Deal.objects.get()
    assert response.status_code == 302 and response["Location"] == deal.get_absolute_url()
    assert client.get(url)["Location"] == deal.get_absolute_url()  # a second visit goes to the deal


def test_anonymous_visitors_are_sent_to_log_in(client, published):
    response = client.get(reverse("deals:interest", args=[published["offer"].pk]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_third_party_sees_nothing_of_a_deal(client, deal, outsider):
    client.force_login(outsider)
    assert client.get(deal.get_absolute_url()).status_code == 403
    assert client.post(reverse("deals:message", args=[deal.pk]), {"body": "Xin chào"}).status_code == 403
    assert client.post(reverse("deals:transition", args=[deal.pk]), {"to_stage": "negotiation"}).status_code == 403
    assert DealMessage.objects.count() == 1 and Deal.objects.get().stage == "lead"
    assert deal.listing.title not in client.get(reverse("deals:mine")).text


def test_parties_and_brokers_see_the_deal_in_a_fixed_number_of_queries(
    client, deal, member, member_other, moderator, django_assert_max_num_queries
):
    for user in (member, member_other, moderator):
        client.force_login(user)
        with django_assert_max_num_queries(15):
            page = client.get(deal.get_absolute_url())
        assert page.status_code == 200 and "muốn mua li-xăng" in page.text
        assert deal.listing.title in client.get(reverse("deals:mine")).text
    assert member_other.email not in page.text and member.email not in page.text


def test_a_wrong_transition_on_the_page_shows_the_reason_and_changes_nothing(client, deal, member):
    client.force_login(member)
    url = reverse("deals:transition", args=[deal.pk])
    response = client.post(url, {"to_stage": "negotiation"})
    assert response.status_code == 302
    response = client.post(url, {"to_stage": "signed", "value": "-1"})
    assert response.status_code == 400 and "lớn hơn 0" in response.text
    assert Deal.objects.get().stage == "negotiation"
    response = client.post(url, {"to_stage": "signed", "value": "1.500.000.000"})
    assert Deal.objects.get().value == 1_500_000_000


def test_a_document_of_the_wrong_type_is_refused_on_the_page(client, deal, member):
    client.force_login(member)
    upload = SimpleUploadedFile("virus.exe", b"MZ....")
    response = client.post(reverse("deals:document", args=[deal.pk]), {"file": upload})
    assert response.status_code == 400 and "Không nhận tệp" in response.text
    assert not DealDocument.objects.exists()


def test_the_figures_page_counts_listings_deals_and_signed_value_by_year(client, deal, member):
    services.deal_transition(deal=deal, actor=member, to_stage="negotiation")
    services.deal_transition(deal=deal, actor=member, to_stage="signed", value="2.000.000.000")
    page = client.get(reverse("deals:figures"))
    assert page.status_code == 200
    assert "Số liệu sàn giao dịch công nghệ" in page.text
    year = Deal.objects.get().signed_at.year
    assert f'id="year-{year}"' in page.text and "2.000.000.000" in page.text
    assert "chart.umd.min.js" in page.text


def test_the_feeds_offer_signed_deals_and_their_value_in_million_dong(deal, member):
    from indicators.feeds import feed_get

    services.deal_transition(deal=deal, actor=member, to_stage="negotiation")
    services.deal_transition(deal=deal, actor=member, to_stage="signed", value="1.500.000.000")
    year = Deal.objects.get().signed_at.year
    assert feed_get("exchange_deals_signed").compute(year).value == 1
    assert feed_get("exchange_deal_value").compute(year).value == 1500
    assert feed_get("exchange_deals_signed").compute(year - 1) is None
