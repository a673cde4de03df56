"""The command line: `gongwen convert`, `validate`, `inspect`, `catalogue`.

Exit codes: 0 success, 1 when any input failed (the others are still
written), 2 on usage errors, 128+N when stopped by signal N (130 for
Ctrl-C). Every error is one line naming the file; a traceback is never shown.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import importlib.util
import os
import signal
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

import click

from lxml import etree

from converter import __version__, batch, inputs, outline, pool, publish, reader, report, sniff, stdio, validation, validate_formats, writer
from converter.escaping import escape


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gongwen")
def main() -> None:
    """Convert Chinese official documents (公文) to validated archival XML."""


def known_encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--encoding names a codec Python knows, or it is a usage error (exit 2), not one error per file."""
    if value is not None:
        try:
            info = codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r}") from None
        if not getattr(info, "_is_text_encoding", True):     # base64, zlib, rot13 …: bytes to bytes
            raise click.BadParameter(f"{value!r} is not a text encoding")
    return value


def shard_option(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[int, int] | None:
    try:
        return inputs.parse_shard(value) if value is not None else None
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@main.command()
@click.argument("files", nargs=-1, type=click.Path())
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False),
              help="Write OUT_DIR/NAME.xml for each input (mirroring input directories) instead of stdout.")
@click.option("--glob", "globs", multiple=True, metavar="PATTERN",
              help="Files to convert in input directories: a name or a path pattern with **/ (repeatable; "
                   "default *.txt, *.md, *.html and *.htm, but not README, LICENSE …).")
@click.option("--exclude", "excludes", multiple=True, metavar="PATTERN",
              help="Files or folders to pass over in input directories (repeatable).")
@click.option("--files-from", "files_from", type=click.File("rb"), metavar="LIST",
              help="Also convert the paths listed in LIST, one a line or NUL-separated ('-': stdin).")
@click.option("--shard", callback=shard_option, metavar="K/N",
              help="Convert only the K-th of N disjoint shares of the inputs (chosen by a hash of each output path).")
@click.option("--dask", "dask_address", is_flag=False, flag_value="local", metavar="ADDRESS",
              help="Convert on a Dask cluster: a scheduler address, or a local cluster of --jobs workers "
                   "when given alone; inputs and -o may be fsspec URLs (needs gongwen[dask]).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=pool.default_jobs, show_default="CPU count",
              help="Convert in this many worker processes.")
@click.option("--force", is_flag=True, help="Reconvert inputs whose output is already up to date.")
@click.option("--encoding", callback=known_encoding, help="Decode inputs with this encoding instead of detecting it.")
@click.option("--errors", type=click.Choice(reader.ERRORS), default="strict", show_default=True,
              help="Undecodable bytes: fail naming the byte offset, or replace them with U+FFFD and warn.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a JSON record per input (status, forms, warnings, error, seconds) to this file.")
@click.option("--timeout", type=click.FloatRange(min=0), default=batch.DEFAULT_TIMEOUT, show_default=True,
              metavar="SECONDS", help="Stop a file that takes longer, fail it and go on (0: no limit; with -o).")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only: no warnings, progress or summary.")
@click.option("--to", "to", type=click.Choice(publish.NAMES), default="xml", show_default=True,
              help="Output format: archive XML, HTML, Akoma Ntoso, JSON or Markdown.")
@click.option("--name", help="source/@name of the input (for - , standard input: default <stdin>).")
def convert(files: tuple[str, ...], out_dir: str | None, globs: tuple[str, ...], excludes: tuple[str, ...],
            files_from: BinaryIO | None, shard: tuple[int, int] | None, dask_address: str | None, jobs: int, force: bool,
            encoding: str | None, errors: str, report_path: Path | None, timeout: float, quiet: bool, to: str,
            name: str | None) -> None:
    """Convert FILES (text files or directories of them; - for standard input) to archive XML.

    One file without -o prints its XML; with -o OUT_DIR every input becomes
    OUT_DIR/NAME.xml (last suffix replaced), a directory's tree mirrored
    below OUT_DIR. Outputs already made from the same bytes by this version
    are skipped unless --force. --to another format writes NAME.html,
    NAME.akn.xml, NAME.json or NAME.md instead (always rewritten).
    """
    tasks: list[Any]
    cluster: Any = None
    if dask_address is not None:
        from converter import cluster       # imported when used: start-up time is measured
    if any(stdio.is_stdin(Path(f)) for f in files):
        if len(files) > 1 or files_from is not None or dask_address is not None:
            raise click.UsageError("- (standard input) cannot be combined with other inputs, a list or --dask")
        tasks = [stdio.task(name, Path(out_dir) if out_dir is not None else None, to)]
    else:
        listed = inputs.read_list(files_from) if files_from is not None else []
        problem = usage_problem(files, files_from is not None, listed, out_dir, dask_address)
        if problem:
            raise click.UsageError(problem)
        planner: Any = inputs.plan if dask_address is None else cluster.plan     # local tasks, or remote ones
        tasks = planner(files, out_dir, globs or inputs.DEFAULT_GLOBS,
                        excludes + (() if globs else inputs.DEFAULT_EXCLUDES), listed)
        if shard is not None:
            tasks = inputs.shard(tasks, *shard, out_dir)
        if to != "xml":
            from converter.publish import command    # imported when used: start-up time is measured
            tasks = command.retarget(tasks, to)
    if name and len(tasks) > 1:
        raise click.UsageError("--name names one input; several were given")
    # standard input belongs to this process (a worker's is /dev/null): it is converted here, without a time limit
    reads_stdin = any(stdio.is_stdin(Path(f)) for f in files)
    options = batch.Options(encoding, errors, force, to=to, name=name,
                            timeout=None if reads_stdin else timeout or None)
    if out_dir is None:
        sys.exit(convert_to_stdout(tasks[0], options, quiet, report_path) if tasks else 0)
    local_out = out_dir if dask_address is None else cluster.local_path(out_dir) if cluster.is_local(out_dir) else None
    if local_out is not None and (folder_problem := inputs.output_folder_problem(Path(local_out))):
        click.echo(f"gongwen: {out_dir}: {folder_problem}; nothing was converted", err=True)
        sys.exit(1)
    validation.lxml_schema()     # parsed once, before workers fork, so they share it
    batch.collect_less()
    start = time.perf_counter()
    records: list[batch.Record] = []
    bar = progress_bar(len(tasks), quiet)
    stopped: KeyboardInterrupt | None = None
    run: Any = batch.run if dask_address is None else functools.partial(cluster.run, address=dask_address)
    try:
        with pool.interruptible(), bar, contextlib.closing(run(tasks, options, jobs)) as results:
            for record in results:
                records.append(record)
                tell(record, quiet, clear=bar is not NO_BAR)
                bar.update(1)
    except KeyboardInterrupt as exc:
        stopped = exc
        signal.signal(signal.SIGINT, signal.SIG_IGN)    # a second Ctrl-C must not cut the clean-up short
    # what killed workers left, of this run (nothing is left to commit now) or of runs gone
    writer.remove_temporaries([path for path in batch.outputs(tasks) if isinstance(path, Path)], owner=os.getpid())
    report_failed = report_path is not None and not write_report(report_path, records)
    if stopped is not None:
        click.echo(f"gongwen: interrupted after {len(records)} of {len(tasks)} inputs; "
                   "every output written is complete", err=True)
        sys.exit(128 + getattr(stopped, "signum", signal.SIGINT))
    if not quiet:
        click.echo(report.summary(records, time.perf_counter() - start), err=True)
    sys.exit(1 if report_failed or any(record.status == "failed" for record in records) else 0)


def usage_problem(files: tuple[str, ...], has_list: bool, listed: list[str], out_dir: str | None,
                  dask_address: str | None) -> str | None:
    """What makes a convert command line unusable (exit 2), or None."""
    if not files and not has_list:
        return "give FILES to convert, or --files-from LIST"
    if out_dir is None and len(files) + len(listed) > 1:
        return "several inputs need -o DIR"
    if out_dir is None and dask_address is not None:
        return "--dask needs -o OUT_DIR (the outputs are written by the workers)"
    if out_dir is None and files and "://" not in files[0] and Path(files[0]).is_dir():
        return f"{files[0]} is a directory: give -o OUT_DIR to convert the files in it"
    return inputs.listed_problem(listed) if out_dir is not None else None


def write_report(path: Path, records: list[batch.Record]) -> bool:
    try:
        report.write_report(path, records)
        return True
    except OSError as exc:
        click.echo(escape(f"gongwen: {path}: cannot write the report ({exc.strerror or exc})"), err=True)
        return False


def convert_to_stdout(task: inputs.Task, options: batch.Options, quiet: bool, report_path: Path | None = None) -> int:
    record, xml = batch.process(task, options)
    tell(record, quiet)
    if report_path is not None and not write_report(report_path, [record]):
        return 1
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

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        return None


NO_BAR = NoBar()


def progress_bar(total: int, quiet: bool) -> Any:
    """click's bar on a terminal; nothing at all when stderr is a pipe or a file."""
    stream = sys.stderr
    if quiet or total < 2 or not stream.isatty():
        return NO_BAR
    return click.progressbar(length=total, label="converting", file=stream, show_pos=True)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--to", "to", type=click.Choice(publish.NAMES), default="html", show_default=True,
              help="Output format.")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write OUT_DIR/NAME.html (.akn.xml, .json, .md) for each input instead of stdout.")
@click.option("--name", help="The output's name for - (standard input) with -o.")
def render(files: tuple[Path, ...], to: str, out_dir: Path | None, name: str | None) -> None:
    """Render archive XML FILES (or directories of *.xml; - for standard input) as HTML, AKN, JSON or Markdown."""
    if out_dir is None and len(files) > 1:
        raise click.UsageError("several inputs need -o DIR")
    from converter.publish import command
    sys.exit(command.render_files(files, to, out_dir, name))


@main.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(validate_formats.FORMATS), default="text", show_default=True,
              help="text: FILE:LINE:COL: message on stderr; json or junit: a report on stdout.")
@click.option("--name", default=stdio.DEFAULT_NAME, show_default=True, help="What reports call - (standard input).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=pool.default_jobs, show_default="CPU count",
              help="Check in this many worker processes.")
@click.option("--max-elements", type=click.IntRange(min=1), default=validation.MAX_ELEMENTS, show_default=True,
              help="Refuse a file with more elements (memory grows with them).")
@click.option("-q", "--quiet", is_flag=True, help="No summary line.")
def validate_command(files: tuple[Path, ...], fmt: str, name: str, jobs: int, max_elements: int, quiet: bool) -> None:
    """Check archive XML FILES (or directories of *.xml; - for standard input) against the bundled schema.

    Untrusted XML is safe to check: a DOCTYPE is refused before parsing, so
    no entity is expanded and nothing is fetched from disk or network.
    """
    started, start = datetime.now(), time.perf_counter()
    if any(stdio.is_stdin(f) for f in files):
        if len(files) > 1:
            raise click.UsageError("- (standard input) cannot be combined with other inputs")
        from converter import api
        data = stdio.read()
        checked = [validation.Checked(Path(name), api.validate(data), time.perf_counter() - start)]
    else:
        try:
            with pool.interruptible():
                checked = validation.check_all(inputs.find(files, ("*.xml",)), jobs, max_elements)
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


@main.command("catalogue")
@click.argument("archives", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, metavar="FILE",
              help="FILE.csv (UTF-8 with BOM), FILE.xlsx (needs gongwen[xlsx]), or - for CSV on stdout.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only, no summary line.")
def catalogue_command(archives: tuple[Path, ...], output: str, quiet: bool) -> None:
    """The 归档文件目录 of archive XML ARCHIVES (files or directories of *.xml): one row per document.

    DA/T 22-2015 columns, then the GB/T 33480-2016 core metadata, then where
    each row comes from; every value read from the archives, none guessed.
    """
    from converter import catalogue         # imported when used: start-up time is measured
    if output.lower().endswith(".xlsx") and importlib.util.find_spec("openpyxl") is None:
        raise click.UsageError("writing .xlsx needs the optional extra: pip install 'gongwen[xlsx]'")
    rows, failed, read = [], 0, 0
    for path, error in inputs.find(archives, ("*.xml",)):
        try:
            if error:
                raise catalogue.NotAnArchive(error)
            rows.extend(catalogue.read_archive(path, str(path)))
            read += 1
        except catalogue.NotAnArchive as exc:
            click.echo(report.one_line(f"gongwen: {path}: {exc}"), err=True)
            failed += 1
    table = catalogue.ordered(rows)
    data = catalogue.render(table, "" if output == "-" else output)
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        try:
            writer.write_atomic(Path(output), data)
        except OSError as exc:
            click.echo(f"gongwen: {output}: cannot write the catalogue ({exc.strerror or exc})", err=True)
            sys.exit(1)
    if not quiet:
        click.echo(f"gongwen: {len(table)} documents from {read} archives"
                   + (f", {failed} failed" if failed else "") + ("" if output == "-" else f" in {output}"), err=True)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--depth", type=click.IntRange(min=1), help="Show sections this many levels deep at most.")
@click.option("--encoding", callback=known_encoding,
              help="Decode a text input with this encoding instead of detecting it.")
@click.option("--errors", type=click.Choice(reader.ERRORS), default="strict", show_default=True,
              help="Undecodable bytes in a text input: fail, or replace them with U+FFFD.")
@click.option("--name", help="source/@name of - (standard input): default <stdin>.")
def inspect(file: Path, depth: int | None, encoding: str | None, errors: str, name: str | None) -> None:
    """Print what gongwen recognises in FILE (a text input, or archive XML; - for standard input) as an outline."""
    try:
        root = inspected_root(file, encoding, errors, name)
    except reader.InputError as exc:
        click.echo(escape(f"gongwen: {file}: {exc}"), err=True)
        sys.exit(1)
    sys.exit(write_stdout("\n".join(outline.outline(root, depth)) + "\n"))


def inspected_root(path: Path, encoding: str | None, errors: str, name: str | None = None) -> etree._Element:
    """The archive tree of `path`: parsed when it is XML, converted when it is text."""
    data = stdio.read() if stdio.is_stdin(path) else reader.read_bytes(path)
    if sniff.looks_like_xml(data, path.name):
        from converter import api
        root, found = api.parse(data)
        if root is None:
            raise reader.InputError(f"{found[0].line}:{found[0].column}: {found[0].message}")
        return root
    if stdio.is_stdin(path):
        from converter import pipeline
        return pipeline.convert_bytes(data, stdio.source_name(path, name), encoding, errors).root
    record, xml = batch.process(inputs.Task(path, str(path), None), batch.Options(encoding, errors))
    if xml is None:
        raise reader.InputError(record.error or "cannot be converted")
    return etree.fromstring(xml)
