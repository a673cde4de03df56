"""What a website prints about a document outside its text: the `page` record (FORMAT.md).

A `PageFact` is one labelled field of a 政府信息公开 catalogue record
(索引号, 发布机构, 成文日期 …) or of an article's byline (来源, 发布时间,
作者, 浏览次数). Like residue it is anchored at its input line: it is not
reading text of the document, but nothing of it is lost.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, eq=False, repr=False)
class PageFact:
    """One field as printed: `text` is label and value; `value` the ISO date when the value is a date.

    A value printed on the line after its label belongs to the fact too:
    `text` then holds both, and `line` is the label's line.
    """

    name: str
    line: int
    text: str
    value: str | None = None
