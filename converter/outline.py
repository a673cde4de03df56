"""`gongwen inspect`: what was recognised, as an indented outline.

Built by walking the archive XML (element names from FORMAT.md), never the
parser's model, so it shows exactly what a consumer of the XML gets: forms,
文号, titles, the section tree, tables with row counts, glossary size,
bulletin columns and 大事记. An element it does not know is shown by name
with a count of its children, and searched for documents inside.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable

from lxml import etree

INDENT = "  "
# The longest text shown for a title, heading or caption before it is cut.
TEXT_MAX = 60
# Document children shown as "name: text" (the GB/T 9704 head and foot).
TEXT_FIELDS = ("issuerMark", "docNumber", "title", "delivered", "author", "recipients", "attachmentNote", "cc")


def local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def children(el: etree._Element, name: str | None = None) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str) and (name is None or local(c) == name)]


def text_of(el: etree._Element) -> str:
    """All text inside `el`, white space collapsed, cut at TEXT_MAX characters."""
    text = " ".join("".join(el.itertext()).split())
    return text if len(text) <= TEXT_MAX else text[:TEXT_MAX - 1] + "…"


def at(el: etree._Element | None) -> str:
    return f"  (line {el.get('line')})" if el is not None and el.get("line") else ""


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {words or word + 's'}"


def outline(root: etree._Element, depth: int | None = None) -> list[str]:
    """The outline of an archive element, one line per entry; `depth` limits section nesting."""
    lines: list[str] = []
    source = root.find("{*}source")
    if source is not None:
        lines.append(f"{source.get('name')}  {source.get('encoding')}, {source.get('lines')} lines"
                     + (f", {source.get('converter')}" if source.get("converter") else ""))
    for el in children(root):
        name = local(el)
        if name == "document":
            document(el, 0, depth, lines)
        elif name == "bulletin":
            bulletin(el, 0, depth, lines)
        elif name == "residue":
            residue(el, lines)
        elif name == "page":
            page(el, lines)
        elif name != "source":
            other(el, 0, depth, lines)
    return lines


def document(el: etree._Element, level: int, depth: int | None, lines: list[str]) -> None:
    pad = INDENT * level
    lines.append(f"{pad}document {el.get('id')}  {el.get('form')}{at(el)}")
    pad += INDENT
    for child in children(el):
        name = local(child)
        if name in TEXT_FIELDS:
            lines.append(f"{pad}{name}: {text_of(child)}")
        elif name == "body":
            body(child, level + 1, depth, lines)
        elif name in ("signature", "printer", "dateline"):
            date = child.find("{*}date")
            signers = "、".join(text_of(s) for s in children(child, "signer"))
            lines.append(f"{pad}{name}: {signers}{' ' if signers else ''}{date.get('value') if date is not None else ''}")
        elif name == "transmitted":
            lines.append(f"{pad}transmitted:")
            for inner in children(child, "document"):
                document(inner, level + 2, depth, lines)
        elif name == "glossary":
            title = child.find("{*}title")
            caption = f"{text_of(title)}, " if title is not None else ""
            lines.append(f"{pad}glossary: {caption}{plural(len(children(child, 'entry')), 'entry', 'entries')}")
        elif name == "attachments":
            attachments(child, level + 1, depth, lines)
        else:
            other(child, level + 1, depth, lines)


def body(el: etree._Element, level: int, depth: int | None, lines: list[str]) -> None:
    counts = Counter(local(c) for c in children(el))
    parts = [plural(counts[k], w) for k, w in (("section", "section"), ("p", "paragraph"), ("table", "table"),
                                                 ("list", "list"), ("member", "member")) if counts[k]]
    lines.append(f"{INDENT * level}body: {', '.join(parts) or 'empty'}")
    blocks(el, level + 1, 1, depth, lines)


def blocks(el: etree._Element, level: int, nesting: int, depth: int | None, lines: list[str]) -> None:
    """Sections (to `depth` levels of nesting), tables, lists and documents inside a body, section or attachment."""
    pad = INDENT * level
    for child in children(el):
        name = local(child)
        if name == "section":
            if depth is not None and nesting > depth:
                continue
            num = child.find("{*}num")
            heading = child.find("{*}heading")
            label = " ".join(text_of(x) for x in (num, heading) if x is not None) or "(no heading)"
            paragraphs = len(children(child, "p"))
            extra = f", {plural(paragraphs, 'paragraph')}" if paragraphs else ""
            lines.append(f"{pad}{label}  (level {child.get('level')}, line {child.get('line')}{extra})")
            blocks(child, level + 1, nesting + 1, depth, lines)
        elif name == "table":
            table(child, level, lines)
        elif name == "list":
            lines.append(f"{pad}list: {plural(len(children(child, 'item')), 'item')}{at(child.find('{*}item'))}")
        elif name == "document":           # a document printed as an attachment
            document(child, level, depth, lines)
        elif name in BLOCK_LINES and not (name == "heading" and local(el) == "section"):   # a section's own heading
            lines.append(f"{pad}{BLOCK_LINES[name](child)}{at(child)}")


# Blocks shown as one line each: an unnumbered part heading, a chapter list, a 题注, an
# amendment, what a reply answers, who attended.
BLOCK_LINES: dict[str, Callable[[etree._Element], str]] = {
    "heading": lambda el: f"heading: {text_of(el)}",
    "toc": lambda el: f"toc: {plural(len(children(el, 'tocEntry')), 'entry', 'entries')}",
    "adopted": lambda el: f"adopted: {el.get('date') or text_of(el)}",
    "amendment": lambda el: f"amendment {el.findtext('{*}num') or ''}".rstrip(),
    "answers": lambda el: f"answers ({el.get('form') or '?'}): {text_of(el)}",
    "attendance": lambda el: f"attendance: {plural(len(children(el, 'attendee')), 'attendee')}",
}


def table(el: etree._Element, level: int, lines: list[str]) -> None:
    rows = children(el, "row")
    kinds = Counter(row.get("kind") for row in rows)
    detail = ", ".join(f"{kinds[k]} {k}" for k in ("header", "group", "data", "note") if kinds[k])
    header = next((row for row in rows if row.get("kind") == "header"), None)
    columns = f", {len(children(header, 'cell'))} columns" if header is not None else ""
    title = el.find("{*}title")
    caption = f" {text_of(title)}" if title is not None else ""
    lines.append(f"{INDENT * level}table{caption}: {plural(len(rows), 'row')} ({detail}){columns}{at(el)}")


def attachments(el: etree._Element, level: int, depth: int | None, lines: list[str]) -> None:
    pad = INDENT * level
    lines.append(f"{pad}attachments: {len(children(el, 'attachment'))}")
    for item in children(el, "attachment"):
        title = item.find("{*}title")
        name = " ".join(x for x in ("attachment", item.get("num") or "") if x)
        lines.append(f"{pad}{INDENT}{name}{': ' + text_of(title) if title is not None else ''}{at(item)}")
        blocks(item, level + 2, 1, depth, lines)


# Bulletin parts shown as their caption and a count: part → (counted child, singular, plural).
COUNTED = {
    "cover": ("p", "line", "lines"),
    "toc": ("tocEntry", "entry", "entries"),
    "imprint": ("fact", "fact", "facts"),
    "appointments": ("appointment", "appointment", "appointments"),
    "chronicle": ("event", "event", "events"),
}


def bulletin(el: etree._Element, level: int, depth: int | None, lines: list[str]) -> None:
    pad = INDENT * (level + 1)
    lines.append(f"{INDENT * level}bulletin")
    for child in children(el):
        name = local(child)
        title = child.find("{*}title")
        caption = child.get("title") or (text_of(title) if title is not None else "")
        if name == "masthead":
            issues = "; ".join(f"{text_of(i)} (year {i.get('year')}, no. {i.get('n')}, total {i.get('total')})"
                               for i in children(child, "issue"))
            lines.append(f"{pad}masthead: {joined_caption(caption, issues)}")
        elif name in COUNTED:
            counted, one, many = COUNTED[name]
            count = plural(len(children(child, counted)), one, many)
            lines.append(f"{pad}{name}: {joined_caption(caption, count)}")
        elif name in ("part", "briefs"):
            docs = children(child, "document")
            lines.append(f"{pad}{name}: {joined_caption(caption, plural(len(docs), 'document'))}")
            for doc in docs:
                document(doc, level + 2, depth, lines)
        elif name == "about":
            lines.append(f"{pad}about: {caption}")
        else:
            other(child, level + 1, depth, lines)


def joined_caption(caption: str, detail: str) -> str:
    return f"{caption} — {detail}" if caption and detail else caption or detail


def page(el: etree._Element, lines: list[str]) -> None:
    """The page record: how many facts, and their names in order."""
    names = [fact.get("name") or "" for fact in children(el, "fact")]
    lines.append(f"page: {plural(len(names), 'fact')} ({', '.join(names)})")


def residue(el: etree._Element, lines: list[str]) -> None:
    reasons = Counter(item.get("reason") for item in children(el, "removed"))
    detail = ", ".join(f"{reason} {n}" for reason, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))
    lines.append(f"residue: {sum(reasons.values())} removed{f' ({detail})' if detail else ''}")


def other(el: etree._Element, level: int, depth: int | None, lines: list[str]) -> None:
    """An element this outline does not know: its name and size, and any documents inside."""
    pad = INDENT * level
    kids = children(el)
    caption = el.get("title") or ""
    lines.append(f"{pad}{local(el)}{': ' + caption if caption else ''} ({plural(len(kids), 'child', 'children')})")
    for kid in kids:
        if local(kid) == "document":
            document(kid, level + 1, depth, lines)
        elif kid.find(".//{*}document") is not None:
            other(kid, level + 1, depth, lines)
