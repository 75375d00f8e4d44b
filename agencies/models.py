from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.text import fold


class AgencyQuerySet(models.QuerySet):
    def find(self, name: str):
        """The agency known by this name or one of its aliases, or None."""
        key = fold(name)
        return self.filter(models.Q(name_key=key) | models.Q(aliases__key=key)).first()


class Agency(models.Model):
    """Cơ quan, đơn vị: one directory for every body that a programme names.

    The same body may be written several ways in a source text ("Thành Đoàn Hà Nội",
    "Thành đoàn Hà Nội"); the other spellings are kept as aliases of one record.
    """

    class Kind(models.TextChoices):
        PARTY = "party", _("Cơ quan Đảng")
        PEOPLES_COUNCIL = "council", _("Hội đồng nhân dân")
        GOVERNMENT = "government", _("Cơ quan chính quyền")
        DEPARTMENT = "department", _("Sở, ban, ngành")
        DISTRICT = "district", _("Quận, huyện, thị xã")
        MASS_ORGANISATION = "mass_org", _("Mặt trận, tổ chức chính trị - xã hội")
        RESEARCH = "research", _("Viện nghiên cứu, trường đại học")
        CENTRAL = "central", _("Cơ quan Trung ương")
        ENTERPRISE = "enterprise", _("Doanh nghiệp")
        GROUP = "group", _("Nhóm đơn vị (chung)")

    name = models.CharField(_("tên"), max_length=300, unique=True)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=300, blank=True)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    slug = models.SlugField(_("mã"), max_length=80, unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    name_key = models.CharField(max_length=300, editable=False, db_index=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    website = models.URLField(_("trang thông tin"), blank=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = fold(self.name)
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        """The short label pages show: the English name for English readers, where known."""
        if translation.get_language() == "en" and self.name_en:
            return self.name_en
        return self.short_name or self.name

    def add_alias(self, name: str) -> None:
        if fold(name) != self.name_key:
            AgencyAlias.objects.get_or_create(key=fold(name), defaults={"agency": self, "name": name})

    @property
    def is_group(self) -> bool:
        return self.kind == self.Kind.GROUP


class AgencyAlias(models.Model):
    """Another spelling under which a source text names an agency."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("tên gọi khác"), max_length=300)
    key = models.CharField(max_length=300, unique=True, editable=False)

    class Meta:
        verbose_name = _("tên gọi khác")
        verbose_name_plural = _("tên gọi khác")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = fold(self.name)
        super().save(*args, **kwargs)
