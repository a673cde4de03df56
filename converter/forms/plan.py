"""Plan (方案 / 意见 / 计划 …): the frame around a body numbered 一、（一）1.

What a plan's items add — （责任单位：…） — is in responsible.py, applied to
every body (task lists in notices carry them too).
"""

from __future__ import annotations

from converter.forms import frame
from converter.forms.official import parse_official
from converter.model import Context, plain

FORM = "plan"
TITLE_WORDS = ("方案", "意见", "计划", "规划", "要点")


def claims(lines, head: frame.Head) -> bool:
    return plain(head.title).endswith(TITLE_WORDS)


def parse(lines, head: frame.Head, ctx: Context) -> tuple:
    return parse_official(lines, head, FORM, ctx)
