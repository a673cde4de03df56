"""The parsed model: simple data that the form modules build and tree.py renders.

Text is never copied out of its line: a `Span` points into a Line's clean
text, so every piece of output knows the input line it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from converter.normalise import Line


@dataclass(frozen=True, slots=True)
class Span:
    """A slice [start, end) of one line's clean text."""

    line: Line
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.line.text[self.start:self.end]


def split_at(lines, starts: list[int]):
    """(start, lines[start:next start]) for each start, in order: a text cut where each part begins."""
    for k, start in enumerate(starts):
        yield start, lines[start:starts[k + 1] if k + 1 < len(starts) else len(lines)]


def whole(line: Line) -> Span:
    return Span(line, 0, len(line.text))


def tail(line: Line, start: int) -> Span:
    """The rest of a line from `start`, leading white space skipped."""
    text = line.text
    while start < len(text) and text[start].isspace():
        start += 1
    return Span(line, start, len(text))


def joined(spans: list[Span] | tuple[Span, ...]) -> str:
    return "".join(span.text for span in spans)


@dataclass(slots=True)
class Para:
    """One paragraph: lines joined, page-break splits repaired."""

    spans: list[Span]

    @property
    def line(self) -> int:
        return self.spans[0].line.n


@dataclass(slots=True)
class Item:
    """A numbered item that is not a heading (一、 restarting inside a section)."""

    num: Span | None
    spans: list[Span]
    line: int


@dataclass(slots=True)
class ListBlock:
    style: str
    items: list[Item] = field(default_factory=list)
    last: int = 0


@dataclass(slots=True)
class Section:
    """A numbered section: 一、 （一） 1. （1） 第X章 第X条."""

    level: int
    style: str
    number: int
    num: Span | None
    heading: list[Span]
    line: int
    children: list = field(default_factory=list)
    last: dict[str, int] = field(default_factory=dict)   # last child section number by style
    items: dict[str, int] = field(default_factory=dict)  # last list item number by style


@dataclass(frozen=True)
class DocNumber:
    """发文字号 as printed, with its parts."""

    spans: tuple[Span, ...]
    prefix: str
    year: int
    seq: int


@dataclass(frozen=True)
class Dated:
    """A date as printed with its ISO value."""

    span: Span
    iso: str


@dataclass(slots=True)
class Signature:
    """署名 and 成文日期 (or 印发机关 and 印发日期)."""

    signers: list[Span]
    date: Dated


@dataclass(slots=True)
class Author:
    """The speaker of a report: printed role, its role word, and the name."""

    span: Span
    role_text: str
    role: str | None
    name: str
    name_start: int        # where the name begins in span.text


@dataclass(slots=True)
class Entry:
    """One glossary entry (名词解释)."""

    n: int
    num: Span | None             # the printed number; None for an unnumbered entry
    term: list[Span]
    definition: list[Span]
    line: int
    id: str = ""


@dataclass(slots=True)
class Glossary:
    title: list[Span]
    notes: list[Para]
    entries: list[Entry]
    line: int


@dataclass(slots=True)
class Document:
    """One official document (公文) as FORMAT.md lays it out."""

    form: str
    line: int
    id: str = ""
    issuer_mark: list[Span] = field(default_factory=list)
    doc_number: DocNumber | None = None
    title: list[Span] = field(default_factory=list)
    delivered: tuple[list[Span], str | None] | None = None
    author: Author | None = None
    recipients: list[Span] = field(default_factory=list)
    salutation: Span | None = None
    body: list = field(default_factory=list)
    attachment_note: list[Span] = field(default_factory=list)
    signature: Signature | None = None
    remarks: list[Span] = field(default_factory=list)     # 附注 under the 成文日期
    transmitted: Document | None = None
    glossary: Glossary | None = None
    attachments: list = field(default_factory=list)      # Attachment
    cc: list[Span] = field(default_factory=list)
    printer: Signature | None = None
    date: str | None = None                              # a brief's date (ISO)


# White space between two CJK characters (or a CJK character and a digit) is
# letter-spacing or an OCR gap, never meaningful: "通 知", "区 长", "2023 年".
_CJK = r"\u2014\u2018-\u201f\u2026\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
LETTER_SPACING = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}0-9])|(?<=[{_CJK}0-9])\s+(?=[{_CJK}])")


# Any white space: a line without any needs no collapsing.
ANY_SPACE = re.compile(r"\s")


def collapse(text: str) -> str:
    """Text with letter-spacing taken out and outer white space trimmed."""
    if not ANY_SPACE.search(text):
        return text
    return LETTER_SPACING.sub("", text).strip()


def plain(spans: list[Span] | tuple[Span, ...]) -> str:
    """The text of spans as one heading or title: joined, letter-spacing removed."""
    return collapse(joined(spans))


@dataclass(slots=True)
class Member:
    """One member of a roster: "组 长:舒基元 区人民政府代理区长"."""

    line: Line
    role: str            # as printed, letter-spacing removed; carried on from the role line
    role_end: int        # end of the printed role label ("组 长:") in line.text; 0 when none
    name: str
    post_start: int      # where the post begins in line.text; len(text) when none


@dataclass(slots=True)
class TableBlock:
    """Rows of a table as printed (tab- or pipe-separated lines); table.py structures them."""

    lines: list[Line]
    caption: list[Span] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)

    @property
    def line(self) -> int:
        return (self.caption[0].line if self.caption else self.lines[0]).n


@dataclass(slots=True)
class Responsible:
    """（责任单位：…） at the end of a plan's item: its text and the units in it."""

    spans: list[Span]
    units: list[Span]

    @property
    def line(self) -> int:
        return self.spans[0].line.n


@dataclass(slots=True)
class Attachment:
    """附件 N: its label line, title and content."""

    label: Span | None
    num: str
    title: list[Span]
    blocks: list
    line: int


@dataclass(frozen=True)
class Context:
    """What a form module needs from the pipeline while it parses a document.

    `parse_document(lines, ctx)` parses a nested document (the one a notice
    issues); `parse_body(lines, ctx)` parses a body with every registered block
    rule. Passing them in keeps form modules free of import cycles.
    """

    repair: bool
    parse_document: Callable[..., tuple["Document", list]]
    parse_body: Callable[..., tuple[list, list]]
