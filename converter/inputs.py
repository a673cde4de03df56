"""Which files a command line names, and where each one's XML goes.

A file argument is an input as it stands (whatever its name). A directory
argument is walked recursively for names that match the globs (*.txt, *.md,
*.html and *.htm unless --glob says otherwise, case-insensitive), in sorted
order, and its tree is mirrored under the output directory: DIR/a/b.txt →
OUT/a/b.xml.
A folder's files come before its subfolders, each in name order.
Hidden files and directories (a leading dot) are passed over, and so is the
output directory when it lies inside an input directory. Symbolic links to
files are followed; links to directories are not (they could loop).
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from converter.writer import output_name

DEFAULT_GLOBS = ("*.txt", "*.md", "*.html", "*.htm")


@dataclass(frozen=True)
class Task:
    """One input: where it is, how to name it to the user, where its XML goes."""

    source: Path
    shown: str                 # the path as the user named it, or as found under a named directory
    output: Path | None        # None: the XML goes to stdout
    error: str | None = None   # a failure known before reading (an empty directory, a clash)


def plan(arguments: tuple[Path, ...] | list[Path], out_dir: Path | None,
         globs: tuple[str, ...] = DEFAULT_GLOBS) -> list[Task]:
    """The tasks for these arguments, in command-line order; a directory's files in walk order."""
    tasks: list[Task] = []
    for arg in arguments:
        if out_dir is None or not arg.is_dir():
            tasks.append(Task(arg, str(arg), out_dir / output_name(arg) if out_dir is not None else None))
            continue
        for path, error in walk_or_complain(arg, globs, out_dir):
            if error:
                tasks.append(Task(path, str(path), None, error))
            else:
                relative = path.relative_to(arg)
                tasks.append(Task(path, str(path), out_dir / relative.parent / output_name(relative)))
    return without_clashes(tasks)


def find(arguments: tuple[Path, ...] | list[Path], globs: tuple[str, ...]) -> list[tuple[Path, str | None]]:
    """(path, None) for each file named or found in a named directory; (path, why) for a directory that fails."""
    found: list[tuple[Path, str | None]] = []
    for arg in arguments:
        found.extend(walk_or_complain(arg, globs) if arg.is_dir() else [(arg, None)])
    return found


def walk_or_complain(top: Path, globs: tuple[str, ...], skip: Path | None = None) -> list[tuple[Path, str | None]]:
    """walk(), or the directory itself with an error when nothing in it matches."""
    found = list(walk(top, globs, skip))
    return found or [(top, f"no input files matching {', '.join(globs)}")]


def walk(top: Path, globs: tuple[str, ...], skip: Path | None = None) -> Iterator[tuple[Path, str | None]]:
    """Matching files under `top`: a folder's files first, then its subfolders, each in name order.

    An unreadable folder comes as (folder, why). `skip` (the output folder) is not entered.
    """
    skipped = skip.resolve() if skip is not None else None
    stack: list[Path] = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield folder, f"cannot be read ({exc.strerror or exc})"
            continue
        subfolders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            if entry.is_dir(follow_symlinks=False):
                if path.resolve() != skipped:
                    subfolders.append(path)
            elif matches(entry.name, globs):
                yield path, None
        # depth first: the first subfolder goes on top of the stack
        stack.extend(reversed(subfolders))


def matches(name: str, globs: tuple[str, ...]) -> bool:
    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, pattern.lower()) for pattern in globs)


def without_clashes(tasks: list[Task]) -> list[Task]:
    """The same file named twice is converted once; two inputs for one output is an error for the second."""
    owners: dict[Path, Task] = {}
    kept: list[Task] = []
    for task in tasks:
        if task.output is None or task.error:
            kept.append(task)
            continue
        key = Path(os.path.normpath(os.path.abspath(task.output)))
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
