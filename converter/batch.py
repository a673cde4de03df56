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

import functools
import hashlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from lxml import etree

from converter import __version__, pipeline, pool, reader, writer
from converter.inputs import Task
from converter.reader import InputError

# What source/@converter says for outputs of this version (tree.py writes it).
CONVERTER = f"gongwen {__version__}"


@dataclass(frozen=True)
class Options:
    encoding: str | None = None
    errors: str = "strict"
    force: bool = False


@dataclass(frozen=True)
class Record:
    """What became of one input: for messages, the summary and the JSON report."""

    path: str
    output: str | None
    status: str                                  # converted | skipped | failed
    forms: tuple[str, ...] = ()
    warnings: tuple[tuple[int, str], ...] = ()
    error: str | None = None
    seconds: float = 0.0
    size: int = 0                                # input bytes


def process(task: Task, options: Options) -> tuple[Record, bytes | None]:
    """Do one task; the XML comes back only when it has no output file (stdout)."""
    start = time.perf_counter()
    shown_output = str(task.output) if task.output is not None else None

    def failed(message: str, size: int = 0) -> tuple[Record, None]:
        return Record(task.shown, shown_output, "failed", error=message,
                      seconds=time.perf_counter() - start, size=size), None

    if task.error:
        return failed(task.error)
    try:
        data = reader.read_bytes(task.source)
    except InputError as exc:
        return failed(str(exc))
    if task.output is not None and not options.force:
        forms = up_to_date(task.output, hashlib.sha256(data).hexdigest())
        if forms is not None:
            return Record(task.shown, shown_output, "skipped", forms,
                          seconds=time.perf_counter() - start, size=len(data)), None
    try:
        result = pipeline.convert_bytes(data, task.source.name, options.encoding, options.errors)
    except InputError as exc:
        return failed(str(exc), len(data))
    except RecursionError:
        return failed("internal error (nesting too deep for the parser); please report it", len(data))
    except Exception as exc:  # a bug must not cost the rest of a batch
        return failed(f"internal error ({type(exc).__name__}: {one_line(str(exc))}); please report it", len(data))
    if task.output is not None:
        try:
            writer.write_atomic(task.output, result.xml)
        except OSError as exc:
            return failed(f"cannot write output {task.output}: {exc.strerror or exc}", len(data))
    record = Record(task.shown, shown_output, "converted", result.forms, result.warnings,
                    seconds=time.perf_counter() - start, size=len(data))
    return record, (result.xml if task.output is None else None)


def process_record(task: Task, options: Options) -> Record:
    """`process` for a worker: the record only (the XML is already on disk)."""
    return process(task, options)[0]


def one_line(text: str) -> str:
    return " ".join(text.split())


def up_to_date(output: Path, digest: str) -> tuple[str, ...] | None:
    """The forms of `output` when it was converted from these bytes by this version, else None."""
    forms: list[str] = []
    depth = 0          # how many document elements enclose the current one
    try:
        for event, el in etree.iterparse(str(output), events=("start", "end"), resolve_entities=False,
                                         no_network=True, load_dtd=False, huge_tree=False):
            name = etree.QName(el).localname
            if event == "start" and name == "source":
                if el.get("sha256") != digest or el.get("converter") != CONVERTER:
                    return None
            elif name == "document":
                if event == "start":
                    if depth == 0:
                        forms.append(el.get("form") or "")
                    depth += 1
                else:
                    depth -= 1
            if event == "end":
                el.clear(keep_tail=True)
    except (OSError, etree.XMLSyntaxError):
        return None          # missing or damaged output: convert again
    return tuple(forms) if forms else None


def run(tasks: list[Task], options: Options, jobs: int) -> Iterator[Record]:
    """Records for `tasks`, in task order, from `jobs` worker processes (in process for one)."""
    work = functools.partial(process_record, options=options)
    if jobs <= 1 or len(tasks) <= 1:
        return (work(task) for task in tasks)
    return pool.ordered_map(work, tasks, jobs, crashed)


def crashed(task: Task, reason: str) -> Record:
    """The record of a task whose worker process died under it (a crash in a C library, the OOM killer)."""
    writer.remove_temporaries([task.output] if task.output is not None else [])
    return Record(task.shown, str(task.output) if task.output else None, "failed",
                  error=f"the worker converting it died ({reason}); please report it")


def outputs(tasks: list[Task]) -> list[Path]:
    return [task.output for task in tasks if task.output is not None]
