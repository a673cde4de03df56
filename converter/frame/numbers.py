"""The number a document's head prints: 发文字号, an order's 令号, a 公告's 第N号.

    新政发〔2023〕1号                      a 文号 alone (〔〕 [] ［］ 【】 ﹝﹞ (), spaces, 第)   "line"
    ( 吉府发〔2003〕37号 )                  … inside brackets                                  "line"
    东府办函[2003]248号2003年12月16日广东省   … glued to a date and more (a database line)       "glued"
    广州市人民政府令第5号                   an order's number: prefix and seq, no year          "serial"
    第 5 号   （2024年第3号）  〔2024〕第3号  a bare number (under an order's mark, a 公告's title) "serial"
    (1985年5月4日皖政〔1985〕38号)  根据…    a dated 题注, body text after it                    "caption"

Only whole head lines are read: a 文号 cited inside a sentence of the body
(…的请示》(甘政发〔2003〕91号)收悉) is never the document's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from converter.model.document import DocNumber
from converter.model.text import Line, Span
from converter.patterns import HAN, pattern
from converter.rules import DATE, DOC_NUMBER
from converter.values import cn_number, iso_date

# A 文号 inside brackets: "( 吉府发〔2003〕37号 )"
BRACKETED_NUMBER = pattern(rf"[（(]\s{{0,3}}(?:{DOC_NUMBER.pattern})\s{{0,3}}[）)]", "( 吉府发〔2003〕37号 )")
# A 文号 with what a database prints after it on the same line: its date (and a place), or 签发人
# (a 上行文 prints it at the right margin: a wide gap, as a text extraction keeps it)
GLUED_NUMBER = pattern(
    rf"(?:{DOC_NUMBER.pattern})\s{{0,40}}(?P<glued>(?:{DATE.pattern}|签\s{{0,2}}发\s{{0,2}}人\s{{0,2}}[:：])"
    rf"[^，。；,;]{{0,30}})",
    "东府办函[2003]248号2003年12月16日广东省", "某政发〔2024〕3号    签发人：王明",
    "某政请〔2024〕8号                              签发人：王明",
)
# An order's or a 公告's number: "第5号", "（2024年第3号）", "〔2024〕第3号", "第十二号" (seq), maybe with a year
SERIAL = (r"[（(]?\s{0,2}(?:(?P<year>\d{4})\s{0,2}年\s{0,2}"
          r"|(?P<bracketed>[〔\[［【﹝]\s{0,2}(?P<year2>\d{4})\s{0,2}[〕\]］】﹞])\s{0,2})?第\s{0,2}"
          r"(?P<seq>\d{1,5}|[一二三四五六七八九十百千零〇两]{1,8})\s{0,2}号\s{0,2}[）)]?")
# The 文种 words whose name may stand before the number on one line and be the title (not 令: an order's mark)
ANNOUNCING_WORDS = ("公告", "通告")
# … after the organ's 令 or 公告 on the same line: "广州市人民政府令第5号", "国家税务总局公告2019年第41号"
SERIAL_NUMBER = pattern(rf"(?P<prefix>[{HAN}]{{2,40}}?(?:令|公告|通告))?\s{{0,3}}{SERIAL}",
                        "广州市人民政府令第5号", "第 5 号", "（2024年第3号）", "国家税务总局公告2019年第41号",
                        "〔2024〕第3号")
# A dated 题注 with the 文号 in it, at the start of a line: "(1985年5月4日皖政〔1985〕38号)"
CAPTION = pattern(rf"[（(]\s{{0,2}}(?P<date>{DATE.pattern})\s{{0,3}}[，,、]?\s{{0,3}}(?:{DOC_NUMBER.pattern})\s{{0,2}}[）)]",
                  "(1985年5月4日皖政〔1985〕38号)")
# … the 文号 before the date: "（某政发〔2024〕3号 2024年3月5日）"
CAPTION_NUMBER_FIRST = pattern(
    rf"[（(]\s{{0,2}}(?:{DOC_NUMBER.pattern})\s{{0,3}}[，,、]?\s{{0,3}}(?P<date>{DATE.pattern})\s{{0,2}}[）)]",
    "（某政发〔2024〕3号 2024年3月5日）")


@dataclass(frozen=True, eq=False, repr=False)
class HeadNumber:
    """A number line of the head: the number, how it was printed, and the line's text around it."""

    number: DocNumber
    kind: str              # line | glued | serial | caption
    glued: Span | None     # what a database glued after the 文号 (not the document's text)
    rest: int              # where body text begins after a 题注 (len(text) when none)


def number_alone(line: Line) -> DocNumber | None:
    """The 文号 a whole line prints alone or in brackets: read_number's kind "line", found without trying its other
    kinds (the search for a document's head below another's asks it of every line that holds 号, and a table of
    addresses, 某某路1号, holds one on every row)."""
    text = line.text
    if "号" not in text:                 # cheap test first: most lines print no number
        return None
    stripped = text.strip()
    m = DOC_NUMBER.fullmatch(stripped) or BRACKETED_NUMBER.fullmatch(stripped)
    return doc_number(line, len(text) - len(text.lstrip()), m) if m else None


def read_number(line: Line) -> HeadNumber | None:
    """The number a whole head line prints, if it is one."""
    text = line.text
    alone = number_alone(line)
    if alone is not None:
        return HeadNumber(alone, "line", None, len(text))
    if "号" not in text:
        return None
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    m = GLUED_NUMBER.fullmatch(stripped)
    if m:
        glued = Span(line, lead + m.start("glued"), lead + m.end("glued"))
        return HeadNumber(doc_number(line, lead, m), "glued", glued, len(text))
    m = SERIAL_NUMBER.fullmatch(stripped)
    if m:
        seq = cn_number(m.group("seq"))
        if not seq:
            return None
        start = m.start("prefix") if m.group("prefix") else serial_start(stripped, m)
        # brackets around the number alone are not its text; one opened after a prefix closes in it
        end = len(stripped) if any(b in stripped[start:] for b in "（(") else len(stripped.rstrip("）)").rstrip())
        span = Span(line, lead + start, lead + end)
        printed_year = m.group("year") or m.group("year2")
        year = int(printed_year) if printed_year else None
        return HeadNumber(DocNumber((span,), m.group("prefix") or "", year, seq), "serial", None, len(text))
    m = CAPTION.match(stripped) or CAPTION_NUMBER_FIRST.match(stripped)
    if m:
        # the 题注 as printed, brackets and date included: the date is the document's, and stays in reading order
        span = Span(line, lead, lead + m.end())
        number = DocNumber((span,), m.group("prefix"), int(m.group("year")), int(m.group("seq")), iso_date(m))
        rest = lead + m.end()
        while rest < len(text) and text[rest].isspace():
            rest += 1
        return HeadNumber(number, "caption", None, rest)
    return None


def named_serial(number: HeadNumber) -> tuple[Span, HeadNumber] | None:
    """A 公告's or 通告's name and number on one line ("某某市人民政府公告（第3号）"), for a head that prints no
    other title: the name is the title, the number alone the 文号, as when the two stand on two lines.
    (An order's 令 is its 发文机关标志, not a title: its line stays one number.)"""
    number_span = number.number.spans[0]
    if number.kind != "serial" or not number.number.prefix.endswith(ANNOUNCING_WORDS):
        return None
    line = number_span.line
    lead = len(line.text) - len(line.text.lstrip())
    stripped = line.text.strip()
    m = SERIAL_NUMBER.fullmatch(stripped)
    if m is None or not m.group("prefix"):
        return None
    name = Span(line, lead + m.start("prefix"), lead + m.end("prefix"))
    start = serial_start(stripped, m)
    span = Span(line, lead + start, lead + len(stripped.rstrip("）)").rstrip()))
    seq = replace(number.number, spans=(span,), prefix="")
    return name, replace(number, number=seq)


def serial_start(text: str, m: re.Match[str]) -> int:
    """Where a bare number's printed text begins: its year or 第, inside any bracket."""
    if m.group("year"):
        return m.start("year")
    return m.start("bracketed") if m.group("bracketed") else text.index("第", m.start())


def doc_number(line: Line, lead: int, m: re.Match[str]) -> DocNumber:
    """The 文号 of a DOC_NUMBER match, its span the number alone (no brackets around it, nothing glued)."""
    start, end = lead + m.start("prefix"), lead + m.end("seq")
    text = line.text
    while end < len(text) and text[end] != "号":
        end += 1
    return DocNumber((Span(line, start, end + 1),), m.group("prefix"), int(m.group("year")), int(m.group("seq")))


def with_prefix(number: DocNumber, prefix: str) -> DocNumber:
    """A bare 第5号 under an order's mark: the mark is its prefix (某某市人民政府令第5号)."""
    return DocNumber(number.spans, prefix, number.year, number.seq, number.date)
