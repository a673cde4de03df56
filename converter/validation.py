"""Validation against the bundled XSD.

lxml (libxml2) gives the verdict: in the conversion's hot path on the tree
in memory, and in `gongwen validate` while the file streams through the
parser, each element dropped once it has been checked, so that memory
stays bounded whatever the file's size. xmlschema only explains a file
that libxml2 found invalid: its reports name the rule that failed. Every
message uses local element names and a real line and column.

Everything that reads archive XML uses one parser configuration
(PARSER_OPTIONS): no entities resolved, no DTD loaded, no network, and
huge_tree, because gongwen's own outputs may hold a paragraph beyond
libxml2's 10 MB text limit. A DOCTYPE is refused before the parse proper,
so huge_tree cannot help an entity-expansion bomb.
"""

from __future__ import annotations

import functools
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterator

from lxml import etree

from converter import reader
from converter.patterns import pattern

if TYPE_CHECKING:
    import xmlschema

SCHEMA_FILE = "gongwen-archive-1.0.xsd"
# The one parser configuration for archive XML (see the module docstring).
PARSER_OPTIONS: dict[str, Any] = {"resolve_entities": False, "load_dtd": False, "no_network": True, "huge_tree": True}
# An explanation stops after this many problems: a broken file is not a reason to print a million lines.
MAX_PROBLEMS = 20


@dataclass(frozen=True)
class Problem:
    line: int
    column: int
    message: str
    kind: str = "invalid"       # invalid | not-well-formed | unsafe | unreadable | too-large


@dataclass(frozen=True)
class Checked:
    """One file's problems (none: valid) and how long checking it took."""

    path: Path
    problems: list[Problem]
    seconds: float = 0.0


# The prolog is read in chunks of this size until its end or a DOCTYPE.
CHUNK = 65536
UNSAFE = ("a DOCTYPE is not allowed in archive XML; its entities and external references were not "
          "expanded or fetched (entity-expansion bombs and external entities are refused)")
# An element name in Clark notation, {urn:gongwen:archive:1.0}section, or with the XSD's
# prefix in quotes, 'g:section': both become the local name, section.
QUALIFIED_NAME = pattern(r"\{[^{}]*\}(?=[\w.-])|(?<=')g:(?=[\w.-])", "{urn:gongwen:archive:1.0}section", "'g:section")
# xmlschema explains invalid files up to this size; beyond, libxml2's first problem is the
# message (xmlschema reads a 200 MB file for minutes).
EXPLAIN_LIMIT = 8_000_000
# A file with more elements is refused (about 130 bytes of libxml2's memory an element: some 260 MB);
# gongwen's outputs have about one element per 90 bytes, so this is a 180 MB output.
MAX_ELEMENTS = 2_000_000
# How many elements the streamed check reads between looks at libxml2's error log.
CHECK_EVERY = 1024
# At most this many files go to a worker at once in `validate --jobs`.
CHUNK_FILES = 16
# The codes libxml2 gives schema validity errors (the rest are the parser's).
SCHEMA_VALIDITY_ERRORS = (etree.ErrorTypes.SCHEMAV_NOROOT, etree.ErrorTypes.SCHEMAV_MISC)
# libxml2's aside after a failed atomic value, which says nothing to a reader.
LIBXML2_NOISE = "No precomputed value available"
# The attribute an xmlschema reason is about: "attribute form='memo': …".
ATTRIBUTE_REASON = pattern(r"^attribute (?P<name>[\w:.-]+)=", "attribute level='x': not a positive integer")


def schema_path() -> Path:
    # where importlib.resources finds it (installed: converter/schemas; a checkout or an editable install, which maps
    # converter.schemas there: schemas/), looked up first without it (it imports tempfile, shutil, bz2 …: 5 ms)
    for path in (Path(__file__).parent / "schemas" / SCHEMA_FILE, Path(__file__).resolve().parent.parent / "schemas" / SCHEMA_FILE):
        if path.is_file():
            return path
    from importlib import resources
    try:
        if (ref := resources.files("converter.schemas") / SCHEMA_FILE).is_file():
            return Path(str(ref))
    except ModuleNotFoundError:
        pass
    return path


@functools.cache
def lxml_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schema_path()), safe_parser()))


@functools.cache
def xmlschema_schema() -> "xmlschema.XMLSchema":
    import xmlschema
    return xmlschema.XMLSchema(str(schema_path()))


def safe_parser() -> etree.XMLParser:
    """A parser for archive XML, trusted or not: PARSER_OPTIONS."""
    parser: etree.XMLParser = etree.XMLParser(**PARSER_OPTIONS)
    return parser


def local_names(message: str) -> str:
    """A validator's message with local element names: section, not {urn:gongwen:archive:1.0}section."""
    return QUALIFIED_NAME.sub("", message)


def problems(tree: etree._Element) -> list[Problem]:
    """libxml2's problems with a tree in memory (the conversion's own check)."""
    schema = lxml_schema()
    if schema.validate(tree):
        return []
    return [Problem(e.line, e.column, local_names(e.message)) for e in schema.error_log
            if LIBXML2_NOISE not in e.message]


class PrologSeen(Exception):
    """Raised by the prolog scan when it has seen enough: a DOCTYPE, or the root element."""

    def __init__(self, doctype: bool):
        super().__init__(doctype)
        self.doctype = doctype


class PrologScan:
    """A parser target that stops at the first DOCTYPE or start tag: nothing is built or expanded."""

    def doctype(self, *args: object) -> None:
        raise PrologSeen(True)

    def start(self, *args: object) -> None:
        raise PrologSeen(False)

    def end(self, tag: str) -> None:
        pass

    def data(self, text: str) -> None:
        pass

    def close(self) -> None:
        return None


def has_doctype(stream: IO[bytes]) -> bool:
    """Whether the stream declares a DOCTYPE before its root element, read only as far as needed.

    The parser (any encoding, any prolog length) calls the target's doctype()
    before a single entity could be expanded; a file that is not well-formed
    is left for the real parse to report. The stream is rewound.
    """
    target: Any = PrologScan()          # (a parser target: lxml calls its methods)
    parser = etree.XMLParser(target=target, resolve_entities=False, load_dtd=False, no_network=True)
    try:
        while chunk := stream.read(CHUNK):
            parser.feed(chunk)
        parser.close()
    except PrologSeen as seen:
        return seen.doctype
    except etree.XMLSyntaxError:
        return False
    finally:
        stream.seek(0)
    return False


def open_checked(path: Path) -> IO[bytes] | Problem:
    """The file opened for parsing, or the problem that stops it: unreadable (a FIFO, a device) or unsafe."""
    try:
        stream = reader.open_regular(path)
    except reader.InputError as exc:
        return Problem(0, 0, str(exc) if str(exc) != "no such file" else "cannot be read (no such file)",
                       "unreadable")
    try:
        unsafe = has_doctype(stream)
    except OSError as exc:
        stream.close()
        return Problem(0, 0, f"cannot be read ({exc.strerror or exc})", "unreadable")
    if unsafe:
        stream.close()
        return Problem(1, 1, UNSAFE, "unsafe")
    return stream


def parse_safely(path: Path) -> etree._ElementTree | Problem:
    """The parsed file (a whole tree, for `inspect`), or the one problem that stops it."""
    stream = open_checked(path)
    if isinstance(stream, Problem):
        return stream
    with stream:
        try:
            return etree.parse(stream, safe_parser())
        except etree.XMLSyntaxError as exc:
            return not_well_formed(exc)
        except OSError as exc:
            return Problem(0, 0, f"cannot be read ({exc.strerror or exc})", "unreadable")


def not_well_formed(exc: etree.XMLSyntaxError) -> Problem:
    line, column = exc.position if exc.position else (0, 0)
    return Problem(line, column, f"not well-formed: {local_names(exc.msg)}", "not-well-formed")


def check_file(path: Path, max_elements: int = MAX_ELEMENTS) -> list[Problem]:
    """All problems of one XML file (at most MAX_PROBLEMS): safety, well-formedness, the schema.

    A DOCTYPE is refused before parsing, so no entity is expanded and no DTD
    fetched; the parser itself resolves no entities, loads no DTD and never
    reaches the network, and xmlschema ignores xsi:schemaLocation hints.
    """
    stream = open_checked(path)
    if isinstance(stream, Problem):
        return [stream]
    with stream:
        try:
            verdict = streamed_verdict(stream, max_elements=max_elements)
            if verdict is not None and verdict.kind == "invalid":
                stream.seek(0)
                verdict = well_formedness(stream) or verdict   # not well-formed comes first
        except OSError as exc:
            return [Problem(0, 0, f"cannot be read ({exc.strerror or exc})", "unreadable")]
        if verdict is None or verdict.kind != "invalid":
            return [] if verdict is None else [verdict]
        if os.fstat(stream.fileno()).st_size > EXPLAIN_LIMIT:
            return [Problem(0, 0, f"{verdict.message} (libxml2's first problem: a file over "
                                  f"{EXPLAIN_LIMIT // 1_000_000} MB is not explained further)")]
        stream.seek(0)
        return explain(stream) or [verdict]


class Discard:
    """A parser target without start, end or data: libxml2 parses in C and nothing is built."""

    def close(self) -> None:
        return None


def well_formedness(stream: IO[bytes]) -> Problem | None:
    """None when the stream is well-formed XML; else where it is not. Memory: a chunk."""
    target: Any = Discard()
    parser = etree.XMLParser(target=target, **PARSER_OPTIONS)
    try:
        while chunk := stream.read(CHUNK):
            parser.feed(chunk)
        parser.close()
    except etree.XMLSyntaxError as exc:
        return not_well_formed(exc)
    return None


def streamed_verdict(stream: IO[bytes], schema: bool = True, max_elements: int = MAX_ELEMENTS) -> Problem | None:
    """None when the file is valid (well-formed, without `schema`); else libxml2's first problem.

    Each element is cleared and dropped once the parser (which validates as
    it reads) has ended it, so no tree is kept; libxml2's validator still
    keeps about 130 bytes an element, which `max_elements` bounds.
    """
    options = dict(PARSER_OPTIONS, schema=lxml_schema()) if schema else PARSER_OPTIONS
    events = etree.iterparse(stream, events=("end",), **options)
    seen = len(events.error_log)        # (a log may start with what earlier files left in it)
    try:
        for count, (_, element) in enumerate(events, start=1):
            element.clear(keep_tail=True)
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:   # (faster than a slice)
                del parent[0]
            if count > max_elements:
                return Problem(0, 0, f"more than {max_elements} elements: not checked, to keep memory bounded "
                                     "(--max-elements raises the limit)", "too-large")
            if count % CHECK_EVERY == 0 and schema:
                # libxml2 logs a schema error at once but lxml raises it only at the end of the
                # file: stop at the first one instead of reading 200 MB to the end
                failed = first_schema_error(events.error_log, seen)
                if failed is not None:
                    return Problem(0, 0, local_names(failed))
    except etree.XMLSyntaxError as exc:
        # (the exception's error log may hold errors of earlier files; its code is this one's)
        if SCHEMA_VALIDITY_ERRORS[0] <= exc.code <= SCHEMA_VALIDITY_ERRORS[1]:
            return Problem(0, 0, local_names(exc.msg))
        return not_well_formed(exc)
    return None


def first_schema_error(log: etree._ListErrorLog, seen: int) -> str | None:
    for entry in list(log)[seen:]:
        if SCHEMA_VALIDITY_ERRORS[0] <= entry.type <= SCHEMA_VALIDITY_ERRORS[1]:
            return str(entry.message)
    return None


def explain(stream: IO[bytes]) -> list[Problem]:
    """xmlschema's account of an invalid file, lazily (bounded memory), with lines and columns."""
    import xmlschema

    resource = xmlschema.XMLResource(stream, lazy=True,
                                     iterparse=functools.partial(etree.iterparse, **PARSER_OPTIONS))
    found: list[tuple[int, str, str | None, str]] = []      # line, element, attribute, message
    errors: Any = xmlschema_schema().iter_errors(resource, use_location_hints=False)   # a generator
    try:
        for error in errors:
            reason = local_names(error.reason or str(error))
            attribute = ATTRIBUTE_REASON.match(reason)
            found.append((getattr(error, "sourceline", None) or 0, last_step(error.path),
                          attribute.group("name") if attribute else None, reason))
            if len(found) >= MAX_PROBLEMS:
                break
    except (etree.XMLSyntaxError, xmlschema.XMLResourceError) as exc:
        return [Problem(0, 0, f"not well-formed: {local_names(str(exc))}", "not-well-formed")]
    finally:
        errors.close()          # before the stream is read again or closed
    stream.seek(0)
    columns = locate(stream, [(line, tag, attribute) for line, tag, attribute, _ in found])
    return [Problem(line, column, message) for (line, _, _, message), column in zip(found, columns)]


def last_step(path: str | None) -> str:
    """The element an XPath names, as a local name: /archive/document[2] → document."""
    step = (path or "").rstrip("/").rsplit("/", 1)[-1]
    return local_names(step.split("[", 1)[0]).rsplit(":", 1)[-1]


def locate(stream: IO[bytes], wanted: list[tuple[int, str, str | None]]) -> list[int]:
    """The 1-based column of each (line, element, attribute): where its start tag (or attribute) begins.

    Validators know an element's line only; the column is found in that
    line's text. 0 when the line does not show it.
    """
    lines = dict(read_lines(stream, {line for line, _, _ in wanted}))
    columns = []
    for line, tag, attribute in wanted:
        text = lines.get(line, "")
        start = re.search(rf"<{re.escape(tag)}(?=[\s/>])", text) if tag else None
        if start is None:
            columns.append(0)
            continue
        at = start.start()
        if attribute:
            named = re.compile(rf"\s{re.escape(attribute)}\s*=").search(text, start.end())
            at = named.start() + 1 if named else at
        columns.append(at + 1)
    return columns


def read_lines(stream: IO[bytes], numbers: set[int]) -> Iterator[tuple[int, str]]:
    """The lines of the stream with these numbers (1-based), decoded; read once, to the last one wanted."""
    last = max(numbers, default=0)
    for number, raw in enumerate(stream, start=1):
        if number > last:
            return
        if number in numbers:
            yield number, raw.decode("utf-8", errors="replace").rstrip("\r\n")


def check_timed(found: tuple[Path, str | None], max_elements: int = MAX_ELEMENTS) -> Checked:
    """check_file for one (path, why it cannot be checked) of inputs.find, timed."""
    path, error = found
    start = time.perf_counter()
    problems = [Problem(0, 0, error, "unreadable")] if error else check_file(path, max_elements)
    return Checked(path, problems, time.perf_counter() - start)


def check_all(found: list[tuple[Path, str | None]], jobs: int, max_elements: int = MAX_ELEMENTS) -> list[Checked]:
    """Every file checked, in order: in this process for one job, else in worker processes.

    Workers take the files a few at a time (CHUNK_FILES at most): one message
    per file would cost the parent as much as a small file's check.
    """
    if jobs <= 1 or len(found) <= 1:
        return [check_timed(item, max_elements) for item in found]
    from converter import pool

    lxml_schema()               # parsed once, before the workers fork
    size = max(1, min(CHUNK_FILES, len(found) // (jobs * 4)))
    chunks = [found[k:k + size] for k in range(0, len(found), size)]
    check = functools.partial(check_chunk, max_elements=max_elements)
    return [checked for chunk in pool.ordered_map(check, chunks, jobs, worker_died) for checked in chunk]


def check_chunk(chunk: list[tuple[Path, str | None]], max_elements: int = MAX_ELEMENTS) -> list[Checked]:
    return [check_timed(item, max_elements) for item in chunk]


def worker_died(chunk: list[tuple[Path, str | None]], reason: str) -> list[Checked]:
    """Each file of a chunk whose worker died (which of them killed it is not known)."""
    return [Checked(path, [Problem(0, 0, f"the worker checking it died ({reason}); please report it",
                                   "unreadable")]) for path, _ in chunk]

