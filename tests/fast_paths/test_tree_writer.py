"""The markup writer's shortcuts (tree/xml.py `write`: a leaf of one text written in its parent's loop, tags kept
once a document, the escaping tests inline) build what lxml builds element by element, on odd inputs."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from lxml import etree

from converter.model.node import Node
from converter.tree import xml
from converter.tree.xml import built, document, parsed
from converter.writer import serialise
from converter.xmlnames import NS

ODD = ["", "&", "<", ">", "]]>", "\r", "\r\n", "a\rb", "&amp;", '"', "'", "\t\n", "\x00", "\x01", "\x7f", "\x85",
       "\ud800", "\udfff", "\ufffe", "\uffff", "\U0010ffff", "\u2028", "中文", "\U00020000", "中<文&", "x" * 2001,
       "中" * 2001 + "&"]


def outcome(node: Node) -> tuple[bytes | str, bytes | str]:
    """(document, element by element): each the serialised tree or the error it raised."""
    results: list[bytes | str] = []
    for build in (document, built):
        try:
            results.append(serialise(build(node)))
        except ValueError as exc:
            results.append(f"{type(exc).__name__}: {exc}")
    return results[0], results[1]


def shapes(text: str) -> list[Node]:
    """`text` in each place the writer treats apart: a leaf's text, mixed content, a tail, an attribute value."""
    return [
        Node("archive", {}, [text]),
        Node("archive", {}, [Node("p", {}, [text])]),
        Node("archive", {}, [Node("p", {"line": "1"}, [text]), Node("p", {"line": text})]),
        Node("archive", {}, [Node("p", {}, [text, Node("b", {}, [text]), text, text])]),
        Node("archive", {"a": "1"}, [Node("s", {}, [Node("p", {}, [text]), text]), Node("e"), text]),
    ]


@pytest.mark.parametrize("text", ODD)
def test_odd_strings_build_alike(text: str) -> None:
    for node in shapes(text):
        fast, slow = outcome(node)
        assert fast == slow
        with patch.object(xml, "LONG_TEXT", 0):            # every text set by lxml after the parse
            assert outcome(node) == (slow, slow)


@pytest.mark.parametrize("name", ["a:b", "a b", "1a", "{urn:x}y", "中", ""])
def test_a_name_not_plain_anywhere_leaves_the_node_to_lxml(name: str) -> None:
    for node in [Node("archive", {}, [Node("p", {}, ["x"]), Node(name, {}, ["x"])]),     # a leaf in the parent's loop
                 Node("archive", {}, [Node("p", {}, ["x", Node(name)])]),
                 Node("archive", {}, [Node("p", {name: "1"}, ["x"])]),
                 Node("archive", {}, [Node("p", {"line": "1", name: "1"}, [Node("b", {}, ["x"])])]),
                 Node(name, {}, ["x"])]:
        assert parsed(node) is None
        fast, slow = outcome(node)
        assert fast == slow


def test_tags_and_attribute_names_kept_once_a_document_stay_apart() -> None:
    # (the same string an element name, an attribute name and a text: each written as what it is)
    node = Node("archive", {"p": "p"}, [Node("p", {"p": "p", "line": "2"}, ["p"]), Node("line", {"p": "1"}, ["line"]),
                                        Node("p"), Node("p", {"p": "x y"})])
    fast, slow = outcome(node)
    assert isinstance(fast, bytes) and fast == slow


def test_long_texts_counted_in_document_order_past_leaves() -> None:
    long = "长" * 3000
    node = Node("archive", {}, [Node("p", {}, ["a"]), Node("q", {}, [long]), Node("s", {}, [Node("p"), long, "x"]),
                                long, Node("p", {"line": "3"}, [long]), Node("r", {}, [Node("p", {}, [long]), long])])
    fast, slow = outcome(node)
    assert isinstance(fast, bytes) and fast == slow


@pytest.mark.parametrize("depth", [1, 2, 255, 256, 257, 300])
def test_deep_nesting_of_leaves_and_mixed_content(depth: int) -> None:
    node = inner = Node("archive")
    for k in range(depth):
        child = Node("div", {"n": str(k)}, ["t"] if k % 2 else [])
        inner.add(child)
        inner.add(Node("leaf", {}, ["x&y"]))
        inner = child
    inner.add(Node("end", {}, ["中"]))
    fast, slow = outcome(node)
    assert fast == slow


def test_the_root_alone_with_or_without_attributes() -> None:
    for node in [Node("archive"), Node("archive", {}, ["x"]), Node("archive", {"a": "1"}), Node("archive", {"a": "1"}, ["x"])]:
        root = parsed(node)
        assert root is not None and etree.QName(root).namespace == NS
        assert serialise(root) == serialise(built(node))
