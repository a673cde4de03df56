"""Communique (公报, the 文种): what an organ makes known, dated under its title.

    某某县2023年国民经济和社会发展统计公报
    某某县统计局                   dateline: the organ and the date printed under the title
    2024年3月12日
    一、综合 …

A 政府公报 issue is a bulletin, never this form (forms/naming.py). The body is
framed like every 公文 (forms/official.py).
"""

from __future__ import annotations

from converter.forms.dateline import RENDERS, take_dateline
from converter.forms.official import parse_official
from converter.forms.registry import Form, Registry
from converter.frame.head import Head
from converter.model.context import Context
from converter.model.document import Document
from converter.model.text import Lines


def parse(form: Form, lines: Lines, head: Head, ctx: Context) -> Document:
    dateline, head = take_dateline(lines, head)
    doc = parse_official(form, lines, head, ctx)
    if dateline is not None:
        doc.body.insert(0, dateline)
    return doc


FORM = Form("communique", parse, title_words=("公报",), renders=RENDERS)


def register(forms: Registry) -> None:
    forms.add(FORM, before="notice")
