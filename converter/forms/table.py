"""Tables: one logical, fully structured table from the rows as printed.

Rows arrive tab-separated (OCR, PDF extraction) or pipe-separated (markdown).
`BLOCK_RULES` collect them while the body is parsed — with the caption line
above (责任单位：区发改局) and the notes below (注：1.…) — and `finish` turns
each collection into the table as meant:

- the header (a row of short labels, often 序号 first) appears once; its
  repeats after page breaks go to residue (`repeated-table-header`);
- a caption row inside the table (a title, the other cells empty) is a group row;
- a row whose 序号 is empty continues the row above: merged into it, cell by cell;
- a row whose 序号 repeats at the top of the next page is one row: a first
  part printed again in full goes to residue (`repeated-table-row`);
- a row that OCR shifted one cell left (an empty cell dropped, a trailing
  empty cell) is moved back when the values then fit their columns;
- an empty cell under a hierarchical column (一级指标 …) gives the cell above @rowspan.
"""

from __future__ import annotations

import re

from converter.blocks import BlockRule, BodyState
from converter.forms.table_structure import PIPE_RULE, Cell, Row, Table, build, cell_text, split_cells
from converter.model import Para, Section, Span, TableBlock
from converter.normalise import Line

# A printed row: cells separated by tabs
TAB_ROW = re.compile(r"[^\n]*\t[^\n]*")
# A markdown row: "| 序号 | 指标 |"
PIPE_ROW = re.compile(r"\|.*\|")
# Notes printed under a table: "注：1.★表示必选指标…"
NOTE_START = re.compile(r"注\s{0,2}[:：]")
# A caption over a table: short, no sentence in it.
CAPTION_MAX = 60


# --- collecting rows while the body is parsed ------------------------------------------

def parse_row(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    if state.table is None and not is_row(line):
        return False
    if state.table is None:
        table = TableBlock([line])
        caption = take_caption(state)
        if caption:
            table.caption = caption
        state.close()
        state.table = table
        state.append(table)
    else:
        state.table.lines.append(line)
    return True


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
    if m.re is NOTE_START or (table.notes and not line.gap):
        state.close()
        table.notes.append(line)
        return True
    return False


def parse_pipe_rule(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    if state.table is None:
        return False
    state.table.lines.append(line)
    return True


BLOCK_RULES = (
    BlockRule("table_rule", PIPE_RULE, parse_pipe_rule, first="|:-"),
    BlockRule("table_row", TAB_ROW, parse_row, contains="\t"),
    BlockRule("table_pipe_row", PIPE_ROW, parse_row, first="|"),
    BlockRule("table_note", NOTE_START, parse_note, first="注"),
    BlockRule("table_note_more", re.compile(r"."), parse_note),
)


def is_row(line: Line) -> bool:
    """Whether a line is a table row on its own (two filled cells at least)."""
    text = line.text
    if not (TAB_ROW.fullmatch(text) or PIPE_ROW.fullmatch(text)) or PIPE_RULE.fullmatch(text):
        return False
    return sum(1 for a, b in split_cells(line) if a < b) >= 2


def finish(blocks: list, warnings: list[tuple[int, str]]) -> list:
    """Replace every collected TableBlock (at any depth) by its structured Table."""
    out = []
    for block in blocks:
        if isinstance(block, TableBlock):
            out.append(build(block, warnings))
            continue
        if isinstance(block, Section):
            block.children = finish(block.children, warnings)
        out.append(block)
    return out


__all__ = ["BLOCK_RULES", "Cell", "Row", "Table", "cell_text", "finish", "is_row", "split_cells"]
