from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.text import fold

from .validators import validate_doi, validate_orcid


def search_words(text: str) -> list[str]:
    """Folded words of a text (no accents, lower case, đ → d), punctuation dropped."""
    return "".join(ch if ch.isalnum() else " " for ch in fold(text)).split()


def search_text(*parts: str) -> str:
    """What search matches against: folded words between single spaces, with a space at each
    end, so that `contains(" " + word)` matches a word or the start of one."""
    words = search_words(" ".join(part for part in parts if part))
    return f" {' '.join(words)} " if words else ""


class Organisation(models.Model):
    """Tổ chức KH&CN: a university, institute, enterprise or agency that hosts research."""

    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("Trường đại học")
        INSTITUTE = "institute", _("Viện, trung tâm nghiên cứu")
        ENTERPRISE = "enterprise", _("Doanh nghiệp")
        AGENCY = "agency", _("Cơ quan nhà nước")
        OTHER = "other", _("Khác")

    name = models.CharField(_("tên tổ chức"), max_length=300, unique=True)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=300, blank=True)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    slug = models.SlugField(_("mã"), max_length=80, unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    in_hanoi = models.BooleanField(_("trên địa bàn Hà Nội"), default=True)
    agency = models.OneToOneField(
        "agencies.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="organisation"
    )
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    search_key = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tổ chức")
        verbose_name_plural = _("tổ chức")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.fill_keys()
        super().save(*args, **kwargs)

    def fill_keys(self) -> None:
        """Derived columns; bulk_create skips save(), so bulk writers call this themselves."""
        self.search_key = search_text(self.name, self.name_en, self.short_name)


class Researcher(models.Model):
    """Nhà khoa học: a researcher with a profile, optionally an ORCID iD and a user account."""

    full_name = models.CharField(_("họ và tên"), max_length=200)
    orcid = models.CharField(
        _("ORCID iD"), max_length=19, unique=True, null=True, blank=True, validators=[validate_orcid]
    )
    title = models.CharField(_("học hàm, học vị"), max_length=100, blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="researchers"
    )
    field = models.CharField(_("lĩnh vực"), max_length=200, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="researcher"
    )
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    search_key = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("nhà khoa học")
        verbose_name_plural = _("nhà khoa học")

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.fill_keys()
        super().save(*args, **kwargs)

    def fill_keys(self) -> None:
        self.search_key = search_text(self.full_name, self.title, self.field, self.orcid or "")


class Output(models.Model):
    """Kết quả nghiên cứu: a publication, patent, utility solution, software, prototype or policy report."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Bài báo khoa học")
        BOOK = "book", _("Sách, chương sách")
        CONFERENCE = "conference", _("Báo cáo hội nghị")
        PATENT = "patent", _("Sáng chế")
        UTILITY_SOLUTION = "utility_solution", _("Giải pháp hữu ích")
        SOFTWARE = "software", _("Phần mềm")
        PROTOTYPE = "prototype", _("Mẫu, thiết bị, quy trình")
        POLICY_REPORT = "policy_report", _("Báo cáo kiến nghị chính sách")

    kind = models.CharField(_("loại kết quả"), max_length=20, choices=Kind.choices)
    title = models.TextField(_("tên"))
    year = models.PositiveSmallIntegerField(_("năm"))
    venue = models.CharField(_("tạp chí, nơi công bố"), max_length=500, blank=True)
    doi = models.CharField(_("DOI"), max_length=200, unique=True, null=True, blank=True, validators=[validate_doi])
    patent_number = models.CharField(_("số bằng, số đơn"), max_length=100, blank=True)
    is_international = models.BooleanField(_("công bố quốc tế"), default=False)
    abstract = models.TextField(_("tóm tắt"), blank=True)
    url = models.URLField(_("đường dẫn"), max_length=500, blank=True)
    authors_text = models.TextField(_("tác giả (như trong ấn phẩm)"), blank=True)
    organisations = models.ManyToManyField(Organisation, blank=True, related_name="outputs")
    researchers = models.ManyToManyField(Researcher, through="Authorship", related_name="outputs")
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    import_batch = models.ForeignKey(
        "ImportBatch", null=True, blank=True, on_delete=models.SET_NULL, related_name="outputs"
    )
    # Duplicates are found by DOI and by this key: folded title, year and first author's surname.
    dedupe_key = models.CharField(max_length=400, editable=False, db_index=True)
    # Folded title and folded title + authors + venue + abstract: what search matches and ranks.
    title_key = models.TextField(editable=False, blank=True)
    search_key = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # When the record last changed: the datestamp harvesters (OAI-PMH) select on.
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        ordering = ["-year", "title"]
        indexes = [
            models.Index(fields=["kind", "year"]),
            models.Index(fields=["updated_at", "id"]),
            # The newest first: the search page without a query (research.search).
            models.Index(fields=["-year", "-id"], name="research_output_newest"),
        ]
        verbose_name = _("kết quả nghiên cứu")
        verbose_name_plural = _("kết quả nghiên cứu")

    def __str__(self):
        return f"{self.title[:80]} ({self.year})"

    def save(self, *args, **kwargs):
        self.fill_keys()
        super().save(*args, **kwargs)

    def fill_keys(self) -> None:
        """Derived columns; bulk_create skips save(), so bulk writers call this themselves."""
        self.dedupe_key = dedupe_key(self.title, self.year, self.authors_text)
        self.title_key = search_text(self.title)
        self.search_key = search_text(
            self.title, self.authors_text, self.venue, self.doi or "", self.patent_number, self.abstract[:2000]
        )


# Common Vietnamese family names, folded: "Nguyễn Văn An" is written family name first.
VIETNAMESE_SURNAMES = frozenset(
    [
        "nguyen",
        "tran",
        "le",
        "pham",
        "hoang",
        "huynh",
        "phan",
        "vu",
        "vo",
        "dang",
        "bui",
        "do",
        "ho",
        "ngo",
        "duong",
        "ly",
        "dao",
        "dinh",
        "mai",
        "trinh",
        "luong",
        "doan",
        "vuong",
        "to",
        "ha",
        "cao",
        "chu",
        "lam",
        "phung",
        "ta",
        "kieu",
        "quach",
        "thai",
        "trieu",
        "luu",
        "khuc",
        "nghiem",
        "kim",
        "giang",
        "la",
        "thach",
        "tong",
        "khong",
        "tieu",
        "ton",
        "that",
        "u",
        "au",
    ]
)


def first_author_surname(authors_text: str) -> str:
    """The folded family name of the first author, however the name is written.

    Authors are separated by ";". "Family, Given" gives Family; otherwise a name that starts
    with a common Vietnamese family name gives that word ("Nguyễn Văn An"), any other the
    last word ("Anna Smith").
    """
    first = (authors_text or "").split(";")[0].strip()
    if "," in first:
        return fold(first.split(",")[0])
    words = fold(first).split()
    if not words:
        return ""
    return words[0] if words[0] in VIETNAMESE_SURNAMES else words[-1]


def dedupe_key(title: str, year, authors_text: str) -> str:
    return f"{' '.join(search_words(title))[:300]}|{year}|{first_author_surname(authors_text)}"


class Authorship(models.Model):
    output = models.ForeignKey(Output, on_delete=models.CASCADE, related_name="authorships")
    researcher = models.ForeignKey(Researcher, on_delete=models.CASCADE, related_name="authorships")
    position = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["output", "researcher"], name="one_authorship_per_person")]

    def __str__(self):
        return f"{self.researcher} · {self.output}"


class ImportBatch(models.Model):
    """One uploaded file of publications: parsed and checked at upload, written only on confirm.

    The parsed entries live here (never in the browser), so what is confirmed is exactly
    what was previewed.
    """

    class Status(models.TextChoices):
        PREVIEW = "preview", _("Chờ xác nhận")
        CONFIRMED = "confirmed", _("Đã nhập")
        CANCELLED = "cancelled", _("Đã hủy")

    class Format(models.TextChoices):
        BIBTEX = "bibtex", "BibTeX"
        RIS = "ris", "RIS"
        CROSSREF = "crossref", "Crossref JSON"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nhập"), on_delete=models.CASCADE, related_name="+"
    )
    # Imported as this researcher's own outputs (a researcher importing), or for this organisation.
    researcher = models.ForeignKey(
        Researcher, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_batches"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_batches"
    )
    format = models.CharField(_("định dạng"), max_length=20, choices=Format.choices)
    filename = models.CharField(_("tên tệp"), max_length=255)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PREVIEW)
    # {"entries": [...], "rejected": [...]}: see research.importers.
    payload = models.JSONField(default=dict)
    created_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("lượt nhập ấn phẩm")
        verbose_name_plural = _("lượt nhập ấn phẩm")

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"
