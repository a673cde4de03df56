"""Letter (函): between organs that do not direct each other; a 复函 answers a 函.

    某某县林业局关于商请支持春季植树工作的函          (or …的复函)
    某某县交通运输局：
    你局《关于…的函》收悉。经研究，现函复如下：        the letter it answers
    …
    特此函告。                                      (此函, 特此函复: the closing, text)

Framed like every 公文 (forms/official.py); a 复函's opening that cites the
letter answered is `answers`, as in a reply (forms/reply.py).
"""

from __future__ import annotations

from converter.blocks import answers
from converter.forms.official import parse_official
from converter.forms.registry import Form, Registry
from converter.forms.reply import answering


def register(forms: Registry) -> None:
    forms.add(Form("letter", parse_official, title_words=("函",), rules=answering(forms), renders=answers.RENDERS),
              before="notice")
