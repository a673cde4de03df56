"""The records at the end of a bulletin issue: 政务简讯, 人事任免, 大事记.

    政务简讯        each item a `brief` document: its title, the sentence that
                    carries its date (→ @date), its roster, its closing paragraph
    人 事 任 免     each notice an `appointment` @date
    大事记          each ◆ entry an `event` @date, the year from the masthead
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from converter.blocks.parser import RuleSet, parse_body
from converter.model.context import Context
from converter.model.document import Document
from converter.model.text import Line, Lines, Span, collapse, split_at, whole
from converter.patterns import pattern
from converter.rules import DATE, TITLE_FORM_WORD
from converter.values import iso_date

# The three record headings, letter-spacing allowed
HEADINGS = {
    "briefs": pattern(r"政\s{0,3}务\s{0,3}简\s{0,3}讯", "政务简讯", "政 务 简 讯"),
    "appointments": pattern(r"人\s{0,3}事\s{0,3}任\s{0,3}免", "人 事 任 免"),
    "chronicle": pattern(r"大\s{0,3}事\s{0,3}记", "大事记"),
}
# A 大事记 entry
EVENT = pattern(r"[◆◇●■▲]\s{0,2}(?:(?P<m>\d{1,2})\s{0,2}月\s{0,2}(?P<d>\d{1,2})\s{0,2}日)?",
                "◆1月5日,市长", "◆3月22日17时,")
# The form of a 政务简讯 item.
BRIEF_FORM = "brief"
# A brief's title is a short line naming a document: "…工作专班的通知"
BRIEF_TITLE_MAX = 60


@dataclass
class Record:
    spans: list[Span]
    date: str | None

    @property
    def line(self) -> int:
        return self.spans[0].line.n


@dataclass
class Records:
    kind: str
    title: list[Span]
    items: list[Any] = field(default_factory=list)      # Record, or Document for briefs
    id: str = ""                                         # given by the link pass


# The record headings are short; a longer line is none of them.
HEADING_MAX = 12


def heading_kind(line: Line) -> str | None:
    if len(line.text) > HEADING_MAX:
        return None
    for kind, pattern in HEADINGS.items():
        if pattern.fullmatch(line.text):
            return kind
    return None


def first_date(spans: list[Span]) -> str | None:
    m = DATE.search("".join(s.text for s in spans))
    return iso_date(m) if m else None


def parse_records(sections: list[Records], lines: Lines, ctx: Context, rules: RuleSet, year: int | None) -> None:
    """Append the record sections printed after the columns, in input order."""
    starts = [k for k, line in enumerate(lines) if heading_kind(line)]
    for _, chunk in split_at(lines, starts):
        kind = heading_kind(chunk[0]) or ""
        section = Records(kind, [whole(chunk[0])])
        body = chunk[1:]
        if kind == "briefs":
            parse_briefs(section, body, ctx, rules)
        elif kind == "appointments":
            section.items = [Record([whole(line)], first_date([whole(line)])) for line in body]
        else:
            parse_events(section, body, year, ctx)
        sections.append(section)


def is_brief_title(lines: Lines, i: int) -> bool:
    text = lines[i].text
    return (len(text) <= BRIEF_TITLE_MAX and "。" not in text and TITLE_FORM_WORD.search(collapse(text)) is not None
            and i + 1 < len(lines) and DATE.search(lines[i + 1].text) is not None)


def parse_briefs(section: Records, lines: Lines, ctx: Context, rules: RuleSet) -> None:
    if not lines:
        return
    starts = [k for k in range(len(lines)) if is_brief_title(lines, k)] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    for start, chunk in split_at(lines, starts):
        titled = is_brief_title(lines, start)
        doc = Document(BRIEF_FORM, chunk[0].n, title=[whole(chunk[0])] if titled else [])
        doc.body = parse_body(chunk[1:] if titled else chunk, ctx, rules)
        doc.date = first_date([whole(line) for line in chunk[1:2]]) if titled else None
        section.items.append(doc)


def parse_events(section: Records, lines: Lines, year: int | None, ctx: Context) -> None:
    for line in lines:
        m = EVENT.match(line.text)
        if m or not section.items:
            date = None
            if m and m.group("m") and year:
                try:
                    date = datetime.date(year, int(m.group("m")), int(m.group("d"))).isoformat()
                except ValueError:
                    ctx.warn(line.n, "大事记 entry with an impossible date")
            section.items.append(Record([whole(line)], date))
        else:
            section.items[-1].spans.append(whole(line))     # an entry continued over a page break
