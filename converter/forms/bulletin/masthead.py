"""The lines of a bulletin's masthead: issue lines and the publication date, in either numerals.

    2023年第1期(总第44期)                    issue @year 2023 @n 1 @total 44
    二〇二四年第三期（总第一百二十期）         issue @year 2024 @n 3 @total 120
    (总第 44 期)                             issue @total 44
    二〇二四年三月三十一日出版                 date @value 2024-03-31
    2024年第3期  2024年3月31日出版            issue, then date, on one line
    某某省人民政府办公厅主办                   who publishes it (a line of its own, or before the date)
"""

from __future__ import annotations

import re
from typing import NamedTuple

from converter.model.text import Line, Span, tail
from converter.numerals import cn_number
from converter.patterns import HAN, pattern
from converter.rules import CN_DIGITS, DATE
from converter.values import iso_date, year_value

# A year in either numerals: 2023, 二〇二三
YEAR = r"\d{4}|[〇零○Ｏ一二三四五六七八九]{4}"
# An issue number in either numerals: 3, 三, 一百二十
NUMBER = rf"\d{{1,5}}|[{CN_DIGITS}]{{1,7}}"
# An issue line
ISSUE = pattern(
    rf"(?:(?P<year>{YEAR})\s{{0,2}}年\s{{0,2}})?(?:第\s{{0,2}}(?P<n>{NUMBER})\s{{0,2}}期)?\s{{0,2}}"
    rf"(?:[（(]\s{{0,2}}总\s{{0,2}}第\s{{0,2}}(?P<total>{NUMBER})\s{{0,2}}期\s{{0,2}}[）)])?",
    "2023 年第 1 期", "第1期(总第44期)", "(总第 44 期)", "2023年第1期（总第44期）", "二〇二四年第三期（总第一百二十期）",
)
# A year alone on its line in the masthead
YEAR_LINE = pattern(r"(?P<year>(?:19|20)\d{2}|二[〇零○Ｏ][〇零○Ｏ一二三四五六七八九]{2})\s{0,2}年?", "2023", "二〇二四年")
# The publication date: "二〇二四年三月三十一日出版", "出版日期：2024年3月31日"
PUBLISHED = pattern(
    rf"(?:出\s{{0,2}}版\s{{0,2}}(?:日\s{{0,2}}期|时\s{{0,2}}间)\s{{0,2}}[:：]\s{{0,2}})?(?P<date>{DATE.pattern})"
    rf"\s{{0,2}}(?:出\s{{0,2}}版|印\s{{0,2}}发)?",
    "二〇二四年三月三十一日出版", "出版日期：2024年3月31日",
)
# Between an issue and the date after it on one line: white space.
GAP = pattern(r"\s{1,40}", "  ")
# Who publishes the issue, printed in the masthead: "某某省人民政府办公厅主办", "某某市人民政府办公室编"
SPONSOR = pattern(rf"[{HAN}（）()]{{2,40}}?(?:主办|编印|编辑|主编|出版|编)", "某某省人民政府办公厅主办", "某某市人民政府办公室编")


class Issue(NamedTuple):
    year: int | None
    n: int | None
    total: int | None


def issue_match(text: str) -> re.Match[str] | None:
    m = ISSUE.fullmatch(text.strip())
    return m if m and (m.group("n") or m.group("total")) else None


def issue_values(text: str) -> Issue | None:
    """Year, number and total of an issue line (each None when not printed)."""
    m = issue_match(text)
    if m is None:
        year = YEAR_LINE.fullmatch(text.strip())
        return Issue(year_value(year.group("year")), None, None) if year else None
    return Issue(year_value(m.group("year")) if m.group("year") else None,
                 cn_number(m.group("n")) if m.group("n") else None,
                 cn_number(m.group("total")) if m.group("total") else None)


def published_date(text: str) -> str | None:
    """The ISO date of a publication-date line, or None when the line is none."""
    m = PUBLISHED.fullmatch(text.strip())
    return iso_date(m) if m else None


def masthead_spans(line: Line) -> list[Span] | None:
    """The masthead parts of a line (an issue, a date, or an issue then a date), or None."""
    text = line.text
    if (issue_match(text) or YEAR_LINE.fullmatch(text.strip()) or published_date(text) or text.isascii()
            or SPONSOR.fullmatch(text.strip())):
        return [Span(line, 0, len(text))]
    for gap in GAP.finditer(text):
        if (issue_match(text[:gap.start()]) or SPONSOR.fullmatch(text[:gap.start()].strip())) \
                and published_date(text[gap.end():]):
            return [Span(line, 0, gap.start()), tail(line, gap.end())]
    return None
