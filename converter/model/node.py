"""The output before it is XML: named nodes with attributes and mixed content.

Forms and blocks turn their part of the model into `Node`s; tree/xml.py
turns nodes into lxml elements and knows nothing else. A node's children are
nodes and strings (text) in reading order; attributes keep the order given.
"""

from __future__ import annotations


class Node:
    """One element of the archive: its name, attributes (in order) and children."""

    __slots__ = ("name", "attrs", "children")

    def __init__(self, name: str, attrs: dict[str, str] | None = None,
                 children: list[Node | str] | None = None) -> None:
        self.name = name
        self.attrs = attrs if attrs is not None else {}
        self.children = children if children is not None else []

    def add(self, child: Node | str) -> None:
        self.children.append(child)

    def __repr__(self) -> str:
        return f"Node({self.name!r}, {self.attrs!r}, {len(self.children)} children)"


def node(name: str, line: int | None = None, text: str | None = None) -> Node:
    """An element with an optional @line (always its first attribute) and text."""
    return Node(name, {"line": str(line)} if line is not None else {}, [text] if text else [])
