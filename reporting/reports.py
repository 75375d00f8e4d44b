"""Review reports of a round: from its frozen snapshot once closed, a preview before."""

from django.utils import translation
from django.utils.text import slugify

from core.text import strip_accents

from .services import report_template_for
from .snapshots import snapshot_data

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def report_file(*, rnd, fmt: str, ext: str, issued_on) -> tuple[bytes, str, str]:
    from .documents import build_docx, build_pdf  # WeasyPrint loads only when a report is made

    if hasattr(rnd, "snapshot"):
        snapshot = rnd.snapshot.data
    else:
        with translation.override("vi"):
            snapshot = snapshot_data(rnd)
    template = report_template_for(programme=rnd.programme, kind=rnd.kind, fmt=fmt)
    texts = {field: getattr(template, field) for field in _TEXT_FIELDS} | {"format": fmt}
    build = build_docx if ext == "docx" else build_pdf
    content = build(snapshot=snapshot, template=texts, issued_on=issued_on)
    name = slugify(strip_accents(f"bao-cao-{rnd.title}-{fmt}"))[:80]
    return content, f"{name}.{ext}", CONTENT_TYPES[ext]


_TEXT_FIELDS = [
    "issuer_parent",
    "issuer",
    "number_symbol",
    "place",
    "title",
    "opening",
    "closing",
    "recipients",
    "signer_title",
    "signer_name",
]
