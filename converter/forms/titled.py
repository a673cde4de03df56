"""Forms told by their title's last word alone, as data: one row a form.

Each claims a document whose title ends in one of its 文种 words and parses
it with the shared frame (forms/official.py). A form that needs more than
that (its own head, block rules or parts) has a module of its own.

    plan        意见 … 方案 …: a body numbered 一、（一）1.
    regulation  办法 … 条例 …: 第X章 chapters and 第X条 articles
"""

from __future__ import annotations

from converter.forms.official import parse_official
from converter.forms.registry import Form, Registry

# form → the 文种 words its titles end in (read top to bottom)
TITLE_WORD_FORMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("plan", ("方案", "意见", "计划", "规划", "要点")),
    ("regulation", ("办法", "规定", "条例", "细则", "规则", "章程", "规范", "准则")),
)


def register(forms: Registry) -> None:
    for name, words in TITLE_WORD_FORMS:
        forms.add(Form(name, parse_official, title_words=words), before="roster")
