"""Table cells and residue items made as leaves (model/node.py `Leaf`) give what the nodes they replace gave:
written as markup and built element by element (tree/xml.py), on odd texts, reasons and code points; a leaf's
attribute values, escaped in its start tag, are read back as they were (tree/xml.py `attribute_value`).

`node_of` reads a leaf back as the node it stands for, by libxml2 (not by the code under test): the other perf
tests read names, attributes and children from what the node functions make through it."""

from __future__ import annotations

import html
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from converter import lossless, pipeline, reading
from converter.blocks.table import cell_node, table_node
from converter.model.blocks import Cell, Row, Table
from converter.model.node import Child, Node
from converter.model.text import Line, Removed, Span
from converter.tree.archive import WHOLE_LINE_REASONS, residue_node
from converter.tree.builder import Builder
from converter.tree.xml import attribute_markup, attribute_value
from converter.xmlnames import NS
from tests.fast_paths.test_tree_writer import ODD, outcome


def node_of(child: Child) -> Child:
    """A leaf as the node it stands for (its start and end tag parsed by libxml2); a node or a string as it is."""
    if not isinstance(child, tuple):
        return child
    start, text, end = child
    el = etree.fromstring(start + end)      # (fails unless the end tag closes the start tag)
    assert not len(el) and el.text is None
    return Node(el.tag, dict(el.attrib), [text] if text else [])


ODD_TEXT = st.one_of(st.sampled_from(ODD), st.text(max_size=4))


@settings(max_examples=500, deadline=None, derandomize=True)
@given(ODD_TEXT)
def test_an_attribute_value_is_read_back_as_it_was_written(value: str) -> None:
    assert attribute_value(attribute_markup(value)) == value


def old_residue_node(page: Any, removed: list[Removed]) -> Node:
    """residue_node as it was: a Node, a dict and a list an item."""
    whole_lines = {r.line for r in removed if r.reason in WHOLE_LINE_REASONS}
    items: list[Removed] = list(page.residue) + removed
    for line in page.lines:
        if line.markup and line.n not in whole_lines:
            items.extend(line.markup)
    items.sort(key=lambda r: r.line)
    children: list[Child] = []
    for item in items:
        attrs = {"line": str(item.line), "reason": item.reason}
        if item.codepoint:
            attrs["codepoint"] = item.codepoint
        children.append(Node("removed", attrs, [item.text] if item.text else []))
    return Node("residue", {}, children)


REASONS = st.one_of(st.sampled_from(["markup", "running-header", "web-chrome", "repeated-table-row", "", "a&b",
                                     '"<>\t\n\r', "\x00", "中"]), st.text(max_size=3))
REMOVED = st.builds(Removed, REASONS, st.integers(1, 6), ODD_TEXT,
                    st.one_of(st.none(), st.sampled_from(["U+200B", "", "U+0000", '&"']), st.text(max_size=2)))


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.integers(1, 6), st.lists(REMOVED, max_size=2)), max_size=4),
       st.lists(REMOVED, max_size=3), st.lists(REMOVED, max_size=3))
def test_residue_items_as_leaves_build_what_their_nodes_built(lines: list[tuple[int, list[Removed]]],
                                                             residue: list[Removed], removed: list[Removed]) -> None:
    page: Any = SimpleNamespace(lines=[Line(n, None, "t", markup=tuple(markup)) for n, markup in lines],
                                residue=residue)
    made, old = residue_node(page, removed), old_residue_node(page, removed)
    # (libxml2 reads the start tag back only where it is well-formed: a control character in a reason is not)
    if all(not isinstance(outcome(Node("r", {"x": r.reason, "y": r.codepoint or ""}))[0], str)
           for r in [*residue, *removed, *(m for _, markup in lines for m in markup)]):
        assert [(c.attrs, c.children) for c in map(node_of, made.children) if isinstance(c, Node)] == [
            (c.attrs, c.children) for c in old.children if isinstance(c, Node)]
    assert outcome(Node("archive", {}, [made])) == outcome(Node("archive", {}, [old]))


def old_cell_node(cell: Cell) -> Node:
    """cell_node as it was: a Node each."""
    from converter.blocks.table_structure import cell_text
    text = cell.text
    if len(cell.spans) > 1 or len(cell.key) != len(text):
        text = cell_text(cell)
    if cell.rowspan == 1 and cell.colspan == 1 and not cell.merged:
        return Node("cell", {}, [text] if text else [])
    attrs = {"rowspan": str(cell.rowspan)} if cell.rowspan > 1 else {}
    if cell.colspan > 1:
        attrs["colspan"] = str(cell.colspan)
    el = Node("cell", attrs, [text] if text else [])
    for span in cell.merged:
        el.add(Node("merged", {"line": str(span.line.n)}, [span.text.strip()] if span.text.strip() else []))
    return el


CELL_TEXT = st.lists(st.one_of(st.sampled_from(["中文", "1", " ", "\u3000", "&<>", "\r", "\x01", "长" * 40, ""]),
                               st.text(max_size=3)), max_size=3).map("".join)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.tuples(CELL_TEXT, CELL_TEXT, st.integers(0, 3), st.integers(1, 2), st.integers(1, 2),
                          st.booleans()), max_size=6))
def test_cells_as_leaves_build_what_their_nodes_built(made: list[tuple[str, str, int, int, int, bool]]) -> None:
    cells: list[Cell] = []
    for first, second, spans, rowspan, colspan, merged in made:
        line = Line(3, None, first + "\t" + second)
        chosen = [Span(line, 0, len(first)), Span(line, len(first) + 1, len(line.text))][:spans]
        cell = Cell(chosen) if chosen else Cell()
        cell.rowspan, cell.colspan = rowspan, colspan
        if merged:
            cell.merged = (Span(line, 0, len(first)),)
        cells.append(cell)
    rows = [Row("data", cells[k:k + 3], 5 + k) for k in range(0, len(cells), 3)]
    table = table_node(Table([], rows, 2), Builder({}, {}))
    old = Node("table", {"line": "2"}, [Node("row", {"line": str(row.line), "kind": row.kind},
                                              [old_cell_node(cell) for cell in row.cells]) for row in rows])
    for cell in cells:
        assert outcome(Node("archive", {}, [cell_node(cell)])) == outcome(Node("archive", {}, [old_cell_node(cell)]))
        new, was = node_of(cell_node(cell)), old_cell_node(cell)
        assert isinstance(new, Node) and (new.name, new.attrs, len(new.children)) == (was.name, was.attrs,
                                                                                    len(was.children))
    assert outcome(Node("archive", {}, [table])) == outcome(Node("archive", {}, [old]))


# --- the lossless check's residue: ASCII texts read apart (reading.each_reading_chars, ascii_reading) -------------

ASCII_PIECES = ["<p>", "</p>", '<span style="font-size:16px">', "&#20013;", "&gt;", "1", "09", "a", " ", "\t", "\r", ""]
MIXED = st.lists(st.lists(st.one_of(st.sampled_from(ASCII_PIECES), st.sampled_from(["中", "１", "٣", "\U00020000", "\n"]),
                                    st.text(max_size=3)), max_size=4).map("".join), max_size=8)


@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.one_of(MIXED, st.lists(st.lists(st.sampled_from(ASCII_PIECES), max_size=4).map("".join), max_size=8)))
def test_ascii_texts_read_apart_read_as_each_alone(texts: list[str]) -> None:
    assert reading.each_reading_chars(texts) == [reading.reading_chars(text) for text in texts]


def test_ascii_reading_is_text_reading_of_every_ascii_character() -> None:
    every = "".join(map(chr, range(128)))
    assert reading.ascii_reading(every) == reading.text_reading(every, lines=True) == "\n0123456789"
    assert reading.ascii_reading(every * 3 + "\n") == reading.text_reading(every * 3 + "\n", lines=True)


def old_residue_by_line(root: etree._Element, references: bool = False) -> dict[int, list[str]]:
    """lossless.residue_by_line as it was: html imported, and each markup item's reason asked, an item."""
    import html
    items: dict[int, list[str]] = {}
    for el in [*lossless.anchored_in_order(root), *lossless.PAGE_FACTS(root)]:
        text = el.text or ""
        if references and el.get("reason") == "markup":
            text = html.unescape(text)
        items.setdefault(int(el.get("line") or 0), []).append(reading.reading_chars(text))
    return items


def test_residue_by_line_reads_what_it_read(tmp_path: Path) -> None:
    samples = sorted([*Path("samples/seeds").glob("*.txt"), *Path("samples/more").glob("*.txt")])[:6]
    assert samples
    for sample in samples:
        text = sample.read_text(encoding="utf-8")
        page = "<html><body>" + "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines()) + "</body></html>"
        for data, name in ((text.encode(), "a.txt"), (page.encode(), "a.html")):
            root = pipeline.convert_bytes(data, name).root
            for references in (False, True):
                assert lossless.residue_by_line(root, references) == old_residue_by_line(root, references)
    # (a markup item with and without references, one of another reason with one, facts and merged text)
    root = etree.fromstring(
        f'<archive xmlns="{NS}"><page><fact name="x" line="1">1&amp;#20013;</fact></page><body><table><row>'
        '<cell>a<merged line="2">&amp;#20013;3</merged></cell></row></table></body><residue>'
        '<removed line="1" reason="markup">&lt;b title="&amp;#20013;"&gt;</removed>'
        '<removed line="1" reason="markup">&lt;p&gt;12</removed><removed line="3" reason="web-chrome">&amp;#20013;'
        '</removed><removed line="3" reason="markup"/></residue></archive>')
    for references in (False, True):
        assert lossless.residue_by_line(root, references) == old_residue_by_line(root, references)
    assert lossless.residue_by_line(root, True)[1] == ["中", "12", "120013"]     # (a fact is read as it stands)


def test_the_anchored_items_and_facts_found_in_one_walk_are_those_the_xpath_definitions_select() -> None:
    # (merged text inside and beside residue, pages and facts in other namespaces, a comment, two pages)
    tricky = etree.fromstring(
        '<archive xmlns="urn:gongwen:archive:1.0" xmlns:o="urn:other"><!-- c --><source name="x"/>'
        '<page><fact line="1">一</fact><!-- c --><o:fact line="2">二</o:fact><x><fact line="9">x</fact></x></page>'
        '<o:page><fact line="3">三</fact></o:page><document><table><row><cell>a<merged line="4">四</merged></cell>'
        '</row></table></document><page><o:fact line="5">五</o:fact><merged line="6">六</merged></page>'
        '<residue><removed line="7" reason="markup">七</removed><!-- c --><o:removed line="8" reason="x"/>'
        '<x><removed line="9" reason="markup">九</removed></x></residue><residue><removed line="10" reason="x"/>'
        '<merged line="11"/></residue></archive>')
    plain = etree.fromstring(f'<archive xmlns="{NS}"><page/><residue><removed line="1" reason="x"/></residue></archive>')
    roots = [tricky, plain, etree.fromstring("<archive/>")] + [
        etree.parse(str(path)).getroot() for path in sorted(Path("samples").glob("*/*.xml"))]
    for root in roots:
        anchored, facts = lossless.anchored_and_facts(root)
        assert anchored == lossless.ANCHORED_IN_ORDER(root) == lossless.anchored_in_order(root)
        assert facts == lossless.PAGE_FACTS(root)
    assert [el.get("line") for el in lossless.anchored_and_facts(tricky)[1]] == ["1", "2", "3", "5"]


def test_the_flow_leaves_out_source_page_and_residue_by_their_local_names() -> None:
    root = etree.fromstring(
        '<archive xmlns="urn:gongwen:archive:1.0" xmlns:o="urn:other"><?pi 一?><!-- 二 --><o:source>三</o:source>'
        '<page>四</page><o:document>五<residue>六</residue></o:document><sourcex>七</sourcex><o:residue>八</o:residue>'
        '<residue>九</residue><p>十</p></archive>')
    expected = "".join("".join(lossless.FLOW_TEXT(child)) for child in root
                       if isinstance(child.tag, str) and etree.QName(child).localname not in lossless.NOT_FLOW)
    assert lossless.flow_text(root) == expected == "五六七十"
