"""Where a page's head ends: the first line of the document's running text.

Above it a web page prints its title (often more than once), the
catalogue record and byline, the 文号, the issuing organ and the occasion;
none of these holds a sentence. The text starts at the first line that
does: a sentence mark, a 主送 or salutation ending in a colon, or a
numbered section.
"""

from __future__ import annotations

import functools
from typing import Sequence

from converter.model.text import Line
from converter.patterns import pattern
from converter.rules import SECTION_RULES

# A mark of running text: "，" "。" "；" … in either width
TEXT_MARK = pattern(r"[。；！？，,;!?]", "现将有关事项通知如下，")
# A line that ends in a colon: 主送 ("各乡镇人民政府："), a salutation ("各位代表：")
ENDS_WITH_COLON = pattern(r"[:：]\s{0,3}$", "各乡镇人民政府：")
# How far down a page its head may reach, in lines.
HEAD_SCAN = 40


# What a section number starts with (SECTION_RULES): 第 of 第X章 / 第X条 / 第X编 / 第X节, a bracket of
# （一） and （1）, a Chinese numeral of 一、 (a digit, of 1., is told by str.isdecimal, as \d is)
NUMBER_FIRST = frozenset("第（(〇零○Ｏ一二三四五六七八九十百千两")


# (kept for the process: a pure function of a str; the chrome filter, the page record and the page head each
# walk the head's lines until the first that starts the text, so each head line is asked up to three times;
# bounded)
@functools.lru_cache(maxsize=4096)
def starts_text(text: str) -> bool:
    """Whether a line is running text of the document (or its 主送), not a line of the head."""
    first = text[:1]            # (the cheap test before the section rules: most lines start otherwise)
    return bool(TEXT_MARK.search(text) or ENDS_WITH_COLON.search(text)
                or (first in NUMBER_FIRST or first.isdecimal())
                and any(rule.pattern.match(text) for rule in SECTION_RULES))


def head_end(lines: Sequence[Line]) -> int:
    """The index of the first line of running text (len(lines) when the page has none within reach)."""
    for i, line in enumerate(lines[:HEAD_SCAN]):
        if starts_text(line.text):
            return i
    return min(len(lines), HEAD_SCAN)
