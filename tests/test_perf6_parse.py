"""The fast paths of the parse stage in wave 6 give what the computations they replace give (issue 12)."""

from __future__ import annotations

import random

from converter.blocks.table import PIPE_ROW, PIPE_ROW_START, TAB_ROW, TAB_ROW_START

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
