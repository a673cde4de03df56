"""Reading archive XML: what every renderer needs, by local name (FORMAT.md: consumers select so)."""

from __future__ import annotations

from typing import Iterator

from lxml import etree

# Elements outside the reading flow: the input's description and what was taken out of it.
# Not reading text: what the input is, what a site printed about the document (page), the residue.
NOT_READING = frozenset({"source", "page", "residue"})


def name(el: etree._Element) -> str:
    """The local name of an element ("" for a comment or processing instruction)."""
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def children(el: etree._Element, *names: str) -> list[etree._Element]:
    """Child elements, all or those with one of `names`."""
    return [c for c in el if isinstance(c.tag, str) and (not names or name(c) in names)]


def child(el: etree._Element, local: str) -> etree._Element | None:
    for c in el:
        if isinstance(c.tag, str) and name(c) == local:
            return c
    return None


def text(el: etree._Element | None) -> str:
    """All the text inside an element, in document order, as printed."""
    return "".join(el.itertext()) if el is not None else ""


def reading_text(root: etree._Element) -> str:
    """The archive's reading text in document order: every text node outside source, page and residue.

    Unlike the lossless check's flow, text merged into a table cell counts
    where it stands (in the cell): a rendering shows it there.
    """
    return "".join(reading_parts(root))


def reading_parts(el: etree._Element) -> Iterator[str]:
    if el.text:
        yield el.text
    for c in el:
        if isinstance(c.tag, str) and name(c) not in NOT_READING:
            yield from reading_parts(c)
        if c.tail:
            yield c.tail
