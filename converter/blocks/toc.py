"""A table of contents inside a body: the chapter list a regulation prints above its text.

    目  录                      (printed or not)
    第一章  总则                 tocEntry @level 1
    第二章  建设工程质量责任      tocEntry @level 1
    第一节  业主的质量责任        tocEntry @level 2
    …
    第一章  总则                 the body begins: this chapter opens the text

A run of bare 第X编 / 第X章 / 第X节 headings, numbered from 一 on, is a table of
contents when the body then prints its first entry's number again (or, under a 目录
heading, when the text ends inside it: a page cut short). Its lines are
claimed before the line rules run, so the body's own headings open the
chapters and number from 一 again. A leader and page number ending an entry
(……3) go to residue as `toc-leader`. An entry's heading may wrap onto the
next line (第三章 建设管理与 / 监督检查): that piece is the entry's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.blocks.parser import CLAUSE_ENDS, HEADING_MAX, SENTENCE_ENDS
from converter.model.context import Context
from converter.model.node import Node, leaf, node
from converter.model.text import Line, Lines, Span, collapse, tail, whole
from converter.numerals import cn_number
from converter.patterns import pattern
from converter.tree.builder import Builder, NodeFunction
from converter.rules import NUM_CHAPTER, NUM_PART, NUM_SUBCHAPTER, ORDINAL

# The 目录 heading (letter-spacing allowed)
TOC_TITLE = pattern(r"目\s{0,3}录", "目  录", "目录")
# The leader and page number ending an entry: "……3", "…… (12)", "···· 7", or the page alone after a gap
TOC_LEADER = pattern(r"(?P<leader>\s{0,4}[…·.．・\-—]{2,80}\s{0,4}(?:[（(]\s{0,2}(?P<page>\d{1,4})\s{0,2}[）)]|"
                     r"(?P<bare>\d{1,4}))|\s{1,8}[（(]?(?P<alone>\d{1,4})[）)]?)\s*$",
                     "第一章 总则……………1", "第二章  附则 …… (12)", "第三章 法律责任  7")
# The divisions a table of contents lists, outermost first, and the patterns that find them.
DIVISIONS = (("part", NUM_PART), ("chapter", NUM_CHAPTER), ("subchapter", NUM_SUBCHAPTER))
# A line DIVISIONS's patterns may find a division at the start of: their common opening (第, a numeral) before the
# word of any of them. It matches a text exactly where one of theirs does (each is the same opening and its one word).
DIVISION_START = pattern(rf"第\s{{0,2}}{ORDINAL}\s{{0,2}}[编章节]", "第一章 总则", "第 三 编", "第二节一般规定")
# The fewest entries a table of contents without a 目录 heading has.
MIN_ENTRIES = 2


@dataclass(slots=True, eq=False, repr=False)
class TocLine:
    """One entry: the numeral as printed, the heading after it, the division it names."""

    num: Span
    heading: Span | None
    style: str
    number: int
    leader: Span | None
    page: int | None = None
    level: int = 1
    wrapped: Span | None = None     # the rest of a heading wrapped onto the next line


@dataclass(slots=True, eq=False, repr=False)
class Toc:
    """A table of contents: its title and entries."""

    title: Span | None
    entries: list[TocLine] = field(default_factory=list)

    @property
    def line(self) -> int:
        return (self.title or self.entries[0].num).line.n


def division(line: Line) -> tuple[str, re.Match[str]] | None:
    """The division a line starts with (第X编 / 第X章 / 第X节), and the match."""
    text = line.text
    if text[:1] != "第" or DIVISION_START.match(text) is None:
        return None             # (most lines that open with 第 are articles: one match, not one for each division)
    for style, rule in DIVISIONS:
        m = rule.match(text)
        if m:
            return style, m
    return None


def toc_line(line: Line) -> TocLine | None:
    """A line that is a bare division heading, with an optional leader and page number."""
    found = division(line)
    if found is None:
        return None
    style, m = found
    number = cn_number(m.group("n"))
    if number is None:
        return None
    end = len(line.text)
    leader = TOC_LEADER.search(line.text, m.end("num"))
    if leader:
        end = leader.start("leader")
    rest = tail(line, m.end("num"))
    heading = Span(line, rest.start, max(rest.start, end)) if rest.start < end else None
    text = heading.text.rstrip() if heading else ""
    if len(text) > HEADING_MAX or (text and text[-1] in CLAUSE_ENDS + SENTENCE_ENDS) or "。" in text:
        return None
    leader_span = Span(line, leader.start("leader"), len(line.text)) if leader else None
    page = int(leader.group("page") or leader.group("bare") or leader.group("alone")) if leader else None
    return TocLine(Span(line, m.start("num"), m.end("num")), heading, style, number, leader_span, page)


def wraps_entry(lines: Lines, j: int, entry: TocLine) -> bool:
    """Whether line j goes on with the heading of the entry above (第三章 建设管理与 / 监督检查 / 第四章 …):
    a short piece of a heading, no division itself, between an entry that has a heading and no page
    number yet and another entry (or the body's first chapter) below. The entry takes it (and its page)."""
    line = lines[j]
    if entry.heading is None or entry.leader is not None or entry.wrapped is not None or j + 1 >= len(lines):
        return False
    if division(line) is not None or toc_line(lines[j + 1]) is None or TOC_TITLE.fullmatch(line.text):
        return False
    leader = TOC_LEADER.search(line.text)
    end = leader.start("leader") if leader else len(line.text)
    text = line.text[:end].strip()
    if not text or len(collapse(entry.heading.text + text)) > HEADING_MAX or "。" in text \
            or text[-1] in CLAUSE_ENDS + SENTENCE_ENDS:
        return False
    entry.wrapped = Span(line, 0, end)
    if leader:
        entry.leader = Span(line, leader.start("leader"), len(line.text))
        entry.page = int(leader.group("page") or leader.group("bare") or leader.group("alone"))
    return True


def printed_again(first: TocLine, after: Lines) -> bool | None:
    """Whether the first division heading below is the first entry's again (None: no division follows).

    The numbers decide, not the words: a 目录 often abridges or letter-spaces its titles.
    """
    for line in after:
        found = division(line)
        if found is None:
            continue
        style, m = found
        return style == first.style and cn_number(m.group("n")) == first.number
    return None


def numbered_from_one(entries: list[TocLine]) -> bool:
    """The outermost division listed numbers 1, 2, 3 … (the inner ones may start again under each)."""
    outer = min(DIVISIONS.index(next(d for d in DIVISIONS if d[0] == e.style)) for e in entries)
    numbers = [e.number for e in entries if e.style == DIVISIONS[outer][0]]
    return numbers == list(range(1, len(numbers) + 1))


def set_levels(entries: list[TocLine]) -> None:
    """Level 1 for the outermost division listed, one more for each division inside it."""
    styles = [d[0] for d in DIVISIONS if any(e.style == d[0] for e in entries)]
    for entry in entries:
        entry.level = styles.index(entry.style) + 1


def claim_tocs(lines: Lines, ctx: Context) -> dict[int, tuple[int, Toc]]:
    """The tables of contents in a body: start index → (end index, the Toc)."""
    claims: dict[int, tuple[int, Toc]] = {}
    i = 0           # where the next 目录 may start: after the lines of the last one read
    # cheap test first, for all lines in one go: a 目录 opens with its title (目 录) or its first entry (第一章)
    for start in [k for k, line in enumerate(lines) if line.text[:1] in ("第", "目")]:
        if start < i:
            continue
        titled = bool(TOC_TITLE.fullmatch(lines[start].text))
        j = start + 1 if titled else start
        entries: list[TocLine] = []
        while j < len(lines):
            entry = toc_line(lines[j])
            if entry is None and entries and wraps_entry(lines, j, entries[-1]):
                j += 1
                continue
            if entry is None or (entries and (entry.style, entry.number) == (entries[0].style, entries[0].number)):
                break          # the body begins with the first entry printed again
            entries.append(entry)
            j += 1
        if not entries:
            continue
        if (titled or len(entries) >= MIN_ENTRIES) and numbered_from_one(entries):
            again = printed_again(entries[0], lines[j:])
        else:
            again = False
        if again or (titled and again is None):
            set_levels(entries)
            for entry in entries:
                if entry.leader is not None:
                    ctx.remove("toc-leader", entry.leader.line.n, entry.leader.text.strip())
            if again is None:
                ctx.warn(lines[j - 1].n, "a table of contents with no chapter of it below")
            claims[start] = (j, Toc(whole(lines[start]) if titled else None, entries))
        i = max(j, start + 1)
    return claims


# --- nodes ---------------------------------------------------------------------------

def toc_node(toc: Toc, b: Builder) -> Node:
    el = node("toc", toc.line)
    if toc.title is not None:
        el.add(leaf("title", toc.title.line.n, collapse(toc.title.text)))
    for entry in toc.entries:
        item = Node("tocEntry", {"line": str(entry.num.line.n)})
        if entry.page:
            item.attrs["page"] = str(entry.page)
        item.attrs["level"] = str(entry.level)
        item.add(leaf("num", None, entry.num.text.strip()))
        if entry.heading is not None:
            item.add(collapse(entry.heading.text + (entry.wrapped.text if entry.wrapped else "")))
        el.add(item)
    return el


RENDERS: dict[type, NodeFunction] = {Toc: toc_node}
