"""The records at the end of a bulletin issue: 政务简讯, 人事任免, 大事记.

    政务简讯        each item a `brief` document: its title, the sentence that
                    carries its date (→ @date), its roster, its closing paragraph
    人 事 任 免     each notice an `appointment` @date
    大事记          each ◆ entry an `event` @date, the year from the masthead
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from converter.model import Context, Document, Span, collapse, split_at, whole
from converter.normalise import Line
from converter.rules import DATE, TITLE_FORM_WORD
from converter.values import iso_date

# The three record headings, letter-spacing allowed
HEADINGS = {
    "briefs": re.compile(r"政\s{0,3}务\s{0,3}简\s{0,3}讯"),
    "appointments": re.compile(r"人\s{0,3}事\s{0,3}任\s{0,3}免"),
    "chronicle": re.compile(r"大\s{0,3}事\s{0,3}记"),
}
# A 大事记 entry: "◆1月5日,市长…", "◆3月22日17时,…"
EVENT = re.compile(r"[◆◇●■▲]\s{0,2}(?:(?P<m>\d{1,2})\s{0,2}月\s{0,2}(?P<d>\d{1,2})\s{0,2}日)?")
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
    items: list = field(default_factory=list)      # Record, or Document for briefs
    id: str = ""


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


def parse_records(bulletin, lines, ctx: Context, year: int | None) -> list:
    """Fill bulletin.records, in input order, from the lines after the columns."""
    warnings: list[tuple[int, str]] = []
    starts = [k for k, line in enumerate(lines) if heading_kind(line)]
    for _, chunk in split_at(lines, starts):
        kind = heading_kind(chunk[0])
        section = Records(kind, [whole(chunk[0])])
        body = chunk[1:]
        if kind == "briefs":
            warnings += parse_briefs(section, body, ctx)
        elif kind == "appointments":
            section.items = [Record([whole(l)], first_date([whole(l)])) for l in body]
        else:
            warnings += parse_events(section, body, year)
        bulletin.records.append(section)
    return warnings


def is_brief_title(lines, i: int) -> bool:
    text = lines[i].text
    return (len(text) <= BRIEF_TITLE_MAX and "。" not in text and TITLE_FORM_WORD.search(collapse(text)) is not None
            and i + 1 < len(lines) and DATE.search(lines[i + 1].text) is not None)


def parse_briefs(section: Records, lines, ctx: Context) -> list:
    warnings: list[tuple[int, str]] = []
    if not lines:
        return warnings
    starts = [k for k in range(len(lines)) if is_brief_title(lines, k)] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    for start, chunk in split_at(lines, starts):
        titled = is_brief_title(lines, start)
        doc = Document("brief", chunk[0].n, title=[whole(chunk[0])] if titled else [])
        doc.body, w = ctx.parse_body(chunk[1:] if titled else chunk, ctx)
        doc.date = first_date([whole(l) for l in chunk[1:2]]) if titled else None
        warnings += w
        section.items.append(doc)
    return warnings


def parse_events(section: Records, lines, year: int | None) -> list:
    warnings: list[tuple[int, str]] = []
    for line in lines:
        m = EVENT.match(line.text)
        if m or not section.items:
            date = None
            if m and m.group("m") and year:
                try:
                    date = datetime.date(year, int(m.group("m")), int(m.group("d"))).isoformat()
                except ValueError:
                    warnings.append((line.n, "大事记 entry with an impossible date"))
            section.items.append(Record([whole(line)], date))
        else:
            section.items[-1].spans.append(whole(line))     # an entry continued over a page break
    return warnings
