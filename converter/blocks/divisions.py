"""A regulation's divisions printed without a number: 总则, 分则, 附则 on lines of their own.

Most regulations number every chapter (第八章 附则); some print the closing
division, or all three, bare:

    第四条 …                 → article of 第二章
    附　　则                 → a division at the chapter's level, no num, heading 附则
    第五条 本办法自…施行。     → its article

The line is a division only where an article follows it (the next numbered
line below is a 第X条): a report's or a notice's 附则 stays text, and so does
the heading of a bare 第一章 printed on the line below it.
"""

from __future__ import annotations

import re

from converter.blocks.parser import BlockRule, BodyState, Frame, Plugin
from converter.blocks.sections import level_of
from converter.model.blocks import Section
from converter.model.text import Line, whole
from converter.patterns import pattern
from converter.rules import NUM_ARTICLE, section_start

# A division's name alone on its line, maybe letter-spaced: "附　　则", "总则", "分 则"
BARE_DIVISION = pattern(r"\s{0,8}[总分附]\s{0,6}则\s{0,4}", "附　　则", "总则", "分 则")
# How far below the division line its first article may stand.
ARTICLE_LOOKAHEAD = 3


def article_follows(state: BodyState) -> bool:
    """Whether the first numbered line below (within a few lines) is an article."""
    for k in range(1, ARTICLE_LOOKAHEAD + 1):
        line = state.ahead(k)
        if line is None:
            return False
        if section_start(line.text):
            return NUM_ARTICLE.match(line.text) is not None
    return False


def parse_division(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    if state.pending is not None or m.end() != len(line.text) or not article_follows(state):
        # under a bare 第一章 the line is its heading
        return False
    level = level_of("chapter", state.stack)
    state.close()
    while state.stack[-1].section.level >= level:
        state.stack.pop()
    # no number: the sequence of the numbered chapters around it is left as it is
    section = Section(level, "chapter", 0, None, [whole(line)], line.n)
    state.stack[-1].section.children.append(section)
    state.stack.append(Frame(section))
    return True


PLUGIN = Plugin("divisions", (BlockRule("bare_division", BARE_DIVISION, parse_division, contains="则"),))
