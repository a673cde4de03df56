"""Reply (批复): a higher organ's answer to a 请示, told by its title's last word.

    某某县人民政府关于同意…的批复
    城关镇人民政府：
    你镇《关于…的请示》（某政发〔2024〕3号）收悉。经研究，同意…      the request it answers
    某某县人民政府
    2024年3月5日

Framed like every 公文 (forms/official.py); the opening sentence that cites
the 请示 answered is `answers` (blocks/answers.py), @form the cited form.
"""

from __future__ import annotations

from typing import Callable

from converter.blocks import SHARED, answers
from converter.blocks.parser import RuleSet
from converter.forms.naming import title_word
from converter.forms.official import parse_official
from converter.forms.registry import Form, Registry


def form_of_title(forms: Registry) -> Callable[[str], str | None]:
    """How a cited title's form is told: by its last word, with the forms registered when asked."""
    def form_of(title: str) -> str | None:
        table = forms.title_words()
        word = title_word(title, tuple(table))
        return table.get(word) if word else None
    return form_of


def answering(forms: Registry) -> RuleSet:
    """The shared rules, and the citation of what the document answers."""
    return SHARED.plus(answers.plugin(form_of_title(forms)))


def register(forms: Registry) -> None:
    forms.add(Form("reply", parse_official, title_words=("批复",), rules=answering(forms), renders=answers.RENDERS),
              before="notice")
