"""The bulletin's part of the link pass: ids for what it holds, and where each 目录 entry points.

Documents are numbered d1, d2 … across the columns in reading order; record
sections are named by kind ("briefs", a second one "briefs2"); 政务简讯
items are brief1, brief2 …. A TOC entry points at the document (or record
section) whose title is most like its own text, if alike enough: TOC text
is often abridged or misprinted (民生实项目 for 民生实事项目).
"""

from __future__ import annotations

from converter.forms.bulletin.parse import Bulletin, Part
from converter.forms.bulletin.toc import TocEntry
from converter.link import link_document, link_run
from converter.model.context import Context
from converter.model.document import Document
from converter.model.text import plain
from converter.normalise.headers import title_key
from converter.tree.inline import Links

# How alike a TOC entry and a document title must be to link them.
TITLE_MATCH = 0.75


def link_bulletin(b: Bulletin, ctx: Context, links: Links) -> None:
    for para in b.about:
        link_run(para.spans, None, ctx, links)
    k = 0
    for item in b.parts:
        for doc in (item.documents if isinstance(item, Part) else [item]):
            k += 1
            link_document(doc, f"d{k}", ctx, links)
    seen: dict[str, int] = {}
    numbered: dict[str, int] = {}        # documents among the records: brief1 …, appointment1 …
    for section in b.records:
        seen[section.kind] = seen.get(section.kind, 0) + 1
        section.id = section.kind + (str(seen[section.kind]) if seen[section.kind] > 1 else "")
        for item in section.items:
            if isinstance(item, Document):
                prefix = "brief" if section.kind == "briefs" else "appointment"
                numbered[prefix] = numbered.get(prefix, 0) + 1
                link_document(item, f"{prefix}{numbered[prefix]}", ctx, links)
            else:
                link_run(item.spans, None, ctx, links)
    link_toc(b, ctx)


def listed_as(doc: Document) -> list[tuple[str, str]]:
    """What a 目录 may list a document by, with its id: its title; an order without one by its mark and
    number (某某省人民政府令（第265号）); and the title of the text it promulgates or issues."""
    found: list[tuple[str, str]] = []
    if doc.title:
        found.append((title_key(plain(doc.title)), doc.id))
    elif doc.issuer_mark and doc.doc_number is not None:
        found.append((title_key(plain(doc.issuer_mark) + plain(list(doc.doc_number.spans))), doc.id))
    if doc.transmitted is not None:
        found.extend(listed_as(doc.transmitted))
    return found


def link_toc(b: Bulletin, ctx: Context) -> None:
    """Point each TOC entry at the id of the document (or record section) it lists, by title."""
    import difflib      # here, not at the top: only a bulletin's 目录 needs it (start-up time is measured)

    candidates: list[tuple[str, str]] = []
    for item in b.parts:
        for doc in (item.documents if isinstance(item, Part) else [item]):
            candidates.extend(listed_as(doc))
    for section in b.records:
        if section.title:
            candidates.append((title_key(plain(section.title)), section.id))
    for entry in b.toc:
        if not isinstance(entry, TocEntry) or not entry.spans:
            continue
        key = title_key(plain(entry.spans))
        best, score = None, TITLE_MATCH
        for title, target in candidates:
            matcher = difflib.SequenceMatcher(None, key, title, autojunk=False)
            # the cheap upper bounds first: most candidates are far from the entry
            if matcher.real_quick_ratio() <= score or matcher.quick_ratio() <= score:
                continue
            ratio = matcher.ratio()
            if ratio > score:
                best, score = target, ratio
        if best is not None:
            entry.target = best
        elif candidates:          # with nothing to point at (a 目录 cut short) that was said once
            ctx.warn(entry.spans[0].line.n, f"TOC entry {plain(entry.spans)} matches no document")
