"""A numbered sentence with nothing under it is a numbered paragraph, unless real headings stand beside it.

A 通告's or a 批复's items are text, one numbered paragraph each:

    一、进入森林防火区的机动车辆须安装防火装置，驾驶员不得随意丢弃火种。
    二、对违反本通告规定的，依法予以处罚。
    三、本通告自发布之日起实施。

The first is read as text on its own (a sentence of several clauses, longer
than a heading). The others, short, would each be read as a heading over
nothing. A heading names what stands under it; a whole sentence (it ends in
。) with nothing under it is an item of text. Once the body is read, such a
section's heading becomes its paragraph, unless a sibling of its numbering
is a heading with text under it (一、总体要求 over its paragraphs): there the
sentence may be a heading whose text the page lost, and it stays as printed.
"""

from __future__ import annotations

from typing import Any

from converter.blocks.parser import Plugin
from converter.model.blocks import Para, Section
from converter.model.context import Context

# What a sentence ends with (a heading, in 公文, ends with none or with 。 before text run in after it)
SENTENCE_ENDS = ("。", "！", "？", "!", "?")


def finish(blocks: list[Any], ctx: Context) -> list[Any]:
    settle(blocks)
    return blocks


def settle(children: list[Any]) -> None:
    """The sections among `children` (and at every depth below) settled by their siblings of one style."""
    styles: dict[str, list[Section]] = {}
    for child in children:
        if isinstance(child, Section):
            settle(child.children)
            styles.setdefault(child.style, []).append(child)
    for siblings in styles.values():
        if not any(heads_text(section) for section in siblings):
            for section in siblings:
                if is_sentence_heading(section):
                    section.children.append(Para(section.heading))
                    section.heading = []


def heads_text(section: Section) -> bool:
    """A heading with text under it: more than a paragraph run in after it on its line."""
    return bool(section.heading) and any(not (isinstance(child, Para) and child.spans
                                              and child.spans[0].line.n == section.line)
                                         for child in section.children)


def is_sentence_heading(section: Section) -> bool:
    """A heading on the numeral's own line that is a whole sentence, with nothing under it."""
    heading = section.heading
    return (bool(heading) and not section.children and len(heading) == 1 and heading[0].line.n == section.line
            and heading[0].text.rstrip().endswith(SENTENCE_ENDS))


PLUGIN = Plugin("sentence-items", finish=finish)
