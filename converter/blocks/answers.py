"""The opening of a reply: the document it answers.

    你省《关于撤销陇南地区设立地级陇南市的请示》（甘政发〔2003〕91号）收悉。现批复如下：
    └──────────────────────── answers @form=request ───────────────────┘ └─ p ──────┘

The first paragraph of a 批复 or a 复函 cites what it answers up to 收悉: that
sentence becomes `answers`, with each cited title (《…》) and 文号 marked, and
@form the form the cited title's last word names (a 请示 → request, a 函 →
letter: the form module that uses the plug-in says which); the rest of the
paragraph stays a paragraph.
"""

from __future__ import annotations

from typing import Any, Callable

from converter.blocks.parser import Plugin
from converter.blocks.responsible import cut
from converter.model.blocks import Answers, Para
from converter.model.context import Context
from converter.model.node import Node, node
from converter.model.text import Span
from converter.patterns import pattern
from converter.tree.builder import Builder, NodeFunction
from converter.rules import DOC_NUMBER

# The citing sentence, from the paragraph's start up to 收悉: "你省《…》（…号）收悉。"
REFERENCE = pattern(r"[^。；！？]{0,200}?收悉\s{0,2}[。，,；;]?", "你镇《关于调整造林规划的请示》收悉。")
# A cited title
CITED_TITLE = pattern(r"《(?P<title>[^《》]{2,150})》", "《关于调整造林规划的请示》")
# A cited 文号 in brackets after the title: "（甘政发〔2003〕91号）"
CITED_NUMBER = pattern(rf"[（(]\s{{0,2}}(?P<number>{DOC_NUMBER.pattern})\s{{0,2}}[）)]", "(甘政发〔2003〕91号)")

# The form a cited title names by its last word (None when it names none)
FormOfTitle = Callable[[str], "str | None"]


def plugin(form_of_title: FormOfTitle) -> Plugin:
    """The plug-in, given how a cited title's form is told."""
    def finish(blocks: list[Any], ctx: Context) -> list[Any]:
        return take_answers(blocks, form_of_title)
    return Plugin("answers", finish=finish)


def take_answers(blocks: list[Any], form_of_title: FormOfTitle) -> list[Any]:
    """Split the citing sentence off the body's first paragraph."""
    if not blocks or not isinstance(blocks[0], Para):
        return blocks
    para = blocks[0]
    text = "".join(s.text for s in para.spans)
    m = REFERENCE.match(text)
    if m is None:
        return blocks
    titles = [cut(para.spans, t.start("title"), t.end("title")) for t in CITED_TITLE.finditer(text, 0, m.end())]
    numbers = [cut(para.spans, n.start("number"), n.end("number")) for n in CITED_NUMBER.finditer(text, 0, m.end())]
    if any(len(part) != 1 for part in titles + numbers):
        return blocks             # a title or 文号 wrapped over two lines: left a paragraph
    first = CITED_TITLE.search(text, 0, m.end())
    answers = Answers(cut(para.spans, 0, m.end()), form_of_title(first.group("title")) if first else None,
                      [t[0] for t in titles], [n[0] for n in numbers])
    rest = [s for s in cut(para.spans, m.end(), len(text)) if s.text.strip()]
    return [answers, *([Para(rest)] if rest else []), *blocks[1:]]


def answers_node(answers: Answers, b: Builder) -> Node:
    el = Node("answers", {"line": str(answers.line)})
    if answers.form:
        el.attrs["form"] = answers.form
    marks = sorted([(t, "title") for t in answers.titles] + [(n, "docNumber") for n in answers.numbers],
                   key=lambda mark: (mark[0].line.n, mark[0].start))
    for span in answers.spans:
        pos = span.start
        for mark, name in marks:
            if mark.line is span.line and span.start <= mark.start < span.end:
                el.add(span.line.text[pos:mark.start])
                el.add(number_node(mark) if name == "docNumber" else node("title", None, mark.text))
                pos = mark.end
        el.add(span.line.text[pos:span.end])
    return el


def number_node(span: Span) -> Node:
    m = DOC_NUMBER.fullmatch(span.text)
    el = node("docNumber", None, span.text)
    if m is not None:
        el.attrs.update(prefix=m.group("prefix"), year=m.group("year"), seq=str(int(m.group("seq"))))
    return el


RENDERS: dict[type, NodeFunction] = {Answers: answers_node}
