"""The archive written as markup and parsed (tree/xml.py `parsed`) is the tree built element by element (`built`)."""

from __future__ import annotations

from typing import Callable
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from converter.model.node import Node
from converter.tree import xml
from converter.tree.xml import built, document, parsed
from converter.writer import serialise

# Strings that markup must escape or that a parser reads otherwise than it stands, and odd Unicode
PIECES = ["&", "<", ">", '"', "'", "\r", "\n", "\t", "\r\n", "]]>", "&amp;", "&#13;", "中文", "\U00020000", "\u3000",
          "\ufeff", "\u200b", " ", "", "%s", "{0}", "\x85", "\u2028", "\ufffd", "a", "1"]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=4).map("".join)
NAMES = st.sampled_from(["p", "b", "noteRef", "cell", "x-y", "a.b", "_z"])


def nodes(depth: int) -> st.SearchStrategy[Node]:
    children: st.SearchStrategy[Node | str] = TEXT if depth == 0 else st.one_of(TEXT, nodes(depth - 1))
    return st.builds(Node, NAMES, st.dictionaries(st.sampled_from(["line", "target", "a-b", "k.1"]), TEXT, max_size=3),
                     st.lists(children, max_size=4))


def outcome(build: Callable[[Node], etree._Element | None], node: Node) -> bytes | str | None:
    """The serialised tree, or the error it raises."""
    try:
        root = build(node)
    except ValueError as exc:
        return f"{type(exc).__name__}: {exc}"
    return None if root is None else serialise(root)


@pytest.mark.parametrize("long_text", [0, 3, 2000])       # (0 and 3: most texts set by lxml after the parse)
@settings(max_examples=300, deadline=None, derandomize=True)
@given(node=nodes(3))
def test_markup_parses_to_the_tree_built_element_by_element(long_text: int, node: Node) -> None:
    slow = outcome(built, node)
    with patch.object(xml, "LONG_TEXT", long_text):
        fast = outcome(parsed, node)
        assert outcome(document, node) == slow
    assert fast is None or fast == slow          # the markup path builds the same tree, or leaves it to lxml
    if isinstance(slow, bytes):                  # all these strings are XML: the markup path takes them
        assert fast == slow


@pytest.mark.parametrize("node", [
    Node("archive", {}, ["a\x00b"]),                             # a string no XML holds: lxml refuses it
    Node("archive", {"line": "\x01"}),
    Node("archive", {}, ["\ud800"]),                             # a lone surrogate
    Node("archive", {"{http://www.w3.org/XML/1998/namespace}lang": "zh"}),   # a Clark name: lxml's to make
    Node("archive", {}, [Node("a:b")]),                         # a name lxml refuses
    Node("archive", {}, [Node("a b")]),
])
def test_what_the_markup_path_does_not_take_lxml_decides(node: Node) -> None:
    assert parsed(node) is None
    assert outcome(document, node) == outcome(built, node)
    with patch.object(xml, "LONG_TEXT", 0):                     # a long text lxml refuses: the same
        assert parsed(node) is None
        assert outcome(document, node) == outcome(built, node)


def test_long_texts_between_child_elements() -> None:
    long = "中" * 5000
    node = Node("archive", {"a": "1"}, [long, Node("p", {}, ["x", long, "&<>\r"]), long, "y", Node("b"),
                                        Node("c", {}, [long]), "z"])
    assert serialise(parsed(node)) == serialise(built(node))


def test_deep_nesting_is_built_alike() -> None:
    node = inner = Node("archive")
    for _ in range(400):            # (beyond libxml2's 256 levels without huge_tree)
        child = Node("div")
        inner.add(child)
        inner = child
    inner.add("中")
    assert serialise(document(node)) == serialise(built(node))
