"""Leaves (model/node.py `Leaf`: a start tag in markup, a text, an end tag) give what the nodes they stand for give:
written as markup and built element by element (tree/xml.py), and as the paragraphs, numbers and headings the node
functions made as nodes before (blocks/section_nodes.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from converter.model.blocks import Para, Section
from converter.model.node import Child, Leaf, Node
from converter.model.text import Line, Span, plain
from converter.tree.builder import Builder
from converter.tree.inline import inline_nodes
from converter.blocks.section_nodes import para_node, section_node
from tests.fast_paths.test_tree_writer import outcome

PIECES = ["中文", "Multi-", "Channel", "a", "1", " ", "", "\u3000", "\x00", "\x1f", "\ud800", "\ufffe", "&<>\r", "\"'\t\n",
          "\U00020000", "\u200b", "注1", "中" * 40, "&" * 33]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=4).map("".join)
NAMES = st.sampled_from(["p", "num", "heading", "name", "a.b-c_1"])
ATTRS = st.lists(st.tuples(st.sampled_from(["line", "level", "x"]), st.integers(0, 10 ** 6).map(str)), max_size=3)


def as_leaf(name: str, attrs: dict[str, str], text: str) -> Leaf:
    return f"<{name}" + "".join(f' {k}="{v}"' for k, v in attrs.items()) + ">", text, f"</{name}>"


def as_node(name: str, attrs: dict[str, str], text: str) -> Node:
    return Node(name, attrs, [text] if text else [])


@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.lists(st.tuples(NAMES, ATTRS, TEXT, TEXT), max_size=5), TEXT, st.booleans())
def test_a_leaf_gives_what_its_node_gives(elements: list[tuple[str, list[tuple[str, str]], str, str]], head: str,
                                          nested: bool) -> None:
    leaves: list[Child] = [head]
    nodes: list[Child] = [head]
    for name, attrs, text, tail in elements:
        leaves += [as_leaf(name, dict(attrs), text), tail]
        nodes += [as_node(name, dict(attrs), text), tail]
    if nested:          # (inside an element of mixed content, as a section holds them)
        leaves, nodes = [Node("section", {"line": "1"}, leaves)], [Node("section", {"line": "1"}, nodes)]
    assert outcome(Node("archive", {}, leaves)) == outcome(Node("archive", {}, nodes))


def shape(child: Child) -> object:
    """A child as plain data, a leaf as the node it stands for."""
    if isinstance(child, str):
        return child
    if isinstance(child, tuple):
        start, text, end = child
        assert end == f"</{start[1:].split()[0].rstrip('>')}>"
        node = Node(start[1:].split()[0].rstrip(">"), dict(
            (k, v.strip('"')) for k, v in (a.split("=", 1) for a in start[1:-1].split()[1:])), [text] if text else [])
        return shape(node)
    return child.name, list(child.attrs.items()), runs([shape(c) for c in child.children])


def runs(children: list[object]) -> list[object]:
    """Children with each run of strings joined, as written (one text node), empty runs left out."""
    out: list[object] = []
    for child in children:
        if isinstance(child, str) and out and isinstance(out[-1], str):
            out[-1] += child
        else:
            out.append(child)
    return [child for child in out if child != ""]


def spans_of(texts: list[str], bold: bool, first: int) -> list[Span]:
    lines = [Line(first + k, None, text, bold=((0, 1),) if bold and text else ()) for k, text in enumerate(texts)]
    return [Span(line, 0, len(line.text)) for line in lines]


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(TEXT, min_size=1, max_size=4), st.booleans(), st.integers(1, 10 ** 5))
def test_a_paragraph_is_the_node_it_was(texts: list[str], bold: bool, first: int) -> None:
    spans = spans_of(texts, bold, first)
    b = Builder({}, {})
    old = Node("p", {"line": str(spans[0].line.n)}, inline_nodes(spans, b.links))
    made = para_node(Para(spans), b)
    assert shape(made) == shape(old)
    assert outcome(Node("archive", {}, [made])) == outcome(Node("archive", {}, [old]))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.one_of(st.none(), TEXT), st.lists(TEXT, max_size=3), st.integers(1, 10 ** 5))
def test_a_sections_number_and_heading_are_the_nodes_they_were(num: str | None, heading: list[str], first: int) -> None:
    section = Section(level=1, style="x", number=1, line=first, num=Span(Line(first, None, num), 0, len(num)) if num is not None else None,
                      heading=spans_of(heading, False, first) if heading else [])
    made = section_node(section, Builder({}, {}))
    old: list[Child] = []
    if section.num is not None:
        text = section.num.text.strip()
        old.append(Node("num", {}, [text] if text else []))
    if section.heading:
        text = plain(section.heading)
        old.append(Node("heading", {"line": str(section.heading[0].line.n)}, [text] if text else []))
    assert shape(made) == shape(Node("section", {"line": str(first), "level": "1"}, old))
