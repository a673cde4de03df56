"""Decision (决定): and the 修改决定, whose numbered items are amendments.

    某某县人民政府关于修改《某某县城市绿化管理办法》的决定
    （2024年3月1日县人民政府第5次常务会议通过）                 adopted @date (when printed)
    县人民政府决定对《某某县城市绿化管理办法》作如下修改：
    一、第二条修改为：“…”                                      amendment, never a 第X条 section
    二、删去第五条。
    本决定自公布之日起施行。

Framed like every 公文 (forms/official.py); the 题注 is blocks/adoption.py,
the amendments blocks/amendment.py. A decision that amends nothing is read
with the shared rules: its items are sections as anywhere.
"""

from __future__ import annotations

from converter.blocks import SHARED, adoption, amendment
from converter.forms.official import parse_official
from converter.forms.registry import Form, Registry

# The amendments first (their new text may print 第X条), then the 题注, then the shared rules.
RULES = (SHARED.plus(adoption.PLUGIN, before=SHARED.names()[0])
         .plus(amendment.PLUGIN, before=adoption.PLUGIN.rules[0].name))

FORM = Form("decision", parse_official, title_words=("决定",), rules=RULES,
            renders={**adoption.RENDERS, **amendment.RENDERS})


def register(forms: Registry) -> None:
    forms.add(FORM, before="notice")
