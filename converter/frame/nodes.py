"""A document as nodes, in the order FORMAT.md gives its children (GB/T 9704 names).

The frame is the same for every form: what a form adds lives in the body
and in the parts it fills (an occasion, a speaker, a glossary).
"""

from __future__ import annotations

from typing import Any

from converter.model.blocks import Attachment
from converter.model.document import Author, Document, Signature
from converter.model.node import Node, node
from converter.render.builder import Builder, NodeFunction
from converter.model.text import Span, collapse, plain
from converter.patterns import pattern

# Two or more spaces: a column gap, as between the organs and 文件 of a joint 发文机关标志
WIDE_GAP = pattern(r"\s{2,}", "发展改革委办公厅  文件")


def document_node(doc: Document, b: Builder) -> Node:
    el = Node("document", {"form": doc.form, "id": doc.id, "line": str(doc.line)})
    if doc.date:
        el.attrs["date"] = doc.date
    if doc.issuer_mark:
        el.add(node("issuerMark", doc.issuer_mark[0].line.n, issuer_text(doc.issuer_mark)))
    title_first = bool(doc.title and doc.doc_number
                       and doc.title[0].line.position < doc.doc_number.spans[0].line.position)
    if title_first:
        el.add(node("title", doc.title[0].line.n, plain(doc.title)))
    if doc.doc_number:
        number = doc.doc_number
        dn = node("docNumber", number.spans[0].line.n, plain(number.spans))
        dn.attrs.update(prefix=number.prefix, year=str(number.year), seq=str(number.seq))
        el.add(dn)
    if doc.title and not title_first:
        el.add(node("title", doc.title[0].line.n, plain(doc.title)))
    if doc.delivered:
        spans, iso = doc.delivered
        delivered = node("delivered", spans[0].line.n, plain(spans))
        if iso:
            delivered.attrs["date"] = iso
        el.add(delivered)
    if doc.author:
        el.add(author_node(doc.author))
    if doc.recipients:
        el.add(node("recipients", doc.recipients[0].line.n, plain(doc.recipients)))
    if doc.body or doc.salutation:
        body = Node("body")
        if doc.salutation:
            body.add(node("salutation", doc.salutation.line.n, doc.salutation.text.strip()))
        body.children.extend(b.nodes(doc.body))
        el.add(body)
    if doc.attachment_note:
        el.add(Node("attachmentNote", {"line": str(doc.attachment_note[0].line.n)}, b.inline(doc.attachment_note)))
    if doc.signature:
        el.add(signature_node("signature", doc.signature))
    for remark in doc.remarks:
        el.add(node("remark", remark.line.n, remark.text.strip()))
    if doc.transmitted:
        el.add(Node("transmitted", {}, [b.node(doc.transmitted)]))
    if doc.attachments:
        el.add(Node("attachments", {}, [attachment_node(a, b) for a in doc.attachments]))
    if doc.glossary:
        el.add(b.node(doc.glossary))
    if doc.cc:
        el.add(Node("cc", {"line": str(doc.cc[0].line.n)}, b.inline(doc.cc)))
    if doc.printer:
        el.add(signature_node("printer", doc.printer))
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
    el.add(node("name", None, author.name))
    return el


def signature_node(name: str, signature: Signature) -> Node:
    el = node(name, (signature.signers[0] if signature.signers else signature.date.span).line.n)
    for signer in signature.signers:
        el.add(node("signer", signer.line.n, collapse(signer.text)))
    date = node("date", signature.date.span.line.n, collapse(signature.date.span.text))
    date.attrs["value"] = signature.date.iso
    el.add(date)
    return el


def attachment_node(attachment: Attachment, b: Builder) -> Node:
    el = node("attachment", attachment.line)
    if attachment.num:
        el.attrs["num"] = attachment.num
    if attachment.label is not None:
        el.add(node("label", attachment.label.line.n, collapse(attachment.label.text)))
    if attachment.title:
        el.add(node("title", attachment.title[0].line.n, plain(attachment.title)))
    el.children.extend(b.nodes(attachment.blocks))
    return el


RENDERS: dict[type, NodeFunction] = {Document: document_node}
