"""The nodes of the numbered sections, lists and paragraphs (sections.py parses them)."""

from __future__ import annotations

from typing import cast

from converter.blocks import toc
from converter.model.blocks import ListBlock, Para, Section
from converter.model.node import Child, Leaf, Node, node
from converter.model.text import plain
from converter.tree.builder import Builder, NodeFunction
from converter.tree.inline import inline_nodes


def para_node(para: Para, b: Builder) -> Node | Leaf:
    # (b.inline and para.line written out: the commonest node, two calls of five)
    spans = para.spans
    children = inline_nodes(spans, b.links)
    for child in children:      # (most: one string, or none)
        if type(child) is not str:
            return Node("p", {"line": str(spans[0].line.n)}, children)
    # text alone (no bold, no linked marker): a leaf, its strings joined as write joins a run of them
    texts = cast("list[str]", children)
    return f'<p line="{spans[0].line.n}">', texts[0] if len(texts) == 1 else "".join(texts), "</p>"


def section_node(section: Section, b: Builder) -> Node:
    # (node() and Node.add written out: a section is some 440 a pass of the samples, each two calls fewer;
    # its number and heading are leaves)
    children: list[Child] = []
    if section.num is not None:
        children.append(("<num>", section.num.text.strip(), "</num>"))
    if section.heading:
        children.append((f'<heading line="{section.heading[0].line.n}">', plain(section.heading), "</heading>"))
    children += b.nodes(section.children)
    return Node("section", {"line": str(section.line), "level": str(section.level)}, children)


def list_node(block: ListBlock, b: Builder) -> Node:
    el = Node("list")
    entries = el.children
    for item in b.each(block.items):
        # (an item made with its children in one go, its number's leaf() written out with constant tags: leaf()
        # made the tags anew a call, two strings an item, and a list grown by add holds room for four; a list of
        # 100,000 tiny lines held 13 MB more so. inline() makes a new list, the item's own.)
        children = b.inline(item.spans)
        if item.num is not None:
            children = [("<num>", item.num.text.strip(), "</num>"), *children]
        entries.append(Node("item", {"line": str(item.line)}, children))
    return el


RENDERS: dict[type, NodeFunction] = {Para: para_node, Section: section_node, ListBlock: list_node, **toc.RENDERS}
