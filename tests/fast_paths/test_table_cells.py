"""The fast paths of table building give what the plain computations they replace give (issue 12)."""

from __future__ import annotations

import random
import re

from converter.blocks.table_structure import cell_text, cells_of, split_cells, tidy
from converter.model.blocks import Cell
from converter.model.text import Line, Span
from converter.patterns import HAN

HAN_CHAR = re.compile(f"[{HAN}]")
HAN_GAP = re.compile(rf"(?<=[{HAN}])\s+(?=[{HAN}])")

# Han of every block (CJK, extension A, compatibility, 〇), white space of every kind, and what is neither
ALPHABET = ("产品类废物区科经局祝莹肖新锋〇㐀䶿豈鿿" + " \t\u3000\u00a0\u2003\x1c\x85\u2028"
            + "ab1.、（）|-—:：\U00020000é")


def plain_tidy(text: str) -> str:
    """tidy as it was: each Han run counted a character at a time."""
    def han_run(at: int, step: int) -> int:
        n = 0
        while 0 <= at < len(text) and n < 4 and HAN_CHAR.match(text[at]):
            n += 1
            at += step
        return n
    out, pos = [], 0
    for m in HAN_GAP.finditer(text):
        left, right = han_run(m.start() - 1, -1), han_run(m.end(), 1)
        out.append(text[pos:m.start()])
        if min(left, right) > 2 or max(left, right) < 4:
            out.append(m.group())
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def plain_split(text: str) -> list[tuple[int, int]]:
    """split_cells of a tab or pipe row as it was: each part stripped, then its lead measured."""
    separator = "\t" if "\t" in text else "|"
    parts = text.split(separator)
    start = 0
    if separator == "|":
        if not parts[0].strip():
            start = len(parts[0]) + 1
            parts = parts[1:]
        if len(parts) > 1 and not parts[-1].strip():
            parts = parts[:-1]
    bounds = []
    for part in parts:
        stripped = part.strip()
        if stripped:
            lead = start + len(part) - len(part.lstrip())
            bounds.append((lead, lead + len(stripped)))
        else:
            bounds.append((start, start))
        start += len(part) + 1
    return bounds


def texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["", " ", "产 品类废物", "区科经局 区发改局", "祝莹 肖新锋", "产品类废 物", "〇 〇〇〇〇"] + [
        "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 24))) for _ in range(n)]


def test_tidy_counts_runs_as_the_character_loop_did():
    for text in texts(4000, 1):
        assert tidy(text) == plain_tidy(text), text


def test_split_cells_and_cells_as_before():
    for text in texts(3000, 2):
        for row in (text + "\t" + text[::-1], "|" + text + "|" + text, text + "|"):
            line = Line(1, None, row)
            assert split_cells(line) == plain_split(row), row
            for cell, (a, b) in zip(cells_of(line), plain_split(row)):
                assert cell.spans == ([Span(line, a, b)] if a < b else [])
                assert cell.text == row[a:b] and cell.key == re.sub(r"\s+", "", row[a:b])


def test_a_cells_key_and_text_are_those_of_its_spans():
    for text in texts(2000, 3):
        line = Line(1, None, text + "\t" + text)
        spans = [Span(line, 0, len(text)), Span(line, len(text) + 1, 2 * len(text) + 1)]
        for cell in (Cell(spans[:1]), Cell(spans), Cell()):
            assert cell.text == "".join(s.text for s in cell.spans)
            assert cell.key == re.sub(r"\s+", "", cell.text)


def test_cell_text_skips_tidying_only_what_has_no_white_space():
    for text in texts(3000, 4):
        if text.strip():
            cell = Cell([Span(Line(1, None, text), 0, len(text))])
            assert cell_text(cell) == tidy(text.strip()), text


def test_a_cell_node_holds_the_cells_text_as_cell_text_gives_it():
    from converter.blocks.table import cell_node
    from converter.model.node import Node
    from tests.fast_paths.test_output_leaves import node_of

    for text in texts(2000, 5):
        line = Line(1, None, text + "\t" + text)
        half = len(text)
        for spans in ([], [Span(line, 0, half)], [Span(line, 0, half), Span(line, half + 1, 2 * half + 1)]):
            cell = Cell(spans)
            expected = cell_text(cell)
            made = node_of(cell_node(cell))     # (a leaf as the node it stands for)
            assert isinstance(made, Node) and made.children == ([expected] if expected else []), text


def test_a_value_kind_is_that_of_the_cells_key():
    from converter.blocks.table_realign import value_kind

    for text in texts(2000, 6) + ["98 %", "0.31 吨/万元", "区 科经局", " — "]:
        assert value_kind(text) == value_kind(re.sub(r"\s+", "", text)), text
