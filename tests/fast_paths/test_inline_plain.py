"""Spans without bold or linked markers (tree/inline.py `plain_nodes`) give what cutting them piece by piece gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from converter.model.node import Node
from converter.model.text import Line, Span
from converter.tree.inline import Links, inline_nodes, marked_nodes, plain_nodes

PIECES = ["中文", "Multi-", "Channel", "Network", "a", "1", " ", "", "\u3000", "é", "\U00020000", "，", "-", "ab1"]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=4).map("".join)


@st.composite
def spans(draw: st.DrawFn) -> list[Span]:
    out = []
    for n, text in enumerate(draw(st.lists(TEXT, max_size=5)), start=1):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        out.append(Span(Line(n, None, text), start, end))
    return out


def shape(children: list[Node | str]) -> list[object]:
    return [c if isinstance(c, str) else (c.name, c.attrs, shape(c.children)) for c in children]


@settings(max_examples=500, deadline=None, derandomize=True)
@given(spans(), st.sampled_from([{}, {99: {0: (1, "n1")}}, {1: {}}]))
def test_plain_spans_give_what_the_pieces_give(plain: list[Span], links: Links) -> None:
    expected = shape(marked_nodes(plain, links))
    assert shape(plain_nodes(plain)) == expected
    assert shape(inline_nodes(plain, links)) == expected


def test_bold_and_links_still_cut_the_spans() -> None:
    line = Line(1, None, "一二三四", bold=((1, 2),))
    assert shape(inline_nodes([Span(line, 0, 4)], {})) == ["一", ("b", {}, ["二"]), "三四"]
    plain = Line(2, None, "注1后")
    assert shape(inline_nodes([Span(plain, 0, 3)], {2: {1: (2, "n1")}})) == ["注", ("noteRef", {"target": "n1"}, ["1"]), "后"]
