import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from deals import services
from deals.models import Deal, DealDocument, DealEvent, DealMessage
from reporting.models import Notification

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _counts():
    return (Deal.objects.count(), DealEvent.objects.count(), DealMessage.objects.count(), DealDocument.objects.count())


def _refused(exc_type, function, **kwargs):
    before = _counts()
    stage_before = list(Deal.objects.values_list("pk", "stage", "value"))
    with pytest.raises(exc_type) as info:
        function(**kwargs)
    assert _counts() == before
    assert list(Deal.objects.values_list("pk", "stage", "value")) == stage_before
    return info.value


def test_interest_opens_a_lead_with_the_first_message_and_tells_the_owners(deal, member, member_other, mailoutbox):
    assert deal.stage == Deal.Stage.LEAD
    assert deal.messages.get().author == member_other
    event = deal.events.get()
    assert (event.actor, event.to_stage) == (member_other, "lead")
    notice = Notification.objects.get(user=member, key__startswith="deal:")
    assert notice.url == deal.get_absolute_url()
    assert not Notification.objects.filter(user=member_other, key__startswith="deal:").exists()
    # The notice tells there is a message; it never shows the sender's e-mail address.
    sent = [m for m in mailoutbox if member.email in m.to]
    assert sent and all(member_other.email not in m.body for m in sent)


def test_the_owners_cannot_express_interest_in_their_own_listing(published, member):
    error = _refused(
        ValidationError,
        services.deal_express_interest,
        listing=published["offer"],
        actor=member,
        message="Tôi quan tâm",
    )
    assert "chính tổ chức mình" in str(error)


def test_interest_needs_a_published_listing_a_message_and_only_once(deal, published, member_other, member):
    from exchange import services as exchange_services

    _refused(
        ValidationError, services.deal_express_interest, listing=published["offer"], actor=member_other, message="x"
    )
    other = exchange_services.listing_create(
        actor=member,
        organisation=member.exchange_memberships.get().organisation,
        kind="offer",
        **{
            "title": "Vật liệu nano bạc kháng khuẩn",
            "description": "Dung dịch nano bạc dùng trong y tế và nông nghiệp, ổn định sáu tháng.",
        },
    )
    _refused(ValidationError, services.deal_express_interest, listing=other, actor=member_other, message="Quan tâm")
    error = _refused(
        ValidationError, services.deal_express_interest, listing=published["request"], actor=member, message="  "
    )
    assert "message" in error.message_dict


def test_a_deal_is_taken_to_signed_with_a_vietnamese_value_and_each_move_is_recorded(deal, member, member_other):
    services.deal_transition(deal=deal, actor=member, to_stage="negotiation", note="Hẹn khảo sát hiện trường")
    signed = services.deal_transition(deal=deal, actor=member_other, to_stage="signed", value="1.500.000.000")
    assert signed.stage == "signed" and signed.value == 1_500_000_000 and signed.signed_at
    moves = list(deal.events.values_list("actor__username", "from_stage", "to_stage"))
    assert moves == [
        ("member_xanh", "", "lead"),
        ("member_hust", "lead", "negotiation"),
        ("member_xanh", "negotiation", "signed"),
    ]
    assert signed.history.count() == 3
    done = services.deal_transition(deal=deal, actor=member, to_stage="transferred")
    assert done.transferred_at and done.value == 1_500_000_000


def test_skipping_a_stage_or_leaving_a_final_stage_is_refused(deal, member):
    error = _refused(ValidationError, services.deal_transition, deal=deal, actor=member, to_stage="signed", value="10")
    assert "Không thể chuyển giao dịch từ “Tiếp cận” sang “Đã ký thỏa thuận”" in error.message_dict["to_stage"][0]
    services.deal_transition(deal=deal, actor=member, to_stage="cancelled", note="Không thống nhất giá")
    _refused(ValidationError, services.deal_transition, deal=deal, actor=member, to_stage="negotiation")
    _refused(ValidationError, services.deal_message_post, deal=deal, actor=member, body="Còn không?")
    _refused(ValidationError, services.deal_transition, deal=deal, actor=member, to_stage="bogus")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "Hãy nhập giá trị hợp đồng"),
        ("-5.000.000", "lớn hơn 0"),
        ("0", "lớn hơn 0"),
        ("mười tỷ", "số tiền"),
        ("1,5", "số tiền"),
        ("1.500,5", "số tiền"),
        ("1" + "0" * 15, "một triệu tỷ"),
    ],
)
def test_signing_with_a_missing_negative_or_unparsable_value_is_refused(deal, member, value, message):
    services.deal_transition(deal=deal, actor=member, to_stage="negotiation")
    error = _refused(ValidationError, services.deal_transition, deal=deal, actor=member, to_stage="signed", value=value)
    assert message in error.message_dict["value"][0]


def test_value_is_read_as_vietnamese_write_it():
    assert services.parse_value("1.500.000.000") == 1_500_000_000
    assert services.parse_value(" 750 000 000 ") == 750_000_000
    assert services.parse_value("2500000000") == 2_500_000_000


def test_a_third_party_can_do_nothing_on_a_deal(deal, outsider):
    _refused(PermissionDenied, services.deal_transition, deal=deal, actor=outsider, to_stage="negotiation")
    _refused(PermissionDenied, services.deal_message_post, deal=deal, actor=outsider, body="Tôi cũng muốn mua")
    upload = SimpleUploadedFile("hop-dong.pdf", PDF, content_type="application/pdf")
    _refused(PermissionDenied, services.deal_document_add, deal=deal, actor=outsider, upload=upload)


def test_a_broker_sees_and_moves_any_deal(deal, moderator):
    moved = services.deal_transition(deal=deal, actor=moderator, to_stage="negotiation", note="Sàn làm trung gian")
    assert moved.stage == "negotiation"
    assert services.deal_message_post(deal=deal, actor=moderator, body="Sàn xin giới thiệu chuyên gia thẩm định.")


def test_messages_tell_the_other_side_only(deal, member, member_other, django_capture_on_commit_callbacks):
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.deal_message_post(deal=deal, actor=member, body="Mời quý công ty khảo sát hệ thống mẫu.")
    assert list(Notification.objects.values_list("user__username", flat=True)) == ["member_xanh"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ghi-chu.txt", b"hello", "Không nhận tệp"),
        ("hop-dong.docx", b"PK\x03\x04rest", "Không nhận tệp"),
        ("gia-mao.pdf", b"not a pdf at all", "Nội dung tệp không đúng"),
    ],
)
def test_a_document_that_is_not_a_pdf_or_image_is_refused(deal, member, name, content, message):
    upload = SimpleUploadedFile(name, content)
    error = _refused(ValidationError, services.deal_document_add, deal=deal, actor=member, upload=upload)
    assert message in error.message_dict["file"][0]


def test_a_document_larger_than_the_limit_is_refused(deal, member, settings):
    settings.EVIDENCE_MAX_BYTES = 100
    upload = SimpleUploadedFile("hop-dong.pdf", PDF + b"0" * 200)
    error = _refused(ValidationError, services.deal_document_add, deal=deal, actor=member, upload=upload)
    assert "Tệp quá lớn" in error.message_dict["file"][0]


def test_a_pdf_contract_is_attached(deal, member):
    document = services.deal_document_add(deal=deal, actor=member, upload=SimpleUploadedFile("hop-dong.pdf", PDF))
    assert document.name == "hop-dong.pdf" and document.uploaded_by == member
