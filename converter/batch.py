"""Convert many files: one task at a time, in worker processes, in input order.

`process` does one task from start to end (read, skip if up to date,
convert, write) and returns a Record: it never raises for a bad input, so a
broken file costs only itself. Workers write their outputs themselves, so
only small records travel between processes.

A re-run skips an input whose output exists and records, in `source`, the
same input sha256 and the same converter version: nightly runs rewrite only
what changed. `force` reconverts everything.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import re
import stat
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Callable, Generator, Iterator

from lxml import etree

from converter import __version__, pool, publish, reader, sniff, stdio, validation, writer
from converter.commit import committed
from converter.inputs import Task
from converter.patterns import pattern
from converter.reader import InputError

# A document start, end or empty tag in serialised XML: <document form="notice" …>, </document>, <document …/>
DOCUMENT_TAG = pattern(rb"<(?P<end>/?)document(?:\s[^<>]*?)?(?P<empty>/?)>", b'<document form="notice">', b"</document>")
# What source/@converter says for outputs of this version (tree.py writes it).
CONVERTER = f"gongwen {__version__}"
ARCHIVE_GIVEN = ("is gongwen archive XML (an output, not a text input); convert the text it was made from, "
                 "or look inside with gongwen inspect")
# The default --timeout: far beyond any real document (16 MB converts in about a second), short
# enough that a pathological input does not hold a nightly batch for hours.
DEFAULT_TIMEOUT = 300.0
# Workers get the largest inputs of each run of this many first (pool.largest_first): a big
# file is not left to one worker at the end, and a record waits for at most this many others.
HAND_OUT_WINDOW = 256


@dataclass(frozen=True, eq=False, repr=False)
class Options:
    """How a batch converts each input (one set for all of them)."""

    encoding: str | None = None
    errors: str = "strict"
    force: bool = False
    to: str = "xml"                  # the output format (converter.publish); only xml outputs are skipped
    name: str | None = None          # source/@name of the one input (standard input: <stdin>)
    timeout: float | None = None                 # seconds a task may take in a batch (None: no limit)
    # the process that renames outputs into place in groups (`committed`): an output is then left
    # as a complete temporary named for it; None: each output is synced and renamed as it is written
    owner: int | None = None


@dataclass(frozen=True, eq=False, repr=False)
class Record:
    """What became of one input: for messages, the summary and the JSON report."""

    path: str
    output: str | None
    status: str                                  # converted | skipped | failed
    forms: tuple[str, ...] = ()                  # as pipeline.Result has them: ("bulletin",) for a bulletin
    warnings: tuple[tuple[int, str], ...] = ()
    error: str | None = None
    seconds: float = 0.0
    size: int = 0                                # input bytes
    documents: int = 0                           # documents not inside another (a bulletin's all count)
    temporary: str | None = None                 # the written output, until `committed` renames it into place


@dataclass(frozen=True, eq=False, repr=False)
class Contents:
    """What an archive holds, for the report: its forms and how many documents."""

    forms: tuple[str, ...]
    documents: int
    warnings: tuple[tuple[int, str], ...] = ()   # of the conversion that wrote it (source/warning)


class Failed(Exception):
    """A task's one-line failure, with the input's size when it was read."""

    def __init__(self, message: str, size: int = 0):
        super().__init__(message)
        self.size = size


def process(task: Task, options: Options) -> tuple[Record, bytes | None]:
    """Do one task; the XML comes back only when it has no output file (stdout). Never raises an Exception."""
    start = time.perf_counter()
    try:
        record, xml = attempt(task, options)
    except (SystemExit, KeyboardInterrupt):     # a worker stopped mid-task: leave no temporary behind
        if task.output is not None:
            writer.remove_own_temporaries(task.output, options.owner)
        raise
    except Failed as exc:
        record, xml = Record(task.shown, shown(task), "failed", error=str(exc), size=exc.size), None
    except RecursionError:
        record, xml = Record(task.shown, shown(task), "failed",
                             error="internal error (nesting too deep for the parser); please report it"), None
    except Exception as exc:  # a bug must not cost the rest of a batch
        record, xml = Record(task.shown, shown(task), "failed",
                             error=f"internal error ({type(exc).__name__}: {one_line(str(exc))}); please report it"), None
    return replace(record, seconds=time.perf_counter() - start), xml


def shown(task: Task) -> str | None:
    return str(task.output) if task.output is not None else None


def attempt(task: Task, options: Options) -> tuple[Record, bytes | None]:
    """process() without its safety net: a bad input raises Failed."""
    if task.error:
        raise Failed(task.error)
    try:
        data = stdio.read() if stdio.is_stdin(task.source) else reader.read_bytes(task.source)
    except InputError as exc:
        raise Failed(str(exc)) from None
    if task.output is not None:
        refuse_irregular_output(task.output, len(data))
    if task.output is not None and not options.force and options.to == "xml":
        held = contents(task.output, functools.partial(sha256_hex, data))
        if held is not None:
            return Record(task.shown, shown(task), "skipped", held.forms, held.warnings, size=len(data),
                          documents=held.documents), None
    if sniff.is_archive_xml(data):
        raise Failed(ARCHIVE_GIVEN, len(data))
    from converter import pipeline      # here: `gongwen --version` and the parent of workers need none of it
    size = len(data)
    given = [data]
    del data        # (handed on alone, the bytes are freed once decoded, before the conversion's peak: 1× the input)
    try:
        result = pipeline.convert_bytes(given.pop(), stdio.source_name(task.source, options.name), options.encoding,
                                        options.errors)
    except InputError as exc:
        raise Failed(str(exc), size) from None
    # another format is rendered from the validated archive tree
    rendered = publish.render(result.root, options.to) if options.to != "xml" else None
    temporary = None
    if task.output is not None:
        try:
            if options.owner is not None:
                temporary = str(writer.write_temporary(task.output, result.root if rendered is None else rendered,
                                                       options.owner))
            else:
                result.write(task.output) if rendered is None else writer.write_atomic(task.output, rendered)
        except OSError as exc:
            raise Failed(write_failure(task.output, exc.strerror or str(exc)), size) from None
    documents = result.documents
    record = Record(task.shown, shown(task), "converted", result.forms, result.warnings, size=size,
                    documents=documents, temporary=temporary)
    return record, ((result.xml if rendered is None else rendered) if task.output is None else None)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_failure(output: Path | str, problem: str) -> str:
    return f"cannot write output {output}: {problem}"


def refuse_irregular_output(output: Path, size: int) -> None:
    """An existing output that is not a regular file (a FIFO, a device, a folder) is never read or replaced."""
    try:
        mode = os.stat(output).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise Failed(f"cannot check output {output}: {exc.strerror or exc}", size) from None
    if not stat.S_ISREG(mode):
        raise Failed(f"its output {output} exists and is not a regular file; it is left alone", size)


def process_record(task: Task, options: Options) -> Record:
    """`process` for a worker: the record only (the XML is already on disk)."""
    return process(task, options)[0]


def one_line(text: str) -> str:
    return " ".join(text.split())


def top_level_documents(xml: bytes) -> int:
    """How many document elements of gongwen's own serialised XML are inside no other.

    A scan of the tags, ten times faster than a parse: in lxml's output a
    text node or attribute never holds a raw "<" or ">", so DOCUMENT_TAG
    finds exactly the document tags.
    """
    count = depth = 0
    for m in DOCUMENT_TAG.finditer(xml):
        if m.group("end"):
            depth -= 1
        elif not m.group("empty"):
            count += depth == 0
            depth += 1
        else:
            count += depth == 0
    return count


def contents(xml: Path | BinaryIO, digest: str | Callable[[], str] | None = None) -> Contents | None:
    """Forms and document count of archive XML (a path or a binary stream).

    With `digest`, None unless its source records these input bytes and this
    converter version: an output that is up to date. Damaged or missing
    XML is None too (it is converted again). A `digest` given as a function
    is taken once the XML is open: a batch's output is most often not there
    yet, and the digest of its input costs more than the rest of this look.
    """
    forms: list[str] = []
    warnings: list[tuple[int, str]] = []
    documents = depth = 0      # depth: how many document elements enclose the current one
    current = digest is None
    bulletin = False
    try:
        stream = reader.open_regular(xml) if isinstance(xml, Path) else xml
    except reader.InputError:
        return None
    try:
        if callable(digest):
            digest = digest()
        # only these elements reach Python (the parse itself stays in C); the one parser
        # configuration for archive XML (huge_tree: a paragraph may pass libxml2's 10 MB text limit)
        for event, el in etree.iterparse(stream, events=("start", "end"),
                                         tag=("{*}source", "{*}warning", "{*}bulletin", "{*}document"), **validation.PARSER_OPTIONS):
            name = etree.QName(el).localname
            if event == "end":
                depth -= name == "document"
                if name == "warning":
                    warnings.append((int(el.get("line") or 0), el.text or ""))
            elif name == "source" and digest is not None:
                current = el.get("sha256") == digest and el.get("converter") == CONVERTER
                if not current:
                    return None
            elif name == "bulletin":
                bulletin = True
            elif name == "document":
                if depth == 0:
                    documents += 1
                    forms.append(el.get("form") or "")
                depth += 1
    except (OSError, etree.XMLSyntaxError):
        return None
    finally:
        if stream is not xml:
            stream.close()
    if not current:
        return None
    return Contents(("bulletin",) if bulletin else tuple(forms), documents, tuple(warnings))


def run(tasks: list[Task], options: Options, jobs: int) -> Generator[Record, None, None]:
    """Records for `tasks`, in task order, from `jobs` worker processes.

    One job without a time limit runs in this process; a time limit needs a
    worker to stop, so then even one job runs in a worker process.
    """
    owner = os.getpid()         # this process renames every output into place (`committed`)
    work = functools.partial(process_record, options=replace(options, owner=owner))
    if options.timeout is None and (jobs <= 1 or len(tasks) <= 1):
        return pool.in_order(committed(enumerate(work(task) for task in tasks), len(tasks), settle))
    from converter import pipeline  # noqa: F401  (imported once, before the workers fork, so that they share it)
    order = pool.largest_first([input_size(task) for task in tasks], HAND_OUT_WINDOW)
    # outputs committed as their tasks are done, the records then put back in task order
    return pool.in_order(committed(pool.completed_map(work, tasks, jobs, functools.partial(crashed, owner=owner),
                                                      options.timeout, functools.partial(timed_out, owner=owner),
                                                      order, functools.partial(forget_outputs, owner=owner)),
                                   len(tasks), settle))


# The collector's first threshold in a batch run. A conversion makes a few hundred thousand objects
# that live until it ends and leaves no reference cycles (tests/test_batch_gc.py), so collecting
# every 700 allocations, Python's default, walks the same live objects again and again: 5-6% of
# the conversion. Every 10,000 it still takes the cycles an error's traceback makes soon enough.
GC_THRESHOLD = 10_000


def collect_less() -> None:
    """Set the collector for a batch run: start-up's objects (modules, the schema) out of its walks, young ones
    collected less often. For the command's own process: a library caller's process keeps its settings."""
    gc.freeze()
    first, middle, oldest = gc.get_threshold()
    gc.set_threshold(max(GC_THRESHOLD, first), middle, oldest)


def settle(record: Record, problem: str | None) -> Record:
    """A record once its group is committed: its output in place, or a failure saying why the rename failed."""
    if problem is None:
        return replace(record, temporary=None) if record.temporary is not None else record
    return Record(record.path, record.output, "failed", error=write_failure(record.output or "", problem),
                  seconds=record.seconds, size=record.size)


def input_size(task: Task) -> int:
    """The input's size in bytes, as far as the folder tells (0 for one that cannot be read: it fails at once)."""
    if task.error:
        return 0
    try:
        return os.stat(task.source).st_size
    except (OSError, ValueError):
        return 0


def crashed(task: Task, reason: str, owner: int | None = None) -> Record:
    """The record of a task whose worker process died under it (a crash in a C library, the OOM killer)."""
    remove_temporary(task, owner)
    return Record(task.shown, shown(task), "failed",
                  error=f"the worker converting it died ({reason}); please report it")


def timed_out(task: Task, seconds: float, owner: int | None = None) -> Record:
    """The record of a task stopped because it ran past the time limit."""
    remove_temporary(task, owner)
    return Record(task.shown, shown(task), "failed", seconds=seconds,
                  error=f"stopped after {seconds:g} s (the --timeout limit); nothing written")


def remove_temporary(task: Task, owner: int | None) -> None:
    """Delete what the dead worker of a task left: the temporary named for the run, or else one whose writer is gone."""
    if task.output is None:
        return
    if owner is not None:
        writer.remove_own_temporaries(task.output, owner)
    else:
        writer.remove_temporaries([task.output], only_these=True)


def forget_outputs(tasks: list[Task], owner: int) -> None:
    """A worker's last act when the run that owns its outputs died: delete what the run left to commit."""
    writer.remove_temporaries(outputs(tasks), only_these=True, owner=owner)


def outputs(tasks: list[Task]) -> list[Path]:
    return [task.output for task in tasks if task.output is not None]
