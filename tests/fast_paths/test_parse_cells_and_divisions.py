"""The parse stage's fast paths over row cells, table notes and divisions give what the computations they
replace give."""

from __future__ import annotations

import random
from dataclasses import replace

from converter.blocks import SHARED, toc
from converter.blocks.parser import BodyState, Opened, RuleSet
from converter.blocks.table_structure import cells_of, clean_parts, split_cells
from converter.forms import decision, minutes
from converter.forms.speech import parts
from converter.model.blocks import Cell, TableBlock
from converter.model.text import Line, Span
from tests.fast_paths.test_parse_guards import POOL, parsed
from tests.fast_paths.test_parse_bounded_rules import bodies

# Han, white space of every kind (a line break among them), the marks of a row, and what is neither
ALPHABET = "产品类废物区科经局〇㐀豈" + " \t\t\t\u3000\u00a0\n\x85\u2028\x1f\u200b" + "||--:：1a、（）\U00020000é"


def texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["", "\t", "|", "||", "\t\t", "a\tb", "\ta\t", "| 序号 | 指标 |", "序号\t指标", "\t\n", "a \tb", "a\u3000\tb",
            "1\t0.31 吨/万元\t区 发改局", " a\tb", "a\tb ", "a\t \tb", "a b\t\tc  d", "a \u3000b\tc", "a\xa0b\tc"] + [
        "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def cells_by_bounds(line: Line, spaced: bool) -> list[Cell]:
    """The cells of a row as cells_of made them before its fast path: from split_cells's bounds."""
    return [Cell([Span(line, a, b)], line.text[a:b]) if a < b else Cell() for a, b in split_cells(line, spaced)]


def test_cells_of_a_row_as_from_its_bounds():
    for text in texts(20000, 7):
        line = Line(1, None, text)
        for spaced in (False, True):
            fast, slow = cells_of(line, spaced), cells_by_bounds(line, spaced)
            assert [(c.spans, c.text, c.key) for c in fast] == [(c.spans, c.text, c.key) for c in slow], repr(text)
            assert all(c.merged == () and c.rowspan == c.colspan == 1 for c in fast)
        parts = clean_parts(text)
        if parts is not None:           # each part is its cell's text, its key with the spaces out
            assert parts == text.split("\t") and all("".join(p.split()) == p.replace(" ", "") for p in parts)
            assert all(p == p.strip() for p in parts), repr(text)


def test_a_cell_given_its_key_is_the_cell_made_without():
    line = Line(1, None, "序号\t指标")
    for spans in ([Span(line, 0, 2)], [Span(line, 3, 5)]):
        text = spans[0].text
        given, made = Cell(spans, text, text), Cell(spans)
        assert (given.spans, given.text, given.key) == (made.spans, made.text, made.key)


# --- table_note_more kept to a table whose note parse_note took last (OPEN_NOTES) ------------------------

def notes_open(state: BodyState) -> bool:
    """table_note_more's guard as it was: the last block of the open section is a table with notes."""
    children = state.stack[-1].section.children
    return bool(children) and isinstance(children[-1], TableBlock) and bool(children[-1].notes)


NOTE_POOL = POOL + (
    "注：", "注：数据来源于统计局", "1.第一点说明", "说明文字未完，", "续完。", "序号\t项目", "1\t产量\t", "组长：张三",
    "张三　某某区财政局局长", "李四　某某区教育局局长", "（一）小节", "第二条 条文。", "附则", "总则", "特此通知。", "")


def test_a_tables_notes_go_on_as_the_guard_on_the_last_block_said():
    for base in (SHARED, decision.RULES, minutes.RULES, parts.RULES):
        assert any(rule.name == "table_note_more" and isinstance(rule.when, Opened) for rule in base.rules)
        slow = RuleSet(tuple(replace(rule, when=notes_open) if rule.name == "table_note_more" else rule
                             for rule in base.rules), base.finishers, base.claimers)
        for texts, gaps, repair in bodies(71, 500, NOTE_POOL):
            assert parsed(texts, base, repair, gaps) == parsed(texts, slow, repair, gaps), texts


# --- toc.division: one match for the opening all divisions share, before each division's own -------------

def test_division_as_with_each_pattern_asked():
    def slow(line: Line) -> object:
        if line.text[:1] != "第":
            return None
        for style, rule in toc.DIVISIONS:
            m = rule.match(line.text)
            if m:
                return style, m.span(), m.group("n")
        return None

    rng = random.Random(72)
    alphabet = "第一二三十百千零〇两0１9 \u3000\t编章节条款之总则"
    samples = ["第一章 总则", "第 三 编", "第二节一般规定", "第一条 为了", "第十条之一", "第12章", "第  一  章", "第一百二十四节"]
    for text in samples + ["第" + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10))) for _ in range(30000)]:
        line = Line(1, None, text)
        found = toc.division(line)
        fast = None if found is None else (found[0], found[1].span(), found[1].group("n"))
        assert fast == slow(line), repr(text)
