"""The organ and date some forms print under their title instead of signing at the end.

    某某县2023年国民经济和社会发展统计公报
    某某县统计局                        dateline: signer(s) and date, first in the body
    2024年3月12日
    2023年，全县…

A 公报 or a 纪要 printed so has no 署名 below: read with the frame alone, the
date at the top would be taken for the 署名 and the rest of the text for a
document it issues. The forms that print one take it first (`take_dateline`).
"""

from __future__ import annotations

from dataclasses import replace

from converter.frame.foot import signer_span, signers_of
from converter.frame.head import Head, is_organ
from converter.frame.nodes import signature_node
from converter.model.document import Dated, Dateline, Signature
from converter.model.node import Node
from converter.model.text import Lines, Span, whole
from converter.tree.builder import Builder, NodeFunction
from converter.rules import PRINTED_DATE, SIGNATURE_DATE
from converter.values import iso_date

# The most organ lines above the date.
SIGNER_LINES_MAX = 2


def take_dateline(lines: Lines, head: Head) -> tuple[Dateline | None, Head]:
    """The dateline right under the head (organs, then a date; or both on one line), and the head after it."""
    i = head.end
    k = i
    while k < len(lines) and k - i < SIGNER_LINES_MAX and is_organ(lines[k].text):
        k += 1
    if k >= len(lines) or k + 1 >= len(lines) or PRINTED_DATE.fullmatch(lines[k].text):
        return None, head
    m = SIGNATURE_DATE.fullmatch(lines[k].text)
    iso = iso_date(m) if m else None
    if m is None or iso is None:
        return None, head
    signer = signer_span(lines[k], m)
    if signer is not None and not is_organ(signer.text):
        return None, head
    # joint organs on one line (某某县统计局　国家统计局某某调查队): one signer each, as in a 署名
    signers = [s for l in lines[i:k] for s in signers_of(l) or [whole(l)]] + ([signer] if signer is not None else [])
    date = Dated(Span(lines[k], m.start("date"), m.end("date")), iso)
    return Dateline(Signature(signers, date)), replace(head, end=k + 1)


def dateline_node(dateline: Dateline, b: Builder) -> Node:
    return signature_node("dateline", dateline.signature)


RENDERS: dict[type, NodeFunction] = {Dateline: dateline_node}
