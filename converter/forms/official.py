"""The parse every framed official document shares: head, body, 署名, foot.

A form module calls `parse_official` with its own form name and block rules;
what follows the 署名 (the document a notice issues) is parsed as a document
of its own and becomes `transmitted`.
"""

from __future__ import annotations

from typing import Callable

from converter.blocks import parse_body
from converter.forms import frame
from converter.model import Document, whole
from converter.rules import ATTACHMENT_NOTE, SECTION_RULES, Rule

ParseDocument = Callable[..., tuple[Document, list]]


def parse_official(lines, head: frame.Head, form: str, repair: bool, parse_document: ParseDocument,
                   rules: tuple[Rule, ...] = SECTION_RULES) -> tuple[Document, list]:
    warnings: list[tuple[int, str]] = []
    doc = Document(form, lines[0].n, issuer_mark=head.issuer_mark, doc_number=head.doc_number,
                   title=head.title, recipients=head.recipients)
    doc.cc, doc.printer, tail_start = frame.parse_tail(lines, head.end)
    signature = frame.find_signature(lines, head.end, tail_start)
    body_end = signature[1] if signature else tail_start
    note = attachment_note_start(lines, head.end, body_end)
    doc.body, w = parse_body(lines[head.end:note], rules, repair)
    warnings += w
    doc.attachment_note = [whole(l) for l in lines[note:body_end]]
    if signature:
        doc.signature = signature[0]
        rest = lines[signature[2]:tail_start]
        if rest:
            doc.transmitted, w = parse_document(rest, repair)
            warnings += w
    return doc, warnings


def attachment_note_start(lines, start: int, end: int) -> int:
    """附件说明 stands last in the body: "附件：…" and its wrapped lines."""
    for i in range(max(start, end - 8), end):
        if ATTACHMENT_NOTE.match(lines[i].text):
            return i
    return end
