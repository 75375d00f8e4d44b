import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from exchange import services
from exchange.models import Listing, ListingFile, MatchNotice, Posting

from .conftest import OFFER

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def _create(member, **changes):
    org = member.exchange_memberships.get().organisation
    return services.listing_create(actor=member, organisation=org, kind="offer", **{**OFFER, **changes})


def test_member_creates_a_draft_with_modes_and_a_field(member):
    listing = _create(member)
    assert listing.status == Listing.Status.DRAFT
    assert listing.field.code == "207"
    assert sorted(m.code for m in listing.transfer_modes.all()) == ["consulting", "licence"]
    assert listing.search_key.startswith(" cong nghe xu ly nuoc thai")
    assert listing.history.count() == 1


def test_user_of_no_organisation_is_refused(db, university, reference):
    from accounts.models import User

    stranger = User.objects.create_user("stranger", password="x")
    with pytest.raises(PermissionDenied):
        services.listing_create(actor=stranger, organisation=university, kind="offer", **OFFER)
    assert not Listing.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "x" * 301}, "title"),
        ({"description": ""}, "description"),
        ({"description": "y" * 10_001}, "description"),
        ({"trl": 0}, "trl"),
        ({"trl": 10}, "trl"),
        ({"trl": "bảy"}, "trl"),
        ({"field": "999"}, "field"),
        ({"field": "Khoa học vũ trụ"}, "field"),
        ({"transfer_modes": ["franchise"]}, "transfer_modes"),
        ({"region": "paris"}, "region"),
        ({"ip_status": "patent", "ip_number": ""}, "ip_number"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(member, changes, field):
    with pytest.raises(ValidationError) as caught:
        _create(member, **changes)
    assert field in caught.value.message_dict
    assert not Listing.objects.exists()


def test_a_field_is_found_by_name_without_accents(member):
    assert _create(member, field="ky thuat moi truong").field.code == "207"


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("virus.exe", b"MZ" + b"\0" * 10),
        SimpleUploadedFile("anh.png", b"not really a png"),
        SimpleUploadedFile("to.pdf", b"%PDF-" + b"\0" * (services.FILE_MAX_BYTES + 1)),
    ],
)
def test_a_file_that_is_not_a_small_image_or_pdf_is_refused(member, upload):
    with pytest.raises(ValidationError) as caught:
        _create(member, files=[upload])
    assert "file" in caught.value.message_dict
    assert not Listing.objects.exists() and not ListingFile.objects.exists()


def test_an_image_and_a_pdf_are_attached(member):
    listing = _create(
        member, files=[SimpleUploadedFile("anh.png", PNG), SimpleUploadedFile("ho-so.pdf", b"%PDF-1.4 test")]
    )
    assert sorted(listing.files.values_list("kind", flat=True)) == ["document", "image"]


def test_member_of_another_organisation_cannot_edit_and_nothing_changes(member, member_other):
    listing = _create(member)
    with pytest.raises(PermissionDenied):
        services.listing_update(listing=listing, actor=member_other, **{**OFFER, "title": "Bị sửa trái phép"})
    listing.refresh_from_db()
    assert listing.title == OFFER["title"]


def test_moderation_publishes_and_indexes_at_once(member, moderator):
    listing = _create(member)
    with pytest.raises(PermissionDenied):
        services.listing_publish(listing=listing, actor=member)
    services.listing_submit(listing=listing, actor=member)
    with pytest.raises(PermissionDenied):
        services.listing_publish(listing=listing, actor=member)
    services.listing_publish(listing=listing, actor=moderator)
    listing.refresh_from_db()
    assert listing.status == Listing.Status.PUBLISHED and listing.published_at
    assert Posting.objects.filter(listing=listing, term="nuoc thai").exists()


def test_reject_needs_a_reason_and_the_owner_is_told(member, moderator, django_capture_on_commit_callbacks):
    listing = _create(member)
    services.listing_submit(listing=listing, actor=member)
    with pytest.raises(ValidationError):
        services.listing_reject(listing=listing, actor=moderator, reason="  ")
    listing.refresh_from_db()
    assert listing.status == Listing.Status.SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        services.listing_reject(listing=listing, actor=moderator, reason="Thiếu thông tin về giá.")
    listing.refresh_from_db()
    assert listing.status == Listing.Status.REJECTED
    assert member.notifications.filter(body="Thiếu thông tin về giá.").exists()


def test_editing_a_published_listing_sends_it_back_to_moderation(published, member):
    offer = published["offer"]
    services.listing_update(listing=offer, actor=member, **{**OFFER, "title": "Màng lọc MBR thế hệ mới"})
    offer.refresh_from_db()
    assert offer.status == Listing.Status.SUBMITTED
    assert not Posting.objects.filter(listing=offer).exists()


def test_expiry_is_idempotent(published):
    offer = published["offer"]
    Listing.objects.filter(pk=offer.pk).update(valid_until=datetime.date(2020, 1, 1))
    assert services.listings_expire() == 1
    assert services.listings_expire() == 0
    offer.refresh_from_db()
    assert offer.status == Listing.Status.EXPIRED
    assert not Posting.objects.filter(listing=offer).exists()


def test_strong_match_is_announced_once_to_both_sides(published, member, member_other):
    from exchange.notifications import new_matches

    assert MatchNotice.objects.filter(request=published["request"], offer=published["offer"]).count() == 1
    assert member.notifications.filter(key__startswith="exchange:match").count() == 1
    assert member_other.notifications.filter(key__startswith="exchange:match").count() == 1
    assert new_matches(listing_id=published["request"].pk) == 0
    assert member.notifications.filter(key__startswith="exchange:match").count() == 1


def test_feedback_is_stored_once_per_user_and_pair(published, member_other):
    args = {"request": published["request"], "offer": published["offer"], "user": member_other}
    services.match_feedback_record(useful=True, **args)
    feedback = services.match_feedback_record(useful=False, **args)
    assert feedback.useful is False
    from exchange.models import MatchFeedback

    assert MatchFeedback.objects.count() == 1


def test_import_is_idempotent_and_all_or_nothing(reference):
    rows = [
        {
            "id": "o-1",
            "kind": "offer",
            "title": "Máy bay không người lái phun thuốc",
            "description": "Drone nông nghiệp",
        },
        {"id": "r-1", "kind": "request", "title": "Cần drone phun thuốc lúa", "field": "Trồng trọt", "trl": 6},
    ]
    assert services.listings_import(rows=rows) == (2, 0)
    rows[0]["title"] = "Máy bay không người lái phun thuốc trừ sâu"
    assert services.listings_import(rows=rows) == (0, 2)
    assert Listing.objects.get(external_id="o-1").title.endswith("trừ sâu")
    with pytest.raises(ValidationError):
        services.listings_import(rows=[*rows, {"id": "bad", "kind": "offer", "title": "x", "trl": 12}])
    assert Listing.objects.count() == 2
