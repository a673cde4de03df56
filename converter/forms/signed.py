"""The parse of documents signed by a person: an order (命令, 令), a motion (议案).

    …现予公布，自2024年5月1日起施行。
    市长  王明                           signature: a role and a name (or an organ)
    2024年3月1日
    某某市城市绿化管理办法 …              what it promulgates or submits: `transmitted`
    附件：…                              (or its attachments, when labelled)

The frame alone (forms/official.py) signs with organs only; these forms are
signed by the head of the organ, so the 署名 is a role and a name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from converter.blocks.parser import parse_body
from converter.forms.following import parse_parted, transmits
from converter.forms.official import is_label, parse_attachments, parse_framed
from converter.frame.foot import parse_tail, signer_span
from converter.frame.head import Head, apply_head, is_organ
from converter.model.context import Context
from converter.model.document import Dated, Document, Signature
from converter.model.text import Lines, Span, whole
from converter.patterns import HAN, pattern
from converter.rules import PRINTED_DATE, REMARK, SIGNATURE_DATE
from converter.values import iso_date

if TYPE_CHECKING:
    from converter.forms.registry import Form

# A person signing: "市长 王明", "省长：李华", "代理市长  周 强", "总理 李强"
PERSON_SIGNER = pattern(
    rf"[{HAN}]{{0,20}}?(?:代理|代)?(?:省长|市长|县长|区长|州长|旗长|盟长|主席|总理|部长|主任|局长|厅长|署长|委员长|院长)"
    rf"\s{{0,4}}[:：]?\s{{0,4}}[{HAN}](?:\s{{0,3}}[{HAN}]){{1,3}}",
    "市长 王明", "省长：李华", "代理市长  周 强", "总理 李强",
)
# How many lines of their own (the promulgation, the submission) these documents print before the signature.
OWN_LINES_MAX = 12
# The most lines the signers stand on above the date.
SIGNER_LINES_MAX = 2


def is_signer(text: str) -> bool:
    return PERSON_SIGNER.fullmatch(text.strip()) is not None or is_organ(text)


def find_signature(lines: Lines, start: int, stop: int) -> tuple[Signature, int, int] | None:
    """The signature: a date alone (or after its signer), its signers above; (signature, first line, after)."""
    for j in range(start, min(stop, start + OWN_LINES_MAX)):
        line = lines[j]
        m = SIGNATURE_DATE.fullmatch(line.text)
        iso = iso_date(m) if m is not None and not PRINTED_DATE.fullmatch(line.text) else None
        if m is None or iso is None:
            continue
        date = Dated(Span(line, m.start("date"), m.end("date")), iso)
        signer = signer_span(line, m)
        if signer is not None:
            if is_signer(signer.text):
                return Signature([signer], date), j, j + 1
            continue
        k = j
        while k > start and j - k < SIGNER_LINES_MAX and is_signer(lines[k - 1].text):
            k -= 1
        return Signature([whole(l) for l in lines[k:j]], date), k, j + 1
    return None


def parse_signed(form: Form, lines: Lines, head: Head, ctx: Context) -> Document:
    """The document of `head`, up to a document of its own printed inside its text (forms/following.py)."""
    doc: Document = parse_parted(parse_signed_one, form, lines, head, ctx)
    return doc


def parse_signed_one(form: Form, lines: Lines, head: Head, ctx: Context) -> Document:
    cc, printer, tail_start = parse_tail(lines, head.end)
    signed = find_signature(lines, head.end, tail_start)
    if signed is None:
        return parse_framed(form, lines, head, ctx)
    apply_head(head, ctx)      # what the frame stepped over goes to residue (frame/head.py)
    doc = Document(form.name, lines[0].n, issuer_mark=head.issuer_mark, doc_number=head.doc_number,
                   title=head.title, recipients=head.recipients)
    signature, first, after = signed
    doc.body = parse_body(head.body_lines(lines, first), ctx, form.rules)
    doc.signature = signature
    while after < tail_start and REMARK.fullmatch(lines[after].text):
        doc.remarks.append(whole(lines[after]))
        after += 1
    doc.cc, doc.printer = cc, printer
    if after < tail_start and is_label(lines[after]):
        doc.attachments = parse_attachments(lines[after:tail_start], ctx, form.rules)
    elif after < tail_start:
        return transmits(doc, lines, after, tail_start, ctx)
    return doc
