"""Numbered sections and lists: the real numbering is the structure.

A line that starts with 一、 （一） 1. （1） 第X章 or 第X条 opens a section,
provided its number continues the sequence at that level. A number that
restarts inside a section (the 一、二、三、 of an enumeration within （一）)
makes list items instead; one that fits nowhere stays text, with a warning.
Markdown levels play no part.

    一、总体要求            → section level 1, heading 总体要求
    （一）全面实施…承诺制。… → level 2, run-in heading to the first 。, then a paragraph
    第一章 总 则            → level 1 (chapter), heading 总则
    第一条 为充分发挥…       → one level below its chapter; its text a paragraph
"""

from __future__ import annotations

import re
from typing import Any

from converter.blocks.parser import BlockRule, BodyState, Frame, Handler, Plugin, is_heading_like
from converter.model.blocks import Item, ListBlock, Para, Section
from converter.model.node import Node, node
from converter.tree.builder import Builder, NodeFunction
from converter.model.text import Line, Span, plain, tail
from converter.rules import CN_DIGITS, OPEN, RUN_IN_END, SECTION_RULES
from converter.values import cn_number

# Section styles by the level they stand for (FORMAT.md): 一、=1 （一）=2 1.=3 （1）=4
STYLE_LEVEL = {"1": 1, "2": 2, "3": 3, "4": 4, "chapter": 1}
# What a section number of each style starts with: 第, a bracket, a numeral, a digit
SECTION_FIRST = {"chapter": "第", "article": "第", "2": OPEN, "4": OPEN, "1": CN_DIGITS,
                 "3": "0123456789０１２３４５６７８９"}


def level_of(style: str, stack: list[Frame]) -> int:
    """The level a section of `style` takes, given the open sections."""
    if style == "article":
        chapters = [f.section for f in stack if f.section.style == "chapter"]
        return chapters[-1].level + 1 if chapters else 1
    articles = [f.section for f in stack if f.section.style == "article"]
    if articles and style in ("2", "3", "4"):
        # items inside an article sit below it, in their own order
        return articles[-1].level + STYLE_LEVEL[style] - 1
    return STYLE_LEVEL[style]


def parent_frame(state: BodyState, level: int) -> Frame:
    return next(f for f in reversed(state.stack) if f.section.level < level)


def classify(state: BodyState, style: str, level: int, number: int, rest: Span) -> str:
    """'section', 'item' or 'text' for a numbered line, by the sequences so far."""
    bare = rest.start >= len(rest.line.text)
    last = parent_frame(state, level).last.get(style)
    section: str | None
    if last is None:
        section = "section" if number == 1 or not bare else None
    elif number == last + 1 or (number > last + 1 and not bare):
        section = "section"
    else:
        section = None
    if state.stack[-1].items.get(style) == number - 1:
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


def section_handler(style: str) -> Handler:
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
        expected = {1, parent_frame(state, level).last.get(style, 0) + 1, state.numbered.get(style, 0) + 1}
        if number not in expected:     # items and articles may number on across their parents
            state.ctx.warn(line.n, f"numbering {num.text.strip()} skips ahead; taken as a section")
        state.numbered[style] = number
        open_section(state, style, level, number, num, rest, bare)
        return True
    if decision == "item":
        add_item(state, style, number, num, rest, bare)
        return True
    state.ctx.warn(line.n, f"numbering {num.text.strip()} does not continue the sequence; kept as text")
    return False


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
    state.stack[-1].items[style] = number
    item = Item(num, [] if bare else [rest], num.line.n)
    state.lst.items.append(item)
    state.para = item
    state.pending = None


# The numbered sections, in the order SECTION_RULES gives (chapter, article, level2, level4, level1, level3).
PLUGIN = Plugin("sections", tuple(
    BlockRule(rule.name, rule.pattern, section_handler(rule.kind), first=SECTION_FIRST[rule.kind])
    for rule in SECTION_RULES
))


# --- nodes ---------------------------------------------------------------------------

def para_node(para: Para, b: Builder) -> Node:
    return Node("p", {"line": str(para.line)}, b.inline(para.spans))


def section_node(section: Section, b: Builder) -> Node:
    el = Node("section", {"line": str(section.line), "level": str(section.level)})
    if section.num is not None:
        el.add(node("num", None, section.num.text.strip()))
    if section.heading:
        el.add(node("heading", section.heading[0].line.n, plain(section.heading)))
    el.children.extend(b.nodes(section.children))
    return el


def list_node(block: ListBlock, b: Builder) -> Node:
    el = Node("list")
    for item in block.items:
        entry = Node("item", {"line": str(item.line)})
        if item.num is not None:
            entry.add(node("num", None, item.num.text.strip()))
        entry.children.extend(b.inline(item.spans))
        el.add(entry)
    return el


RENDERS: dict[type, NodeFunction] = {Para: para_node, Section: section_node, ListBlock: list_node}
