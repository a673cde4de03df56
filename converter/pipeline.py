"""The whole conversion, stage by stage.

    read        reader.py       bytes → text, digest, encoding
    normalise   normalise/      text → clean Lines + residue (furniture, markup, web chrome)
    recognise   forms/          the form that claims the file parses it (frame/, blocks/)
    link        link.py         ids, glossary links, 目录 targets
    render      tree/           the model → nodes → the archive tree
    validate    validation.py   the bundled XSD, and the lossless guarantee (lossless.py)
    write       writer.py       serialise, write atomically
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lxml import etree

from converter import blocks, lossless, reader, validation, writer
from converter.forms import registry
from converter.forms.following import one_after_another
from converter.forms.registry import Form, Registry
from converter.frame import nodes as frame_nodes
from converter.frame.head import parse_head
from converter.link import link_documents
from converter.model.context import Context, Diagnostic
from converter.model.text import Lines
from converter.normalise import normalise
from converter.reader import InputError, Source
from converter.tree.archive import archive_root, residue_node, source_node
from converter.tree.builder import Builder
from converter.tree.inline import Links
from converter.tree.xml import taken


# The documents of an archive that no other document holds (the definition; Result.documents counts them faster).
TOP_DOCUMENTS = etree.XPath("//*[local-name()='document'][not(ancestor::*[local-name()='document'])]")


@dataclass(frozen=True)
class Result:
    """A validated archive tree; serialised when asked, streamed when written to a file."""

    root: etree._Element
    warnings: tuple[Diagnostic, ...]
    forms: tuple[str, ...]

    @functools.cached_property
    def xml(self) -> bytes:
        return writer.serialise(self.root)

    @property
    def documents(self) -> int:
        """How many documents the archive holds that no other document holds (TOP_DOCUMENTS, by lxml's tag search:
        the XPath tests a name function on every element, some 15 times slower)."""
        return sum(1 for el in self.root.iter("{*}document") if next(el.iterancestors("{*}document"), None) is None)

    def write(self, path: Path) -> None:
        """Write the XML atomically, serialising straight into the file (no copy in memory)."""
        writer.write_atomic(path, self.root)


def parse_file(forms: Registry, lines: Lines, ctx: Context) -> tuple[Form, list[Any]]:
    """The form that claims the whole file, and what it parsed: a container of documents (a bulletin), or
    the documents of the file one after another (most files: one)."""
    head = parse_head(lines)
    form = forms.claim(lines, head, whole_file=True)
    contents = one_after_another(form.parse(form, lines, head, ctx), ctx)
    # what the parse kept of the file for its next document holds lines (a long one the size of a page's HTML):
    # not held past it, as the model is let go of while the tree is built
    ctx.known.clear()
    return form, contents


def parse_document(forms: Registry, lines: Lines, ctx: Context, implied_title: str = "") -> Any:
    """A document inside another (the one a notice issues, one of a bulletin's): parsed by the form that claims it.

    `implied_title` is what the document goes by when it prints no title (the notice issuing it names it).
    """
    head = parse_head(lines, implied_title)
    form = forms.claim(lines, head, whole_file=False)
    return form.parse(form, lines, head, ctx)


def convert_source(source: Source) -> Result:
    page = normalise(source.text)
    if not page.lines:
        raise InputError("no reading text: every line is page furniture or markup")
    forms = registry()
    # the reader's warnings (bytes replaced) come first among those of a line
    ctx = Context(page.repair, functools.partial(parse_document, forms),
                  warnings=[Diagnostic(line, message) for line, message in source.warnings])
    for line, message in page.warnings:      # what the page filters found (a page cut short)
        ctx.warn(line, message)
    form, contents = parse_file(forms, page.lines, ctx)
    links: Links = {}
    if form.link is not None:
        for content in contents:         # (a whole-file form's container: one)
            form.link(content, ctx, links)
    else:
        link_documents(contents, ctx, links)
    # release: the model let go of as its nodes are made (Builder), the page's lines among it: the archive's
    # nodes that read the page are made first, and the page dropped (a big input's model and nodes not held at once)
    builder = Builder({**blocks.RENDERS, **frame_nodes.RENDERS, **forms.renders()}, links, release=True)
    warnings = ctx.sorted_warnings()
    # the warnings are kept in the archive (source/warning), so a re-run that skips it can report them
    head, facts, residue = source_node(source, page, warnings), page.facts, residue_node(page, ctx.residue)
    del page
    # (held by the list alone: taken() frees a big archive's nodes before the tree is built)
    holder = [archive_root(head, facts, builder.nodes(contents), residue)]
    del contents, builder, head, residue    # the node holds all the tree needs: the model freed before the tree is built
    root = taken(holder)
    found = validation.problems(root)
    if found:
        raise InputError(f"output does not validate (a gongwen bug, please report): {found[0].message}")
    loss = lossless.check(source.text, root)
    if loss is not None:
        raise InputError(f"output would lose text at {loss} (a gongwen bug, please report); nothing written")
    return Result(root, warnings, (form.name,))


def convert_file(path: Path, encoding: str | None = None, errors: str = "strict") -> Result:
    """Read and convert one file; `errors="replace"` turns undecodable bytes into U+FFFD."""
    return convert_decoded(reader.read_source(path, encoding, errors))


def convert_bytes(data: bytes, name: str, encoding: str | None = None, errors: str = "strict") -> Result:
    """Convert the raw bytes of an input named `name` (the batch path reads them itself)."""
    source = reader.decode(data, name, encoding, errors)
    del data            # (a caller that holds the bytes no more, as batch.attempt, has them freed here)
    return convert_decoded(source)


def convert_decoded(source: Source) -> Result:
    """Convert decoded text (kept for callers of the earlier API: convert_source does it all)."""
    return convert_source(source)
