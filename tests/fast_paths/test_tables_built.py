"""The fast paths of building tables (gaps, cell nodes, counted columns) give what the paths they bypass give."""

from __future__ import annotations

import random

from _pytest.monkeypatch import MonkeyPatch

from converter.blocks import table_structure
from converter.blocks.table import cell_node, table_node
from converter.blocks.table_realign import best_shift, value_kind
from converter.blocks.table_structure import tidy
from converter.model.blocks import Cell, Row, Table, TableBlock
from converter.model.context import Context
from converter.model.node import Node
from converter.model.text import Line, Span
from converter.tree.builder import Builder
from tests.fast_paths.test_output_leaves import node_of
from tests.fast_paths.test_table_cells import plain_tidy

# Han of every block (〇, extension A, unified, compatibility) weighted so that runs of every length
# stand around gaps; white space of every kind; and what is neither (an astral character among them)
GAPPY = "产品类废物区科〇㐀䶿豈鿿" * 2 + " \u3000\t\u00a0\x85\u2028" + "a1、（|\U00020000"


def gappy_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    fixed = ["", " ", "产 品类废物", "处置量下降幅 度", "产品类废 物", "产品 类废物", "产  品类废物", "产 \u3000品类废物",
             "a产 品类废物", "产品类废 物a", "〇 〇〇〇〇", "㐀 䶿豈鿿物", "产品 类废", "产\t品类废物", "产 品", "废物 产"]
    return fixed + ["".join(rng.choice(GAPPY) for _ in range(rng.randint(0, 16))) for _ in range(n)]


def test_tidy_with_its_short_gap_search_is_tidy_gap_by_gap() -> None:
    for text in gappy_texts(20000, 31):
        assert tidy(text) == plain_tidy(text), text      # (every gap, its runs counted one by one)


def shape(node: Node | str | tuple[str, str, str]) -> object:
    """A node as plain data: its name, attributes in order and children (nodes have no equality of their own)."""
    if isinstance(node, str):
        return node
    node = node_of(node)        # (a leaf as the node it stands for)
    assert isinstance(node, Node)
    return node.name, list(node.attrs.items()), [shape(child) for child in node.children]


def varied_cells(n: int, seed: int) -> list[Cell]:
    """Cells of every make: empty, one span with and without white space, several spans, spans of rows and
    columns, text merged in (onto empty cells too)."""
    rng = random.Random(seed)
    cells = []
    for text in gappy_texts(n, seed):
        line = Line(7, None, text + "\t" + text[::-1])
        half = len(text)
        for spans in ([], [Span(line, 0, half)], [Span(line, 0, half), Span(line, half + 1, 2 * half + 1)],
                      [Span(line, half + 1, 2 * half + 1)]):
            cell = Cell(spans) if spans else Cell()
            cell.rowspan = rng.choice((1, 1, 2, 3))
            cell.colspan = rng.choice((1, 1, 2))
            if rng.random() < 0.3:
                cell.merged = (Span(line, 0, half),) * rng.randint(1, 2)
            cells.append(cell)
    return cells


def test_a_table_node_makes_each_cell_as_cell_node_does() -> None:
    cells = varied_cells(3000, 32)
    rows = [Row("data", cells[k:k + 5], k) for k in range(0, len(cells), 5)] + [Row("header", [], 0)]
    table = Table([], rows, 1)
    made = table_node(table, Builder({}, {}))
    assert [shape(row) for row in made.children] == [
        ("row", [("line", str(row.line)), ("kind", row.kind)], [shape(cell_node(cell)) for cell in row.cells])
        for row in rows]


def counted_realign(table: Table, width: int) -> None:
    """realign as it was: each complete row's cells counted into their columns one by one."""
    data = [r for r in table.rows if r.kind == "data"]
    complete = [r for r in data if r.cells and r.cells[-1].spans]
    if width < 3 or not complete:
        return
    counts: list[dict[str, int]] = [{} for _ in range(width)]
    for row in complete:
        for column, cell in zip(counts, row.cells):
            kind = value_kind(cell.key)
            column[kind] = column.get(kind, 0) + 1
    for row in data:
        if row.cells[-1].spans:
            continue
        at = best_shift([value_kind(c.key) for c in row.cells], counts, len(complete))
        if at is not None:
            row.cells = row.cells[:at] + [Cell()] + row.cells[at:-1]


# What tables hold: 序号s, headers, organisations, numbers, totals, categories, notes' stuff, odd Unicode
VALUES = ("", "", "", "1", "2", "3", "序号", "指标", "责任单位", "区发改局", "各街镇", "98%", "0.31 吨/万元", "—",
          "合计", "一、基础设施类", "产 品类废物", "祝莹 肖新锋", "\u3000", "〇", "\U00020000", "持平", "1 个", "x")


def ragged_tables(n: int, seed: int) -> list[TableBlock]:
    """Tab tables of ragged rows: a header or none, rows of varying width, empty and repeated cells."""
    rng = random.Random(seed)
    blocks = []
    for t in range(n):
        width = rng.randint(1, 6)
        # the first row has two filled cells at least, as the parser opens a table only at such a row
        rows = ["序号\t指标\t责任单位\t目标"[: rng.randint(4, 16)] if rng.random() < 0.7 else "1\t区发改局\t\t98%"]
        for k in range(rng.randint(1, 12)):
            cells = [rng.choice(VALUES) for _ in range(max(1, width + rng.randint(-2, 2)))]
            if rng.random() < 0.5:
                cells[0] = str(k + rng.choice((0, 1, 1, 1, 2)))
            rows.append("\t".join(cells) if "".join(cells).strip() else "\t")   # (a table's lines are not blank)
        lines = [Line(10 * t + k, None, row) for k, row in enumerate(rows)]
        blocks.append(TableBlock(lines, [None] * len(lines)))
    return blocks


def test_tables_built_with_counted_columns_are_those_counted_cell_by_cell(monkeypatch: MonkeyPatch) -> None:
    builder = Builder({}, {})
    for shift in (False, True):
        made = []
        if shift:
            monkeypatch.setattr(table_structure, "realign", counted_realign)
        ctx = Context(True, lambda *args: None)
        for block in ragged_tables(1500, 33):
            made.append(shape(table_node(table_structure.build(block, ctx), builder)))
        made.append((ctx.warnings, [(r.reason, r.line, r.text) for r in ctx.residue]))
        if not shift:
            fast = made
    assert made == fast
