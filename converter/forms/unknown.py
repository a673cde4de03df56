"""A text that fits no known form: still its paragraphs and numbered sections."""

from __future__ import annotations

from converter.forms import frame
from converter.forms.official import parse_official

FORM = "unknown"


def claims(lines, head: frame.Head) -> bool:
    return True


def parse(lines, head: frame.Head, repair: bool, parse_document) -> tuple:
    doc, warnings = parse_official(lines, head, FORM, repair, parse_document)
    warnings.insert(0, (lines[0].n, "no known document form recognised; converted as 'unknown'"))
    return doc, warnings
