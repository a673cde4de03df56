"""Glossary (名词解释 / 名词注释 / 注释) and the footnote markers that point at it.

Entries come in every layout converters produce: "1、**三保**：…",
"1. 六税两费：…", "- 1.六个致力:…", bold that splits a term ("社**区康复直通车:**"),
and definitions continued on the next line or across a page-number line.

Markers (①, <sup>①</sup>, ［1］) are often misnumbered in real documents, so a
marker is linked first to the entry whose *term* ends the text before it, then
by its number; a marker that fits no entry stays text, with a warning.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Sequence

from converter.blocks.parser import BlockRule, BodyState, Plugin
from converter.model.blocks import Para
from converter.model.document import Entry, Glossary
from converter.model.node import Node, leaf
from converter.tree.builder import Builder, NodeFunction
from converter.model.text import Line, Span, joined, plain, tail, whole
from converter.patterns import pattern
from converter.rules import EXPLICIT_MARKS, SENTENCE_PUNCT, TERMINAL

# "名词解释", "名 词 解 释", "《政府工作报告》名词注释", "注释", "附：名词解释（按出现先后排序）",
# "【名词解释】", "政府工作报告名词解释", "注释："
GLOSSARY_HEADING = pattern(
    r"(?:附\s{0,2}[:：]\s{0,2})?[【\[]?\s{0,2}(?:《[^》]{1,40}》|[^\s，。；：《》【】\[\]]{0,20}?报\s{0,2}告)?\s{0,2}"
    r"(?:名\s{0,2}词\s{0,2}(?:解\s{0,2}释|注\s{0,2}释|说\s{0,2}明)|注\s{0,2}释|词\s{0,2}语\s{0,2}解\s{0,2}释)"
    r"\s{0,2}[】\]]?\s{0,2}(?:[（(][^）)]{1,30}[）)])?\s{0,2}[:：]?",
    "名词解释", "名 词 解 释", "《政府工作报告》名词注释", "注释", "附：名词解释（按出现先后排序）",
    "【名词解释】", "政府工作报告名词解释", "注释：",
)
# An entry's number: "1、", "1.", "10. " ("20、4.0 版园区" is entry 20; "4.0" alone is no
# number), "（1）", "[1]", "①"
ENTRY_NUM = pattern(
    r"(?P<num>(?P<n>\d{1,3})\s{0,2}(?:、|[.．](?!\d))|[（(\[［](?P<b>\d{1,3})[）)\]］]"
    r"|(?P<c>[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])\s{0,2}[、.．]?)",
    "1、三保", "10. 六税两费", "（1）", "［2］", "①",
)
# An entry number printed so that only its place in the sequence tells it from text: followed by
# a space alone ("1 三保："), or by a term that begins with digits ("1.5G基站：")
LOOSE_ENTRY_NUM = pattern(r"(?P<num>(?P<n>\d{1,3})(?:\s{1,3}|[.．](?=\d)))", "1 三保：", "1.5G基站：")
# An entry without a number: a short term, a colon, its definition: "三保：保基本民生…"
UNNUMBERED_ENTRY = pattern(r"(?P<term>[^：:。，,；;！？]{1,30})[：:]\s{0,3}\S", "三保：保基本民生")
# The colon that ends a term: "三保：", "AA+主体信用评级: "
TERM_END = pattern(r"[:：]", "三保：")
# The longest term looked for before its colon.
TERM_MAX = 60
# What ends a definition's line when the next line may start an entry of its own.
SENTENCE_ENDS = TERMINAL + "”’」』）)"
# Superscript digits, for a marker's number
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# What is ignored when a term is compared with the text before a marker.
TERM_NOISE = pattern(r"[\s“”\"'‘’「」『』《》〈〉]", "“三保”")
# What is not a digit, in a marker's number
NOT_DIGIT = pattern(r"\D", "［")

Resolver = Callable[[str, str, bool], "str | None"]


def is_heading(line: Line) -> bool:
    return is_heading_text(line.text)


def is_heading_text(text: str) -> bool:
    # cheap test first: every heading GLOSSARY_HEADING matches ends its words in 释 (解释, 注释) or 明 (说明)
    return ("释" in text or "明" in text) and GLOSSARY_HEADING.fullmatch(text.strip()) is not None


def find_heading(lines: Sequence[Line], start: int = 0) -> int | None:
    # (is_heading_text's cheap test made here, without its two calls, at every line)
    return next((i for i in range(start, len(lines))
                 if ("释" in (text := lines[i].text) or "明" in text) and is_heading_text(text)), None)


def parse_glossary(lines: Sequence[Line], warn: Callable[[int, str], None], title: Span | None = None) -> Glossary:
    """Parse a glossary whose heading is lines[0] (or `title`, printed elsewhere, with the entries from lines[0])."""
    if title is None:
        title, lines = whole(lines[0]), lines[1:]
    glossary = Glossary([title], [], [], title.line.n)
    expected = 1
    if not any(ENTRY_NUM.match(line.text) or LOOSE_ENTRY_NUM.match(line.text) for line in lines):
        return parse_unnumbered(glossary, lines)
    ended = True                 # the line before ended its sentence (or there was none)
    for line in lines:
        entry = parse_entry(line, expected, bool(glossary.entries)) or parse_loose_entry(line, expected, ended)
        ended = not line.text.rstrip() or line.text.rstrip()[-1] in SENTENCE_ENDS
        if entry is not None:
            if entry.n != expected:
                warn(line.n, f"glossary entry {entry.n} where {expected} was expected")
            glossary.entries.append(entry)
            expected = entry.n + 1
        elif glossary.entries:
            glossary.entries[-1].definition.append(whole(line))
        else:
            glossary.notes.append(Para([whole(line)]))
    return glossary


def parse_unnumbered(glossary: Glossary, lines: Sequence[Line]) -> Glossary:
    """Entries printed without numbers: each "term：definition" line starts one."""
    for line in lines:
        m = UNNUMBERED_ENTRY.match(line.text)
        if m:
            term_end = m.end("term")
            definition = tail(line, term_end + 1)
            glossary.entries.append(Entry(len(glossary.entries) + 1, None, [Span(line, 0, term_end)],
                                          [definition], line.n))
        elif glossary.entries:
            glossary.entries[-1].definition.append(whole(line))
        else:
            glossary.notes.append(Para([whole(line)]))
    return glossary


def parse_entry(line: Line, expected: int, started: bool) -> Entry | None:
    m = ENTRY_NUM.match(line.text)
    if not m:
        return None
    n = int(m.group("n") or m.group("b")) if not m.group("c") else marker_number(m.group("c"))
    if n is None:
        return None
    rest = tail(line, m.end("num"))
    num = Span(line, m.start("num"), m.end("num"))
    colon = TERM_END.search(line.text, rest.start, rest.start + TERM_MAX + 1)
    in_sequence = n == expected or (started and expected <= n <= expected + 2)
    if colon is None:
        if not in_sequence:
            return None
        if SENTENCE_PUNCT.search(rest.text) or len(rest.text) > TERM_MAX:
            return Entry(n, num, [], [rest], line.n)      # a note with no term: "［1］指……。"
        return Entry(n, num, [rest], [], line.n)
    if not in_sequence and started:
        return None
    if SENTENCE_PUNCT.search(line.text, rest.start, colon.start()):
        return Entry(n, num, [], [rest], line.n)          # a sentence before the colon: a note, no term
    return entry_with_term(line, n, num, rest, colon)


def parse_loose_entry(line: Line, expected: int, ended: bool) -> Entry | None:
    """"1 三保：…", "1.5G基站：…": the number that comes next, a term and its colon, after a line that ended."""
    m = LOOSE_ENTRY_NUM.match(line.text)
    if not m or not ended or int(m.group("n")) != expected:
        return None
    rest = tail(line, m.end("num"))
    colon = TERM_END.search(line.text, rest.start, rest.start + TERM_MAX + 1)
    if colon is None or not rest.text[:1].strip() or SENTENCE_PUNCT.search(line.text, rest.start, colon.start()):
        return None
    return entry_with_term(line, expected, Span(line, m.start("num"), m.end("num")), rest, colon)


def entry_with_term(line: Line, n: int, num: Span, rest: Span, colon: re.Match[str]) -> Entry:
    term = Span(line, rest.start, colon.start())
    term_end = len(term.text.rstrip())
    definition = tail(line, colon.end())
    return Entry(n, num, [Span(line, term.start, term.start + term_end)], [definition], line.n)


def keep_heading_as_text(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    """A glossary heading left in the body (it has no entries) is a paragraph of its own:
    a line that was a heading is no half sentence for the next line to continue."""
    if not is_heading(line):
        return False
    state.close()
    state.append(Para([whole(line)]))
    return True


# Read in a body: a glossary heading with no entries under it (the glossary itself is cut off before)
# A heading GLOSSARY_HEADING matches holds 释 (解释, 注释) or 明 (说明), and keep_heading_as_text passes any
# other line (is_heading says no) without touching the parse state: the rule is given once for each of the
# two, so that the parser skips it, by `contains`, on a line with neither (most lines) without running the
# pattern. A line with both is tried twice, the second time as the first (same line, same state): a pass
# again, or never tried, the first having taken the line.
HEADING_AS_TEXT = Plugin("glossary-heading", (
    BlockRule("glossary-heading", GLOSSARY_HEADING, keep_heading_as_text, contains="释"),
    BlockRule("glossary-heading-ming", GLOSSARY_HEADING, keep_heading_as_text, contains="明"),
))


def term_key(text: str) -> str:
    return TERM_NOISE.sub("", text)


def marker_number(marker: str) -> int | None:
    code = ord(marker[0])
    if 0x2460 <= code <= 0x2473:
        return code - 0x2460 + 1
    if 0x3251 <= code <= 0x325F:
        return code - 0x3251 + 21
    if 0x32B1 <= code <= 0x32BF:
        return code - 0x32B1 + 36
    digits = NOT_DIGIT.sub("", marker.translate(SUPERSCRIPTS))
    return int(digits) if digits else None


def resolver(glossary: Glossary) -> Resolver:
    """A function (text before, marker, explicit) → entry id or None.

    `explicit` markers (in <sup> or brackets) fall back to their number; a bare
    circled numeral links only by term, since ① also numbers plain lists.
    """
    by_term = sorted(((term_key(joined(e.term)), e) for e in glossary.entries if e.term),
                     key=lambda pair: -len(pair[0]))
    by_number: dict[int, Entry] = {}
    for entry in glossary.entries:
        by_number.setdefault(entry.n, entry)

    def resolve(before: str, marker: str, explicit: bool) -> str | None:
        key = term_key(before)
        for term, entry in by_term:
            if term and key.endswith(term):
                return entry.id
        number = marker_number(marker)
        if (explicit or marker[0] in EXPLICIT_MARKS) and number in by_number:
            return by_number[number].id
        return None

    return resolve


def glossary_node(glossary: Glossary, b: Builder) -> Node:
    el = Node("glossary", {"line": str(glossary.line)})
    el.add(leaf("title", glossary.title[0].line.n, plain(glossary.title)))
    for note in glossary.notes:
        el.add(Node("p", {"line": str(note.line)}, b.inline(note.spans)))
    for entry in glossary.entries:
        e = Node("entry", {"line": str(entry.line), "n": str(entry.n), "id": entry.id})
        if entry.num is not None:
            e.add(leaf("num", None, entry.num.text.strip()))
        e.add(leaf("term", None, plain(entry.term)))
        e.add(Node("definition", {}, b.inline(entry.definition)))
        el.add(e)
    return el


RENDERS: dict[type, NodeFunction] = {Glossary: glossary_node}
