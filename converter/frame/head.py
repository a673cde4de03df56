"""The head every official document shares (GB/T 9704): 发文机关标志, 发文字号, 标题, 主送机关.

    武汉市新洲区人民政府文件          issuer mark (one or more lines)
    新政发〔2023〕1号                 文号
    区人民政府关于印发…的通知          title (wrapped, letter-spaced, or above the 文号)
    各镇人民政府，各街道办事处：        主送, ending with a colon after an organ

Form modules call `parse_head` and fill in the body themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from converter.model.document import DocNumber
from converter.model.text import Line, Lines, Span, collapse, joined, plain, whole
from converter.patterns import pattern
from converter.rules import (DOC_NUMBER, ISSUER_MARK, ORGAN_SUFFIX, RECIPIENTS_END, SECTION_RULES, SENTENCE_END,
                             SENTENCE_PUNCT, TITLE_FORM_WORD)

# How far down a document its head may reach, in content lines.
HEAD_LINES = 10
# The most lines a title wraps over, and a 主送 over.
TITLE_LINES_MAX = 4
RECIPIENT_LINES_MAX = 5
# The longest line that can be a title line, a 署名 or an organ name.
TITLE_LINE_MAX = 60
ORGAN_MAX = 30
# The longest line that finishes a wrapped title ("的通知").
TITLE_END_MAX = 20
# 主送机关 end with an organ before their colon
RECIPIENTS = pattern(
    r".{0,400}(?:政府|单位|部门|机关|机构|局|室|厅|委|办|处|院|所|会|司|部|企业|学校|公司|街道|乡镇|镇|团体|组|队|站|中心|代表)"
    r"(?:[（(][^）)]{0,10}[）)])?\s{0,3}[:：]\s{0,3}",
    "各镇人民政府,各街道办事处,区直各单位:", "各省、自治区、直辖市发展改革委办公厅（室）：",
)


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


def parse_head(lines: Lines) -> Head:
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


def take_title(lines: Lines, i: int, max_lines: int = TITLE_LINES_MAX) -> tuple[list[Span], int]:
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


def continues_title(lines: Lines, j: int) -> bool:
    """Whether line j still belongs to the title: "…工作方案" / "的通知"."""
    if j >= len(lines):
        return False
    text = collapse(lines[j].text)
    return len(text) <= TITLE_END_MAX and text.startswith("的") and TITLE_FORM_WORD.search(text) is not None


def take_recipients(lines: Lines, i: int, max_lines: int = RECIPIENT_LINES_MAX) -> tuple[list[Span], int]:
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
