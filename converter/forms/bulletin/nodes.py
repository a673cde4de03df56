"""A bulletin issue (parse.py) as nodes: about, masthead, 目录, cover, imprint, columns, records."""

from __future__ import annotations

from typing import Any

from converter.forms.bulletin.masthead import issue_match, published_date
from converter.forms.bulletin.parse import Bulletin, Fact, Part
from converter.forms.bulletin.toc import TocEntry
from converter.forms.bulletin.records import Records
from converter.model.document import Document
from converter.model.node import Node, leaf, node
from converter.tree.builder import Builder, NodeFunction
from converter.model.text import collapse, plain
from converter.rules import DATE
from converter.values import iso_date


def bulletin_node(b: Bulletin, builder: Builder) -> Node:
    el = Node("bulletin")
    if b.about_title:
        about = node("about", b.about_title[0].line.n)
        about.add(leaf("title", b.about_title[0].line.n, plain(b.about_title)))
        for para in b.about:
            about.add(Node("p", {"line": str(para.line)}, builder.inline(para.spans)))
        el.add(about)
    if b.masthead_title:
        el.add(masthead_node(b))
    if b.toc_title:
        el.add(toc_node(b))
    if b.cover:
        cover = node("cover", b.cover[0].line.n)
        for span in b.cover:
            cover.add(leaf("p", span.line.n, span.text.strip()))
        el.add(cover)
    if b.imprint:
        el.add(imprint_node(b))
    for item in b.parts:
        if isinstance(item, Part):
            part = Node("part", {"line": str(item.label.line.n)} if item.label else {})
            part.attrs["title"] = item.title
            if item.label is not None:
                part.add(leaf("label", item.label.line.n, item.label.text.strip()))
            part.children.extend(builder.nodes(item.documents))
            el.add(part)
        else:
            el.add(builder.node(item))
    for section in b.records:
        el.add(records_node(section, builder))
    return el


def masthead_node(b: Bulletin) -> Node:
    el = node("masthead", b.masthead_title[0].line.n)
    el.add(leaf("title", b.masthead_title[0].line.n, plain(b.masthead_title)))
    for span in b.masthead:
        text = span.text.strip()
        published = published_date(text)
        if issue_match(text):
            issue = node("issue", span.line.n, text)
            for name, value in (("year", b.year), ("n", b.n), ("total", b.total)):
                if value:
                    issue.attrs[name] = str(value)
            el.add(issue)
        elif published:
            date = node("date", span.line.n, text)
            date.attrs["value"] = published
            el.add(date)
        else:
            el.add(leaf("p", span.line.n, text))
    return el


def toc_node(b: Bulletin) -> Node:
    el = node("toc", b.toc_title[0].line.n)
    el.add(leaf("title", b.toc_title[0].line.n, plain(b.toc_title)))
    for entry in b.toc:
        if isinstance(entry, TocEntry):
            first = entry.num or (entry.spans[0] if entry.spans else entry.leader)
            e = node("tocEntry", first.line.n if first else None)
            if entry.num is not None:
                e.add(leaf("num", None, entry.num.text.strip()))
            if entry.spans:
                e.add(plain(entry.spans))
            if entry.page:
                e.attrs["page"] = str(entry.page)
            if entry.target:
                e.attrs["target"] = entry.target
            el.add(e)
        else:
            el.add(leaf("part", entry.line.n, collapse(entry.text)))
    return el


def imprint_node(b: Bulletin) -> Node:
    first = b.imprint[0]
    el = node("imprint", (first.spans[0] if isinstance(first, Fact) else first).line.n)
    for item in b.imprint:
        if isinstance(item, Fact):
            text = "".join(s.text for s in item.spans).strip()
            fact = node("fact", item.spans[0].line.n, text)
            fact.attrs["name"] = item.name
            date = DATE.search(text)
            value = iso_date(date) if date else None
            if value:
                fact.attrs["value"] = value      # 出版日期：二〇二四年三月三十一日
            el.add(fact)
        else:
            el.add(leaf("p", item.line.n, item.text.strip()))
    return el


def records_node(section: Records, builder: Builder) -> Node:
    el = node(section.kind, section.title[0].line.n)
    el.attrs["id"] = section.id
    el.add(leaf("title", section.title[0].line.n, plain(section.title)))
    name = "appointment" if section.kind == "appointments" else "event"
    for item in section.items:
        if isinstance(item, Document):
            el.add(builder.node(item))
            continue
        if item.heading:
            el.add(leaf("heading", item.line, plain(item.spans)))
            continue
        record = node(name, item.line)
        if item.date:
            record.attrs["date"] = item.date
        record.children.extend(builder.inline(item.spans))
        el.add(record)
    return el


RENDERS: dict[type, NodeFunction] = {Bulletin: bulletin_node}
