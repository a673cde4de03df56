"""Regulation (办法 / 规定 / 条例 / 细则 …): 第X章 chapters and 第X条 articles.

    第一章 总 则              → section level 1, heading 总则 (letter-spacing removed)
    第一条 为充分发挥…         → section one level below its chapter; its text a paragraph
    （一）…                   → items inside an article, one level further down

The chapter and article rules live in rules.py and blocks.py (every body may
cite them); this module claims the documents whose title names a regulation.
"""

from __future__ import annotations

from converter.forms import frame
from converter.forms.official import parse_official
from converter.model import Context, plain

FORM = "regulation"
TITLE_WORDS = ("办法", "规定", "条例", "细则", "规则", "章程", "规范", "准则")


def claims(lines, head: frame.Head) -> bool:
    return plain(head.title).endswith(TITLE_WORDS)


def parse(lines, head: frame.Head, ctx: Context) -> tuple:
    return parse_official(lines, head, FORM, ctx)
