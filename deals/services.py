"""Writes of deals: interest, messages, stage moves, documents.

Each service checks who acts (PermissionDenied), validates (ValidationError keyed by field;
nothing is written when it refuses), writes in one transaction with the deal row locked, and
queues the e-mail notice to the other side after commit.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import FileExtensionValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.files import validate_evidence_content, validate_evidence_size
from core.history import save_with_history
from core.text import typed_amount
from exchange.models import Listing
from exchange.permissions import member_organisation_ids

from .models import Deal, DealDocument, DealEvent, DealMessage
from .permissions import can_view_deal, owns_listing

MESSAGE_MAX = 5_000
NOTE_MAX = 2_000
VALUE_MAX = Decimal(10) ** 15
DOCUMENT_EXTENSIONS = ["pdf", "png", "jpg", "jpeg"]

# Which stage may follow which; cancelling is possible until the technology is transferred.
TRANSITIONS = {
    Deal.Stage.LEAD: {Deal.Stage.NEGOTIATION, Deal.Stage.CANCELLED},
    Deal.Stage.NEGOTIATION: {Deal.Stage.SIGNED, Deal.Stage.CANCELLED},
    Deal.Stage.SIGNED: {Deal.Stage.TRANSFERRED, Deal.Stage.CANCELLED},
    Deal.Stage.TRANSFERRED: set(),
    Deal.Stage.CANCELLED: set(),
}


def _notify_after_commit(deal: Deal, *, actor, what: str) -> None:
    from .tasks import notify_deal

    actor_id = actor.pk
    transaction.on_commit(lambda: notify_deal.delay(deal.pk, actor_id, what))


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _locked(deal: Deal) -> Deal:
    return Deal.objects.select_for_update().select_related("listing").get(pk=deal.pk)


def parse_value(raw) -> Decimal:
    """A value in đồng as Vietnamese type it: "1.500.000.000" (dots between thousands) or 1500000000."""
    if isinstance(raw, (int, Decimal)):
        text = str(raw)
    else:
        text = str(raw or "").strip()
        sign = "-" if text.startswith("-") else ""
        text = sign + typed_amount(text.lstrip("-")).replace(",", ".")  # "1,5" is not a whole number of đồng
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValidationError({"value": _("Giá trị phải là một số tiền, ví dụ 1.500.000.000 (đồng).")}) from None
    if not value.is_finite() or value != value.to_integral_value():
        raise ValidationError({"value": _("Giá trị phải là một số tiền, ví dụ 1.500.000.000 (đồng).")})
    if value <= 0 or value >= VALUE_MAX:
        raise ValidationError({"value": _("Giá trị hợp đồng phải lớn hơn 0 và nhỏ hơn một triệu tỷ đồng.")})
    return value


def _text(raw, *, field: str, maximum: int, required: bool) -> str:
    text = str(raw or "").strip()
    if required and not text:
        raise ValidationError({field: _("Hãy nhập nội dung tin nhắn.")})
    if len(text) > maximum:
        raise ValidationError({field: _("Nội dung dài quá %(max)s ký tự.") % {"max": maximum}})
    return text


@transaction.atomic
def deal_express_interest(*, listing: Listing, actor, message: str, organisation=None) -> Deal:
    """Open a deal about a published listing, with the first message to its owners."""
    _require(actor.is_authenticated)
    if listing.status != Listing.Status.PUBLISHED:
        raise ValidationError({None: _("Chỉ liên hệ được về tin đang đăng trên sàn.")})
    if owns_listing(actor, listing) or (organisation is not None and organisation.pk == listing.organisation_id):
        raise ValidationError({None: _("Không thể liên hệ về tin của chính tổ chức mình.")})
    if organisation is not None and organisation.pk not in member_organisation_ids(actor):
        raise ValidationError({"organisation": _("Bạn không phải thành viên của tổ chức này trên sàn.")})
    body = _text(message, field="message", maximum=MESSAGE_MAX, required=True)
    if Deal.objects.filter(listing=listing, initiator=actor).exclude(stage=Deal.Stage.CANCELLED).exists():
        raise ValidationError({None: _("Bạn đã liên hệ về tin này; hãy tiếp tục trong trang giao dịch.")})
    deal = Deal(listing=listing, initiator=actor, initiator_organisation=organisation)
    save_with_history(deal, actor=actor, reason="interest")
    DealEvent.objects.create(deal=deal, actor=actor, to_stage=Deal.Stage.LEAD)
    DealMessage.objects.create(deal=deal, author=actor, body=body)
    _notify_after_commit(deal, actor=actor, what="interest")
    return deal


@transaction.atomic
def deal_message_post(*, deal: Deal, actor, body: str) -> DealMessage:
    _require(can_view_deal(actor, deal))
    text = _text(body, field="body", maximum=MESSAGE_MAX, required=True)
    deal = _locked(deal)
    if deal.stage == Deal.Stage.CANCELLED:
        raise ValidationError({"body": _("Giao dịch đã hủy; không gửi thêm tin nhắn.")})
    message = DealMessage.objects.create(deal=deal, author=actor, body=text)
    save_with_history(deal, actor=actor, reason="message")  # the deal moves to the top of the lists
    _notify_after_commit(deal, actor=actor, what="message")
    return message


@transaction.atomic
def deal_transition(*, deal: Deal, actor, to_stage: str, value=None, note: str = "") -> Deal:
    """Move a deal to its next stage. Signing needs the contract value (đồng)."""
    _require(can_view_deal(actor, deal))
    deal = _locked(deal)
    if to_stage not in Deal.Stage.values:
        raise ValidationError({"to_stage": _("Giai đoạn không hợp lệ.")})
    if to_stage not in TRANSITIONS[deal.stage]:
        raise ValidationError(
            {
                "to_stage": _("Không thể chuyển giao dịch từ “%(from)s” sang “%(to)s”.")
                % {"from": Deal.Stage(deal.stage).label, "to": Deal.Stage(to_stage).label}
            }
        )
    note = _text(note, field="note", maximum=NOTE_MAX, required=False)
    if to_stage == Deal.Stage.SIGNED:
        if value in (None, ""):
            raise ValidationError({"value": _("Hãy nhập giá trị hợp đồng khi ký thỏa thuận.")})
        deal.value = parse_value(value)
        deal.signed_at = timezone.now()
    elif value not in (None, ""):
        deal.value = parse_value(value)
    if to_stage == Deal.Stage.TRANSFERRED:
        deal.transferred_at = timezone.now()
    DealEvent.objects.create(deal=deal, actor=actor, from_stage=deal.stage, to_stage=to_stage, note=note)
    deal.stage = to_stage
    save_with_history(deal, actor=actor, reason=f"stage:{to_stage}")
    _notify_after_commit(deal, actor=actor, what="stage")
    return deal


def _check_document(upload) -> None:
    validators = [
        FileExtensionValidator(
            DOCUMENT_EXTENSIONS,
            message=_("Không nhận tệp “%(extension)s”; chỉ nhận các loại: %(allowed_extensions)s."),
        ),
        validate_evidence_size,
        validate_evidence_content,
    ]
    try:
        for validator in validators:
            validator(upload)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from None


@transaction.atomic
def deal_document_add(*, deal: Deal, actor, upload) -> DealDocument:
    """Attach a contract, minutes or photo (PDF or image, at most EVIDENCE_MAX_BYTES)."""
    _require(can_view_deal(actor, deal))
    if upload is None:
        raise ValidationError({"file": _("Hãy chọn tệp.")})
    _check_document(upload)
    deal = _locked(deal)
    name = upload.name.rsplit("/", 1)[-1][:255]
    document = DealDocument.objects.create(deal=deal, file=upload, name=name, uploaded_by=actor)
    _notify_after_commit(deal, actor=actor, what="document")
    return document
