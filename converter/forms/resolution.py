"""Resolution (决议): what a meeting adopted, dated by the 题注 under its title.

    某某县第十八届人民代表大会第三次会议关于政府工作报告的决议
    （2024年1月10日某某县第十八届人民代表大会第三次会议通过）      adopted @date
    某某县第十八届人民代表大会第三次会议听取和审议了…              the body

Framed like every 公文 (forms/official.py); the 题注 is blocks/adoption.py.
"""

from __future__ import annotations

from converter.blocks import SHARED, adoption
from converter.forms.official import parse_official
from converter.forms.registry import Form, Registry

RULES = SHARED.plus(adoption.PLUGIN, before=SHARED.names()[0])

FORM = Form("resolution", parse_official, title_words=("决议",), rules=RULES, renders=adoption.RENDERS)


def register(forms: Registry) -> None:
    forms.add(FORM, before="notice")
