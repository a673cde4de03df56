"""A document as nodes, in the order FORMAT.md gives its children (GB/T 9704 names).

The frame is the same for every form: what a form adds lives in the body
and in the parts it fills (an occasion, a speaker, a glossary).
"""

from __future__ import annotations

from converter.model.blocks import Attachment
from converter.frame.roles import signer_text, title_text
from converter.model.document import Author, DocNumber, Document, Signature
from converter.model.node import Child, Node, leaf, node
from converter.tree.builder import Builder, NodeFunction
from converter.model.text import Span, collapse, plain
from converter.patterns import pattern

# Two or more spaces: a column gap, as between the organs and 文件 of a joint 发文机关标志
WIDE_GAP = pattern(r"\s{2,}", "发展改革委办公厅  文件")

# The number of an item of a 附件说明 at the start of its line: "2．", "3.", "4、", "（2）"
NOTE_ITEM = pattern(r"\s*(?:[0-9０-９]{1,2}\s{0,2}[.．、]|[（(][0-9０-９]{1,2}[）)])", "      2．", "3.", "（2）")


def document_node(doc: Document, b: Builder) -> Node:
    el = Node("document", {"form": doc.form, "id": doc.id, "line": str(doc.line)})
    if doc.date:
        el.attrs["date"] = doc.date
    if doc.issuer_mark:
        el.add(leaf("issuerMark", doc.issuer_mark[0].line.n, issuer_text(doc.issuer_mark)))
    title_first = bool(doc.title and doc.doc_number and doc.title[0].order < doc.doc_number.spans[0].order)
    if title_first:
        el.add(leaf("title", doc.title[0].line.n, title_text(doc.title)))
    if doc.doc_number:
        el.add(doc_number_node(doc.doc_number))
    if doc.title and not title_first:
        el.add(leaf("title", doc.title[0].line.n, title_text(doc.title)))
    # a page may print the speaker above the occasion: reading order is kept
    author_first = bool(doc.author and doc.delivered and doc.author.span.line.n < doc.delivered[0][0].line.n)
    if doc.author and author_first:
        el.add(author_node(doc.author))
    if doc.delivered:
        spans, iso = doc.delivered
        delivered = node("delivered", spans[0].line.n, plain(spans))
        if iso:
            delivered.attrs["date"] = iso
        el.add(delivered)
    if doc.author and not author_first:
        el.add(author_node(doc.author))
    if doc.recipients:
        el.add(leaf("recipients", doc.recipients[0].line.n, plain(doc.recipients)))
    if doc.body or doc.salutation:
        body = Node("body")
        if doc.salutation:
            body.add(leaf("salutation", doc.salutation.line.n, doc.salutation.text.strip()))
        body.children.extend(b.nodes(doc.body))
        el.add(body)
    if doc.attachment_note:
        el.add(attachment_note_node(doc.attachment_note, b))
    if doc.signature:
        el.add(signature_node("signature", doc.signature))
    for remark in doc.remarks:
        el.add(leaf("remark", remark.line.n, remark.text.strip()))
    if doc.transmitted:
        el.add(Node("transmitted", {}, [b.node(doc.transmitted)]))
    # a report may print its glossary before its attachments: reading order is kept
    glossary_first = bool(doc.glossary and doc.attachments and doc.glossary.line < doc.attachments[0].line)
    if doc.glossary and glossary_first:
        el.add(b.node(doc.glossary))
    if doc.attachments:
        el.add(Node("attachments", {}, [attachment_node(a, b) for a in doc.attachments]))
    if doc.glossary and not glossary_first:
        el.add(b.node(doc.glossary))
    if doc.cc:
        el.add(Node("cc", {"line": str(doc.cc[0].line.n)}, b.inline(doc.cc)))
    if doc.printer:
        el.add(signature_node("printer", doc.printer))
    return el


def attachment_note_node(spans: list[Span], b: Builder) -> Node:
    """附件说明: a line wrapped inside an item goes on it; a line that starts the next item a space apart."""
    runs: list[list[Span]] = []
    for span in spans:
        if runs and not NOTE_ITEM.match(span.text):
            runs[-1].append(span)
        else:
            runs.append([span])
    children: list[Child] = []
    for k, run in enumerate(runs):
        if k and not runs[k - 1][-1].text.rstrip().endswith(("：", ":")):
            children.append(" ")
        children.extend(b.inline(run))
    return Node("attachmentNote", {"line": str(spans[0].line.n)}, children)


def doc_number_node(number: DocNumber) -> Node:
    """发文字号 as printed; its parts as attributes (an order's 令第5号 has no year, a bare 第5号 no prefix)."""
    el = node("docNumber", number.spans[0].line.n, plain(number.spans))
    if number.prefix:
        el.attrs["prefix"] = number.prefix
    if number.year is not None:
        el.attrs["year"] = str(number.year)
    el.attrs["seq"] = str(number.seq)
    if number.date:
        el.attrs["date"] = number.date
    return el


def issuer_text(spans: list[Span]) -> str:
    """Lines and wide gaps of a 发文机关标志 become single spaces; letter-spacing goes."""
    parts = (collapse(part) for span in spans for part in WIDE_GAP.split(span.text.strip()))
    return " ".join(part for part in parts if part)


def author_node(author: Author) -> Node:
    el = node("author", author.span.line.n)
    if author.role:
        el.attrs["role"] = author.role
    if author.role_text:
        el.add(author.role_text + " ")
    el.add(leaf("name", None, author.name))
    return el


def signature_node(name: str, signature: Signature) -> Node:
    el = node(name, (signature.signers[0] if signature.signers else signature.date.span).line.n)
    for signer in signature.signers:
        el.add(leaf("signer", signer.line.n, signer_text(signer.text)))
    date = node("date", signature.date.span.line.n, collapse(signature.date.span.text))
    date.attrs["value"] = signature.date.iso
    el.add(date)
    return el


def attachment_node(attachment: Attachment, b: Builder) -> Node:
    el = node("attachment", attachment.line)
    if attachment.num:
        el.attrs["num"] = attachment.num
    if attachment.label is not None:
        el.add(leaf("label", attachment.label.line.n, collapse(attachment.label.text)))
    if attachment.title:
        el.add(leaf("title", attachment.title[0].line.n, plain(attachment.title)))
    el.children.extend(b.nodes(attachment.blocks))
    return el


RENDERS: dict[type, NodeFunction] = {Document: document_node}
