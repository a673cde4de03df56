"""The nodes of the numbered sections, lists and paragraphs (sections.py parses them)."""

from __future__ import annotations

from converter.blocks import toc
from converter.model.blocks import ListBlock, Para, Section
from converter.model.node import Node, node
from converter.model.text import plain
from converter.tree.builder import Builder, NodeFunction
from converter.tree.inline import inline_nodes


def para_node(para: Para, b: Builder) -> Node:
    # (b.inline and para.line written out: the commonest node, two calls of five)
    spans = para.spans
    return Node("p", {"line": str(spans[0].line.n)}, inline_nodes(spans, b.links))


def section_node(section: Section, b: Builder) -> Node:
    # (node() and Node.add written out: a section is some 440 a pass of the samples, each two calls fewer)
    children: list[Node | str] = []
    if section.num is not None:
        num = section.num.text.strip()
        children.append(Node("num", {}, [num] if num else []))
    if section.heading:
        heading = plain(section.heading)
        children.append(Node("heading", {"line": str(section.heading[0].line.n)}, [heading] if heading else []))
    children += b.nodes(section.children)
    return Node("section", {"line": str(section.line), "level": str(section.level)}, children)


def list_node(block: ListBlock, b: Builder) -> Node:
    el = Node("list")
    for item in block.items:
        entry = Node("item", {"line": str(item.line)})
        if item.num is not None:
            entry.add(node("num", None, item.num.text.strip()))
        entry.children.extend(b.inline(item.spans))
        el.add(entry)
    return el


RENDERS: dict[type, NodeFunction] = {Para: para_node, Section: section_node, ListBlock: list_node, **toc.RENDERS}
