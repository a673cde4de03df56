"""A text that fits no known form: still its paragraphs and numbered sections."""

from __future__ import annotations

from converter.forms.official import parse_official
from converter.forms.registry import Form, Registry
from converter.frame.head import Head
from converter.model.context import Context
from converter.model.document import Document
from converter.model.text import Lines


def claims(form: Form, lines: Lines, head: Head) -> bool:
    return True


def parse(form: Form, lines: Lines, head: Head, ctx: Context) -> Document:
    ctx.warn(lines[0].n, "no known document form recognised; converted as 'unknown'")
    return parse_official(form, lines, head, ctx)


FORM = Form("unknown", parse, claims)


def register(forms: Registry) -> None:
    forms.add(FORM)         # last: it claims everything
