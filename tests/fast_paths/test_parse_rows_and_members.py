"""The parse stage's fast paths over table rows, roster members, totals and dates give what the computations
they replace give."""

from __future__ import annotations

import random
from dataclasses import replace

from converter.blocks import SHARED
from converter.blocks.parser import RuleSet, parse_body
from converter.blocks.roster import MEMBER_LINE
from converter.blocks.table import PIPE_ROW, PIPE_ROW_START, TAB_ROW, TAB_ROW_START
from converter.blocks.table_structure import SPACE_BUT_TAB, TOTAL_LABEL, fit, is_total, split_cells
from converter.frame import roles
from converter.frame.foot import printed_date
from converter.model.blocks import Cell
from converter.model.context import Context
from converter.model.text import Line, Span
from converter.patterns import EXAMPLES
from converter.rules import PRINTED_DATE

# Han, white space of every kind (a line break among them), the marks of a row, and what is neither
ALPHABET = "产品类废物区科经局〇㐀豈" + " \t\u3000\u00a0\n\x85\u2028" + "||||--:：1a、（）\U00020000é"


def texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["", "\t", "|", "||", "|\n|", "\n\t", "a\tb", "| 序号 | 指标 |", "序号|指标", "\t\n"] + [
        "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def test_the_row_rules_match_the_lines_the_row_patterns_match():
    for text in texts(20000, 1):
        assert (TAB_ROW_START.match(text) is None) == (TAB_ROW.match(text) is None), repr(text)
        assert (PIPE_ROW_START.match(text) is None) == (PIPE_ROW.match(text) is None), repr(text)


# --- split_cells: a row with no white space but tabs told by str methods ---------------------------------

def split_as_before(line: Line) -> list[tuple[int, int]]:
    """split_cells of a tab or pipe row as it was: the untrimmed parts where SPACE_BUT_TAB finds nothing."""
    text = line.text
    separator = "\t" if "\t" in text else "|"
    parts = text.split(separator)
    if separator == "\t" and not SPACE_BUT_TAB.search(text):
        bounds, start = [], 0
        for part in parts:
            bounds.append((start, start + len(part)))
            start += len(part) + 1
        return bounds
    return _trimmed(text, parts)


def _trimmed(text: str, parts: list[str]) -> list[tuple[int, int]]:
    start, bounds = 0, []
    if "\t" not in text:
        if not parts[0].strip():
            start = len(parts[0]) + 1
            parts = parts[1:]
        if len(parts) > 1 and not parts[-1].strip():
            parts = parts[:-1]
    for part in parts:
        lead = len(part) - len(part.lstrip())
        bounds.append((start + lead, start + len(part.rstrip())) if lead < len(part) else (start, start))
        start += len(part) + 1
    return bounds


SPACES = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
CELL_ALPHABET = "产品类废物区科经局〇1.、|" + SPACES + "\t\t\t\u200b\x00\x7f\U00020000"


def test_split_cells_as_before_on_rows_of_every_white_space():
    rng = random.Random(2)
    rows = ["", "\t", "a\tb", "\u200b\tb", " \t", "\u3000\t产", "1\t\t区发改局\t"] + [
        "".join(rng.choice(CELL_ALPHABET) for _ in range(rng.randint(0, 20))) for _ in range(20000)]
    for row in rows:
        line = Line(1, None, row)
        assert split_cells(line) == split_as_before(line), repr(row)
        assert split_cells(line, spaced=True) == split_cells(line) or "\t" not in row and "|" not in row, repr(row)


# --- the roster's member rule, markless ------------------------------------------------------------------

def test_no_line_with_a_comma_or_full_stop_is_a_member_line():
    rng = random.Random(3)
    members = [example for example in EXAMPLES[MEMBER_LINE]] + ["周正刚 区政府督查室主任", "何洪明（市纪委）", "沈 慧"]
    alphabet = "周正刚区政府督查室主任（）()　 \t李皓，。、；:!?x1\n"
    for k in range(20000):
        base = rng.choice(members) if k % 2 else "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20)))
        at = rng.randint(0, len(base))
        text = base[:at] + rng.choice("，。") + base[at:]
        assert MEMBER_LINE.match(text) is None, repr(text)


def test_markless_rules_leave_the_parse_as_it_was():
    """A body parsed with the member rule markless and without (the rule tried on every short line) is the same."""
    plain = RuleSet(tuple(replace(rule, markless=False) for rule in SHARED.rules), SHARED.finishers, SHARED.claimers)
    assert any(rule.markless for rule in SHARED.rules)
    rng = random.Random(4)
    pieces = ["组 长:舒基元 区人民政府代理区长", "成 员：胡立明 区政府办公室主任", "周正刚 区政府督查室主任，",
              "李 皓 区自然资源和规划局局长", "何洪明（市纪委）。", "沈 慧", "一、总体要求", "二、加强领导，落实责任", "为了做好工作，现通知如下：",
              "张三　某某区财政局局长", "李四　某某区教育局局长。", "1\t区发改局\t牵头", "注：1.数据", "特此通知。", "王建良"]
    for _ in range(300):
        lines = [Line(n, None, rng.choice(pieces)) for n in range(1, rng.randint(2, 14))]
        contexts = [Context(True, lambda *args: None), Context(True, lambda *args: None)]
        fast, slow = (parse_body(lines, ctx, rules) for ctx, rules in zip(contexts, (SHARED, plain)))
        assert dump(fast) == dump(slow), [line.text for line in lines]
        assert contexts[0].warnings == contexts[1].warnings and contexts[0].residue == contexts[1].residue


def dump(value: object) -> object:
    """A block tree as plain data (the model's classes compare by identity)."""
    if isinstance(value, list):
        return [dump(v) for v in value]
    if hasattr(value, "__slots__") or hasattr(value, "__dict__"):
        names = getattr(type(value), "__slots__", None) or vars(value)
        return (type(value).__name__, {name: dump(getattr(value, name)) for name in names if hasattr(value, name)})
    return value


# --- table building: fit, the header's repeats, the total rows ------------------------------------------

def test_is_total_as_the_pattern():
    rng = random.Random(5)
    labels = ["", "合计", "总 计", "小计", "共计", "累计", "合　计", "计", "合", "合计 ", " 合计", "合计数"] + [
        "".join(rng.choice("合总小共累计 \u3000\t区1") for _ in range(rng.randint(0, 6))) for _ in range(20000)]
    for label in labels:
        assert is_total(label) == (TOTAL_LABEL.fullmatch(label) is not None), repr(label)


def test_fit_as_before():
    """fit gives the cells it gave (the same Cell objects), padded or cut; a row of `width` cells keeps its list."""
    line = Line(1, None, "序号\t名称\t单位")
    made = [Cell([Span(line, 0, 2)], "序号"), Cell(), Cell([Span(line, 3, 5)], "名称"), Cell(), Cell()]
    for size in range(len(made) + 1):
        for width in range(1, 7):
            cells = made[:size]
            got = fit(list(cells), width, 1, Context(True, lambda *args: None))
            keep = size
            while keep > width and not cells[keep - 1].spans:
                keep -= 1
            assert len(got) == width
            if keep <= width:
                assert got[:keep] == cells[:keep] and all(not c.spans for c in got[keep:])


# --- the foot: a 印发 line told by its last character first ---------------------------------------------

def test_printed_date_as_the_pattern():
    rng = random.Random(6)
    lines = ["2023年1月10日印发", "江汉区人民政府办公室 2024年1月15日印发", "2023年1月10日印发 ", "2023年1月10日", "",
             "印发", "某某办公室　　2023年1月10日　印 发"] + [
        "".join(rng.choice("2023年1月10日印发 \u3000办公室，") for _ in range(rng.randint(0, 20))) for _ in range(20000)]
    for text in lines:
        assert (printed_date(text) is None) == (PRINTED_DATE.fullmatch(text) is None), repr(text)
        if text.endswith("日"):
            assert PRINTED_DATE.fullmatch(text) is None     # (find_signature's lines: none is a 印发 line)


# --- head roles: the seal's mark and a title's bracketed suffix told by a character first ----------------

def test_seal_and_title_suffix_cheap_tests_as_the_patterns():
    rng = random.Random(7)
    texts = ["某某县人民政府（印）", "(盖章)", "某某县人民政府", "关于…的通知（试行）", "通知(草案)\n", "（某政发〔2024〕1号）",
             "", "\n", "）", ")\n"] + [
        "".join(rng.choice("某县政府通知办法（）()盖公章印号试行 \u3000\n") for _ in range(rng.randint(0, 24))) for _ in range(30000)]
    for text in texts:
        if "章" not in text and "印" not in text:
            assert roles.SEAL_MARK.search(text) is None, repr(text)
        if not text.endswith(("）", ")", "）\n", ")\n")):
            assert roles.TITLE_SUFFIX.search(text) is None, repr(text)
