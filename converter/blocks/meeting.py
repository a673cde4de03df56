"""When and where the meeting a 纪要 records was held: its 时间 / 地点 / 议题 lines.

    时间：2024年3月5日上午9:00          meetingFact @name 时间 @value 2024-03-05
    地  点：县政府三楼会议室             meetingFact @name 地点
    议题：研究春季植树造林工作

Each is one `meetingFact` with the line as printed. Like the attendance lines
(attendance.py) it stands in the body itself, outside any section: it belongs
to the whole 纪要.
"""

from __future__ import annotations

import re

from converter.blocks.parser import BlockRule, BodyState, Plugin
from converter.model.blocks import MeetingFact
from converter.model.node import Node
from converter.model.text import Line, collapse, whole
from converter.patterns import pattern
from converter.rules import DATE
from converter.tree.builder import Builder, NodeFunction
from converter.values import iso_date

# The labels of a meeting's facts, maybe after 会议 and letter-spaced: 时间 地点 议题 日期
LABELS = ("时间", "地点", "议题", "日期")
LABEL = "|".join(r"\s{0,4}".join(label) for label in LABELS)
# "时间：2024年3月5日上午9:00", "地  点：县政府三楼会议室", "会议议题：…"
MEETING_LINE = pattern(
    rf"(?P<name>(?:会\s{{0,4}}议\s{{0,4}})?(?:{LABEL}))\s{{0,4}}[:：]\s{{0,3}}(?P<value>\S.{{0,200}})",
    "时间：2024年3月5日上午9:00", "地  点：县政府三楼会议室", "会议议题：研究春季植树造林工作",
)


def parse_meeting(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    state.close()
    del state.stack[1:]             # the meeting's facts belong to the whole 纪要, not to its last section
    date = DATE.match(m.group("value"))
    name = collapse(m.group("name"))
    state.append(MeetingFact(name[2:] if name.startswith("会议") else name, whole(line), iso_date(date) if date else None))
    return True


PLUGIN = Plugin("meeting", (
    BlockRule("meeting", MEETING_LINE, parse_meeting, first="时地议日会"),
))


def meeting_node(fact: MeetingFact, b: Builder) -> Node:
    el = Node("meetingFact", {"line": str(fact.line), "name": fact.name})
    if fact.iso:
        el.attrs["value"] = fact.iso
    el.add(fact.span.text.strip())
    return el


RENDERS: dict[type, NodeFunction] = {MeetingFact: meeting_node}
