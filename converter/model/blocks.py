"""The blocks of a body: what blocks/ parses and forms place in documents.

Simple data: each block knows its spans of input text and its first input
line. How a block becomes output is up to the module that parses it (its
node builder); parse state (sequence counters, open tables) lives in the
parser, never here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from converter.model.text import Line, Span


# eq=False, repr=False: nothing compares or prints these (converter/model/__init__.py says why)

@dataclass(slots=True, eq=False, repr=False)
class Para:
    """One paragraph: lines joined, page-break splits repaired."""

    spans: list[Span]

    @property
    def line(self) -> int:
        return self.spans[0].line.n


@dataclass(slots=True, eq=False, repr=False)
class Item:
    """A numbered item that is not a heading (一、 restarting inside a section)."""

    num: Span | None
    spans: list[Span]
    line: int


@dataclass(slots=True, eq=False, repr=False)
class ListBlock:
    """A list of numbered items."""

    style: str
    items: list[Item] = field(default_factory=list)


@dataclass(slots=True, eq=False, repr=False)
class Section:
    """A numbered section: 一、 （一） 1. （1） 第X章 第X条."""

    level: int
    style: str
    number: int
    num: Span | None
    heading: list[Span]
    line: int
    children: list[Any] = field(default_factory=list)


@dataclass(slots=True, eq=False, repr=False)
class Member:
    """One member of a roster: "组 长:舒基元 区人民政府代理区长"."""

    line: Line
    role: str            # as printed, letter-spacing removed; carried on from the role line
    role_end: int        # end of the printed role label ("组 长:") in line.text; 0 when none
    name: str
    post_start: int      # where the post begins in line.text; len(text) when none
    name_end: int = -1   # where the printed name ends in line.text (-1: at post_start)
    post_end: int = -1   # where the post ends ("张顺彩(市政府副市长)": before the bracket; -1: line end)
    label: Line | None = None    # a role label printed alone on the line above ("副组长:")
    end: int = -1        # where the member's text ends in line.text (-1: line end; several a line: at the next)


@dataclass(slots=True, eq=False, repr=False)
class Responsible:
    """（责任单位：…） at the end of a plan's item: its printed text and the units in it."""

    printed: list[Span]
    units: list[Span]

    @property
    def line(self) -> int:
        return self.printed[0].line.n


@dataclass(slots=True, eq=False, repr=False)
class TableBlock:
    """Rows of a table as printed (tab- or pipe-separated lines), before they are structured.

    `cells` holds, for each line, its cells when the parser made them already (a tab or pipe
    row: the cells it tested the row with), else None: a row is split once, its cells made once.
    """

    lines: list[Line]
    cells: list[list[Cell] | None]
    caption: list[Span] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)
    spaced: bool = False        # cells apart by runs of spaces (a PDF's text laid out in columns)

    @property
    def line(self) -> int:
        return (self.caption[0].line if self.caption else self.lines[0]).n

    def add(self, line: Line, cells: list[Cell] | None = None) -> None:
        self.lines.append(line)
        self.cells.append(cells)


class Cell:
    """A cell: its spans, their text and its key (the text without white space), worked out once.

    Cells are made by the thousand and their text is asked for again and again (is it a
    header, a 序号, a repeat, what kind of value): a plain slotted class that joins the text
    and takes out its white space when it is made. The spans never change after (a cell that
    takes more text, cells beyond the header's width, is a new cell), so neither do `text`
    and `key`. `text`, when given, is the spans' text (the caller has it at hand already), and so is `key`
    its key (a text the caller knows to hold no white space is its own).
    """

    __slots__ = ("spans", "text", "key", "merged", "rowspan", "colspan")

    def __init__(self, spans: list[Span] | None = None, text: str | None = None, key: str | None = None) -> None:
        if spans is None:
            spans, text = [], ""        # an empty cell (a third of a table's, often)
        elif text is None:
            text = spans[0].text if len(spans) == 1 else "".join([s.text for s in spans])
        self.spans = spans
        self.text = text
        # str.split() cuts at exactly the characters str.isspace() and the regex \s know
        self.key = key if key is not None else "".join(text.split()) if text else text
        # text merged in from a continuation line: rare, so a shared empty tuple until there is some
        self.merged: tuple[Span, ...] = ()
        self.rowspan = 1
        self.colspan = 1

    def __repr__(self) -> str:
        return f"Cell({self.text!r}, rowspan={self.rowspan}, colspan={self.colspan}, merged={len(self.merged)})"


@dataclass(slots=True, eq=False, repr=False)
class Row:
    """One row of a table: its kind and cells."""

    kind: str            # header | group | data | note
    cells: list[Cell]
    line: int


@dataclass(slots=True, eq=False, repr=False)
class Table:
    """A table as meant: one header, group, data and note rows."""

    caption: list[Span]
    rows: list[Row]
    line: int


@dataclass(slots=True, eq=False, repr=False)
class Attachment:
    """附件 N: its label line, title and content."""

    label: Span | None
    num: str
    title: list[Span]
    blocks: list[Any]
    line: int


# --- what particular forms add (blocks of their own plug-ins) ---------------------------

@dataclass(slots=True, eq=False, repr=False)
class Adopted:
    """A line of a 题注 under the title: （2024年1月10日…会议通过）, …第一次修正."""

    spans: list[Span]
    date: str | None     # ISO date of the first date printed


@dataclass(slots=True, eq=False, repr=False)
class Amendment:
    """One item of a 修改决定: "一、第二条修改为：…", and the paragraphs of new text under it."""

    num: Span | None
    paras: list[Para]
    line: int


@dataclass(slots=True, eq=False, repr=False)
class Answers:
    """The reference to the document a reply answers: 你省《关于…的请示》（…号）收悉。"""

    spans: list[Span]                # the citing sentence, up to 收悉
    form: str | None                 # the form of the document answered (its title word)
    titles: list[Span]               # the cited titles, inside 《》
    numbers: list[Span]              # the cited 文号, inside brackets after a title

    @property
    def line(self) -> int:
        return self.spans[0].line.n


@dataclass(slots=True, eq=False, repr=False)
class MeetingFact:
    """时间：… / 地点：… of the meeting a 纪要 records: its label (letter-spacing removed), its line, its date."""

    name: str
    span: Span
    iso: str | None

    @property
    def line(self) -> int:
        return self.span.line.n


@dataclass(slots=True, eq=False, repr=False)
class Attendance:
    """出席：… / 列席：… in 纪要: the label, and the attendees split at 、，；."""

    role: str
    spans: list[Span]
    attendees: list[Span]

    @property
    def line(self) -> int:
        return self.spans[0].line.n
