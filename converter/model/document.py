"""One official document (公文) as FORMAT.md lays it out, and the parts of its frame."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from converter.model.blocks import Attachment, Para
from converter.model.text import Lines, Span


# eq=False, repr=False: nothing compares or prints these (converter/model/__init__.py says why)

@dataclass(frozen=True, eq=False, repr=False)
class DocNumber:
    """发文字号 as printed, with its parts.

    An order's 令第5号 and a 公告's 第5号 have no year (and a bare 第5号 no
    prefix: ""); a 文号 printed in a dated 题注 carries that date (ISO).
    """

    spans: tuple[Span, ...]
    prefix: str
    year: int | None     # None: an order's 令第N号, numbered without a year
    seq: int
    date: str | None = None


@dataclass(frozen=True, eq=False, repr=False)
class Dated:
    """A date as printed with its ISO value."""

    span: Span
    iso: str


@dataclass(slots=True, eq=False, repr=False)
class Signature:
    """署名 and 成文日期 (or 印发机关 and 印发日期)."""

    signers: list[Span]
    date: Dated


@dataclass(slots=True, eq=False, repr=False)
class Dateline:
    """The issuing organ and date printed under the title (a 公报, a 纪要): first in the body."""

    signature: Signature


@dataclass(slots=True)
class Author:
    """The speaker of a report: printed role, its role word, and the name."""

    span: Span
    role_text: str
    role: str | None
    name: str
    name_start: int        # where the name begins in span.text


@dataclass(slots=True, eq=False, repr=False)
class Entry:
    """One glossary entry (名词解释)."""

    n: int
    num: Span | None             # the printed number; None for an unnumbered entry
    term: list[Span]
    definition: list[Span]
    line: int
    id: str = ""                 # given by the link pass


@dataclass(slots=True, eq=False, repr=False)
class Glossary:
    """A glossary (名词解释): title, notes and entries."""

    title: list[Span]
    notes: list[Para]
    entries: list[Entry]
    line: int


@dataclass(slots=True, eq=False, repr=False)
class Document:
    """One official document (公文) as FORMAT.md lays it out."""

    form: str
    line: int
    id: str = ""                                         # given by the link pass
    issuer_mark: list[Span] = field(default_factory=list)
    doc_number: DocNumber | None = None
    title: list[Span] = field(default_factory=list)
    delivered: tuple[list[Span], str | None] | None = None
    author: Author | None = None
    recipients: list[Span] = field(default_factory=list)
    salutation: Span | None = None
    body: list[Any] = field(default_factory=list)
    attachment_note: list[Span] = field(default_factory=list)
    signature: Signature | None = None
    remarks: list[Span] = field(default_factory=list)     # 附注 under the 成文日期
    transmitted: Document | None = None
    glossary: Glossary | None = None
    attachments: list[Attachment] = field(default_factory=list)
    cc: list[Span] = field(default_factory=list)
    printer: Signature | None = None
    date: str | None = None                              # a brief's date (ISO)
    # the text after this document when it is a document of its own, not one this one issues:
    # parsed beside it by whoever holds it (forms/following.py)
    following: Lines = ()
