"""Pathological inputs convert in bounded time: one regression test per pattern class.

Each input is built to trip one kind of worst case — catastrophic regex
backtracking, quadratic string building, lxml's O(n) len() — at a size where
a linear converter takes about a second. The conversion runs in a child
process with a generous time limit: the limit only catches hangs, it is not a
speed measurement (benchmarks/ measures speed).
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from lxml import etree

from converter import lossless, validation

# A hang guard, far above the ~1 s these take; CI machines are shared and slow.
LIMIT_SECONDS = 120
HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工"


def han_text(n: int) -> str:
    return "".join(HAN[(k * 7) % len(HAN)] for k in range(n))


CASES = {
    # one 2 MB line: every line pattern runs over it once
    "single-line": lambda: han_text(700_000) + "\n",
    # 50,000 heading-like lines of every numbering style
    "heading-lines": lambda: "".join(
        f"{['一、', '（一）', '1.', '（1）', '第一条', '第一章'][k % 6]}标题{k}\n" for k in range(50_000)),
    # 100,000 nested brackets around a responsible-unit label
    "nested-brackets": lambda: "关于某事的通知\n" + "（" * 100_000 + "责任单位：" + "）" * 100_000 + "\n",
    # dense inline markup: 100,000 bold runs and 50,000 <sup> markers on two lines
    "dense-markup": lambda: "**粗**" * 100_000 + "\n" + "词<sup>①</sup>" * 50_000 + "\n",
    # footnote markers by the 100,000 in one paragraph, all linked to one entry
    "dense-markers": lambda: "政府工作报告\n各位代表：\n" + "三保①" * 100_000 + "\n名词解释\n1、三保：定义。\n",
    # a giant table cell full of OCR gaps
    "table-gaps": lambda: "序号\t项目\t单位\n1\t" + "产 品" * 200_000 + "\t局\n",
    # many lines that look like 主送机关, 署名 and dates
    "head-and-dates": lambda: "".join(f"各单位{k}：\n区政府{k}\n2023年1月{k % 28 + 1}日\n" for k in range(20_000)),
    # many rows of one table with repeated headers
    "long-table": lambda: "序号\t项目\t单位\n" + "".join(
        (f"{k}\t项目{k}\t区局\n" if k % 50 else "序号\t项目\t单位\n") for k in range(1, 30_000)),
    # a two-row table 20,000 cells wide whose second row ends empty (realigning it was quadratic)
    "wide-table": lambda: "1" + "\t甲" * 20_000 + "\n2" + "\t甲" * 19_999 + "\t\n",
    # a roster's member line of 120,000 、 (finding those outside brackets rescanned the line at each one)
    "roster-separators": lambda: "某某县领导小组名单\n成员：" + "张三、李四（县委副书记、县长）、" * 40_000 + "\n",
    # a long run of characters that only almost make a page number, URL or date
    "near-misses": lambda: ("— 2" * 50_000 + "\n") + ("2023年1月" * 50_000 + "\n") + ("http:/" * 50_000 + "\n"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pathological_input_converts(name, tmp_path):
    text = CASES[name]()
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "converter", "convert", "--quiet", str(path)],
                          capture_output=True, timeout=LIMIT_SECONDS)
    assert done.returncode == 0, done.stderr.decode()[-500:]
    root = etree.fromstring(done.stdout)
    assert validation.problems(root) == []
    assert lossless.check(text, root) is None

