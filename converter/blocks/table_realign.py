"""Realigning the rows of a table that OCR shifted one cell left (see table_structure.py).

A row whose empty last cell is an empty cell dropped earlier in the row is moved back where
the kinds of its values (number, organisation, text, empty) then fit their columns better.
"""

from __future__ import annotations

import functools
from collections import Counter

from converter.model.blocks import Cell, Table
from converter.patterns import pattern

# Values by kind, for realigning shifted rows: "98%", "0.31 吨/万元", "—", "1 个", "≥0"
NUMBER_VALUE = pattern(r"[—\-–≥≤<>~约]?\s?[\d.,，]+\s?(?:%|％|个|吨.{0,4}|万.{0,3}|亿.{0,3}|家|处|人|公里|亩|月|年|次)?.{0,8}|[—\-–/]|持平",
                       "98%", "0.31 吨/万元", "—", "1 个", "持平")
# Organisation names: 区科经局, 各街镇, 区直各相关单位
ORG_VALUE = pattern(r".{0,40}(?:局|镇|街|委|办|院|公司|中心|单位|部门|分局|分行|社|馆|所|站|队|处|政府|专班)",
                    "区科经局", "各街镇", "区直各相关单位")


@functools.lru_cache(maxsize=4096)
def value_kind(text: str) -> str:
    text = "".join(text.split())        # white space out, as in a cell's key
    if not text:
        return "empty"
    if NUMBER_VALUE.fullmatch(text) and len(text) <= 16:
        return "number"
    if ORG_VALUE.fullmatch(text) and len(text) <= 40:
        return "org"
    return "text"


def realign(table: Table, width: int) -> None:
    """Move a row one cell right where OCR dropped an empty cell and the values then fit.

    Each column's profile counts the kinds of value (number, organisation,
    text, empty) in the rows that are complete (their last cell filled); a
    row with an empty last cell is shifted at the place where the counts of
    the values' kinds in their new columns exceed those as printed by at
    least the number of complete rows (one whole row's worth).
    """
    data = [r for r in table.rows if r.kind == "data"]
    complete = [r for r in data if r.cells and r.cells[-1].spans]
    # every data row complete (most tables): no row to shift, and the columns' counts would go unread
    if width < 3 or not complete or len(complete) == len(data):
        return
    # every data row has `width` cells (fit made them so): the columns are those of the complete rows
    # side by side, each counted in one go (a Counter is a dict: best_shift's .get sees the same counts)
    counts: list[dict[str, int]] = [Counter(map(value_kind, [cell.key for cell in column]))
                                    for column in zip(*[row.cells for row in complete])]
    for row in data:
        if row.cells[-1].spans:
            continue
        at = best_shift([value_kind(c.key) for c in row.cells], counts, len(complete))
        if at is not None:
            row.cells = row.cells[:at] + [Cell()] + row.cells[at:-1]


def best_shift(kinds: list[str], counts: list[dict[str, int]], margin: int) -> int | None:
    """Where to insert an empty cell (dropping the empty last one), if that beats the row as printed by `margin`.

    Linear in the width: with an empty cell at k, columns before k keep their
    values and columns after it take their left neighbour's.
    """
    width = len(kinds)
    before = [0] * (width + 1)      # before[k]: how well cells 0..k-1 fit their own columns
    for j in range(width):
        before[j + 1] = before[j] + counts[j].get(kinds[j], 0)
    after = [0] * (width + 1)       # after[k]: how well columns k.. fit their left neighbour's value
    for j in range(width - 1, 0, -1):
        after[j] = after[j + 1] + counts[j].get(kinds[j - 1], 0)
    best, best_score = None, before[width] + margin
    for k in range(1, width - 1):
        score = before[k] + counts[k].get("empty", 0) + after[k + 1]
        if score > best_score:
            best, best_score = k, score
    return best
