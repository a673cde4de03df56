"""Order (命令, 令): numbered 令第N号, signed by a person; it mostly promulgates another text.

    某某市人民政府令                     the order's mark: issuerMark
    第5号                                docNumber @prefix 某某市人民政府令 @seq 5 (no year)
    《某某市…规定》已经…会议通过，现予公布，自2024年5月1日起施行。
    市长  王明                           signature: a role and a name (or an organ), and the date
    2024年3月1日
    某某市…规定                          the text it promulgates: `transmitted`
    第一章 总则 …

The number may stand with the mark on one line (某某市人民政府令第5号, 国务院令（第797号）),
under the title of the text it promulgates (as web pages print it), or be found by
the frame already. It is no 〔year〕 文号: it has a prefix and a sequence number
only. An order's own body holds no 第X条 sections: a 修改决定 printed in it keeps
its items as amendments (forms/decision.py).
"""

from __future__ import annotations

from dataclasses import replace

from converter.forms import decision
from converter.forms.registry import Form, Registry, by_title_words
from converter.forms.signed import parse_signed
from converter.frame.head import Head
from converter.model.context import Context
from converter.model.document import DocNumber, Document
from converter.model.text import Line, Lines, Span, collapse, whole
from converter.patterns import HAN, pattern
from converter.rules import CN_DIGITS
from converter.values import cn_number

SEQ = rf"第\s{{0,3}}(?P<seq>\d{{1,5}}|[{CN_DIGITS}]{{1,8}})\s{{0,3}}号"
# The mark and the number on one line: "某某市人民政府令第5号", "国务院令（第797号）", "某某省人民政府令 第 12 号"
ORDER_NUMBER = pattern(rf"(?P<prefix>[{HAN}]{{2,30}}令)\s{{0,3}}[（(]?\s{{0,3}}{SEQ}\s{{0,3}}[）)]?",
                       "某某市人民政府令第5号", "国务院令（第797号）", "某某省人民政府令 第 12 号")
# The order's mark alone on its line: "某某市人民政府令", "中华人民共和国主席令"
ORDER_MARK = pattern(rf"[{HAN}]{{2,30}}(?:命\s{{0,2}})?令", "某某市人民政府令", "中华人民共和国主席令")
# The number alone under the mark: "第5号", "（第十二号）"
SEQ_ONLY = pattern(rf"[（(]?\s{{0,3}}{SEQ}\s{{0,3}}[）)]?", "第5号", "（第十二号）")
# How far down an order its number stands, in lines (web pages print the title, repeated, above).
ORDER_HEAD_LINES = 12
def find_number(lines: Lines) -> tuple[int | None, int, DocNumber] | None:
    """(the mark's line or None, the number's line, the number) near the top, if printed."""
    for k, line in enumerate(lines[:ORDER_HEAD_LINES]):
        if "号" not in line.text:
            continue         # cheap test first: both patterns end the number in 号 (SEQ)
        text = line.text.strip()
        m = ORDER_NUMBER.fullmatch(text)
        if m is not None and cn_number(m.group("seq")):
            return None, k, order_number(line, m.group("prefix"), m.group("seq"))
        m = SEQ_ONLY.fullmatch(text)
        if m is not None and cn_number(m.group("seq")) and k > 0 and ORDER_MARK.fullmatch(lines[k - 1].text.strip()):
            return k - 1, k, order_number(line, collapse(lines[k - 1].text), m.group("seq"))
    return None


def order_number(line: Line, prefix: str, seq: str) -> DocNumber:
    lead = len(line.text) - len(line.text.lstrip())
    return DocNumber((Span(line, lead, len(line.text.rstrip())),), collapse(prefix), None, cn_number(seq) or 1)


def claims(form: Form, lines: Lines, head: Head) -> bool:
    """Its title words (命令, 令), a 文号 the frame read as an order's, or an order number at the top."""
    if by_title_words(form, lines, head):
        return True
    if head.doc_number is not None:
        return head.doc_number.year is None and head.doc_number.prefix.endswith("令")
    return find_number(lines) is not None


def order_head(lines: Lines, head: Head) -> Head | None:
    """The head with the order's number in it, or None when it cannot be placed in reading order."""
    if head.doc_number is not None:
        return head
    found = find_number(lines)
    if found is None:
        return None
    mark, k, number = found
    top = k if mark is None else mark
    title = head.title
    if title:
        first = next(i for i, line in enumerate(lines) if line is title[0].line)
        last = next(i for i, line in enumerate(lines) if line is title[-1].line)
        if first >= top:
            title = []                     # the frame took the mark (or the number) for a title
        elif last + 1 != top:
            return None                    # lines between the title and the number: the frame's reading stands
    elif top != 0:
        return None
    issuer: list[Span] = []
    if mark is not None:
        if title:                          # the title above the mark: mark and number are one docNumber
            number = replace(number, spans=(whole(lines[mark]), *number.spans))
        else:
            issuer = [whole(lines[mark])]
    return Head(issuer, number, title, [], k + 1)


def parse(form: Form, lines: Lines, head: Head, ctx: Context) -> Document:
    return parse_signed(form, lines, order_head(lines, head) or head, ctx)


FORM = Form("order", parse, claims, title_words=("命令", "令"), rules=decision.RULES, renders=decision.FORM.renders)


def register(forms: Registry) -> None:
    forms.add(FORM, after="work-report")     # before the title-word forms: the number decides
