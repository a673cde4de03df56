"""Validation against the bundled XSD.

lxml (libxml2) validates in the hot path: it is fast and gives line numbers.
xmlschema is the second opinion for `gongwen validate`: its reports are more
detailed, and it is the reference for identity constraints (key/keyref).
Parsing untrusted XML never resolves entities or reaches the network.
"""

from __future__ import annotations

import functools
import sys
import types
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from lxml import etree

SCHEMA_FILE = "gongwen-archive-1.0.xsd"


@dataclass(frozen=True)
class Problem:
    line: int
    column: int
    message: str
    kind: str = "invalid"       # invalid | not-well-formed | unsafe | unreadable


# The prolog is read in chunks of this size until its end or a DOCTYPE.
CHUNK = 65536
UNSAFE = ("a DOCTYPE is not allowed in archive XML; its entities and external references were not "
          "expanded or fetched (entity-expansion bombs and external entities are refused)")


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


class PrologSeen(Exception):
    """Raised by the prolog scan when it has seen enough: a DOCTYPE, or the root element."""

    def __init__(self, doctype: bool):
        super().__init__(doctype)
        self.doctype = doctype


class PrologScan:
    """A parser target that stops at the first DOCTYPE or start tag: nothing is built or expanded."""

    def doctype(self, *args) -> None:
        raise PrologSeen(True)

    def start(self, *args) -> None:
        raise PrologSeen(False)

    def end(self, tag) -> None:
        pass

    def data(self, text) -> None:
        pass

    def close(self) -> None:
        return None


def has_doctype(path: Path) -> bool:
    """Whether the file declares a DOCTYPE before its root element, read only as far as needed.

    The parser (any encoding, any prolog length) calls the target's doctype()
    before a single entity could be expanded; a file that is not well-formed
    is left for the real parse to report.
    """
    parser = etree.XMLParser(target=PrologScan(), resolve_entities=False, load_dtd=False, no_network=True)
    try:
        with open(path, "rb") as stream:
            while chunk := stream.read(CHUNK):
                parser.feed(chunk)
            parser.close()
    except PrologSeen as seen:
        return seen.doctype
    except etree.XMLSyntaxError:
        return False
    return False


def parse_safely(path: Path) -> etree._ElementTree | Problem:
    """The parsed file, or the one problem that stops it: unreadable, unsafe, not well-formed."""
    try:
        if has_doctype(path):
            return Problem(1, 1, UNSAFE, "unsafe")
        doc = etree.parse(str(path), safe_parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        return Problem(line, column, f"not well-formed: {exc.msg}", "not-well-formed")
    except OSError as exc:
        return Problem(0, 0, f"cannot be read ({exc.strerror or exc})", "unreadable")
    if doc.docinfo.doctype:
        return Problem(1, 1, UNSAFE, "unsafe")
    return doc


def check_file(path: Path) -> list[Problem]:
    """All problems of one XML file: safety, well-formedness, then both validators.

    A DOCTYPE is refused before parsing, so no entity is expanded and no DTD
    fetched; the parser itself resolves no entities, loads no DTD and never
    reaches the network, and xmlschema ignores xsi:schemaLocation hints.
    """
    doc = parse_safely(path)
    if isinstance(doc, Problem):
        return [doc]
    found = problems(doc.getroot())
    if found:
        return found
    errors = list(xmlschema_schema().iter_errors(doc, use_location_hints=False))
    return [Problem(getattr(e, "sourceline", None) or 0, 0, e.reason or str(e)) for e in errors]


class CallableModule(types.ModuleType):
    """This module, callable: `from converter import validate; validate(xml)` is converter.api.validate."""

    def __call__(self, source: Any) -> list[Problem]:
        from converter import api
        return api.validate(source)


sys.modules[__name__].__class__ = CallableModule
