"""Who attended: the 出席 / 列席 / 请假 lines of a 纪要.

    出席：王明、李华、张伟，县政府办公室主任赵敏
    列  席：县发改局、县财政局、县林业局负责同志，
            各乡镇分管负责同志                      (wrapped after a separator)
    请假：周强（出差）

Each becomes an `attendance` @role (出席, 列席 …, letter-spacing removed) with
one `attendee` per name or unit, split at 、，,；; and wide gaps; a line that
ends in a separator goes on on the next one. It stands in the body itself,
outside the sections above it: it belongs to the whole 纪要.
"""

from __future__ import annotations

import re

from converter.blocks.parser import BlockRule, BodyState, Plugin, opened
from converter.model.blocks import Attendance
from converter.model.node import Node, leaf
from converter.model.text import Line, Span, collapse, tail, whole
from converter.patterns import pattern
from converter.tree.builder import Builder, NodeFunction

# The labels of a 纪要's attendance lines
LABELS = ("出席人员", "列席人员", "参会人员", "出席", "列席", "请假", "缺席", "主持", "记录", "参加")
LABEL = "|".join(r"\s{0,4}".join(label) for label in LABELS)
# "出席：…", "列  席：…", "主持人:…"
ATTENDANCE_LINE = pattern(
    rf"(?P<role>{LABEL})(?:人)?\s{{0,4}}[:：]\s{{0,3}}(?P<names>\S.{{0,400}})",
    "出席：王明、李华", "列  席：县发改局负责同志", "主持人：王明",
)
# What separates attendees: 、，,；; and wide gaps (two or more spaces, an ideographic space)
SEPARATOR = pattern(r"\s*[、，,；;]\s*|\s{2,}|\u3000+", "、")
# A line ending so goes on on the next one
GOES_ON = ("、", "，", ",", "；", ";")
# Where the open attendance line is kept while it goes on.
OPEN_ATTENDANCE = "attendance"
# Any line: while an attendance list is open, the next line is looked at.
ANY_LINE = pattern(r"(?=.)", "…")


def attendees(span: Span) -> list[Span]:
    """The pieces of a list between separators, each trimmed, as spans of its line."""
    out, pos = [], span.start
    text = span.line.text
    for sep in SEPARATOR.finditer(text, span.start, span.end):
        out.append(Span(span.line, pos, sep.start()))
        pos = sep.end()
    out.append(Span(span.line, pos, span.end))
    return [piece for piece in out if piece.text.strip("。 ")]


def trimmed(span: Span) -> Span:
    text = span.text
    start = span.start + len(text) - len(text.lstrip())
    return Span(span.line, start, start + len(text.strip().rstrip("。")))


def parse_attendance(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    state.close()
    del state.stack[1:]             # who attended belongs to the whole 纪要, not to its last section
    names = tail(line, m.start("names"))
    block = Attendance(collapse(m.group("role")), [whole(line)], [trimmed(a) for a in attendees(names)])
    state.append(block)
    if line.text.rstrip().endswith(GOES_ON):
        state.open[OPEN_ATTENDANCE] = block
    return True


def parse_more(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    block = state.open.get(OPEN_ATTENDANCE)
    if block is None or ATTENDANCE_LINE.match(line.text):
        return False
    block.spans.append(whole(line))
    block.attendees.extend(trimmed(a) for a in attendees(tail(line, 0)))
    if not line.text.rstrip().endswith(GOES_ON):
        state.open.pop(OPEN_ATTENDANCE)
    return True


PLUGIN = Plugin("attendance", (
    BlockRule("attendance_more", ANY_LINE, parse_more, when=opened(OPEN_ATTENDANCE)),
    BlockRule("attendance", ATTENDANCE_LINE, parse_attendance, first="".join(sorted({w[0] for w in LABELS}))),
))


def attendance_node(block: Attendance, b: Builder) -> Node:
    el = Node("attendance", {"line": str(block.line), "role": block.role})
    for k, span in enumerate(block.spans):
        pos = span.start
        for piece in (a for a in block.attendees if a.line is span.line):
            before = span.line.text[pos:piece.start]
            el.add(collapse(before) if k == 0 and pos == span.start else before)    # the label: "列  席：" → 列席：
            el.add(leaf("attendee", None, piece.text))
            pos = piece.end
        el.add(span.line.text[pos:span.end])
    return el


RENDERS: dict[type, NodeFunction] = {Attendance: attendance_node}
