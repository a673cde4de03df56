"""Akoma Ntoso 3.0 from archive XML, valid against the strict OASIS schema (schemas/akn/).

One archive becomes one `akomaNtoso`: a bulletin issue an `officialGazette`
whose `collectionBody` has a `component` per document and per record section
(政务简讯, 人事任免, 大事记); one document a `doc` (@name is its form); several
a `documentCollection`. A document maps as /work/shared/AKN.md has it:

    preface      docAuthority (发文机关标志), docNumber (文号), longTitle/docTitle,
                 the occasion and speaker of a report
    preamble     p class="addressee" (主送机关)
    mainBody     sections (akn_body), 附件说明 as a blockList, 名词解释 as a
                 glossary hcontainer whose items the noteRefs point at
    conclusions  signature/organization and docDate (署名, 成文日期), 附注, 抄送, 印发
    attachments  the document a notice issues, then each 附件, as a doc

Every date comes from the document, never from the clock: the FRBR dates are
its 成文日期, else its 印发日期, else the date it was delivered, else (a
政务简讯 item) its own date, else the date of the document it came with; a
bulletin's is the latest date printed in it. The strict schema demands a
full date, so a text that prints none at all gets FRBRdate 0001-01-01 named
"undated" — a placeholder no reader can take for the document's date.
The Work URI is /akn/cn/doc/FORM/DATE/NUMBER, NUMBER built from the 文号
(新政发〔2023〕1号 → 新政发-2023-1, percent-encoded so that the URI is ASCII).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from urllib.parse import quote

from typing import Sequence

from lxml import etree

from converter import __version__
from converter.publish.akn_body import (AKN, Ids, Scope, blocks, dated, glossary, inline, reserve_notes,
                                        sub, q)
from converter.publish.archive import child, children, name, text
from converter.publish.resources import schema_file

SCHEMA = "akn/akomantoso30.xsd"
UNDATED = "0001-01-01"
GONGWEN = "gongwen"
# Who a document is by when it names no signer, issuer, printer or speaker (FRBRauthor is required).
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Dated:
    iso: str
    name: str          # which date it is: signature, printing, delivery, brief, issued-with, latest-printed, undated


@dataclass
class References:
    """The organisations and persons a document names, each once, for meta/references."""

    scope: Scope
    organizations: dict[str, str] = field(default_factory=dict)    # name as printed → eId
    persons: dict[str, str] = field(default_factory=dict)

    def organization(self, printed: str) -> str:
        if printed not in self.organizations:
            self.organizations[printed] = self.scope.eid(f"org_{len(self.organizations) + 1}")
        return self.organizations[printed]

    def person(self, printed: str) -> str:
        if printed not in self.persons:
            self.persons[printed] = self.scope.eid(f"person_{len(self.persons) + 1}")
        return self.persons[printed]


# Elements whose content is running text: indentation inside them would be text.
INLINE_HOSTS = frozenset(q(n) for n in (
    "p", "heading", "num", "caption", "tocItem", "docTitle", "docNumber", "docAuthority", "docDate", "date",
    "signature", "organization", "person", "def", "span", "b"))


def render(root: etree._Element) -> bytes:
    """The Akoma Ntoso XML of an archive tree, indented where indentation is not text."""
    akn = build(root)
    etree.indent(akn, space="  ")
    for el in akn.iter(*INLINE_HOSTS):
        if el.text is not None and not el.text.strip() and "\n" in el.text:
            el.text = None
        for c in el:
            if c.tail is not None and not c.tail.strip() and "\n" in c.tail:
                c.tail = None
    return etree.tostring(akn, xml_declaration=True, encoding="UTF-8")


def build(archive: etree._Element) -> etree._Element:
    akn = etree.Element(q("akomaNtoso"), nsmap={None: AKN})
    scope = Scope(Ids())
    # what identifies the input travels in the top document's proprietary metadata
    kept = [c for c in children(archive, "source", "page")]
    bulletin = child(archive, "bulletin")
    documents = children(archive, "document")
    if bulletin is not None:
        from converter.publish.akn_gazette import gazette    # it builds on this module's functions
        gazette(akn, bulletin, scope, kept)
    elif len(documents) == 1:
        document(akn, documents[0], scope, None, kept)
    else:
        collection(akn, documents, scope, kept)
    return akn


@functools.cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schema_file(SCHEMA))))


def problems(akn: etree._Element) -> list[str]:
    """What the strict Akoma Ntoso 3.0 schema finds wrong with a tree: `LINE: message` each."""
    checker = schema()
    if checker.validate(akn):
        return []
    return [f"{e.line}: {e.message}" for e in checker.error_log]


# ===== dates, numbers, URIs =====

def document_date(doc: etree._Element, inherited: Dated | None) -> Dated:
    for path, attr, kind in (("signature", "value", "signature"), ("printer", "value", "printing")):
        holder = child(doc, path)
        date = child(holder, "date") if holder is not None else None
        if date is not None and date.get(attr):
            return Dated(date.get(attr, ""), kind)
    delivered = child(doc, "delivered")
    if delivered is not None and delivered.get("date"):
        return Dated(delivered.get("date", ""), "delivery")
    if doc.get("date"):
        return Dated(doc.get("date", ""), "brief")
    if inherited is not None and inherited.name != "undated":
        return Dated(inherited.iso, "issued-with")
    return Dated(UNDATED, "undated")


def latest_date(el: etree._Element) -> Dated:
    """The latest full date printed anywhere inside `el` (a bulletin issue, a record section)."""
    found = [v for node in el.iter() if isinstance(node.tag, str)
             for v in (node.get("value"), node.get("date")) if v and len(v) == 10]
    return Dated(max(found), "latest-printed") if found else Dated(UNDATED, "undated")


def number_part(doc: etree._Element) -> str | None:
    """新政发〔2023〕1号 → 新政发-2023-1, percent-encoded: the number component of the Work URI."""
    num = child(doc, "docNumber")
    if num is None or not num.get("year"):
        return None
    return quote(f"{num.get('prefix', '')}-{num.get('year')}-{num.get('seq')}".strip("-"), safe="-")


def work_uri(kind: str, subtype: str | None, date: Dated, number: str | None) -> str:
    parts = ["/akn/cn", kind, *([subtype] if subtype else []), date.iso, *([number] if number else [])]
    return "/".join(parts)


def ontology(kind: str, printed: str) -> str:
    return f"/ontology/{kind}/cn/{quote(printed, safe='')}"


def meta(el: etree._Element, work: str, date: Dated, refs: References, author: str,
         aliases: list[tuple[str, str]], number: tuple[str, str] | None, subtype: str | None,
         kept: list[etree._Element], publication: dict[str, str] | None = None,
         concepts: Sequence[tuple[str, str]] = ()) -> None:
    """meta (inserted first): FRBR identification, references, and what gongwen keeps of the input."""
    box = etree.Element(q("meta"))
    el.insert(0, box)
    ident = sub(box, "identification", {"source": f"#{GONGWEN}"})
    expression = f"{work}/zho@"
    gongwen = refs.scope.eid(GONGWEN)
    levels = (("FRBRWork", work, f"{work}/!main", author),
              ("FRBRExpression", expression, f"{expression}/!main", author),
              ("FRBRManifestation", f"{expression}.akn", f"{expression}/!main.xml", gongwen))
    for level, uri, this, by in levels:
        frbr = sub(ident, level)
        sub(frbr, "FRBRthis", {"value": this})
        sub(frbr, "FRBRuri", {"value": uri})
        if level == "FRBRWork":
            for alias_name, value in aliases:
                sub(frbr, "FRBRalias", {"value": value, "name": alias_name})
        sub(frbr, "FRBRdate", {"date": date.iso, "name": date.name})
        sub(frbr, "FRBRauthor", {"href": f"#{by}"})
        if level == "FRBRWork":
            sub(frbr, "FRBRcountry", {"value": "cn"})
            if subtype:
                sub(frbr, "FRBRsubtype", {"value": subtype})
            if number:
                sub(frbr, "FRBRnumber", {"value": number[0], "showAs": number[1]})
        if level == "FRBRExpression":
            sub(frbr, "FRBRlanguage", {"language": "zho"})
    if publication:
        sub(box, "publication", publication)
    references = sub(box, "references", {"source": f"#{GONGWEN}"})
    for printed, eid in refs.persons.items():
        sub(references, "TLCPerson", {"eId": eid, "href": ontology("person", printed), "showAs": printed})
    for printed, eid in refs.organizations.items():
        sub(references, "TLCOrganization", {"eId": eid, "href": ontology("organization", printed),
                                             "showAs": printed})
    sub(references, "TLCOrganization", {"eId": gongwen, "href": f"/ontology/organization/{GONGWEN}",
                                         "showAs": f"{GONGWEN} {__version__}"})
    for eid, printed in concepts:
        sub(references, "TLCConcept", {"eId": eid, "href": ontology("concept", printed), "showAs": printed})
    if kept:
        proprietary = sub(box, "proprietary", {"source": f"#{GONGWEN}"})
        for original in kept:
            proprietary.append(etree.fromstring(etree.tostring(original)))


def author_of(doc: etree._Element, refs: References) -> str:
    """The eId of who issued the document: its signers, else its 发文机关标志, its 印发机关, its speaker."""
    signature = child(doc, "signature")
    for signer in children(signature, "signer") if signature is not None else []:
        return refs.organization(text(signer).strip())
    mark = child(doc, "issuerMark")
    if mark is not None:
        return refs.organization(text(mark).strip())
    printer = child(doc, "printer")
    for signer in children(printer, "signer") if printer is not None else []:
        return refs.organization(text(signer).strip())
    speaker = child(doc, "author")
    if speaker is not None and child(speaker, "name") is not None:
        return refs.person(text(child(speaker, "name")).strip())
    return refs.organization(UNKNOWN)


# ===== a document =====

def document(parent: etree._Element, doc: etree._Element, scope: Scope, inherited: Dated | None,
             kept: list[etree._Element], label: etree._Element | None = None) -> etree._Element:
    form = doc.get("form", "unknown")
    el = sub(parent, "doc", {"name": form})
    date = document_date(doc, inherited)
    refs = References(scope)
    author = author_of(doc, refs)
    reserve_notes(child(doc, "glossary"), scope)
    preface(el, doc, refs, label)
    recipients = child(doc, "recipients")
    if recipients is not None:
        inline(sub(sub(el, "preamble"), "p", {"class": "addressee"}), recipients, scope)
    main_body(el, doc, scope)
    conclusions(el, doc, refs, scope)
    attachments(el, doc, scope, date)
    number = child(doc, "docNumber")
    title = child(doc, "title")
    aliases = [(n, text(e).strip()) for n, e in (("docNumber", number), ("title", title)) if e is not None]
    part = number_part(doc)
    meta(el, work_uri("doc", form, date, part), date, refs, author, aliases,
         (part, text(number).strip()) if part and number is not None else None, form, kept)
    return el


def preface(el: etree._Element, doc: etree._Element, refs: References, label: etree._Element | None) -> None:
    box = etree.Element(q("preface"))
    if label is not None:
        inline(sub(box, "p", {"class": "label"}), label, refs.scope)
    for c in children(doc):
        kind = name(c)
        if kind == "issuerMark":
            inline(sub(sub(box, "p", {"class": "issuerMark"}), "docAuthority"), c, refs.scope)
        elif kind == "docNumber":
            inline(sub(sub(box, "p", {"class": "docNumber"}), "docNumber"), c, refs.scope)
        elif kind == "title":
            inline(sub(sub(sub(box, "longTitle"), "p"), "docTitle"), c, refs.scope)
        elif kind == "delivered":
            dated(sub(box, "p", {"class": "delivered"}), text(c), c.get("date"))
        elif kind == "author":
            speaker(sub(box, "p", {"class": "author"}), c, refs)
    if len(box):
        el.append(box)


def speaker(p: etree._Element, author: etree._Element, refs: References) -> None:
    p.text = author.text
    for c in children(author):
        if name(c) == "name":
            sub(p, "person", {"refersTo": f"#{refs.person(text(c).strip())}"}, text(c))
        else:
            inline(sub(p, "span", {"class": name(c)}), c, refs.scope)
        p[-1].tail = c.tail


def main_body(el: etree._Element, doc: etree._Element, scope: Scope) -> None:
    body = sub(el, "mainBody")
    for c in children(doc):
        kind = name(c)
        if kind == "body":
            blocks(body, children(c), scope)
        elif kind == "attachmentNote":
            note = sub(body, "blockList", {"class": "attachmentNote", "eId": scope.eid("attachmentNote")})
            inline(sub(sub(note, "item", {"eId": scope.eid("attachmentNote__item_1")}), "p"), c, scope)
        elif kind == "glossary":
            glossary(body, c, scope)
        elif kind == "member":
            blocks(body, [c], scope)
    if len(body) == 0:
        sub(body, "p")                      # the schema wants a block; the document printed none


def conclusions(el: etree._Element, doc: etree._Element, refs: References, scope: Scope) -> None:
    box = etree.Element(q("conclusions"))
    for c in children(doc):
        kind = name(c)
        if kind in ("signature", "printer"):
            for signer in children(c, "signer"):
                printed = text(signer).strip()
                p = sub(box, "p", {"class": "signer" if kind == "signature" else "printer"})
                holder = sub(p, "signature") if kind == "signature" else p
                sub(holder, "organization", {"refersTo": f"#{refs.organization(printed)}"}, text(signer))
            date = child(c, "date")
            if date is not None:
                p = sub(box, "p", {"class": "date" if kind == "signature" else "printer-date"})
                if kind == "signature":
                    sub(p, "docDate", {"date": date.get("value", "")}, text(date))
                else:
                    dated(p, text(date), date.get("value"))
        elif kind in ("remark", "cc"):
            inline(sub(box, "p", {"class": kind}), c, scope)
    if len(box):
        el.append(box)


def attachments(el: etree._Element, doc: etree._Element, scope: Scope, date: Dated) -> None:
    """The documents a notice issues (印发), then its 附件: each an attachment holding a doc."""
    issued = [d for t in children(doc, "transmitted") for d in children(t, "document")]
    annexes = [a for holder in children(doc, "attachments") for a in children(holder, "attachment")]
    if not issued and not annexes:
        return
    box = sub(el, "attachments")
    for k, item in enumerate([*issued, *annexes], start=1):
        eid = scope.eid(f"att_{k}")
        holder = sub(box, "attachment", {"eId": eid})
        inner = Scope(scope.ids, f"{eid}__")
        if name(item) == "document":
            document(holder, item, inner, date, [])
        else:
            annex(holder, item, inner, date)


def annex(holder: etree._Element, att: etree._Element, scope: Scope, date: Dated) -> None:
    """One 附件: its own document when it holds just one, else a doc name="annex" with its blocks."""
    content = [c for c in children(att) if name(c) not in ("label", "title")]
    label = child(att, "label")
    if len(content) == 1 and name(content[0]) == "document" and child(att, "title") is None:
        document(holder, content[0], scope, date, [], label)
        return
    el = sub(holder, "doc", {"name": "annex"})
    refs = References(scope)
    box = sub(el, "preface")
    if label is not None:
        inline(sub(box, "p", {"class": "label"}), label, scope)
    title = child(att, "title")
    if title is not None:
        inline(sub(sub(sub(box, "longTitle"), "p"), "docTitle"), title, scope)
    if len(box) == 0:
        el.remove(box)
    body = sub(el, "mainBody")
    blocks(body, [c for c in content if name(c) != "document"], scope)
    if len(body) == 0:
        sub(body, "p")
    nested = [c for c in content if name(c) == "document"]
    if nested:
        more = sub(el, "attachments")
        for k, d in enumerate(nested, start=1):
            eid = scope.eid(f"att_{k}")
            document(sub(more, "attachment", {"eId": eid}), d, Scope(scope.ids, f"{eid}__"), date, [])
    aliases = [("title", text(title).strip())] if title is not None else []
    meta(el, work_uri("doc", "annex", date, None) + "/" + scope.prefix.rstrip("_"), date, refs,
         refs.organization(UNKNOWN), aliases, None, "annex", [])


def collection(akn: etree._Element, documents: list[etree._Element], scope: Scope,
               kept: list[etree._Element]) -> None:
    """Several documents in one input: a documentCollection with a component each."""
    el = sub(akn, "documentCollection", {"name": "collection"})
    body = sub(el, "collectionBody")
    dates = []
    for k, doc in enumerate(documents, start=1):
        eid = scope.eid(f"cmp_{k}")
        dates.append(document(sub(body, "component", {"eId": eid}), doc, Scope(scope.ids, f"{eid}__"), None, []))
    refs = References(scope)
    found = [d.get("date", "") for made in dates for d in made.iter(q("FRBRdate"))
             if d.get("date") != UNDATED][:1]
    date = Dated(max(found), "latest-printed") if found else Dated(UNDATED, "undated")
    meta(el, work_uri("documentCollection", None, date, None), date, refs, refs.organization(UNKNOWN),
         [], None, None, kept)

