"""Which files a command line names, and where each one's XML goes.

A file argument is an input as it stands (whatever its name). A directory
argument is walked recursively for files that the globs select (*.txt, *.md,
*.html and *.htm by default) and no
exclude pattern passes over, in sorted order, and its tree is mirrored
under the output directory: DIR/a/b.txt → OUT/a/b.xml. A folder's files
come before its subfolders, each in name order. Hidden files and
directories (a leading dot) are passed over, and so is the output directory
when it lies inside an input directory. Symbolic links to files are
followed; links to directories are not (they could loop).

Patterns are case-insensitive. One without a slash matches a file's name
(at any depth); one with a slash matches its path below the walked
directory, `*` within one folder name and `**/` across any number of
folders (2023/*.txt, **/drafts/*.md). An exclude pattern passes over a
folder too: `drafts` or `2023/drafts` leaves out everything below it.

A list of inputs (--files-from) names one path a line, or NUL-separated as
`find -print0` writes it; each listed file's XML mirrors the listed path
under the output directory (`scans/2023/a.txt` → OUT/scans/2023/a.xml, a
leading / dropped), so that listed files never clash by name alone.

A shard (--shard K/N) keeps the inputs whose output path, relative to the
output directory, hashes (sha256) to K-1 modulo N: independent of the order
and of the other inputs, so every machine can list its inputs its own way.
"""

from __future__ import annotations

import fnmatch
import functools
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, Protocol, Sequence, TypeVar

from converter.writer import output_name

DEFAULT_GLOBS = ("*.txt", "*.md", "*.html", "*.htm")
# A folder's own documentation is not a 公文: passed over unless --glob names the inputs.
DEFAULT_EXCLUDES = ("readme.*", "changelog.*", "license.*", "licence.*", "copying.*", "contributing.*")


class Planned(Protocol):
    """A task of any kind (a local one, or distributed.RemoteTask): what sharding needs of it."""

    @property
    def output(self) -> Path | str | None: ...

    @property
    def shown(self) -> str: ...


T = TypeVar("T", bound=Planned)


@dataclass(frozen=True, eq=False, repr=False)
class Task:
    """One input: where it is, how to name it to the user, where its XML goes."""

    source: Path
    shown: str                 # the path as the user named it, or as found under a named directory
    output: Path | None        # None: the XML goes to stdout
    error: str | None = None   # a failure known before reading (an empty directory, a clash)


def plan(arguments: Sequence[Path | str], out_dir: Path | str | None, globs: tuple[str, ...] = DEFAULT_GLOBS,
         excludes: tuple[str, ...] = DEFAULT_EXCLUDES, listed: Sequence[Path | str] = ()) -> list[Task]:
    """The tasks for these arguments, then for the `listed` paths (--files-from), in order.

    A directory's files come in walk order; a listed file's output mirrors its listed path.
    """
    out = Path(out_dir) if out_dir is not None else None
    tasks: list[Task] = []
    for arg in map(Path, arguments):
        tasks.extend(tasks_for(arg, out, globs, excludes, out / output_name(arg) if out else None))
    for path in map(Path, listed):
        tasks.extend(tasks_for(path, out, globs, excludes, mirrored(path, out)))
    return without_clashes(tasks)


def tasks_for(arg: Path, out_dir: Path | None, globs: tuple[str, ...], excludes: tuple[str, ...],
              output: Path | None) -> list[Task]:
    """One named input as a task with this output; a directory (with an output folder) as its files."""
    if out_dir is None or not arg.is_dir():
        return [Task(arg, str(arg), output)]
    tasks = []
    found = False
    folders: dict[tuple[str, ...], Path] = {(): out_dir}     # (an output folder made once, not once a file)
    for path, relative, error in walk_parts(arg, globs, out_dir, excludes):
        found = True
        if error:
            tasks.append(Task(path, str(path), None, error))
            continue
        parts = relative[:-1]
        folder = folders.get(parts)
        if folder is None:
            folder = folders[parts] = out_dir.joinpath(*parts)
        tasks.append(Task(path, str(path), folder / output_name(path)))
    if not found:
        tasks.append(Task(arg, str(arg), None, nothing_selected(globs)))
    return tasks


def mirrored(path: Path, out_dir: Path | None) -> Path | None:
    """Where a listed file's XML goes: its path, made relative (a leading / dropped), under out_dir."""
    if out_dir is None:
        return None
    relative = Path(os.path.normpath(path))
    if relative.anchor:
        relative = relative.relative_to(relative.anchor)
    return out_dir / relative.parent / output_name(relative)


def find(arguments: Sequence[Path], globs: tuple[str, ...],
         excludes: tuple[str, ...] = ()) -> list[tuple[Path, str | None]]:
    """(path, None) for each file named or found in a named directory; (path, why) for a directory that fails."""
    found: list[tuple[Path, str | None]] = []
    for arg in arguments:
        found.extend(walk_or_complain(arg, globs, None, excludes) if arg.is_dir() else [(arg, None)])
    return found


def walk_or_complain(top: Path, globs: tuple[str, ...], skip: Path | None = None,
                     excludes: tuple[str, ...] = ()) -> list[tuple[Path, str | None]]:
    """walk(), or the directory itself with an error when nothing in it is selected."""
    found = list(walk(top, globs, skip, excludes))
    return found or [(top, nothing_selected(globs))]


def nothing_selected(globs: tuple[str, ...]) -> str:
    return f"no input files matching {', '.join(globs)}"


def walk(top: Path, globs: tuple[str, ...], skip: Path | None = None,
         excludes: tuple[str, ...] = ()) -> Iterator[tuple[Path, str | None]]:
    """Selected files under `top`: a folder's files first, then its subfolders, each in name order.

    An unreadable folder comes as (folder, why). `skip` (the output folder)
    and excluded folders are not entered.
    """
    for path, _, error in walk_parts(top, globs, skip, excludes):
        yield path, error


def walk_parts(top: Path, globs: tuple[str, ...], skip: Path | None = None,
               excludes: tuple[str, ...] = ()) -> Iterator[tuple[Path, tuple[str, ...], str | None]]:
    """walk(), each file with its path below `top` as parts (an unreadable folder with those of the folder)."""
    skipped = skip.resolve() if skip is not None else None
    stack: list[tuple[Path, tuple[str, ...]]] = [(top, ())]
    while stack:
        folder, parts = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield folder, parts, f"cannot be read ({exc.strerror or exc})"
            continue
        subfolders: list[tuple[Path, tuple[str, ...]]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            relative = (*parts, entry.name)
            if entry.is_dir(follow_symlinks=False):
                path = folder / entry.name
                if path.resolve() != skipped and not excluded(relative, excludes):
                    subfolders.append((path, relative))
            elif selected(relative, globs, excludes):       # (a Path made only for a file that is selected)
                yield folder / entry.name, relative, None
        # depth first: the first subfolder goes on top of the stack
        stack.extend(reversed(subfolders))


def selected(relative: Sequence[str], globs: tuple[str, ...], excludes: tuple[str, ...] = ()) -> bool:
    """Whether a file at this path below the walked directory is an input."""
    names = [part.lower() for part in relative]
    return chosen(names, globs) and not excluded_names(names, excludes)


def matches(relative: Sequence[str], pattern: str) -> bool:
    """A name pattern against the file's name; a path pattern against its whole relative path."""
    return chosen([part.lower() for part in relative], (pattern,))


def chosen(names: list[str], globs: tuple[str, ...]) -> bool:
    """Whether some glob matches these lower-cased names: a name pattern the last, a path pattern all of them."""
    by_name, by_path = split_patterns(globs)
    return bool(by_name and by_name(names[-1])) or any(parts_match(parts, names) for parts in by_path)


def excluded(relative: Sequence[str], excludes: tuple[str, ...]) -> bool:
    """Whether the path, or a folder it lies in, matches an exclude pattern."""
    return excluded_names([part.lower() for part in relative], excludes)


def excluded_names(names: list[str], excludes: tuple[str, ...]) -> bool:
    """excluded() of lower-cased names."""
    if not excludes:
        return False
    by_name, by_path = split_patterns(excludes)
    if by_name and any(by_name(name) for name in names):
        return True
    return any(parts_match(parts, names[:k]) for parts in by_path for k in range(1, len(names) + 1))


# What fnmatch.fnmatchcase(name, p) is for any of the name patterns p: one match of their translations
# joined (each translation ends in \Z, so a match of one alternative is the match of that pattern).
NameTest = Callable[[str], object]


# (cached: a walk asks it of each file, and a run has one or two sets of patterns)
@functools.lru_cache(maxsize=64)
def split_patterns(patterns: tuple[str, ...]) -> tuple[NameTest | None, tuple[tuple[str, ...], ...]]:
    """The name patterns (one part) as one test of a name, and the path patterns' parts, lower-cased."""
    parts = [pattern_of(pattern) for pattern in patterns]
    names = [p[0] for p in parts if len(p) == 1]
    by_name = re.compile("|".join(fnmatch.translate(name) for name in names)).match if names else None
    return by_name, tuple(p for p in parts if len(p) > 1)


# (cached: a walk asks it of each pattern, and a run has a handful of patterns)
@functools.lru_cache(maxsize=256)
def pattern_of(pattern: str) -> tuple[str, ...]:
    """A pattern's folder-by-folder parts, lower-cased; a leading ./ or / and a trailing / do not count."""
    text = pattern.lower().replace("\\", "/").strip("/")
    parts = tuple(part for part in text.split("/") if part not in ("", "."))
    return parts or ("*",)


def parts_match(pattern: Sequence[str], names: Sequence[str]) -> bool:
    """fnmatch folder by folder; a `**` part stands for any number of folders, none included."""
    if not pattern:
        return not names
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(parts_match(rest, names[k:]) for k in range(len(names) + 1))
    return bool(names) and fnmatch.fnmatchcase(names[0], head) and parts_match(rest, names[1:])


def read_list(stream: BinaryIO) -> list[str]:
    """The paths (or URLs) of a --files-from list: one a line (CR LF too), or NUL-separated; blanks skipped."""
    data = stream.read()
    if b"\0" in data:
        entries = data.split(b"\0")
    else:
        entries = [line.rstrip(b"\r") for line in data.split(b"\n")]
    return [os.fsdecode(entry) for entry in entries if entry.strip()]


def listed_problem(paths: Sequence[str]) -> str | None:
    """Why a --files-from list cannot be used as it stands: a path that climbs out with `..`."""
    for path in map(Path, paths):
        if not path.anchor and os.path.normpath(path).split(os.sep)[0] == os.pardir:
            return f"{path}: a listed path must not lead above the current folder (its XML is mirrored under -o)"
    return None


def parse_shard(text: str) -> tuple[int, int]:
    """`K/N` → (K, N), with 1 ≤ K ≤ N; ValueError otherwise."""
    k, slash, n = text.partition("/")
    if not slash or not k.strip().isdigit() or not n.strip().isdigit():
        raise ValueError(f"{text!r} is not K/N (e.g. 1/4)")
    shard, count = int(k), int(n)
    if not 1 <= shard <= count:
        raise ValueError(f"{text!r}: K must be between 1 and N")
    return shard, count


def shard(tasks: Sequence[T], k: int, n: int, out_dir: Path | str | None) -> list[T]:
    """The tasks of shard k of n (1-based), chosen by a hash of each output path below out_dir."""
    return [task for task in tasks if shard_of(shard_key(task.output, out_dir, task.shown), n) == k]


def shard_key(output: Path | str | None, out_dir: Path | str | None, shown: str) -> str:
    """What a task is known by across machines: its output path below out_dir, else the input as shown."""
    if output is not None and out_dir is not None:
        top, path = str(out_dir).replace(os.sep, "/").rstrip("/"), str(output).replace(os.sep, "/")
        if path.startswith(top + "/"):
            return path[len(top) + 1:]
    return shown.replace(os.sep, "/")


def shard_of(key: str, n: int) -> int:
    """The 1-based shard of n that a key belongs to: its sha256 as a number, modulo n."""
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % n + 1


def output_folder_problem(out_dir: Path) -> str | None:
    """Why nothing could be written into out_dir (made if missing), or None: checked once, up front."""
    import tempfile     # here, not at the top: only a batch into a folder probes it (start-up time is measured)

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".gongwen-probe.", dir=out_dir)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return f"cannot write to the output folder ({exc.strerror or exc})"
    return None


def without_clashes(tasks: list[Task]) -> list[Task]:
    """The same file named twice is converted once; two inputs for one output is an error for the second."""
    owners: dict[str, Task] = {}
    kept: list[Task] = []
    here = os.getcwd()
    for task in tasks:
        if task.output is None or task.error:
            kept.append(task)
            continue
        key = os.path.normpath(os.path.join(here, task.output))     # (os.path.abspath, the folder read once)
        first = owners.get(key)
        if first is None:
            owners[key] = task
            kept.append(task)
        elif same_file(first.source, task.source):
            continue
        else:
            kept.append(Task(task.source, task.shown, None,
                             f"its output {task.output} is also the output of {first.shown}; rename one"))
    return kept


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)
