"""One OAI-PMH response per request: the envelope, then the verb's answer or an error."""

from datetime import UTC, datetime

from django.conf import settings
from django.utils.translation import gettext as _
from lxml import etree

from . import selectors
from .metadata import FORMATS, XSI, clean, formats_for
from .protocol import GRANULARITY, ListState, OaiError, Request, format_datestamp, list_query, token_issue, token_read
from .protocol import parse_request as parse

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier"
SCHEMA_LOCATION = f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"


def _el(parent, tag: str, text: str | None = None, **attributes):
    element = etree.SubElement(parent, f"{{{OAI}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def respond(data, base_url: str) -> bytes:
    """The XML answer to a request's arguments (a QueryDict); errors are answers too."""
    root = etree.Element(
        f"{{{OAI}}}OAI-PMH", {f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION}, nsmap={None: OAI, "xsi": XSI}
    )
    _el(root, "responseDate", format_datestamp(datetime.now(UTC)))
    request_element = _el(root, "request", base_url)
    try:
        request = parse(data)
        # Arguments are echoed only once they are known to be well formed (protocol 3.2).
        request_element.set("verb", request.verb)
        for key, value in request.arguments.items():
            request_element.set(key, value)
        VERB_HANDLERS[request.verb](root, request, base_url)
    except OaiError as error:
        if error.code in ("badVerb", "badArgument"):
            request_element.attrib.clear()
        for child in root[2:]:
            root.remove(child)
        _el(root, "error", clean(error.message), code=error.code)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def identify(root, request: Request, base_url: str) -> None:
    earliest = selectors.earliest_datestamp() or datetime.now(UTC)
    answer = _el(root, "Identify")
    _el(answer, "repositoryName", _("Cơ sở dữ liệu KH&CN Hà Nội: kết quả nghiên cứu và nhiệm vụ KH&CN"))
    _el(answer, "baseURL", base_url)
    _el(answer, "protocolVersion", "2.0")
    _el(answer, "adminEmail", settings.OAI_ADMIN_EMAIL)
    _el(answer, "earliestDatestamp", format_datestamp(earliest))
    _el(answer, "deletedRecord", "persistent")
    _el(answer, "granularity", GRANULARITY)
    host = selectors.repository_host()
    if "." in host and not host.replace(".", "").isdigit():  # the oai-identifier scheme needs a domain name
        description = _el(answer, "description")
        scheme = etree.SubElement(
            description,
            f"{{{OAI_IDENTIFIER}}}oai-identifier",
            {f"{{{XSI}}}schemaLocation": f"{OAI_IDENTIFIER} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"},
            nsmap={None: OAI_IDENTIFIER},
        )
        for tag, text in (
            ("scheme", "oai"),
            ("repositoryIdentifier", host),
            ("delimiter", ":"),
            ("sampleIdentifier", selectors.identifier_of(selectors.OUTPUT, 1)),
        ):
            etree.SubElement(scheme, f"{{{OAI_IDENTIFIER}}}{tag}").text = text


def list_metadata_formats(root, request: Request, base_url: str) -> None:
    item = None
    if "identifier" in request.arguments:
        item = _find(request.arguments["identifier"], metadata=False)
    formats = formats_for(item)
    if not formats:
        raise OaiError("noMetadataFormats", _("Bản ghi này không có định dạng siêu dữ liệu nào."))
    answer = _el(root, "ListMetadataFormats")
    for entry in formats:
        element = _el(answer, "metadataFormat")
        _el(element, "metadataPrefix", entry.prefix)
        _el(element, "schema", entry.schema)
        _el(element, "metadataNamespace", entry.namespace)


def list_sets(root, request: Request, base_url: str) -> None:
    if "resumptionToken" in request.arguments:  # ListSets is answered whole: no token was issued
        raise OaiError("badResumptionToken", _("resumptionToken không hợp lệ hoặc đã hết hạn."))
    answer = _el(root, "ListSets")
    for spec, name in selectors.set_list():
        element = _el(answer, "set")
        _el(element, "setSpec", spec)
        _el(element, "setName", name)


def get_record(root, request: Request, base_url: str) -> None:
    entry = _format(request.arguments["metadataPrefix"])
    item = _find(request.arguments["identifier"], metadata=True)
    if entry not in formats_for(item):
        raise OaiError("cannotDisseminateFormat", _("Bản ghi này không có định dạng siêu dữ liệu đã chọn."))
    _record(_el(root, "GetRecord"), item, entry)


def list_records(root, request: Request, base_url: str) -> None:
    _list(root, request, with_metadata=request.verb == "ListRecords")


def _list(root, request: Request, *, with_metadata: bool) -> None:
    if "resumptionToken" in request.arguments:
        state = token_read(request.verb, request.arguments["resumptionToken"])
    else:
        state = ListState(metadata_prefix=request.arguments["metadataPrefix"], query=list_query(request.arguments))
    entry = _format(state.metadata_prefix)
    if state.total is None:
        state.total = selectors.record_count(state.query)
    items, after = selectors.record_page(
        state.query, after=state.after, size=settings.OAI_PAGE_SIZE, metadata=with_metadata
    )
    if not items:
        raise OaiError("noRecordsMatch", _("Không có bản ghi nào khớp với yêu cầu."))
    answer = _el(root, request.verb)
    for item in items:
        if with_metadata:
            _record(answer, item, entry)
        else:
            _header(answer, item)
    if after is None and state.after is None:
        return  # the whole list fitted in one response: no token
    size = {"completeListSize": str(max(state.total, state.cursor + len(items))), "cursor": str(state.cursor)}
    if after is None:
        _el(answer, "resumptionToken", "", **size)  # the last page: an empty token closes the list
        return
    next_state = ListState(state.metadata_prefix, state.query, after, state.cursor + len(items), state.total)
    token, expires = token_issue(request.verb, next_state)
    _el(answer, "resumptionToken", token, expirationDate=format_datestamp(expires), **size)


def _format(prefix: str):
    if prefix not in FORMATS:
        raise OaiError("cannotDisseminateFormat", _("Không hỗ trợ metadataPrefix %(prefix)s.") % {"prefix": prefix})
    return FORMATS[prefix]


def _find(identifier: str, *, metadata: bool) -> selectors.Item:
    key = selectors.parse_identifier(identifier)
    item = selectors.record_get(*key, metadata=metadata) if key else None
    if item is None:
        raise OaiError("idDoesNotExist", _("Không có bản ghi mang identifier này."))
    return item


def _header(parent, item: selectors.Item) -> None:
    header = _el(parent, "header", **({"status": "deleted"} if item.deleted else {}))
    _el(header, "identifier", item.identifier)
    _el(header, "datestamp", format_datestamp(item.datestamp))
    for spec in item.set_specs:
        _el(header, "setSpec", spec)


def _record(parent, item: selectors.Item, entry) -> None:
    record = _el(parent, "record")
    _header(record, item)
    if not item.deleted:
        entry.build(_el(record, "metadata"), item)


VERB_HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_records,
    "ListRecords": list_records,
}
