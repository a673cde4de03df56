"""The tree's per-process set-up (tree/xml.py `name_tags`, `key_start`, `markup_parser`: made once, not once a document)
builds what a new set-up builds; residue_node's lines with markup (found by `filter`) are those the loop asked."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from converter.model.node import Node
from converter.model.text import Line, Removed
from converter.tree.archive import WHOLE_LINE_REASONS, residue_node
from converter.tree.xml import built, parsed
from converter.writer import serialise
from tests.fast_paths.test_tree_writer import outcome
from tests.fast_paths.test_output_leaves import node_of

NAMES = ["p", "noteRef", "{urn:x}p", "1p", "p:q", "中", ""]   # (two plain names, then names lxml decides)


def test_a_name_that_is_not_plain_is_refused_each_time() -> None:
    # (an exception is not cached: the second document with the name goes to lxml as the first did)
    for name in NAMES[2:]:
        for _ in range(2):
            assert parsed(Node("archive", {}, [Node(name)])) is None
            assert parsed(Node("archive", {name: "1"})) is None
    assert parsed(Node("archive", {}, [Node("p", {"line": "1"}, ["x"])])) is not None


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(NAMES),
                          st.sampled_from(["", "x", "中文", "\x00", "&<>\"\n\t", "\ud800", "]]>"])), min_size=1, max_size=6))
def test_documents_one_after_another_build_as_alone(parts: list[tuple[str, str, str]]) -> None:
    # Each document after others (names cached, the parser shared, parses that failed between) builds what lxml
    # builds element by element.
    for name, key, text in parts:
        node = Node("archive", {"schemaVersion": "1.0"}, [Node(name, {key: text} if key else {}, [text]), text])
        fast, slow = outcome(node)
        assert fast == slow


def test_the_shared_parser_after_a_failed_parse() -> None:
    good = Node("archive", {}, [Node("p", {"line": "1"}, ["中" * 40]), "尾"])
    first = parsed(good)
    assert parsed(Node("archive", {}, ["\x00"])) is None
    again = parsed(good)
    assert first is not None and again is not None
    assert serialise(again) == serialise(first) == serialise(built(good))


def old_residue(page: Any, removed: list[Removed]) -> list[Removed]:
    """The items residue_node wrote before (a loop asking every line)."""
    whole_lines = {r.line for r in removed if r.reason in WHOLE_LINE_REASONS}
    items: list[Removed] = list(page.residue) + removed
    for line in page.lines:
        if line.markup and line.n not in whole_lines:
            items.extend(line.markup)
    items.sort(key=lambda r: r.line)
    return items


REASONS = st.sampled_from(["markup", "running-header", "page-number", "repeated-table-row", "web-chrome"])
REMOVED = st.builds(Removed, REASONS, st.integers(1, 6), st.sampled_from(["", "x", "<b>"]),
                    st.sampled_from([None, "U+200B"]))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.integers(1, 6), st.lists(REMOVED, max_size=2)), max_size=6),
       st.lists(REMOVED, max_size=3), st.lists(REMOVED, max_size=3))
def test_residue_takes_the_markup_of_the_lines_the_loop_took(lines: list[tuple[int, list[Removed]]],
                                                            residue: list[Removed], removed: list[Removed]) -> None:
    page: Any = SimpleNamespace(lines=[Line(n, None, "t", markup=tuple(markup)) for n, markup in lines],
                                residue=residue)
    node = residue_node(page, removed)
    expected = old_residue(page, removed)
    assert [(c.attrs, c.children) for c in map(node_of, node.children) if isinstance(c, Node)] == [
        ({"line": str(r.line), "reason": r.reason, **({"codepoint": r.codepoint} if r.codepoint else {})},
         [r.text] if r.text else []) for r in expected]
