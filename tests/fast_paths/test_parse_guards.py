"""The block parser's fast paths give what the slow ones they bypass give: rule guards, HAN_GAP, TOC leaders.

- a rule's guard (`BlockRule.when`) only skips lines its handler would pass: parsing with the
  guards and with every guard taken out gives the same blocks and warnings;
- HAN_GAP, written to start at the white space, finds what the look-behind-first pattern found;
- a bulletin's 目录 leader (TOC_LEADER) is searched for only in a line that ends as its match must.
"""

from __future__ import annotations

import dataclasses
import random
import re
from typing import Any

from converter.blocks import SHARED
from converter.blocks.parser import RuleSet, parse_body
from converter.blocks.table_structure import HAN_GAP
from converter.forms import decision, minutes
from converter.forms.bulletin.parse import ends_like_leader
from converter.forms.bulletin.toc import TOC_LEADER
from converter.model.blocks import Cell
from converter.model.context import Context
from converter.model.text import Line
from converter.patterns import HAN

# HAN_GAP as it was: the look-behind first, tried at every character
OLD_HAN_GAP = re.compile(rf"(?<=[{HAN}])\s+(?=[{HAN}])")
# Han of every block (CJK, extension A, compatibility, 〇), white space of every kind, and what is neither
ALPHABET = ("产品类废物区〇㐀䶿豈鿿" + " \t\u3000\u00a0\u2003\x1c\x85\u2028\n\r\x0b\x0c"
            + "ab1.、（）|-—:：\U00020000é\ud800\ufeff\u200b")

# Lines a body is made of, chosen to open and close tables, notes, rosters, adoption lines,
# attendance lines and amendments in every order (never blank: a body's lines have text, blank ones
# are the `gap` of the line after)
POOL = (
    "序号\t项目\t责任单位", "1\t城镇老旧小区改造\t区住建局", "2\t道路\t区交通局", "\t续上\t", "3\t\t",
    "| 序号 | 指标 |", "|---|---|", "| 1 | 产量 |", "1 | 产量 |",
    "序号    项目名称    责任单位", "1    老旧小区改造    市住建局", "2    道路改造    市交通局",
    "注：1.★表示必选指标", "2.部分数据因四舍五入", "说明数据的来源，", "一、基础设施类", "产业发展类（4个）",
    "组 长:舒基元 区人民政府代理区长", "副组长:", "成 员：胡立明 区政府办公室主任", "周正刚 区政府督查室主任",
    "李 皓 区自然资源和规划局局长", "何洪明（市纪委）", "张三、李四、王五", "李华（副县长）、张伟（县应急管理局局长）",
    "张三　某某区财政局局长", "李四　某某区教育局局长", "此复", "特此通知。",
    "一、总体要求", "（一）全面实施。正文内容。", "二、", "第一章 总 则", "第一条 为了规范管理，制定本办法。",
    "（2024年1月10日某某市第十六届人民代表大会", "常务委员会第十次会议通过）", "2001年12月28日 某某常委会第一次修正",
    "出席：张三、李四、", "王五、赵六", "列席：钱七", "一、第二条修改为：", "“第二条 新的条文。”", "二、删去第三条。",
    "正文内容，", "正文内容。", "会议时间：2024年3月10日", "é\ud800", "\U00020000", "a\u3000b",
)


def shape(obj: Any) -> Any:
    """A block tree as plain comparable values (Cell and Row compare by identity themselves)."""
    if isinstance(obj, Cell):
        return ("Cell", shape(obj.spans), obj.text, obj.key, shape(obj.merged), obj.rowspan, obj.colspan)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type) and not isinstance(obj, Line):
        return (type(obj).__name__,) + tuple(shape(getattr(obj, f.name)) for f in dataclasses.fields(obj))
    if isinstance(obj, (list, tuple)):
        return tuple(shape(x) for x in obj)
    if isinstance(obj, dict):
        return tuple(sorted((k, shape(v)) for k, v in obj.items()))
    return obj


def unguarded(rules: RuleSet) -> RuleSet:
    """The same rules with every guard taken out: each handler sees every line its pattern matches."""
    return RuleSet(tuple(dataclasses.replace(rule, when=None) for rule in rules.rules), rules.finishers,
                   rules.claimers)


def parsed(texts: list[str], rules: RuleSet, repair: bool, gaps: list[bool]) -> Any:
    ctx = Context(repair, lambda lines, ctx, implied_title="": None)
    lines = [Line(n, None, text, gap=gap) for n, (text, gap) in enumerate(zip(texts, gaps), 1)]
    blocks = parse_body(lines, ctx, rules)
    return shape(blocks), [(w.line, w.message) for w in ctx.warnings], [(r.reason, r.line, r.text) for r in ctx.residue]


def test_guards_skip_only_lines_their_handlers_pass():
    rule_sets = [SHARED, decision.RULES, minutes.RULES]
    assert all(any(rule.when is not None for rule in rules.rules) for rules in rule_sets)
    rng = random.Random(12)
    for k in range(600):
        texts = [rng.choice(POOL) for _ in range(rng.randint(0, 30))]
        gaps = [rng.random() < 0.2 for _ in texts]
        for rules in rule_sets:
            repair = bool(k % 2)
            assert parsed(texts, rules, repair, gaps) == parsed(texts, unguarded(rules), repair, gaps), texts


def test_han_gap_finds_what_the_look_behind_first_pattern_found():
    rng = random.Random(7)
    texts = ["", " ", "产 品", "产  \u3000品", " 产 品 ", "a 产", "产 a", "产\n\n品", "〇 〇", "\U00020000 产"]
    texts += ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30))) for _ in range(20000)]
    for text in texts:
        assert [m.span() for m in HAN_GAP.finditer(text)] == [m.span() for m in OLD_HAN_GAP.finditer(text)], text
        for pos in range(min(len(text), 4)):          # searched from inside the text too, as tidy never does
            assert [m.span() for m in HAN_GAP.finditer(text, pos)] == [m.span() for m in OLD_HAN_GAP.finditer(text, pos)]


def test_toc_leader_only_where_the_cheap_test_lets_it():
    rng = random.Random(3)
    alphabet = ALPHABET + "…·.．・-—（()）0123456789١٣１\U0001d7ce"
    ends = ["", "(1)", "（13）", "…(1)", "…… 13", "……１２", "……١٣", "……(2) \u3000", "…(3)\n", "…3\n\n", "……𝟎"]
    texts = ends + ["区人民政府关于…的通知…" + e for e in ends]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20))) + rng.choice(ends) for _ in range(20000)]
    for text in texts:
        if TOC_LEADER.search(text):
            assert ends_like_leader(text), text
