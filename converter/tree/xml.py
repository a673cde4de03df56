"""Nodes → lxml elements in the archive namespace. The one place that builds XML.

Consecutive strings among a node's children become one text node (the
element's text, or the tail of the child before them), joined once, so a
paragraph of many pieces costs linear time.
"""

from __future__ import annotations

from typing import Sequence

from lxml import etree

from converter.model.node import Node
from converter.xmlnames import q

SubElement = etree.SubElement


def subelement(parent: etree._Element, node: Node) -> etree._Element:
    """`node` built as the last child of `parent`."""
    el = SubElement(parent, q(node.name))
    for name, value in node.attrs.items():     # (set one by one: cheaper than lxml reading a dict)
        el.set(name, value)
    children = node.children
    if len(children) == 1 and isinstance(children[0], str):    # most elements: one run of text
        if children[0]:
            el.text = children[0]
    elif children:
        fill(el, children)
    return el


def fill(el: etree._Element, children: Sequence[Node | str]) -> None:
    """Write mixed content into `el`: strings as text and tails, nodes as child elements."""
    texts: list[str] = []
    last: etree._Element | None = None
    for child in children:
        if isinstance(child, str):
            texts.append(child)
            continue
        if texts:
            place(el, last, texts)
            texts = []
        last = subelement(el, child)
    if texts:
        place(el, last, texts)


def place(el: etree._Element, last: etree._Element | None, texts: list[str]) -> None:
    text = texts[0] if len(texts) == 1 else "".join(texts)
    if not text:
        return
    if last is None:
        el.text = text
    else:
        last.tail = text
