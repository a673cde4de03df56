"""Build the archive tree (FORMAT.md) from the parsed model, with lxml.

Element names follow GB/T 9704; one namespace with its version in it.
Ids are given in document order, so the same input always gets the same ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from converter import __version__
from converter.forms.glossary import MARKER, Resolver, resolver
from converter.model import (Author, Document, Glossary, Item, ListBlock, Para, Section, Signature, Span,
                             collapse, plain)
from converter.normalise import Normalised, Removed

NS = "urn:gongwen:archive:1.0"
SCHEMA_VERSION = "1.0"
# Two or more spaces: a column gap, as between the organs and 文件 of a joint 发文机关标志
WIDE_GAP = re.compile(r"\s{2,}")
# The longest <sup> content taken as a footnote marker.
SUP_MARKER_MAX = 4


def q(name: str) -> str:
    return f"{{{NS}}}{name}"


@dataclass
class Build:
    """What rendering collects on the way: warnings about unlinked markers."""

    warnings: list[tuple[int, str]] = field(default_factory=list)


def build_archive(source, page: Normalised, documents: list[Document], build: Build) -> etree._Element:
    root = etree.Element(q("archive"), nsmap={None: NS})
    root.set("schemaVersion", SCHEMA_VERSION)
    src = etree.SubElement(root, q("source"))
    src.set("name", source.name)
    src.set("sha256", source.sha256)
    src.set("encoding", source.encoding)
    src.set("lines", str(page.line_count))
    src.set("converter", f"gongwen {__version__}")
    for k, doc in enumerate(documents, start=1):
        assign_ids(doc, f"d{k}")
        render_document(root, doc, build)
    render_residue(root, page)
    return root


def assign_ids(doc: Document, doc_id: str) -> None:
    doc.id = doc_id
    if doc.glossary:
        for k, entry in enumerate(doc.glossary.entries, start=1):
            entry.id = f"{doc_id}.n{k}"
    if doc.transmitted:
        assign_ids(doc.transmitted, f"{doc_id}.1")


def sub(parent, name: str, line: int | None = None, text: str | None = None):
    el = etree.SubElement(parent, q(name))
    if line is not None:
        el.set("line", str(line))
    if text:
        el.text = text
    return el


def render_document(parent, doc: Document, build: Build) -> None:
    el = sub(parent, "document")
    el.set("form", doc.form)
    el.set("id", doc.id)
    el.set("line", str(doc.line))
    if doc.issuer_mark:
        sub(el, "issuerMark", doc.issuer_mark[0].line.n, issuer_text(doc.issuer_mark))
    title_first = doc.title and doc.doc_number and doc.title[0].line.n < doc.doc_number.spans[0].line.n
    if title_first:
        sub(el, "title", doc.title[0].line.n, plain(doc.title))
    if doc.doc_number:
        number = doc.doc_number
        dn = sub(el, "docNumber", number.spans[0].line.n, plain(number.spans))
        dn.set("prefix", number.prefix)
        dn.set("year", str(number.year))
        dn.set("seq", str(number.seq))
    if doc.title and not title_first:
        sub(el, "title", doc.title[0].line.n, plain(doc.title))
    if doc.delivered:
        spans, iso = doc.delivered
        d = sub(el, "delivered", spans[0].line.n, plain(spans))
        if iso:
            d.set("date", iso)
    if doc.author:
        render_author(el, doc.author)
    if doc.recipients:
        sub(el, "recipients", doc.recipients[0].line.n, plain(doc.recipients))
    resolve = resolver(doc.glossary) if doc.glossary else None
    if doc.body or doc.salutation:
        body = sub(el, "body")
        if doc.salutation:
            sub(body, "salutation", doc.salutation.line.n, doc.salutation.text.strip())
        render_blocks(body, doc.body, resolve, build)
    if doc.attachment_note:
        note = sub(el, "attachmentNote", doc.attachment_note[0].line.n)
        render_inline(note, doc.attachment_note, None, build)
    if doc.signature:
        render_signature(el, "signature", doc.signature)
    if doc.transmitted:
        render_document(sub(el, "transmitted"), doc.transmitted, build)
    if doc.glossary:
        render_glossary(el, doc.glossary, build)
    if doc.cc:
        cc = sub(el, "cc", doc.cc[0].line.n)
        render_inline(cc, doc.cc, None, build)
    if doc.printer:
        render_signature(el, "printer", doc.printer)


def issuer_text(spans: list[Span]) -> str:
    """Lines and wide gaps of a 发文机关标志 become single spaces; letter-spacing goes."""
    parts = (collapse(part) for span in spans for part in WIDE_GAP.split(span.text.strip()))
    return " ".join(part for part in parts if part)


def render_author(parent, author: Author) -> None:
    el = sub(parent, "author", author.span.line.n)
    if author.role:
        el.set("role", author.role)
    if author.role_text:
        el.text = author.role_text + " "
    sub(el, "name", None, author.name)


def render_signature(parent, name: str, signature: Signature) -> None:
    el = sub(parent, name, (signature.signers[0] if signature.signers else signature.date.span).line.n)
    for signer in signature.signers:
        sub(el, "signer", signer.line.n, collapse(signer.text))
    date = sub(el, "date", signature.date.span.line.n, collapse(signature.date.span.text))
    date.set("value", signature.date.iso)


def render_blocks(parent, blocks: list, resolve: Resolver | None, build: Build) -> None:
    for block in blocks:
        if isinstance(block, Para):
            p = sub(parent, "p", block.line)
            render_inline(p, block.spans, resolve, build)
        elif isinstance(block, Section):
            render_section(parent, block, resolve, build)
        elif isinstance(block, ListBlock):
            lst = sub(parent, "list")
            for item in block.items:
                render_item(lst, item, resolve, build)


def render_section(parent, section: Section, resolve: Resolver | None, build: Build) -> None:
    el = sub(parent, "section", section.line)
    el.set("level", str(section.level))
    if section.num is not None:
        sub(el, "num", None, section.num.text.strip())
    if section.heading:
        sub(el, "heading", section.heading[0].line.n, plain(section.heading))
    render_blocks(el, section.children, resolve, build)


def render_item(parent, item: Item, resolve: Resolver | None, build: Build) -> None:
    el = sub(parent, "item", item.line)
    if item.num is not None:
        sub(el, "num", None, item.num.text.strip())
    render_inline(el, item.spans, resolve, build)


def render_glossary(parent, glossary: Glossary, build: Build) -> None:
    el = sub(parent, "glossary", glossary.line)
    sub(el, "title", glossary.title[0].line.n, plain(glossary.title))
    for note in glossary.notes:
        render_inline(sub(el, "p", note.line), note.spans, None, build)
    for entry in glossary.entries:
        e = sub(el, "entry", entry.line)
        e.set("n", str(entry.n))
        e.set("id", entry.id)
        sub(e, "num", None, entry.num.text.strip())
        sub(e, "term", None, plain(entry.term))
        render_inline(sub(e, "definition"), entry.definition, None, build)


# --- inline text: bold lead phrases and footnote markers ----------------------------

def render_inline(parent, spans: list[Span], resolve: Resolver | None, build: Build) -> None:
    """Write spans into `parent` as mixed content: text, <b>, <noteRef>."""
    out = Inline(parent)
    before: list[str] = []
    for k, span in enumerate(spans):
        if k and before and needs_space(before[-1], span.text):
            out.text(" ", False)
        for start, end, kind in segments(span, resolve is not None):
            text = span.line.text[start:end]
            bold = any(a <= start < b for a, b in span.line.bold)
            if kind == "text":
                out.text(text, bold)
            else:
                target = resolve("".join(before), text, kind == "explicit") if resolve else None
                if target:
                    out.note(text, target, bold)
                else:
                    out.text(text, bold)
                    if kind == "explicit":
                        build.warnings.append(
                            (span.line.n, f"footnote marker {text} matches no glossary entry; kept as text"))
            before.append(text)
    out.finish()


def needs_space(previous: str, following: str) -> bool:
    """A word broken at a line end: "Multi-" / "Channel" stays joined, "Network" / "Group" gets a space."""
    return bool(previous) and bool(following) and previous[-1].isascii() and previous[-1].isalnum() \
        and following[0].isascii() and following[0].isalnum()


def segments(span: Span, markers: bool) -> list[tuple[int, int, str]]:
    """Cut a span where bold starts or ends and around footnote markers."""
    line = span.line
    cuts = {span.start, span.end}
    for a, b in line.bold:
        cuts.update(x for x in (a, b) if span.start < x < span.end)
    marks: dict[int, tuple[int, str]] = {}
    for a, b in line.sup:
        if span.start <= a and b <= span.end and b - a <= SUP_MARKER_MAX:
            marks[a] = (b, "explicit")
    if markers or line.sup:
        for m in MARKER.finditer(line.text, span.start, span.end):
            if m.start() not in marks:
                kind = "explicit" if m.group()[0] in "［[" and markers else "bare"
                marks[m.start()] = (m.end(), kind)
    for a, (b, _) in marks.items():
        cuts.update((a, b))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:]):
        if a in marks and marks[a][0] == b:
            out.append((a, b, marks[a][1]))
        else:
            out.append((a, b, "text"))
    return out


class Inline:
    """Appends text to mixed content: to the parent, or to the tail of its last child."""

    def __init__(self, parent):
        self.parent = parent
        self.bold = None        # the open <b>, while bold text goes on

    def text(self, text: str, bold: bool) -> None:
        if not text:
            return
        if bold:
            if self.bold is None:
                self.bold = etree.SubElement(self.parent, q("b"))
            append_text(self.bold, text)
        else:
            self.bold = None
            append_text(self.parent, text)

    def note(self, text: str, target: str, bold: bool) -> None:
        if bold and self.bold is None:
            self.bold = etree.SubElement(self.parent, q("b"))
        host = self.bold if bold else self.parent
        if not bold:
            self.bold = None
        ref = etree.SubElement(host, q("noteRef"))
        ref.set("target", target)
        ref.text = text

    def finish(self) -> None:
        self.bold = None


def append_text(el, text: str) -> None:
    children = len(el)
    if children:
        last = el[children - 1]
        last.tail = (last.tail or "") + text
    else:
        el.text = (el.text or "") + text


def render_residue(root, page: Normalised) -> None:
    removed: list[Removed] = list(page.residue)
    for line in page.lines:
        removed.extend(line.markup)
    removed.sort(key=lambda r: r.line)
    residue = sub(root, "residue")
    for item in removed:
        el = sub(residue, "removed", item.line)
        el.set("reason", item.reason)
        if item.codepoint:
            el.set("codepoint", item.codepoint)
        if item.text:
            el.text = item.text
