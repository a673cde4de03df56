"""The block parser's fast paths give what the slow ones they bypass give: bounded rules, glossaries, levels,
section starts.

- a long line skips the rules whose match is bounded (`BlockRule.longest`): MEMBER_LINE matches no
  line longer than MEMBER_LINE_LONGEST, and parsing with and without the bounds gives the same;
- the glossary heading rule, given once for 释 and once for 明 (`contains`), parses as the one rule did;
- level_of, a loop from the top of the stack, gives the level the lists of all holders gave;
- take_responsible, which walks the blocks only when a paragraph ends in a （责任单位：…）, gives
  what the walk always gave;
- section_start (a cheap test on the first character, then SECTION_RULES) says what the rules say,
  and so do the head's role tests with their cheap tests (issuer mark, date line, table row);
- a bulletin's record headings and document starts, found with cheap tests first, are those found
  without them.
"""

from __future__ import annotations

import dataclasses
import random
from typing import Any

from converter.blocks import SHARED, responsible
from converter.blocks.glossary import GLOSSARY_HEADING, keep_heading_as_text
from converter.blocks.parser import LONG_LINE, BlockRule, Frame, RuleSet, walk_blocks
from converter.blocks.roster import MEMBER_LINE, MEMBER_LINE_LONGEST
from converter.blocks.sections import LEGAL, STYLE_LEVEL, level_of
from converter.forms import decision, minutes
from converter.forms.bulletin import records
from converter.forms.bulletin.parse import document_starts, is_document_start, is_part_marker
from converter.forms.speech import parts
from converter.model.blocks import Para, Section
from converter.model.context import Context
from converter.model.text import Line, Span
from converter.frame import roles
from converter.rules import CN_DIGITS, ISSUER_MARK, NUM_L1, SECTION_RULES, section_start
from tests.fast_paths.test_parse_guards import ALPHABET, POOL, parsed

# Han, white space of every kind (the \x1c … separators are white space to str.isspace and to \s),
# brackets, the punctuation MEMBER_LINE refuses, and what is none of them
MEMBER_ALPHABET = ("张李王皓区政府局长〇㐀豈" + " \t\u3000\u00a0\u2003\x1c\x1f\x85\u2028\n\r\x0b"
                   + "（）()，。；：,;:！？、ab1")
# Long lines of every kind a body holds, for the pool: a paragraph, a member line padded out, one whose
# length is LONG_LINE but for trailing white space, a glossary heading written out long
LONG = (
    "各位代表：过去一年，面对复杂严峻的外部环境，我们坚持稳中求进工作总基调，" * 3,
    "周正刚 " + "区政府督查室主任" * 10,
    "李 皓 " + "区" * (LONG_LINE - 4) + " \u3000\t",
    "李 皓 " + "区" * (LONG_LINE - 3),
    "《" + "政府工作报告" * 6 + "》名词解释（按出现先后排序）：",
    "名词说明" + "。" * LONG_LINE,
    "注释：" + "说明" * 50,
)
GLOSSARY_POOL = ("名词解释", "名 词 解 释", "注释：", "名词说明", "名词解释：三保是指…", "说明：", "解释", "明确要求。")


def unbounded(rules: RuleSet) -> RuleSet:
    """The same rules with no length bound: every line tries every rule."""
    return RuleSet(tuple(dataclasses.replace(rule, longest=None) for rule in rules.rules), rules.finishers,
                   rules.claimers)


def one_glossary_rule(rules: RuleSet) -> RuleSet:
    """The speech rules with the one glossary heading rule they had before, tried on every line."""
    kept = [rule for rule in rules.rules if not rule.name.startswith("glossary-heading")]
    one = BlockRule("glossary-heading", GLOSSARY_HEADING, keep_heading_as_text)
    return RuleSet((one, *kept), rules.finishers, rules.claimers)


def bodies(seed: int, count: int, pool: tuple[str, ...]) -> Any:
    rng = random.Random(seed)
    for k in range(count):
        texts = [rng.choice(pool) for _ in range(rng.randint(0, 30))]
        yield texts, [rng.random() < 0.2 for _ in texts], bool(k % 2)


def test_member_line_is_no_longer_than_its_bound():
    rng = random.Random(5)
    longest = "张" + "\u3000\u3000张" * 3 + "\u3000" * 4 + "区" * 60, "张" + "  张" * 3 + "  （" + "局" * 60 + "）"
    for text in longest:
        assert MEMBER_LINE.match(text) and len(text) == MEMBER_LINE_LONGEST, text
        assert not MEMBER_LINE.match(text + "区")
    texts = [rng.choice(["张", "李 皓", "王建良（"]) + "".join(rng.choice(MEMBER_ALPHABET)
                                                           for _ in range(rng.randint(0, 90))) for _ in range(30000)]
    for text in texts:
        if MEMBER_LINE.match(text):
            assert len(text.rstrip()) <= MEMBER_LINE_LONGEST, text
    assert MEMBER_LINE_LONGEST <= LONG_LINE


def test_long_lines_skip_only_rules_they_cannot_match():
    rule_sets = [SHARED, decision.RULES, minutes.RULES, parts.RULES]
    assert all(any(rule.longest is not None for rule in rules.rules) for rules in rule_sets)
    for texts, gaps, repair in bodies(21, 500, POOL + LONG):
        for rules in rule_sets:
            assert parsed(texts, rules, repair, gaps) == parsed(texts, unbounded(rules), repair, gaps), texts


def test_glossary_heading_rules_parse_as_the_one_rule():
    assert [rule.name for rule in parts.RULES.rules][:2] == ["glossary-heading", "glossary-heading-ming"]
    for texts, gaps, repair in bodies(8, 500, POOL + LONG + GLOSSARY_POOL):
        assert parsed(texts, parts.RULES, repair, gaps) == parsed(texts, one_glossary_rule(parts.RULES), repair, gaps)


def old_level_of(style: str, stack: list[Frame]) -> int:
    """level_of as it was: the lists of every holder, the last of them taken."""
    if style in LEGAL:
        holders = [f.section for f in stack if f.section.style in LEGAL[:LEGAL.index(style)]]
        return holders[-1].level + 1 if holders else 1
    articles = [f.section for f in stack if f.section.style == "article"]
    if articles:
        return articles[-1].level + max(1, STYLE_LEVEL[style] - 1)
    return STYLE_LEVEL[style]


def test_level_of_as_the_lists_gave_it():
    rng = random.Random(4)
    styles = list(LEGAL) + list(STYLE_LEVEL)
    for _ in range(5000):
        stack = [Frame(Section(0, "root", 0, None, [], 0))]
        for _ in range(rng.randint(0, 6)):
            stack.append(Frame(Section(rng.randint(1, 8), rng.choice(styles), 1, None, [], 0)))
        for style in styles:
            assert level_of(style, stack) == old_level_of(style, stack)


def test_take_responsible_as_the_walk_gave_it():
    rng = random.Random(9)
    texts = ["正文内容。", "实现就近处理。(责任单位:区生态环境分局、区发改局,各街镇)", "（牵头单位：人社厅）。",
             "（责任单位：", "区发改局）", "单位", "部门", "（协办部门：县财政局）", "责任单位：区发改局"]
    ctx = Context(True, lambda lines, ctx, implied_title="": None)

    def blocks(depth: int) -> list[Any]:
        out: list[Any] = []
        for _ in range(rng.randint(0, 4)):
            if depth < 3 and rng.random() < 0.3:
                out.append(Section(1, "1", 1, None, [], 1, blocks(depth + 1)))
            else:
                lines = [Line(1, None, rng.choice(texts)) for _ in range(rng.randint(1, 3))]
                out.append(Para([Span(line, 0, len(line.text)) for line in lines]))
        return out

    def shape(items: list[Any]) -> Any:
        return [(type(b).__name__, shape(b.children) if isinstance(b, Section) else
                 [(s.line.text, s.start, s.end) for s in getattr(b, "spans", getattr(b, "printed", []))]
                 + [(s.start, s.end) for s in getattr(b, "units", [])]) for b in items]

    for _ in range(3000):
        state = rng.getstate()
        fast = shape(responsible.take_responsible(blocks(0), ctx))
        rng.setstate(state)
        slow = shape(walk_blocks(blocks(0), responsible.split_paragraph))
        assert fast == slow


def test_section_start_says_what_the_rules_say():
    rng = random.Random(6)
    openers = ["", "第", "（", "(", "一", "十二", "1", "１２", "١", "𝟏", "〇", "两", "第十条之一 ", "( 二 )", "（1）", "一、",
               "1.", "第一章", "第 三 编", "x", " 一、", "\u3000第一条"]
    tails = ["", "、", ".", "．", "）", ")", "章", "条", "节", "编", " 总则", "、二、三", "、总体要求", "2.4 万人", "之一"]
    texts = [a + b for a in openers for b in tails]
    texts += ["".join(rng.choice(ALPHABET + "第（一二十1１、.章条") for _ in range(rng.randint(0, 8))) for _ in range(20000)]
    for text in texts:
        assert section_start(text) == any(rule.pattern.match(text) for rule in SECTION_RULES), text


def old_heading_kind(line: Line) -> str | None:
    if len(line.text) > records.HEADING_MAX:
        return None
    return next((kind for kind, p in records.HEADINGS.items() if p.fullmatch(line.text)), None)


# Lines of a bulletin's columns: marks, 文号, titles over them, orders, the listed titles, record headings
BULLETIN_POOL = (
    "武汉市新洲区人民政府文件", "新政发〔2023〕1号", "（新政发〔2023〕2号）", "区人民政府关于印发某某方案的通知",
    "区人民政府关于", "印发某某方案的通知", "某某市人民政府", "关于某某工作的通知", "某某省人民政府令", "第265号",
    "某某省人民政府令第265号", "◆ 区级文件选登 ◆", "【市政府文件】", "政务简讯", "人 事 任 免", "大事记（2024年1月）",
    "政务大事记", "正文内容。", "各镇人民政府：", "附件", "2023年1月10日", "区人民政府关于某某工作的意见",
    "区人民政府关于某某工作的意见（", "）", "新政办〔2023〕3号 ", "文件", "号", "令", "件", "", " ", "\u3000号）",
)


def test_record_headings_and_document_starts_as_found_without_the_cheap_tests():
    rng = random.Random(10)
    for text in BULLETIN_POOL + ("大事", "简讯", "免", "记", "讯记免") + tuple(POOL):
        assert records.heading_kind(Line(1, None, text)) == old_heading_kind(Line(1, None, text)), text
    listed = [frozenset(), frozenset({"区人民政府关于印发某某方案的通知", "关于某某工作的通知"}),
              frozenset({"区人民政府关于某某工作的意见", "正文内容。"})]
    for _ in range(3000):
        lines = [Line(n, None, rng.choice(BULLETIN_POOL)) for n in range(rng.randint(0, 25))]
        titles = rng.choice(listed)
        slow = [k for k in range(len(lines)) if is_document_start(lines, k, titles) or is_part_marker(lines[k])]
        assert document_starts(lines, titles) == slow, [line.text for line in lines]


def test_role_tests_say_what_their_patterns_say():
    rng = random.Random(11)
    words = ["文件", "文 件", "文\u3000件", "件", "某某市人民政府", "2024年3月5日", "（2024年3月5日）", "日", "|", "| 序号 | 指标 |",
             "\t", " ", "", "（", "）", "号", "二〇二四年三月五日", "|a"]
    texts = ["".join(rng.choice(words) for _ in range(rng.randint(0, 4))) for _ in range(20000)]
    texts += ["".join(rng.choice(ALPHABET + "文件日年月|") for _ in range(rng.randint(0, 10))) for _ in range(20000)]
    for text in texts:
        assert roles.is_issuer_mark(text) == (ISSUER_MARK.fullmatch(text.strip()) is not None), text
        assert roles.is_date_line(text) == (roles.DATE_LINE.fullmatch(text.strip()) is not None), text
        line = Line(1, None, text)
        assert roles.is_row(line) == ("\t" in text or roles.PIPE_ROW.fullmatch(text.strip()) is not None), text
        if NUM_L1.match(text):
            assert text[0] in CN_DIGITS          # part_headings' cheap test
