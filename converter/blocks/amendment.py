"""The items of a 修改决定: amendments to another text, never sections of this one.

    广州市人民政府决定对《…规定》作如下修改：
    一、第二条修改为：本规定所称行政规范性文件，是指…      an amendment (num 一、)
    行政规范性文件分为政府规范性文件和部门规范性文件。       its new text goes on
    第三条 …                                                new text: no 第X条 section
    二、增加一条作为第三条：…                               the next amendment
    本决定自2006年1月1日起施行。                            the close: text again

An item numbered 一、 or （一） whose text starts by naming what it changes
(第X条…, 将第X条…, 增加…, 删去…, …修改为) is an `amendment`; every line under it
is its new text (paragraphs, whatever numbering they print) until the next
item, a numbered line of the item's level or above that amends nothing, or a
sentence about the decision itself (本决定…, 此外…).
"""

from __future__ import annotations

import re

from converter.blocks.parser import BlockRule, BodyState, Plugin, joins, opened
from converter.model.blocks import Amendment, Para
from converter.model.node import Node, leaf
from converter.model.text import Line, Span, tail, whole
from converter.patterns import pattern
from converter.tree.builder import Builder, NodeFunction
from converter.rules import CLOSE, CN_DIGITS, OPEN

NUMERAL = rf"[{CN_DIGITS}]{{1,4}}"
# What an amendment begins with: the provision it changes, or what it does
CHANGE = (rf"(?:(?:将|把|在|对|原)\s{{0,2}})?(?:《[^》]{{1,60}}》\s{{0,2}})?第\s{{0,2}}(?:{NUMERAL}|\d{{1,4}})\s{{0,2}}[条章节款项目]"
          rf"|(?:增加|增设|新增)\s{{0,2}}(?:{NUMERAL}|\d{{1,2}})?\s{{0,2}}[条章节款项]"
          r"|(?:增加|删去|删除|删掉)\s{0,2}[第“\"《]"
          r"|[^，。；：,;:]{0,40}?(?:修改为|改为|修订为|表述为)")
# An amendment item: "一、第二条修改为：…", "二、增加一条作为第三条：…", "（三）删去第五条。"
AMENDMENT_ITEM = pattern(
    rf"(?P<num>(?P<l1>{NUMERAL}\s{{0,2}}[、．.])|(?P<l2>[{OPEN}]\s{{0,2}}{NUMERAL}\s{{0,2}}[{CLOSE}]))\s{{0,2}}(?={CHANGE})",
    "一、第二条修改为：", "二、增加一条作为第三条：", "（三）删去第五条。", "四、将第七条第二款中的“三十日”修改为“十五日”。",
)
# A numbered line of either level (what may close an amendment of that level or below)
NUMBERED = pattern(rf"(?P<l1>{NUMERAL}\s{{0,2}}[、．.])|(?P<l2>[{OPEN}]\s{{0,2}}{NUMERAL}\s{{0,2}}[{CLOSE}])",
                   "一、", "（二）")
# A sentence about the decision itself ends the amendments: "本决定自…起施行", "此外，…"
DECISION_CLOSE = pattern(r"本决定|此外|《[^》]{1,60}》\s{0,2}(?:根据|依照|按照)本决定|以上修改", "本决定自公布之日起施行。")
# Where the open amendment is kept while its new text goes on.
OPEN_AMENDMENT = "amendment"
# Any line: while an amendment is open, each line is looked at.
ANY_LINE = pattern(r"(?=.)", "…")


def level_of(m: re.Match[str]) -> int:
    return 1 if m.group("l1") else 2


def parse_item(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    num = Span(line, m.start("num"), m.end("num"))
    state.close()
    amendment = Amendment(num, [Para([tail(line, m.end("num"))])], line.n)
    state.append(amendment)
    state.open[OPEN_AMENDMENT] = (amendment, level_of(m))
    return True


def parse_new_text(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    """A line under an open amendment: its new text, unless it closes the amendment."""
    opened = state.open.get(OPEN_AMENDMENT)
    if opened is None or AMENDMENT_ITEM.match(line.text):
        return False
    amendment, level = opened
    numbered = NUMBERED.match(line.text)
    if DECISION_CLOSE.match(line.text) or (numbered is not None and level_of(numbered) <= level):
        state.close()
        return False
    last = amendment.paras[-1]
    if not line.indent and joins(last.spans[-1].text, state.repair):
        last.spans.append(whole(line))
    else:
        amendment.paras.append(Para([whole(line)]))
    return True


PLUGIN = Plugin("amendments", (
    BlockRule("amendment_text", ANY_LINE, parse_new_text, when=opened(OPEN_AMENDMENT)),
    BlockRule("amendment", AMENDMENT_ITEM, parse_item, first=CN_DIGITS + OPEN),
))


def amendment_node(amendment: Amendment, b: Builder) -> Node:
    el = Node("amendment", {"line": str(amendment.line)})
    if amendment.num is not None:
        el.add(leaf("num", None, amendment.num.text.strip()))
    el.children.extend(b.nodes(amendment.paras))
    return el


RENDERS: dict[type, NodeFunction] = {Amendment: amendment_node}
