"""The link pass, between parsing and rendering: ids, and footnote markers linked to glossary entries.

Ids are given in document order, so the same input always gets the same ids:
d1, d2 … for a file's documents; d1.1 for the document a notice issues,
d1.a2 for a document printed as its second attachment, d1.n3 for the third
glossary entry (counted over its glossaries, one printed as an attachment too). A whole-file form links its own container (its form hook),
calling `link_document` for the documents it holds.

Markers (①, <sup>①</sup>, ［1］) in a document's body link to its glossary
(blocks/glossary.py says how); an explicit marker that links nowhere stays
text, with a warning, and so does a <sup> marker anywhere else.
"""

from __future__ import annotations

import re
from typing import Any, Iterator, Sequence

from converter.blocks.glossary import Resolver, resolver
from converter.model.blocks import Item, ListBlock, Para, Section
from converter.model.context import Context
from converter.model.document import Document, Glossary
from converter.model.text import Span
from converter.tree.inline import Links
from converter.rules import EXPLICIT_MARKS, MARKER, MARKER_START

# The longest <sup> content taken as a footnote marker.
SUP_MARKER_MAX = 4
# How much of the text before a marker is kept to find the term it follows.
TERM_WINDOW = 120


def link_documents(documents: Sequence[Document], ctx: Context, links: Links) -> None:
    for k, doc in enumerate(documents, start=1):
        link_document(doc, f"d{k}", ctx, links)


def link_document(doc: Document, doc_id: str, ctx: Context, links: Links) -> None:
    """Ids for a document, its entries and the documents inside it; links for its markers."""
    doc.id = doc_id
    resolve = None
    found = glossaries(doc)
    if found:
        entries = [entry for glossary in found for entry in glossary.entries]
        for k, entry in enumerate(entries, start=1):
            entry.id = f"{doc_id}.n{k}"
        resolve = resolver(Glossary(found[0].title, [], entries, found[0].line))
    link_blocks(doc.body, resolve, ctx, links)
    link_run(doc.attachment_note, None, ctx, links)
    if doc.transmitted:
        link_document(doc.transmitted, f"{doc_id}.1", ctx, links)
    for k, attachment in enumerate(doc.attachments, start=1):
        for block in attachment.blocks:
            if isinstance(block, Document):
                link_document(block, f"{doc_id}.a{k}", ctx, links)
            else:
                link_blocks([block], None, ctx, links)
    for glossary in found:
        for note in glossary.notes:
            link_run(note.spans, None, ctx, links)
        for entry in glossary.entries:
            link_run(entry.definition, None, ctx, links)
    link_run(doc.cc, None, ctx, links)


def glossaries(doc: Document) -> list[Glossary]:
    """The document's glossaries in printed order: its own, and any printed as an attachment."""
    found = [doc.glossary] if doc.glossary else []
    found.extend(block for attachment in doc.attachments for block in attachment.blocks
                 if isinstance(block, Glossary))
    return sorted(found, key=lambda glossary: glossary.line)


def link_blocks(blocks: Sequence[Any], resolve: Resolver | None, ctx: Context, links: Links) -> None:
    """The markers in the running text of blocks (paragraphs and items, at any depth)."""
    for block in blocks:
        if isinstance(block, (Para, Item)):
            link_run(block.spans, resolve, ctx, links)
        elif isinstance(block, Section):
            link_blocks(block.children, resolve, ctx, links)
        elif isinstance(block, ListBlock):
            for item in block.items:
                link_run(item.spans, resolve, ctx, links)


def link_run(spans: Sequence[Span], resolve: Resolver | None, ctx: Context, links: Links) -> None:
    """Link the markers of one run of text (a paragraph, an item); `resolve` is None outside a glossary's reach."""
    before = ""          # the last TERM_WINDOW characters of the run, for the term a marker follows
    for span in spans:
        if resolve is None and not span.line.sup:
            continue     # segments() finds only text here, and `before` serves no resolver: nothing to do
        for start, end, kind in segments(span, resolve is not None):
            text = span.line.text[start:end]
            if kind != "text":
                target = resolve(before, text, kind == "explicit") if resolve else None
                if target:
                    links.setdefault(span.line.n, {})[start] = (end, target)
                elif kind == "explicit":
                    ctx.warn(span.line.n, f"footnote marker {text} matches no glossary entry; kept as text")
            before = (before + text)[-TERM_WINDOW:]


def segments(span: Span, markers: bool) -> list[tuple[int, int, str]]:
    """Cut a span where bold starts or ends and around footnote markers.

    Returns (start, end, kind) with kind "text", "explicit" (in <sup>, or a
    bracketed or superscript marker where markers are looked for) or "bare".
    A marker that bold cuts in two is text.
    """
    line = span.line
    if not line.sup and not markers:
        return [(span.start, span.end, "text")]
    cuts = {span.start, span.end}
    for a, b in line.bold:
        if a < span.end and b > span.start:
            cuts.update(x for x in (a, b) if span.start < x < span.end)
    marks: dict[int, tuple[int, str]] = {}
    for a, b in line.sup:
        if span.start <= a and b <= span.end and b - a <= SUP_MARKER_MAX:
            marks[a] = (b, "explicit")
    text = line.text
    for m in markers_in(text, span.start, span.end):
        if m.start() not in marks:
            kind = "explicit" if m.group()[0] in EXPLICIT_MARKS and markers else "bare"
            marks[m.start()] = (m.end(), kind)
    for a, (b, _) in marks.items():
        cuts.update((a, b))
    points = sorted(cuts)
    return [(a, b, marks[a][1] if a in marks and marks[a][0] == b else "text") for a, b in zip(points, points[1:])]


def markers_in(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """MARKER.finditer(text, start, end), each try at a character a marker starts with (MARKER_START), which a
    class finds in one C scan: finditer tries MARKER's three alternatives at every place, 13 ms for a line of
    200,000 characters (a page's HTML on one line) against some 1 ms."""
    at = start
    while (first := MARKER_START.search(text, at, end)) is not None:
        m = MARKER.match(text, first.start(), end)
        if m is None:
            at = first.start() + 1
        else:
            yield m
            at = m.end()
