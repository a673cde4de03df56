"""Numbered sections and lists: the real numbering is the structure.

A line that starts with 一、 （一） 1. （1） 第X编 第X章 第X节 or 第X条 opens a
section, provided its number continues the sequence at that level. A number
that restarts inside a section (the 一、二、三、 of an enumeration within
（一）) makes list items instead, and so do the clauses of a sentence
(下列…：（一）…；); one that fits nowhere stays text, with a warning.
Markdown levels play no part.

    一、总体要求            → section level 1, heading 总体要求
    （一）全面实施…承诺制。… → level 2, run-in heading to the first 。, then a paragraph
    第一章 总 则            → level 1 (chapter), heading 总则
    第一节 一般规定          → one level below its chapter
    第一条 为充分发挥…       → one level below its 节, 章 or 编; its text a paragraph

A top-level numbering may also start again by design (a report in two
halves, each 一、…五、): see `starts_again`.
"""

from __future__ import annotations

import re

from converter.blocks import toc
from converter.blocks.parser import (BlockRule, BodyState, Frame, Handler, Plugin, ends_open, is_clause,
                                     is_heading_like, is_title_line)
from converter.model.blocks import Item, ListBlock, Para, Section
from converter.model.text import Line, Span, piece_of, tail, whole
from converter.numerals import cn_number
from converter.patterns import pattern
from converter.rules import CN_DIGITS, NUM_L1, NUM_L2, OPEN, ORDINAL, RUN_IN_END, SECTION_RULES, section_start

# Section styles by the level they stand for (FORMAT.md): 一、=1 （一）=2 1.=3 （1）=4
STYLE_LEVEL = {"1": 1, "2": 2, "3": 3, "4": 4}
# The divisions of a regulation, outermost first: 编 章 节 条, each nesting in those before it.
LEGAL = ("part", "chapter", "subchapter", "article")
# The divisions each division nests in (those before it in LEGAL)
OUTER_LEGAL = {style: LEGAL[:k] for k, style in enumerate(LEGAL)}
# What a section number of each style starts with: 第, a bracket, a numeral, a digit
SECTION_FIRST = {"part": "第", "chapter": "第", "subchapter": "第", "article": "第", "2": OPEN, "4": OPEN,
                 "1": CN_DIGITS, "3": "0123456789０１２３４５６７８９"}
# How far ahead a numbering that starts again is followed to see whether it is a new run.
RESTART_LOOKAHEAD = 3000
# How far ahead a number that skips looks for the number it skipped.
GAP_LOOKAHEAD = 200
# The pattern of each numbering style.
STYLE_RULES = {rule.kind: rule.pattern for rule in SECTION_RULES}
# A heading that is one sentence of several clauses longer than this is the section's text: "一、同意设立…，为…，实行…。"
CLAUSED_HEADING_MAX = 30
# The marks between the clauses of a sentence
CLAUSE_MARK = pattern(r"[，；,;]", "，")
# Clauses that make a numbered line's one sentence its text, when the line holds only it …
LINE_CLAUSES = 2
# … and when more text follows it on the line (a run-in heading has at most two)
RUN_IN_CLAUSES = 3
# What follows an article's number straight on when the number is cited: "第三条规定的", "第三条第二款"
CITING = pattern(rf"(?:规定|所称|所列|所指|所述|之规定|的规定|第{ORDINAL}[款项]|[、和及或至]|或者|以及)",
                 "规定的事项除外。", "所称单位", "第二款规定", "、第五条")
# A 第X节 or 第X条 after white space inside a 编/章/节 heading line: "总则 第一条 为了"
INNER_DIVISION = pattern(rf"\s+(?=第\s{{0,2}}{ORDINAL}\s{{0,2}}[节条])", "总则 第一条 为了", "总则　第一节 一般规定")


def level_of(style: str, stack: list[Frame]) -> int:
    """The level a section of `style` takes, given the open sections.

    (The innermost open section that holds it is the first met from the top of the stack: a loop from
    there, not a list of them all, asked at each numbered line.)
    """
    outer = OUTER_LEGAL.get(style)
    if outer is not None:
        for frame in reversed(stack):
            if frame.section.style in outer:
                return frame.section.level + 1
        return 1
    for frame in reversed(stack):
        if frame.section.style == "article":
            # items inside an article sit below it, in their own order
            return frame.section.level + max(1, STYLE_LEVEL[style] - 1)
    return STYLE_LEVEL[style]


def parent_frame(state: BodyState, level: int) -> Frame:
    for frame in reversed(state.stack):     # a loop, not next(generator): asked twice at each numbered line
        if frame.section.level < level:
            return frame
    raise StopIteration                     # (never: the root's level is 0, every section's at least 1)


def heading_of(state: BodyState, rest: Span, bare: bool) -> str | None:
    """The heading text a numbered line offers: its rest, or for a bare numeral the next line's text."""
    if not bare:
        return rest.text
    following = state.ahead()
    if following is None or section_start(following.text):
        return None
    return following.text


def classify(state: BodyState, style: str, level: int, number: int, rest: Span) -> str:
    """'section', 'restart', 'item' or 'text' for a numbered line, by the sequences so far."""
    bare = rest.start >= len(rest.line.text)
    last = parent_frame(state, level).last.get(style)
    heading = heading_of(state, rest, bare)
    # whether the heading is a title line (is_title_line, pure) is asked below only where the sequence
    # leaves the reading open, as `titled(heading)`: most numbered lines simply continue theirs
    section: str | None
    if style == "article" and cites_article(state, number, rest):
        return "citation"
    if last is None:
        on = state.numbered.get(style, 0) + 1 if style == "article" else 1
        section = "section" if number in (1, on) or not bare else None
        if section and not bare and number == 1 and clause_not_heading(state, style, rest.text):
            section = None       # 下列…：（一）…； : the first clause of a list, not a heading
    elif number == last + 1 or (number > last + 1 and (not bare or titled(heading))
                                 and not gap_filled_below(state, style, last + 1)):
        section = "section"
    else:
        section = None
    if state.stack[-1].items.get(style) == number - 1:
        # an enumeration goes on, even after paragraphs between its items; when the
        # section sequence fits too, a line that is a heading (not a sentence) is the section
        return "section" if section and titled(heading) else "item"
    if section:
        return section
    if last is not None and number == 1:
        if style in LEGAL:
            # 第一章 / 第一条 again: a second text (or a chapter list not told as one), never an
            # enumeration — a new run when the next of its kind is 第二…, else a citation kept as text
            again = gap_filled_below(state, style, 2) or (style != "article" and not bare and titled(heading))
            return "restart" if again else "text"
        if titled(heading) and starts_again(state, style, level, last):
            return "restart"
        return "item"          # numbering restarts inside a section: an enumeration
    if last is None and number == 1:
        return "item"          # a clause list opening
    return "text"


def titled(heading: str | None) -> bool:
    """Whether a numbered line's heading (heading_of) is a title line."""
    return heading is not None and is_title_line(heading)


def cites_article(state: BodyState, number: int, rest: Span) -> bool:
    """Whether a 第X条 at the start of a line is a citation the sentence above runs on into.

    A text wrapped at a fixed width may break before a citation ("…依照本条例" /
    "第四条规定处理。"), and a paragraph may open with one ("第三条规定的事项除外。");
    when the sentence above is open, or the words after the number cite (规定,
    所称, 第二款 …), and the next 第X条 line below prints the same number, that
    one is the article, this one cites it.
    """
    para = state.para
    open_above = isinstance(para, Para) and bool(para.spans) and ends_open(para.spans[-1].text)
    if not open_above and CITING.match(rest.text) is None:
        return False
    return gap_filled_below(state, "article", number)


def gap_filled_below(state: BodyState, style: str, expected: int) -> bool:
    """Whether the next line numbered in `style` below is the number this line skipped.

    "第九条所称单位…" between 第二条 and 第三条 cites an article; it opens none.
    """
    rule = STYLE_RULES[style]
    for k in range(state.at + 1, min(len(state.lines), state.at + 1 + GAP_LOOKAHEAD)):
        m = rule.match(state.lines[k].text)
        if m:
            return cn_number(m.group("n")) == expected
    return False


def clause_not_heading(state: BodyState, style: str, text: str) -> bool:
    """Whether a first numbered line is a clause of the sentence above rather than a heading.

    A heading never ends in ； or ，; inside an article a numbered line without a
    run-in heading is a clause (项) unless it is a bare title.
    """
    if style not in STYLE_LEVEL:
        return False
    if is_clause(text):
        return True
    inside_article = any(f.section.style == "article" for f in state.stack)
    return inside_article and not is_title_line(text) and not has_run_in_heading(text)


def has_run_in_heading(text: str) -> bool:
    stop = RUN_IN_END.search(text)
    return stop is not None and bool(text[stop.end():].strip())


def announces_list(state: BodyState) -> bool:
    """Whether the last block of the open section is a paragraph ending in a colon (…如下：)."""
    children = state.container.children
    if not children or not isinstance(children[-1], Para):
        return False
    return children[-1].spans[-1].text.rstrip().endswith(("：", ":"))


def starts_again(state: BodyState, style: str, level: int, last: int) -> bool:
    """Whether a top-level 一、 after …五、 starts a second run of sections by design.

    Reports of the 1980s print their parts 一、…五、 and then 一、… again. It is
    a new run, not an enumeration inside the open section, when: it stands at the
    top level, it is a heading (no sentence), nothing above announces a list
    (…如下：), and the lines ahead carry the new run on — a 二、 heading after
    some text of 一、's own — without the old numbering going on inside it (the
    next （X） of the open section, or the old 一、…五、 going on with 六、).
    """
    if style != "1" or level != 1 or announces_list(state):
        return False
    # the number of the open （X） under the old top-level section, if one is open
    open_sub_last = state.stack[1].last.get("2") if len(state.stack) > 2 else None
    expect, content, seen_second, sub = 2, False, False, 0
    lines = state.lines
    end = min(len(lines), state.at + 1 + RESTART_LOOKAHEAD)
    for k in range(state.at + 1, end):
        text = lines[k].text
        m2 = NUM_L2.match(text) if text[:1] in OPEN else None
        if m2:
            number = cn_number(m2.group("n"))
            if number == sub + 1:
                sub = number       # the new run's own （一）（二）…
            elif open_sub_last is not None and number == open_sub_last + 1:
                return False       # the open section's （X） goes on: what opened here was an enumeration
            content = True
            continue
        m1 = NUM_L1.match(text) if text[:1] in CN_DIGITS else None
        if m1 is None:
            content = True
            continue
        number = cn_number(m1.group("n"))
        if number == expect:
            rest = tail(lines[k], m1.end("num")).text
            if not rest and k + 1 < end:
                rest = lines[k + 1].text       # a bare 二、 with its heading below
            if not content or not is_title_line(rest):
                return seen_second
            seen_second, content, sub = True, False, 0
            expect += 1
        elif number == last + 1:
            return False       # the old numbering goes on: 一、二、 were an enumeration
        else:
            return seen_second # any other number ends what can be told from here
    return seen_second


def section_handler(style: str) -> Handler:
    def parse(state: BodyState, line: Line, m: re.Match[str]) -> bool:
        return parse_numbered(state, line, style, m)
    return parse


def parse_numbered(state: BodyState, line: Line, style: str, m: re.Match[str]) -> bool:
    num = Span(line, m.start("num"), m.end("num"))
    number = cn_number(m.group("n"))
    if number is None:
        state.ctx.warn(line.n, f"numbering {num.text.strip()} is no number; kept as text")
        return False
    rest = tail(line, m.end("num"))
    bare = rest.start >= len(line.text)
    level = level_of(style, state.stack)
    added = style == "article" and m.group("inserted") is not None     # 第十条之一 (only NUM_ARTICLE has the group)
    decision = inserted(state, number) if added else classify(state, style, level, number, rest)
    if decision == "citation":
        state.ctx.warn(line.n, f"{num.text.strip()} cites the article printed below it; kept as text")
        return False
    if decision == "restart":
        state.ctx.warn(line.n, f"numbering {num.text.strip()} starts again; a new run of sections")
        state.numbered[style] = number
        open_section(state, style, level, number, num, rest, bare)
        return True
    if decision == "section":
        # items and articles number on across parents: 1, the next under the parent, or the next of the style
        if (number != 1 and number != parent_frame(state, level).last.get(style, 0) + 1
                and number != state.numbered.get(style, 0) + 1 and not added):
            state.ctx.warn(line.n, f"numbering {num.text.strip()} skips ahead; taken as a section")
        state.numbered[style] = number
        inner = division_after_heading(rest) if style in OUTER_LEGAL["article"] else None
        if inner is not None:
            # "第一章 总则 第一条 为了…": the heading ends where the division inside it begins
            open_section(state, style, level, number, num, Span(line, rest.start, inner.column - line.column), bare)
            parse_piece(state, inner)
            return True
        open_section(state, style, level, number, num, rest, bare)
        return True
    if decision == "item":
        add_item(state, style, number, num, rest, bare)
        return True
    state.ctx.warn(line.n, f"numbering {num.text.strip()} does not continue the sequence; kept as text")
    return False


def inserted(state: BodyState, number: int) -> str:
    """第十条之一 (an article an amendment inserted) is a section right after 第十条 or another 第十条之X."""
    return "section" if state.numbered.get("article") == number else "text"


def division_after_heading(rest: Span) -> Line | None:
    """What follows a 编/章/节 heading on its own line when a 第X节 or 第X条 stands there after a space."""
    m = INNER_DIVISION.search(rest.text)
    if m is None or not is_title_line(rest.text[:m.start()].strip()):
        return None
    start = rest.start + m.end()
    return piece_of(rest.line, start, len(rest.line.text), first=False)


def parse_piece(state: BodyState, piece: Line) -> None:
    """A piece of a line, read as a line of its own by the numbered rules (it starts with one)."""
    for rule in SECTION_RULES:
        m = rule.pattern.match(piece.text)
        if m and parse_numbered(state, piece, rule.kind, m):
            return
    state.append(Para([whole(piece)]))


def open_section(state: BodyState, style: str, level: int, number: int, num: Span,
                 rest: Span, bare: bool) -> None:
    state.close()
    while state.stack[-1].section.level >= level:
        state.stack.pop()
    parent = state.stack[-1]
    parent.last[style] = number
    section = Section(level, style, number, num, [], num.line.n)
    parent.section.children.append(section)
    state.stack.append(Frame(section))
    if bare:
        # a bare numeral takes the next short line as its heading; an article has
        # none, its text on the next line is its first paragraph
        state.pending = section if style != "article" else None
        return
    if style == "article":
        # an article has no heading: "第一条 为充分发挥…" is its first paragraph
        state.para = Para([rest])
        section.children.append(state.para)
        return
    text = rest.text        # (a slice of the line: made once, not at each test)
    stop = RUN_IN_END.search(text)
    if stop and text[stop.end():].strip() and not claused_sentence(text[:stop.end()], RUN_IN_CLAUSES):
        # run-in heading: "（一）全面实施…承诺制。" followed by body text
        cut = rest.start + stop.end()
        section.heading = [Span(rest.line, rest.start, cut)]
        body = tail(rest.line, cut)
        state.para = Para([body])
        section.children.append(state.para)
    elif is_heading_like(text) and not claused_sentence(text, LINE_CLAUSES):
        section.heading = [rest]
    else:
        # a numbered paragraph ("一、任何单位和个人未经许可，严禁…。"): no heading, its text a paragraph
        state.para = Para([rest])
        section.children.append(state.para)


def claused_sentence(text: str, clauses: int) -> bool:
    """A sentence of `clauses` clauses or more, longer than a heading is: a numbered paragraph's text.

    A reply's or a 纪要's items print so ("一、同意设立…开发区，为省级经济开发区，实行…政策。"); a
    heading with a comma is short ("（一）坚持稳中求进，推动高质量发展。"). A work report's run-in
    heading may be long but has two clauses ("（一）着力稳住经济大盘，保持经济运行在合理区间。面对…"),
    so before more text on its line a sentence must have three to be read as text.
    """
    text = text.rstrip()
    return (len(text) > CLAUSED_HEADING_MAX and text[-1:] in "。！？!?"
            and len(CLAUSE_MARK.findall(text)) >= clauses - 1)


def add_item(state: BodyState, style: str, number: int, num: Span, rest: Span, bare: bool) -> None:
    container = state.container
    lst = state.lst if state.lst is not None and state.lst.style == style else None
    state.close()
    state.lst = lst
    if state.lst is None:
        state.lst = ListBlock(style)
        container.children.append(state.lst)
    state.stack[-1].items[style] = number
    item = Item(num, [] if bare else [rest], num.line.n)
    state.lst.items.append(item)
    # an item that reads as a heading ("一、新建公园") takes no more lines: what follows is its text
    state.para = None if not bare and is_title_line(rest.text) else item
    state.pending = None


# The numbered sections, in the order SECTION_RULES gives (chapter, article, level2, level4, level1, level3,
# part, subchapter); a table of contents (a run of bare chapter headings the body prints again) is claimed first.
PLUGIN = Plugin("sections", tuple(
    BlockRule(rule.name, rule.pattern, section_handler(rule.kind), first=SECTION_FIRST[rule.kind])
    for rule in SECTION_RULES
), claim=toc.claim_tocs)
