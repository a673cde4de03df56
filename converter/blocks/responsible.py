"""（责任单位：…） at the end of an item of a plan.

"…实现就近处理。(责任单位:区生态环境分局、区发改局,各街镇)" — the
parenthetical becomes a `responsible` element with one `unit` per unit,
placed right after the paragraph it ended.
"""

from __future__ import annotations

import re
from typing import Any

from converter.blocks.parser import Plugin, walk_blocks
from converter.model.blocks import Para, Responsible, Section
from converter.model.context import Context
from converter.model.node import Node, leaf
from converter.tree.builder import Builder, NodeFunction
from converter.model.text import Span
from converter.patterns import pattern

# A label of the units: 责任单位, 牵头单位, 配合单位, 协办部门 …
UNIT_LABEL = r"(?:责任|牵头|配合|协办|协助|参与|主办|承办|实施|主责|协同)(?:单位|部门)\s{0,2}[:：]"
# "（责任单位：区发改局、区科经局，各街镇）" at the very end of a paragraph
RESPONSIBLE = pattern(
    rf"[（(]\s{{0,2}}{UNIT_LABEL}(?P<units>[^（）()]{{1,300}})[）)][。；;]?\s*$",
    "（责任单位：区发改局、区科经局，各街镇）", "(牵头单位:区民政局)", "（协办部门：县财政局）", "（牵头单位：人社厅）。",
)
# What separates units: 、，,；; and spaces
UNIT_SEPARATOR = pattern(r"[、，,；;\s]+", "、")
# A second label inside the brackets, at the start of a piece: "(牵头单位:县林业局;配合单位:各乡镇)"
NEXT_LABEL = pattern(rf"{UNIT_LABEL}\s{{0,2}}", "配合单位:")
# RESPONSIBLE's closing bracket, and what may follow it (its [。；;]?)
CLOSING_BRACKETS = "）)"
AFTER_BRACKET = "。；;"


def take_responsible(blocks: list[Any], ctx: Context) -> list[Any]:
    """Split a trailing （责任单位：…） off every paragraph, at any depth."""
    if not any_responsible(blocks):
        return blocks       # most bodies have none: the walk would give the same blocks in new lists
    return walk_blocks(blocks, split_paragraph)


def any_responsible(blocks: list[Any]) -> bool:
    """Whether a paragraph in `blocks` (sections entered at any depth, as walk_blocks enters them)
    ends in a （责任单位：…）: split_paragraph splits only such a one, and gives every other block as it is."""
    for block in blocks:
        if isinstance(block, Para):
            if responsible_match(block.spans) is not None:
                return True
        elif isinstance(block, Section) and any_responsible(block.children):
            return True
    return False


def split_paragraph(block: Any) -> list[Any]:
    if not isinstance(block, Para):
        return [block]
    before, responsible = split_responsible(block.spans)
    if responsible is None:
        return [block]
    return [Para(before), responsible] if before else [responsible]


def responsible_match(spans: list[Span]) -> re.Match[str] | None:
    """RESPONSIBLE searched in the spans' joined text.

    Searched from the text's last opening bracket: a match runs from its opening bracket to the end of
    the text with no bracket between but its closing one (the label and the units hold none), so it can
    start nowhere else; the search finds the same match (its .pos aside) without trying every bracket."""
    if not closes_bracket(spans):
        return None
    text = spans[0].text if len(spans) == 1 else "".join(s.text for s in spans)     # (most paragraphs: one line)
    if "单位" not in text and "部门" not in text:          # (every UNIT_LABEL ends so)
        return None
    start = max(text.rfind("（"), text.rfind("("))
    return RESPONSIBLE.search(text, start) if start >= 0 else None        # (no opening bracket: no match)


def closes_bracket(spans: list[Span]) -> bool:
    """Whether the spans' joined text could end as RESPONSIBLE ends: a closing bracket, at most one 。；; right
    after it, then white space. Told from the last span that holds more than white space, without joining the
    text (most paragraphs end otherwise; one of many lines would be joined for nothing). Where that span is only
    the 。；; the bracket would stand in the span before: the pattern tells."""
    for span in reversed(spans):
        text = span.line.text[span.start:span.end].rstrip()
        if text:
            if text[-1] in AFTER_BRACKET:
                return len(text) == 1 or text[-2] in CLOSING_BRACKETS
            return text[-1] in CLOSING_BRACKETS
    return False


def split_responsible(spans: list[Span]) -> tuple[list[Span], Responsible | None]:
    m = responsible_match(spans)
    if not m:
        return spans, None
    text = m.string
    before = cut(spans, 0, m.start())
    inside = cut(spans, m.start(), len(text.rstrip()))
    units: list[Span] = []
    pos = m.start("units")
    for piece in UNIT_SEPARATOR.split(m.group("units")):
        start = text.index(piece, pos) if piece else pos
        label = NEXT_LABEL.match(piece)
        if label is not None:        # the label stays text around the units
            start += label.end()
            piece = piece[label.end():]
        if piece:
            units.extend(cut(spans, start, start + len(piece)))
            pos = start + len(piece)
    return before, Responsible(inside, units)


def cut(spans: list[Span], start: int, end: int) -> list[Span]:
    """The spans covering [start, end) of their joined text."""
    out, offset = [], 0
    for span in spans:
        length = span.end - span.start
        a, b = max(start, offset), min(end, offset + length)
        if a < b:
            out.append(Span(span.line, span.start + a - offset, span.start + b - offset))
        offset += length
    return out


PLUGIN = Plugin("responsible", finish=take_responsible)


def responsible_node(responsible: Responsible, b: Builder) -> Node:
    el = Node("responsible", {"line": str(responsible.line)})
    for span in responsible.printed:
        pos = span.start
        for unit in sorted((u for u in responsible.units if u.line is span.line), key=lambda u: u.start):
            el.add(span.line.text[pos:unit.start])
            el.add(leaf("unit", None, unit.text))
            pos = unit.end
        el.add(span.line.text[pos:span.end])
    return el


RENDERS: dict[type, NodeFunction] = {Responsible: responsible_node}
