"""Standard input as an input: `gongwen convert -`, `gongwen validate -`, `gongwen inspect -`.

`-` names standard input (a file called "-" is `./-`). Its bytes are read
once, whole, and converted like a file's; `--name NAME` is what
`source/@name` and every message call it, `<stdin>` by default, and with
`-o DIR` its output is DIR/NAME with the format's suffix (DIR/stdin.xml
without --name).
"""

from __future__ import annotations

import sys
from pathlib import Path

from converter import publish
from converter.inputs import Task

STDIN = Path("-")
DEFAULT_NAME = "<stdin>"
DEFAULT_FILE = "stdin"


def is_stdin(path: Path) -> bool:
    return str(path) == "-"


def read() -> bytes:
    return sys.stdin.buffer.read()


def source_name(path: Path, name: str | None) -> str:
    """What source/@name records: --name, else the file's name, else <stdin>."""
    if name:
        return name
    return DEFAULT_NAME if is_stdin(path) else path.name


def task(name: str | None, out_dir: Path | None, to: str) -> Task:
    """The one task that reads standard input; its output is OUT_DIR/NAME.suffix, or stdout."""
    output = out_dir / publish.output_name(Path(name or DEFAULT_FILE), to) if out_dir is not None else None
    return Task(STDIN, name or DEFAULT_NAME, output)
