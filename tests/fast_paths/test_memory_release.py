"""A big archive's nodes freed before its tree is built (tree/xml.py `taken`), and a list item's constant tags.

`taken` frees the nodes only where the markup surely parses (`parses`); the tree is the one document() builds,
and where the markup would not parse, the node is kept and lxml decides as before.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from converter import pipeline
from converter.blocks.section_nodes import list_node
from converter.model.blocks import Item, ListBlock, Para
from converter.model.node import Node, leaf
from converter.model.text import Line, Span
from converter.normalise import normalise
from converter.normalise.html import looks_like_html
from converter.normalise.lines import line_count, split_lines
from converter.tree import xml
from converter.tree.builder import Builder, released
from converter.tree.xml import document, parses, taken
from converter.writer import serialise
from converter.xmlnames import NS
from tests.fast_paths.test_tree_markup import outcome

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted([*ROOT.glob("samples/seeds/*.txt"), *ROOT.glob("samples/more/*.txt")])
# Code points about every boundary of XML's Char, and some of each range between
CODE_POINTS = sorted({*range(0x00, 0x30), *range(0x7F, 0xA1), *range(0xD7F0, 0xE010), *range(0xFFF0, 0x10010),
                      *range(0x10FFF0, 0x110000), *range(0, 0x110000, 4099)})


def libxml2_takes(char: str) -> bool:
    """Whether the markup path's parser takes an element holding `char` (written and encoded as write does)."""
    try:
        etree.fromstring(f"<a>{xml.text_markup(char)}</a>".encode("utf-8"), xml.markup_parser())
    except (etree.XMLSyntaxError, ValueError):
        return False
    return True


def lxml_sets(char: str) -> bool:
    """Whether lxml's text setter takes `char` (a long text is set so)."""
    try:
        etree.Element("a").text = char
    except ValueError:
        return False
    return True


def test_parses_refuses_exactly_what_libxml2_refuses() -> None:
    for point in CODE_POINTS:
        char = chr(point)
        assert parses(f"<a>{xml.text_markup(char)}</a>", []) == libxml2_takes(char), hex(point)
        assert parses("<a>x</a>", [char]) == lxml_sets(char), hex(point)      # (a long text)


def test_parses_refuses_nesting_write_could_reach_beyond_libxml2() -> None:
    assert parses("<a/>", [])
    limit = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(xml.LIBXML_DEPTH)
        assert not parses("<a/>", [])
    finally:
        sys.setrecursionlimit(limit)


@pytest.mark.parametrize("sample", SAMPLES[::3], ids=lambda p: p.name)
def test_a_sample_freed_before_its_tree_is_the_tree_kept(sample: Path) -> None:
    kept = serialise(pipeline.convert_file(sample).root)
    made: list[list[Node]] = []

    def watched(holder: list[Node]) -> etree._Element:
        made.append(holder)
        return taken(holder)

    with patch.object(xml, "BIG_MARKUP", 0), patch.object(pipeline, "taken", watched):
        freed = serialise(pipeline.convert_file(sample).root)
    assert made == [[]]             # (the node was taken: the release path ran)
    assert freed == kept


def deep(levels: int) -> Node:
    node = inner = Node("archive", {"a": "1"})
    for _ in range(levels):
        child = Node("div", {"line": "2"})
        inner.add(child)
        inner = child
    inner.add("中")
    return node


@pytest.mark.parametrize("node", [
    Node("archive", {}, [Node("p", {}, ["a\x01b"])]),              # a control character in the markup
    Node("archive", {}, [Node("p", {}, ["中" * 100 + "\x0b"])]),   # in a long text (lxml's setter)
    Node("archive", {"k": "\ufffe"}, ["x"]),                        # in an attribute
    Node("archive", {}, [Node("p", {}, ["\ud800"])]),               # a lone surrogate (the markup's encoding)
    Node("archive", {}, [Node("{urn:x}p", {}, ["x"])]),             # a name that is not plain
    Node("archive", {}, [Node("p", {}, ["中" * 100, "&<>\r"]), ("<num>", "1", "</num>")]),   # what parses
    deep(300),
])
def test_what_would_not_parse_is_kept_and_left_to_lxml(node: Node) -> None:
    expected = outcome(document, node)
    with patch.object(xml, "BIG_MARKUP", 0):
        assert outcome(lambda n: taken([n]), node) == expected
        holder = [node]
        root = xml.markup_root(holder, release=True)
    # (freed where the markup parsed, kept where it did not: lxml then decides)
    assert holder == ([] if root is not None else [node])
    assert (root is None) == (xml.parsed(node) is None)


def test_deep_nesting_with_a_high_recursion_limit_is_left_to_lxml() -> None:
    node = deep(2100)               # (beyond libxml2's 2048 levels even with huge_tree)
    limit = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(10_000)
        expected = serialise(xml.built(node))
        holder = [node]
        with patch.object(xml, "BIG_MARKUP", 0):
            assert serialise(taken([node])) == expected
            assert xml.markup_root(holder, release=True) is None
        assert holder == [node]
    finally:
        sys.setrecursionlimit(limit)


@pytest.mark.parametrize("text", ["（一）", " 1. ", "", "&<x>"])
def test_a_list_items_number_is_the_leaf_it_was(text: str) -> None:
    line = Line(7, None, text + "正文")
    block = ListBlock("paren", [Item(Span(line, 0, len(text)), [Span(line, len(text), len(line.text))], 7),
                                Item(None, [Span(line, 0, 2)], 8)])
    made = list_node(block, Builder({}, {}))
    num = made.children[0].children[0]       # type: ignore[union-attr]
    assert num == leaf("num", None, text.strip())
    assert serialise(document(Node("archive", {}, [made]))) == serialise(xml.built(Node("archive", {}, [made])))


def test_long_texts_are_let_go_of_once_set() -> None:
    long = "中" * 100
    node = Node("archive", {}, [long, Node("p", {}, ["x", long + "1", "&<>\r"]), long + "2", Node("b"), "z"])
    expected = serialise(xml.built(node))
    root = etree.fromstring(f'<archive xmlns="{NS}">{xml.LONG_MARK}<p>{xml.LONG_MARK}</p>{xml.LONG_MARK}<b/>z'
                            "</archive>")
    texts = [long, "x" + long + "1&<>\r", long + "2"]
    xml.set_long_texts(root, texts)
    assert texts == ["", "", ""]
    assert serialise(root) == expected == serialise(document(node))
    with pytest.raises(ValueError):         # (a mark without its text, or a text without its mark)
        xml.set_long_texts(etree.fromstring(f"<a>{xml.LONG_MARK}</a>"), [])


def converted_with(sample: Path, chosen: bool) -> bytes:
    """The sample converted, the pipeline's Builder releasing the model (`chosen`) or not."""
    class Chosen(Builder):
        def __init__(self, renders: Any, links: Any, release: bool = False) -> None:
            assert release          # (what the pipeline asks)
            super().__init__(renders, links, chosen)

    with patch.object(pipeline, "Builder", Chosen):
        return serialise(pipeline.convert_file(sample).root)


@pytest.mark.parametrize("sample", SAMPLES[1::3], ids=lambda p: p.name)
def test_a_model_let_go_of_as_rendered_gives_the_nodes_kept(sample: Path) -> None:
    assert converted_with(sample, True) == converted_with(sample, False)


def test_released_lists_end_empty_and_render_alike() -> None:
    lines = [Line(n, None, text) for n, text in enumerate(["（一）", "正文", "（二）甲", "（三）"], start=1)]
    def model() -> list[Any]:
        items = [Item(Span(line, 0, 3), [Span(line, 3, len(line.text))] if len(line.text) > 3 else [], line.n)
                 for line in lines if line.text.startswith("（")]
        return [Para([Span(lines[1], 0, 2)]), ListBlock("paren", items), Para([Span(lines[1], 1, 2)])]
    from converter.blocks.section_nodes import RENDERS
    kept_model, released_model = model(), model()
    kept = Builder(RENDERS, {}).nodes(kept_model)
    block = released_model[1]
    made = Builder(RENDERS, {}, release=True).nodes(released_model)
    assert released_model == [None, None, None] and block.items == [None, None, None]
    assert len(kept_model[1].items) == 3 and None not in kept_model
    assert serialise(document(Node("archive", {}, list(made)))) == serialise(document(Node("archive", {}, list(kept))))
    assert list(released([1, 2])) == [1, 2]
    taken_from = [1, 2, 3]
    for k, item in enumerate(released(taken_from)):
        assert item == k + 1 and taken_from[:k + 1] == [None] * (k + 1) and taken_from[k + 1:] == [2, 3][k:]
    plain = [1, 2]
    assert list(Builder({}, {}).each(plain)) == [1, 2] and plain == [1, 2]


@given(st.lists(st.sampled_from(["a", "中", "\r", "\n", "\r\n", " ", "\x85", "\u2028"]), max_size=12).map("".join))
@settings(max_examples=500, deadline=None)
def test_line_count_counts_the_lines_split_lines_makes(text: str) -> None:
    assert line_count(text) == len(split_lines(text))


def test_a_page_counts_the_lines_it_splits() -> None:
    texts = [sample.read_text(encoding="utf-8") for sample in SAMPLES]
    pages = [text for text in texts if looks_like_html(text)]
    assert pages                    # (the web samples: HTML sources, whose lines normalise counts, not splits)
    for text in pages + texts[:3]:
        assert line_count(text) == len(split_lines(text)) == normalise(text).line_count
        crlf = text.replace("\n", "\r\n")
        assert line_count(crlf) == len(split_lines(crlf)) == normalise(crlf).line_count


def test_taken_lets_go_of_every_node() -> None:
    for node in [Node("archive", {}, [Node("p", {}, ["x"])]), Node("archive", {}, [Node("p", {}, ["a\x01b"])]),
                 Node("archive", {}, [Node("{urn:x}p", {}, ["x"])])]:
        holder = [node]
        assert outcome(lambda n: taken(holder), node) == outcome(document, node)
        assert holder == []         # (a small archive, kept for the parse, and one left to lxml alike)
