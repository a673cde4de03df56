"""Minutes (纪要): what a meeting agreed, and who attended.

    某某县人民政府常务会议纪要
    〔2024〕第5期                               its number (期号): docNumber @year @seq
    某某县人民政府办公室        2024年3月6日     the organ and date under the title: dateline
    2024年3月5日，县长王明主持召开…会议纪要如下：
    一、…
    时间：2024年3月5日上午9:00                   meetingFact @name 时间 @value (blocks/meeting.py)
    出席：王明、李华、张伟                       attendance @role 出席, one attendee a name
    列席：县发改局、县财政局负责同志

Framed like every 公文 (forms/official.py); the 出席/列席 lines are
blocks/attendance.py. A 纪要 is signed by no one: the organ and date printed
at the top are its dateline (forms/dateline.py), not a 署名.
"""

from __future__ import annotations

from dataclasses import replace

from converter.blocks import SHARED, attendance, meeting
from converter.forms.dateline import take_dateline
from converter.forms import dateline
from converter.forms.official import parse_official
from converter.forms.registry import Form, Registry
from converter.frame.head import Head
from converter.model.context import Context
from converter.model.document import DocNumber, Document
from converter.model.text import Lines, Span
from converter.patterns import pattern
from converter.rules import CN_DIGITS
from converter.values import cn_number

# The number of a 纪要 under its title: "第5期", "2024年第5期", "〔2024〕第5期", "〔2024〕5号", a meeting's "〔2024〕第5次"
ISSUE_NUMBER = pattern(
    rf"(?:(?P<year>\d{{4}})\s{{0,2}}年\s{{0,2}}|[〔\[［【(（]\s{{0,2}}(?P<bracketed>\d{{4}})\s{{0,2}}[〕\]］】)）]\s{{0,2}})?"
    rf"第?\s{{0,2}}(?P<seq>\d{{1,4}}|[{CN_DIGITS}]{{1,6}})\s{{0,2}}[期号次]",
    "第5期", "2024年第5期", "〔2024〕第5期", "〔2024〕5号", "〔2024〕第5次",
)

RULES = SHARED.plus(attendance.PLUGIN, before=SHARED.names()[0]).plus(meeting.PLUGIN, before=SHARED.names()[0])


def parse(form: Form, lines: Lines, head: Head, ctx: Context) -> Document:
    if head.doc_number is None and not head.recipients and head.end < len(lines):
        number = issue_number(lines, head.end)
        if number is not None:
            head = replace(head, doc_number=number, end=head.end + 1)
    dateline, head = take_dateline(lines, head)
    doc = parse_official(form, lines, head, ctx)
    if dateline is not None:
        doc.body.insert(0, dateline)
    return doc


def issue_number(lines: Lines, i: int) -> DocNumber | None:
    line = lines[i]
    m = ISSUE_NUMBER.fullmatch(line.text.strip())
    seq = cn_number(m.group("seq")) if m else None
    if m is None or not seq:
        return None
    year = m.group("year") or m.group("bracketed")
    lead = len(line.text) - len(line.text.lstrip())
    return DocNumber((Span(line, lead, len(line.text.rstrip())),), "", int(year) if year else None, seq)


FORM = Form("minutes", parse, title_words=("纪要",), rules=RULES, renders={**attendance.RENDERS, **meeting.RENDERS, **dateline.RENDERS})


def register(forms: Registry) -> None:
    forms.add(FORM, before="notice")
