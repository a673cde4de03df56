"""HTML: one standalone page per archive, by the XSLT stylesheet schemas/gongwen-html.xsl.

The stylesheet does all the mapping (anyone can run it with xsltproc); this
module runs it with lxml, puts the HTML5 doctype in front, and breaks lines
between block elements so the page source is readable. No text is added or
moved: a newline is only put where an element is followed by another
element in a parent that holds no text of its own, and
never after a run-in heading (it shares its line with the paragraph).
"""

from __future__ import annotations

import functools

from lxml import etree

from converter import __version__
from converter.publish.resources import schema_file

STYLESHEET = "gongwen-html.xsl"
DOCTYPE = b"<!DOCTYPE html>\n"
# Elements the page uses as blocks; a newline between two of them changes no rendering.
BLOCKS = frozenset("html head body main article section header footer nav aside div p ol li table caption "
                   "thead tbody tr td th meta title style h1 h2 h3 h4 h5 h6".split())


@functools.cache
def transform() -> etree.XSLT:
    return etree.XSLT(etree.parse(str(schema_file(STYLESHEET))))


def render(root: etree._Element) -> bytes:
    """The HTML page of an archive tree."""
    page = transform()(root, generator=etree.XSLT.strparam(f"gongwen {__version__}"))
    html = page.getroot()
    break_lines(html)
    return DOCTYPE + etree.tostring(html, method="html", encoding="UTF-8") + b"\n"


def break_lines(html: etree._Element) -> None:
    """A newline after each block element whose parent holds only elements (no text to disturb)."""
    for parent in html.iter(*BLOCKS):
        if (parent.text and parent.text.strip()) or parent.tag in ("p", "title", "style", "li", "caption"):
            continue
        children = list(parent)
        if not children or any(child.tail and child.tail.strip() for child in children):
            continue
        if not all(isinstance(child.tag, str) and child.tag in BLOCKS for child in children):
            continue
        parent.text = "\n"
        for child in children:
            # a run-in heading and its paragraph share a line box: a newline there would print a space
            if "run-in" not in (child.get("class") or "").split():
                child.tail = "\n"
