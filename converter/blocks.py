"""Segment body lines into paragraphs and numbered sections.

The real numbering is the structure: a line that starts with 一、 （一） 1. （1）
第X章 or 第X条 opens a section, provided its number continues the sequence at
that level. A number that restarts inside a section (the 一、二、三、 of an
enumeration within （一）) makes list items instead; one that fits nowhere
stays text, with a warning. Markdown levels play no part.

A paragraph goes on over line breaks, blank lines and page furniture while its
last line ends mid-sentence — that is how a page break that split a paragraph
is repaired — unless `repair` is off (a web page has no pages).

Like mistune's block parser, every block rule is a named pattern with one
handler; `SECTION_BLOCK_RULES` are the core ones, and form modules (table,
roster) add theirs — see forms/body.py for the order in which they apply.
The parsing state (`BodyState`) is kept apart from the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from converter.model import Item, ListBlock, Para, Section, Span, TableBlock, tail, whole
from converter.normalise import Line
from converter.rules import CLOSERS, CN_DIGITS, OPEN, RUN_IN_END, SECTION_RULES, TERMINAL
from converter.values import cn_number

# A line that may serve as the heading of a bare numeral on the line before:
# short, with no full stop but at its end.
HEADING_MAX = 40
# A line that ends with one of these stops mid-sentence even on a web page.
COMMAS = ("，", "、", ",")
# Section styles by the level they stand for (FORMAT.md): 一、=1 （一）=2 1.=3 （1）=4
STYLE_LEVEL = {"1": 1, "2": 2, "3": 3, "4": 4, "chapter": 1}


@dataclass
class BodyState:
    """The parsing state, kept apart from the rules."""

    root: Section
    stack: list[Section]
    para: Para | Item | None = None
    lst: ListBlock | None = None
    pending: Section | None = None          # a bare numeral waiting for its heading
    table: TableBlock | None = None         # the table whose rows are being read
    roster_role: str | None = None          # the role of the roster being read (组长 …)
    repair: bool = True
    numbered: dict[str, int] = field(default_factory=dict)   # the last section number of each style
    warnings: list[tuple[int, str]] = field(default_factory=list)

    def close(self) -> None:
        """A new block starts: nothing open goes on."""
        self.para = None
        self.lst = None
        self.pending = None
        self.table = None
        self.roster_role = None

    def append(self, block) -> None:
        self.container.children.append(block)

    @property
    def container(self) -> Section:
        return self.stack[-1]


def ends_open(text: str) -> bool:
    """Whether text ends mid-sentence (so the next line may continue it)."""
    text = text.rstrip()
    if not text:
        return False
    if text[-1] in "）)":
        return False
    stripped = text.rstrip(CLOSERS)
    if not stripped:
        return False
    return stripped[-1] not in TERMINAL


def joins(text: str, repair: bool) -> bool:
    """Whether the next line continues a paragraph that ends with `text`.

    Without page-break repair only a line cut after a comma goes on ("第二，").
    """
    if repair:
        return ends_open(text)
    return text.rstrip().endswith(COMMAS)


def level_of(style: str, stack: list[Section]) -> int:
    """The level a section of `style` takes, given the open sections."""
    if style == "article":
        chapters = [s for s in stack if s.style == "chapter"]
        return chapters[-1].level + 1 if chapters else 1
    articles = [s for s in stack if s.style == "article"]
    if articles and style in ("2", "3", "4"):
        # items inside an article sit below it, in their own order
        return articles[-1].level + STYLE_LEVEL[style] - 1
    return STYLE_LEVEL[style]


def classify(state: BodyState, style: str, level: int, number: int, rest: Span) -> str:
    """'section', 'item' or 'text' for a numbered line, by the sequences so far."""
    bare = rest.start >= len(rest.line.text)
    parent = next(s for s in reversed(state.stack) if s.level < level)
    last = parent.last.get(style)
    if last is None:
        section = "section" if number == 1 or not bare else None
    elif number == last + 1 or (number > last + 1 and not bare):
        section = "section"
    else:
        section = None
    if state.container.items.get(style) == number - 1:
        # an enumeration goes on, even after paragraphs between its items; when the
        # section sequence fits too, a heading-like line is the section
        if section and not bare and is_heading_like(rest.text):
            return "section"
        return "item"
    if section:
        return section
    if last is not None and number == 1:
        return "item"          # numbering restarts inside a section: an enumeration
    return "text"


@dataclass(frozen=True)
class BlockRule:
    """A named block pattern and its handler; the handler returns False to pass.

    `first` (the characters a match can start with) and `contains` (a text a
    match needs) let the parser skip a rule without running its pattern.
    """

    name: str
    pattern: re.Pattern[str]
    parse: Callable[[BodyState, Line, re.Match[str]], bool]
    first: str | None = None
    contains: str | None = None


def parse_body(lines: list[Line] | tuple[Line, ...], rules: tuple[BlockRule, ...] | None = None,
               repair: bool = True) -> tuple[list, list[tuple[int, str]]]:
    """Parse body lines into a list of Para / Section / ListBlock / … nodes."""
    if rules is None:
        rules = SECTION_BLOCK_RULES
    root = Section(0, "root", 0, None, [], 0)
    state = BodyState(root, [root], repair=repair)
    for line in lines:
        text = line.text
        start = text[:1]
        for rule in rules:
            if (rule.first is not None and start not in rule.first) or (
                    rule.contains is not None and rule.contains not in text):
                continue
            m = rule.pattern.match(text)
            if m and rule.parse(state, line, m):
                break
        else:
            parse_text(state, line)
    return root.children, state.warnings


def section_handler(style: str) -> Callable[[BodyState, Line, re.Match[str]], bool]:
    def parse(state: BodyState, line: Line, m: re.Match[str]) -> bool:
        return parse_numbered(state, line, style, m)
    return parse


def parse_numbered(state: BodyState, line: Line, style: str, m: re.Match[str]) -> bool:
    number = cn_number(m.group("n"))
    if number is None:
        return False
    rest = tail(line, m.end("num"))
    bare = rest.start >= len(line.text)
    level = level_of(style, state.stack)
    decision = classify(state, style, level, number, rest)
    num = Span(line, m.start("num"), m.end("num"))
    if decision == "section":
        parent = next(s for s in reversed(state.stack) if s.level < level)
        expected = {1, parent.last.get(style, 0) + 1, state.numbered.get(style, 0) + 1}
        if number not in expected:     # items and articles may number on across their parents
            state.warnings.append((line.n, f"numbering {num.text.strip()} skips ahead; taken as a section"))
        state.numbered[style] = number
        open_section(state, style, level, number, num, rest, bare)
        return True
    if decision == "item":
        add_item(state, style, number, num, rest, bare)
        return True
    state.warnings.append((line.n, f"numbering {num.text.strip()} does not continue the sequence; kept as text"))
    return False


def open_section(state: BodyState, style: str, level: int, number: int, num: Span,
                 rest: Span, bare: bool) -> None:
    state.close()
    while state.stack[-1].level >= level:
        state.stack.pop()
    parent = state.stack[-1]
    parent.last[style] = number
    section = Section(level, style, number, num, [], num.line.n)
    parent.children.append(section)
    state.stack.append(section)
    state.pending = section if bare else None
    if bare:
        return
    if style == "article":
        # an article has no heading: "第一条 为充分发挥…" is its first paragraph
        state.para = Para([rest])
        section.children.append(state.para)
        return
    stop = RUN_IN_END.search(rest.text)
    if stop and rest.text[stop.end():].strip():
        # run-in heading: "（一）全面实施…承诺制。" followed by body text
        cut = rest.start + stop.end()
        section.heading = [Span(rest.line, rest.start, cut)]
        body = tail(rest.line, cut)
        state.para = Para([body])
        section.children.append(state.para)
    else:
        section.heading = [rest]


def add_item(state: BodyState, style: str, number: int, num: Span, rest: Span, bare: bool) -> None:
    container = state.container
    lst = state.lst if state.lst is not None and state.lst.style == style else None
    state.close()
    state.lst = lst
    if state.lst is None:
        state.lst = ListBlock(style)
        container.children.append(state.lst)
    state.lst.last = number
    container.items[style] = number
    item = Item(num, [] if bare else [rest], num.line.n)
    state.lst.items.append(item)
    state.para = item
    state.pending = None


def parse_text(state: BodyState, line: Line) -> None:
    para = state.para
    if isinstance(para, Item) and not para.spans:
        para.spans.append(whole(line))          # "一、" alone, its text on the next line
        return
    if state.pending is not None and not state.pending.heading and is_heading_like(line.text):
        state.pending.heading = [whole(line)]   # "一、" alone, its heading on the next line
        state.pending = None
        return
    if para is not None and not line.indent and para.spans and joins(para.spans[-1].text, state.repair):
        para.spans.append(whole(line))
        return
    state.close()
    state.para = Para([whole(line)])
    state.append(state.para)


def is_heading_like(text: str) -> bool:
    if len(text) > HEADING_MAX:
        return False
    stop = RUN_IN_END.search(text)
    return stop is None or stop.end() == len(text.rstrip())


# What a section number of each style starts with: 第, a bracket, a numeral, a digit
SECTION_FIRST = {"chapter": "第", "article": "第", "2": OPEN, "4": OPEN, "1": CN_DIGITS,
                 "3": "0123456789０１２３４５６７８９"}

# The core block rules: numbered sections, in the order SECTION_RULES gives.
SECTION_BLOCK_RULES: tuple[BlockRule, ...] = tuple(
    BlockRule(rule.name, rule.pattern, section_handler(rule.kind), first=SECTION_FIRST[rule.kind])
    for rule in SECTION_RULES
)
