"""The 目录 of a bulletin issue: its entries, the column headings between them, the leaders.

    区级文件选登                                   a column heading (part)
    【市政府文件】                                 … or a bracketed one
    区人民政府关于印发政府工作报告的通知… (1)      an entry: title, leader, page
    1．某某市人民政府关于印发某某市…               a numbered entry (num 1．) whose title wraps,
    规定的通知                                     … goes on,
    ……………………………………（3）                        … and leaves its leader and page on a line of their own

An entry ends at its leader and page number. A line before it is the entry's
own first line unless it is a column heading: bracketed, or short and
complete — a line that ends on 关于, on 的, on an organ (某某县人民政府) is
the title going on, never a heading. A numbered line always begins an entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from converter.model.context import Context
from converter.model.text import Line, Lines, Span, tail, whole
from converter.patterns import pattern
from converter.rules import ORGAN_SUFFIX

# The leader and page number ending a TOC entry
TOC_LEADER = pattern(
    r"(?P<leader>[…·.．・\-—]{1,80}\s{0,4}[（(]\s{0,2}(?P<page>\d{1,4})\s{0,2}[）)]"
    r"|[…·.．・]{2,80}\s{0,4}(?P<bare>\d{1,4}))\s*$",
    "区人民政府关于…的通知…………… (13)", "… (1)", "………… 13",
)
# A column heading in brackets or between marks: "【市政府文件】", "〔部门文件〕", "◆ 区级文件选登 ◆"
TOC_GROUP = pattern(r"[【〔［\[]\s{0,3}[^【】〔〕［］\[\]]{1,40}?\s{0,3}[】〕］\]]"
                    r"|[◆◇■□●★▲]\s{0,3}[^◆◇■□●★▲]{1,40}?\s{0,3}[◆◇■□●★▲]",
                    "【市政府文件】", "〔部门文件〕", "◆ 区级文件选登 ◆")
# The number of a numbered entry: "1．", "12、", "（3）"
ENTRY_NUMBER = pattern(r"(?P<num>\d{1,3}\s{0,2}[.．、](?!\d)|[（(]\s{0,2}\d{1,3}\s{0,2}[）)])\s{0,3}",
                       "1．某某市人民政府关于", "（3）某某市")
# A short line is a column heading ("县政府文件") unless it ends as a title going on.
PART_MAX = 12
# What a line of a title that goes on ends in: a word that needs what follows.
GOES_ON = ("关于", "的", "和", "及", "与", "、", "《", "“", "（", "(", "，")


@dataclass(eq=False, repr=False)
class TocEntry:
    """One entry of an issue's 目录: the title as printed, its page, what it lists."""

    spans: list[Span]
    leader: Span | None
    page: int | None
    num: Span | None = None
    target: str = ""         # the id of what it lists, given by the link pass


def entry_number(line: Line) -> re.Match[str] | None:
    return ENTRY_NUMBER.match(line.text) if line.text[:1] in "0123456789（(" else None


def is_group(line: Line) -> bool:
    return TOC_GROUP.fullmatch(line.text.strip()) is not None


def goes_on(text: str) -> bool:
    """Whether a short line reads as the first part of a title rather than a heading of its own."""
    text = text.rstrip()
    return text.endswith(GOES_ON) or "关于" in text or ORGAN_SUFFIX.search(text) is not None


def heading_lines(pending: list[Line], more: bool) -> int:
    """How many of the lines before an entry's last line are column headings.

    `more` says the entry has text of its own on its last line (before the leader).
    """
    numbered = next((k for k, line in enumerate(pending) if entry_number(line)), None)
    if numbered is not None:
        return numbered          # the entry begins at its number; what stands before it heads a column
    k = 0
    while k < len(pending):
        line = pending[k]
        last = k == len(pending) - 1
        if is_group(line):
            k += 1
            continue
        if len(line.text) <= PART_MAX and not goes_on(line.text) and (not last or more):
            k += 1
            continue
        break
    return k


def make_entry(lines: list[Line], text_end: Span | None, leader: Span | None, page: int | None) -> TocEntry:
    """An entry from its lines (the first may open with a number) and the text before its leader."""
    spans = [whole(line) for line in lines]
    if text_end is not None and text_end.end > text_end.start:
        spans.append(text_end)
    num = None
    if spans:
        m = entry_number(spans[0].line)
        if m and spans[0].start == 0:
            num = Span(spans[0].line, m.start("num"), m.end("num"))
            rest = Span(spans[0].line, min(tail(spans[0].line, m.end()).start, spans[0].end), spans[0].end)
            spans[0] = rest
            if rest.start >= rest.end:
                spans.pop(0)
    return TocEntry(spans, leader, page, num)


def parse_entries(lines: Lines, ctx: Context) -> list[Any]:
    """The entries and column headings (as Spans) of the 目录 lines, in printed order.

    Lines after the last leader (a 目录 cut short) are headings or entries without a page.
    """
    out: list[Any] = []
    pending: list[Line] = []
    for line in lines:
        if (entry_number(line) or is_group(line)) and pending and not all(is_group(l) for l in pending):
            flush(out, pending)          # a number or a heading begins what follows: the entry before had no page
            pending = []
        m = TOC_LEADER.search(line.text)
        if not m:
            pending.append(line)
            continue
        start = m.start("leader")
        more = bool(line.text[:start].strip())
        k = heading_lines(pending, more)
        out.extend(whole(l) for l in pending[:k])
        leader = Span(line, start, m.end("leader"))
        out.append(make_entry(pending[k:], Span(line, 0, start), leader, int(m.group("page") or m.group("bare"))))
        ctx.remove("toc-leader", line.n, m.group("leader"))
        pending = []
    flush(out, pending)
    return out


def flush(out: list[Any], pending: list[Line]) -> None:
    """Lines that no leader closed: headings, then one entry (or one a number) without a page."""
    k = heading_lines(pending, False) if pending else 0
    out.extend(whole(l) for l in pending[:k])
    entry: list[Line] = []
    for line in pending[k:]:
        if entry_number(line) and entry:
            out.append(make_entry(entry, None, None, None))
            entry = []
        entry.append(line)
    if entry:
        out.append(make_entry(entry, None, None, None))
