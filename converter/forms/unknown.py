"""A text that fits no known form: still its paragraphs and numbered sections."""

from __future__ import annotations

from converter.forms import frame
from converter.forms.official import parse_official
from converter.model import Context

FORM = "unknown"


def claims(lines, head: frame.Head) -> bool:
    return True


def parse(lines, head: frame.Head, ctx: Context) -> tuple:
    doc, warnings = parse_official(lines, head, FORM, ctx)
    warnings.insert(0, (lines[0].n, "no known document form recognised; converted as 'unknown'"))
    return doc, warnings
