"""（责任单位：…） at the end of an item of a plan.

"…实现就近处理。(责任单位:区生态环境分局、区发改局,各街镇)" — the
parenthetical becomes a `responsible` element with one `unit` per unit,
placed right after the paragraph it ended.
"""

from __future__ import annotations

import re

from converter.model import Para, Responsible, Section, Span

# "（责任单位：区发改局、区科经局，各街镇）" at the very end of a paragraph
RESPONSIBLE = re.compile(
    r"[（(]\s{0,2}(?:责任单位|牵头单位|责任部门|牵头部门|配合单位)\s{0,2}[:：](?P<units>[^（）()]{1,300})[）)]\s*$"
)
# What separates units: 、，,；; and spaces
UNIT_SEPARATOR = re.compile(r"[、，,；;\s]+")


def take_responsible(blocks: list) -> list:
    """Split a trailing （责任单位：…） off every paragraph, at any depth."""
    out = []
    for block in blocks:
        if isinstance(block, Section):
            block.children = take_responsible(block.children)
        if isinstance(block, Para):
            before, responsible = split_responsible(block.spans)
            if responsible is not None:
                if before:
                    out.append(Para(before))
                out.append(responsible)
                continue
        out.append(block)
    return out


def split_responsible(spans: list[Span]) -> tuple[list[Span], Responsible | None]:
    text = "".join(s.text for s in spans)
    m = RESPONSIBLE.search(text)
    if not m:
        return spans, None
    before = cut(spans, 0, m.start())
    inside = cut(spans, m.start(), len(text.rstrip()))
    units: list[Span] = []
    pos = m.start("units")
    for piece in UNIT_SEPARATOR.split(m.group("units")):
        start = text.index(piece, pos) if piece else pos
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
