"""The lossless guarantee of FORMAT.md, as a check anyone can run.

Take the Han characters and decimal digits (a full-width digit counts as its
ASCII twin) of the input. Take out, line by line, those of the `removed`
items in the residue. What is left must be, character for character, the
text of the output's reading flow: every text node outside `source` and
`residue`, in document order.

One exception is line-anchored like residue: table text merged into a row
from a continuation line printed below it (`merged` @line) stands where the
row needs it, not where it was printed, so it is checked against its line.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex
from lxml import etree

from converter.normalise import split_lines

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


def flow_text(root: etree._Element) -> str:
    """Text of the reading flow: all text outside source, residue and merged cells."""
    parts: list[str] = []
    for el in root.iter():
        if el is root:
            continue
        name = etree.QName(el).localname
        parent = el.getparent()
        # outside source and residue: their children (source/warning, residue/removed) are not reading text
        if name in ("source", "residue") or (parent is not None and etree.QName(parent).localname in ("source", "residue")):
            continue
        if el.text and name not in ANCHORED:
            parts.append(el.text)
        if el.tail and parent is not root:
            parts.append(el.tail)
    return "".join(parts)


def residue_by_line(root: etree._Element) -> dict[int, list[str]]:
    """Line-anchored text (residue items, merged cell text) by input line."""
    items: dict[int, list[str]] = {}
    for el in root.iter("{*}removed", "{*}merged"):
        items.setdefault(int(el.get("line")), []).append(reading_chars(el.text or ""))
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
    for n, line in enumerate(split_lines(input_text), start=1):
        chars = reading_chars(line)
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
