"""The open-data catalogue: every dataset with its update time, size and downloads, for the
page and as a DCAT-AP catalogue in JSON-LD (https://www.w3.org/TR/vocab-dcat-3/)."""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _

from .datasets import DATASETS, Dataset
from .exports import FORMATS, LICENCE_NAME, LICENCE_URL

OAI_PATH = "/oai"
FORMAT_NAMES = {"csv": "CSV", "xlsx": "XLSX", "json": "JSON"}
MEDIA_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
# EU file-type authority table, which DCAT-AP uses for dct:format.
FILE_TYPES = {"csv": "CSV", "xlsx": "XLSX", "json": "JSON"}
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/"


def download_url(dataset_key: str, fmt: str, params: dict | None = None) -> str:
    url = reverse("opendata:export", kwargs={"dataset": dataset_key, "fmt": fmt})
    params = {k: v for k, v in (params or {}).items() if v not in ("", None)}
    return f"{url}?{urlencode(params)}" if params else url


@dataclass
class Entry:
    dataset: Dataset
    modified: datetime | None
    rows: int

    @property
    def rows_text(self) -> str:
        """The row count grouped by thousands in the reader's language: 1.000.000 or 1,000,000."""
        return f"{self.rows:,}".replace(",", get_format("THOUSAND_SEPARATOR"))

    @property
    def downloads(self) -> list[tuple[str, str]]:
        return [(FORMAT_NAMES[fmt], download_url(self.dataset.key, fmt)) for fmt in FORMATS]

    @property
    def parameters(self) -> list[tuple[str, str, str]]:
        """The filters a download address takes: (name, label, help)."""
        form = self.dataset.form()
        return [(name, str(field.label), str(field.help_text)) for name, field in form.fields.items()]


def catalogue_entries() -> list[Entry]:
    """Each dataset with the time its rows last changed and its number of rows (two queries
    per dataset, three for measurements)."""
    return [Entry(d, d.modified(), d.count()) for d in DATASETS.values()]


def _date(moment: datetime | None) -> dict | None:
    if moment is None:
        return None
    return {"@value": timezone.localtime(moment).isoformat(timespec="seconds"), "@type": "xsd:dateTime"}


def _text(value) -> list[dict]:
    """A text in Vietnamese, and in English when it has a translation."""
    texts = {}
    for language in ("vi", "en"):
        with translation.override(language):
            texts.setdefault(str(value), language)
    return [{"@value": text, "@language": language} for text, language in texts.items()]


DESCRIPTION = _("Dữ liệu mở của chương trình KH, CN và ĐMST Hà Nội: chỉ tiêu, số liệu, nhiệm vụ và kết quả nghiên cứu.")


CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def catalogue_jsonld(entries: list[Entry], absolute) -> dict:
    """The DCAT catalogue; `absolute(path)` makes a path an absolute address."""
    home = absolute("/")
    page = absolute(reverse("opendata:index"))
    publisher = {"@id": home + "#publisher", "@type": "foaf:Agent", "foaf:name": _text(settings.SITE_NAME)}
    licence = {"@id": LICENCE_URL, "@type": "dct:LicenseDocument", "dct:title": LICENCE_NAME}
    language = {"@id": EU_LANGUAGE + "VIE"}
    datasets = []
    for entry in entries:
        d = entry.dataset
        distributions = [
            {
                "@id": absolute(download_url(d.key, fmt)),
                "@type": "dcat:Distribution",
                "dct:title": f"{d.key}.{fmt}",
                "dcat:accessURL": {"@id": page + "#" + d.key},
                "dcat:downloadURL": {"@id": absolute(download_url(d.key, fmt))},
                "dcat:mediaType": {"@id": "https://www.iana.org/assignments/media-types/" + MEDIA_TYPES[fmt]},
                "dct:format": {"@id": EU_FILE_TYPE + FILE_TYPES[fmt]},
                "dct:license": licence,
                "dct:modified": _date(entry.modified),
            }
            for fmt in FORMATS
        ]
        dataset = {
            "@id": page + "#" + d.key,
            "@type": "dcat:Dataset",
            "dct:identifier": d.key,
            "dct:title": _text(d.title),
            "dct:description": _text(d.description),
            "dcat:keyword": [{"@value": k, "@language": "vi"} for k in d.keywords],
            "dct:publisher": {"@id": publisher["@id"]},
            "dct:license": {"@id": LICENCE_URL},
            "dct:language": language,
            "dct:modified": _date(entry.modified),
            "dcat:landingPage": {"@id": absolute(d.list_url()) if d.list_page else page + "#" + d.key},
            "dcat:distribution": distributions,
        }
        datasets.append({k: v for k, v in dataset.items() if v is not None})
    modified = max((e.modified for e in entries if e.modified), default=None)
    api = {
        "@id": absolute(reverse("api-docs")),
        "@type": "dcat:DataService",
        "dct:title": _text("API JSON"),
        "dcat:endpointURL": {"@id": absolute("/api/v1/")},
        "dcat:endpointDescription": {"@id": absolute(reverse("api-schema"))},
        "dct:license": {"@id": LICENCE_URL},
    }
    oai = {
        "@id": absolute(OAI_PATH),
        "@type": "dcat:DataService",
        "dct:title": _text("OAI-PMH"),
        "dcat:endpointURL": {"@id": absolute(OAI_PATH)},
        "dct:conformsTo": {"@id": "http://www.openarchives.org/OAI/2.0/"},
        "dct:license": {"@id": LICENCE_URL},
    }
    catalogue = {
        "@context": CONTEXT,
        "@id": page + "catalog.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": _text(settings.SITE_NAME),
        "dct:description": _text(DESCRIPTION),
        "foaf:homepage": {"@id": page},
        "dct:publisher": publisher,
        "dct:license": licence,
        "dct:language": language,
        "dct:modified": _date(modified),
        "dcat:dataset": datasets,
        "dcat:service": [api, oai],
    }
    return {k: v for k, v in catalogue.items() if v is not None}
