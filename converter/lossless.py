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

import functools
from typing import AnyStr, Iterable, Iterator

from lxml import etree

from converter import aligned
# (a line's steps are lossless_lines'; the names tests and callers read here are offered here still)
from converter.lossless_lines import (Loss as Loss, at_end, by_flow as by_flow, line_step, take_items as take_items,
                                      take_leading as take_leading)
from converter.normalise.html import looks_like_html
# (the reading text is found by converter.reading; the names tests and callers read here are offered here still)
from converter.reading import (BEYOND_BMP as BEYOND_BMP, PLANE_CHUNK as PLANE_CHUNK, READ_CHUNK,
                               READING_LINES as READING_LINES, READING_RUN as READING_RUN, beyond_bmp as beyond_bmp,
                               digit_value as digit_value, each_reading_chars, fold_digits as fold_digits, input_lines,
                               reading_chars as reading_chars, reading_runs as reading_runs,
                               runs_and_plane as runs_and_plane, utf8_reading)

# The text nodes of a content element that are reading flow: all but a merged cell's own text.
# (The definition; element_flow computes it faster, and the tests compare the two.)
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
# An input longer than this has its flow written subtree by subtree (at most SUBTREE_ELEMENTS elements each);
# a shorter one's is written whole, one text no longer than a few READ_CHUNKs.
BIG_INPUT = 4 * READ_CHUNK
SUBTREE_ELEMENTS = 1000


@functools.cache
def holds_more_than(count: int) -> etree.XPath:
    """An XPath telling whether an element holds more than `count` elements below it: its (count + 1)th is
    asked for, and libxml2 stops there. (count(descendant::*) walks the whole subtree, once at each level of
    a deep one: a file of notices each forwarding the next, 91 deep in 64 MB, walked 0.65 s of its 1.3 s
    flow there.)"""
    return etree.XPath(f"boolean(descendant::*[{count + 1}])")


def flow_text(root: etree._Element) -> str:
    """Text of the reading flow: all text outside source, page and residue, but merged cell text."""
    return "".join(flow_parts(root))


def flow_parts(root: etree._Element, bounded: bool = False) -> Iterator[str]:
    """flow_text in parts, in order; `bounded`: none written from a subtree of over SUBTREE_ELEMENTS elements."""
    return (part.decode() for part in flow_utf8(root, bounded))


def flow_utf8(root: etree._Element, bounded: bool = False) -> Iterator[bytes]:
    """flow_parts in UTF-8, as lxml writes them (the check reads bytes: reading.utf8_reading)."""
    for child in root:
        tag = child.tag
        # (its local name cut from its tag: what QName(child).localname gives, at less cost)
        if isinstance(tag, str) and tag[tag.rfind("}") + 1:] not in NOT_FLOW:
            yield from element_flow(child, bounded)


def element_flow(el: etree._Element, bounded: bool) -> Iterator[bytes]:
    """The flow text of `el` (not its tail) in parts, in UTF-8: FLOW_TEXT's text nodes, in order.

    A subtree without merged cell text lxml writes whole (`bounded`: only one of at most SUBTREE_ELEMENTS
    elements); only the elements above a merged cell or a bigger subtree are walked, and a merged cell's own
    text (its text and its children's tails) is left out.
    """
    if not len(el):
        # a childless element (most of those a walk meets: a big section's paragraphs): its text is its flow,
        # read for less than the tests below and a serialiser cost (30,000 paragraphs: 0.13 -> 0.07 s)
        text = el.text
        if text and not is_merged(el):
            yield text.encode()
        return
    if next(el.iter("{*}merged"), None) is None and not (bounded and holds_more_than(SUBTREE_ELEMENTS)(el)):
        yield etree.tostring(el, method="text", encoding="utf-8", with_tail=False)
        return
    own = not is_merged(el)
    if own and el.text:
        yield el.text.encode()
    for child in el:
        if isinstance(child.tag, str):      # (a comment's text is no text node)
            yield from element_flow(child, bounded)
        if own and child.tail:
            yield child.tail.encode()


def is_merged(el: etree._Element) -> bool:
    """Whether `el` is a merged cell's text, in any namespace (its local name cut from its tag, as flow_utf8 cuts it)."""
    tag = el.tag
    return isinstance(tag, str) and tag[tag.rfind("}") + 1:] == "merged"


def rechunked(parts: Iterable[AnyStr]) -> Iterator[AnyStr]:
    """The text of `parts`, in order, in pieces of about READ_CHUNK characters or bytes (parts gathered, or cut).

    UTF-8 is cut before a character's first byte only (a piece is whole characters), up to three bytes further on.
    """
    batch: list[AnyStr] = []
    size = 0
    for part in parts:
        batch.append(part)
        size += len(part)
        if size >= READ_CHUNK:
            text = part[:0].join(batch)
            batch, size = [], 0
            start = 0
            while start < len(text):
                end = start + READ_CHUNK
                if isinstance(text, bytes):
                    while end < len(text) and text[end] & 0xC0 == 0x80:     # (a byte inside a character)
                        end += 1
                yield text[start:end]
                start = end
    if batch:
        yield batch[0][:0].join(batch)


def flow_reading(root: etree._Element, bounded: bool) -> Iterator[str]:
    """reading_chars of the flow text, in pieces: READ_CHUNK bytes of its UTF-8 at a time."""
    return (utf8_reading(data) for data in rechunked(flow_utf8(root, bounded)))


def refilled(flow: str, pos: int, need: int, pieces: Iterator[str]) -> str:
    """flow[pos:], then the flow's next `pieces` until it holds `need` characters or the flow ends."""
    parts = [flow[pos:]]
    size = len(parts[0])
    while size < need:
        piece = next(pieces, None)
        if piece is None:
            break
        parts.append(piece)
        size += len(piece)
    return "".join(parts)


def anchored_in_order(root: etree._Element) -> list[etree._Element]:
    """ANCHORED_IN_ORDER's elements, by lxml's tag search (the pattern tests a name function on every element)."""
    return anchored_and_facts(root)[0]


def anchored_and_facts(root: etree._Element) -> tuple[list[etree._Element], list[etree._Element]]:
    """ANCHORED_IN_ORDER's elements and PAGE_FACTS', in one walk of the archive's children (the XPath of the facts
    costs a small file more than its few facts: an evaluation's set-up, a name function on every child)."""
    found: list[etree._Element] = []
    facts: list[etree._Element] = []
    for child in root:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        name = tag[tag.rfind("}") + 1:]         # (its local name: what QName(child).localname gives, made at less cost)
        if name == "residue":                   # its removed items, and merged text at any depth
            if next(child.iter("{*}merged"), None) is None:
                found.extend(child.iterchildren("{*}removed"))      # (no merged text: its items are its children)
            else:
                found.extend(el for el in child.iter("{*}removed", "{*}merged")
                             if el.getparent() is child or is_merged(el))
        else:
            found.extend(child.iter("{*}merged"))
            if name == "page":
                facts.extend(child.iterchildren("{*}fact"))
    return found, facts


def residue_by_line(root: etree._Element, references: bool = False) -> dict[int, list[str]]:
    """Line-anchored text (residue items, merged cell text, page facts) by input line.

    `references`: read the character references of markup residue as the characters they name (an HTML input).
    """
    items: dict[int, list[str]] = {}
    lines: list[int] = []
    texts: list[str] = []
    size = 0
    unescape = None
    if references:
        import html     # (only HTML inputs: see reading.input_reading_chars; once, not an item: an import costs)

        unescape = html.unescape
    anchored, facts = anchored_and_facts(root)
    for el in [*anchored, *facts]:
        text = el.text or ""
        # (a text without "&" holds no reference: html.unescape gives it as it is, so its reason is not asked)
        if unescape is not None and "&" in text and el.get("reason") == "markup":
            text = unescape(text)
        lines.append(int(el.get("line") or 0))
        texts.append(text)
        size += len(text)
        if size >= READ_CHUNK:          # (READ_CHUNK characters at a time: each text is read alone alike)
            add_items(items, lines, texts)
            lines, texts, size = [], [], 0
    add_items(items, lines, texts)
    return items


def add_items(items: dict[int, list[str]], lines: list[int], texts: list[str]) -> None:
    """The reading characters of each text onto `items`, under its line."""
    for line, chars in zip(lines, each_reading_chars(texts)):
        items.setdefault(line, []).append(chars)


def check(input_text: str, xml: bytes | etree._Element) -> Loss | None:
    """None when the output keeps the input's reading text; else the first difference."""
    root = etree.fromstring(xml) if isinstance(xml, bytes) else xml
    references = looks_like_html(input_text)
    residue = residue_by_line(root, references)
    if len(input_text) <= BIG_INPUT and not references:
        # (it holds the whole flow and the input's lines, a few times the input: a bigger one is read in pieces;
        # an HTML page's lines hold their markup, so few stand in the flow as printed, and each would be read twice:
        # its check costs a third more so, 18 pages 310 -> 426 M instructions)
        return aligned.check(input_text, b"".join(flow_utf8(root, False)), residue)
    # The flow's reading characters are read as the lines need them: `flow` holds them from the next a line
    # reads (at `pos`) on, before the steps below at least as many as the line has or all the flow has left
    # (they read at most flow[pos:pos + len(chars)], and a line takes no more from it).
    ahead = flow_reading(root, len(input_text) > BIG_INPUT)
    flow = ""
    pos = 0
    carried = ""                  # what an anchored item still needs from the lines after its own
    for n, chars in enumerate(input_lines(input_text, references), start=1):
        if not carried and n not in residue and flow.startswith(chars, pos):
            pos += len(chars)     # the common line: nothing anchored, its text next in the flow (as the steps below find)
            continue
        if len(flow) - pos < len(chars):      # (then the steps below find what the test above would have)
            flow, pos = refilled(flow, pos, len(chars), ahead), 0
        step = line_step(n, chars, residue.get(n, []), carried, flow, pos)
        if isinstance(step, Loss):
            return step
        taken, carried = step
        pos += taken
    return at_end(carried, refilled(flow, pos, 40, ahead))


