"""The whole conversion, stage by stage: read → normalise → segment and
recognise → build the tree → validate → serialise."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree

from converter import bulletin_tree, provenance, reader, recognise, tree, validate, writer
from converter.forms import webpage
from converter.normalise import normalise
from converter.reader import InputError, Source


@dataclass(frozen=True)
class Result:
    """A validated archive tree; serialised when asked, streamed when written to a file."""

    root: etree._Element
    warnings: tuple[tuple[int, str], ...]
    forms: tuple[str, ...]

    @functools.cached_property
    def xml(self) -> bytes:
        return writer.serialise(self.root)

    @property
    def documents(self) -> int:
        """How many documents the archive holds that no other document holds."""
        return int(self.root.xpath("count(//*[local-name()='document'][not(ancestor::*[local-name()='document'])])"))

    def write(self, path: Path) -> None:
        """Write the XML atomically, serialising straight into the file (no copy in memory)."""
        writer.write_atomic(path, self.root)


def convert_source(source: Source) -> Result:
    page = normalise(source.text)
    page, chrome = webpage.strip_chrome(page)
    if not page.lines:
        raise InputError("no reading text: every line is page furniture or markup")
    # a scraped page has no pages to repair, unless it was printed with page furniture
    repair = not chrome or page.page_furniture
    kind, content, warnings = recognise.parse_file(page.lines, recognise.context(repair))
    build = tree.Build()
    if kind == "bulletin":
        root = tree.build_archive(source, page, [content], build, bulletin_tree.render_bulletin)
        forms = ("bulletin",)
    else:
        root = tree.build_archive(source, page, content, build)
        forms = tuple(doc.form for doc in content)
    all_warnings = sorted(warnings + build.warnings, key=lambda w: w[0])
    del page, content, build          # the tree holds all it needs: free the model before serialising
    found = validate.problems(root)
    if found:
        first = found[0]
        raise InputError(f"output does not validate (a gongwen bug, please report): {first.message}")
    return Result(root, tuple(all_warnings), forms)


def convert_file(path: Path, encoding: str | None = None, errors: str = "strict") -> Result:
    """Read and convert one file; `errors="replace"` turns undecodable bytes into U+FFFD."""
    return convert_decoded(reader.read_source(path, encoding, errors))


def convert_bytes(data: bytes, name: str, encoding: str | None = None, errors: str = "strict") -> Result:
    """Convert the raw bytes of an input named `name` (the batch path reads them itself)."""
    return convert_decoded(reader.decode(data, name, encoding, errors))


def convert_decoded(source: Source) -> Result:
    """convert_source, with the reader's warnings (replaced bytes) among the others."""
    result = convert_source(source)
    if source.warnings:
        merged = sorted(source.warnings + result.warnings, key=lambda w: w[0])
        result = replace(result, warnings=tuple(merged))
    # issue 14 (archive): the warnings go into source/warning, so a skipped re-run can report them
    provenance.record_warnings(result.root, result.warnings)
    return result
