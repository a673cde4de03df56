"""The lossless guarantee of FORMAT.md, as a check anyone can run.

Take the Han characters and decimal digits (a full-width digit counts as its
ASCII twin) of the input. Take out, line by line, those of the `removed`
items in the residue and of the `fact` items of the page record. What is
left must be, character for character, the text of the output's reading
flow: every text node outside `source`, `page` and `residue`, in document
order.

One exception is line-anchored like residue: table text merged into a row
from a continuation line printed below it (`merged` @line) stands where the
row needs it, not where it was printed, so it is checked against its line.

The check runs inside every conversion, so it is one pass in C over the
input and one over the output's text nodes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex
from lxml import etree

from converter.normalise.lines import split_lines

# What is not reading text: anything but Han ideographs and decimal digits of any script.
NOT_READING = regex.compile(r"[^\p{Han}\p{Nd}]+")
# The same, keeping line ends: the input is read in one pass and cut into lines after.
NOT_READING_KEEP_LINES = regex.compile(r"[^\p{Han}\p{Nd}\n]+")
# A decimal digit that is not ASCII and not full-width (Arabic-Indic, Devanagari …)
OTHER_DIGIT = regex.compile(r"(?![0-9０-９])\p{Nd}")
# Full-width digits, the common case, fold to ASCII by a table.
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# The text nodes of a content element that are reading flow: all but a merged cell's own text.
FLOW_TEXT = etree.XPath("descendant::text()[not(parent::*[local-name()='merged'])]", smart_strings=False)


@dataclass(frozen=True)
class Loss:
    """Where input and output part: the input line and what each side has there."""

    line: int
    expected: str
    found: str

    def __str__(self) -> str:
        return f"line {self.line}: input has {self.expected!r}, output has {self.found!r}"


def fold_digits(chars: str) -> str:
    """Every decimal digit as its ASCII twin."""
    chars = chars.translate(FULL_WIDTH_DIGITS)
    if OTHER_DIGIT.search(chars):
        chars = OTHER_DIGIT.sub(lambda m: str(unicodedata.digit(m.group())), chars)
    return chars


def reading_chars(text: str) -> str:
    """The Han characters and digits of `text`, digits folded to ASCII."""
    return fold_digits(NOT_READING.sub("", text))


def input_reading_chars(text: str) -> list[str]:
    """reading_chars of each input line (split as normalise splits them), in one pass over the text."""
    return fold_digits(NOT_READING_KEEP_LINES.sub("", "\n".join(split_lines(text)))).split("\n")


# Elements whose text is checked against their @line instead of the flow: residue items,
# the facts a site printed about the document (not a bulletin imprint's facts: those are
# reading text), and text merged into a table row from the line below it.
ANCHORED_TEXT = etree.XPath("*[local-name()='residue']/*[local-name()='removed'] | *[local-name()='page']/*"
                            " | descendant::*[local-name()='merged']")
# Children of the archive that are not reading flow: what the input is, what a site
# printed about it (line-anchored facts), and the residue (line-anchored).
NOT_FLOW = ("source", "page", "residue")


def flow_text(root: etree._Element) -> str:
    """Text of the reading flow: all text outside source, page and residue, but merged cell text."""
    parts: list[str] = []
    for child in root:
        if isinstance(child.tag, str) and etree.QName(child).localname not in NOT_FLOW:
            parts.extend(FLOW_TEXT(child))
    return "".join(parts)


def residue_by_line(root: etree._Element) -> dict[int, list[str]]:
    """Line-anchored text (residue items, a page's facts, merged cell text) by input line."""
    items: dict[int, list[str]] = {}
    for el in ANCHORED_TEXT(root):
        items.setdefault(int(el.get("line") or 0), []).append(reading_chars(el.text or ""))
    return items


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


def check(input_text: str, xml: bytes | etree._Element) -> Loss | None:
    """None when the output keeps the input's reading text; else the first difference."""
    root = etree.fromstring(xml) if isinstance(xml, bytes) else xml
    residue = residue_by_line(root)
    expected: list[tuple[int, str]] = []
    for n, chars in enumerate(input_reading_chars(input_text), start=1):
        for taken in residue.get(n, []):
            rest = take_away(chars, taken)
            if rest is None:
                return Loss(n, chars, f"residue {taken!r}")
            chars = rest
        if chars:
            expected.append((n, chars))
    flow = reading_chars(flow_text(root))
    pos = 0
    for n, chars in expected:
        got = flow[pos:pos + len(chars)]
        if got != chars:
            return Loss(n, chars, got)
        pos += len(chars)
    if pos != len(flow):
        return Loss(0, "", flow[pos:pos + 40])
    return None
