"""Reply (批复): a higher organ's answer to a 请示, told by its title's last word.

    某某县人民政府关于同意…的批复
    城关镇人民政府：
    你镇《关于…的请示》收悉。经研究，同意…
    某某县人民政府
    2024年3月5日

Framed like every 公文 (forms/official.py).
"""

from __future__ import annotations

from converter.forms.official import parse_official
from converter.forms.registry import Form, Registry

FORM = Form("reply", parse_official, title_words=("批复",))


def register(forms: Registry) -> None:
    forms.add(FORM, before="notice")
