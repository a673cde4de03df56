"""Shortcuts in building the node tree give what the long way gives: a paragraph of one span (tree/inline.py
`inline_nodes`), the node functions looked up item by item (tree/builder.py `Builder.nodes`)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.model.node import Node
from converter.model.text import Line, Span
from converter.tree.builder import Builder, RenderError
from converter.tree.inline import Links, inline_nodes, marked_nodes

PIECES = ["中文", "Multi-", "Channel", "a", "1", " ", "", "\u3000", "\x00", "\x1f", "\ud800", "\ufffe", "&<>\r",
          "\U00020000", "\u200b", "注1"]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=4).map("".join)


def shape(children: list[Node | str]) -> list[object]:
    return [c if isinstance(c, str) else (c.name, c.attrs, shape(c.children)) for c in children]


@st.composite
def one_span(draw: st.DrawFn) -> tuple[Span, Links]:
    text = draw(TEXT)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=4)))
    bold = tuple(zip(cuts[::2], cuts[1::2]))
    line = Line(draw(st.integers(1, 3)), None, text, bold=draw(st.sampled_from([(), bold])))
    mark = draw(st.integers(0, len(text)))
    links: Links = draw(st.sampled_from([{}, {1: {}}, {1: {mark: (min(len(text), mark + 1), "n1")}},
                                         {2: {mark: (len(text), "n2")}, 3: {}}]))
    return Span(line, start, end), links


@settings(max_examples=500, deadline=None, derandomize=True)
@given(one_span())
def test_a_paragraph_of_one_span_is_what_its_pieces_give(case: tuple[Span, Links]) -> None:
    span, links = case
    assert shape(inline_nodes([span], links)) == shape(marked_nodes([span], links))
    assert shape(inline_nodes((span,), links)) == shape(marked_nodes([span], links))


def test_nodes_are_looked_up_item_by_item_and_an_unknown_type_is_an_error() -> None:
    b = Builder({int: lambda n, _: Node("i", {"v": str(n)}), str: lambda s, _: Node("s", {}, [s])}, {})
    assert [(n.name, n.attrs, n.children) for n in b.nodes(iter([1, "x", 2]))] == \
        [(n.name, n.attrs, n.children) for n in (b.node(1), b.node("x"), b.node(2))]
    assert b.nodes([]) == []
    with pytest.raises(RenderError, match="no node function is registered for float"):
        b.nodes([1, 2.0])
