"""Akoma Ntoso for a bulletin issue (政府公报): an officialGazette.

    meta            the issue's FRBR identification (/akn/cn/officialGazette/DATE/YEAR-N)
                    and publication (name, issue number); each column (栏目) a TLCConcept
    preface         简介 (container about), the masthead (longTitle/docTitle, issue lines as
                    docNumber), the 目录 as a toc whose items link to the components, the
                    cover lines and the imprint (containers cover, imprint)
    collectionBody  a component per document, in the order printed (refersTo its column; the
                    first of a column has the column's printed heading),
                    then one per record section: 政务简讯 (a doc name="briefs" with an
                    hcontainer per item), 人事任免 and 大事记 (a p per entry, its date marked)
"""

from __future__ import annotations

from urllib.parse import quote

from lxml import etree

from converter.publish.akn import References, document, latest_date, meta, work_uri
from converter.publish.akn_body import Scope, dated, inline, sub, subdivide
from converter.publish.archive import child, children, name, text

RECORDS = ("briefs", "appointments", "chronicle")


def gazette(akn: etree._Element, bulletin: etree._Element, scope: Scope, kept: list[etree._Element]) -> None:
    el = sub(akn, "officialGazette", {"name": "gazette"})
    refs = References(scope)
    parts = children(bulletin, "part")
    concepts = [(scope.eid(f"part_{k}"), part.get("title", "")) for k, part in enumerate(parts, start=1)]
    # the components, in print order: which archive @id each one holds, for the TOC's links
    held: list[tuple[etree._Element, str | None]] = []
    for c in children(bulletin):
        if name(c) == "part":
            column = concepts[parts.index(c)][0]
            held.extend((d, column) for d in children(c, "document"))
        elif name(c) in ("document", *RECORDS):
            held.append((c, None))
    # archive @id → (component eId, whether it stands in a column)
    components = {item.get("id", ""): (f"cmp_{k}", concept is not None)
                  for k, (item, concept) in enumerate(held, start=1)}
    preface(el, bulletin, scope, components)
    body = sub(el, "collectionBody")
    for k, (item, concept) in enumerate(held, start=1):
        eid = scope.eid(f"cmp_{k}")
        component = sub(body, "component", {"eId": eid, **({"refersTo": f"#{concept}"} if concept else {})})
        parent = item.getparent()
        label = child(parent, "label") if parent is not None and name(parent) == "part" else None
        if parent is not None and label is not None and item is children(parent, "document")[0]:
            inline(sub(component, "heading"), label, scope)       # the column heading, where the column starts
        inner = Scope(scope.ids, f"{eid}__")
        if name(item) == "document":
            document(component, item, inner, None, [])
        else:
            records(component, item, inner)
    if not held:
        empty_component(body, bulletin, scope)
    date = latest_date(bulletin)
    masthead = child(bulletin, "masthead")
    title = text(child(masthead, "title")).strip() if masthead is not None else ""
    issue = child(masthead, "issue") if masthead is not None else None
    number = f"{issue.get('year')}-{issue.get('n')}" if issue is not None and issue.get("n") else None
    publication = {"date": date.iso, "name": title or "gazette", "showAs": title or "gazette"}
    if issue is not None and issue.get("n"):
        publication["number"] = issue.get("n", "")
    author = refs.organization(title) if title else refs.organization("unknown")
    meta(el, work_uri("officialGazette", None, date, number), date, refs, author,
         [("title", title)] if title else [], (number, text(issue).strip()) if number and issue is not None else None,
         None, kept, publication, concepts)


def preface(el: etree._Element, bulletin: etree._Element, scope: Scope,
            components: dict[str, tuple[str, bool]]) -> None:
    box = sub(el, "preface")
    for c in children(bulletin):
        kind = name(c)
        if kind in ("about", "cover", "imprint"):
            container = sub(box, "container", {"name": kind, "eId": scope.eid(kind)})
            for line in children(c):
                cls = {"title": "title", "fact": "fact"}.get(name(line))
                inline(sub(container, "p", {"class": cls} if cls else {}), line, scope)
            if len(container) == 0:
                sub(container, "p")
        elif kind == "masthead":
            masthead(box, c, scope)
        elif kind == "toc":
            toc(box, c, scope, components)


def masthead(box: etree._Element, head: etree._Element, scope: Scope) -> None:
    for line in children(head):
        kind = name(line)
        if kind == "title":
            inline(sub(sub(sub(box, "longTitle"), "p"), "docTitle"), line, scope)
        elif kind == "issue":
            inline(sub(sub(box, "p", {"class": "issue"}), "docNumber"), line, scope)
        else:
            inline(sub(box, "p", {"class": "masthead"}), line, scope)


def toc(box: etree._Element, contents: etree._Element, scope: Scope,
        components: dict[str, tuple[str, bool]]) -> None:
    """目录: a toc whose items link to the components; a column heading is an item of level 1."""
    title = child(contents, "title")
    if title is not None:
        inline(sub(box, "p", {"class": "tocTitle"}), title, scope)
    items = [c for c in children(contents) if name(c) in ("part", "tocEntry")]
    if not items:
        return
    listing = sub(box, "toc")
    for k, item in enumerate(items):
        if name(item) == "part":
            # a column heading links to the first document listed under it
            following = next((i for i in items[k + 1:] if name(i) == "tocEntry"), None)
            target = components.get(following.get("target", ""), ("", False))[0] if following is not None else ""
            entry = sub(listing, "tocItem", {"level": "1", "href": f"#{target}"})
        else:
            target, in_part = components.get(item.get("target", ""), (quote(item.get("target", ""), safe=""), False))
            entry = sub(listing, "tocItem", {"level": "2" if in_part else "1", "href": f"#{target}"})
        inline(entry, item, scope)


def records(component: etree._Element, section: etree._Element, scope: Scope) -> None:
    """政务简讯, 人事任免 or 大事记: one doc, each item an hcontainer (a brief) or a p (an entry)."""
    kind = name(section)
    el = sub(component, "doc", {"name": kind})
    refs = References(scope)
    title = child(section, "title")
    if title is not None:
        inline(sub(sub(sub(sub(el, "preface"), "longTitle"), "p"), "docTitle"), title, scope)
    body = sub(el, "mainBody")
    ordinal = 0
    for item in children(section):
        entry = name(item)
        if entry == "document":
            ordinal += 1
            brief(body, item, scope, f"brief_{ordinal}")
        elif entry == "heading":            # a month of the 大事记
            inline(sub(body, "p", {"class": "heading"}), item, scope)
        elif entry in ("appointment", "event"):
            p = sub(body, "p", {"class": entry})
            if len(item):
                inline(p, item, scope)
            else:
                dated(p, text(item), item.get("date"))
    if len(body) == 0:
        sub(body, "p")
    date = latest_date(section)
    meta(el, work_uri("doc", kind, date, None), date, refs, refs.organization("unknown"),
         [("title", text(title).strip())] if title is not None else [], None, kind, [])


def empty_component(body: etree._Element, bulletin: etree._Element, scope: Scope) -> None:
    """A collection needs a component: an issue cut short before its first document has an empty doc."""
    component = sub(body, "component", {"eId": scope.eid("cmp_1")})
    el = sub(component, "doc", {"name": "noDocument"})
    sub(sub(el, "mainBody"), "p")
    refs = References(Scope(scope.ids, f"{scope.eid('cmp_1')}__"))
    date = latest_date(bulletin)
    meta(el, work_uri("doc", "noDocument", date, None), date, refs, refs.organization("unknown"), [], None,
         "noDocument", [])


def brief(body: etree._Element, doc: etree._Element, scope: Scope, local: str) -> None:
    """One 政务简讯 item: its title the heading, its body the content."""
    box = sub(body, "hcontainer", {"name": "brief", "eId": scope.eid(local)})
    title = child(doc, "title")
    if title is not None:
        heading = sub(box, "heading")
        inline(heading, title, scope)
    items = [c for part in children(doc) if name(part) != "title"
             for c in (children(part) if name(part) == "body" else [part])]
    subdivide(box, items, scope, local)

