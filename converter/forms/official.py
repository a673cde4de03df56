"""The parse every framed official document shares: head, body, 署名, foot.

A form's `parse` is `parse_official` unless it needs more. What follows the
署名 is either the document a notice issues (印发 / 转发 …: parsed as a
document of its own, `transmitted`) or the notice's own attachments (附件).
A document that prints no 署名 and whose title names what it approves,
amends or issues (关于批准《某某市城市绿化条例》的决定, 关于修改《…条例》的决定)
is followed by that document (a 修改决定 by the text as amended) from the
line that prints its title.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import replace

from converter.blocks.parser import RuleSet, parse_body
from converter.blocks.table import is_row
from converter.forms.following import issues_something, opens_document, own_document_after, parse_parted, transmits
from converter.frame.foot import find_signature, parse_tail, stray_printer
from converter.frame.head import Head, apply_head, is_organ
from converter.frame.roles import title_text
from converter.frame.titles import take_title
from converter.model.blocks import Attachment, Para
from converter.model.context import Context
from converter.model.document import Document
from converter.model.rest import holding, rest_of
from converter.model.text import Line, Lines, Span, collapse, plain, split_at, whole
from converter.patterns import HAN, pattern
from converter.rules import ATTACHMENT_NOTE, REMARK, TITLE_FORM_WORD, section_start

if TYPE_CHECKING:
    from converter.forms.registry import Form

# An attachment's label alone on its line
ATTACHMENT_LABEL = pattern(r"附\s{0,2}件\s{0,2}(?P<num>[\d一二三四五六七八九十]{0,3})", "附件", "附件 1", "附件二")
# An attachment whose title ends so is a roster (组成人员名单)
ROSTER_TITLE = pattern(r".{0,80}名\s{0,2}单", "区防汛指挥部组成人员名单")
# A label and the attachment's title on one line: "附件：某某任务分解表", "附件2：…"
ATTACHMENT_TITLE_LINE = pattern(r"(?P<label>附\s{0,2}件\s{0,2}(?P<num>[\d一二三四五六七八九十]{0,3})\s{0,2}[:：])"
                                r"\s{0,2}(?P<title>[^。；;\t|]{2,80})", "附件：某某县任务分解表", "附件2：某某名单")
# The number of the next item of a 附件说明: "2．", "3.", "（2）"
NOTE_ITEM_START = pattern(r"(?:[0-9０-９]{1,2}\s{0,2}[.．、]|[（(][0-9０-９]{1,2}[）)])", "2．", "（2）")
# The longest line that wraps the title of a 附件说明's item.
NOTE_WRAP_MAX = 40
# The longest attachment title line.
TITLE_MAX = 80
# The 附件说明 stands within this many lines above the 署名.
ATTACHMENT_NOTE_WITHIN = 8
# The form of a roster printed as an attachment.
ROSTER_FORM = "roster"
# A title that issues or forwards a document: "关于印发某某县春季植树造林工作方案的通知"
ISSUES_TITLE = pattern(r".{0,80}?(?:印发|转发|发布|颁布|公布)(?P<name>.{2,120})的(?:通知|决定|命令|令|通告)",
                       "关于印发《某某县春季植树造林工作方案》的通知", "关于转发某市人民政府关于印发方案的通知的通知")
# A title that names a document printed below its own text: what it approves, amends (and prints
# again as amended) or issues: "关于批准《某某市城市绿化条例》的决定", "关于修改《某某条例》的决定"
NAMES_TITLE = pattern(r".{0,80}?(?:批准|修改|印发|转发|发布|颁布|公布)(?P<name>.{2,120})的(?:通知|决定|命令|令|通告)",
                      "关于批准《某某市城市绿化条例》的决定", "关于修改《某某省水资源管理条例》的决定")
# … or a body that does: "现将《某某县春季植树造林工作方案》印发给你们"
ISSUES_IN_BODY = pattern(r"《(?P<name>[^《》]{2,120})》.{0,20}?(?:印发|转发|发布|颁布|公布)",
                         "现将《某某县春季植树造林工作方案》印发给你们")
# How many paragraphs of a notice are read for the name of what it issues.
ISSUED_NAME_PARAGRAPHS = 3
# Reading text: a transmitted document holds some
HAN_CHAR = pattern(rf"[{HAN}]", "通")


def parse_official(form: Form, lines: Lines, head: Head, ctx: Context) -> Document:
    """The document of `head`, up to a document of its own printed inside its text (forms/following.py)."""
    doc: Document = parse_parted(parse_framed, form, lines, head, ctx)
    return doc


def parse_framed(form: Form, lines: Lines, head: Head, ctx: Context) -> Document:
    apply_head(head, ctx)
    doc = Document(form.name, lines[0].n, issuer_mark=head.issuer_mark, doc_number=head.doc_number,
                   title=head.title, recipients=head.recipients)
    doc.cc, doc.printer, tail_start = parse_tail(lines, head.end)
    issued = issued_at_once(head, lines, tail_start)
    if issued:
        # the page prints the notice's title and 文号, then straight the document it issues
        return transmits(doc, lines, head.end, tail_start, ctx, issued)
    lines = own_printer_lines(lines, head.end, tail_start, ctx)
    attach = first_label(lines, head.end, tail_start)
    signature = find_signature(lines, head.end, attach)
    named = named_title_below(head, lines, attach) if signature is None else None
    if named is not None:
        doc.body = parse_body(head.body_lines(lines, named), ctx, form.rules)
        return transmits(doc, lines, named, tail_start, ctx, issued_name(head, doc))
    body_end = signature[1] if signature else attach
    note = attachment_note_start(lines, head.end, body_end)
    body_ctx = list_context(ctx) if form.name == ROSTER_FORM else ctx
    doc.body = parse_body(head.body_lines(lines, note), body_ctx, form.rules)
    inline = inline_attachment(lines, note, body_end, ctx, form.rules) if not signature else None
    if inline is None:
        doc.attachment_note = [whole(line) for line in lines[note:body_end]]
    else:
        doc.attachments.append(inline)
    if signature:
        doc.signature = signature[0]
        rest_start = signature[2]
        while rest_start < tail_start and REMARK.fullmatch(lines[rest_start].text):
            doc.remarks.append(whole(lines[rest_start]))
            rest_start += 1
        rest = lines[rest_start:tail_start]
        if rest and not is_label(rest[0]):
            issued = issued_name(head, doc)
            own = None if issues_something(head, doc, issued) else own_document_after(lines, rest_start)
            if own is not None:
                # the next document of the text, beside this one: its 抄送 and 印发 are the last document's
                doc.cc, doc.printer, start = own
                doc.following = rest_of(lines, start)
                return doc
            if not any(HAN_CHAR.search(line.text) for line in rest):
                # a stray mark of the page (a lone "|"): no document
                for line in rest:
                    ctx.remove_line("other", line, line.text)
                ctx.warn(rest[0].n, "text after the 署名 that holds no words kept in residue")
                return doc
            # the document this one issues or forwards (印发, 转发), maybe printed without a title of its own
            return transmits(doc, lines, rest_start, tail_start, ctx, issued)
        attach = rest_start
    doc.attachments.extend(parse_attachments(lines[attach:tail_start], ctx, form.rules))
    return doc


def issued_at_once(head: Head, lines: Lines, stop: int) -> str:
    """The name of what a notice issues, when its title stands right under the notice's head (no 主送, no body)."""
    m = ISSUES_TITLE.fullmatch(head.title_text) if head.title and not head.recipients and head.rest is None else None
    if not m or head.end >= stop:
        return ""
    title, _ = take_title(lines[:stop], head.end)
    name = m.group("name").strip("《》")
    return name if title and title_text(title) == name else ""


def named_title_below(head: Head, lines: Lines, stop: int) -> int | None:
    """The line below the head (after some text of the document's own) that prints the title of the
    document its title names: 关于批准《某某市城市绿化条例》的决定 … 某某市城市绿化条例."""
    m = NAMES_TITLE.fullmatch(head.title_text) if head.title else None
    if m is None:
        return None
    name = collapse(m.group("name").strip("《》"))
    for j in range(head.end + 1, stop):
        if collapse(lines[j].text) == name:
            title, _ = take_title(lines[:stop], j)
            return j if title and collapse(title_text(title)) == name else None
    return None


def issued_name(head: Head, doc: Document) -> str:
    """What the document a notice issues or forwards is called: 关于印发《X》的通知, 现将《X》印发给你们."""
    names = []
    m = ISSUES_TITLE.fullmatch(head.title_text)
    if m:
        names.append(m.group("name").strip("《》"))
    for para in doc.body[:ISSUED_NAME_PARAGRAPHS]:
        found = ISSUES_IN_BODY.search(plain(para.spans)) if isinstance(para, Para) else None
        if found:
            names.append(found.group("name"))
            break
    # the name that says what the document is (its 文种 word) first
    return next((name for name in names if TITLE_FORM_WORD.search(name)), names[0] if names else "")


def own_printer_lines(lines: Lines, start: int, end: int, ctx: Context) -> Lines:
    """An 印发 line with text after it is no printer: it and its organ stay lines of their own, never joined."""
    j = stray_printer(lines, start, end)
    if j is None or opens_document(lines[j + 1:end]):
        return lines            # (none, or the 印发 of a document that another follows: its own tail)
    ctx.warn(lines[j].n, "an 印发 line that is not the document's last line; kept as text")
    first = j - 1 if j - 1 >= start and is_organ(lines[j - 1].text) else j
    out = list(lines)
    for k in range(first, min(j + 2, len(out))):
        out[k] = replace(out[k], indent=True)
    return out


def is_label(line: Line) -> bool:
    # cheap test first: the label starts with 附 (most lines start otherwise)
    return line.text.lstrip()[:1] == "附" and ATTACHMENT_LABEL.fullmatch(line.text.strip()) is not None


def first_label(lines: Lines, start: int, end: int) -> int:
    # (a label holds 附, is_label's first test: a line without one is passed over without the call, and
    # not read at all in the rest of a file, where the lines holding 附 are known: model/rest.py)
    return next((i for i in holding(lines, "附", start, end) if is_label(lines[i])), end)


def attachment_note_start(lines: Lines, start: int, end: int) -> int:
    """附件说明 stands last in the body: "附件：…" and its wrapped lines."""
    for i in range(max(start, end - ATTACHMENT_NOTE_WITHIN), end):
        if ATTACHMENT_NOTE.match(lines[i].text):
            return i
    return end


def inline_attachment(lines: Lines, note: int, end: int, ctx: Context, rules: RuleSet) -> Attachment | None:
    """A "附件：title" line with the attachment's content right under it (a table, text), no 署名 between:
    the attachment itself, not a 附件说明 (a plan that ends with its task table)."""
    m = ATTACHMENT_TITLE_LINE.fullmatch(lines[note].text.strip()) if note < end else None
    if m is None:
        return None
    k = note + 1
    while k < end and note_line(lines[k]):
        k += 1
    if k == end:
        return None                          # only the note's own lines: a 附件说明
    line = lines[note]
    lead = len(line.text) - len(line.text.lstrip())
    label = Span(line, lead, lead + m.end("label"))
    title = Span(line, lead + m.start("title"), lead + m.end("title"))
    return fill_attachment(Attachment(label, m.group("num") or "", [title], [], line.n), lines[note + 1:end], ctx, rules)


def note_line(line: Line) -> bool:
    """A line that goes on a 附件说明: the next item (2．…), or a short wrapped line of a title."""
    text = line.text.strip()
    if NOTE_ITEM_START.match(text):
        return True
    return (0 < len(text) <= NOTE_WRAP_MAX and not is_row(line) and "。" not in text
            and not section_start(text))


def list_context(ctx: Context) -> Context:
    """How a 名单 is read: one entry a line, so a line goes on the one above only after 、 or ，
    (no page-break repair: "某某区：某某村、某某村" / "某某县：…" are two entries)."""
    return replace(ctx, repair=False)


def fill_attachment(attachment: Attachment, lines: Lines, ctx: Context, rules: RuleSet) -> Attachment:
    """An attachment's content: a roster document when its title ends in 名单, else its blocks."""
    if attachment.title and ROSTER_TITLE.fullmatch(collapse(plain(attachment.title))) and lines:
        roster = Document(ROSTER_FORM, attachment.title[0].line.n, title=attachment.title)
        roster.body = parse_body(lines, list_context(ctx), rules)
        attachment.title = []
        attachment.blocks = [roster]
        return attachment
    attachment.blocks = parse_body(lines, ctx, rules)
    return attachment


def parse_attachments(lines: Lines, ctx: Context, rules: RuleSet) -> list[Attachment]:
    """Split at each 附件 label; each attachment: label, title, content."""
    starts = [i for i, line in enumerate(lines) if is_label(line)]
    return [parse_attachment(chunk, ctx, rules) for _, chunk in split_at(lines, starts)]


def parse_attachment(lines: Lines, ctx: Context, rules: RuleSet) -> Attachment:
    label = lines[0]
    found = ATTACHMENT_LABEL.fullmatch(label.text.strip())
    num = found.group("num") if found else ""
    i = 1
    title: list[Span] = []
    # the title, unless it stands right above a table (then it is the table's caption)
    if (i < len(lines) and len(lines[i].text) <= TITLE_MAX and "。" not in lines[i].text
            and not (i + 1 < len(lines) and is_row(lines[i + 1]))):
        title = [whole(lines[i])]
        i += 1
    attachment = Attachment(whole(label), num, title, [], label.n)
    if title and ROSTER_TITLE.fullmatch(collapse(plain(title))):
        roster = Document(ROSTER_FORM, lines[1].n, title=title)
        roster.body = parse_body(lines[i:], list_context(ctx), rules)
        attachment.title = []
        attachment.blocks = [roster]
        return attachment
    attachment.blocks = parse_body(lines[i:], ctx, rules)
    return attachment
