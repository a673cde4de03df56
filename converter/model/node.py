"""The output before it is XML: named nodes with attributes and mixed content.

Forms and blocks turn their part of the model into `Node`s; tree/xml.py
turns nodes into lxml elements and knows nothing else. A node's children are
nodes and strings (text) in reading order; attributes keep the order given.

The commonest elements (a paragraph of plain text, a section's number and
heading, a table's plain cell, a residue item) are made as a `Leaf` instead:
their start tag already in markup, their text, their end tag. Such an element
is only ever written (tree/xml.py), and a tuple costs a tenth of a node and its
dict and list to make and a third to write (the samples: some 5,000 elements a
pass).
"""

from __future__ import annotations

from typing import Union

# An element of one run of text made as markup ahead: (start tag, text, end tag), as ('<p line="3">', "正文", "</p>").
# Its maker writes a plain XML name (PLAIN_NAME) and attribute values in double quotes, escaped as
# tree/xml.py's attribute_markup escapes them (most are numbers, which need none): the start tag goes into
# the markup as it stands. The text is as read (tree/xml.py escapes it); "" for none.
Leaf = tuple[str, str, str]
# A child of a node: an element, text, or a leaf element
Child = Union["Node", str, Leaf]


class Node:
    """One element of the archive: its name, attributes (in order) and children."""

    __slots__ = ("name", "attrs", "children")

    def __init__(self, name: str, attrs: dict[str, str] | None = None,
                 children: list[Child] | None = None) -> None:
        self.name = name
        self.attrs = attrs if attrs is not None else {}
        self.children = children if children is not None else []

    def add(self, child: Child) -> None:
        self.children.append(child)

    def __repr__(self) -> str:
        return f"Node({self.name!r}, {self.attrs!r}, {len(self.children)} children)"


def node(name: str, line: int | None = None, text: str | None = None) -> Node:
    """An element with an optional @line (always its first attribute) and text."""
    return Node(name, {"line": str(line)} if line is not None else {}, [text] if text else [])


def leaf(name: str, line: int | None = None, text: str | None = None) -> Leaf:
    """node(name, line, text) as a leaf, for an element only ever added (`name` a plain XML name)."""
    return f'<{name} line="{line}">' if line is not None else f"<{name}>", text or "", f"</{name}>"
