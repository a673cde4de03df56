"""Notice (通知, and a 文件 with a 文号 whose title names no other form).

The frame, a short body, and often the document it issues (印发 / 转发 …),
carried in `transmitted` (forms/official.py).
"""

from __future__ import annotations

from converter.forms.official import parse_official
from converter.forms.registry import Form, Registry, by_title_words
from converter.frame.head import Head
from converter.model.text import Lines


def claims(form: Form, lines: Lines, head: Head) -> bool:
    """Its title words, or any document with a 文号 or a 发文机关标志 that no form before claimed."""
    return by_title_words(form, lines, head) or head.doc_number is not None or bool(head.issuer_mark)


FORM = Form("notice", parse_official, claims, title_words=("通知",))


def register(forms: Registry) -> None:
    forms.add(FORM, before="unknown")
