"""Akoma Ntoso 3.0 for what a document's body holds: sections, paragraphs, tables, lists, glossaries.

Sections become `chapter` / `section` / `article` / `book` when their number
says 第X章 / 第X节 / 第X条 / 第X编, else `hcontainer name="levelN"` (N the
section's @level). Their eIds come from the printed numbering as ASCII
(`chp_2__art_6`, `level1_3__level2_1`); a section without a readable number
takes its place among its siblings. The strict schema lets a hierarchical
element hold either `content` or subdivisions with an `intro` before them and
a `wrapUp` after; paragraphs printed between two subsections go into an
`hcontainer name="interstitial"`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from converter.publish import numbering
from converter.publish.archive import child, children, name, text
from converter.patterns import pattern

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# Which Akoma Ntoso element a regulation's division is, and its eId prefix (AKN naming convention).
DIVISIONS = {"编": ("book", "book"), "章": ("chapter", "chp"), "节": ("section", "sec"), "条": ("article", "art"),
             "款": ("paragraph", "para")}
# A date printed in full: 2023年1月10日, 2023 年 1 月 10 日 (digits, any width).
PRINTED_DATE = pattern(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日", "2023年1月10日")
# A day printed without its year, as 大事记 entries print it: 1月5日.
PRINTED_DAY = pattern(r"(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日", "1月5日")


def q(local: str) -> str:
    return f"{{{AKN}}}{local}"


def sub(parent: etree._Element, local: str, attrs: dict[str, str] | None = None, content: str | None = None
        ) -> etree._Element:
    el = etree.SubElement(parent, q(local), attrs or {})
    if content:
        el.text = content
    return el


@dataclass
class Ids:
    """eIds handed out in one Akoma Ntoso file; the strict schema wants them unique across it."""

    used: set[str] = field(default_factory=set)
    notes: dict[str, str] = field(default_factory=dict)     # archive glossary entry @id → its item's eId

    def claim(self, wanted: str) -> str:
        """`wanted`, or `wanted_2`, `wanted_3` … when a malformed numbering printed one number twice."""
        eid, k = wanted, 1
        while eid in self.used:
            k += 1
            eid = f"{wanted}_{k}"
        self.used.add(eid)
        return eid


@dataclass(frozen=True)
class Scope:
    """Where eIds are being made: the file's Ids and this document's prefix (att_1__, cmp_2__)."""

    ids: Ids
    prefix: str = ""

    def eid(self, local: str) -> str:
        return self.ids.claim(self.prefix + local)


# ===== blocks =====

def blocks(parent: etree._Element, items: list[etree._Element], scope: Scope, path: str = "") -> None:
    """Each archive block of `items` as Akoma Ntoso under `parent`; `path` is the enclosing eId."""
    ordinal: dict[str, int] = {}
    for item in items:
        block(parent, item, scope, path, ordinal)


def block(parent: etree._Element, item: etree._Element, scope: Scope, path: str, ordinal: dict[str, int]) -> None:
    kind = name(item)
    if kind == "section":
        hierarchy(parent, item, scope, path, ordinal)
    elif kind == "p":
        inline(sub(parent, "p"), item, scope)
    elif kind == "table":
        table(parent, item, scope, path, ordinal)
    elif kind == "list":
        block_list(parent, item, scope, path, ordinal)
    elif kind in ("heading", "salutation", "responsible", "member"):
        inline(sub(parent, "p", {"class": kind}), item, scope)
    elif kind == "glossary":
        glossary(parent, item, scope)
    else:
        # an element this mapping does not know: its text is kept
        inline(sub(parent, "p", {"class": kind}), item, scope)


def next_ordinal(ordinal: dict[str, int], prefix: str) -> int:
    ordinal[prefix] = ordinal.get(prefix, 0) + 1
    return ordinal[prefix]


def joined(path: str, local: str) -> str:
    return f"{path}__{local}" if path else local


def hierarchy(parent: etree._Element, section: etree._Element, scope: Scope, path: str,
              ordinal: dict[str, int]) -> None:
    num = child(section, "num")
    word = numbering.division(text(num)) if num is not None else None
    if word:
        element, prefix = DIVISIONS[word]
        attrs: dict[str, str] = {}
    else:
        element, prefix = "hcontainer", f"level{section.get('level', '1')}"
        attrs = {"name": prefix}
    n = numbering.value(text(num)) if num is not None else None
    local = joined(path, f"{prefix}_{n if n is not None else next_ordinal(ordinal, prefix)}")
    eid = scope.eid(local)
    attrs["eId"] = eid
    el = sub(parent, element, attrs)
    if num is not None:
        sub(el, "num", content=text(num))
    heading = child(section, "heading")
    if heading is not None:
        sub(el, "heading", content=text(heading))
    subdivide(el, [c for c in children(section) if name(c) not in ("num", "heading")], scope, local)


def subdivide(el: etree._Element, items: list[etree._Element], scope: Scope, path: str) -> None:
    """content, or intro / subdivisions / interstitial containers / wrapUp, as the strict schema has it."""
    if not any(name(item) == "section" for item in items):
        content = sub(el, "content")
        blocks(content, items, scope, path)
        if len(content) == 0:
            sub(content, "p")                 # a heading with nothing under it: content needs a block
        return
    runs: list[list[etree._Element]] = [[]]
    for item in items:
        if name(item) == "section":
            runs.append([item])
            runs.append([])
        else:
            runs[-1].append(item)
    ordinal: dict[str, int] = {}
    last = len(runs) - 1
    for k, run in enumerate(runs):
        if not run:
            continue
        if name(run[0]) == "section":
            hierarchy(el, run[0], scope, path, ordinal)
        elif k == 0:
            blocks(sub(el, "intro"), run, scope, path)
        elif k == last:
            blocks(sub(el, "wrapUp"), run, scope, path)
        else:
            local = joined(path, f"interstitial_{next_ordinal(ordinal, 'interstitial')}")
            box = sub(el, "hcontainer", {"name": "interstitial", "eId": scope.eid(local)})
            blocks(sub(box, "content"), run, scope, local)


def block_list(parent: etree._Element, lst: etree._Element, scope: Scope, path: str,
               ordinal: dict[str, int]) -> None:
    local = joined(path, f"list_{next_ordinal(ordinal, 'list')}")
    el = sub(parent, "blockList", {"eId": scope.eid(local)})
    numbers: dict[str, int] = {}
    for item in children(lst, "item"):
        num = child(item, "num")
        n = numbering.value(text(num)) if num is not None else None
        entry = sub(el, "item", {"eId": scope.eid(joined(local, f"item_{n or next_ordinal(numbers, 'item')}"))})
        if num is not None:
            sub(entry, "num", content=text(num))
        inline(sub(entry, "p"), item, scope, skip=("num",))
    if len(el) == 0:
        sub(sub(el, "item"), "p")


def glossary(parent: etree._Element, gloss: etree._Element, scope: Scope) -> None:
    """名词解释: an hcontainer whose blockList items hold each term as a `def`; markers point at them."""
    box = sub(parent, "hcontainer", {"name": "glossary", "eId": scope.eid("glossary")})
    title = child(gloss, "title")
    if title is not None:
        sub(box, "heading", content=text(title))
    content = sub(box, "content")
    for p in children(gloss, "p"):
        inline(sub(content, "p"), p, scope)
    entries = sub(content, "blockList", {"eId": scope.eid("glossary__list")})
    for entry in children(gloss, "entry"):
        eid = scope.ids.notes.get(entry.get("id", "")) or scope.eid(f"glossary__item_{entry.get('n')}")
        item = sub(entries, "item", {"eId": eid})
        num = child(entry, "num")
        if num is not None:
            sub(item, "num", content=text(num))
        p = sub(item, "p")
        sub(p, "def", content=text(child(entry, "term")))
        definition = child(entry, "definition")
        if definition is not None:
            inline(p, definition, scope, append=True)


def reserve_notes(gloss: etree._Element | None, scope: Scope) -> None:
    """Give a glossary's entries their eIds before the body that points at them is built."""
    if gloss is None:
        return
    for entry in children(gloss, "entry"):
        if entry.get("id"):
            scope.ids.notes[entry.get("id", "")] = scope.eid(f"glossary__item_{entry.get('n')}")


# ===== tables =====

def table(parent: etree._Element, tbl: etree._Element, scope: Scope, path: str, ordinal: dict[str, int]) -> None:
    local = joined(path, f"table_{next_ordinal(ordinal, 'table')}")
    el = sub(parent, "table", {"eId": scope.eid(local)})
    title = child(tbl, "title")
    if title is not None:
        sub(el, "caption", content=text(title))
    rows = children(tbl, "row")
    width = columns(rows)
    covered = covered_cells(rows)
    for r, row in enumerate(rows):
        kind = row.get("kind", "data")
        tr = sub(el, "tr", {"class": kind})
        cells = children(row, "cell")
        across = kind in ("group", "note") and len(cells) == 1 and width > 1
        for c, cell in enumerate(cells):
            if (r, c) in covered and not text(cell).strip():
                continue
            attrs = {k: cell.get(k, "") for k in ("rowspan", "colspan") if cell.get(k)}
            if across:
                attrs["colspan"] = str(width)
            cell_el = sub(tr, "th" if kind in ("header", "group") else "td", attrs)
            inline(sub(cell_el, "p"), cell, scope)
        if len(tr) == 0:
            sub(sub(tr, "td"), "p")


def columns(rows: list[etree._Element]) -> int:
    """How many columns the table has: the first header or data row's cells, colspans counted."""
    for row in rows:
        if row.get("kind") in ("header", "data"):
            return sum(int(cell.get("colspan", "1")) for cell in children(row, "cell"))
    return max((len(children(row, "cell")) for row in rows), default=1)


def covered_cells(rows: list[etree._Element]) -> set[tuple[int, int]]:
    """(row, column) of the cells another cell's rowspan or colspan covers (kept empty in the archive)."""
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        for c, cell in enumerate(children(row, "cell")):
            down, across = int(cell.get("rowspan", "1")), int(cell.get("colspan", "1"))
            for dr in range(down):
                for dc in range(across):
                    if dr or dc:
                        covered.add((r + dr, c + dc))
    return covered


# ===== inline text =====

def inline(target: etree._Element, source: etree._Element, scope: Scope, skip: tuple[str, ...] = (),
           append: bool = False) -> None:
    """The text and inline markup of an archive element, as Akoma Ntoso inline content of `target`."""
    if append:
        add_text(target, source.text)
    else:
        target.text = source.text
    for c in children(source):
        kind = name(c)
        if kind in skip:
            add_text(target, c.tail)
            continue
        if kind == "b":
            inline(sub(target, "b"), c, scope)
        elif kind == "noteRef":
            marker = text(c)
            href = "#" + scope.ids.notes.get(c.get("target", ""), c.get("target", ""))
            sub(target, "noteRef", {"marker": marker, "href": href})
        else:
            # name, post, unit, merged, num, item: a span keeps their text and says what it was
            inline(sub(target, "span", {"class": kind}), c, scope)
        target[-1].tail = c.tail


def add_text(el: etree._Element, more: str | None) -> None:
    if not more:
        return
    if len(el):
        el[-1].tail = (el[-1].tail or "") + more
    else:
        el.text = (el.text or "") + more


def dated(target: etree._Element, printed: str, iso: str | None, element: str = "date") -> None:
    """`printed` as the text of `target`, its printed date wrapped in <date date=ISO> when it matches `iso`."""
    if iso:
        year, month, day = (int(part) for part in iso.split("-"))
        for m in PRINTED_DATE.finditer(printed):
            if (int(m["y"]), int(m["m"]), int(m["d"])) == (year, month, day):
                wrap(target, printed, m.start(), m.end(), element, iso)
                return
        for m in PRINTED_DAY.finditer(printed):
            if (int(m["m"]), int(m["d"])) == (month, day):
                wrap(target, printed, m.start(), m.end(), element, iso)
                return
    target.text = printed


def wrap(target: etree._Element, printed: str, start: int, end: int, element: str, iso: str) -> None:
    target.text = printed[:start]
    el = sub(target, element, {"date": iso})
    el.text = printed[start:end]
    el.tail = printed[end:]
