"""The parse every framed official document shares: head, body, 署名, foot.

A form module calls `parse_official` with its own form name. What follows the
署名 is either the document a notice issues (印发 / 转发 …: parsed as a
document of its own, `transmitted`) or the notice's own attachments (附件).
"""

from __future__ import annotations

import re
from converter.forms import frame, table
from converter.model import Attachment, Context, Document, Span, collapse, plain, split_at, whole
from converter.rules import ATTACHMENT_NOTE, REMARK

# An attachment's label alone on its line: "附件", "附件 1", "附件二"
ATTACHMENT_LABEL = re.compile(r"附\s{0,2}件\s{0,2}(?P<num>[\d一二三四五六七八九十]{0,3})")
# An attachment whose title ends so is a roster (组成人员名单)
ROSTER_TITLE = re.compile(r".{0,80}名\s{0,2}单")
# The longest attachment title line.
TITLE_MAX = 80


def parse_official(lines, head: frame.Head, form: str, ctx: Context) -> tuple[Document, list]:
    warnings: list[tuple[int, str]] = []
    doc = Document(form, lines[0].n, issuer_mark=head.issuer_mark, doc_number=head.doc_number,
                   title=head.title, recipients=head.recipients)
    doc.cc, doc.printer, tail_start = frame.parse_tail(lines, head.end)
    attach = first_label(lines, head.end, tail_start)
    signature = frame.find_signature(lines, head.end, attach)
    body_end = signature[1] if signature else attach
    note = attachment_note_start(lines, head.end, body_end)
    doc.body, w = ctx.parse_body(lines[head.end:note], ctx)
    warnings += w
    doc.attachment_note = [whole(l) for l in lines[note:body_end]]
    if signature:
        doc.signature = signature[0]
        rest_start = signature[2]
        while rest_start < tail_start and REMARK.fullmatch(lines[rest_start].text):
            doc.remarks.append(whole(lines[rest_start]))
            rest_start += 1
        if rest_start < tail_start and not is_label(lines[rest_start]):
            doc.transmitted, w = ctx.parse_document(lines[rest_start:tail_start], ctx)
            return doc, warnings + w
        attach = rest_start
    doc.attachments, w = parse_attachments(lines[attach:tail_start], ctx)
    return doc, warnings + w


def is_label(line) -> bool:
    return ATTACHMENT_LABEL.fullmatch(line.text.strip()) is not None


def first_label(lines, start: int, end: int) -> int:
    return next((i for i in range(start, end) if is_label(lines[i])), end)


def attachment_note_start(lines, start: int, end: int) -> int:
    """附件说明 stands last in the body: "附件：…" and its wrapped lines."""
    for i in range(max(start, end - 8), end):
        if ATTACHMENT_NOTE.match(lines[i].text):
            return i
    return end


def parse_attachments(lines, ctx: Context) -> tuple[list[Attachment], list]:
    """Split at each 附件 label; each attachment: label, title, content."""
    warnings: list[tuple[int, str]] = []
    starts = [i for i, line in enumerate(lines) if is_label(line)]
    attachments = []
    for _, chunk in split_at(lines, starts):
        attachment, w = parse_attachment(chunk, ctx)
        attachments.append(attachment)
        warnings += w
    return attachments, warnings


def parse_attachment(lines, ctx: Context) -> tuple[Attachment, list]:
    label = lines[0]
    num = ATTACHMENT_LABEL.fullmatch(label.text.strip()).group("num")
    i = 1
    title: list[Span] = []
    # the title, unless it stands right above a table (then it is the table's caption)
    if (i < len(lines) and len(lines[i].text) <= TITLE_MAX and "。" not in lines[i].text
            and not (i + 1 < len(lines) and table.is_row(lines[i + 1]))):
        title = [whole(lines[i])]
        i += 1
    attachment = Attachment(whole(label), num, title, [], label.n)
    if title and ROSTER_TITLE.fullmatch(collapse(plain(title))):
        roster = Document("roster", lines[1].n, title=title)
        roster.body, warnings = ctx.parse_body(lines[i:], ctx)
        attachment.title = []
        attachment.blocks = [roster]
        return attachment, warnings
    attachment.blocks, warnings = ctx.parse_body(lines[i:], ctx)
    return attachment, warnings
