"""What follows a speech's head: its body in parts, the 附件 after it, its glossary.

    “十四五”时期发展成就和2025年工作回顾       a part heading: no numeral, above the 一、 that
    …                                          number the part's sections
    一、…
    附件                                        an attachment: label, title, content
    2026年民生实事                              (1.…（牵头单位：…）。 items)
    名词解释 / 注释                             the glossary: before, among or after the 附件

A part heading is told by the genre, not guessed: a short line with no sentence
punctuation, followed by a line of text (not by another short line, not by a
table), at a place where the report's numbering 一、 starts (again) below it;
or a part that prints its number (第三部分 加强政府自身建设), wherever it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from converter.blocks import SHARED, glossary
from converter.blocks.parser import HEADING_MAX, RuleSet, parse_body, walk_blocks
from converter.blocks.table import is_row
from converter.forms.official import ATTACHMENT_LABEL, is_label
from converter.forms.speech.head import is_salutation
from converter.model.blocks import Attachment, Para, Section
from converter.model.context import Context
from converter.model.document import Glossary
from converter.model.node import Node, node
from converter.model.text import Line, Lines, Span, collapse, plain, split_at, whole
from converter.patterns import pattern
from converter.tree.builder import Builder, NodeFunction
from converter.rules import CN_DIGITS, NUM_L1, SENTENCE_END, SENTENCE_PUNCT, section_start
from converter.values import cn_number

# A label and its title on one line: "附件：2026年民生实事", "附件2：…", "附：2026年…民生实事项目"
ATTACHMENT_LINE = pattern(r"(?P<label>附\s{0,2}(?:件\s{0,2}(?P<num>[\d一二三四五六七八九十]{0,3}))?\s{0,2}[:：])"
                          r"\s{0,2}(?P<title>[^。；;]{2,60})",
                          "附件：2026年民生实事", "附件2：2026年重点项目", "附：2026年民生实事项目")
# A part heading that numbers its part: "第一部分  2025年工作回顾", "第二部分"
NUMBERED_PART = pattern(rf"(?P<num>第\s{{0,2}}[{CN_DIGITS}]{{1,3}}\s{{0,2}}部\s{{0,2}}分)\s{{0,4}}(?P<rest>[^。！？!?]{{0,30}})",
                        "第一部分  2025年工作回顾", "第二部分")
# The longest part heading, and the longest attachment title.
PART_HEADING_MAX = 30
ATTACHMENT_TITLE_MAX = 80


@dataclass(slots=True, eq=False, repr=False)
class PartHeading:
    """A heading without a numeral that stands above the numbered sections of a part."""

    spans: list[Span]

    @property
    def line(self) -> int:
        return self.spans[0].line.n


@dataclass(eq=False, repr=False)
class Rest:
    """The body, attachments and glossary of a speech, from its head down to its foot."""

    body: list[Any] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    glossary: Glossary | None = None


# --- the body ---------------------------------------------------------------------

def sentence_headings(blocks: list[Any], ctx: Context) -> list[Any]:
    """A numbered line that is one long sentence (1.…（牵头单位：…）。) has no heading: its text is its first paragraph."""
    def expand(block: Any) -> list[Any]:
        if isinstance(block, Section) and len(block.heading) == 1:
            text = block.heading[0].text.rstrip()
            if len(text) > HEADING_MAX and SENTENCE_END.search(text[-2:]):
                block.children.insert(0, Para(block.heading))
                block.heading = []
        return [block]
    return walk_blocks(blocks, expand)


_WITH_TEXT_HEADINGS = SHARED.plus(glossary.HEADING_AS_TEXT, before=SHARED.names()[0])
# The rules a speech's body and attachments are read with: the shared ones, a glossary heading
# with no entries kept as a paragraph of its own, and sentences taken back from headings before
# 责任单位 are split off them.
RULES = RuleSet(_WITH_TEXT_HEADINGS.rules, (sentence_headings, *_WITH_TEXT_HEADINGS.finishers))


def starts_numbering(line: Line) -> bool:
    """A 一、 line: the first of a run of top-level sections."""
    m = NUM_L1.match(line.text)
    return m is not None and cn_number(m.group("n")) == 1


def part_headings(lines: Lines) -> list[int]:
    """The indexes of the part headings among the body's lines."""
    heads: list[int] = []
    opens_numbering = False        # whether the next top-level numeral below is 一、
    for k in range(len(lines) - 1, -1, -1):
        text = lines[k].text
        # (numbered_part's first test made here, without its call, at every line)
        if (opens_numbering and is_part_heading(lines, k)) or ("部" in text[:8] and numbered_part(lines[k])):
            heads.append(k)
        m = NUM_L1.match(text) if text and text[0] in CN_DIGITS else None     # (a match opens with a numeral)
        number = cn_number(m.group("n")) if m else None
        if number is not None:
            opens_numbering = number == 1
    return heads[::-1]


def numbered_part(line: Line) -> re.Match[str] | None:
    """A part heading with its number (第一部分 …): a part wherever it stands, whatever numbering is under it."""
    return NUMBERED_PART.fullmatch(line.text.strip()) if "部" in line.text[:8] else None


def is_part_heading(lines: Lines, k: int) -> bool:
    """Line k may head a part: short, no sentence punctuation, a line of text (or 一、) below it."""
    line = lines[k]
    # the punctuation first, in the line as printed: collapse takes out only white space, so the collapsed
    # text holds a sentence mark exactly when the line does (most lines, prose: no collapse for them)
    if SENTENCE_PUNCT.search(line.text):
        return False
    text = collapse(line.text)
    if not 2 <= len(text) <= PART_HEADING_MAX or is_row(line) or text[-1] in "、":
        return False
    if section_start(text) or glossary.is_heading(line) or is_salutation(line):
        return False
    if k + 1 >= len(lines):
        return False
    below = lines[k + 1]
    below_text = collapse(below.text)
    return not is_row(below) and (starts_numbering(below) or len(below_text) > PART_HEADING_MAX
                                  or SENTENCE_PUNCT.search(below_text) is not None)


def parse_parts(lines: Lines, ctx: Context) -> list[Any]:
    """The body, cut at its part headings; each part's numbering is its own."""
    heads = part_headings(lines)
    blocks: list[Any] = parse_body(lines[:heads[0]] if heads else lines, ctx, RULES)
    for start, part in split_at(lines, heads):
        blocks.append(PartHeading([whole(part[0])]))
        blocks.extend(parse_body(part[1:], ctx, RULES))
    return blocks


# --- attachments and glossary ---------------------------------------------------------

def label_at(line: Line) -> tuple[Span, str, Span | None] | None:
    """An attachment's label (附件, 附件2), with the title when it stands on the label's line."""
    if not line.text.lstrip().startswith("附") or glossary.is_heading(line):
        return None
    if is_label(line):
        m = ATTACHMENT_LABEL.fullmatch(line.text.strip())
        return whole(line), m.group("num") if m else "", None
    m = ATTACHMENT_LINE.fullmatch(line.text.strip())
    if not m:
        return None
    lead = len(line.text) - len(line.text.lstrip())
    return (Span(line, lead, lead + m.end("label")), m.group("num") or "",
            Span(line, lead + m.start("title"), lead + m.end("title")))


def glossary_at(lines: Lines, ctx: Context, title: Span | None = None) -> Glossary | None:
    """The glossary whose heading is lines[0] (or `title`, with entries from lines[0]), if it has entries."""
    found = glossary.parse_glossary(lines, ctx.warn, title)
    if not found.entries:
        ctx.warn(found.line, "a glossary heading with no entries under it; kept as text")
        return None
    return found


def parse_rest(lines: Lines, ctx: Context) -> Rest:
    """Body, attachments and glossary of `lines` (everything below the head, above the foot)."""
    rest = Rest()
    # (label_at's first test, a label opens with 附, made here without its call: most lines hold no 附)
    labels = [k for k in range(len(lines)) if "附" in lines[k].text and label_at(lines[k])]
    a = labels[0] if labels else len(lines)
    g = glossary.find_heading(lines[:a])
    if g is not None:
        rest.glossary = glossary_at(lines[g:a], ctx)
        if rest.glossary is None:
            g = None
    rest.body = parse_parts(lines[:g if g is not None else a], ctx)
    for k, (start, chunk) in enumerate(split_at(lines, labels)):
        last = k == len(labels) - 1 and rest.glossary is None
        attachment, late = parse_attachment(chunk, ctx, last)
        rest.attachments.append(attachment)
        if late is not None:
            rest.glossary = late
    return rest


def parse_attachment(lines: Lines, ctx: Context, last: bool) -> tuple[Attachment, Glossary | None]:
    """One attachment: its label, title and content. A glossary under its label is its content;
    one that follows the content of the last attachment is the document's (returned apart)."""
    found = label_at(lines[0])
    assert found is not None
    label, num, title = found
    attachment = Attachment(label, num, [title] if title else [], [], lines[0].n)
    i = 1
    if title is not None and glossary.is_heading_text(title.text):
        gl = glossary_at(lines[1:], ctx, title)
        if gl is not None:
            attachment.title = []
            attachment.blocks = [gl]
            return attachment, None
    if title is None and i < len(lines) and glossary.is_heading(lines[i]):
        gl = glossary_at(lines[i:], ctx)
        if gl is not None:
            attachment.blocks = [gl]
            return attachment, None
    if (title is None and i < len(lines) and len(lines[i].text) <= ATTACHMENT_TITLE_MAX
            and "。" not in lines[i].text and not (i + 1 < len(lines) and is_row(lines[i + 1]))):
        attachment.title = [whole(lines[i])]
        i += 1
    g = glossary.find_heading(lines, i)
    gl = glossary_at(lines[g:], ctx) if g is not None else None
    end = g if gl is not None and g is not None else len(lines)
    attachment.blocks = parse_body(lines[i:end], ctx, RULES)
    if gl is not None and last:
        return attachment, gl
    if gl is not None:
        attachment.blocks.append(gl)
    return attachment, None


# --- nodes ---------------------------------------------------------------------------

def part_heading_node(heading: PartHeading, b: Builder) -> Node:
    m = numbered_part(heading.spans[0].line) if len(heading.spans) == 1 else None
    if m and m.group("rest"):
        # 第一部分 and its heading stay one space apart: "第一部分 2025年工作回顾"
        return node("heading", heading.line, f"{collapse(m.group('num'))} {collapse(m.group('rest'))}")
    return node("heading", heading.line, plain(heading.spans))


RENDERS: dict[type, NodeFunction] = {PartHeading: part_heading_node}
