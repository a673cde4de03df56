"""Forms told by their title's last word alone, as data: one row a form.

Each claims a document whose title ends in one of its words (before a note
such as （试行）, forms/naming.py) and parses it with the shared frame
(forms/official.py), its body with the shared block rules or the ones its row
names. A form that needs more (its own head, its own parts) has a module of
its own.

    plan           方案 …: a body numbered 一、（一）1.
    regulation     办法 … 条例 …: 第X章 chapters, 第X条 articles, a 题注 under the title
    opinion        意见: numbered like a plan, a 题注 of its date under the title
    announcement   公告       public-notice   通告        circular   通报
    report         报告       request         请示
"""

from __future__ import annotations

from converter.blocks import SHARED, adoption
from converter.blocks.parser import RuleSet
from converter.forms.official import parse_official
from converter.forms.registry import Form, Registry

# Regulations print a 题注 (adopted, amended) under the title; an 意见 its date so.
ADOPTING = SHARED.plus(adoption.PLUGIN, before=SHARED.names()[0])

# form → the words its titles end in, and the block rules its bodies are parsed with (read top to bottom)
TITLE_WORD_FORMS: tuple[tuple[str, tuple[str, ...], RuleSet], ...] = (
    ("plan", ("方案", "计划", "规划", "要点", "措施"), SHARED),
    ("regulation", ("办法", "规定", "条例", "细则", "规则", "章程", "守则", "规范", "准则", "制度"), ADOPTING),
    ("opinion", ("意见",), ADOPTING),
    ("announcement", ("公告",), SHARED),
    ("public-notice", ("通告",), SHARED),
    ("circular", ("通报",), SHARED),
    ("report", ("报告",), SHARED),
    ("request", ("请示",), SHARED),
)


def register(forms: Registry) -> None:
    for name, words, rules in TITLE_WORD_FORMS:
        renders = adoption.RENDERS if rules is ADOPTING else {}
        forms.add(Form(name, parse_official, title_words=words, rules=rules, renders=renders), before="roster")
