"""Tables: one logical, fully structured table from the rows as printed.

Rows arrive tab-separated (OCR, PDF extraction), pipe-separated (markdown) or
laid out in columns with runs of spaces (pdftotext -layout: two rows at least).
The rules here collect them while the body is parsed — with the caption line
above (责任单位：区发改局) and the notes below (注：1.…) — and `finish` turns
each collection into the table as meant (table_structure.py):

- the header (a row of short labels, often 序号 first) appears once; its
  repeats after page breaks go to residue (`repeated-table-header`);
- a caption row inside the table (a title, the other cells empty) is a group row;
- a row whose 序号 is empty continues the row above: merged into it, cell by cell;
- a short line without cells between two rows is a group row when it names a category
  (一、基础设施类), else the rest of a cell above wrapped onto its own line (merged into
  the cell with the most text, with a warning);
- a row whose 序号 repeats at the top of the next page is one row: a first
  part printed again in full goes to residue (`repeated-table-row`);
- a row that OCR shifted one cell left (an empty cell dropped, a trailing
  empty cell) is moved back when the values then fit their columns;
- an empty cell under a hierarchical column (一级指标 …) gives the cell above @rowspan
  (not in a total row: 合计's empty cells are empty).
"""

from __future__ import annotations

import re
from typing import Any

from converter.blocks.parser import BlockRule, BodyState, Plugin, ends_open, holds, opened, walk_blocks
from converter.blocks.table_structure import PIPE_RULE, build, cell_text, cells_of, is_header, split_cells
from converter.model.blocks import Cell, Para, Table, TableBlock
from converter.model.context import Context
from converter.model.node import Child, Leaf, Node, node
from converter.tree.builder import Builder, NodeFunction
from converter.model.text import Line, Span, plain
from converter.patterns import compiled, pattern
from converter.rules import ORDINAL

# A printed row: cells separated by tabs
TAB_ROW = pattern(r"[^\n]*\t[^\n]*", "1\t区发改局")
# A row laid out with spaces (pdftotext -layout): three cells or more, two spaces or more apart
SPACED_ROW = pattern(r"\S+(?: \S+)*(?: {2,}\S+(?: \S+)*){2,}", "1       城镇老旧小区改造      改造老旧小区120个     市住建局")
# The fewest rows laid out with spaces, one after another and of one width, that make a table: the header and two
SPACED_ROWS_MIN = 3
# A markdown row
PIPE_ROW = pattern(r"\|.*\|", "| 序号 | 指标 |")
# What the row rules match a line by, where a line is a row or not by what parse_row tests (it reads no match):
# TAB_ROW.match(text) finds a tab before any line break (its [^\n]* runs to the line's end, then backs up to
# the last tab), and so does this, stopping at the first tab; PIPE_ROW.match finds a second | before any line
# break (it backs up from the end to the last |), and so does this, stopping at the second |. The same lines match.
TAB_ROW_START = pattern(r"[^\n\t]*\t", "1\t区发改局")
PIPE_ROW_START = pattern(r"\|[^\n|]*\|", "| 序号 | 指标 |")
# Notes printed under a table
NOTE_START = pattern(r"注\s{0,2}[:：]", "注：1.★表示必选指标")
# A numbered point of a note: "2.部分数据因四舍五入…"
NOTE_POINT = pattern(r"\d{1,2}\s{0,2}[.．、)）]", "2.部分数据因四舍五入")
# Any line: after a note, the lines that go on with it
ANY_LINE = pattern(r".", "续")
# A regulation's division number alone in a first cell: "第一条⇥为了…", "第一章⇥总则" is a numbered
# line whose number a tab sets off from its text (a word processor's export), not a table row
DIVISION_CELL = pattern(rf"第\s{{0,2}}{ORDINAL}\s{{0,2}}[编章节条]", "第一条", "第一百二十四条", "第 三 章")
# A caption over a table: short, no sentence in it.
CAPTION_MAX = 60
# Where a plug-in keeps the table whose rows are being read.
OPEN_TABLE = "table"
# Where parse_note keeps the table whose note it took last, while nothing else starts. table_note_more goes on a
# note only where the last block of the open section is a table with notes: that block is there only after
# parse_note took a line, until the next line that starts a block (all of them close the state first, and a line
# the state is closed for ends in a new block of the section, or leaves the section for good): while the table stays
# last, the key stays there. (Kept while another block goes on, as the table is no longer last, the key lets the
# guard pass where parse_note passes: a guard may say yes more often than its handler.) Nothing kept there, the
# parser leaves table_note_more out of a line's steps (parser.Opened): most lines no longer ask the guard.
OPEN_NOTES = "table_notes"
# Where parse_inner_line keeps the row below it as split, (line, cells_of it), for parse_row
OPEN_SPLIT = "table_split"


def parse_row(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    table: TableBlock | None = state.open.get(OPEN_TABLE)
    split = state.open.get(OPEN_SPLIT)
    # once: the tests below and the table's build take them (parse_inner_line may have made this line's)
    cells = split[1] if split is not None and split[0] is line else cells_of(line)
    if "第" in line.text and is_division(line, cells):     # (is_division's own cheap test first)
        return False
    if table is None and not is_row(line, cells):
        return False
    if table is None:
        open_table(state, TableBlock([line], [cells]))
    else:
        table.add(line, cells)
    return True


def open_table(state: BodyState, table: TableBlock) -> None:
    """A table starts: the short line above is its caption; it stays open while its rows go on."""
    caption = take_caption(state)
    if caption:
        table.caption = caption
    state.close()
    state.open[OPEN_TABLE] = table
    state.append(table)


def parse_spaced_row(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    """A row laid out with spaces: in an open spaced table, or the first of a run of such rows of one width."""
    table: TableBlock | None = state.open.get(OPEN_TABLE)
    if table is not None:
        if not table.spaced:
            return False
        table.add(line)
        return True
    cells = cells_of(line, True)
    if not is_header(cells) or any("：" in c.text or ":" in c.text for c in cells):
        return False            # a table laid out with spaces starts with its header of labels
    if spaced_rows_below(state, len(cells)) < SPACED_ROWS_MIN - 1:
        return False
    open_table(state, TableBlock([line], [cells], spaced=True))
    return True


def spaced_rows_below(state: BodyState, width: int) -> int:
    """How many rows of `width` cells laid out with spaces follow, short lines of wrapped cells between them allowed."""
    rows, k = 0, 1
    while rows < SPACED_ROWS_MIN - 1 and k <= 2 * SPACED_ROWS_MIN and (below := state.ahead(k)) is not None:
        if SPACED_ROW.fullmatch(below.text) and len(split_cells(below, spaced=True)) == width:
            rows += 1
        elif len(below.text) > CAPTION_MAX or k == 1:
            break
        k += 1
    return rows


def take_caption(state: BodyState) -> list[Span]:
    """The short line right above a table is its caption: 责任单位：区发改局."""
    children = state.container.children
    para = state.para
    if (isinstance(para, Para) and children and children[-1] is para and len(para.spans) == 1
            and len(para.spans[0].text) <= CAPTION_MAX and "。" not in para.spans[0].text):
        children.pop()
        return para.spans
    return []


def parse_note(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    children = state.container.children
    if not children or not isinstance(children[-1], TableBlock):
        return False
    table = children[-1]
    if m.re is compiled(NOTE_START) or (table.notes and not line.gap and goes_on_note(table.notes[-1], line)):
        state.close()
        table.notes.append(line)
        state.open[OPEN_NOTES] = table      # (table_note_more's guard: the table's notes may go on)
        return True
    return False


def goes_on_note(last: Line, line: Line) -> bool:
    """A line after a note is the note's: its next numbered point (2.…), or the rest of a sentence it cut."""
    return NOTE_POINT.match(line.text) is not None or ends_open(last.text)


def parse_pipe_rule(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    table: TableBlock | None = state.open.get(OPEN_TABLE)
    if table is None:
        return False
    table.add(line)
    return True


def parse_inner_line(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    """A short line without cells between two rows of an open table (a cell's text wrapped, a category) is the table's."""
    table: TableBlock | None = state.open.get(OPEN_TABLE)
    if table is None:           # (the rule's guard skips the line already; called directly, it passes)
        return False
    after = state.ahead()
    if after is None or len(line.text) > CAPTION_MAX:
        return False
    # the row below split once, for is_row, its cells here and parse_row's at the next line (kept in
    # state.open for it); a tab or pipe row (what is_row takes) splits the same spaced or not
    cells = cells_of(after) if "\t" in after.text or "|" in after.text else None
    row = cells is not None and is_row(after, cells)
    if not (row or (table.spaced and SPACED_ROW.fullmatch(after.text))):
        return False
    if is_header(cells if row and cells is not None else cells_of(after, table.spaced)):
        return False            # the caption of the next table, above its header
    table.add(line)
    if cells is not None:
        state.open[OPEN_SPLIT] = (after, cells)
    return True


def is_row(line: Line, cells: list[Cell] | None = None) -> bool:
    """Whether a line is a table row on its own (two filled cells at least); `cells`: its cells_of, if made."""
    text = line.text
    if not (TAB_ROW.fullmatch(text) or PIPE_ROW.fullmatch(text)) or PIPE_RULE.fullmatch(text):
        return False
    return sum(1 for cell in (cells_of(line) if cells is None else cells) if cell.spans) >= 2


def is_division(line: Line, cells: list[Cell]) -> bool:
    """Whether a tab-separated line is a 编/章/节/条 number and its text, two filled cells and no more (`cells`: its
    cells_of, which the row's parse has made already). Cheap test first: DIVISION_CELL's match opens with 第, so a
    row without one is none (most rows)."""
    if "第" not in line.text:
        return False
    filled = [cell for cell in cells if cell.spans]
    return len(filled) == 2 and DIVISION_CELL.fullmatch(filled[0].text) is not None


def finish(blocks: list[Any], ctx: Context) -> list[Any]:
    """Replace every collected TableBlock (at any depth) by its structured Table."""
    if not holds(blocks, TableBlock):
        return blocks       # most bodies have no table: the walk would give the same blocks in new lists
    return walk_blocks(blocks, lambda block: [build(block, ctx)] if isinstance(block, TableBlock) else [block])


PLUGIN = Plugin("tables", (
    BlockRule("table_rule", PIPE_RULE, parse_pipe_rule, first="|:-", when=opened(OPEN_TABLE)),
    BlockRule("table_row", TAB_ROW_START, parse_row, contains="\t"),
    BlockRule("table_pipe_row", PIPE_ROW_START, parse_row, first="|"),
    BlockRule("table_note", NOTE_START, parse_note, first="注"),
    BlockRule("table_note_more", ANY_LINE, parse_note, when=opened(OPEN_NOTES)),
    BlockRule("table_inner_line", ANY_LINE, parse_inner_line, when=opened(OPEN_TABLE)),
), finish)

# Rows laid out with spaces come after the rosters (a roster's lines also stand apart by spaces:
# "组  长：王  明  县长"); their tables are finished by PLUGIN's step.
SPACED_PLUGIN = Plugin("spaced tables", (BlockRule("table_spaced_row", SPACED_ROW, parse_spaced_row, contains="  "),))


# --- nodes ---------------------------------------------------------------------------

def table_node(table: Table, b: Builder) -> Node:
    # (the rows and their cells made in one go each: a bulletin's tables are a few hundred rows, thousands of cells)
    children: list[Child] = [node("title", table.caption[0].line.n, plain(table.caption))] if table.caption else []
    # A plain cell (most: one span or none, no white space in it, nothing merged in, no spans of rows or
    # columns) is made here, not by a call of cell_node: what cell_node gives such a cell, its text alone
    # (a leaf, as cell_node makes it).
    children += [Node("row", {"line": str(row.line), "kind": row.kind},
                      [("<cell>", text, "</cell>")
                       if len(cell.key) == len(text := cell.text) and len(cell.spans) < 2
                       and cell.rowspan == cell.colspan == 1 and not cell.merged else cell_node(cell)
                       for cell in row.cells])
                 for row in table.rows]
    return Node("table", {"line": str(table.line)}, children)


def cell_node(cell: Cell) -> Node | Leaf:
    text = cell.text
    # a cell of one span or none, without white space, is its text as printed (cell_text's own first case)
    if len(cell.spans) > 1 or len(cell.key) != len(text):
        text = cell_text(cell)
    if cell.rowspan == 1 and cell.colspan == 1 and not cell.merged:
        # most cells: their text alone, a leaf (a third of the elements: a Node, its dict and list each cost
        # some ten times the tuple, and write takes a leaf in three appends)
        return "<cell>", text, "</cell>"
    attrs = {"rowspan": str(cell.rowspan)} if cell.rowspan > 1 else {}
    if cell.colspan > 1:
        attrs["colspan"] = str(cell.colspan)
    el = Node("cell", attrs, [text] if text else [])
    for span in cell.merged:
        # text merged in from a continuation line keeps its own line number
        el.add(node("merged", span.line.n, span.text.strip()))
    return el


RENDERS: dict[type, NodeFunction] = {Table: table_node}
