"""gongwen's Python API: convert 公文 text to archive XML, check archive XML, render it.

    >>> from pathlib import Path
    >>> from converter import convert, validation
    >>> archive = convert(Path("samples/more/ndrc-2019-860-notice.txt"))
    >>> archive.forms
    ('notice',)
    >>> validate(archive.xml)
    []
    >>> html = archive.render("html")         # or "akn", "json", "markdown", "xml"

`convert` takes a `pathlib.Path` (a file is read), `bytes` (raw input bytes,
decoded as a file's would be) or `str` (the text itself). It returns an
`Archive`: `xml` (the bytes gongwen writes), `root` (the lxml tree),
`warnings` (`(line, message)` pairs), `forms`, `name`; `render(to)` and
`write(path, to=...)`. `load` reads archive XML back into an `Archive`;
`validate` lists what is wrong with archive XML; `render` renders either.

Errors are exceptions with a one-line message: `InputError` for an input
that cannot be converted (not text, undecodable bytes, no reading text …),
`ArchiveError` for XML that is not a valid archive. Both are `GongwenError`s.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Union

from lxml import etree

from converter import publish, reader, validation as checks

__all__ = ["Archive", "ArchiveError", "FORMATS", "GongwenError", "InputError", "LineWarning", "Problem",
           "convert", "load", "render", "validate"]

# What convert() takes: a path to read, the raw bytes of an input, or its text.
Source = Union["os.PathLike[str]", bytes, str]
# What validate(), load() and render() take: a path, XML bytes or text, a tree, or an Archive.
ArchiveSource = Union["os.PathLike[str]", bytes, str, etree._Element, etree._ElementTree, "Archive"]
FORMATS: tuple[str, ...] = publish.NAMES
Problem = checks.Problem


class GongwenError(Exception):
    """Anything gongwen refuses; the message is one line for a person."""


class ArchiveError(GongwenError, ValueError):
    """XML that is not a valid gongwen archive (unsafe, not well-formed, or invalid)."""


class InputError(GongwenError, reader.InputError):
    """An input that cannot be converted: not a text document, undecodable, no reading text …"""


class LineWarning(NamedTuple):
    """Something the converter noticed at an input line and resolved without losing text."""

    line: int
    message: str


@dataclass(frozen=True)
class Archive:
    """One input's archive: its tree, the warnings of its conversion, the forms it holds."""

    root: etree._Element
    name: str
    warnings: tuple[LineWarning, ...] = ()
    forms: tuple[str, ...] = ()
    _xml: bytes | None = field(default=None, repr=False, compare=False)

    @functools.cached_property
    def xml(self) -> bytes:
        """The archive XML, byte for byte what `gongwen convert` writes."""
        return self._xml if self._xml is not None else publish.render(self.root, "xml")

    @property
    def documents(self) -> int:
        """How many documents the archive holds that no other document holds."""
        return int(self.root.xpath("count(//*[local-name()='document'][not(ancestor::*[local-name()='document'])])"))

    def render(self, to: str = "html") -> bytes:
        """The bytes of one output format: xml, html, akn, json or markdown."""
        return render(self, to)

    def write(self, path: os.PathLike[str] | str, to: str = "xml") -> None:
        """Write one format to `path` atomically (a temporary file renamed into place)."""
        from converter import writer
        writer.write_atomic(Path(path), self.xml if to == "xml" else self.render(to))


def convert(source: Source, *, name: str | None = None, encoding: str | None = None,
            errors: str = "strict") -> Archive:
    """Convert one input to a validated archive.

    `source` is a `pathlib.Path` (or other path object) to read, the raw
    `bytes` of an input, or its text as a `str`. `name` is recorded as
    `source/@name` (default: the file's name, `<bytes>` or `<string>`).
    `encoding` overrides detection; `errors="replace"` turns undecodable
    bytes into U+FFFD with a warning instead of failing. Raises `InputError`.
    """
    from converter import pipeline

    if isinstance(source, str):
        if "\n" not in source and len(source) < 4096 and os.path.isfile(source):
            raise TypeError(f"convert() reads a str as the document's text; to convert the file "
                            f"{source!r}, pass pathlib.Path({source!r})")
        data, shown = source.encode("utf-8"), name or "<string>"
    elif isinstance(source, bytes):
        data, shown = source, name or "<bytes>"
    elif isinstance(source, os.PathLike):
        path = Path(source)
        shown = name or path.name
    else:
        raise TypeError(f"convert() takes a path, bytes or str, not {type(source).__name__}")
    try:
        if isinstance(source, os.PathLike):
            data = reader.read_bytes(Path(source))
        result = pipeline.convert_bytes(data, shown, encoding, errors)
    except reader.InputError as exc:
        raise InputError(f"{shown}: {exc}") from None
    return Archive(result.root, shown, tuple(LineWarning(line, message) for line, message in result.warnings),
                   result.forms)


def load(source: ArchiveSource) -> Archive:
    """Read archive XML (a path, bytes or str of XML, or a tree) into an Archive, checked first.

    Raises `ArchiveError` naming the first problem when it is not a valid archive.
    """
    if isinstance(source, Archive):
        return source
    root, found = parse(source)
    if not found and root is not None:
        found = checks.problems(root)
    if found or root is None:
        first = found[0]
        raise ArchiveError(f"not a valid archive: {first.line}:{first.column}: {first.message}")
    origin = next(iter(root.iterchildren("{*}source")), None)
    shown = origin.get("name", "") if origin is not None else ""
    forms = tuple(d.get("form", "") for d in root.iterchildren("{*}document"))
    return Archive(root, shown, (), ("bulletin",) if root.find("{*}bulletin") is not None else forms)


def validate(source: ArchiveSource) -> list[Problem]:
    """What is wrong with archive XML: [] when it is valid (both validators agree).

    A DOCTYPE is refused before parsing, so no entity is expanded and nothing
    is fetched; paths, bytes, str, trees and Archives are all accepted.
    """
    if isinstance(source, os.PathLike):
        return checks.check_file(Path(source))
    root, found = parse(source)
    if found or root is None:
        return found
    found = checks.problems(root)
    if found:
        return found
    tree: Any = root                    # (xmlschema reads an lxml tree; its stubs name ElementTree's)
    errors = checks.xmlschema_schema().iter_errors(tree, use_location_hints=False)
    return [Problem(getattr(e, "sourceline", None) or 0, 0, e.reason or str(e)) for e in errors]


def render(source: ArchiveSource, to: str = "html") -> bytes:
    """One output format (xml, html, akn, json, markdown) of an archive or of archive XML."""
    if to not in FORMATS:
        raise ValueError(f"unknown output format {to!r}; one of {', '.join(FORMATS)}")
    archive = load(source)
    if to == "xml":
        return archive.xml
    return publish.render(archive.root, to)


def parse(source: ArchiveSource) -> tuple[etree._Element | None, list[Problem]]:
    """The archive root of any ArchiveSource, or the one problem that stops the parse."""
    if isinstance(source, Archive):
        return source.root, []
    if isinstance(source, etree._ElementTree):
        return source.getroot(), []
    if isinstance(source, etree._Element):
        return source, []
    if isinstance(source, os.PathLike):
        doc = checks.parse_safely(Path(source))
        return (None, [doc]) if isinstance(doc, Problem) else (doc.getroot(), [])
    data = source.encode("utf-8") if isinstance(source, str) else source
    if has_doctype(data):
        return None, [Problem(1, 1, checks.UNSAFE, "unsafe")]
    try:
        return etree.fromstring(data, checks.safe_parser()), []
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        return None, [Problem(line, column, f"not well-formed: {exc.msg}", "not-well-formed")]


def has_doctype(data: bytes) -> bool:
    """Whether XML bytes declare a DOCTYPE before their root element (nothing is expanded to find out)."""
    scan: Any = checks.PrologScan()        # a parser target that stops at the prolog's end (validation.py)
    parser = etree.XMLParser(target=scan, resolve_entities=False, load_dtd=False, no_network=True)
    try:
        parser.feed(data)
        parser.close()
    except checks.PrologSeen as seen:
        return seen.doctype
    except etree.XMLSyntaxError:
        return False
    return False
