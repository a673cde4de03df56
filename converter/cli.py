"""The command line: `gongwen convert` and `gongwen validate`.

Exit codes: 0 success, 1 when any input failed (the others are still
written), 2 on usage errors. Every error is one line naming the file; a
traceback is never shown.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from converter import __version__, pipeline, reader, validate, writer
from converter.reader import InputError


def warn(path: str, line: int, message: str) -> None:
    click.echo(f"gongwen: warning: {path}:{line}: {message}", err=True)


def fail(path: str, message: str) -> None:
    click.echo(f"gongwen: {path}: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gongwen")
def main() -> None:
    """Convert Chinese official documents (公文) to validated archival XML."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write OUT_DIR/NAME.xml for each input instead of printing to stdout.")
@click.option("--encoding", help="Decode inputs with this encoding instead of detecting it.")
@click.option("--errors", type=click.Choice(reader.ERRORS), default="strict", show_default=True,
              help="Undecodable bytes: fail naming the byte offset, or replace them with U+FFFD and warn.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only, no warnings.")
def convert(files: tuple[Path, ...], out_dir: Path | None, encoding: str | None, errors: str, quiet: bool) -> None:
    """Convert FILES to archive XML (stdout for one file, or -o DIR)."""
    if out_dir is None and len(files) > 1:
        raise click.UsageError("several inputs need -o DIR")
    failed = False
    for path in files:
        try:
            result = pipeline.convert_file(path, encoding, errors)
        except InputError as exc:
            fail(str(path), str(exc))
            failed = True
            continue
        except Exception as exc:  # a bug must not cost the rest of a batch
            fail(str(path), f"internal error ({type(exc).__name__}: {exc}); please report it")
            failed = True
            continue
        if not quiet:
            for line, message in result.warnings:
                warn(str(path), line, message)
        if out_dir is None:
            sys.stdout.buffer.write(result.xml)
            sys.stdout.buffer.flush()
        else:
            try:
                writer.write_atomic(out_dir / writer.output_name(path), result.xml)
            except OSError as exc:
                fail(str(path), f"cannot write output: {exc.strerror or exc}")
                failed = True
    sys.exit(1 if failed else 0)


@main.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate_command(files: tuple[Path, ...]) -> None:
    """Check archive XML FILES against the bundled schema."""
    failed = False
    for path in files:
        found = validate.check_file(path)
        for problem in found:
            click.echo(f"{path}:{problem.line}:{problem.column}: {problem.message}", err=True)
        failed = failed or bool(found)
    sys.exit(1 if failed else 0)
