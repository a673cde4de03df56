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

import unicodedata
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from converter.normalise.html import looks_like_html
from converter.normalise.lines import split_lines
from converter.patterns import pattern
from converter.unicode_ranges import DIGIT_RANGES, HAN_RANGES, bmp, char_class

# The reading text: Han ideographs and decimal digits of any script (\p{Han}, \p{Nd}).
ALPHABET = HAN_RANGES + DIGIT_RANGES
# Decimal digits that are neither ASCII nor full-width: Arabic-Indic, Devanagari …
OTHER_DIGITS = tuple(r for r in DIGIT_RANGES if r not in ((0x30, 0x39), (0xFF10, 0xFF19)))
# A character beyond the Basic Multilingual Plane: "𠀀" (an ideograph of extension B), an emoji.
# Text without any (nearly all) is read by the patterns of BMP characters alone, which re
# tells by one table lookup a character; with astral ranges in a class it tries each in turn.
# (The definition: beyond_bmp answers it at a tenth of this search's cost; the tests compare.)
BEYOND_BMP = pattern(r"[\U00010000-\U0010ffff]", "\U00020000")
# How many characters beyond_bmp encodes at a time (a copy of 128 kB, whatever the input's size).
PLANE_CHUNK = 65536
# The commonest gaps between runs of reading text in Chinese prose (half of them), taken out before the
# runs are found: the pattern costs some 0.3 µs a run it finds, a replace a fraction of that.
GAPS = ("，", "、", "。")
# Runs of reading text: "第1条", "𠀀"
READING_RUN = pattern(f"[{char_class(ALPHABET)}]+", "第1条", "\U00020000")
READING_RUN_BMP = pattern(f"[{char_class(bmp(ALPHABET))}]+", "第1条")
# Runs of reading text and line ends: the input is read in one pass and cut into lines after.
READING_LINES = pattern(f"[{char_class(ALPHABET)}\n]+", "第1条\n")
READING_LINES_BMP = pattern(f"[{char_class(bmp(ALPHABET))}\n]+", "第1条\n")
# A decimal digit that is neither ASCII nor full-width: ٣ (Arabic-Indic), ३ (Devanagari)
OTHER_DIGIT = pattern(f"[{char_class(OTHER_DIGITS)}]", "٣", "३", "\U0001d7ce")
OTHER_DIGIT_BMP = pattern(f"[{char_class(bmp(OTHER_DIGITS))}]", "٣", "३")
# Full-width digits, the common case, each folded to its ASCII twin.
FULL_WIDTH_DIGITS = tuple(zip("０１２３４５６７８９", "0123456789"))
# The text nodes of a content element that are reading flow: all but a merged cell's own text.
# (The definition; add_flow computes it faster, and the tests compare the two.)
FLOW_TEXT = etree.XPath("descendant::text()[not(parent::*[local-name()='merged'])]", smart_strings=False)
# Line-anchored items, checked against their @line instead of the flow: residue items and text
# merged into a table row from the line below it, in document order; then the facts a site
# printed about the document (not a bulletin imprint's facts: those are reading text).
# (The definition; anchored_in_order finds them faster, and the tests compare the two.)
ANCHORED_IN_ORDER = etree.XPath("*[local-name()='residue']/*[local-name()='removed']"
                                " | descendant::*[local-name()='merged']")
PAGE_FACTS = etree.XPath("*[local-name()='page']/*[local-name()='fact']")
# Children of the archive that are not reading flow: what the input is, what a site
# printed about it (line-anchored facts), and the residue (line-anchored).
NOT_FLOW = ("source", "page", "residue")


@dataclass(frozen=True, eq=False, repr=False)
class Loss:
    """Where input and output part: the input line and what each side has there."""

    line: int
    expected: str
    found: str

    def __str__(self) -> str:
        return f"line {self.line}: input has {self.expected!r}, output has {self.found!r}"


def fold_digits(chars: str, beyond: bool | None = None) -> str:
    """Every decimal digit as its ASCII twin.

    `beyond`: whether `chars` may hold characters beyond the BMP; None: look (a
    pattern's scan, as costly as the folding: reading_chars knows it already).
    """
    for full_width, ascii_digit in FULL_WIDTH_DIGITS:
        if full_width in chars:             # ten scans cost less than translating every character
            chars = chars.replace(full_width, ascii_digit)
    if beyond is None:
        beyond = beyond_bmp(chars)
    other = OTHER_DIGIT if beyond else OTHER_DIGIT_BMP
    if other.search(chars):
        chars = other.sub(lambda m: str(digit_value(m.group())), chars)
    return chars


def digit_value(digit: str) -> int:
    """A decimal digit's value: by the interpreter's Unicode, else by its place in its block of ten (a digit
    of a newer Unicode than the interpreter's, which the table of digits already holds)."""
    value = unicodedata.digit(digit, None)
    if value is not None:
        return value
    code = ord(digit)
    start = next((a for a, b in DIGIT_RANGES if a <= code <= b), code)
    return (code - start) % 10


def reading_runs(text: str, lines: bool = False) -> str:
    """The Han characters and digits of `text` (and its line ends, with `lines`), digits as printed."""
    return runs_and_plane(text, lines)[0]


def runs_and_plane(text: str, lines: bool = False) -> tuple[str, bool]:
    """reading_runs, and whether `text` holds characters beyond the BMP (if it holds none, neither do its runs)."""
    beyond = beyond_bmp(text)
    for gap in GAPS:                # (not reading text: the runs are the same without them)
        text = text.replace(gap, "")
    if lines:
        return "".join((READING_LINES if beyond else READING_LINES_BMP).findall(text)), beyond
    return "".join((READING_RUN if beyond else READING_RUN_BMP).findall(text)), beyond


def beyond_bmp(text: str) -> bool:
    """Whether `text` holds a character beyond the BMP: UTF-16 writes each such character as two units."""
    for start in range(0, len(text), PLANE_CHUNK):
        chunk = text[start:start + PLANE_CHUNK]
        if len(chunk.encode("utf-16-le", "surrogatepass")) != 2 * len(chunk):
            return True
    return False


def reading_chars(text: str) -> str:
    """The Han characters and digits of `text`, digits folded to ASCII."""
    runs, beyond = runs_and_plane(text)
    return fold_digits(runs, None if beyond else False)


def input_reading_chars(text: str, references: bool = False) -> list[str]:
    """reading_chars of each input line (split as normalise splits them), in one pass over the text.

    `references`: read character references as the characters they name (an HTML input).
    """
    if references:
        import html     # here, not at the top: only HTML inputs need it (its table of entities is costly to import)

        joined = "\n".join(html.unescape(line).replace("\n", " ") for line in split_lines(text))
    elif "\r" in text:
        joined = "\n".join(split_lines(text))
    else:                                   # the lines joined again are the text without its last line end
        joined = text[:-1] if text.endswith("\n") else text
    runs, beyond = runs_and_plane(joined, lines=True)
    return fold_digits(runs, None if beyond else False).split("\n")


def flow_text(root: etree._Element) -> str:
    """Text of the reading flow: all text outside source, page and residue, but merged cell text."""
    parts: list[str] = []
    for child in root:
        if isinstance(child.tag, str) and etree.QName(child).localname not in NOT_FLOW:
            add_flow(child, parts)
    return "".join(parts)


def add_flow(el: etree._Element, parts: list[str]) -> None:
    """The flow text of `el` (not its tail) onto `parts`: FLOW_TEXT's text nodes, in order.

    A subtree without merged cell text lxml writes whole; only the elements
    above a merged cell are walked, and a merged cell's own text (its text and
    its children's tails) is left out.
    """
    if next(el.iter("{*}merged"), None) is None:
        parts.append(etree.tostring(el, method="text", encoding=str, with_tail=False))
        return
    own = etree.QName(el).localname != "merged"
    if own and el.text:
        parts.append(el.text)
    for child in el:
        if isinstance(child.tag, str):      # (a comment's text is no text node)
            add_flow(child, parts)
        if own and child.tail:
            parts.append(child.tail)


def anchored_in_order(root: etree._Element) -> list[etree._Element]:
    """ANCHORED_IN_ORDER's elements, by lxml's tag search (the pattern tests a name function on every element)."""
    found: list[etree._Element] = []
    for child in root:
        if not isinstance(child.tag, str):
            continue
        if etree.QName(child).localname == "residue":       # its removed items, and merged text at any depth
            found.extend(el for el in child.iter("{*}removed", "{*}merged")
                         if el.getparent() is child or etree.QName(el).localname == "merged")
        else:
            found.extend(child.iter("{*}merged"))
    return found


def residue_by_line(root: etree._Element, references: bool = False) -> dict[int, list[str]]:
    """Line-anchored text (residue items, merged cell text, page facts) by input line.

    `references`: read the character references of markup residue as the characters they name (an HTML input).
    """
    lines: list[int] = []
    texts: list[str] = []
    for el in [*anchored_in_order(root), *PAGE_FACTS(root)]:
        text = el.text or ""
        if references and el.get("reason") == "markup":
            import html     # (only HTML inputs: see input_reading_chars)

            text = html.unescape(text)
        lines.append(int(el.get("line") or 0))
        texts.append(text)
    items: dict[int, list[str]] = {}
    for line, chars in zip(lines, each_reading_chars(texts)):
        items.setdefault(line, []).append(chars)
    return items


def each_reading_chars(texts: list[str]) -> list[str]:
    """reading_chars of each text, read in one pass over them all, line ends between (a pass costs as much as a text).

    A character is reading text or not by itself and a digit folds by itself, so the reading
    characters of the texts joined are theirs in turn; a line end, not reading text, is kept
    between them to cut them apart again. A text holding a line end of its own is read alone.
    """
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return [reading_chars(text) for text in texts]
    runs, beyond = runs_and_plane(joined, lines=True)
    return fold_digits(runs, None if beyond else False).split("\n")


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
    rest, missing = take_leading(chars, taken)
    return rest if not missing else None


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
    for n, chars in enumerate(input_reading_chars(input_text, references), start=1):
        if not carried and n not in residue and flow.startswith(chars, pos):
            pos += len(chars)     # the common line: nothing anchored, its text next in the flow (as the steps below find)
            continue
        if carried and chars:
            rest_of_line, still = take_leading(chars, carried)
            if still == carried and take_items(chars, residue.get(n, [])) != ("", ""):
                # none of it here, and the line is not wholly its own residue (a tag between, <span class="s3">)
                return Loss(n, chars, f"residue running on {carried!r}")
            chars, carried = rest_of_line, still
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
