"""The 题注 under a title: when and by whom the text was adopted, amended, promulgated.

    （2024年1月10日某某县第十八届人民代表大会第三次会议通过）       a 决议, a 决定, a 条例
    （2024年2月20日）                                              the date alone (an 意见)
    （2023年12月29日第十四届全国人民代表大会常务委员会第七次会议通过
    根据2024年…决定修正）                                          wrapped until the bracket closes
    1995年8月19日 浙江省第八届人民代表大会常务委员会第二十一次会议通过   one line an event,
    2001年12月28日 …《关于修改〈…〉的决定》第一次修正                 without brackets

Each line (or bracketed group) becomes an `adopted` @date, first in the body;
only lines before any other block are taken, so a dated sentence further down
stays text. Used by the forms that print it (resolution, decision, order,
regulation, opinion), not by every body.
"""

from __future__ import annotations

import re
from converter.blocks.parser import BlockRule, BodyState, Plugin, opened
from converter.model.blocks import Adopted
from converter.model.node import Node, node
from converter.model.text import Line, plain, whole
from converter.patterns import compiled, pattern
from converter.tree.builder import Builder, NodeFunction
from converter.rules import DATE
from converter.values import iso_date

# What a 题注 says happened: 通过, 批准, 修正, 修订, 公布, 施行
EVENT = r"(?:通过|批准|修正|修订|公布|施行|发布|备案)"
# A whole 题注 in brackets, or its first line when the bracket closes further down:
# "（2024年1月10日…会议通过）", "（经2024年3月1日区人民政府第5次常务会议审议通过）"
ADOPTED_BRACKETED = pattern(
    rf"[（(]\s{{0,2}}(?:经\s{{0,2}})?(?:{DATE.pattern})[^（）()]{{0,300}}?(?:{EVENT}[^（）()]{{0,200}}[）)]|$)",
    "（2024年1月10日某某县第十八届人民代表大会第三次会议通过）", "（二〇二四年一月十日县人大常委会第十次会议通过",
)
# A 题注 that prints only the date (an 意见 of 中共中央 and 国务院): "（2024年2月20日）"
ADOPTED_DATE_ONLY = pattern(rf"[（(]\s{{0,2}}(?:{DATE.pattern})\s{{0,2}}[）)]\s*", "（2024年2月20日）", "（二〇二四年二月二十日）")
# An event line without brackets: "1995年8月19日 浙江省…会议通过" (no sentence in it)
ADOPTED_LINE = pattern(rf"(?:经\s{{0,2}})?(?:{DATE.pattern})\s{{0,3}}[^，。；！？,;!?]{{2,200}}?{EVENT}\s*$",
                       "1995年8月19日 浙江省第八届人民代表大会常务委员会第二十一次会议通过")
# What continues an open bracket: any line up to the one that closes it
BRACKET_CLOSE = pattern(r"[^（()]{0,300}[）)]\s*$", "根据2024年…决定修正）")
# The longest 题注 a bracket may stay open over, in lines.
ADOPTED_LINES_MAX = 4
# Where an adoption whose bracket is still open is kept.
OPEN_ADOPTED = "adopted_open"
# Any line: the continuation rule looks at every line while a bracket is open.
ANY_LINE = pattern(r"(?=.)", "…")


def at_top(state: BodyState) -> bool:
    """Whether nothing but 题注 lines stands in the body so far."""
    return len(state.stack) == 1 and all(isinstance(b, Adopted) for b in state.container.children)


def parse_adopted(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    if not at_top(state):
        return False
    date = DATE.search(line.text)
    adopted = Adopted([whole(line)], iso_date(date) if date else None)
    state.close()
    state.append(adopted)
    if m.re is compiled(ADOPTED_DATE_ONLY) and m.end() < len(line.text):
        return False
    if m.re is compiled(ADOPTED_BRACKETED) and not any(close in line.text for close in "）)"):
        state.open[OPEN_ADOPTED] = adopted      # the bracket closes on a line below
    return True


def parse_continued(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    adopted = state.open.get(OPEN_ADOPTED)
    if adopted is None:
        return False
    adopted.spans.append(whole(line))
    if BRACKET_CLOSE.match(line.text) or len(adopted.spans) >= ADOPTED_LINES_MAX:
        state.open.pop(OPEN_ADOPTED)
    return True


PLUGIN = Plugin("adoption", (
    BlockRule("adopted_more", ANY_LINE, parse_continued, when=opened(OPEN_ADOPTED)),
    BlockRule("adopted", ADOPTED_BRACKETED, parse_adopted, first="（("),
    BlockRule("adopted_date", ADOPTED_DATE_ONLY, parse_adopted, first="（("),
    BlockRule("adopted_line", ADOPTED_LINE, parse_adopted, first="0123456789０１２３４５６７８９〇零○Ｏ一二三四五六七八九经"),
))


def adopted_node(adopted: Adopted, b: Builder) -> Node:
    el = node("adopted", adopted.spans[0].line.n, plain(adopted.spans))
    if adopted.date:
        el.attrs["date"] = adopted.date
    return el


RENDERS: dict[type, NodeFunction] = {Adopted: adopted_node}

