"""The foot every official document shares (GB/T 9704): 署名 and 成文日期, 抄送机关, 印发机关和印发日期.

    武汉市新洲区人民政府              signer(s), up to SIGNER_LINES_MAX lines above the date
    2023年1月10日                     date (or "江汉区人民政府 2024年1月15日" on one line)
    抄送：区委各部门，…                cc, within CC_WITHIN lines of the end
    武汉市新洲区人民政府办公室 2023年1月10日印发     printer: the document's last line

Joint signers printed on one line are apart by a wide gap (或 a space between
two organ names): one `signer` each. An order is signed by a person (市长
王明). A 署名 lost in copying leaves the date alone under the body's last
sentence, with the foot or the title of the issued document below it: a
signature with its date and no signer.
"""

from __future__ import annotations

import re

from converter.frame.roles import ends_in_form_word, is_organ, is_signer
from converter.frame.titles import take_title
from converter.model.document import Dated, Signature
from converter.model.text import Line, Lines, Span
from converter.patterns import pattern
from converter.rules import CC, CLOSERS, PRINTED_DATE, REMARK, SIGNATURE_DATE
from converter.values import iso_date

# The most organ lines a 署名 stands on above its date.
SIGNER_LINES_MAX = 3
# How near the end (above the 印发 line) the 抄送 line stands, in lines.
CC_WITHIN = 6
# A gap between joint signers on one line: two spaces or more, or an ideographic space
SIGNER_GAP = pattern(r"\s{2,}|\u3000", "某某县林业局　　某某县财政局")
# White space of any width between two pieces of a line
SPACES = pattern(r"\s+", " ")
# The body's last sentence ends so (a lost 署名 leaves the date right under it)
SENTENCE_CLOSE = pattern(rf"[。！？!?][{CLOSERS}]{{0,2}}\s{{0,3}}$", "请认真贯彻执行。", "执行。”")
# An attachment's label alone on its line, after the 署名
LABEL_LINE = pattern(r"附\s{0,2}件\s{0,2}[\d一二三四五六七八九十]{0,3}\s{0,2}", "附件 1")
# 成文日期 in figures alone on its line, as web pages print it under the 署名: 2024-03-05, 2024.3.5, 2024/03/05
NUMERIC_DATE = pattern(r"\s{0,3}(?P<date>(?P<y>[0-9０-９]{4})(?P<sep>[-./－．／])(?P<m>[0-9０-９]{1,2})(?P=sep)"
                       r"(?P<d>[0-9０-９]{1,2}))\s{0,3}", "2024-03-05", "2024.3.5", "２０２４／０３／０５")


def find_signature(lines: Lines, start: int, stop: int) -> tuple[Signature, int, int] | None:
    """The first 署名 + 成文日期 between start and stop: (signature, first line, after)."""
    for j in range(start, stop):
        line = lines[j]
        if not line.text.endswith("日"):
            # cheap test first: SIGNATURE_DATE ends in its date's 日 (most lines end otherwise)
            found = numeric_signature(lines, start, j) if line.text[-1:].isdecimal() else None
            if found is not None:
                return found
            continue
        # (a 印发 line is never one: PRINTED_DATE's match ends in 发, and this line ends in 日)
        m = SIGNATURE_DATE.fullmatch(line.text)
        if not m:
            continue
        iso = iso_date(m)
        if iso is None:
            continue
        date = Dated(Span(line, m.start("date"), m.end("date")), iso)
        signer = signer_span(line, m)
        if signer is not None:
            signers = split_signers(signer)
            if signers is None:
                continue
            return Signature(signers, date), j, j + 1
        signed = signed_above(lines, start, j, date)
        if signed is not None:
            return signed
        if lost_signer(lines, start, stop, j):
            return Signature([], date), j, j + 1
    return None


def numeric_signature(lines: Lines, start: int, j: int) -> tuple[Signature, int, int] | None:
    """A 成文日期 in figures on line j under its 署名 (NUMERIC_DATE): only with signer lines above it, since a
    date in figures alone may be anything else a page prints."""
    m = NUMERIC_DATE.fullmatch(lines[j].text)
    iso = iso_date(m) if m else None
    if m is None or iso is None:
        return None
    return signed_above(lines, start, j, Dated(Span(lines[j], m.start("date"), m.end("date")), iso))


def signed_above(lines: Lines, start: int, j: int, date: Dated) -> tuple[Signature, int, int] | None:
    """The signature of the date on line j and the 署名 lines just above it (up to SIGNER_LINES_MAX), or None."""
    k = j
    while k > start and j - k < SIGNER_LINES_MAX and signers_of(lines[k - 1]) is not None:
        k -= 1
    if k == j:
        return None
    return Signature([s for l in lines[k:j] for s in signers_of(l) or []], date), k, j + 1


def lost_signer(lines: Lines, start: int, stop: int, j: int) -> bool:
    """A date alone under the body's last sentence, with the foot or the next document below: its 署名 was lost."""
    if j == start or not SENTENCE_CLOSE.search(lines[j - 1].text):
        return False
    if j + 1 >= stop:
        return True
    below = lines[j + 1].text
    if (REMARK.fullmatch(below) or CC.match(below) or printed_date(below)
            or LABEL_LINE.fullmatch(below.strip())):
        return True
    # the title of the document it issues: a title that names its 文种
    title, _ = take_title(lines[:stop], j + 1)
    return bool(title) and ends_in_form_word(title)


def signers_of(line: Line) -> list[Span] | None:
    """The 署名 a whole line prints (one or more signers), or None when it is no 署名."""
    text = line.text
    lead = len(text) - len(text.lstrip())
    return split_signers(Span(line, lead, lead + len(text.strip()))) if text.strip() else None


def split_signers(span: Span) -> list[Span] | None:
    """Joint signers on one line, one span each: apart by a wide gap, or by a space between organ names."""
    if is_signer(span.text) and not SIGNER_GAP.search(span.text) and not two_organs(span):
        return [span]
    for gap in (SIGNER_GAP, SPACES):
        parts = pieces(span, gap)
        if len(parts) > 1 and all(is_signer(p.text) for p in parts):
            return parts
    return [span] if is_signer(span.text) else None


def two_organs(span: Span) -> bool:
    """Organ names apart by one space: "国家发展改革委办公厅 税务总局办公厅" (not letter-spacing)."""
    parts = pieces(span, SPACES)
    return len(parts) > 1 and all(len(p.text) > 2 and is_organ(p.text) for p in parts)


def pieces(span: Span, gap: re.Pattern[str]) -> list[Span]:
    """The span cut at each gap."""
    out: list[Span] = []
    pos = span.start
    for m in gap.finditer(span.line.text, span.start, span.end):
        if m.start() > pos:
            out.append(Span(span.line, pos, m.start()))
        pos = m.end()
    if pos < span.end:
        out.append(Span(span.line, pos, span.end))
    return out


def signer_span(line: Line, m: re.Match[str]) -> Span | None:
    """The 署名 printed before the date on the same line, white space trimmed."""
    text = m.group("signer")
    if not text.strip():
        return None
    lead = m.start("signer") + len(text) - len(text.lstrip())
    return Span(line, lead, lead + len(text.strip()))


def parse_tail(lines: Lines, start: int) -> tuple[list[Span], Signature | None, int]:
    """抄送机关 and 印发机关和印发日期 at the very end: (cc, printer, where they start)."""
    end = len(lines)
    printer = None
    # the 印发 line is the document's last one: nothing after it may be dropped
    m = printed_date(lines[end - 1].text) if end > start else None
    iso = iso_date(m) if m else None
    if m and iso is not None:
        j = end - 1
        # the date as printed keeps its 印发: "2023年1月10日印发"
        date = Dated(Span(lines[j], m.start("date"), m.end()), iso)
        signer = signer_span(lines[j], m)
        if signer is not None:
            printer, end = Signature([signer], date), j
        elif j > start and is_organ(lines[j - 1].text):
            printer, end = Signature([Span(lines[j - 1], 0, len(lines[j - 1].text))], date), j - 1
        else:
            printer, end = Signature([], date), j
    cc: list[Span] = []
    for j in range(end - 1, max(start, end - CC_WITHIN) - 1, -1):
        if CC.match(lines[j].text):
            cc = [Span(l, 0, len(l.text)) for l in lines[j:end]]
            end = j
            break
    return cc, printer, end


def printed_date(text: str) -> re.Match[str] | None:
    """PRINTED_DATE.fullmatch(text); cheap test first: its match ends in 印发's 发 (most lines end otherwise)."""
    return PRINTED_DATE.fullmatch(text) if text.endswith("发") else None


def stray_printer(lines: Lines, start: int, end: int) -> int | None:
    """A 印发 line near the end that is not the last line (text follows it): its index."""
    for j in range(end - 2, max(start, end - CC_WITHIN) - 1, -1):
        m = printed_date(lines[j].text)
        if m and iso_date(m) is not None:
            return j
    return None
