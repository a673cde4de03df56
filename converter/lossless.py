"""The lossless guarantee of FORMAT.md, as a check anyone can run.

Take the Han characters and decimal digits (a full-width digit counts as its
ASCII twin) of the input. Take out, line by line, those of the `removed`
items in the residue and the `fact` items of the page record. What is left
must be, character for character, the text of the output's reading flow:
every text node outside `source`, `page` and `residue`, in document order.

One exception is line-anchored like residue: table text merged into a row
from a continuation line printed below it (`merged` @line) stands where the
row needs it, not where it was printed, so it is checked against its line.

An anchored item starts at its line and may run on into the lines after it
(a fact whose value is printed under its label, a table row of an HTML page
whose cells stand on several source lines): what its line does not hold is
taken, in order, from the next lines with reading characters, and at least
one of its characters must stand on its own line when that line has any.

An HTML input is read as a browser reads it: a character reference stands
for the character it names (&#20013; is 中), in the input and in its `markup`
residue, which is source as it stands; other residue and the flow hold text
already read so (`normalise.html.looks_like_html` tells such an input).
"""

from __future__ import annotations

import html
import unicodedata
from collections import Counter
from dataclasses import dataclass

import regex
from lxml import etree

from converter.normalise.html import looks_like_html
from converter.normalise.lines import split_lines

# One reading character: a Han ideograph or a decimal digit of any script.
READING_CHAR = regex.compile(r"[\p{Han}\p{Nd}]")


@dataclass(frozen=True)
class Loss:
    """Where input and output part: the input line and what each side has there."""

    line: int
    expected: str
    found: str

    def __str__(self) -> str:
        return f"line {self.line}: input has {self.expected!r}, output has {self.found!r}"


def reading_chars(text: str) -> str:
    return "".join(
        str(unicodedata.digit(ch)) if unicodedata.category(ch) == "Nd" else ch
        for ch in READING_CHAR.findall(text)
    )


# Elements whose text is checked against their @line instead of the flow.
ANCHORED = ("removed", "merged")
# Children of the root that are not reading flow: their items are anchored (or, for source, not text).
OUTSIDE_FLOW = ("source", "page", "residue")


def flow_text(root: etree._Element) -> str:
    """Text of the reading flow: all text outside source, page, residue and merged cells."""
    parts: list[str] = []
    for el in root.iter():
        if el is root:
            continue
        name = etree.QName(el).localname
        parent = el.getparent()
        if name in OUTSIDE_FLOW or (parent is not None and etree.QName(parent).localname in OUTSIDE_FLOW):
            continue
        if el.text and name not in ANCHORED:
            parts.append(el.text)
        if el.tail and parent is not root:
            parts.append(el.tail)
    return "".join(parts)


def residue_by_line(root: etree._Element, references: bool = False) -> dict[int, list[str]]:
    """Line-anchored text (residue items, page facts, merged cell text) by input line.

    `references`: read the character references of markup residue as the characters they name (an HTML input).
    """
    items: dict[int, list[str]] = {}
    anchored = [*root.iter("{*}removed", "{*}merged"), *root.iterfind("{*}page/{*}fact")]
    for el in anchored:
        text = el.text or ""
        if references and el.get("reason") == "markup":
            text = html.unescape(text)
        items.setdefault(int(el.get("line") or 0), []).append(reading_chars(text))
    return items


def take_leading(chars: str, taken: str) -> tuple[str, str]:
    """chars without the longest start of `taken` that stands in them in order; and the rest of `taken`."""
    out, k = [], 0
    for ch in chars:
        if k < len(taken) and ch == taken[k]:
            k += 1
        else:
            out.append(ch)
    return "".join(out), taken[k:]


def take_away(chars: str, taken: str) -> str | None:
    """chars without `taken`: as one run if it stands so, else as a subsequence."""
    if not taken:
        return chars
    at = chars.find(taken)
    if at >= 0:
        return chars[:at] + chars[at + len(taken):]
    out, k = [], 0
    for ch in chars:
        if k < len(taken) and ch == taken[k]:
            k += 1
        else:
            out.append(ch)
    return "".join(out) if k == len(taken) else None


def by_flow(chars: str, taken: list[str], flow: str, pos: int) -> str | None:
    """The flow's part of a line when its anchored items leave it ambiguous, or None.

    A line may hold the same character in its text and in its markup
    ("123<?php echo 1; ?>"): taking the first "1" away for the residue leaves
    "231". Then the flow decides: the line must be the flow's next characters
    interleaved, in order, with exactly the characters of its items.
    """
    anchored = "".join(taken)
    part = flow[pos:pos + len(chars) - len(anchored)]
    if len(part) + len(anchored) != len(chars):
        return None
    left, rest = take_leading(chars, part)
    return part if not rest and Counter(left) == Counter(anchored) else None


def take_items(chars: str, taken: list[str]) -> tuple[str, str] | None:
    """chars without the anchored items of its line, in turn; what they still need from the lines after it.

    None when an item has none of its characters on its line (one without reading characters does not count:
    a line read from several source lines starts where its first printed character stands).
    """
    carried = ""
    for item in taken:
        left = take_away(chars, item)
        if left is None:
            chars, more = take_leading(chars, item)
            if more == item and chars:
                return None
            carried += more
        else:
            chars = left
    return chars, carried


def check(input_text: str, xml: bytes | etree._Element) -> Loss | None:
    """None when the output keeps the input's reading text; else the first difference."""
    root = etree.fromstring(xml) if isinstance(xml, bytes) else xml
    references = looks_like_html(input_text)
    residue = residue_by_line(root, references)
    flow = reading_chars(flow_text(root))
    pos = 0
    carried = ""                  # what an anchored item still needs from the lines after its own
    for n, line in enumerate(split_lines(input_text), start=1):
        chars = reading_chars(html.unescape(line) if references else line)
        if carried and chars:
            chars, still = take_leading(chars, carried)
            if still == carried:
                return Loss(n, chars, f"residue running on {carried!r}")
            carried = still
        taken = residue.get(n, [])
        result = take_items(chars, taken)
        if result is None or result[1] or flow[pos:pos + len(result[0])] != result[0]:
            alone = by_flow(chars, taken, flow, pos)
            if alone is not None:
                result = (alone, "")
        if result is None:
            return Loss(n, chars, f"residue {taken!r}")
        rest, more = result
        got = flow[pos:pos + len(rest)]
        if got != rest:
            return Loss(n, rest, got)
        carried += more
        pos += len(rest)
    if carried:
        return Loss(0, "", f"residue running past the end {carried!r}")
    if pos != len(flow):
        return Loss(0, "", flow[pos:pos + 40])
    return None
