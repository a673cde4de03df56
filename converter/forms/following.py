"""Documents printed one after another in one text, with no masthead or 目录 to tell them apart.

A notice ends at its 署名 (and the 抄送 and 印发 lines under it, when printed).
What follows is the document it issues or forwards (印发, 转发: `transmitted`),
unless the notice names nothing it issues and the text below opens a
document of its own: a title ending in a 文种 word, with a 文号 or a 主送 under
it. That is the next document, beside this one: a file of forty notices is
forty documents, not one notice transmitting another thirty-nine deep
(which libxml2 refuses at some depth: the whole file failed).

Without a 署名 between them, a document of its own is told by its head
inside the text: a 文号 alone on its line (某政发〔2024〕4号) with a 文种
title beside it, every line from the head's first placed by the head
(`next_head`). A notice that names nothing it issues ends there, and its
last attachment too: what it printed was the next document, not its text.

The text of the next document rides on the one before (`Document.following`)
until whoever holds them (the pipeline, a bulletin's column) parses it beside
it: `one_after_another`. The parse goes one document at a time, never deeper.

A document transmitted inside one transmitted inside another … stops at
MAX_TRANSMITTED (`transmits`): real chains (a province forwarding what the
State Council issued with a ministry's notice) are a few deep, but a file of
pages cut before their 署名, each read as transmitting the text below it,
would nest one level a page, past the 256 levels a default XML parser reads.
There the text is read as the next document, and a warning says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Hashable

from converter.frame.foot import CC_WITHIN, parse_tail, printed_date
from converter.frame.head import Head, parse_doc_number, parse_head
from converter.frame.roles import title_text
from converter.model.blocks import Para
from converter.model.context import Context
from converter.model.document import Document, Signature
from converter.model.rest import holding, rest_of
from converter.model.text import Line, Lines, LinesFrom, Span, plain
from converter.patterns import pattern
from converter.rules import CC, TITLE_FORM_WORD
from converter.values import iso_date

if TYPE_CHECKING:
    from converter.forms.registry import Form

# A form's parse of one document (Form.parse)
Parse = Callable[["Form", Lines, Head, Context], Any]

# A title that issues, forwards, approves or amends what is printed below it (关于印发…的通知,
# 关于批准《…》的决定, 关于修改…的决定): the text after its 署名 is that document
ISSUING_TITLE = pattern(r"印发|转发|批转|发布|颁布|公布|批准|修改|废止", "关于印发某某方案的通知", "关于修改《某某条例》的决定")
# … or a body that says so in its opening paragraphs, named or not: "现将有关文件转发给你们"
ISSUING_BODY = pattern(r"印发|转发|批转|发布|颁布|公布|批准", "现将有关文件转发给你们", "现将名单公布如下")
# How many of a body's first paragraphs are read for ISSUING_BODY.
OPENING_PARAGRAPHS = 3
# … and how many of its first lines, when the body is not parsed yet (next_head)
OPENING_LINES = 6
# The most lines a head prints above its 文号 (a title wrapped over lines, an issuer mark)
ABOVE_NUMBER = 4
# How many documents deep one may be transmitted inside another (转发 of a 印发 of …): real chains are a few
# deep; past this, the text is the document that follows (`transmits`), so an archive stays within what
# default XML parsers read (libxml2: 256 levels) however many cut pages a file holds
MAX_TRANSMITTED = 8
# How a sentence opens, never a title: a wrapped sentence that cites a document by its title and 文号
# ("按照市政府办公室关于做好防汛工作的通知" / "（某政办发〔2024〕1号）" / "要求，…") is no head
SENTENCE_OPENING = pattern(r"按照|根据|依据|依照|遵照|参照|结合|围绕|贯彻|落实|执行", "按照市政府办公室关于做好防汛工作的通知")


def issues_something(head: Head, doc: Document, issued: str) -> bool:
    """Whether the document says it issues, forwards or approves a text (`issued`: the name it gives one)."""
    if issued or ISSUING_TITLE.search(head.title_text):
        return True
    return any(isinstance(block, Para) and ISSUING_BODY.search(plain(block.spans))
               for block in doc.body[:OPENING_PARAGRAPHS])


def parse_parted(parse: Parse, form: Form, lines: Lines, head: Head, ctx: Context) -> Any:
    """`parse` of the document of `head`, ended where a document of its own opens inside its text (next_head):
    that text follows it, after whatever else it left over."""
    start = next_head(lines, head, ctx.known)
    if start is None:
        return parse(form, lines, head, ctx)
    doc = parse(form, lines[:start], head, ctx)
    if isinstance(doc, Document):
        doc.following = [*doc.following, *lines[start:]] if doc.following else rest_of(lines, start)
    return doc


def next_head(lines: Lines, head: Head, known: dict[Hashable, Any]) -> int | None:
    """Where, below the head, a document of its own opens (a 文号 alone on its line, in a head with a
    文种 title, a 主送 and text below, nothing stepped over), when the document of `head` names nothing it
    issues. Inside a text the 主送 is asked too: a sentence wrapped over lines may cite a document by its
    title and 文号 on lines of their own, but goes on with no 主送 under them.

    Not a head right under a 附件 label (a document printed as an attachment is its content), nor one
    that prints the document's own 文号 again (a page printing its text twice).

    `known` keeps what was read for the next document's search: the document after this one reads the
    same lines again, down to the same head (a file of many documents, none opening one this way, read
    them all once a document)."""
    own = head.doc_number
    own_number = plain(own.spans) if own is not None else None
    # (a 文号 holds 号: most lines hold none, and are passed over without a call; read up to the first head
    # found, from where the rest of the file holds 号 when that is known: model/rest.py)
    for k in holding(lines, "号", head.end, len(lines)):
        number = dated_number(lines[k], known)
        if number is None or number == own_number:
            continue
        for start in range(max(head.end, k - ABOVE_NUMBER), k + 1):
            if opens_here(lines, start, k, known):
                return start if not issues_anything(head, lines[head.end:start]) else None
    return None


def dated_number(line: Line, known: dict[Hashable, Any]) -> str | None:
    """The 文号 `line` prints alone, when it has an organ's prefix and a year (某政发〔2024〕4号)."""
    key = ("dated number", id(line))
    hit = known.get(key)
    if hit is not None and hit[0] is line:
        known_text: str | None = hit[1]
        return known_text
    number = parse_doc_number(line)
    text = plain(number.spans) if number is not None and number.year is not None and number.prefix else None
    known[key] = (line, text)       # (the line kept with it: an id is only that line's while it lives)
    return text


def opens_here(lines: Lines, start: int, number_line: int, known: dict[Hashable, Any]) -> bool:
    """Whether a head starts at `start` whose 文号 is that of lines[number_line], with nothing stepped over."""
    if start > 0 and lines[start - 1].text.lstrip()[:1] == "附":
        return False                    # (a 附件 label above: the document is the attachment's content)
    return own_head_number(lines, start, known) is lines[number_line]


def own_head_number(lines: Lines, start: int, known: dict[Hashable, Any]) -> Line | None:
    """The line of the 文号 of a head of a document of its own at `start`, if one opens there.

    Told by the lines from `start` to the end (how far they go is part of the key: a bulletin's column
    reads the lines of its own documents only)."""
    first, last = lines[start], lines[-1]
    key = ("head", id(first), id(last), len(lines) - start)
    hit = known.get(key)
    if hit is not None and hit[0] is first and hit[1] is last:
        known_line: Line | None = hit[2]
        return known_line
    found: Line | None = None
    head = parse_head(LinesFrom(lines, start))
    if not head.removed and head.doc_number is not None:
        title = title_text(head.title) if head.title else ""
        if (TITLE_FORM_WORD.search(title) is not None and SENTENCE_OPENING.match(title) is None
                and bool(head.recipients) and head.end < len(lines) - start):
            found = head.doc_number.spans[0].line
    known[key] = (first, last, found)
    return found


def issues_anything(head: Head, body: Lines) -> bool:
    """issues_something, read off the title and the body's first lines before the body is parsed."""
    if ISSUING_TITLE.search(head.title_text):
        return True
    return ISSUING_BODY.search("".join(line.text for line in body[:OPENING_LINES])) is not None


def own_document_after(lines: Lines, start: int) -> tuple[list[Span], Signature | None, int] | None:
    """Whether the text from `start` (under a 署名) opens a document of its own, maybe after the 抄送 and
    印发 lines of the one above: (that one's 抄送, its 印发, where the next starts); else None."""
    end = tail_end(lines, start)
    if end is not None:
        cc, printer, tail_start = parse_tail(lines[:end], start)
        if tail_start == start and opens_document(LinesFrom(lines, end)):
            return cc, printer, end
    return ([], None, start) if opens_document(LinesFrom(lines, start)) else None


def tail_end(lines: Lines, start: int) -> int | None:
    """The end of the 抄送 / 印发 lines that open `lines[start:]`, if they do: past the 印发 line near `start`,
    else past a one-line 抄送. (parse_tail then tells whether all of it is the tail.)"""
    for j in range(start, min(len(lines), start + CC_WITHIN)):
        m = printed_date(lines[j].text)
        if m and iso_date(m) is not None:
            return j + 1
    return start + 1 if start < len(lines) and CC.match(lines[start].text) else None


def opens_document(lines: Lines) -> bool:
    """A head of a document of its own: a title ending in a 文种 word, a 文号 or a 主送, and text below them."""
    if not lines:
        return False
    head = parse_head(lines)
    return (bool(head.title) and (head.doc_number is not None or bool(head.recipients))
            and TITLE_FORM_WORD.search(title_text(head.title)) is not None and head.end < len(lines))


def transmits(doc: Document, lines: Lines, start: int, stop: int, ctx: Context, implied_title: str = "") -> Document:
    """`doc` with `lines[start:stop]` as the document it transmits (`implied_title`: what that one goes by when it
    prints no title); MAX_TRANSMITTED deep, `doc` followed by the text from `start` instead, and a warning.

    What the transmitted document leaves over (a document of its own printed after it) follows them both,
    and the 抄送 and 印发 below it, printed after that text, are then the last document's."""
    if ctx.transmitting >= MAX_TRANSMITTED:
        ctx.warn(lines[start].n, f"documents transmitted {MAX_TRANSMITTED + 1} deep: the text from here is read "
                                 f"as the next document, not as one this document transmits")
        return followed(doc, lines, start)
    ctx.transmitting += 1
    try:
        inner = doc.transmitted = ctx.parse_document(rest_of(lines, start, stop), ctx, implied_title)
    finally:
        ctx.transmitting -= 1
    if not inner.following:
        return doc
    left = len(inner.following)     # (the end of the lines it was given: they end at `stop`)
    inner.following = ()
    return followed(doc, lines, stop - left)


def followed(doc: Document, lines: Lines, start: int) -> Document:
    """`doc` followed by the text from `start`, with the 抄送 and 印发 at its end (which were `doc`'s)."""
    doc.cc, doc.printer = [], None
    doc.following = rest_of(lines, start)
    return doc


def one_after_another(first: Any, ctx: Context) -> list[Any]:
    """`first` and the documents printed after it, each parsed from the text the one before left over."""
    found = [first]
    doc = first
    while isinstance(doc, Document) and doc.following:
        rest, doc.following = doc.following, ()
        doc = ctx.parse_document(rest, ctx)
        found.append(doc)
    return found
