"""Rosters (组成人员名单): role lines and the members under them.

    组 长:舒基元 区人民政府代理区长
    副组长:张晓菡 区人民政府副区长
    成 员:胡立明 区政府办公室主任
    周正刚 区政府督查室主任               (the role goes on)
    李 皓 区自然资源和规划局局长           (a two-character name padded with a space)
    常务副组长:                            (a role label alone: the names follow below)
    何洪明（市纪委）                       (name（post）, either width of brackets)
    沈 慧                                  (a name alone)

Each member line becomes a `member` @role with `name` and `post`; a role label
alone on its line is printed at the head of the first member under it. A roster
stands in any body (a notice, an attachment, a 政务简讯 item; one line a member,
also when each came from an HTML list item); the roster form (a document whose
title ends in 名单) is forms/roster.py.
"""

from __future__ import annotations

import re

from converter.blocks.parser import BlockRule, BodyState, Plugin, ends_open, opened
from converter.model.blocks import Member, Para
from converter.model.node import Node, leaf
from converter.tree.builder import Builder, NodeFunction
from converter.model.text import Line, collapse, whole
from converter.patterns import HAN, compiled, pattern
from converter.rules import ORDINAL

# The roles of a roster, as printed (letter-spaced or not): 组长, 成员, 总指挥 …
ROLE_WORDS = ("组长", "主任", "秘书长", "总召集人", "召集人", "指挥长", "总指挥", "主席", "办公室主任",
              "成员", "组员", "委员", "顾问", "联络员", "秘书")
# Ranks before a role: 副组长, 常务副组长, 第一副组长, 执行副主任
RANKS = ("常务副", "第一副", "第二副", "执行副", "副")


def spaced(word: str) -> str:
    """A regex for `word` letter-spaced (组 长, 组&nbsp;&nbsp;长): up to six spaces between characters."""
    return r"\s{0,6}".join(word)


ROLE = (rf"(?:(?:{'|'.join(spaced(r) for r in RANKS)})\s{{0,6}})?"
        rf"(?:{'|'.join(spaced(w) for w in sorted(ROLE_WORDS, key=len, reverse=True))})")
# A role label with the first member after its colon, or alone on its line (the names below):
# "组 长:舒基元 区人民政府代理区长", "副组长:", "成  员"
ROLE_LINE = pattern(
    rf"(?P<role>{ROLE})\s{{0,6}}(?:[:：]\s{{0,3}}(?P<member>\S.{{0,80}})?|[:：]?\s*$)",
    "组 长:舒基元 区人民政府代理区长", "成 员：胡立明 区政府办公室主任", "副组长:", "常务副组长：王明",
    "成    员", "第一副组长：李华",
)
# What a member line under a role holds: a name (2–4 characters, maybe letter-spaced) and a
# post after a space or in brackets (the closing one may be missing or of the other width),
# or a name alone; no sentence punctuation
MEMBER_LINE = pattern(
    rf"(?P<member>[{HAN}](?:\s{{0,2}}[{HAN}]){{1,3}}(?:\s{{1,4}}[^，。；：,;:！？\s][^，。；：,;:！？]{{1,59}}"
    rf"|\s{{0,2}}[（(][^（）()，。；;]{{1,60}}[）)]?)"
    rf"|[{HAN}]\s{{0,2}}[{HAN}](?:\s{{0,2}}[{HAN}])?)\s*$",
    "周正刚 区政府督查室主任", "李 皓 区自然资源和规划局局长", "周华驹(市政府副秘书长)", "何洪明（市纪委）",
    "张发平（市统计局)", "沈 慧", "王建良",
)
# The longest text MEMBER_LINE matches, trailing white space aside: a name of 10 characters at most (4 Han,
# 2 spaces between each two) and a post of 64 (4 spaces, 60 characters; or 2 spaces and 62 with brackets);
# a longer line (most lines of a body: paragraphs) is no member line, and the parser skips the rule
MEMBER_LINE_LONGEST = 10 + 64
# MEMBER_LINE is markless (BlockRule): it matches a whole line (up to \s*$) of Han names, spaces, and a post
# whose characters exclude ，and 。 (after a space, or inside brackets), so no line holding either matches it
# A name with its post in brackets: "张顺彩(市政府副市长)", "李 震（市委宣传部）"
BRACKETED_POST = pattern(rf"(?P<name>[{HAN}](?:\s{{0,2}}[{HAN}]){{1,3}})\s{{0,2}}[（(](?P<post>[^（）()]{{1,60}})",
                         "张顺彩(市政府副市长)", "李 震（市委宣传部）")
# A member line of a list printed without role labels (a 表彰名单 under its heading): a name of
# two to four characters (a two-character one maybe padded: "李 皓"), a gap, a post with no space
# in it (a letter-spaced line of text is no member) or a post in brackets:
# "张三　某某区财政局局长", "李 皓  县人民医院院长", "王建良（县第一中学）"
UNLABELLED_MEMBER = pattern(
    rf"(?!第\s{{0,2}}{ORDINAL}|{ORDINAL}[、．.])[{HAN}](?:[{HAN}]{{1,3}}|\s[{HAN}])(?:[\s\u3000]{{1,4}}[^，。；：,;:！？\s（(][^，。；：,;:！？\s]{{1,59}}"
    rf"|\s{{0,2}}[（(][^（）()，。；;]{{1,60}}[）)])\s*",
    "张三　某某区发展和改革局局长", "李 皓  县人民医院院长", "王建良（县第一中学）", "周华驹(市政府副秘书长)",
)
# One of several members on a line, apart by 、 ，or ；: a name (maybe letter-spaced), its post in
# brackets or none: "李华（副县长）", "张 伟", "王建良"
LISTED_MEMBER = pattern(rf"\s*(?P<name>[{HAN}](?:\s{{0,2}}[{HAN}]){{1,3}}|[{HAN}]{{1,8}}·[{HAN}·]{{1,10}})"
                        rf"\s{{0,2}}(?:[（(](?P<post>[^（）()]{{1,60}})[）)])?\s*",
                        "李华（副县长）", "张 伟", "王建良", "阿依古丽·买买提")
# What separates members listed on one line: "李华（副县长）、张伟（…）", "张三，李四"
MEMBER_SEPARATOR = pattern(r"[、，,；;]", "、")
# A line of members listed so, under a role: "李华（副县长）、张伟（县应急管理局局长）", "张三、李四、王五"
MEMBER_LIST_LINE = pattern(rf"[{HAN}][^。：:]{{1,200}}?[、，,；;][^。：:]{{1,200}}", "张三、李四、王五")
# The longest name printed without letter-spacing (a longer "name" is a list of units: 县委宣传部、…主要负责同志)
NAME_MAX = 4
# Closing formulas a bare short line may be, which are never a name: 此复, 特此通知
CLOSING = pattern(rf"(?:特此|此)[{HAN}]{{1,2}}", "此复", "特此通知")
# Where the roster's current role, and a role label printed alone, are kept while its member lines go on.
OPEN_ROLE = "roster_role"
OPEN_LABEL = "roster_label"


def members_of(line: Line, role: str, start: int, role_end: int) -> list[Member]:
    """The members printed from `start` in the line: several apart by 、 (each a name, its post in
    brackets or none), or one "name post" / "name（post）"."""
    listed = listed_members(line, role, start, role_end)
    return listed if listed else [member_of(line, role, start, role_end)]


def listed_members(line: Line, role: str, start: int, role_end: int) -> list[Member]:
    """Members apart by 、，；: "李华（副县长）、张伟（县应急管理局局长）", "张三、李四、王五"; [] for another line."""
    text = line.text
    body_end = len(text.rstrip().rstrip("。；;、，,"))     # a list that goes on the next line ends in 、
    cuts = outside_brackets(text, start, list(MEMBER_SEPARATOR.finditer(text, start, body_end)))
    if not cuts:
        return []
    bounds = [start] + [m.end() for m in cuts]
    ends = [m.start() for m in cuts] + [body_end]
    members = []
    for k, (a, b) in enumerate(zip(bounds, ends)):
        m = LISTED_MEMBER.fullmatch(text, a, b)
        if m is None:
            return []
        name_end = m.end("name")
        if m.group("post") is not None:
            post_start, post_end = m.start("post"), m.end("post")
        else:
            post_start, post_end = name_end, name_end
        end = bounds[k + 1] if k + 1 < len(bounds) else -1
        members.append(Member(line, role, role_end if k == 0 else 0, collapse(m.group("name")), post_start,
                              name_end, post_end, end=end))
    return members


def outside_brackets(text: str, start: int, separators: list[re.Match[str]]) -> list[re.Match[str]]:
    """The separators that stand outside brackets opened after `start` (not the 、 of "王明（县委副书记、县长）"),
    in one pass over the text."""
    kept: list[re.Match[str]] = []
    depth, pos = 0, start
    for m in separators:
        for ch in text[pos:m.start()]:
            if ch in "（(":
                depth += 1
            elif ch in "）)":
                depth = max(0, depth - 1)
        pos = m.start()
        if depth == 0:
            kept.append(m)
    return kept


def member_of(line: Line, role: str, start: int, role_end: int) -> Member:
    """Split "name post" or "name（post）" from `start` in the line.

    What no name begins (县委宣传部、县财政局主要负责同志: the units whose heads are members)
    is the post of a member whose name is not printed.
    """
    text = line.text
    bracketed = BRACKETED_POST.match(text, start)
    if bracketed is not None:
        name_end = bracketed.end("name")
        post_start, post_end = bracketed.start("post"), bracketed.end("post")
        return Member(line, role, role_end, collapse(bracketed.group("name")), post_start, name_end, post_end)
    tokens = text[start:].split()
    if not tokens:
        return Member(line, role, role_end, "", len(text))
    # a name letter-spaced: single characters, two to four ("李 皓", "王  明", "刘 建 国")
    singles = 0
    while singles < min(len(tokens), 4) and len(tokens[singles]) == 1:
        singles += 1
    count = singles if singles >= 2 else 1
    if count == 1 and len(tokens[0]) > NAME_MAX and "·" not in tokens[0]:
        lead = text.index(tokens[0], start)
        return Member(line, role, role_end, "", lead, lead)
    pos = start
    for token in tokens[:count]:
        pos = text.index(token, pos) + len(token)
    name_end = pos
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return Member(line, role, role_end, "".join(tokens[:count]), pos, name_end)


def parse_role_line(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    role = collapse(m.group("role"))
    state.close()
    state.open[OPEN_ROLE] = role
    if m.group("member") is None:
        # the label alone: kept as a paragraph until a member below takes it
        label = Para([whole(line)])
        state.append(label)
        state.open[OPEN_LABEL] = label
        return True
    for member in members_of(line, role, m.start("member"), m.start("member")):
        state.append(member)
    return True


def parse_member_line(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    role = state.open.get(OPEN_ROLE)
    if role is None and unlabelled_roster(state, line):
        state.close()
        role = state.open[OPEN_ROLE] = ""
    if role is None or CLOSING.fullmatch(line.text.strip()):
        return False
    members = members_of(line, role, 0, 0) if m.re is compiled(MEMBER_LIST_LINE) else [member_of(line, role, 0, 0)]
    if not members[0].name and m.re is compiled(MEMBER_LIST_LINE):
        return False
    label = state.open.pop(OPEN_LABEL, None)
    children = state.container.children
    if label is not None and children and children[-1] is label:
        children.pop()
        members[0].label = label.spans[0].line
    for member in members:
        state.append(member)
    return True


def parse_member_list_line(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    """Members listed on a line under a role, apart by 、: "张三、李四、王五"."""
    if state.open.get(OPEN_ROLE) is None or not listed_members(line, "", 0, 0):
        return False
    return parse_member_line(state, line, m)


def unlabelled_roster(state: BodyState, line: Line) -> bool:
    """Whether a member line with no role open starts a list of members printed without role labels.

    Two such lines in a row at least, and not inside a paragraph that ends mid-sentence (a
    line of text wrapped there is no member): "张三　某某区财政局局长" / "李四　某某区教育局局长".
    """
    para = state.para       # (an item printed bare, "（一）" alone, has no text yet)
    if para is not None and para.spans and state.repair and ends_open(para.spans[-1].line.text):
        return False
    following = state.lines[state.at + 1] if state.at + 1 < len(state.lines) else None
    return (following is not None and UNLABELLED_MEMBER.fullmatch(line.text) is not None
            and UNLABELLED_MEMBER.fullmatch(following.text) is not None)


PLUGIN = Plugin("rosters", (
    BlockRule("roster_role", ROLE_LINE, parse_role_line,
              first="".join(sorted({w[0] for w in ROLE_WORDS + RANKS}))),
    BlockRule("roster_member", MEMBER_LINE, parse_member_line, longest=MEMBER_LINE_LONGEST, markless=True),
    BlockRule("roster_members", MEMBER_LIST_LINE, parse_member_list_line, when=opened(OPEN_ROLE)),
))


def member_node(member: Member, b: Builder) -> Node:
    attrs = {"line": str((member.label or member.line).n)}
    if member.role:
        attrs["role"] = member.role      # a list printed without role labels has none
    el = Node("member", attrs)
    if member.label is not None:
        el.add(collapse(member.label.text))
    text = member.line.text
    if member.role_end:
        el.add(collapse(text[:member.role_end]))
    el.add(leaf("name", None, member.name))
    end = len(text) if member.end < 0 else member.end
    post_end = end if member.post_end < 0 else member.post_end
    post = text[member.post_start:post_end].strip()
    if post:
        between = text[member.name_end if member.name_end >= 0 else member.post_start:member.post_start]
        if member.name:
            el.add(between.strip() or " ")
        el.add(leaf("post", None, post))
    after = text[max(post_end, member.name_end):end].strip()
    if after:
        el.add(after)
    return el


RENDERS: dict[type, NodeFunction] = {Member: member_node}
