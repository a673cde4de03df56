"""Serialise the tree and write it so that a reader never sees half a file.

An output is written to a temporary file beside it, in the same folder so
that the rename is atomic, flushed to the disk (fsync) and renamed into
place; on POSIX the folder is synced too, so that the rename itself
survives a crash. An interruption at any point leaves either the old file or
the new one.

A batch commits its outputs in groups instead (`write_temporary`, then
`commit`), as git's batch fsync mode does: the temporaries of a group are
made durable by one barrier (syncfs, one per file system, where Linux has
it), then renamed, then each folder is synced once. The guarantee is the
same (a name only ever points at a complete, synced file); the cost is two
disk flushes a group instead of two a file, which on a busy disk is 1–4 ms
an output, more than converting a small one.

A temporary file is named `.NAME.xml.WRITER.XXXXXXXX.tmp`: hidden, and
WRITER says who writes it (a tag of this machine and pid namespace, and
the writing process's id). Only a temporary whose writer is provably gone
(same machine, that process no longer exists) is ever removed by another
process: a concurrent run into the same folder keeps its own.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import sys
from pathlib import Path
from typing import Callable, Iterable, Sequence

from lxml import etree
from converter.patterns import pattern

TEMP_SUFFIX = ".tmp"
# A temporary file of ours: .a.md.xml.1f2e3d4c-4711.k2j3h4g5.tmp (output name, machine tag, pid, random part).
TEMP_NAME = pattern(r"^\.(?P<output>.+)\.(?P<machine>[0-9a-f]{8})-(?P<pid>[0-9]+)\.[^.]+\.tmp$", ".a.xml.0a1b2c3d-4242.k3j2.tmp")


def serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_atomic(path: Path, data: bytes | etree._Element) -> None:
    """Write to a temporary file beside `path`, sync it, then rename it into place.

    `data` is bytes, or an archive tree serialised straight into the file.
    """
    tmp = write_temporary(path, data, os.getpid(), sync=True)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    sync_folder(path.parent)


def write_temporary(path: Path, data: bytes | etree._Element, owner: int, sync: bool = False) -> Path:
    """The whole of `data` in a new temporary beside `path`, named for the `owner` process.

    Not renamed; synced only with `sync` (`commit` syncs a group at once). A
    temporary written in part is deleted as an error or a signal unwinds.
    """
    import tempfile     # here, not at the top: only a process that writes a file needs it (start-up time is measured)

    tmp = None
    try:
        try:
            fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path, owner), suffix=TEMP_SUFFIX, dir=path.parent)
        except OSError:
            # the folder is most often there already (a batch writes many outputs into each): made only when
            # the first try fails, then tried again as before, so that a failure is the one it always was
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path, owner), suffix=TEMP_SUFFIX, dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            if hasattr(os, "fchmod"):
                # mkstemp makes the file private (0600); an output gets the usual mode
                os.fchmod(out.fileno(), 0o666 & ~umask())
            if isinstance(data, bytes):
                out.write(data)
            else:
                etree.ElementTree(data).write(out, xml_declaration=True, encoding="UTF-8", pretty_print=True)
            if sync:
                out.flush()
                os.fsync(out.fileno())          # else a crash after the rename may leave an empty file
        return Path(tmp)
    except BaseException:
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise


def commit(pending: Sequence[tuple[Path, Path]]) -> list[str | None]:
    """Rename each (temporary, output) into place, durably; for each, None or why it failed.

    The data of every temporary reaches the disk before any of them is
    renamed (else a crash could leave a name on an empty file), and each
    folder is synced once after its renames. A temporary that cannot be
    synced or renamed is deleted: the old output stays.
    """
    unsynced = sync_files([tmp for tmp, _ in pending])
    problems: list[str | None] = []
    for tmp, path in pending:
        try:
            if tmp in unsynced:
                raise unsynced[tmp]
            os.replace(tmp, path)
            problems.append(None)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            problems.append(exc.strerror or str(exc))
    for folder in dict.fromkeys(path.parent for _, path in pending):
        sync_folder(folder)
    return problems


def sync_files(paths: Sequence[Path]) -> dict[Path, OSError]:
    """Flush these files' data to the disk: one syncfs per file system where there is one, else an fsync each.

    Returns the files whose fsync failed (a disk error), with the error: they must not be renamed into place.
    """
    # one file's fsync is barrier enough, and less than a syncfs: its data alone must reach the disk (and ctypes,
    # which syncfs needs, is not imported for a one-file batch: 5 ms of its start)
    syncfs = libc_syncfs() if len(paths) > 1 else None
    devices: dict[int, list[Path]] = {}
    for path in paths:
        with contextlib.suppress(OSError):          # a file gone already fails at its rename
            devices.setdefault(os.stat(path).st_dev, []).append(path)
    failed: dict[Path, OSError] = {}
    for group in devices.values():
        if syncfs is not None and syncfs_ok(syncfs, group[0].parent):
            continue
        for path in group:
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue                            # gone already: it fails at its rename
            try:
                os.fsync(fd)
            except OSError as exc:
                failed[path] = exc
            finally:
                os.close(fd)
    return failed


def syncfs_ok(syncfs: Callable[[int], int], folder: Path) -> bool:
    """syncfs(2) on the file system of `folder`: True when it flushed it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return False
    try:
        return syncfs(fd) == 0
    finally:
        os.close(fd)


@functools.cache
def libc_syncfs() -> Callable[[int], int] | None:
    """Linux's syncfs(2), which os does not wrap; None elsewhere (an fsync per file then)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes       # here: only a batch that commits needs it
    try:
        func: Callable[[int], int] = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    return func


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; elsewhere the rename is as durable as it gets)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError:
        pass                    # some file systems cannot sync a folder; the file itself is synced
    finally:
        os.close(fd)


def temp_prefix(path: Path, owner: int | None = None) -> str:
    """The start of a temporary's name: the output, this machine, the process that owns it (default: this one)."""
    return f".{path.name}.{machine_tag()}-{os.getpid() if owner is None else owner}."


@functools.cache
def machine_tag() -> str:
    """Eight hex digits naming this host and pid namespace: a pid means something only there."""
    try:
        namespace = os.readlink("/proc/self/ns/pid")
    except OSError:
        namespace = ""
    return hashlib.sha256(f"{host_name()}\0{namespace}".encode("utf-8", "surrogateescape")).hexdigest()[:8]


def host_name() -> str:
    """socket.gethostname(), without importing socket on Linux (a few ms of every run that writes).

    On Linux gethostname(2) is uname(2)'s nodename (glibc and musl read it there), and both
    are decoded with the file system encoding: os.uname() gives the same string.
    """
    if sys.platform.startswith("linux"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def is_stale(name: str) -> bool:
    """Whether `name` is one of our temporaries whose writer is provably gone."""
    m = TEMP_NAME.match(name)
    if m is None or m.group("machine") != machine_tag() or os.name != "posix":
        return False            # (os.kill on Windows would end a process, not probe it)
    pid = int(m.group("pid"))
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (OSError, OverflowError):
        return False            # alive (another user's), or not a pid we can ask about
    return is_zombie(pid)


def is_zombie(pid: int) -> bool:
    """A process that has ended but is not yet reaped (an orphan waits for init to do it), where /proc tells."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] == b"Z"
    except (OSError, IndexError):
        return False


def remove_own_temporaries(path: Path, owner: int | None = None) -> None:
    """Delete the temporaries of `path` named for `owner` (default: this process): for a process
    unwinding from a signal, or a run whose worker died writing one.

    write_atomic removes its temporary as it unwinds, except when the signal
    lands inside mkstemp, after the file exists but before its name is known.
    """
    try:
        leftovers = list(path.parent.glob(f"{glob_escape(temp_prefix(path, owner))}*{TEMP_SUFFIX}"))
    except OSError:
        return
    for tmp in leftovers:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def glob_escape(text: str) -> str:
    """`text` with glob metacharacters made literal: a file may be named a[1].txt."""
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in text)


def remove_temporaries(outputs: Iterable[Path], only_these: bool = False, owner: int | None = None) -> int:
    """Delete stale temporaries in the folders of these outputs, each folder listed once; return how many.

    Stale: left by a process of this machine that no longer exists (a worker
    killed mid-write, a run killed with its workers), or named for `owner`
    (a run at its end, when it has nothing left to commit). With
    `only_these`, only the temporaries of the named outputs are candidates.
    """
    folders: dict[Path, set[str]] = {}
    for output in outputs:
        folders.setdefault(output.parent, set()).add(output.name)
    removed = 0
    for folder, names in folders.items():
        try:
            with os.scandir(folder) as listing:
                candidates = [entry.name for entry in listing if entry.name.endswith(TEMP_SUFFIX)]
        except OSError:
            continue
        for name in candidates:
            m = TEMP_NAME.match(name)
            if m is None or (only_these and m.group("output") not in names):
                continue
            if not (owner is not None and m.group("machine") == machine_tag() and int(m.group("pid")) == owner) \
                    and not is_stale(name):
                continue
            try:
                os.unlink(folder / name)
                removed += 1
            except FileNotFoundError:
                pass
    return removed


def write_stdout(data: bytes | str) -> str | None:
    """Write to stdout and flush; None, or why it failed (a full disk, a closed pipe) in a few words.

    After a failure stdout is pointed at the null device, so that the
    interpreter's last flush at exit cannot fail again with a traceback.
    """
    try:
        sys.stdout.buffer.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        sys.stdout.buffer.flush()
        return None
    except OSError as exc:
        try:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, sys.stdout.fileno())
            os.close(null)
        except (OSError, ValueError, AttributeError):
            pass                # not a real file descriptor (a test's captured stream)
        return exc.strerror or str(exc)


@functools.cache
def umask() -> int:
    """The process umask (read once: os.umask can only read it by setting it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def output_name(input_path: Path) -> str:
    """report.txt → report.xml; report.md.txt → report.md.xml (last suffix replaced)."""
    return (input_path.stem if input_path.suffix else input_path.name) + ".xml"
