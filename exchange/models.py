"""The technology exchange (Sàn giao dịch công nghệ): offers and requests, moderated, searched
and matched.

Who owns a listing: a listing belongs to one organisation of the research database
(`research.Organisation`: universities, institutes, enterprises). A user acts for an
organisation through a `Member` row of this app (user → organisation, several allowed);
only members of a listing's organisation edit it. Membership is granted by exchange
moderators or staff (admin), not claimed by the user. Moderators are the users with the
`exchange.moderate_listing` permission (the group "Điều phối sàn giao dịch công nghệ"
holds it).
"""

from collections.abc import Callable

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .regions import PROVINCES, REGION_NAMES

MODERATORS_GROUP = "Điều phối sàn giao dịch công nghệ"
MODE_BITS = 63  # transfer mode ids below this fit `Listing.mode_mask`


class _Named:
    """Reference data named in both languages: `label` is the name in the page's language."""

    @property
    def label(self) -> str:
        return self.name_en if self.name_en and get_language() == "en" else self.name


class Field(_Named, models.Model):
    """Lĩnh vực KH&CN: the classification of QĐ 12/2008/QĐ-BKHCN, level 1 (6 groups) and level 2."""

    code = models.CharField(_("mã"), max_length=10, unique=True)
    name = models.CharField(_("tên lĩnh vực"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("nhóm lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("lĩnh vực KH&CN")
        verbose_name_plural = _("lĩnh vực KH&CN")

    def __str__(self):
        return f"{self.code} {self.label}"

    @property
    def group_code(self) -> str:
        return self.code[:1]


class TransferMode(_Named, models.Model):
    """Phương thức chuyển giao: licence, assignment, joint venture, consulting, training.

    A listing also keeps its modes as bits of `Listing.mode_mask` (bit = id), so ids stay
    below 63."""

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên"), max_length=100)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=100, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("phương thức chuyển giao")
        verbose_name_plural = _("phương thức chuyển giao")
        constraints = [models.CheckConstraint(condition=models.Q(id__lt=MODE_BITS), name="exchange_mode_id_fits_mask")]

    def __str__(self):
        return self.label


class Member(models.Model):
    """Thành viên sàn: a user who acts for an organisation on the exchange."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exchange_memberships")
    organisation = models.ForeignKey(
        "research.Organisation", verbose_name=_("tổ chức"), on_delete=models.CASCADE, related_name="exchange_members"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("thành viên sàn")
        verbose_name_plural = _("thành viên sàn")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="exchange_one_membership")]

    def __str__(self):
        return f"{self.user} – {self.organisation}"


class Listing(models.Model):
    """Tin chào bán công nghệ (offer) hoặc nhu cầu công nghệ (request).

    Lifecycle: draft → submitted → published / rejected (with a reason) → expired when the
    validity period has passed. For a request, `trl` is the minimum TRL wanted.
    """

    class Kind(models.TextChoices):
        OFFER = "offer", _("Chào bán công nghệ")
        REQUEST = "request", _("Nhu cầu công nghệ")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Bản nháp")
        SUBMITTED = "submitted", _("Chờ duyệt")
        PUBLISHED = "published", _("Đã đăng")
        REJECTED = "rejected", _("Bị từ chối")
        EXPIRED = "expired", _("Hết hạn")

    class IpStatus(models.TextChoices):
        NONE = "none", _("Chưa đăng ký bảo hộ")
        PATENT_PENDING = "patent_pending", _("Đã nộp đơn đăng ký sáng chế")
        PATENT = "patent", _("Bằng độc quyền sáng chế")
        UTILITY_SOLUTION = "utility_solution", _("Bằng độc quyền giải pháp hữu ích")
        SECRET = "secret", _("Bí quyết kỹ thuật")
        OTHER = "other", _("Khác")

    kind = models.CharField(_("loại tin"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("tên công nghệ"), max_length=300)
    description = models.TextField(_("mô tả"))
    field = models.ForeignKey(
        Field, verbose_name=_("lĩnh vực"), null=True, blank=True, on_delete=models.PROTECT, related_name="listings"
    )
    keywords = models.CharField(_("từ khóa"), max_length=500, blank=True)
    trl = models.PositiveSmallIntegerField(
        _("mức độ sẵn sàng công nghệ (TRL)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(9)],
    )
    ip_status = models.CharField(_("tình trạng sở hữu trí tuệ"), max_length=20, choices=IpStatus.choices, blank=True)
    ip_number = models.CharField(_("số bằng, số đơn"), max_length=100, blank=True)
    transfer_modes = models.ManyToManyField(
        TransferMode, verbose_name=_("phương thức chuyển giao"), blank=True, related_name="listings"
    )
    price = models.DecimalField(_("giá (đồng)"), max_digits=15, decimal_places=0, null=True, blank=True)
    price_negotiable = models.BooleanField(_("giá thỏa thuận"), default=False)
    organisation = models.ForeignKey(
        "research.Organisation",
        verbose_name=_("tổ chức sở hữu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="exchange_listings",
    )
    region = models.CharField(_("tỉnh, thành phố"), max_length=20, choices=PROVINCES, blank=True)
    valid_from = models.DateField(_("hiệu lực từ ngày"), null=True, blank=True)
    valid_until = models.DateField(_("hiệu lực đến ngày"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    rejection_reason = models.TextField(_("lý do từ chối"), blank=True)
    external_id = models.CharField(_("mã ngoài"), max_length=100, null=True, blank=True, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exchange_listings",
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True, db_index=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(_("ngày đăng"), null=True, blank=True)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    # Folded title / title + keywords + description (core.text.fold): what search matches.
    title_key = models.TextField(editable=False, blank=True)
    search_key = models.TextField(editable=False, blank=True)
    # Euclidean norm of the listing's TF-IDF vector when it was indexed (see matching.py).
    term_norm = models.FloatField(editable=False, default=0.0)
    # Bit i set when `transfer_modes` holds the mode of id i (kept by `keep_mode_masks`): search
    # reads a listing's modes with its other facet columns, without a join.
    mode_mask = models.BigIntegerField(editable=False, default=0)

    history = HistoricalRecords(excluded_fields=["title_key", "search_key", "term_norm", "mode_mask", "updated_at"])

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("tin công nghệ")
        verbose_name_plural = _("tin công nghệ")
        permissions = [("moderate_listing", "Duyệt tin trên sàn giao dịch công nghệ")]
        indexes = [
            models.Index(fields=["status", "kind", "-published_at"]),
            models.Index(fields=["status", "valid_until"]),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.fill_keys()
        if self.pk:  # a copy read before its modes changed must not write an old mask back
            self.mode_mask = mode_masks([self.pk])[self.pk]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("exchange:listing", args=[self.pk])

    def fill_keys(self) -> None:
        """Derived columns; bulk_create skips save(), so bulk writers call this themselves."""
        from .text import search_text

        self.title_key = search_text(self.title)
        self.search_key = search_text(self.title, self.keywords, self.description)

    def get_region_display(self) -> str:
        """The province's name; Django's own translates every province's name to find it."""
        return str(REGION_NAMES.get(self.region, self.region))

    @property
    def mode_ids(self) -> list[int]:
        """The ids of its transfer modes, read from `mode_mask`."""
        return [pk for pk in range(MODE_BITS) if self.mode_mask >> pk & 1]

    @property
    def is_offer(self) -> bool:
        return self.kind == self.Kind.OFFER


def listing_address() -> Callable[[int], str]:
    """`Listing.get_absolute_url` for any id, from one reverse() (about 20 µs, once per hit on a
    page of hits or matches before)."""
    marker = "987654321"
    before, after = reverse("exchange:listing", args=[marker]).split(marker)
    return lambda pk: f"{before}{pk}{after}"


def mode_mask(mode_ids) -> int:
    """`Listing.mode_mask` for these transfer mode ids."""
    return sum(1 << pk for pk in set(mode_ids))


def mode_masks(listing_ids) -> dict[int, int]:
    """`mode_mask` of these listings, read from their transfer modes."""
    masks = dict.fromkeys(listing_ids, 0)
    pairs = Listing.transfer_modes.through.objects.filter(listing_id__in=listing_ids)
    for listing_id, mode_id in pairs.values_list("listing_id", "transfermode_id"):
        masks[listing_id] |= 1 << mode_id
    return masks


def keep_mode_masks(sender, instance, action, reverse, pk_set, **_kwargs) -> None:
    """m2m_changed of `Listing.transfer_modes`: write the changed listings' `mode_mask` again."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse and action == "post_clear":  # a mode taken from all its listings (from the admin)
        bit = 1 << instance.pk
        masks = {pk: mask & ~bit for pk, mask in Listing.objects.values_list("pk", "mode_mask") if mask & bit}
    else:  # a listing's modes, or a mode given to or taken from some listings
        masks = mode_masks(list(pk_set or ()) if reverse else [instance.pk])
    now = timezone.now()  # the search index takes in what changed since it last looked
    Listing.objects.bulk_update(
        [Listing(pk=pk, mode_mask=mask, updated_at=now) for pk, mask in masks.items()],
        ["mode_mask", "updated_at"],
        batch_size=1000,
    )
    if not reverse:
        instance.mode_mask = masks[instance.pk]


class ListingFile(models.Model):
    """Ảnh, tài liệu: an image or PDF attached to a listing."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("Hình ảnh")
        DOCUMENT = "document", _("Tài liệu PDF")

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("loại tệp"), max_length=10, choices=Kind.choices)
    file = models.FileField(_("tệp"), upload_to="exchange/%Y/%m/")
    name = models.CharField(_("tên tệp"), max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self):
        return self.name


class Posting(models.Model):
    """One term of a published listing in the matching index: tf is 1 + log(term frequency)."""

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="postings")
    kind = models.CharField(max_length=10, choices=Listing.Kind.choices)
    term = models.CharField(max_length=120)
    tf = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["kind", "term"])]

    def __str__(self):
        return self.term


class TermStat(models.Model):
    """How many published listings of a kind contain a term (the document frequency)."""

    kind = models.CharField(max_length=10, choices=Listing.Kind.choices)
    term = models.CharField(max_length=120)
    df = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "term"], name="exchange_one_term_stat")]

    def __str__(self):
        return f"{self.term} ({self.df})"


class MatchList(models.Model):
    """A published listing's stored match list exists (possibly empty); `stale` when entries
    left it since it was computed, so its tail may miss listings (see exchange/match_lists.py)."""

    listing = models.OneToOneField(Listing, on_delete=models.CASCADE, primary_key=True, related_name="match_list")
    computed_at = models.DateTimeField()
    stale = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["stale"], name="exchange_matchlist_stale", condition=models.Q(stale=True))]

    def __str__(self):
        return f"{self.listing_id} ({'stale' if self.stale else 'fresh'})"


class StoredMatch(models.Model):
    """One entry of a stored match list: `other` matches `listing` with this score, computed in
    the frame of `listing` (the idf of the other kind). The explanation is written from
    `shared` (the shared terms shown, as each listing writes them: `matching.shared_terms`)
    and `fits` (field, TRL and modes fits: `matching.fit_cases`) when read, in the reader's
    language."""

    listing = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="stored_matches", db_index=False)
    other = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    text_similarity = models.FloatField()
    shared = models.JSONField(default=dict)
    fits = models.JSONField(default=dict)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["listing", "other"], name="exchange_one_stored_match")]
        indexes = [
            models.Index(fields=["listing", "-score", "-text_similarity", "-other"], name="exchange_stored_match_rank")
        ]

    def __str__(self):
        return f"{self.listing_id} → {self.other_id} ({self.score})"


class MatchNotice(models.Model):
    """A strong match the owners were told about; one per (request, offer) pair."""

    request = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="+")
    offer = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "offer"], name="exchange_one_notice_per_pair")]

    def __str__(self):
        return f"{self.request_id} ↔ {self.offer_id}"


class MatchFeedback(models.Model):
    """Một người dùng đánh giá một gợi ý ghép nối là hữu ích hay không (for evaluating the method)."""

    request = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="+")
    offer = models.ForeignKey(Listing, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    useful = models.BooleanField(_("hữu ích"))
    score = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("đánh giá gợi ý ghép nối")
        verbose_name_plural = _("đánh giá gợi ý ghép nối")
        constraints = [
            models.UniqueConstraint(fields=["request", "offer", "user"], name="exchange_one_feedback_per_user")
        ]

    def __str__(self):
        return f"{self.request_id} ↔ {self.offer_id}: {self.useful}"
