import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from exchange.models import Listing, MatchFeedback

from .conftest import OFFER


def _form(**changes):
    data = {**OFFER, "transfer_modes": [], **changes}
    data.pop("field")
    return data


def test_home_finds_a_listing_typed_without_accents_and_highlights_the_accented_text(client, published):
    response = client.get(reverse("exchange:home"), {"q": "XU LY NUOC THAI"})
    assert response.status_code == 200
    body = response.content.decode()
    assert published["offer"].title[:20] in body.replace("<mark>", "").replace("</mark>", "")
    assert "<mark>nước</mark> <mark>thải</mark>" in body
    assert "Kỹ thuật môi trường" in body  # a facet


def test_the_search_page_is_in_the_page_language_facets_included(client, published):
    client.cookies["django_language"] = "en"
    home = client.get(reverse("exchange:home"), {"q": "nuoc thai"}).content.decode()
    assert "Environmental engineering" in home and "Kỹ thuật môi trường" not in home
    assert "Search results" in home and "Listing type" in home and "Loại tin" not in home
    assert "· Hanoi</p>" in home and "Hà Nội" not in home  # the hit's province, and its facet
    detail = client.get(published["offer"].get_absolute_url()).content.decode()
    assert "Licence" in detail and "Environmental engineering" in detail and "<dd>Hanoi</dd>" in detail
    client.cookies["django_language"] = "vi"
    assert "<dd>Hà Nội</dd>" in client.get(published["offer"].get_absolute_url()).content.decode()


def test_home_facet_filter_keeps_only_requests(client, published):
    response = client.get(reverse("exchange:home"), {"q": "xu ly", "kind": "request"})
    assert response.context["page"].total == 1
    assert response.context["page"].hits[0].listing == published["request"]


def test_detail_shows_matches_with_an_explanation_in_a_fixed_number_of_queries(
    client, published, member_other, django_assert_max_num_queries
):
    client.force_login(member_other)
    with django_assert_max_num_queries(20):
        response = client.get(published["request"].get_absolute_url())
    body = response.content.decode()
    assert published["offer"].title in body
    assert "Cùng lĩnh vực Kỹ thuật môi trường" in body
    assert "“chất thải lỏng” ≈ “nước thải”" in body


def test_member_creates_an_offer_through_the_form(client, member):
    client.force_login(member)
    data = _form(organisation=member.exchange_memberships.get().organisation_id, field="")
    response = client.post(reverse("exchange:create", args=["offer"]), data)
    listing = Listing.objects.get()
    assert response.status_code == 302 and response.url == listing.get_absolute_url()
    assert listing.created_by == member and listing.status == Listing.Status.DRAFT


@pytest.mark.parametrize(
    "changes",
    [{"title": ""}, {"trl": "12"}, {"description": "ngắn"}, {"files": SimpleUploadedFile("a.txt", b"hello")}],
)
def test_bad_form_input_shows_errors_and_writes_nothing(client, member, changes):
    client.force_login(member)
    data = _form(organisation=member.exchange_memberships.get().organisation_id, **changes)
    response = client.post(reverse("exchange:create", args=["offer"]), data)
    assert response.status_code == 400
    assert "Tin chưa được lưu" in response.content.decode()
    assert not Listing.objects.exists()


def test_user_of_another_organisation_cannot_edit_and_nothing_changes(client, published, member_other):
    offer = published["offer"]
    client.force_login(member_other)
    assert client.get(reverse("exchange:edit", args=[offer.pk])).status_code == 403
    response = client.post(reverse("exchange:edit", args=[offer.pk]), _form(title="Bị sửa"))
    assert response.status_code == 403
    offer.refresh_from_db()
    assert offer.title == OFFER["title"] and offer.status == Listing.Status.PUBLISHED


def test_moderation_queue_is_for_moderators_only(client, member, moderator):
    client.force_login(member)
    assert client.get(reverse("exchange:moderation")).status_code == 403
    client.force_login(moderator)
    assert client.get(reverse("exchange:moderation")).status_code == 200


def test_a_user_of_no_organisation_is_told_how_to_become_a_member_and_nothing_is_written(client, public):
    client.force_login(public)
    for method in (client.get, client.post):
        response = method(reverse("exchange:create", args=["offer"]), _form() if method == client.post else None)
        assert response.status_code == 403
        assert "chưa thuộc tổ chức nào trên sàn" in response.content.decode()
    assert not Listing.objects.exists()


def test_member_cannot_publish_their_own_listing(client, member):
    org = member.exchange_memberships.get().organisation
    from exchange import services

    listing = services.listing_create(actor=member, organisation=org, kind="offer", **OFFER)
    services.listing_submit(listing=listing, actor=member)
    client.force_login(member)
    assert client.post(reverse("exchange:publish", args=[listing.pk])).status_code == 403
    listing.refresh_from_db()
    assert listing.status == Listing.Status.SUBMITTED


def test_draft_is_hidden_from_the_public(client, member):
    from exchange import services

    org = member.exchange_memberships.get().organisation
    listing = services.listing_create(actor=member, organisation=org, kind="offer", **OFFER)
    assert client.get(listing.get_absolute_url()).status_code == 403


def test_feedback_button_stores_the_answer(client, published, member_other):
    client.force_login(member_other)
    url = reverse("exchange:feedback", args=[published["request"].pk, published["offer"].pk])
    response = client.post(url, {"useful": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Đã ghi nhận" in response.content.decode()
    assert MatchFeedback.objects.get().useful is True


def test_feedback_needs_a_signed_in_user(client, published):
    url = reverse("exchange:feedback", args=[published["request"].pk, published["offer"].pk])
    assert client.post(url, {"useful": "1"}).status_code == 302
    assert not MatchFeedback.objects.exists()


def test_my_listings_lists_the_organisations_listings(client, published, member):
    client.force_login(member)
    response = client.get(reverse("exchange:mine"))
    assert list(response.context["listings"]) == [published["offer"]]


def test_home_costs_a_fixed_number_of_queries(client, published, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get(reverse("exchange:home"), {"q": "nuoc thai", "trl": "7"})
    assert response.context["page"].total == 1


def test_home_answers_htmx_with_the_results_only(client, published):
    response = client.get(reverse("exchange:home"), {"q": "thai"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")
    body = response.content.decode()
    assert "<html" not in body and "ex-hits" in body


def test_moderator_rejects_with_a_reason_from_the_queue(client, member, moderator):
    from exchange import services

    org = member.exchange_memberships.get().organisation
    listing = services.listing_create(actor=member, organisation=org, kind="offer", **OFFER)
    services.listing_submit(listing=listing, actor=member)
    client.force_login(moderator)
    empty = client.post(reverse("exchange:reject", args=[listing.pk]), {"reason": ""})
    assert empty.status_code == 302
    listing.refresh_from_db()
    assert listing.status == Listing.Status.SUBMITTED
    client.post(reverse("exchange:reject", args=[listing.pk]), {"reason": "Chưa có giá."})
    listing.refresh_from_db()
    assert listing.status == Listing.Status.REJECTED and listing.rejection_reason == "Chưa có giá."
