"""The third wave's fast paths of table building give what the paths they bypass give (issue 12)."""

from __future__ import annotations

import random
import re

from converter.blocks.table_structure import tidy
from converter.patterns import HAN

HAN_CHAR = re.compile(f"[{HAN}]")
HAN_GAP = re.compile(rf"(?<=[{HAN}])\s+(?=[{HAN}])")

# Han of every block (〇, extension A, unified, compatibility) weighted so that runs of every length
# stand around gaps; white space of every kind; and what is neither (an astral character among them)
GAPPY = "产品类废物区科〇㐀䶿豈鿿" * 2 + " \u3000\t\u00a0\x85\u2028" + "a1、（|\U00020000"


def gappy_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    fixed = ["", " ", "产 品类废物", "处置量下降幅 度", "产品类废 物", "产品 类废物", "产  品类废物", "产 \u3000品类废物",
             "a产 品类废物", "产品类废 物a", "〇 〇〇〇〇", "㐀 䶿豈鿿物", "产品 类废", "产\t品类废物", "产 品", "废物 产"]
    return fixed + ["".join(rng.choice(GAPPY) for _ in range(rng.randint(0, 16))) for _ in range(n)]


def counted_tidy(text: str) -> str:
    """tidy without its SHORT_GAP shortcut: every gap between Han characters, its runs counted one by one."""
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


def test_tidy_with_its_short_gap_search_is_tidy_gap_by_gap() -> None:
    for text in gappy_texts(20000, 31):
        assert tidy(text) == counted_tidy(text), text
