"""Validation against the bundled XSD.

lxml (libxml2) validates in the hot path: it is fast and gives line numbers.
xmlschema is the second opinion for `gongwen validate`: its reports are more
detailed, and it is the reference for identity constraints (key/keyref).
Parsing untrusted XML never resolves entities or reaches the network.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

SCHEMA_FILE = "gongwen-archive-1.0.xsd"


@dataclass(frozen=True)
class Problem:
    line: int
    column: int
    message: str


def schema_path() -> Path:
    try:
        ref = resources.files("converter.schemas") / SCHEMA_FILE
        if ref.is_file():
            return Path(str(ref))
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "schemas" / SCHEMA_FILE


@functools.cache
def lxml_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schema_path()), safe_parser()))


@functools.cache
def xmlschema_schema():
    import xmlschema
    return xmlschema.XMLSchema(str(schema_path()))


def safe_parser() -> etree.XMLParser:
    """A parser for untrusted XML: no entities, no DTD loading, no network."""
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


def problems(tree: etree._Element) -> list[Problem]:
    schema = lxml_schema()
    if schema.validate(tree):
        return []
    return [Problem(e.line, e.column, e.message) for e in schema.error_log]


def check_file(path: Path) -> list[Problem]:
    """All problems of one XML file: well-formedness, then both validators."""
    try:
        doc = etree.parse(str(path), safe_parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        return [Problem(line, column, f"not well-formed: {exc.msg}")]
    except OSError as exc:
        return [Problem(0, 0, f"cannot be read: {exc}")]
    if doc.docinfo.doctype:
        return [Problem(1, 1, "a DOCTYPE is not allowed in archive XML")]
    found = problems(doc.getroot())
    if found:
        return found
    errors = list(xmlschema_schema().iter_errors(doc))
    return [Problem(getattr(e, "sourceline", None) or 0, 0, e.reason or str(e)) for e in errors]
