"""The command line: `gongwen convert`, `gongwen validate`, `gongwen inspect`.

Exit codes: 0 success, 1 when any input failed (the others are still
written), 2 on usage errors, 128+N when stopped by signal N (130 for
Ctrl-C). Every error is one line naming the file; a traceback is never shown.
"""

from __future__ import annotations

import codecs
import contextlib
import signal
import sys
import time
from datetime import datetime
from pathlib import Path

import click

from lxml import etree

from converter import __version__, batch, inputs, outline, pool, reader, report, validate, validate_formats, writer
from converter.escaping import escape


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gongwen")
def main() -> None:
    """Convert Chinese official documents (公文) to validated archival XML."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write OUT_DIR/NAME.xml for each input (mirroring input directories) instead of stdout.")
@click.option("--glob", "globs", multiple=True, metavar="PATTERN",
              help="Names to convert in input directories (repeatable; default *.txt and *.md).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=pool.default_jobs, show_default="CPU count",
              help="Convert in this many worker processes.")
@click.option("--force", is_flag=True, help="Reconvert inputs whose output is already up to date.")
@click.option("--encoding", help="Decode inputs with this encoding instead of detecting it.")
@click.option("--errors", type=click.Choice(reader.ERRORS), default="strict", show_default=True,
              help="Undecodable bytes: fail naming the byte offset, or replace them with U+FFFD and warn.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a JSON record per input (status, forms, warnings, error, seconds) to this file.")
@click.option("--timeout", type=click.FloatRange(min=0), default=batch.DEFAULT_TIMEOUT, show_default=True,
              metavar="SECONDS", help="Stop a file that takes longer, fail it and go on (0: no limit; with -o).")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only: no warnings, progress or summary.")
def convert(files: tuple[Path, ...], out_dir: Path | None, globs: tuple[str, ...], jobs: int, force: bool,
            encoding: str | None, errors: str, report_path: Path | None, timeout: float, quiet: bool) -> None:
    """Convert FILES (text files or directories of them) to archive XML.

    One file without -o prints its XML; with -o OUT_DIR every input becomes
    OUT_DIR/NAME.xml (last suffix replaced), a directory's tree mirrored
    below OUT_DIR. Outputs already made from the same bytes by this version
    are skipped unless --force.
    """
    if out_dir is None and len(files) > 1:
        raise click.UsageError("several inputs need -o DIR")
    tasks = inputs.plan(files, out_dir, globs or inputs.DEFAULT_GLOBS)
    options = batch.Options(encoding, errors, force, timeout=timeout or None)
    if out_dir is None:
        sys.exit(convert_to_stdout(tasks[0], options, quiet))
    validate.lxml_schema()     # parsed once, before workers fork, so they share it
    start = time.perf_counter()
    records: list[batch.Record] = []
    bar = progress_bar(len(tasks), quiet)
    stopped: KeyboardInterrupt | None = None
    try:
        with pool.interruptible(), bar, contextlib.closing(batch.run(tasks, options, jobs)) as results:
            for record in results:
                records.append(record)
                tell(record, quiet, clear=bar is not NO_BAR)
                bar.update(1)
    except KeyboardInterrupt as exc:
        stopped = exc
        signal.signal(signal.SIGINT, signal.SIG_IGN)    # a second Ctrl-C must not cut the clean-up short
    writer.remove_temporaries(batch.outputs(tasks))
    report_failed = report_path is not None and not write_report(report_path, records)
    if stopped is not None:
        click.echo(f"gongwen: interrupted after {len(records)} of {len(tasks)} inputs; "
                   "every output written is complete", err=True)
        sys.exit(128 + getattr(stopped, "signum", signal.SIGINT))
    if not quiet:
        click.echo(report.summary(records, time.perf_counter() - start), err=True)
    sys.exit(1 if report_failed or any(record.status == "failed" for record in records) else 0)


def write_report(path: Path, records: list[batch.Record]) -> bool:
    try:
        report.write_report(path, records)
        return True
    except OSError as exc:
        click.echo(escape(f"gongwen: {path}: cannot write the report ({exc.strerror or exc})"), err=True)
        return False


def convert_to_stdout(task: inputs.Task, options: batch.Options, quiet: bool) -> int:
    record, xml = batch.process(task, options)
    tell(record, quiet)
    if xml is None:
        return 1
    return write_stdout(xml)


def write_stdout(data: bytes | str) -> int:
    """Write a command's result to stdout: 0, or 1 after one line when it cannot (a full disk, a closed pipe)."""
    problem = writer.write_stdout(data)
    if problem is None:
        return 0
    click.echo(f"gongwen: cannot write to standard output ({problem})", err=True)
    return 1


def tell(record: batch.Record, quiet: bool, clear: bool = False) -> None:
    """Print a record's error, and its warnings unless quiet; clear a progress bar's line first."""
    lines = [report.error_line(record)] if record.error else []
    if not quiet:
        lines.extend(report.warning_lines(record))
    for line in lines:
        click.echo(("\r\033[K" if clear else "") + line, err=True)


class NoBar:
    """Stands in for a progress bar where none is shown."""

    def __enter__(self) -> "NoBar":
        return self

    def __exit__(self, *exc) -> None:
        return None

    def update(self, n: int) -> None:
        return None


NO_BAR = NoBar()


def progress_bar(total: int, quiet: bool):
    """click's bar on a terminal; nothing at all when stderr is a pipe or a file."""
    stream = click.get_text_stream("stderr")
    if quiet or total < 2 or not stream.isatty():
        return NO_BAR
    return click.progressbar(length=total, label="converting", file=stream, show_pos=True)


@main.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(validate_formats.FORMATS), default="text", show_default=True,
              help="text: FILE:LINE:COL: message on stderr; json or junit: a report on stdout.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=pool.default_jobs, show_default="CPU count",
              help="Check in this many worker processes.")
@click.option("--max-elements", type=click.IntRange(min=1), default=validate.MAX_ELEMENTS, show_default=True,
              help="Refuse a file with more elements (memory grows with them).")
@click.option("-q", "--quiet", is_flag=True, help="No summary line.")
def validate_command(files: tuple[Path, ...], fmt: str, jobs: int, max_elements: int, quiet: bool) -> None:
    """Check archive XML FILES (or directories of *.xml) against the bundled schema.

    Untrusted XML is safe to check: a DOCTYPE is refused before parsing, so
    no entity is expanded and nothing is fetched from disk or network.
    """
    started, start = datetime.now(), time.perf_counter()
    try:
        with pool.interruptible():
            checked = validate.check_all(inputs.find(files, ("*.xml",)), jobs, max_elements)
    except KeyboardInterrupt as exc:
        click.echo("gongwen: interrupted; nothing was reported", err=True)
        sys.exit(128 + getattr(exc, "signum", signal.SIGINT))
    run = validate_formats.Run(checked, started, time.perf_counter() - start)
    rendered = validate_formats.RENDER[fmt](run)
    if fmt == "text":
        click.echo(rendered, nl=False, err=True)
    elif write_stdout(rendered):
        sys.exit(1)
    if not quiet:
        click.echo(validate_formats.summary(run), err=True)
    sys.exit(1 if any(c.problems for c in checked) else 0)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--depth", type=click.IntRange(min=1), help="Show sections this many levels deep at most.")
@click.option("--encoding", help="Decode a text input with this encoding instead of detecting it.")
@click.option("--errors", type=click.Choice(reader.ERRORS), default="strict", show_default=True,
              help="Undecodable bytes in a text input: fail, or replace them with U+FFFD.")
def inspect(file: Path, depth: int | None, encoding: str | None, errors: str) -> None:
    """Print what gongwen recognises in FILE (a text input, or archive XML) as an outline."""
    try:
        root = inspected_root(file, encoding, errors)
    except reader.InputError as exc:
        click.echo(escape(f"gongwen: {file}: {exc}"), err=True)
        sys.exit(1)
    sys.exit(write_stdout("\n".join(outline.outline(root, depth)) + "\n"))


def inspected_root(path: Path, encoding: str | None, errors: str):
    """The archive tree of `path`: parsed when it is archive XML, converted when it is text."""
    data = reader.read_bytes(path)
    if looks_like_xml(data):
        doc = validate.parse_safely(path)
        if isinstance(doc, validate.Problem):
            raise reader.InputError(f"{doc.line}:{doc.column}: {doc.message}")
        return doc.getroot()
    record, xml = batch.process(inputs.Task(path, str(path), None), batch.Options(encoding, errors))
    if xml is None:
        raise reader.InputError(record.error or "cannot be converted")
    return etree.fromstring(xml)


def looks_like_xml(data: bytes) -> bool:
    head = data[:200].lstrip(codecs.BOM_UTF8 + b" \t\r\n")
    return head.startswith((b"<?xml", b"<archive"))
