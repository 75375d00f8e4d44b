"""Identifiers of the research database, checked before anything is stored."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ORCID_RE = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")


def orcid_checksum_ok(orcid: str) -> bool:
    """ISO 7064 MOD 11-2, as ORCID defines its last character."""
    digits = orcid.replace("-", "")
    total = 0
    for char in digits[:-1]:
        total = (total + int(char)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check))


def normalise_orcid(raw: str) -> str:
    value = raw.strip().upper().removeprefix("HTTPS://ORCID.ORG/").removeprefix("HTTP://ORCID.ORG/")
    return value


def validate_orcid(value: str) -> None:
    if not ORCID_RE.match(value) or not orcid_checksum_ok(value):
        raise ValidationError(
            _("Mã ORCID “%(value)s” không hợp lệ (dạng 0000-0002-1825-0097, chữ số cuối là số kiểm tra)."),
            code="orcid",
            params={"value": value},
        )


def normalise_doi(raw: str) -> str:
    value = raw.strip()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
        if value.lower().startswith(prefix):
            value = value[len(prefix) :]
    return value.lower()


def validate_doi(value: str) -> None:
    if not DOI_RE.match(value):
        raise ValidationError(
            _("DOI “%(value)s” không hợp lệ (dạng 10.1234/abc)."), code="doi", params={"value": value}
        )
