"""Work report (政府工作报告): title, occasion, speaker, 各位代表, numbered body, glossary.

    政府工作报告
    ——2022年12月27日在新洲区第六届          (the occasion, possibly wrapped)
    人民代表大会第三次会议上
    区 长 刘润长                              (the speaker; role and name)
    各位代表：                                (the salutation)
    一、2022年工作回顾 …                      (sections by their real numbering)
    名 词 解 释 …                             (glossary, see glossary.py)
"""

from __future__ import annotations

from converter.blocks import glossary
from converter.blocks.parser import parse_body
from converter.forms.registry import Form, Registry
from converter.frame.foot import parse_tail
from converter.frame.head import Head, take_title
from converter.model.context import Context
from converter.model.document import Author, Document
from converter.model.text import Line, Lines, Span, collapse, joined, plain, whole
from converter.patterns import HAN, pattern
from converter.rules import DATE, SENTENCE_PUNCT, TITLE_FORM_WORD
from converter.values import iso_date

# "政府工作报告", "2020年政府工作报告", "关于…计划的报告"
REPORT_TITLE = pattern(r"[^，。；：,;:]{0,60}报\s{0,2}告", "政府工作报告", "2020年政府工作报告")
# The occasion: "——2022年12月27日在…会议上", with or without the dash, or in
# brackets; or "——在…会议上" with the date on a line of its own below
OCCASION = pattern(rf"(?:[—－\-]{{0,2}}|[（(])\s{{0,2}}{DATE.pattern}\s{{0,2}}在.{{0,80}}|[—－]{{1,2}}\s{{0,2}}在.{{2,80}}",
                   "——2022年12月27日在新洲区第六届", "（2024年1月10日在区第十七届人民代表大会", "——在区人民代表大会")
# The date of the occasion alone, under it
OCCASION_DATE = pattern(rf"[（(]?\s{{0,2}}{DATE.pattern}\s{{0,2}}[）)]?", "（2024年1月10日）")
# The salutation that opens a speech
SALUTATION = pattern(r"(?:各位代表|各位委员|同志们)\s{0,2}[：:！!，,]?", "各位代表：", "同志们!")
# The role of a speaker
SPEAKER_ROLE = pattern(r"(?:代理|代|副)?(?:区|市|省|县|州|旗|镇|乡)长|(?:副)?总理|主任|主席|书记",
                       "区长", "代理区长", "市长", "总理", "主任")
# A role with the name right after it, no space between
ROLE_THEN_NAME = pattern(rf"(?P<role>.{{0,30}}?(?:{SPEAKER_ROLE.pattern}))(?P<name>[{HAN}]{{2,4}})", "区长刘润长")
# A speaker line is short.
SPEAKER_MAX = 30
# How far down a report its salutation or occasion stands, in lines.
REPORT_HEAD_LINES = 8
# The most lines an occasion wraps over.
OCCASION_LINES_MAX = 3


def claims(form: Form, lines: Lines, head: Head) -> bool:
    """A report: a salutation near the top, or a title that ends in 报告 over an occasion line."""
    top = lines[:REPORT_HEAD_LINES]
    if any(SALUTATION.fullmatch(l.text) for l in top):
        return True
    return bool(head.title) and plain(head.title).endswith("报告") and any(
        OCCASION.match(l.text) for l in top)


def parse(form: Form, lines: Lines, head: Head, ctx: Context) -> Document:
    doc = Document(form.name, lines[0].n)
    i = 0
    title, after = take_title(lines, 0)       # wrapped, or broken mid-word (政府工作报 / 告)
    if title and REPORT_TITLE.fullmatch(plain(title)) and TITLE_FORM_WORD.search(plain(title)):
        doc.title, i = title, after
    doc.delivered, i = take_occasion(lines, i)
    if i < len(lines) and is_speaker(lines, i):
        doc.author = parse_author(lines[i])
        i += 1
    if i < len(lines) and SALUTATION.fullmatch(lines[i].text):
        doc.salutation = whole(lines[i])
        i += 1
    cc, printer, end = parse_tail(lines, i)
    g = glossary.find_heading(lines[:end], i)
    found = None
    if g is not None:
        found = glossary.parse_glossary(lines[g:end], ctx.warn)
        if not found.entries:
            ctx.warn(lines[g].n, "a glossary heading with no entries under it; kept as text")
            g, found = None, None
    doc.body = parse_body(lines[i:g if g is not None else end], ctx, form.rules)
    doc.glossary = found
    doc.cc, doc.printer = cc, printer
    return doc


def take_occasion(lines: Lines, i: int) -> tuple[tuple[list[Span], str | None] | None, int]:
    """The occasion line, wrapped over up to three lines until it ends in 上."""
    if i >= len(lines) or not OCCASION.match(lines[i].text):
        return None, i
    spans = [whole(lines[i])]
    j = i + 1
    while (not collapse(joined(spans)).rstrip("）)").endswith("上") and j < len(lines) and j - i < OCCASION_LINES_MAX
           and len(lines[j].text) <= SPEAKER_MAX * 2 and not SALUTATION.fullmatch(lines[j].text)
           and not is_speaker(lines, j)):
        spans.append(whole(lines[j]))
        j += 1
    if j < len(lines) and not DATE.search(joined(spans)) and OCCASION_DATE.fullmatch(lines[j].text):
        spans.append(whole(lines[j]))
        j += 1
    m = DATE.search(joined(spans))
    return (spans, iso_date(m) if m else None), j


def is_speaker(lines: Lines, i: int) -> bool:
    """A short line without punctuation just above the salutation (or naming a role)."""
    text = lines[i].text
    if len(text) > SPEAKER_MAX or SENTENCE_PUNCT.search(text) or SALUTATION.fullmatch(text):
        return False
    follows = i + 1 < len(lines) and SALUTATION.fullmatch(lines[i + 1].text)
    return bool(follows or SPEAKER_ROLE.search(collapse(text)))


def parse_author(line: Line) -> Author:
    """"区 长 刘润长" → role 区长, name 刘润长; "刘 誓 保" → name 刘誓保."""
    text = line.text
    tokens = text.split()
    if len(tokens) >= 2 and len(tokens[-1]) >= 2:
        start = text.rindex(tokens[-1])
        role_text = collapse(text[:start])
        name = tokens[-1]
    else:
        m = ROLE_THEN_NAME.fullmatch(collapse(text))
        if m:
            role_text, name = m.group("role"), m.group("name")
            start = name_offset(text, name)
        else:
            role_text, name, start = "", collapse(text), 0
    role = SPEAKER_ROLE.search(role_text)
    return Author(whole(line), role_text, role.group() if role else None, name, start)


def name_offset(text: str, name: str) -> int:
    """Where the (maybe letter-spaced) name begins in the printed text."""
    count = 0
    for pos in range(len(text) - 1, -1, -1):
        if not text[pos].isspace():
            count += 1
            if count == len(name):
                return pos
    return 0


FORM = Form("work-report", parse, claims)


def register(forms: Registry) -> None:
    forms.add(FORM, before="plan")
