"""Serialise the tree and write it so that a reader never sees half a file.

An output is written to a temporary file beside it (`.NAME.xml.XXXX.tmp`,
hidden, in the same directory so the rename is atomic) and renamed into
place. An interruption at any point leaves either the old file or the new
one; `remove_temporaries` sweeps what a killed process could not clean up.
"""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path

from lxml import etree

TEMP_SUFFIX = ".tmp"


def serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_atomic(path: Path, data: bytes | etree._Element) -> None:
    """Write to a temporary file beside `path`, then rename it into place.

    `data` is bytes, or an archive tree serialised straight into the file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            if hasattr(os, "fchmod"):
                # mkstemp makes the file private (0600); an output gets the usual mode
                os.fchmod(out.fileno(), 0o666 & ~umask())
            if isinstance(data, bytes):
                out.write(data)
            else:
                etree.ElementTree(data).write(out, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        os.replace(tmp, path)
    except BaseException:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
        raise


def temp_prefix(path: Path) -> str:
    return f".{path.name}."


def remove_temporaries(paths: list[Path] | tuple[Path, ...]) -> int:
    """Delete temporary files left beside these outputs (a worker killed mid-write); return how many."""
    removed = 0
    for path in paths:
        try:
            candidates = list(path.parent.glob(f"{glob_escape(temp_prefix(path))}*{TEMP_SUFFIX}"))
        except OSError:
            continue
        for tmp in candidates:
            try:
                tmp.unlink()
                removed += 1
            except FileNotFoundError:
                pass
    return removed


def glob_escape(text: str) -> str:
    """`text` with glob metacharacters made literal: a file may be named a[1].txt."""
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in text)


@functools.cache
def umask() -> int:
    """The process umask (read once: os.umask can only read it by setting it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def output_name(input_path: Path) -> str:
    """report.txt → report.xml; report.md.txt → report.md.xml (last suffix replaced)."""
    return (input_path.stem if input_path.suffix else input_path.name) + ".xml"
