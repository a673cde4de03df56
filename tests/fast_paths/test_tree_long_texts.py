"""Texts set after the parse (tree/xml.py `set_long_texts`: a mark in the markup for each run beyond LONG_TEXT, found
by lxml and replaced by its text) build what lxml builds element by element, wherever the run stands."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from converter.model.node import Node
from converter.tree import xml
from converter.tree.xml import LONG_MARK, LONG_TEXT, built, parsed
from converter.writer import serialise
from tests.fast_paths.test_tree_writer import outcome

# Strings around the limit, odd Unicode, what escapes, what no XML holds (lxml's fallback), the mark itself
LONG = "中" * (LONG_TEXT + 1)
PIECES = ["", "中文", "&<>\r", "]]>", LONG_MARK, "<?t", "?>", "\U00020000", "\u3000", "\ufeff", "\u2028", "\x85",
          "a" * LONG_TEXT, "中" * (LONG_TEXT - 1), LONG, "文" * (3 * LONG_TEXT), "\x00", "\x1f", "\ud800", "\ufffe"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=3).map("".join)
NAMES = st.sampled_from(["p", "b", "cell", "noteRef"])


def nodes(depth: int) -> st.SearchStrategy[Node]:
    children: st.SearchStrategy[Node | str] = TEXT if depth == 0 else st.one_of(TEXT, nodes(depth - 1))
    return st.builds(Node, NAMES, st.dictionaries(st.sampled_from(["line", "target"]), TEXT, max_size=2),
                     st.lists(children, max_size=4))


@settings(max_examples=400, deadline=None, derandomize=True)
@given(node=nodes(3))
def test_long_texts_anywhere_build_alike(node: Node) -> None:
    fast, slow = outcome(node)
    assert fast == slow
    root = parsed(node)
    if root is not None:        # (no mark is left behind)
        assert not any(True for _ in root.iter(etree.ProcessingInstruction))


@pytest.mark.parametrize("limit", [0, 1, LONG_TEXT])
def test_every_place_a_run_stands(limit: int) -> None:
    text = "长" * (LONG_TEXT + 5)
    node = Node("archive", {"a": LONG}, [
        text, Node("p", {"line": "1"}, [text]), text, "x", Node("b"), Node("c", {}, [text, "&", text]),
        Node("s", {}, [Node("p"), text, Node("q", {}, [Node("r", {}, [text])]), LONG_MARK * 20]),
        Node("e"), Node("f", {}, [""]), text + "\r\n<&>" + text, Node("g", {}, [Node("h", {}, ["中"])]), text])
    with patch.object(xml, "LONG_TEXT", limit):
        root = parsed(node)
        assert root is not None
        assert serialise(root) == serialise(built(node))


@pytest.mark.parametrize("bad", ["\x00", "\x0b", "\ud800", "\uffff"])
def test_a_long_text_no_xml_holds_is_left_to_lxml(bad: str) -> None:
    for node in [Node("archive", {}, [LONG + bad]), Node("archive", {}, [Node("p", {}, [LONG, bad])]),
                 Node("archive", {}, [Node("p"), bad + LONG, Node("q", {}, [LONG])])]:
        assert parsed(node) is None
        fast, slow = outcome(node)
        assert fast == slow and isinstance(fast, str)          # (the error lxml raises, alike)


@pytest.mark.parametrize("depth", [1, 100, 255, 256, 300])
def test_long_texts_deep_down(depth: int) -> None:
    node = inner = Node("archive")
    for k in range(depth):
        child = Node("div", {"n": str(k)}, [LONG] if k % 3 == 0 else [])
        inner.add(child)
        inner.add(LONG + str(k))
        inner = child
    inner.add(Node("end", {}, [LONG]))
    fast, slow = outcome(node)
    assert fast == slow
