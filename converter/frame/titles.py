"""A title's lines: where a title begins and ends among the lines at the top of a document.

    某某县人民政府办公室                the organ on its own line, then 关于…: one title
    关于做好春季植树造林工                a title broken in the middle of a word (or of its 文种 word:
    作的通知                              政府工作报 / 告), over a blank line too
    吉安市市本级政务公开工作实施细则      a title ends with its 文种 word: the next line starts another
    下载 / 打印 / 收藏                    a toolbar read one word a line is no title's first line
"""

from __future__ import annotations

from converter.frame.roles import (completes_title, continues_title, ends_in_form_word, is_organ_name, is_title_line,
                                   starts_title, title_text)
from converter.model.text import Line, Lines, Span, collapse, whole
from converter.rules import TITLE_FORM_WORD

# The most lines a title wraps over.
TITLE_LINES_MAX = 4
# The longest line taken for a word of a toolbar (下载, 打印), not a title's first line.
STUB_MAX = 3


def title_above(lines: Lines, titled: list[bool]) -> list[Span]:
    """The title lines that end the lines classified so far (`titled`: whether each is a title line)."""
    start = len(titled)
    while start > 0 and titled[start - 1]:
        start -= 1
    return [whole(line) for line in lines[start:len(titled)]]


def title_blocks(lines: Lines, titled: list[bool]) -> list[tuple[int, int]]:
    """Runs of title lines, each one title: a run ends after its 文种 word, before another title's start."""
    blocks: list[tuple[int, int]] = []
    start = None
    for i, title in enumerate(titled + [False]):
        if start is not None and (not title or i - start >= TITLE_LINES_MAX or ends_block(lines, start, i)):
            blocks.append((start, i))
            start = None
        if title and start is None:
            start = i
    return blocks


def ends_block(lines: Lines, start: int, i: int) -> bool:
    """Whether the title begun at `start` ends before line i (a title line too)."""
    spans = [whole(line) for line in lines[start:i]]
    if ends_in_form_word(spans):
        return not continues_title(lines[i])
    if all(is_stub(line) for line in lines[start:i]) and not is_stub(lines[i]):
        return True             # a toolbar read one word a line (下载 / 打印 / 收藏) above the title
    organs = all(is_organ_name(line.text) for line in lines[start:i])
    if organs:
        # the issuing organ(s) on lines of their own, then 关于… (or the 文种 word alone: 公告): one title
        text = collapse(lines[i].text)
        return not (is_organ_name(text) or text.startswith("关于") or TITLE_FORM_WORD.fullmatch(text))
    return starts_title(lines[i])


def is_stub(line: Line) -> bool:
    """A line of a word or two: never the first line of a title that goes on below it."""
    return len(collapse(line.text)) <= STUB_MAX


def block_text(lines: Lines, block: tuple[int, int]) -> str:
    return title_text([whole(line) for line in lines[block[0]:block[1]]])


def take_title(lines: Lines, i: int) -> tuple[list[Span], int]:
    """The title lines from line i (wrapped, letter-spaced, broken mid-word: 政府工作报 / 告): (spans, after)."""
    j = i
    while j < len(lines) and j - i < TITLE_LINES_MAX and (
            is_title_line(lines[j]) or (j > i and completes_title([whole(line) for line in lines[i:j]], lines[j]))):
        if j > i and ends_block(lines, i, j):
            break
        j += 1
    return [whole(line) for line in lines[i:j]], j
