"""The parse stage's fast paths give what the paths they bypass give: lines read while no block is open, and
the cheap tests before patterns.

- a line read while nothing is open (BodyState.open empty) leaves out the rules an Opened guard keeps to
  an open block; a handler that opens one and passes sends the line on through the rules left out;
- is_division, first_label and claim_tocs test first for a character their match must hold;
- classify asks whether a numbered line's heading is a title only where its answer is read.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from converter.blocks import SHARED, responsible, sections, table_structure, toc
from converter.blocks.parser import CLOSED, BlockRule, BodyState, Opened, Plugin, RuleSet, is_title_line, opened
from converter.blocks.table import DIVISION_CELL, is_division, table_node
from converter.blocks.table_structure import cells_of, split_cells
from converter.forms import decision, minutes, official
from converter.forms.speech import parts
from converter.model.blocks import Cell, Para, Row, Table, TableBlock
from converter.model.context import Context
from converter.model.node import Node
from converter.model.text import Line, Span, whole
from converter.tree.builder import Builder
from tests.fast_paths.test_parse_guards import ALPHABET, POOL, parsed, unguarded
from tests.fast_paths.test_parse_bounded_rules import LONG, bodies
from tests.fast_paths.test_output_leaves import node_of

# Numbered lines of every style, in and out of sequence, bare and with headings, titles and sentences
NUMBERED_POOL = (
    "一、总体要求", "二、", "三、主要任务", "一、同意设立某某开发区，为省级开发区，实行相关政策。", "五、跳过的",
    "（一）全面实施。正文内容。", "（二）", "（三）坚持稳中求进，推动高质量发展。", "（一）下列事项：", "（二）第一项；",
    "1.第一点", "2.", "3.第三点。", "1.又一个", "（1）小点", "（2）", "第一章 总 则", "第二章", "第一章 又一章",
    "第一条 为了规范管理，制定本办法。", "第二条", "第三条规定的事项除外。", "第九条所称单位", "第十条之一 插入的条文",
    "第一节 一般规定", "第一编 总则", "总体要求", "正文内容，", "正文内容。", "下列情形之一：", "如下：",
)


def rules_with_opening_handler(guard: Any) -> RuleSet:
    """A rule that opens a block under "x" and passes on lines that open with 开, then one kept to that
    block by `guard` (an Opened guard, or a plain function saying the same), then the shared rules."""
    def open_and_pass(state: BodyState, line: Line, m: re.Match[str]) -> bool:
        state.open["x"] = line
        return False

    def take(state: BodyState, line: Line, m: re.Match[str]) -> bool:
        state.close()
        state.append(Para([whole(line), whole(line)]))     # (told apart from the paragraph parse_text makes)
        return True

    plugin = Plugin("opening", (BlockRule("open", re.compile("开"), open_and_pass),
                                BlockRule("kept", re.compile("."), take, when=guard)))
    return SHARED.plus(plugin, before=SHARED.names()[0])


def test_opened_guards_are_told_apart():
    assert isinstance(opened("table"), Opened)
    for rules in (SHARED, decision.RULES, minutes.RULES, parts.RULES):
        assert any(isinstance(rule.when, Opened) for rule in rules.rules)


def test_closed_lines_parse_as_every_guard_asked():
    rule_sets = [SHARED, decision.RULES, minutes.RULES, parts.RULES]
    for texts, gaps, repair in bodies(41, 400, POOL + LONG):
        for rules in rule_sets:
            assert parsed(texts, rules, repair, gaps) == parsed(texts, unguarded(rules), repair, gaps), texts


def test_a_handler_that_opens_a_block_and_passes_lets_the_left_out_rules_apply():
    fast = rules_with_opening_handler(opened("x"))
    slow = rules_with_opening_handler(lambda state: state.open.get("x") is not None)
    assert not isinstance(slow.rules[1].when, Opened)
    pool = POOL + ("开", "开始", "开\t始", "开" * 90) + LONG
    for texts, gaps, repair in bodies(42, 400, pool):
        assert parsed(texts, fast, repair, gaps) == parsed(texts, slow, repair, gaps), texts
    # the same plug-in twice (two steps of the same parts): no rule is left out, and the lines parse alike
    twice_fast, twice_slow = (rules.plus(Plugin("again", rules.rules[:2]), before=rules.names()[0])
                              for rules in (fast, slow))
    assert not twice_fast.distinct_steps and twice_fast.steps("开", CLOSED) is twice_fast.steps("开")
    for texts, gaps, repair in bodies(48, 200, pool):
        assert parsed(texts, twice_fast, repair, gaps) == parsed(texts, twice_slow, repair, gaps), texts
    # the line that opened the block is taken by the rule kept to it, not read as text
    assert parsed(["开始"], fast, True, [False]) == parsed(["开始"], slow, True, [False])
    assert parsed(["开始"], fast, True, [False]) != parsed(["开始"], unguarded(SHARED), True, [False])


def texts(seed: int, count: int, alphabet: str, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_is_division_as_without_its_cheap_test():
    def slow(line: Line) -> bool:
        cells = [(a, b) for a, b in split_cells(line) if a < b]
        return len(cells) == 2 and DIVISION_CELL.fullmatch(line.text[cells[0][0]:cells[0][1]]) is not None

    alphabet = ALPHABET + "第一二十百条章节编\t\t  "
    samples = ["第一条\t为了", "第 三 章\t总则", "第一百二十四条\t", "\t第一条\t文", "第\t一条", "一条\t为了",
               " 第一条 \t为了", "第一条\t \t为了 ", "第一条\t\u3000\t为了", "第一条 \t为了\t第二条"]
    for text in samples + texts(43, 20000, alphabet, 12):
        if "\t" in text:
            line = Line(1, None, text)
            assert is_division(line, cells_of(line)) == slow(line), text


def test_first_label_as_without_its_cheap_test():
    alphabet = ALPHABET + "附件：12 "
    pool = ["附件", "附件1", " 附件2", "附件：", "附 件", "正文", "附件1：某某方案"] + texts(44, 300, alphabet, 6)
    rng = random.Random(45)
    for _ in range(3000):
        lines = [Line(n, None, rng.choice(pool)) for n in range(rng.randint(0, 12))]
        start, end = sorted(rng.randint(0, len(lines)) for _ in range(2))
        slow = next((i for i in range(start, end) if official.is_label(lines[i])), end)
        assert official.first_label(lines, start, end) == slow


TOC_POOL = ("目 录", "目录", "第一章 总则", "第二章 管理", "第三章 附则", "第一章 总 则", "第二章 管 理",
            "第一节 一般规定", "第一条 为了规范管理。", "第二条 本办法适用于。", "正文内容。", "总则", "第一章",
            "第二章", "第一编 总则", "第一章 总则……1", "第二章 管理……3", "目", "第", "", " ")


def slow_claim_tocs(lines: list[Line], ctx: Context) -> dict[int, Any]:
    """claim_tocs as it was: a while loop over every line, the cheap test at each."""
    claims: dict[int, Any] = {}
    i = 0
    while i < len(lines):
        start = i
        if lines[i].text[:1] not in ("第", "目"):
            i += 1
            continue
        titled = bool(toc.TOC_TITLE.fullmatch(lines[i].text))
        j = i + 1 if titled else i
        entries: list[Any] = []
        while j < len(lines):
            entry = toc.toc_line(lines[j])
            if entry is None and entries and toc.wraps_entry(lines, j, entries[-1]):
                j += 1
                continue
            if entry is None or (entries and (entry.style, entry.number) == (entries[0].style, entries[0].number)):
                break
            entries.append(entry)
            j += 1
        if not entries:
            i = start + 1
            continue
        if (titled or len(entries) >= toc.MIN_ENTRIES) and toc.numbered_from_one(entries):
            again = toc.printed_again(entries[0], lines[j:])
        else:
            again = False
        if again or (titled and again is None):
            toc.set_levels(entries)
            for entry in entries:
                if entry.leader is not None:
                    ctx.remove("toc-leader", entry.leader.line.n, entry.leader.text.strip())
            if again is None:
                ctx.warn(lines[j - 1].n, "a table of contents with no chapter of it below")
            claims[start] = (j, toc.Toc(whole(lines[start]) if titled else None, entries))
        i = max(j, start + 1)
    return claims


def toc_shape(claims: dict[int, Any]) -> list[Any]:
    return [(start, end, [(e.style, e.number, e.level) for e in found.entries]) for start, (end, found) in claims.items()]


def test_claim_tocs_as_found_line_by_line():
    rng = random.Random(46)
    claimed = 0
    for _ in range(1500):
        lines = [Line(n, None, rng.choice(TOC_POOL)) for n in range(1, rng.randint(1, 25))]
        fast_ctx, slow_ctx = Context(True, lambda *a: None), Context(True, lambda *a: None)
        fast = toc_shape(toc.claim_tocs(lines, fast_ctx))
        assert fast == toc_shape(slow_claim_tocs(lines, slow_ctx)), [line.text for line in lines]
        assert (fast_ctx.warnings, fast_ctx.residue) == (slow_ctx.warnings, slow_ctx.residue)
        claimed += bool(fast)
    assert claimed > 100        # the pool makes tables of contents, not only lines that open none


def eager_classify(state: BodyState, style: str, level: int, number: int, rest: Span) -> str:
    """classify as it was: the title test made first, at every numbered line."""
    bare = rest.start >= len(rest.line.text)
    last = sections.parent_frame(state, level).last.get(style)
    heading = sections.heading_of(state, rest, bare)
    titled = heading is not None and is_title_line(heading)
    section: str | None
    if style == "article" and sections.cites_article(state, number, rest):
        return "citation"
    if last is None:
        on = state.numbered.get(style, 0) + 1 if style == "article" else 1
        section = "section" if number in (1, on) or not bare else None
        if section and not bare and number == 1 and sections.clause_not_heading(state, style, rest.text):
            section = None
    elif number == last + 1 or (number > last + 1 and (not bare or titled)
                                 and not sections.gap_filled_below(state, style, last + 1)):
        section = "section"
    else:
        section = None
    if state.stack[-1].items.get(style) == number - 1:
        return "section" if section and titled else "item"
    if section:
        return section
    if last is not None and number == 1:
        if style in sections.LEGAL:
            again = sections.gap_filled_below(state, style, 2) or (style != "article" and not bare and titled)
            return "restart" if again else "text"
        if titled and sections.starts_again(state, style, level, last):
            return "restart"
        return "item"
    if last is None and number == 1:
        return "item"
    return "text"


def test_classify_asks_the_title_test_only_where_it_is_read(monkeypatch: pytest.MonkeyPatch):
    pool = NUMBERED_POOL + POOL[28:40]
    cases = list(bodies(47, 800, pool))
    fast = [parsed(texts, rules, repair, gaps) for texts, gaps, repair in cases for rules in (SHARED, decision.RULES)]
    monkeypatch.setattr(sections, "classify", eager_classify)
    slow = [parsed(texts, rules, repair, gaps) for texts, gaps, repair in cases for rules in (SHARED, decision.RULES)]
    assert fast == slow


def old_add_row(table: Table, cells: list[Cell], line: Line, width: int, numbered: int | None, ctx: Context) -> None:
    """add_row as it was: the filled cells counted at every row."""
    filled = [c for c in cells if c.spans]
    previous = table.rows[-1] if table.rows and table.rows[-1].kind == "data" else None
    if len(cells) == 1 and previous is not None and not table_structure.GROUP_LABEL.match(line.text.strip()):
        table_structure.continue_cell(previous, cells[0], line, table, ctx)
        return
    if len(filled) == 1 and cells[0].spans and not table_structure.SERIAL.fullmatch(cells[0].key):
        table.rows.append(Row("group", [cells[0]], line.n))
        return
    if previous is not None and not cells[0].spans and filled and not table_structure.numbered_after_first(numbered, cells):
        table_structure.merge(previous, cells)
        return
    if previous is not None and cells[0].key == previous.cells[0].key and table_structure.serial(previous) is not None:
        if table_structure.repeats(previous, cells):
            printed = previous.cells[0].spans[0].line
            ctx.remove("repeated-table-row", printed.n, printed.raw.strip())
            previous.cells = table_structure.fit(cells, width, line.n, ctx)
            previous.line = line.n
            return
    table.rows.append(Row("data", table_structure.fit(cells, width, line.n, ctx), line.n))


ROWS = ("序号\t项目\t责任单位", "序号\t类别\t序号\t项目", "1\t城镇老旧小区改造\t区住建局", "2\t道路\t区交通局", "\t续上\t",
        "\t\t续", "3\t\t", "一、基础设施类", "产业发展类（4个）", "续上一行的文字", "2\t道路\t区交通局\t多出", "合计\t\t",
        "\t2\t项目", "甲\t\t", "甲\t乙\t", "12\t", "\t", "总 计\t5\t", "a\tb\tc\td")


def built(lines: list[Line]) -> Any:
    ctx = Context(True, lambda *a: None)
    table = table_structure.build(TableBlock(lines, [None] * len(lines)), ctx)
    return node_shape(table_node(table, Builder({}, {}))), ctx.warnings, ctx.residue


def node_shape(node: Node | str | tuple[str, str, str]) -> object:
    if isinstance(node, str):
        return node
    node = node_of(node)        # (a leaf as the node it stands for)
    assert isinstance(node, Node)
    return node.name, list(node.attrs.items()), [node_shape(child) for child in node.children]


def test_add_row_counts_the_filled_cells_only_where_asked(monkeypatch: pytest.MonkeyPatch):
    rng = random.Random(49)
    cases = [[Line(n, None, rng.choice(ROWS)) for n in range(1, rng.randint(2, 14))] for _ in range(3000)]
    fast = [built(lines) for lines in cases]
    monkeypatch.setattr(table_structure, "add_row", old_add_row)
    assert fast == [built(lines) for lines in cases]


def test_responsible_match_searched_from_the_last_bracket_finds_what_the_search_found():
    alphabet = "（）()责任牵头单位部门:：、，区发改局。；; \u3000\n"
    samples = ["…实现就近处理。(责任单位:区生态环境分局、区发改局,各街镇)", "（牵头单位：区民政局）（责任单位：区财政局）",
               "（责任单位：区发改局）。 ", "（（责任单位：区发改局）", "（责任单位：区发改局）)", "(责任单位:区)\n", "单位（部门：）"]
    rng = random.Random(51)
    labels = ["责任单位：", "牵头单位:", "配合部门 ：", "协办部门：", "责任单位"]
    made = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) + rng.choice("（(") + rng.choice(["", " "])
            + rng.choice(labels) + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
            + rng.choice("）)") + rng.choice(["", "。", "；", " ", "\n", "）"]) for _ in range(20000)]
    line_texts = samples + made + texts(50, 20000, alphabet, 24)
    found = 0
    for text in line_texts:
        line = Line(1, None, text)
        spans = [Span(line, 0, len(text))]
        fast = responsible.responsible_match(spans)
        slow = responsible.RESPONSIBLE.search(text) if "单位" in text or "部门" in text else None
        assert (fast and (fast.span(), fast.groupdict())) == (slow and (slow.span(), slow.groupdict())), text
        found += slow is not None
    assert found > 2000


def test_is_serial_says_what_serial_says():
    digits = "0123456789０１２３４５６７８９٠١٢३४५६७८९〇一二①²½ \t\n\u3000x-+."
    for text in ["", "1", "12", "1234", "12345", "１２", "٣", "²", "½", "1 ", " 1", "1\n"] + texts(52, 50000, digits, 6):
        assert table_structure.is_serial(text) == (table_structure.SERIAL.fullmatch(text) is not None), repr(text)


def test_a_sentence_mark_stands_in_a_line_as_in_its_collapsed_text():
    """is_part_heading tests the punctuation in the line as printed, before collapse: the same answer."""
    from converter.forms.speech.parts import is_part_heading
    from converter.model.text import collapse
    from converter.rules import SENTENCE_PUNCT

    for text in texts(53, 30000, ALPHABET + "，。；：,;:！？!? 总体要求", 12) + ["总 体 要 求", "坚持稳中求进，推动", " ， "]:
        assert (SENTENCE_PUNCT.search(text) is None) == (SENTENCE_PUNCT.search(collapse(text)) is None), repr(text)
    below = Line(2, None, "一、正文内容。")
    assert is_part_heading([Line(1, None, "总 体 要 求"), below], 0)
    assert not is_part_heading([Line(1, None, "总体，要求"), below], 0)
