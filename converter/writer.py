"""Serialise the tree and write it so that a reader never sees half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lxml import etree


def serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def output_name(input_path: Path) -> str:
    """report.txt → report.xml; report.md.txt → report.md.xml (last suffix replaced)."""
    return (input_path.stem if input_path.suffix else input_path.name) + ".xml"
