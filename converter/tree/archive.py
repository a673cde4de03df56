"""The archive root (FORMAT.md): source, the page record, what the file holds, and the residue.

The page record (`page`) holds what a website prints about the document
outside its text — catalogue and byline fields, each a `fact` anchored at its
input line like residue — and is written only when the page printed some.

Residue is everything taken out of the reading flow, in input order: what
normalising took out, what parsing took out (ctx.remove), and the inline
markup of each line still read.
"""

from __future__ import annotations

import operator
from typing import Iterable, Protocol

from lxml import etree

from converter import __version__
from converter.model.node import Child, Node
from converter.model.page import PageFact
from converter.model.text import Removed
from converter.normalise import Normalised
from converter.provenance import xml_safe
from converter.tree.xml import attribute_markup, document
from converter.xmlnames import SCHEMA_VERSION

# Residue that stands for a whole input line (its markup is in its text already).
WHOLE_LINE_REASONS = {"repeated-table-header", "repeated-table-row", "running-header", "markup"}
# A line's markup: true where the line had some taken out
MARKUP = operator.attrgetter("markup")


class SourceInfo(Protocol):
    """What the archive records of its input (reader.Source has it)."""

    @property
    def name(self) -> str: ...

    @property
    def sha256(self) -> str: ...

    @property
    def encoding(self) -> str: ...


def archive(source: SourceInfo, page: Normalised, content: Iterable[Child], removed: list[Removed],
            warnings: Iterable[tuple[int, str]] = ()) -> etree._Element:
    """The archive element of one input file; `warnings` are recorded in its source."""
    return document(archive_node(source, page, content, removed, warnings))


def archive_node(source: SourceInfo, page: Normalised, content: Iterable[Child], removed: list[Removed],
                 warnings: Iterable[tuple[int, str]] = ()) -> Node:
    """archive() as a node: it holds all the tree needs, so a caller can free the model before the tree is built
    (libxml2 then builds it in the memory the model held: a big input's peak is the lower)."""
    return archive_root(source_node(source, page, warnings), page.facts, content, residue_node(page, removed))


def archive_root(source: Node, facts: tuple[PageFact, ...], content: Iterable[Child], residue: Node) -> Node:
    """archive_node() of its source and residue nodes made already (source_node, residue_node): a caller that makes
    them before the content's nodes needs the page no more while those are made (the model then lets go of its
    lines: the pipeline)."""
    root = Node("archive", {"schemaVersion": SCHEMA_VERSION}, [source])
    if facts:
        root.add(page_node(facts))
    root.children.extend(content)
    root.add(residue)
    return root


def source_node(source: SourceInfo, page: Normalised, warnings: Iterable[tuple[int, str]]) -> Node:
    """What the input is, and the conversion's warnings (one `warning` each, @line and message)."""
    el = Node("source", {"name": source.name, "sha256": source.sha256, "encoding": source.encoding,
                         "lines": str(page.line_count), "converter": f"gongwen {__version__}"})
    for line, message in warnings:
        el.add(Node("warning", {"line": str(max(1, line))}, [xml_safe(message)]))
    return el


def page_node(facts: Iterable[PageFact]) -> Node:
    """The page record: one `fact` a field, in input order (@name, @line, @value when a date; text as printed)."""
    record = Node("page")
    for fact in sorted(facts, key=lambda f: f.line):
        attrs = {"name": fact.name, "line": str(fact.line)}
        if fact.value:
            attrs["value"] = fact.value
        record.add(Node("fact", attrs, [fact.text] if fact.text else []))
    return record


def residue_node(page: Normalised, removed: list[Removed]) -> Node:
    """Everything taken out of the reading flow, in input order."""
    whole_lines = {r.line for r in removed if r.reason in WHOLE_LINE_REASONS}
    items: list[Removed] = list(page.residue) + removed
    # (the lines with markup found by filter in C: most lines have none, and a loop in Python asks each)
    for line in filter(MARKUP, page.lines):
        if line.n not in whole_lines:
            items.extend(line.markup)
    items.sort(key=lambda r: r.line)
    # Each item a leaf (model/node.py), not a Node with a dict and a list: its start tag written here, the
    # attributes in the order a node gave them. The reasons are a few, each escaped once (attribute_markup).
    children: list[Child] = []
    reasons: dict[str, str] = {}
    for item in items:
        reason = reasons.get(item.reason) or reasons.setdefault(item.reason, attribute_markup(item.reason))
        if item.codepoint:
            start = f'<removed line="{item.line}" reason="{reason}" codepoint="{attribute_markup(item.codepoint)}">'
        else:
            start = f'<removed line="{item.line}" reason="{reason}">'
        children.append((start, item.text or "", "</removed>"))
    return Node("residue", {}, children)
