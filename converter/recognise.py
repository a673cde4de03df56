"""Recognise the form of a document and hand it to that form's module."""

from __future__ import annotations

from converter.forms import FORMS, body, bulletin, frame
from converter.model import Context, Document


def context(repair: bool) -> Context:
    return Context(repair, parse_document, body.parse)


def parse_document(lines, ctx: Context) -> tuple[Document, list[tuple[int, str]]]:
    """Parse the lines of one document with the first form module that claims it."""
    head = frame.parse_head(lines)
    for form in FORMS:
        if form.claims(lines, head):
            return form.parse(lines, head, ctx)
    raise AssertionError("the unknown form claims every document")


def parse_file(lines, ctx: Context) -> tuple[str, object, list[tuple[int, str]]]:
    """What the file holds: ("bulletin", Bulletin, warnings) or ("documents", [Document], warnings)."""
    if bulletin.claims(lines):
        issue, warnings = bulletin.parse(lines, ctx)
        return "bulletin", issue, warnings
    document, warnings = parse_document(lines, ctx)
    return "documents", [document], warnings
