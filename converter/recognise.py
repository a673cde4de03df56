"""Recognise the form of a document and hand it to that form's module."""

from __future__ import annotations

from converter.forms import FORMS, frame
from converter.model import Document


def parse_document(lines, repair: bool) -> tuple[Document, list[tuple[int, str]]]:
    """Parse the lines of one document with the first form module that claims it."""
    head = frame.parse_head(lines)
    for form in FORMS:
        if form.claims(lines, head):
            return form.parse(lines, head, repair, parse_document)
    raise AssertionError("the unknown form claims every document")
