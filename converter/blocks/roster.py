"""Rosters (组成人员名单): role lines and the members under them.

    组 长:舒基元 区人民政府代理区长
    副组长:张晓菡 区人民政府副区长
    成 员:胡立明 区政府办公室主任
    周正刚 区政府督查室主任               (the role goes on)
    李 皓 区自然资源和规划局局长           (a letter-spaced two-character name)

Each line becomes a `member` @role with `name` and `post`. A roster stands in
any body (an attachment, a 政务简讯 item); the roster form (a document whose
title ends in 名单) is forms/roster.py.
"""

from __future__ import annotations

import re
from typing import Any

from converter.blocks.parser import BlockRule, BodyState, Plugin
from converter.model.blocks import Member
from converter.model.node import Node, node
from converter.tree.builder import Builder, NodeFunction
from converter.model.text import Line, collapse
from converter.patterns import HAN, pattern

# A role label and the first member: "组 长:舒基元 区人民政府代理区长"
ROLE_LINE = pattern(
    r"(?P<role>(?:副\s{0,2})?(?:组\s{0,2}长|主\s{0,2}任|秘\s{0,2}书\s{0,2}长|总\s{0,2}召\s{0,2}集\s{0,2}人|召\s{0,2}集\s{0,2}人)"
    r"|成\s{0,2}员|委\s{0,2}员|顾\s{0,2}问)\s{0,2}[:：]\s{0,3}(?P<member>\S.{0,80})",
    "组 长:舒基元 区人民政府代理区长", "成 员：胡立明 区政府办公室主任",
)
# A member line under a role: a name (2–4 characters, or two spaced ones) and a post,
# with no sentence punctuation
MEMBER_LINE = pattern(rf"(?P<member>[{HAN}](?:\s{{0,2}}[{HAN}]){{1,3}}\s{{1,4}}[^，。；：,;:！？]{{2,60}})$",
                      "周正刚 区政府督查室主任", "李 皓 区自然资源和规划局局长")
# Where the roster's current role is kept while its member lines go on.
OPEN_ROLE = "roster_role"


def member_of(line: Line, role: str, start: int, role_end: int) -> Member:
    """Split "name post" from `start` in the line."""
    text = line.text
    tokens = text[start:].split()
    if len(tokens) >= 3 and len(tokens[0]) == 1 and len(tokens[1]) == 1:
        name = tokens[0] + tokens[1]                  # "李 皓": a two-character name, letter-spaced
        rest_at = text.index(tokens[1], text.index(tokens[0], start) + 1) + 1
    elif tokens:
        name = tokens[0]
        rest_at = text.index(tokens[0], start) + len(tokens[0])
    else:
        name, rest_at = "", len(text)
    while rest_at < len(text) and text[rest_at].isspace():
        rest_at += 1
    return Member(line, role, role_end, name, rest_at)


def parse_role_line(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    role = collapse(m.group("role"))
    state.close()
    state.open[OPEN_ROLE] = role
    state.append(member_of(line, role, m.start("member"), m.start("member")))
    return True


def parse_member_line(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    role = state.open.get(OPEN_ROLE)
    if role is None:
        return False
    state.append(member_of(line, role, 0, 0))
    return True


PLUGIN = Plugin("rosters", (
    BlockRule("roster_role", ROLE_LINE, parse_role_line, first="副组主秘总召成委顾"),
    BlockRule("roster_member", MEMBER_LINE, parse_member_line),
))


def member_node(member: Member, b: Builder) -> Node:
    el = Node("member", {"line": str(member.line.n), "role": member.role})
    text = member.line.text
    if member.role_end:
        el.add(collapse(text[:member.role_end]))
    el.add(node("name", None, member.name))
    post = text[member.post_start:].strip()
    if post:
        el.add(" ")
        el.add(node("post", None, post))
    return el


RENDERS: dict[type, NodeFunction] = {Member: member_node}
