"""The records at the end of a bulletin issue: 政务简讯, 人事任免, 大事记.

    政务简讯        each item a `brief` document: its title, the sentence that
                    carries its date (→ @date), its roster, its closing paragraph
    人 事 任 免     each notice an `appointment` @date; a notice printed whole (its title,
                    文号, text and 署名) a `document`
    大事记          each entry an `event` @date (after ◆, or starting with its date; a day
                    alone under a month heading, which is a `heading`), the year from the masthead
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from converter.blocks.parser import RuleSet, parse_body
from converter.forms.following import one_after_another
from converter.model.context import Context
from converter.model.document import Document
from converter.model.text import Line, Lines, Span, collapse, split_at, whole
from converter.patterns import pattern
from converter.rules import DATE, TITLE_FORM_WORD
from converter.values import cn_number, iso_date

# The three record headings, letter-spacing allowed
HEADINGS = {
    "briefs": pattern(r"政\s{0,3}务\s{0,3}简\s{0,3}讯", "政务简讯", "政 务 简 讯"),
    "appointments": pattern(r"人\s{0,3}事\s{0,3}任\s{0,3}免", "人 事 任 免"),
    # with what it chronicles before it or the period after it: 政务大事记, 大事记（2024年1月）
    "chronicle": pattern(r"[^\s。，,：:]{0,10}?大\s{0,3}事\s{0,3}记(?:\s{0,2}[（(][^（）()]{1,14}[）)])?",
                         "大事记", "政务大事记", "大事记（2024年1—3月）"),
}
# A 大事记 entry: after a mark, or starting with its date (a day alone under a month heading)
EVENT = pattern(r"[◆◇●■▲]\s{0,2}(?:(?P<m>\d{1,2})\s{0,2}月\s{0,2}(?P<d>\d{1,2})\s{0,2}日)?"
                r"|(?:\d{4}\s{0,2}年\s{0,2})?(?P<month>\d{1,2})\s{0,2}月\s{0,2}(?P<day>\d{1,2})\s{0,2}日"
                r"(?=[\s，,、：:—\-至到]|\d{1,2}\s{0,2}日)"
                r"|(?P<alone>\d{1,2})\s{0,2}日(?=\s|[，,、：:])",
                "◆1月5日,市长", "◆3月22日17时,", "1月5日  市政府召开", "2024年1月5日，", "12日，市长", "1月5日—6日，")
# A month heading of the 大事记: "1月", "一月", "2024年3月", "3月份"
MONTH_HEADING = pattern(r"(?:\d{4}\s{0,2}年\s{0,2})?(?P<month>\d{1,2}|[一二三四五六七八九十]{1,3})\s{0,2}月份?",
                        "1月", "十二月", "2024年3月", "3月份")
# What a 任免 notice's title names: 任免, 任命, 免去, 职务
APPOINTING = pattern(r"任免|任命|免去|免职|职务", "王某某等同志职务任免的通知")
# Marks a 政务简讯 headline may start with
BRIEF_MARKS = "◆◇●■▲★"
# What a headline never holds: the punctuation of a sentence
HEADLINE_PUNCT = pattern(r"[，。；：,;:！？]", "，")
# A sentence that starts with its date: "3月5日，市长…", "2024年3月5日上午，…"
DATED_START = pattern(r"(?:\d{4}\s{0,2}年\s{0,2})?\d{1,2}\s{0,2}月\s{0,2}\d{1,2}\s{0,2}日", "3月5日，市长", "2024年3月5日上午")
# The numbers of a date
DIGITS = pattern(r"\d+", "3月5日")
# The form of a 政务简讯 item.
BRIEF_FORM = "brief"
# A brief's title is a short line naming a document: "…工作专班的通知"
BRIEF_TITLE_MAX = 60


@dataclass(eq=False, repr=False)
class Record:
    """One record of a 政务简讯 / 人事任免 / 大事记 column: its text and date."""

    spans: list[Span]
    date: str | None
    heading: bool = False       # a heading among the records (a month of the 大事记)

    @property
    def line(self) -> int:
        return self.spans[0].line.n


@dataclass(eq=False, repr=False)
class Records:
    """A column of records (政务简讯, 人事任免, 大事记) and its items."""

    kind: str
    title: list[Span]
    items: list[Any] = field(default_factory=list)      # Record, or Document for briefs
    id: str = ""                                         # given by the link pass


# The record headings are short; a longer line is none of them.
HEADING_MAX = 20
# A character each heading's match holds (its last word's: 简讯, 任免, 大事记): a line without it is not that heading
HEADING_CHARS = {"briefs": "讯", "appointments": "免", "chronicle": "记"}


def heading_kind(line: Line) -> str | None:
    text = line.text
    if len(text) > HEADING_MAX:
        return None
    for kind, pattern in HEADINGS.items():
        if HEADING_CHARS.get(kind, "") in text and pattern.fullmatch(text):     # cheap test first (none: "" is in any)
            return kind
    return None


def first_date(spans: list[Span]) -> str | None:
    m = DATE.search("".join(s.text for s in spans))
    return iso_date(m) if m else None


def parse_records(sections: list[Records], lines: Lines, ctx: Context, rules: RuleSet, year: int | None) -> None:
    """Append the record sections printed after the columns, in input order."""
    # (heading_kind's first test made here, without its call, at every line: a heading is short)
    starts = [k for k, line in enumerate(lines) if len(line.text) <= HEADING_MAX and heading_kind(line)]
    for _, chunk in split_at(lines, starts):
        kind = heading_kind(chunk[0]) or ""
        section = Records(kind, [whole(chunk[0])])
        body = chunk[1:]
        if kind == "briefs":
            parse_briefs(section, body, ctx, rules, year)
        elif kind == "appointments":
            parse_appointments(section, body, ctx)
        else:
            parse_events(section, body, year, ctx)
        sections.append(section)


def is_appointment_title(text: str) -> bool:
    """The title of a 任免 notice printed whole: "…关于王某某等同志职务任免的通知"."""
    text = collapse(text)
    return (len(text) <= BRIEF_TITLE_MAX and "。" not in text and TITLE_FORM_WORD.search(text) is not None
            and APPOINTING.search(text) is not None)


def parse_appointments(section: Records, lines: Lines, ctx: Context) -> None:
    """Each 任免 notice: a dated line of its own, or, printed whole (title, 文号, text, 署名), a document."""
    starts = [k for k, line in enumerate(lines) if is_appointment_title(line.text)]
    if not starts:
        section.items = [Record([whole(line)], first_date([whole(line)])) for line in lines]
        return
    section.items = [Record([whole(line)], first_date([whole(line)])) for line in lines[:starts[0]]]
    for _, chunk in split_at(lines[starts[0]:], [k - starts[0] for k in starts]):
        if chunk:
            section.items.extend(one_after_another(ctx.parse_document(chunk, ctx), ctx))


def is_brief_title(lines: Lines, i: int) -> bool:
    """A 政务简讯 item's title: a short line naming a document with a dated sentence under it, or a
    headline (after a mark, or with no sentence punctuation) over a sentence that starts with its date."""
    text = lines[i].text
    if len(text) > BRIEF_TITLE_MAX or "。" in text or i + 1 >= len(lines):
        return False
    below = lines[i + 1].text
    if TITLE_FORM_WORD.search(collapse(text)) is not None:
        return DATE.search(below) is not None
    return (text[:1] in BRIEF_MARKS or HEADLINE_PUNCT.search(text) is None) and DATED_START.match(below) is not None


def brief_date(line: Line, year: int | None) -> str | None:
    """The date of a brief's first sentence: a full date, or month and day in the issue's year."""
    full = first_date([whole(line)])
    m = DATED_START.match(line.text)
    if full is not None or m is None or year is None:
        return full
    month, day = (int(n) for n in DIGITS.findall(m.group())[-2:])
    return day_of(year, month, day)


def day_of(year: int, month: int, day: int) -> str | None:
    """The ISO date of a month and day printed in the issue's year; None for one no calendar has."""
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_briefs(section: Records, lines: Lines, ctx: Context, rules: RuleSet, year: int | None = None) -> None:
    if not lines:
        return
    starts = [k for k in range(len(lines)) if is_brief_title(lines, k)] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    for start, chunk in split_at(lines, starts):
        titled = is_brief_title(lines, start)
        doc = Document(BRIEF_FORM, chunk[0].n, title=[whole(chunk[0])] if titled else [])
        doc.body = parse_body(chunk[1:] if titled else chunk, ctx, rules)
        doc.date = brief_date(chunk[1], year) if titled and len(chunk) > 1 else None
        section.items.append(doc)


def parse_events(section: Records, lines: Lines, year: int | None, ctx: Context) -> None:
    month: int | None = None            # the month heading the days stand under
    for line in lines:
        heading = MONTH_HEADING.fullmatch(line.text.strip())
        if heading:
            month = cn_number(heading.group("month"))
            section.items.append(Record([whole(line)], None, heading=True))
            continue
        m = EVENT.match(line.text)
        if m and m.group("alone") and month is None:
            m = None                    # "12日" with no month above: not an entry's start
        if m or not section.items or section.items[-1].heading:
            date = None
            if m:
                got_month = m.group("m") or m.group("month") or (month if m.group("alone") else None)
                day = m.group("d") or m.group("day") or m.group("alone")
                if got_month and day and year:
                    date = day_of(year, int(got_month), int(day))
                    if date is None:
                        ctx.warn(line.n, "大事记 entry with an impossible date")
            section.items.append(Record([whole(line)], date))
        else:
            section.items[-1].spans.append(whole(line))     # an entry continued over a page break
