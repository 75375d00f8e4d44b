import csv
import io
import json

from django.http import StreamingHttpResponse

BOM = "\ufeff"


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def csv_rows(response) -> list[list[str]]:
    """The rows of a streamed CSV download (header first); the BOM is checked and removed."""
    assert isinstance(response, StreamingHttpResponse)
    text = body(response).decode("utf-8")
    assert text.startswith(BOM)
    return list(csv.reader(io.StringIO(text[1:])))


def csv_dicts(response) -> list[dict]:
    header, *rows = csv_rows(response)
    return [dict(zip(header, row, strict=True)) for row in rows]


def json_doc(response) -> dict:
    assert isinstance(response, StreamingHttpResponse)
    return json.loads(body(response).decode("utf-8"))
