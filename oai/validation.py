"""Validate OAI-PMH responses against the official schemas kept in oai/schemas/, offline.

One driver schema imports every namespace a response can hold from the local files, so
lxml never reaches for the network (the schemaLocation hints in responses are not followed).
"""

from functools import cache
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "schemas"
NAMESPACES = {
    "http://www.openarchives.org/OAI/2.0/": "OAI-PMH.xsd",
    "http://www.openarchives.org/OAI/2.0/oai_dc/": "oai_dc.xsd",
    "http://www.openarchives.org/OAI/2.0/oai-identifier": "oai-identifier.xsd",
    "http://datacite.org/schema/kernel-4": "datacite/metadata.xsd",
}


@cache
def response_schema() -> etree.XMLSchema:
    imports = "".join(
        f'<xs:import namespace="{namespace}" schemaLocation="{(SCHEMAS / name).as_uri()}"/>'
        for namespace, name in NAMESPACES.items()
        if (SCHEMAS / name).exists()
    )
    driver = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    return etree.XMLSchema(etree.fromstring(driver, base_url=SCHEMAS.as_uri() + "/"))


def validation_errors(content: bytes) -> list[str]:
    """The schema errors of one response (empty when it is valid)."""
    schema = response_schema()
    document = etree.fromstring(content)
    if schema.validate(document):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]
