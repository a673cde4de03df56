"""Documents printed one after another in one text, with no masthead or 目录 to tell them apart.

A notice ends at its 署名 (and the 抄送 and 印发 lines under it, when printed).
What follows is the document it issues or forwards (印发, 转发: `transmitted`),
unless the notice names nothing it issues and the text below opens a
document of its own: a title ending in a 文种 word, with a 文号 or a 主送 under
it. That is the next document, beside this one: a file of forty notices is
forty documents, not one notice transmitting another thirty-nine deep
(which libxml2 refuses at some depth: the whole file failed).

The text of the next document rides on the one before (`Document.following`)
until whoever holds them (the pipeline, a bulletin's column) parses it beside
it: `one_after_another`. The parse goes one document at a time, never deeper.
"""

from __future__ import annotations

from typing import Any

from converter.frame.foot import CC_WITHIN, parse_tail, printed_date
from converter.frame.head import Head, parse_head
from converter.frame.roles import title_text
from converter.model.blocks import Para
from converter.model.context import Context
from converter.model.document import Document, Signature
from converter.model.text import Lines, Span, plain
from converter.patterns import pattern
from converter.rules import CC, TITLE_FORM_WORD
from converter.values import iso_date

# A title that issues, forwards, approves or amends what is printed below it (关于印发…的通知,
# 关于批准《…》的决定, 关于修改…的决定): the text after its 署名 is that document
ISSUING_TITLE = pattern(r"印发|转发|批转|发布|颁布|公布|批准|修改|废止", "关于印发某某方案的通知", "关于修改《某某条例》的决定")
# … or a body that says so in its opening paragraphs, named or not: "现将有关文件转发给你们"
ISSUING_BODY = pattern(r"印发|转发|批转|发布|颁布|公布|批准", "现将有关文件转发给你们", "现将名单公布如下")
# How many of a body's first paragraphs are read for ISSUING_BODY.
OPENING_PARAGRAPHS = 3


def issues_something(head: Head, doc: Document, issued: str) -> bool:
    """Whether the document says it issues, forwards or approves a text (`issued`: the name it gives one)."""
    if issued or ISSUING_TITLE.search(head.title_text):
        return True
    return any(isinstance(block, Para) and ISSUING_BODY.search(plain(block.spans))
               for block in doc.body[:OPENING_PARAGRAPHS])


def own_document_after(lines: Lines, start: int) -> tuple[list[Span], Signature | None, int] | None:
    """Whether the text from `start` (under a 署名) opens a document of its own, maybe after the 抄送 and
    印发 lines of the one above: (that one's 抄送, its 印发, where the next starts); else None."""
    end = tail_end(lines, start)
    if end is not None:
        cc, printer, tail_start = parse_tail(lines[:end], start)
        if tail_start == start and opens_document(lines[end:]):
            return cc, printer, end
    return ([], None, start) if opens_document(lines[start:]) else None


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


def hand_on(doc: Document) -> Document:
    """`doc`, the text after the document it transmits made its own: that text follows them both."""
    inner = doc.transmitted
    if inner is not None and inner.following:
        doc.following, inner.following = inner.following, ()
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
