"""Writes of the technology exchange: listings and their moderation, files, import, feedback.

Every service checks who may act, validates (ValidationError keyed by field; nothing is
written when it refuses), writes inside one transaction, records history for listings, and
queues side effects (match notices) after commit. Publishing indexes the listing for
matching and writes it into the stored match lists (exchange/match_lists.py) in the same
transaction, so it is matched as soon as it is committed; a listing leaving the exchange
(edit, expiry) leaves the lists in the same way.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import FileExtensionValidator
from django.db import transaction
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from core.cache import public_data_changed
from core.files import validate_evidence_content
from core.history import save_with_history
from core.text import fold

from . import match_batch, match_lists, matching
from .models import Field, Listing, ListingFile, MatchFeedback, Member, TransferMode
from .permissions import can_create_for, can_edit_listing, is_moderator, require
from .regions import PROVINCES, REGION_NAMES

TITLE_MAX = 300
DESCRIPTION_MIN = 20
DESCRIPTION_MAX = 10_000
KEYWORDS_MAX = 500
REASON_MAX = 2_000
FILE_MAX_BYTES = 5 * 1024 * 1024
FILES_MAX = 10
FILE_EXTENSIONS = {"pdf": ListingFile.Kind.DOCUMENT, "png": ListingFile.Kind.IMAGE, "jpg": ListingFile.Kind.IMAGE}
FILE_EXTENSIONS["jpeg"] = ListingFile.Kind.IMAGE
EDITABLE = (
    "title",
    "description",
    "field",
    "keywords",
    "trl",
    "ip_status",
    "ip_number",
    "price",
    "price_negotiable",
    "region",
    "valid_from",
    "valid_until",
)


def _after_commit(function, **kwargs) -> None:
    transaction.on_commit(lambda: function(**kwargs))


# Field values ---------------------------------------------------------------------------------


def field_lookup(value) -> Field | None:
    """A field from its code ("207"), its name in any accents ("ky thuat moi truong"), or itself."""
    if value in (None, ""):
        return None
    if isinstance(value, Field):
        return value
    text = str(value).strip()
    found = Field.objects.filter(code=text).first()
    if found is None:
        key = fold(text)
        found = next((f for f in Field.objects.all() if key in (fold(f.name), fold(f.name_en))), None)
    if found is None:
        raise ValidationError({"field": _("Lĩnh vực “%(value)s” không có trong bảng phân loại.") % {"value": text}})
    return found


def transfer_modes_lookup(values) -> list[TransferMode]:
    if not values:
        return []
    if isinstance(values, str):
        values = [v for v in values.replace(";", ",").split(",") if v.strip()]
    modes = {m.code: m for m in TransferMode.objects.all()}
    by_name = {fold(m.name): m for m in modes.values()} | {fold(m.name_en): m for m in modes.values()}
    chosen = []
    for value in values:
        if isinstance(value, TransferMode):
            chosen.append(value)
            continue
        mode = modes.get(str(value).strip()) or by_name.get(fold(str(value)))
        if mode is None:
            raise ValidationError(
                {"transfer_modes": _("Phương thức chuyển giao “%(value)s” không hợp lệ.") % {"value": value}}
            )
        if mode not in chosen:
            chosen.append(mode)
    return chosen


def _trl(value) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
        if str(value).strip() not in (str(number), f"{number}.0"):
            raise ValueError
    except (TypeError, ValueError):
        number = 0
    if not 1 <= number <= 9:
        raise ValidationError({"trl": _("Mức độ sẵn sàng công nghệ (TRL) phải là số nguyên từ 1 đến 9.")})
    return number


def _price(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        price = Decimal(str(value).replace(" ", "").replace(".", "").replace(",", ""))
    except InvalidOperation:
        price = Decimal(-1)
    if price < 0 or price >= Decimal(10) ** 15:
        raise ValidationError({"price": _("Giá phải là một số tiền (đồng) không âm.")})
    return price


def _clean_values(values: dict, *, description_min: int = DESCRIPTION_MIN) -> dict:
    """Normalise and check listing values; raise every problem at once, keyed by field."""
    errors: dict[str, list[str]] = {}
    clean = {}

    def check(key, function):
        try:
            clean[key] = function()
        except ValidationError as exc:
            for field_name, messages in exc.message_dict.items():
                errors.setdefault(field_name, []).extend(messages)

    title = " ".join(str(values.get("title") or "").split())
    description = str(values.get("description") or "").strip()
    keywords = " ".join(str(values.get("keywords") or "").split())
    if not title:
        errors["title"] = [_("Hãy nhập tên công nghệ.")]
    elif len(title) > TITLE_MAX:
        errors["title"] = [_("Tên công nghệ dài quá %(max)s ký tự.") % {"max": TITLE_MAX}]
    if len(description) < description_min:
        errors["description"] = [_("Hãy mô tả công nghệ (ít nhất %(min)s ký tự).") % {"min": description_min}]
    elif len(description) > DESCRIPTION_MAX:
        errors["description"] = [_("Mô tả dài quá %(max)s ký tự.") % {"max": DESCRIPTION_MAX}]
    if len(keywords) > KEYWORDS_MAX:
        errors["keywords"] = [_("Từ khóa dài quá %(max)s ký tự.") % {"max": KEYWORDS_MAX}]
    clean.update(title=title, description=description, keywords=keywords)
    check("field", lambda: field_lookup(values.get("field")))
    check("trl", lambda: _trl(values.get("trl")))
    check("price", lambda: _price(values.get("price")))
    check("transfer_modes", lambda: transfer_modes_lookup(values.get("transfer_modes")))
    region = values.get("region") or ""
    if region and region not in REGION_NAMES:
        errors["region"] = [_("Tỉnh, thành phố “%(value)s” không có trong danh sách.") % {"value": region}]
    clean["region"] = region
    ip_status = values.get("ip_status") or ""
    ip_number = str(values.get("ip_number") or "").strip()
    if ip_status and ip_status not in Listing.IpStatus.values:
        errors["ip_status"] = [_("Tình trạng sở hữu trí tuệ không hợp lệ.")]
    if ip_status in (Listing.IpStatus.PATENT, Listing.IpStatus.UTILITY_SOLUTION) and not ip_number:
        errors["ip_number"] = [_("Hãy ghi số bằng sáng chế hoặc giải pháp hữu ích.")]
    clean.update(ip_status=ip_status, ip_number=ip_number[:100])
    clean["price_negotiable"] = bool(values.get("price_negotiable"))
    valid_from, valid_until = values.get("valid_from"), values.get("valid_until")
    if valid_from and valid_until and valid_until < valid_from:
        errors["valid_until"] = [_("Ngày hết hiệu lực phải sau ngày bắt đầu.")]
    clean.update(valid_from=valid_from or None, valid_until=valid_until or None)
    if errors:
        raise ValidationError(errors)
    return clean


def _apply(listing: Listing, clean: dict) -> list[TransferMode]:
    modes = clean.pop("transfer_modes", [])
    for key, value in clean.items():
        setattr(listing, key, value)
    return modes


def _save(listing: Listing, *, actor, reason: str) -> None:
    try:
        save_with_history(listing, actor=actor, reason=reason)
    except ValidationError as exc:
        raise ValidationError(exc.message_dict) from None


# Listings -------------------------------------------------------------------------------------


def _attach(listing: Listing, uploads, actor) -> None:
    for upload in uploads:
        extension = upload.name.rsplit(".", 1)[-1].lower()
        name = upload.name.rsplit("/", 1)[-1][:255]
        ListingFile.objects.create(
            listing=listing, kind=FILE_EXTENSIONS[extension], file=upload, name=name, uploaded_by=actor
        )


def _check_uploads(listing: Listing | None, uploads) -> None:
    for upload in uploads:
        _validate_upload(upload)
    present = listing.files.count() if listing is not None and listing.pk else 0
    if present + len(uploads) > FILES_MAX:
        raise ValidationError({"file": _("Mỗi tin có tối đa %(max)s tệp.") % {"max": FILES_MAX}})


@transaction.atomic
def listing_create(*, actor, organisation, kind: str, files=(), **values) -> Listing:
    """A draft offer or request of an organisation the actor is a member of, with its images
    and PDFs (`files`); every value and file is checked before anything is written."""
    require(can_create_for(actor, organisation))
    if kind not in Listing.Kind.values:
        raise ValidationError({"kind": _("Loại tin không hợp lệ.")})
    clean = _clean_values(values)
    _check_uploads(None, list(files))
    listing = Listing(kind=kind, organisation=organisation, created_by=actor)
    modes = _apply(listing, clean)
    _save(listing, actor=actor, reason="create")
    listing.transfer_modes.set(modes)
    _attach(listing, files, actor)
    return listing


@transaction.atomic
def listing_update(*, listing: Listing, actor, files=(), **values) -> Listing:
    """Edit by a member of the owner organisation. A published or rejected listing goes back
    to the moderators (submitted) and leaves the exchange until approved again."""
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    require(can_edit_listing(actor, listing))
    was_published = listing.status == Listing.Status.PUBLISHED
    if listing.status == Listing.Status.EXPIRED:
        raise ValidationError(_("Tin đã hết hạn; hãy tạo tin mới."))
    clean = _clean_values(values)
    _check_uploads(listing, list(files))
    modes = _apply(listing, clean)
    if listing.status in (Listing.Status.PUBLISHED, Listing.Status.REJECTED):
        listing.status = Listing.Status.SUBMITTED
        listing.submitted_at = timezone.now()
    _save(listing, actor=actor, reason="update")
    listing.transfer_modes.set(modes)
    _attach(listing, files, actor)
    matching.index_listing(listing)
    if was_published:
        match_lists.listing_left(listing)
    public_data_changed()
    return listing


def _check_submittable(listing: Listing) -> None:
    errors = {}
    if listing.field_id is None:
        errors["field"] = [_("Hãy chọn lĩnh vực trước khi gửi duyệt.")]
    if listing.valid_until and listing.valid_until < timezone.localdate():
        errors["valid_until"] = [_("Thời hạn hiệu lực đã qua; hãy gia hạn trước khi gửi duyệt.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def listing_submit(*, listing: Listing, actor) -> Listing:
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    require(can_edit_listing(actor, listing))
    if listing.status not in (Listing.Status.DRAFT, Listing.Status.REJECTED):
        raise ValidationError(_("Chỉ gửi duyệt được tin nháp hoặc tin bị từ chối."))
    _check_submittable(listing)
    listing.status = Listing.Status.SUBMITTED
    listing.submitted_at = timezone.now()
    listing.rejection_reason = ""
    _save(listing, actor=actor, reason="submit")
    return listing


def _publish(listing: Listing, *, actor, reason: str, notify: bool = True) -> None:
    listing.status = Listing.Status.PUBLISHED
    listing.published_at = listing.published_at or timezone.now()
    listing.valid_from = listing.valid_from or timezone.localdate()
    listing.moderated_by = actor if actor is not None and actor.is_authenticated else None
    _save(listing, actor=actor, reason=reason)
    matching.index_listing(listing)
    match_lists.listing_entered(listing)
    public_data_changed()
    if notify:
        from .tasks import notify_new_matches

        _after_commit(notify_new_matches.delay, listing_id=listing.pk)


@transaction.atomic
def listing_publish(*, listing: Listing, actor) -> Listing:
    """A moderator approves a submitted listing: it is published and matchable at once."""
    require(is_moderator(actor))
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    if listing.status != Listing.Status.SUBMITTED:
        raise ValidationError(_("Chỉ duyệt được tin đang chờ duyệt."))
    _check_submittable(listing)
    _publish(listing, actor=actor, reason="publish")
    return listing


@transaction.atomic
def listing_reject(*, listing: Listing, actor, reason: str) -> Listing:
    require(is_moderator(actor))
    listing = Listing.objects.select_for_update().get(pk=listing.pk)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Hãy ghi lý do từ chối để đơn vị sửa tin.")})
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": _("Lý do dài quá %(max)s ký tự.") % {"max": REASON_MAX}})
    if listing.status != Listing.Status.SUBMITTED:
        raise ValidationError(_("Chỉ từ chối được tin đang chờ duyệt."))
    listing.status = Listing.Status.REJECTED
    listing.rejection_reason = reason
    listing.moderated_by = actor
    _save(listing, actor=actor, reason="reject")
    from .notifications import listing_rejected

    _after_commit(listing_rejected, listing_id=listing.pk)
    return listing


def listings_expire(*, today: datetime.date | None = None) -> int:
    """Published listings past their validity become expired and leave the matching index.
    Safe to run twice: a second run finds nothing to do."""
    today = today or timezone.localdate()
    expired = 0
    due = Listing.objects.filter(status=Listing.Status.PUBLISHED, valid_until__lt=today).values_list("pk", flat=True)
    for pk in list(due):
        with transaction.atomic():
            listing = Listing.objects.select_for_update().get(pk=pk)
            if listing.status != Listing.Status.PUBLISHED:
                continue
            listing.status = Listing.Status.EXPIRED
            _save(listing, actor=None, reason="expire")
            matching.unindex_listing(listing)
            match_lists.listing_left(listing)
            expired += 1
    if expired:
        public_data_changed()
    return expired


# Files ----------------------------------------------------------------------------------------


def _validate_upload(upload) -> str:
    try:
        FileExtensionValidator(
            list(FILE_EXTENSIONS),
            message=_("Chỉ nhận ảnh (PNG, JPG) hoặc tài liệu PDF; không nhận tệp “%(extension)s”."),
        )(upload)
        if upload.size > FILE_MAX_BYTES:
            raise ValidationError(
                _("Tệp quá lớn (%(size)s); dung lượng tối đa là %(max)s.")
                % {"size": filesizeformat(upload.size), "max": filesizeformat(FILE_MAX_BYTES)}
            )
        validate_evidence_content(upload)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from None
    return upload.name.rsplit(".", 1)[-1].lower()


@transaction.atomic
def listing_file_add(*, listing: Listing, actor, upload) -> ListingFile:
    """An image (PNG, JPG) or a PDF, checked by extension, content and size."""
    require(can_edit_listing(actor, listing))
    _check_uploads(listing, [upload])
    _attach(listing, [upload], actor)
    return listing.files.order_by("-pk").first()


@transaction.atomic
def listing_file_remove(*, listing_file: ListingFile, actor) -> None:
    require(can_edit_listing(actor, listing_file.listing))
    listing_file.file.delete(save=False)
    listing_file.delete()


# Import (evaluation and bulk loading) ---------------------------------------------------------

IMPORT_KEYS = {"id", "kind", "title", "description", "field", "keywords", "trl", "transfer_modes", "region"}


def _import_row(row, index: int) -> dict:
    if not isinstance(row, dict):
        raise ValidationError({f"[{index}]": [_("Mỗi phần tử phải là một đối tượng JSON.")]})
    external_id = str(row.get("id") or "").strip()
    kind = row.get("kind")
    errors = {}
    if not external_id:
        errors["id"] = [_("Thiếu mã (id).")]
    if kind not in Listing.Kind.values:
        errors["kind"] = [_("Loại tin phải là “offer” hoặc “request”.")]
    keywords = row.get("keywords") or ""
    if isinstance(keywords, list):
        keywords = ", ".join(str(k) for k in keywords)
    region = row.get("region") or ""
    if region and region not in REGION_NAMES:
        key = fold(str(region))
        region = next((code for code, label in PROVINCES if key in (code, fold(str(label)))), region)
    try:
        clean = _clean_values(
            {
                "title": row.get("title"),
                "description": row.get("description") or row.get("title"),
                "field": row.get("field"),
                "keywords": keywords,
                "trl": row.get("trl"),
                "transfer_modes": row.get("transfer_modes"),
                "region": region,
            },
            description_min=1,  # evaluation data may give a title only
        )
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        prefix = _("Tin %(position)s (id %(id)s)") % {"position": index + 1, "id": external_id or "?"}
        raise ValidationError({f"{prefix}: {key}": messages for key, messages in errors.items()})
    return {"external_id": external_id, "kind": kind, **clean}


def listings_import(*, rows, actor=None) -> tuple[int, int]:
    """Load listings given as dicts (see `import_listings`), published at once; a listing with
    the same external id is updated. All rows are checked first: one bad row writes nothing.
    Returns (created, updated)."""
    if not isinstance(rows, list):
        raise ValidationError(_("Tệp phải chứa một danh sách JSON các tin."))
    errors = {}
    cleaned = []
    for index, row in enumerate(rows):
        try:
            cleaned.append(_import_row(row, index))
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    created = updated = 0
    with transaction.atomic():
        existing = {
            l.external_id: l
            for l in Listing.objects.filter(external_id__in=[row["external_id"] for row in cleaned])  # noqa: E741
        }
        for row in cleaned:
            listing = existing.get(row["external_id"])
            if listing is None:
                listing = Listing(external_id=row["external_id"], kind=row["kind"], created_by=actor)
                created += 1
            else:
                updated += 1
            listing.kind = row.pop("kind")
            row.pop("external_id")
            modes = _apply(listing, row)
            listing.status = Listing.Status.PUBLISHED
            listing.published_at = listing.published_at or timezone.now()
            _save(listing, actor=actor, reason="import")
            listing.transfer_modes.set(modes)
        matching.index_rebuild()
        match_batch.lists_rebuild()
    public_data_changed()
    return created, updated


# Members and feedback -------------------------------------------------------------------------


@transaction.atomic
def member_add(*, organisation, user, actor) -> Member:
    """A moderator or staff lets a user act for an organisation on the exchange."""
    require(is_moderator(actor) or (actor.is_authenticated and actor.is_staff))
    member, _created = Member.objects.get_or_create(organisation=organisation, user=user)
    return member


@transaction.atomic
def match_feedback_record(*, request: Listing, offer: Listing, user, useful: bool, score=None) -> MatchFeedback:
    """A signed-in user says whether an offer suggested for a request is useful; once per user
    and pair (a second answer replaces the first)."""
    if not user.is_authenticated:
        raise PermissionDenied
    if request.kind != Listing.Kind.REQUEST or offer.kind != Listing.Kind.OFFER:
        raise ValidationError(_("Đánh giá phải gắn một nhu cầu với một công nghệ chào bán."))
    if Listing.objects.filter(Q(pk=request.pk) | Q(pk=offer.pk), status=Listing.Status.PUBLISHED).count() != 2:
        raise ValidationError(_("Chỉ đánh giá được gợi ý giữa các tin đang đăng."))
    feedback, _created = MatchFeedback.objects.update_or_create(
        request=request, offer=offer, user=user, defaults={"useful": bool(useful), "score": score}
    )
    return feedback
