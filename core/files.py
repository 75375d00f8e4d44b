"""Evidence file rules: allowed types and size, checked before anything is written."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# The first bytes each allowed type starts with, so a renamed file is refused.
_SIGNATURES = {
    "pdf": [b"%PDF-"],
    "png": [b"\x89PNG\r\n\x1a\n"],
    "jpg": [b"\xff\xd8\xff"],
    "jpeg": [b"\xff\xd8\xff"],
    "docx": [b"PK\x03\x04"],
    "xlsx": [b"PK\x03\x04"],
    "doc": [b"\xd0\xcf\x11\xe0"],
    "xls": [b"\xd0\xcf\x11\xe0"],
}


def validate_evidence_size(file) -> None:
    if file.size > settings.EVIDENCE_MAX_BYTES:
        raise ValidationError(
            _("Tệp quá lớn (%(size)s); dung lượng tối đa là %(max)s."),
            code="file_too_large",
            params={"size": filesizeformat(file.size), "max": filesizeformat(settings.EVIDENCE_MAX_BYTES)},
        )


def validate_evidence_content(file) -> None:
    extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    signatures = _SIGNATURES.get(extension)
    if signatures is None:
        return  # the extension validator reports it
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(8)
    file.seek(position)
    if not any(head.startswith(sig) for sig in signatures):
        raise ValidationError(
            _("Nội dung tệp không đúng định dạng %(ext)s."), code="file_content", params={"ext": extension}
        )


def evidence_validators() -> list:
    return [
        FileExtensionValidator(
            settings.EVIDENCE_EXTENSIONS,
            message=_("Không nhận tệp “%(extension)s”; chỉ nhận các loại: %(allowed_extensions)s."),
        ),
        validate_evidence_size,
        validate_evidence_content,
    ]
