"""`gongwen render`: archive XML files (or directories of *.xml) → another format.

Each input is read safely (no DOCTYPE, no entities, no network), checked
against the archive schema, rendered and written atomically; a bad input
costs one line on stderr and exit status 1, the others are still written.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from converter import api, inputs, publish, stdio, writer

ARCHIVE_GLOBS = ("*.xml",)


def plan(files: tuple[Path, ...], out_dir: Path | None, to: str) -> list[inputs.Task]:
    """The inputs' tasks, each output named for the format: OUT/a.xml → OUT/a.html (a tree mirrored)."""
    return retarget(inputs.plan(files, out_dir, ARCHIVE_GLOBS), to)


def retarget(tasks: list[inputs.Task], to: str) -> list[inputs.Task]:
    """Tasks planned for archive outputs (NAME.xml), with the suffix of format `to` instead."""
    return [replace(task, output=publish.retarget(task.output, to)) if task.output is not None else task
            for task in tasks]


def render_files(files: tuple[Path, ...], to: str, out_dir: Path | None, name: str | None = None) -> int:
    """Render every input; the exit status (0, or 1 when any input failed)."""
    if any(stdio.is_stdin(f) for f in files):
        tasks = [stdio.task(name, out_dir, to)]
    else:
        tasks = plan(files, out_dir, to)
    failed = 0
    for task in tasks:
        error = task.error or render_one(task, to)
        if error:
            failed += 1
            click.echo(f"gongwen: {task.shown}: {error}", err=True)
    return 1 if failed else 0


def render_one(task: inputs.Task, to: str) -> str | None:
    """Render one task; None, or why it failed (one line)."""
    try:
        source = stdio.read() if stdio.is_stdin(task.source) else task.source
        if not stdio.is_stdin(task.source) and not task.source.is_file():
            return "no such file" if not task.source.exists() else "not a regular file"
        data = api.render(source, to)
    except api.ArchiveError as exc:
        return str(exc)
    if task.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return None
    try:
        writer.write_atomic(task.output, data)
    except OSError as exc:
        return f"cannot write output {task.output}: {exc.strerror or exc}"
    return None
