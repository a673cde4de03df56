"""Render a bulletin issue (forms/bulletin.py) into the archive tree."""

from __future__ import annotations

from converter.forms.bulletin import Bulletin, Fact, Part, TocEntry, issue_match
from converter.forms.records import Records
from converter.inline import render_inline
from converter.model import Document, collapse, plain
from converter.tree import Build, assign_ids, render_document, sub


def assign_bulletin_ids(b: Bulletin) -> None:
    k = 0
    for item in b.parts:
        for doc in (item.documents if isinstance(item, Part) else [item]):
            k += 1
            assign_ids(doc, f"d{k}")
    seen: dict[str, int] = {}
    briefs = 0
    for section in b.records:
        seen[section.kind] = seen.get(section.kind, 0) + 1
        # "briefs", "appointments", "chronicle"; a second section of a kind gets a number
        section.id = section.kind + (str(seen[section.kind]) if seen[section.kind] > 1 else "")
        if section.kind == "briefs":
            for doc in section.items:
                briefs += 1
                assign_ids(doc, f"brief{briefs}")


def render_bulletin(root, content: list, build: Build) -> None:
    b: Bulletin = content[0]
    assign_bulletin_ids(b)
    build.remove(b.removed)
    el = sub(root, "bulletin")
    if b.about_title:
        about = sub(el, "about", b.about_title[0].line.n)
        sub(about, "title", b.about_title[0].line.n, plain(b.about_title))
        for para in b.about:
            render_inline(sub(about, "p", para.line), para.spans, None, build.warnings)
    if b.masthead_title:
        render_masthead(el, b)
    if b.toc_title:
        render_toc(el, b)
    if b.cover:
        cover = sub(el, "cover", b.cover[0].line.n)
        for span in b.cover:
            sub(cover, "p", span.line.n, span.text.strip())
    if b.imprint:
        render_imprint(el, b)
    for item in b.parts:
        if isinstance(item, Part):
            part = sub(el, "part", item.label.line.n if item.label else None)
            part.set("title", item.title)
            if item.label is not None:
                sub(part, "label", item.label.line.n, item.label.text.strip())
            for doc in item.documents:
                render_document(part, doc, build)
        else:
            render_document(el, item, build)
    for section in b.records:
        render_records(el, section, build)


def render_masthead(parent, b: Bulletin) -> None:
    el = sub(parent, "masthead", b.masthead_title[0].line.n)
    sub(el, "title", b.masthead_title[0].line.n, plain(b.masthead_title))
    for span in b.masthead:
        if issue_match(span.line):
            issue = sub(el, "issue", span.line.n, span.text.strip())
            for name, value in (("year", b.year), ("n", b.n), ("total", b.total)):
                if value:
                    issue.set(name, str(value))
        else:
            sub(el, "p", span.line.n, span.text.strip())


def render_toc(parent, b: Bulletin) -> None:
    el = sub(parent, "toc", b.toc_title[0].line.n)
    sub(el, "title", b.toc_title[0].line.n, plain(b.toc_title))
    for entry in b.toc:
        if isinstance(entry, TocEntry):
            e = sub(el, "tocEntry", entry.spans[0].line.n, plain(entry.spans))
            if entry.page:
                e.set("page", str(entry.page))
            if entry.target:
                e.set("target", entry.target.id)
        else:
            sub(el, "part", entry.line.n, collapse(entry.text))


def render_imprint(parent, b: Bulletin) -> None:
    first = b.imprint[0]
    el = sub(parent, "imprint", (first.spans[0] if isinstance(first, Fact) else first).line.n)
    for item in b.imprint:
        if isinstance(item, Fact):
            fact = sub(el, "fact", item.spans[0].line.n, "".join(s.text for s in item.spans).strip())
            fact.set("name", item.name)
        else:
            sub(el, "p", item.line.n, item.text.strip())


def render_records(parent, section: Records, build: Build) -> None:
    el = sub(parent, section.kind, section.title[0].line.n)
    el.set("id", section.id)
    sub(el, "title", section.title[0].line.n, plain(section.title))
    for item in section.items:
        if isinstance(item, Document):
            render_document(el, item, build)
            continue
        name = "appointment" if section.kind == "appointments" else "event"
        record = sub(el, name, item.line)
        if item.date:
            record.set("date", item.date)
        render_inline(record, item.spans, None, build.warnings)

