from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in. A reporter (cán bộ báo cáo) belongs to one agency.

    Roles: a superuser administers the platform; the secretariat of a programme is
    named on the programme (Programme.secretariat); a user with an agency reports for
    that agency; everyone else, signed in or not, is a public viewer.
    """

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("cơ quan, đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username
