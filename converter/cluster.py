"""Convert on a Dask cluster (the optional extra gongwen[dask]): `gongwen convert --dask`.

The client plans the tasks and writes messages, summary and report exactly
as a local batch does; dask.distributed only carries the tasks to workers
(a scheduler address, or a LocalCluster of --jobs worker processes) and the
records back, in input order.

Local paths and file:// URLs (a folder every worker sees, as on a shared
file system) are planned by inputs.plan, and a worker runs batch.process on
each task: the same outputs byte for byte, the same records, the same
incremental skip. Any other fsspec URL (s3://, gs://, memory:// …) is
listed through fsspec, and a worker stages each input in a temporary folder
of its own: it fetches the input (and the existing output, for the skip
check), runs the same batch.process, and uploads the output in one put, so
that an object store shows an output only when it is complete. Workers
need gongwen (this version) installed, and the credentials fsspec reads for
those URLs.
"""

from __future__ import annotations

import contextlib
import logging
import os
import posixpath
import tempfile
import warnings
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any, Generator, Iterator, Sequence, Union

import click

from converter import batch, inputs
from converter.batch import Options, Record
from converter.inputs import Task
from converter.writer import output_name

# A Dask task converts this many inputs at most: fewer round trips through the
# scheduler for large lists, while every worker still gets several tasks.
CHUNK_MAX = 64
TASKS_PER_THREAD = 4
# How long to wait for a scheduler given by address.
CONNECT_SECONDS = 30
INSTALL_HINT = "--dask needs the optional extra: pip install 'gongwen[dask]'"


@dataclass(frozen=True)
class RemoteTask:
    """An input at an fsspec URL, and the URL its XML goes to."""

    source: str
    shown: str
    output: str | None
    error: str | None = None


AnyTask = Union[Task, RemoteTask]


class ClusterError(click.ClickException):
    """The cluster cannot be had (no scheduler at the address): one line, exit 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"gongwen: {self.message}", err=True)


def require_dask() -> None:
    try:
        import distributed  # noqa: F401
        import fsspec  # noqa: F401
    except ImportError:
        raise click.UsageError(INSTALL_HINT) from None


def is_local(url: str) -> bool:
    return "://" not in url or url.startswith("file://")


def local_path(url: str) -> str:
    return url[len("file://"):] if url.startswith("file://") else url


def plan(arguments: Sequence[str], out: str | None, globs: tuple[str, ...], excludes: tuple[str, ...],
         listed: Sequence[str] = ()) -> list[AnyTask]:
    """The tasks, planned as a local batch plans them when every path is local, else through fsspec."""
    require_dask()
    urls = [*arguments, *listed, *([out] if out is not None else [])]
    if all(is_local(url) for url in urls):
        return list(inputs.plan([local_path(a) for a in arguments], local_path(out) if out is not None else None,
                                globs, excludes, [local_path(p) for p in listed]))
    return remote_plan(arguments, out, globs, excludes, listed)


def remote_plan(arguments: Sequence[str], out: str | None, globs: tuple[str, ...], excludes: tuple[str, ...],
                listed: Sequence[str] = ()) -> list[AnyTask]:
    """Tasks for URLs, as inputs.plan makes them for paths: a folder walked (files first, then
    subfolders, in name order) and mirrored under `out`; a named file as its name under `out`; a
    listed file as its listed path (without the protocol) under `out`."""
    from fsspec.core import url_to_fs

    out_url = out.rstrip("/") if out is not None else None
    tasks: list[AnyTask] = []
    for url, is_listed in [*((a, False) for a in arguments), *((p, True) for p in listed)]:
        fs, path = url_to_fs(url)
        if out_url is None or not fs.isdir(path):
            relative = PurePosixPath(path.lstrip("/")) if is_listed else PurePosixPath(posixpath.basename(path))
            tasks.append(RemoteTask(url, url, under(out_url, relative) if out_url else None))
            continue
        found = remote_walk(fs, path, globs, excludes, skip=out_url)
        if not found:
            tasks.append(RemoteTask(url, url, None, f"no input files matching {', '.join(globs)}"))
        for parts in found:
            source = fs.unstrip_protocol(posixpath.join(path.rstrip("/"), *parts))
            tasks.append(RemoteTask(source, source, under(out_url, PurePosixPath(*parts))))
    return without_clashes(tasks)


def under(out_url: str, relative: PurePosixPath) -> str:
    """The URL of the XML for an input at `relative` below the folder walked: last suffix → .xml."""
    return "/".join([out_url, *relative.parent.parts, output_name(Path(relative.name))])


def remote_walk(fs: Any, root: str, globs: tuple[str, ...], excludes: tuple[str, ...],
                skip: str | None) -> list[tuple[str, ...]]:
    """The selected files below `root` as relative parts, in the order inputs.walk gives local ones."""
    from fsspec.core import url_to_fs

    root = root.rstrip("/")
    skipped = None
    if skip is not None:
        skip_fs, skip_path = url_to_fs(skip)
        skipped = skip_path.rstrip("/") if skip_fs.protocol == fs.protocol else None
    found = []
    for path in fs.find(root, withdirs=False, detail=False):
        if skipped is not None and (path == skipped or path.startswith(skipped + "/")):
            continue
        parts = tuple(path[len(root) + 1:].split("/"))
        if any(part.startswith(".") for part in parts) or not inputs.selected(parts, globs, excludes):
            continue
        found.append(parts)
    return sorted(found, key=walk_order)


def walk_order(parts: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    """A folder's files before its subfolders, each in name order, as inputs.walk lists them."""
    return tuple((0 if k == len(parts) - 1 else 1, part) for k, part in enumerate(parts))


def without_clashes(tasks: list[AnyTask]) -> list[AnyTask]:
    """Two inputs for one output URL: an error for the second; the same URL twice is converted once."""
    owners: dict[str, AnyTask] = {}
    kept: list[AnyTask] = []
    for task in tasks:
        if task.output is None or task.error:
            kept.append(task)
            continue
        first = owners.setdefault(str(task.output), task)
        if first is task:
            kept.append(task)
        elif first.source != task.source:
            kept.append(replace(task, output=None,
                                error=f"its output {task.output} is also the output of {first.shown}; rename one"))
    return kept


def run(tasks: list[AnyTask], options: Options, jobs: int, address: str = "local") -> Generator[Record, None, None]:
    """Records for `tasks`, in task order, converted on the cluster at `address` ("local": a LocalCluster)."""
    require_dask()
    with connect(address, jobs) as client:
        threads = sum(client.nthreads().values()) or 1
        size = max(1, min(CHUNK_MAX, len(tasks) // (threads * TASKS_PER_THREAD)))
        chunks = [tasks[k:k + size] for k in range(0, len(tasks), size)]
        futures = client.map(convert_chunk, [[for_worker(task) for task in chunk] for chunk in chunks],
                             options=options, pure=False)
        for chunk, future in zip(chunks, futures):
            try:
                records = future.result()
            except Exception as exc:       # the worker died under it (KilledWorker) or the cluster went away
                records = [lost(task, f"{type(exc).__name__}: {batch.one_line(str(exc))}") for task in chunk]
            for task, record in zip(chunk, records):
                yield replace(record, output=str(task.output)) if record.output is not None else record


@contextlib.contextmanager
def connect(address: str, jobs: int) -> Iterator[Any]:
    """A client of the scheduler at `address`, or of a LocalCluster of `jobs` single-threaded processes."""
    from distributed import Client, LocalCluster

    for name in ("distributed", "tornado"):       # their INFO lines are not gongwen's messages
        logging.getLogger(name).setLevel(logging.ERROR)
    if address == "local":
        with warnings.catch_warnings():
            # without a dashboard the scheduler still serves its health page, on another port when 8787 is taken
            warnings.filterwarnings("ignore", message="Port .* is already in use")
            local = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1",
                silence_logs=logging.ERROR)
        with local, Client(local) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    try:
        client = Client(address, timeout=CONNECT_SECONDS)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({batch.one_line(str(exc))})") from None
    with client:
        yield client


def for_worker(task: AnyTask) -> AnyTask:
    """A local task with absolute paths: a worker's current folder is not the client's."""
    if isinstance(task, RemoteTask):
        return task
    return Task(Path(os.path.abspath(task.source)), task.shown,
                Path(os.path.abspath(task.output)) if task.output is not None else None, task.error)


def lost(task: AnyTask, reason: str) -> Record:
    if isinstance(task, Task):
        return batch.crashed(task, reason)
    return Record(task.shown, None, "failed", error=f"the worker converting it died ({reason}); please report it")


def convert_chunk(tasks: list[AnyTask], options: Options) -> list[Record]:
    """What a worker does with one Dask task: each input converted in turn, a record for each."""
    return [batch.process_record(task, options) if isinstance(task, Task) else staged(task, options)
            for task in tasks]


def staged(task: RemoteTask, options: Options) -> Record:
    """batch.process on a copy of a remote input in a temporary folder; the output uploaded after."""
    if task.error or task.output is None:
        return Record(task.shown, None, "failed", error=task.error or "no output URL")
    from fsspec.core import url_to_fs

    with tempfile.TemporaryDirectory(prefix="gongwen-") as tmp:
        fs, path = url_to_fs(task.source)
        local_in = Path(tmp, "in", posixpath.basename(path.rstrip("/")) or "input")
        local_out = Path(tmp, "out", output_name(local_in))
        local_in.parent.mkdir()
        local_out.parent.mkdir()
        problem = fetch(fs, path, local_in)
        if problem:
            return Record(task.shown, None, "failed", error=problem)
        out_fs, out_path = url_to_fs(task.output)
        if not options.force:
            fetch(out_fs, out_path, local_out)      # missing or unreadable: converted again
        record = batch.process(Task(local_in, task.shown, local_out), options)[0]
        record = replace(record, error=record.error.replace(str(local_out), task.output)
                         if record.error else None)
        if record.status == "converted":
            try:
                out_fs.makedirs(posixpath.dirname(out_path), exist_ok=True)
                out_fs.put_file(str(local_out), out_path)
            except OSError as exc:
                return replace(record, output=None, status="failed",
                               error=f"cannot write output {task.output}: {exc.strerror or exc}")
        return replace(record, output=task.output)


def fetch(fs: Any, path: str, local: Path) -> str | None:
    """Copy one remote file to `local`; why not, in the reader's words, when it cannot be."""
    try:
        if fs.isdir(path):
            return "is a directory, not a text document"
        fs.get_file(path, str(local))
    except FileNotFoundError:
        return "no such file"
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    return None
