"""Writes of the agency directory."""

from django.utils.text import slugify

from core.text import strip_accents

from .models import Agency


def agency_resolve(*, name: str, aliases=(), **fields) -> Agency:
    """The directory entry for a body, however the text spells it; created when new.

    A name is matched, without case or accents mattering, against names and aliases, so
    "Thành Đoàn Hà Nội" and "Thành đoàn Hà Nội" are one agency.
    """
    agency = Agency.objects.find(name)
    if agency is None:
        for alias in aliases:
            agency = Agency.objects.find(alias)
            if agency:
                break
    if agency is None:
        agency = Agency(name=name[:1].upper() + name[1:], kind=fields.pop("kind", Agency.Kind.GROUP))
        agency.slug = fields.pop("slug", None) or _unique_slug(name)
    else:
        fields.pop("slug", None)
    for key, value in fields.items():
        setattr(agency, key, value)
    agency.save()
    for alias in aliases:
        agency.add_alias(alias)
    if agency.name != name:
        agency.add_alias(name)
    return agency


def _unique_slug(name: str) -> str:
    base = slugify(strip_accents(name))[:70] or "agency"
    slug, n = base, 1
    while Agency.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
