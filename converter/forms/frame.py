"""The frame every official document shares (GB/T 9704): the parts above and
below the body — 发文机关标志, 发文字号, 标题, 主送机关 at the head; 署名 and
成文日期, 抄送机关, 印发机关和印发日期 at the foot.

Form modules call these functions and fill in the body themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.model import Dated, DocNumber, Signature, Span, collapse, joined, plain, whole
from converter.normalise import Line
from converter.rules import (CC, DOC_NUMBER, ISSUER_MARK, ORGAN_SUFFIX, PRINTED_DATE, RECIPIENTS_END,
                             SECTION_RULES, SIGNATURE_DATE, TITLE_FORM_WORD)
from converter.values import iso_date

# How far down a document its head may reach, in content lines.
HEAD_LINES = 10
# The longest line that can be a title line, a 署名 or an organ name.
TITLE_LINE_MAX = 60
ORGAN_MAX = 30
# Punctuation that never stands in an organ name or a 署名.
SENTENCE_PUNCT = re.compile(r"[，。；：,;:！？!?]")
# 主送机关 end with an organ before their colon: "…各直属单位:", "…办公厅（室）："
RECIPIENTS = re.compile(
    r".{0,400}(?:政府|单位|部门|机关|机构|局|室|厅|委|办|处|院|所|会|司|部|企业|学校|公司|街道|乡镇|镇|团体|组|队|站|中心|代表)"
    r"(?:[（(][^）)]{0,10}[）)])?\s{0,3}[:：]\s{0,3}"
)
# A 标题 line never holds a sentence.
SENTENCE_END = re.compile(r"[。！？]")


@dataclass
class Head:
    issuer_mark: list[Span] = field(default_factory=list)
    doc_number: DocNumber | None = None
    title: list[Span] = field(default_factory=list)
    recipients: list[Span] = field(default_factory=list)
    end: int = 0


def parse_doc_number(line: Line) -> DocNumber | None:
    m = DOC_NUMBER.fullmatch(line.text.strip())
    if not m:
        return None
    lead = len(line.text) - len(line.text.lstrip())
    span = Span(line, lead, lead + m.end())
    return DocNumber((span,), m.group("prefix"), int(m.group("year")), int(m.group("seq")))


def is_organ(text: str) -> bool:
    """A short line naming an organ: 武汉市新洲区人民政府, 税务总局办公厅."""
    text = text.strip()
    return (0 < len(text) <= ORGAN_MAX and not SENTENCE_PUNCT.search(text)
            and ORGAN_SUFFIX.search(collapse(text)) is not None)


def is_issuer_mark(text: str) -> bool:
    return ISSUER_MARK.fullmatch(text.strip()) is not None


def parse_head(lines: list[Line] | tuple[Line, ...]) -> Head:
    """Find the head elements at the top of a document, in whatever order printed."""
    head = Head()
    window = list(lines[:HEAD_LINES])
    k = next((i for i, line in enumerate(window) if parse_doc_number(line)), None)
    i = 0
    if k is not None:
        before = window[:k]
        if before and any(is_issuer_mark(l.text) for l in before) and all(
                is_issuer_mark(l.text) or is_organ(l.text) for l in before):
            head.issuer_mark = [whole(l) for l in before]
        elif before:
            head.title, j = take_title(window, 0)
            if j != k:                       # something unexpected before the 文号
                head.title = []
                return head
        head.doc_number = parse_doc_number(window[k])
        i = k + 1
    else:
        while i < len(window) and is_issuer_mark(window[i].text):
            head.issuer_mark.append(whole(window[i]))
            i += 1
    if not head.title:
        head.title, i = take_title(lines, i)
    head.recipients, i = take_recipients(lines, i)
    head.end = i
    return head


def take_title(lines, i: int, max_lines: int = 4) -> tuple[list[Span], int]:
    """Title lines from i: a title may wrap over several lines or be letter-spaced."""
    spans: list[Span] = []
    j = i
    while j < len(lines) and j - i < max_lines:
        text = lines[j].text
        if (len(text) > TITLE_LINE_MAX or SENTENCE_END.search(text) or RECIPIENTS_END.search(text) or "\t" in text
                or parse_doc_number(lines[j]) or any(r.pattern.match(text) for r in SECTION_RULES)):
            break
        spans.append(whole(lines[j]))
        j += 1
        if TITLE_FORM_WORD.search(plain(spans)) and not continues_title(lines, j):
            break
    return spans, j


def continues_title(lines, j: int) -> bool:
    """Whether line j still belongs to the title: "…工作方案" / "的通知"."""
    if j >= len(lines):
        return False
    text = collapse(lines[j].text)
    return len(text) <= 20 and text.startswith("的") and TITLE_FORM_WORD.search(text) is not None


def take_recipients(lines, i: int, max_lines: int = 5) -> tuple[list[Span], int]:
    """主送机关: the lines up to the first that ends with a colon after an organ."""
    for j in range(i, min(i + max_lines, len(lines))):
        text = lines[j].text
        if SENTENCE_END.search(text):
            break
        if RECIPIENTS_END.search(text):
            spans = [whole(l) for l in lines[i:j + 1]]
            if RECIPIENTS.fullmatch(joined(spans)):
                return spans, j + 1
            break
    return [], i


def find_signature(lines, start: int, stop: int) -> tuple[Signature, int, int] | None:
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
        while k > start and j - k < 3 and is_organ(lines[k - 1].text):
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


def parse_tail(lines, start: int) -> tuple[list[Span], Signature | None, int]:
    """抄送机关 and 印发机关和印发日期 at the very end: (cc, printer, where they start)."""
    end = len(lines)
    printer = None
    # the 印发 line is the document's last one: nothing after it may be dropped
    m = PRINTED_DATE.fullmatch(lines[end - 1].text) if end > start else None
    if m and iso_date(m) is not None:
        j = end - 1
        # the date as printed keeps its 印发: "2023年1月10日印发"
        date = Dated(Span(lines[j], m.start("date"), m.end()), iso_date(m))
        signer = signer_span(lines[j], m)
        if signer is not None:
            printer, end = Signature([signer], date), j
        elif j > start and is_organ(lines[j - 1].text):
            printer, end = Signature([whole(lines[j - 1])], date), j - 1
        else:
            printer, end = Signature([], date), j
    cc: list[Span] = []
    for j in range(end - 1, max(start, end - 6) - 1, -1):
        if CC.match(lines[j].text):
            cc = [whole(l) for l in lines[j:end]]
            end = j
            break
    return cc, printer, end
