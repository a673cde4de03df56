"""Markdown (GitHub flavour): headings by the real numbering, tables as pipe tables, glossary as footnotes.

A heading's level is the section's @level below its document's title (as in
the HTML: a document title is `#`, a bulletin's documents `###`), never the
`#` an input may have had. Bold lead phrases are `**…**`. A footnote marker
(①) becomes a footnote reference to its glossary entry, whose definition is
the footnote; an entry no marker points at stays a paragraph (an unused
footnote would not be shown). Pipe tables cannot merge cells: a merged cell's
text stands in its first cell and the cells it covers stay empty, as in the
archive; the notes under a table follow it as paragraphs. Every character the
Markdown syntax could take for markup is escaped.
"""

from __future__ import annotations

import re

from lxml import etree

from converter.publish.archive import child, children, name, text
from converter.patterns import pattern

# Characters Markdown could read as inline markup.
INLINE_MARKUP = pattern(r"([\\`*_\[\]<>|~])", "a*b", "|")
# A line start Markdown could read as a block: a heading, quote, list item, rule, or ordered item (1. / 1)).
BLOCK_START = pattern(r"^(\s*)([#>+\-=]|\d+[.)](?=\s|$))", "# 标题", "1. 条目")
WHITE_SPACE = pattern(r"\s+", " ")
# A footnote label: the archive's entry id with anything but letters, digits and hyphens made a hyphen.
LABEL_CHARS = pattern(r"[^A-Za-z0-9-]", "d1.n2")


def render(root: etree._Element) -> bytes:
    referenced = {ref.get("target", "") for ref in root.iter("{*}noteRef")}
    out: list[str] = []
    for c in children(root):
        kind = name(c)
        if kind == "document":
            document(out, c, 1, referenced)
        elif kind == "bulletin":
            bulletin(out, c, referenced)
        elif kind == "page":
            out.extend(paragraph(inline(fact, referenced)) for fact in children(c))
    return ("\n\n".join(block for block in out if block) + "\n").encode("utf-8")


def escape(printed: str) -> str:
    """Printed text with markup characters escaped and each run of white space one space."""
    return INLINE_MARKUP.sub(r"\\\1", WHITE_SPACE.sub(" ", printed))


def paragraph(markdown: str) -> str:
    """A paragraph whose first characters cannot open another block."""
    return BLOCK_START.sub(lambda m: "\\" + m.group(2), markdown.strip(), count=1)


def heading(rank: int, markdown: str) -> str:
    markdown = markdown.strip()
    if not markdown:
        return ""
    return f"{'#' * rank} {markdown}" if rank <= 6 else paragraph(f"**{markdown}**")


def label(entry_id: str) -> str:
    return LABEL_CHARS.sub("-", entry_id)


def inline(el: etree._Element, referenced: set[str]) -> str:
    """An element's running text as Markdown: bold as **…**, footnote markers as [^label]."""
    parts = [escape(el.text or "")]
    for c in children(el):
        kind = name(c)
        if kind == "b":
            inner = inline(c, referenced).strip()
            parts.append(f"**{inner}**" if inner else "")
        elif kind == "noteRef":
            parts.append(f"[^{label(c.get('target', ''))}]")
        else:
            parts.append(inline(c, referenced))
        parts.append(escape(c.tail or ""))
    return "".join(parts)


def base_rank(el: etree._Element) -> int:
    """The heading rank of a document's title: as in the HTML page."""
    ancestors = [name(a) for a in el.iterancestors()]
    return (1 + ancestors.count("bulletin") + sum(ancestors.count(n) for n in ("part", "briefs"))
            + ancestors.count("attachment"))


# ===== documents =====

def document(out: list[str], doc: etree._Element, rank: int, referenced: set[str]) -> None:
    if doc.get("id"):
        out.append(f'<a id="{doc.get("id")}"></a>')
    for c in children(doc):
        kind = name(c)
        if kind == "title":
            out.append(heading(rank, inline(c, referenced)))
        elif kind == "body":
            for b in children(c):
                block(out, b, rank, referenced)
        elif kind in ("signature", "printer"):
            if kind == "printer" and not any(name(x) == "cc" for x in children(doc)):
                out.append("---")
            out.extend(paragraph(inline(x, referenced)) for x in children(c))
        elif kind == "cc":
            out.append("---")
            out.append(paragraph(inline(c, referenced)))
        elif kind == "transmitted":
            for d in children(c, "document"):
                document(out, d, rank, referenced)
        elif kind == "attachments":
            for att in children(c, "attachment"):
                attachment(out, att, rank + 1, referenced)
        elif kind == "glossary":
            glossary(out, c, rank + 1, referenced)
        elif kind == "member":
            block(out, c, rank, referenced)
        else:
            out.append(paragraph(inline(c, referenced)))


def attachment(out: list[str], att: etree._Element, rank: int, referenced: set[str]) -> None:
    for c in children(att):
        kind = name(c)
        if kind == "label":
            out.append(paragraph(f"**{inline(c, referenced)}**"))
        elif kind == "title":
            out.append(heading(rank, inline(c, referenced)))
        elif kind == "document":
            document(out, c, rank, referenced)
        else:
            block(out, c, rank - 1, referenced)


def glossary(out: list[str], gloss: etree._Element, rank: int, referenced: set[str]) -> None:
    for c in children(gloss):
        kind = name(c)
        if kind == "title":
            out.append(heading(rank, inline(c, referenced)))
        elif kind == "p":
            out.append(paragraph(inline(c, referenced)))
        elif kind == "entry":
            num = child(c, "num")
            term = f"**{escape(text(child(c, 'term')))}**："
            definition = child(c, "definition")
            said = inline(definition, referenced) if definition is not None else ""
            if c.get("id", "") in referenced:
                out.append(f"[^{label(c.get('id', ''))}]: {escape(text(num)) if num is not None else ''}{term}{said}")
            else:
                out.append(paragraph(f"{escape(text(num)) if num is not None else ''}{term}{said}"))


def block(out: list[str], el: etree._Element, rank: int, referenced: set[str]) -> None:
    kind = name(el)
    if kind == "section":
        num, head = child(el, "num"), child(el, "heading")
        title = "".join(escape(text(x)) for x in (num, head) if x is not None)
        out.append(heading(rank + int(el.get("level", "1")), title))
        for c in children(el):
            if name(c) not in ("num", "heading"):
                block(out, c, rank, referenced)
    elif kind == "table":
        table(out, el, referenced)
    elif kind == "list":
        out.append("\n".join(f"- {inline(i, referenced)}" for i in children(el, "item")))
    elif kind == "heading":
        out.append(heading(rank + 1, inline(el, referenced)))
    else:
        out.append(paragraph(inline(el, referenced)))


def table(out: list[str], tbl: etree._Element, referenced: set[str]) -> None:
    title = child(tbl, "title")
    if title is not None:
        out.append(paragraph(f"**{inline(title, referenced)}**"))
    rows = [r for r in children(tbl, "row") if r.get("kind") != "note"]
    width = max((len(children(r, "cell")) for r in rows), default=0)
    if width:
        lines = [pipe_row(r, width, referenced) for r in rows]
        if rows[0].get("kind") != "header":
            lines.insert(0, "|" + " |" * width)        # a pipe table needs a header row
        lines.insert(1, "|" + " --- |" * width)
        out.append("\n".join(lines))
    for note in children(tbl, "row"):
        if note.get("kind") == "note":
            out.extend(paragraph(inline(c, referenced)) for c in children(note, "cell"))


def pipe_row(row: etree._Element, width: int, referenced: set[str]) -> str:
    cells = [inline(c, referenced).strip() for c in children(row, "cell")]
    cells += [""] * (width - len(cells))
    if row.get("kind") == "group":
        cells = [f"**{cells[0]}**" if cells[0] else "", *cells[1:]]
    return "| " + " | ".join(cells) + " |"


# ===== a bulletin issue =====

def bulletin(out: list[str], issue: etree._Element, referenced: set[str]) -> None:
    for c in children(issue):
        kind = name(c)
        if kind == "masthead":
            for line in children(c):
                out.append(heading(1, inline(line, referenced)) if name(line) == "title"
                           else paragraph(inline(line, referenced)))
        elif kind == "toc":
            toc(out, c, referenced)
        elif kind == "part":
            for x in children(c):
                if name(x) == "label":
                    out.append(heading(2, inline(x, referenced)))
                else:
                    document(out, x, 3, referenced)
        elif kind == "document":
            document(out, c, 2, referenced)
        else:
            # 简介, cover, imprint, and the record sections: a title, then its lines or items
            if c.get("id"):
                out.append(f'<a id="{c.get("id")}"></a>')
            for x in children(c):
                if name(x) == "title":
                    out.append(heading(2, inline(x, referenced)))
                elif name(x) == "document":
                    document(out, x, 3, referenced)
                else:
                    out.append(paragraph(inline(x, referenced)))


def toc(out: list[str], contents: etree._Element, referenced: set[str]) -> None:
    entries: list[str] = []
    for x in children(contents):
        if name(x) == "title":
            out.append(heading(2, inline(x, referenced)))
        elif name(x) == "part":
            entries.append(f"- **{inline(x, referenced)}**")
        else:
            printed = inline(x, referenced)
            entries.append(f"- [{printed}](#{x.get('target')})" if x.get("target") else f"- {printed}")
    if entries:
        out.append("\n".join(entries))
