"""JSON for search indexers: the archive's shape, with the printed text of each part as a string.

The shape (README, "JSON"): an object with `format`, `source`, then either
`bulletin` or `documents`. Printed text is in `text` (a paragraph, a title, a
cell …), always as printed, markers and bold phrases included; normalised
values (ISO dates, numbers) sit beside it (`date`, `year`, `seq` …), and
`line` is the input line. Body blocks are a list of objects with a `type`
(section, p, table, list, responsible, member, heading, salutation); a
section holds `content`, so the list is the section tree. Keys keep one
order, so the same archive always gives the same bytes. Residue is left
out (it is in the archive, which stays the record).
"""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

from converter.publish.archive import child, children, name, text

FORMAT = "gongwen-json/1"
Json = dict[str, Any]
# Attributes copied as numbers, not strings.
NUMBERS = frozenset({"line", "lines", "level", "n", "seq", "year", "total", "page", "rowspan", "colspan"})


def render(root: etree._Element) -> bytes:
    return (json.dumps(archive(root), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def archive(root: etree._Element) -> Json:
    out: Json = {"format": FORMAT, "source": attributes(child(root, "source"))}
    page = child(root, "page")
    if page is not None:
        out["page"] = [leaf(fact) for fact in children(page)]
    bulletin = child(root, "bulletin")
    if bulletin is not None:
        out["bulletin"] = bulletin_json(bulletin)
    else:
        out["documents"] = [document(d) for d in children(root, "document")]
    return out


def attributes(el: etree._Element | None) -> Json:
    if el is None:
        return {}
    return {key: int(value) if key in NUMBERS and value.isdigit() else value for key, value in el.attrib.items()}


def leaf(el: etree._Element) -> Json:
    """A printed line or paragraph: its text, then its attributes; bold phrases and markers listed."""
    out: Json = {"text": text(el), **attributes(el)}
    bold = [text(b) for b in el.iter("{*}b")]
    if bold:
        out["bold"] = bold
    notes = [{"marker": text(n), "target": n.get("target")} for n in el.iter("{*}noteRef")]
    if notes:
        out["notes"] = notes
    return out


# ===== documents =====

def document(doc: etree._Element) -> Json:
    out: Json = attributes(doc)
    for c in children(doc):
        kind = name(c)
        if kind == "body":
            out["body"] = [block(b) for b in children(c)]
        elif kind == "author":
            out["author"] = {**leaf(c), "name": text(child(c, "name"))}
        elif kind in ("signature", "printer"):
            date = child(c, "date")
            out[kind] = {**attributes(c), "signers": [leaf(s) for s in children(c, "signer")],
                         "date": leaf(date) if date is not None else None}
        elif kind == "remark":
            out.setdefault("remarks", []).append(leaf(c))
        elif kind == "transmitted":
            out.setdefault("transmitted", []).extend(document(d) for d in children(c, "document"))
        elif kind == "attachments":
            out["attachments"] = [attachment(a) for a in children(c, "attachment")]
        elif kind == "glossary":
            out["glossary"] = glossary(c)
        elif kind == "member":
            out.setdefault("members", []).append(block(c))
        else:
            out[kind] = leaf(c)
    return out


def attachment(att: etree._Element) -> Json:
    out: Json = attributes(att)
    content: list[Json] = []
    for c in children(att):
        kind = name(c)
        if kind in ("label", "title"):
            out[kind] = leaf(c)
        elif kind == "document":
            content.append({"type": "document", **document(c)})
        else:
            content.append(block(c))
    out["content"] = content
    return out


def entry(el: etree._Element) -> Json:
    num, definition = child(el, "num"), child(el, "definition")
    return {**attributes(el), "num": text(num) if num is not None else None, "term": text(child(el, "term")),
            "definition": leaf(definition) if definition is not None else {}}


def glossary(gloss: etree._Element) -> Json:
    out: Json = attributes(gloss)
    title = child(gloss, "title")
    if title is not None:
        out["title"] = leaf(title)
    out["intro"] = [leaf(p) for p in children(gloss, "p")]
    out["entries"] = [entry(e) for e in children(gloss, "entry")]
    return out


def block(el: etree._Element) -> Json:
    kind = name(el)
    if kind == "section":
        out: Json = {"type": "section", **attributes(el)}
        num, heading = child(el, "num"), child(el, "heading")
        out["num"] = text(num) if num is not None else None
        out["heading"] = leaf(heading) if heading is not None else None
        out["content"] = [block(c) for c in children(el) if name(c) not in ("num", "heading")]
        return out
    if kind == "table":
        title = child(el, "title")
        return {"type": "table", **attributes(el), "title": leaf(title) if title is not None else None,
                "rows": [{**attributes(r), "cells": [cell(c) for c in children(r, "cell")]}
                         for r in children(el, "row")]}
    if kind == "list":
        return {"type": "list", "items": [item(i) for i in children(el, "item")]}
    if kind == "responsible":
        return {"type": kind, **leaf(el), "units": [text(u) for u in children(el, "unit")]}
    if kind == "member":
        post = child(el, "post")
        return {"type": kind, **leaf(el), "name": text(child(el, "name")),
                "post": text(post) if post is not None else None}
    return {"type": kind, **leaf(el)}


def item(el: etree._Element) -> Json:
    num = child(el, "num")
    return {**leaf(el), "num": text(num) if num is not None else None}


def cell(el: etree._Element) -> Json:
    """A table cell: its text (merged continuation text included) and its spans; an empty covered cell is ""."""
    out = leaf(el)
    merged = [leaf(m) for m in children(el, "merged")]
    if merged:
        out["merged"] = merged
    return out


# ===== a bulletin issue =====

def bulletin_json(bulletin: etree._Element) -> Json:
    """The issue's parts in the order printed, each with a `type`."""
    contents: list[Json] = []
    for c in children(bulletin):
        kind = name(c)
        if kind in ("about", "cover", "imprint", "masthead"):
            contents.append({"type": kind, **attributes(c), "lines": [{"type": name(x), **leaf(x)} for x in children(c)]})
        elif kind == "toc":
            contents.append({"type": "toc", **attributes(c),
                             "entries": [{"type": name(x), **leaf(x)} for x in children(c)]})
        elif kind == "part":
            label = child(c, "label")
            contents.append({"type": "part", **attributes(c), "label": leaf(label) if label is not None else None,
                             "documents": [document(d) for d in children(c, "document")]})
        elif kind == "document":
            contents.append({"type": "document", **document(c)})
        else:
            # 政务简讯, 人事任免, 大事记
            title = child(c, "title")
            contents.append({"type": kind, **attributes(c), "title": leaf(title) if title is not None else None,
                             "entries": [{"type": "document", **document(x)} if name(x) == "document"
                                         else {"type": name(x), **leaf(x)}
                                         for x in children(c) if name(x) != "title"]})
    return {"contents": contents}
