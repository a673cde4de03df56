"""Publishing formats, each computed from archive XML (never from the converter's model).

The archive format (`schemas/gongwen-archive-1.0.xsd`) is the one interface:
every renderer takes the lxml root of an `archive` — a fresh conversion's
tree, or an archive file read back — and returns the bytes of one output.

| format     | suffix     | module      | what it is                                    |
|------------|------------|-------------|-----------------------------------------------|
| `xml`      | `.xml`     | (the archive itself)                                       |
| `html`     | `.html`    | `html`      | one standalone page in the GB/T 9704 look     |
| `akn`      | `.akn.xml` | `akn`       | Akoma Ntoso 3.0, valid against the strict XSD |
| `json`     | `.json`    | `jsondoc`   | the archive's shape as JSON, for indexers     |
| `markdown` | `.md`      | `markdown`  | headings by the real numbering, pipe tables   |

Each module is imported only when its format is asked for.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree


@dataclass(frozen=True, eq=False, repr=False)
class Format:
    """One output format: the suffix of its files and the module that renders it."""

    suffix: str          # what replaces an input's last suffix: a.txt → a.html
    module: str | None   # the module under converter.publish whose render() makes it; None: the archive


FORMATS: dict[str, Format] = {
    "xml": Format(".xml", None),
    "html": Format(".html", "html"),
    "akn": Format(".akn.xml", "akn"),
    "json": Format(".json", "jsondoc"),
    "markdown": Format(".md", "markdown"),
}
NAMES = tuple(FORMATS)


def render(root: etree._Element | etree._ElementTree, to: str) -> bytes:
    """The bytes of format `to` for an archive tree (its root element or its ElementTree)."""
    if isinstance(root, etree._ElementTree):
        root = root.getroot()
    try:
        fmt = FORMATS[to]
    except KeyError:
        raise ValueError(f"unknown output format {to!r}; one of {', '.join(NAMES)}") from None
    if fmt.module is None:
        from converter import writer
        return writer.serialise(root)
    module = importlib.import_module(f"converter.publish.{fmt.module}")
    data: bytes = module.render(root)
    return data


def output_name(input_path: Path, to: str) -> str:
    """report.txt → report.html; report.md.txt → report.md.html (the last suffix replaced)."""
    stem = input_path.stem if input_path.suffix else input_path.name
    return stem + FORMATS[to].suffix


def retarget(path: Path, to: str) -> Path:
    """An archive output path (OUT/a.xml) made the output path of format `to` (OUT/a.html)."""
    return path.with_name(output_name(path, to)) if to != "xml" else path
