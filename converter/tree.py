"""Build the archive tree (FORMAT.md) from the parsed model, with lxml.

Element names follow GB/T 9704. Ids are given in document order, so the same
input always gets the same ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from converter import __version__
from converter.forms.glossary import Resolver, resolver
from converter.forms.table_structure import Cell, Table, cell_text
from converter.inline import render_inline
from converter.model import (Attachment, Author, Document, Glossary, Item, ListBlock, Member, Para,
                             Responsible, Section, Signature, Span, collapse, plain)
from converter.normalise import Normalised, Removed
from converter.xmlnames import NS, SCHEMA_VERSION, q

# Two or more spaces: a column gap, as between the organs and 文件 of a joint 发文机关标志
WIDE_GAP = re.compile(r"\s{2,}")


@dataclass
class Build:
    """What rendering collects on the way: warnings, and residue found while parsing."""

    warnings: list[tuple[int, str]] = field(default_factory=list)
    residue: list[Removed] = field(default_factory=list)

    def remove(self, items: list[Removed]) -> None:
        self.residue.extend(items)


def build_archive(source, page: Normalised, content: list, build: Build, render=None) -> etree._Element:
    """The archive root: source, the documents (or a bulletin, via `render`), residue."""
    root = etree.Element(q("archive"), nsmap={None: NS})
    root.set("schemaVersion", SCHEMA_VERSION)
    src = etree.SubElement(root, q("source"))
    src.set("name", source.name)
    src.set("sha256", source.sha256)
    src.set("encoding", source.encoding)
    src.set("lines", str(page.line_count))
    src.set("converter", f"gongwen {__version__}")
    if render is not None:
        render(root, content, build)
    else:
        for k, doc in enumerate(content, start=1):
            assign_ids(doc, f"d{k}")
            render_document(root, doc, build)
    render_residue(root, page, build)
    return root


def assign_ids(doc: Document, doc_id: str) -> None:
    doc.id = doc_id
    if doc.glossary:
        for k, entry in enumerate(doc.glossary.entries, start=1):
            entry.id = f"{doc_id}.n{k}"
    if doc.transmitted:
        assign_ids(doc.transmitted, f"{doc_id}.1")
    for k, attachment in enumerate(doc.attachments, start=1):
        for block in attachment.blocks:
            if isinstance(block, Document):
                assign_ids(block, f"{doc_id}.a{k}")


def sub(parent, name: str, line: int | None = None, text: str | None = None):
    el = etree.SubElement(parent, q(name), None if line is None else {"line": str(line)})
    if text:
        el.text = text
    return el


def render_document(parent, doc: Document, build: Build) -> None:
    el = sub(parent, "document")
    el.set("form", doc.form)
    el.set("id", doc.id)
    el.set("line", str(doc.line))
    if doc.date:
        el.set("date", doc.date)
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
        render_inline(note, doc.attachment_note, None, build.warnings)
    if doc.signature:
        render_signature(el, "signature", doc.signature)
    for remark in doc.remarks:
        sub(el, "remark", remark.line.n, remark.text.strip())
    if doc.transmitted:
        render_document(sub(el, "transmitted"), doc.transmitted, build)
    if doc.attachments:
        render_attachments(el, doc.attachments, build)
    if doc.glossary:
        render_glossary(el, doc.glossary, build)
    if doc.cc:
        cc = sub(el, "cc", doc.cc[0].line.n)
        render_inline(cc, doc.cc, None, build.warnings)
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
            render_inline(sub(parent, "p", block.line), block.spans, resolve, build.warnings)
        elif isinstance(block, Section):
            render_section(parent, block, resolve, build)
        elif isinstance(block, ListBlock):
            lst = sub(parent, "list")
            for item in block.items:
                render_item(lst, item, resolve, build)
        elif isinstance(block, Table):
            render_table(parent, block, build)
        elif isinstance(block, Member):
            render_member(parent, block)
        elif isinstance(block, Responsible):
            render_responsible(parent, block)
        elif isinstance(block, Document):
            render_document(parent, block, build)


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
    render_inline(el, item.spans, resolve, build.warnings)


def render_member(parent, member: Member) -> None:
    el = sub(parent, "member", member.line.n)
    el.set("role", member.role)
    text = member.line.text
    if member.role_end:
        el.text = collapse(text[:member.role_end])
    sub(el, "name", None, member.name)
    post = text[member.post_start:].strip()
    if post:
        el[-1].tail = " "
        sub(el, "post", None, post)


def render_responsible(parent, responsible: Responsible) -> None:
    el = sub(parent, "responsible", responsible.line)
    for span in responsible.spans:
        pos = span.start
        for unit in sorted((u for u in responsible.units if u.line is span.line), key=lambda u: u.start):
            append(el, span.line.text[pos:unit.start])
            sub(el, "unit", None, unit.text)
            pos = unit.end
        append(el, span.line.text[pos:span.end])


def append(el, text: str) -> None:
    if not text:
        return
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def render_table(parent, table: Table, build: Build) -> None:
    el = sub(parent, "table", table.line)
    if table.caption:
        sub(el, "title", table.caption[0].line.n, plain(table.caption))
    for row in table.rows:
        r = sub(el, "row", row.line)
        r.set("kind", row.kind)
        for cell in row.cells:
            render_cell(r, cell)
    build.remove(table.removed)


def render_cell(parent, cell: Cell) -> None:
    el = sub(parent, "cell")
    if cell.rowspan > 1:
        el.set("rowspan", str(cell.rowspan))
    text = cell_text(cell)
    if text:
        el.text = text
    for span in cell.merged:
        # text merged in from a continuation line keeps its own line number
        sub(el, "merged", span.line.n, span.text.strip())


def render_attachments(parent, attachments: list[Attachment], build: Build) -> None:
    el = sub(parent, "attachments")
    for attachment in attachments:
        a = sub(el, "attachment", attachment.line)
        if attachment.num:
            a.set("num", attachment.num)
        if attachment.label is not None:
            sub(a, "label", attachment.label.line.n, collapse(attachment.label.text))
        if attachment.title:
            sub(a, "title", attachment.title[0].line.n, plain(attachment.title))
        render_blocks(a, attachment.blocks, None, build)


def render_glossary(parent, glossary: Glossary, build: Build) -> None:
    el = sub(parent, "glossary", glossary.line)
    sub(el, "title", glossary.title[0].line.n, plain(glossary.title))
    for note in glossary.notes:
        render_inline(sub(el, "p", note.line), note.spans, None, build.warnings)
    for entry in glossary.entries:
        e = sub(el, "entry", entry.line)
        e.set("n", str(entry.n))
        e.set("id", entry.id)
        if entry.num is not None:
            sub(e, "num", None, entry.num.text.strip())
        sub(e, "term", None, plain(entry.term))
        render_inline(sub(e, "definition"), entry.definition, None, build.warnings)


def render_residue(root, page: Normalised, build: Build) -> None:
    """Everything taken out of the reading flow, in input order."""
    whole_lines = {r.line for r in build.residue if r.reason in WHOLE_LINE_REASONS}
    removed: list[Removed] = list(page.residue) + build.residue
    for line in page.lines:
        if line.n not in whole_lines:
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


# Residue that stands for a whole input line (its markup is in its text already).
WHOLE_LINE_REASONS = {"repeated-table-header", "repeated-table-row", "running-header", "markup"}
