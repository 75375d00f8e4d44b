"""The OAI-PMH 2.0 request grammar: verbs and their arguments, dates, resumption tokens.

Everything a harvester can send is checked here and turned into an `OaiError` with the
protocol's error code; nothing malformed reaches a query.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _

from .metadata import NOT_XML
from .selectors import Position, Query

TOKEN_SALT = "oai.resumption-token"
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
SECONDS_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
METADATA_PREFIX = re.compile(r"[A-Za-z0-9\-_.!~*'()]+")
SET_SPEC = re.compile(r"[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*")
IDENTIFIER = re.compile(r"[^\s\x00-\x1f\x7f<>\"{}|\\^`]+")

LIST_ARGUMENTS = ({"metadataPrefix"}, {"from", "until", "set"})
VERBS = {  # verb: (required arguments, optional arguments); resumptionToken is exclusive
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), set()),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": LIST_ARGUMENTS,
    "ListRecords": LIST_ARGUMENTS,
}
RESUMABLE = {"ListSets", "ListIdentifiers", "ListRecords"}


class OaiError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


@dataclass
class Request:
    verb: str
    arguments: dict[str, str]  # as sent, for the <request> element


@dataclass
class ListState:
    """Where a list request stands: the selection, the format, and the page to give next."""

    metadata_prefix: str
    query: Query
    after: Position | None = None
    cursor: int = 0
    total: int | None = None


def parse_request(data) -> Request:
    """Check verb and arguments of a GET query or POST body (a QueryDict)."""
    if any(NOT_XML.search(key) or any(NOT_XML.search(v) for v in data.getlist(key)) for key in data):
        # Characters XML cannot carry could not even be echoed back: refuse them first.
        raise OaiError("badArgument", _("Tham số chứa ký tự không hợp lệ."))
    verbs = data.getlist("verb")
    if len(verbs) != 1 or verbs[0] not in VERBS:
        raise OaiError("badVerb", _("Thiếu tham số verb, verb lặp lại hoặc không phải một verb của OAI-PMH."))
    verb = verbs[0]
    required, optional = VERBS[verb]
    arguments = {}
    for key in data:
        if key == "verb":
            continue
        values = data.getlist(key)
        if len(values) != 1:
            raise OaiError("badArgument", _("Tham số %(name)s lặp lại.") % {"name": key})
        allowed = required | optional | ({"resumptionToken"} if verb in RESUMABLE else set())
        if key not in allowed:
            raise OaiError("badArgument", _("Verb %(verb)s không nhận tham số %(name)s.") % {"verb": verb, "name": key})
        if not values[0]:
            raise OaiError("badArgument", _("Tham số %(name)s để trống.") % {"name": key})
        arguments[key] = values[0]
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise OaiError("badArgument", _("resumptionToken phải được gửi một mình (chỉ kèm verb)."))
        return Request(verb, arguments)
    missing = sorted(required - arguments.keys())
    if missing:
        raise OaiError("badArgument", _("Thiếu tham số bắt buộc: %(names)s.") % {"names": ", ".join(missing)})
    if "metadataPrefix" in arguments and not METADATA_PREFIX.fullmatch(arguments["metadataPrefix"]):
        raise OaiError("badArgument", _("metadataPrefix không đúng cú pháp."))
    if "set" in arguments and not SET_SPEC.fullmatch(arguments["set"]):
        raise OaiError("badArgument", _("setSpec không đúng cú pháp."))
    if "identifier" in arguments and not IDENTIFIER.fullmatch(arguments["identifier"]):
        raise OaiError("badArgument", _("identifier không đúng cú pháp."))
    return Request(verb, arguments)


def parse_datestamp(value: str) -> tuple[datetime, bool]:
    """A from/until value as an aware UTC datetime, and whether it was given to the day."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC), True
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", value):
            return datetime.strptime(value, SECONDS_FORMAT).replace(tzinfo=UTC), False
    except ValueError:
        pass
    raise OaiError(
        "badArgument",
        _("Ngày giờ %(value)s không hợp lệ: dùng YYYY-MM-DD hoặc YYYY-MM-DDThh:mm:ssZ.") % {"value": value},
    )


def list_query(arguments: dict[str, str]) -> Query:
    """The selection of a first list request; `until` is inclusive to its granularity."""
    start = end = None
    by_day = set()
    if "from" in arguments:
        start, day = parse_datestamp(arguments["from"])
        by_day.add(day)
    if "until" in arguments:
        until, day = parse_datestamp(arguments["until"])
        by_day.add(day)
        try:
            end = until + (timedelta(days=1) if day else timedelta(seconds=1))
        except OverflowError:
            end = None  # until the end of time
    if len(by_day) > 1:
        raise OaiError("badArgument", _("from và until phải cùng độ chi tiết (cùng ngày hoặc cùng giây)."))
    if start is not None and "until" in arguments and parse_datestamp(arguments["until"])[0] < start:
        raise OaiError("badArgument", _("from phải trước hoặc bằng until."))
    return Query(start=start, end=end, set_spec=arguments.get("set"))


def format_datestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(SECONDS_FORMAT)


# Resumption tokens: signed and timestamped (django.core.signing), so a token needs no storage,
# cannot be altered, and stops working after OAI_TOKEN_LIFETIME seconds.


def token_issue(verb: str, state: ListState) -> tuple[str, datetime]:
    query = state.query
    payload = {
        "v": verb,
        "m": state.metadata_prefix,
        "s": query.set_spec,
        "f": query.start.isoformat() if query.start else None,
        "u": query.end.isoformat() if query.end else None,
        "a": [state.after[0].isoformat(), state.after[1], state.after[2]] if state.after else None,
        "c": state.cursor,
        "n": state.total,
    }
    token = signing.dumps(payload, salt=TOKEN_SALT, compress=True)
    return token, datetime.now(UTC) + timedelta(seconds=settings.OAI_TOKEN_LIFETIME)


def token_read(verb: str, token: str) -> ListState:
    bad = OaiError("badResumptionToken", _("resumptionToken không hợp lệ hoặc đã hết hạn."))
    try:
        payload = signing.loads(token, salt=TOKEN_SALT, max_age=settings.OAI_TOKEN_LIFETIME)
        if payload["v"] != verb:
            raise bad
        after = payload["a"]
        return ListState(
            metadata_prefix=payload["m"],
            query=Query(
                start=datetime.fromisoformat(payload["f"]) if payload["f"] else None,
                end=datetime.fromisoformat(payload["u"]) if payload["u"] else None,
                set_spec=payload["s"],
            ),
            after=(datetime.fromisoformat(after[0]), int(after[1]), int(after[2])) if after else None,
            cursor=int(payload["c"]),
            total=payload["n"],
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError, IndexError) as exc:
        raise bad from exc
