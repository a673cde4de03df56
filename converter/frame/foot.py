"""The foot every official document shares (GB/T 9704): 署名 and 成文日期, 抄送机关, 印发机关和印发日期.

    武汉市新洲区人民政府              signer(s), up to SIGNER_LINES_MAX lines above the date
    2023年1月10日                     date (or "江汉区人民政府 2024年1月15日" on one line)
    抄送：区委各部门，…                cc, within CC_WITHIN lines of the end
    武汉市新洲区人民政府办公室 2023年1月10日印发     printer: the document's last line
"""

from __future__ import annotations

import re

from converter.frame.head import is_organ
from converter.model.document import Dated, Signature
from converter.model.text import Line, Lines, Span, whole
from converter.rules import CC, PRINTED_DATE, SIGNATURE_DATE
from converter.values import iso_date

# The most organ lines a 署名 stands on above its date.
SIGNER_LINES_MAX = 3
# How near the end (above the 印发 line) the 抄送 line stands, in lines.
CC_WITHIN = 6


def find_signature(lines: Lines, start: int, stop: int) -> tuple[Signature, int, int] | None:
    """The first 署名 + 成文日期 between start and stop: (signature, first line, after)."""
    for j in range(start, stop):
        line = lines[j]
        if PRINTED_DATE.fullmatch(line.text):
            continue
        m = SIGNATURE_DATE.fullmatch(line.text)
        if not m:
            continue
        iso = iso_date(m)
        if iso is None:
            continue
        date = Dated(Span(line, m.start("date"), m.end("date")), iso)
        signer = signer_span(line, m)
        if signer is not None:
            if not is_organ(signer.text):
                continue
            return Signature([signer], date), j, j + 1
        k = j
        while k > start and j - k < SIGNER_LINES_MAX and is_organ(lines[k - 1].text):
            k -= 1
        if k == j:
            continue
        return Signature([whole(l) for l in lines[k:j]], date), k, j + 1
    return None


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
    m = PRINTED_DATE.fullmatch(lines[end - 1].text) if end > start else None
    iso = iso_date(m) if m else None
    if m and iso is not None:
        j = end - 1
        # the date as printed keeps its 印发: "2023年1月10日印发"
        date = Dated(Span(lines[j], m.start("date"), m.end()), iso)
        signer = signer_span(lines[j], m)
        if signer is not None:
            printer, end = Signature([signer], date), j
        elif j > start and is_organ(lines[j - 1].text):
            printer, end = Signature([whole(lines[j - 1])], date), j - 1
        else:
            printer, end = Signature([], date), j
    cc: list[Span] = []
    for j in range(end - 1, max(start, end - CC_WITHIN) - 1, -1):
        if CC.match(lines[j].text):
            cc = [whole(l) for l in lines[j:end]]
            end = j
            break
    return cc, printer, end
