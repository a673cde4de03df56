"""What a document that prints no title is, by the formula its body opens or closes with.

    现将有关事项通知如下。 … 特此通知。      → 通知
    现批复如下： … 此复。                   → 批复
    特此函告。 / 特此函复。                 → 函
    妥否，请批示。                          → 请示
    本通告自发布之日起施行。                 → 通告

The 文种 word found is what the document goes by (Head.title_text), so a
form claims it as it would claim a title ending in that word. Only the
phrases in which a 公文 names itself count, never a word the body merely
mentions (根据《…的通告》), and never an issued kind (本办法).
"""

from __future__ import annotations

from converter.model.text import Lines
from converter.patterns import pattern
from converter.rules import SIGNATURE_DATE

# How far into the body a document without a title is read for the formula that names its kind.
FORMULA_LINES = 400
# The formula a body closes (or opens) with names the document's kind (文种): 特此通知, 现批复如下 …
KIND_FORMULA = pattern(
    r"(?:特此|现予?|现将[^。；！？]{0,60}?|此)(?P<kind>通知|通报|批复|函告|函复|复函|公告|通告|报告|请示|决定|决议|意见|纪要|复)"
    r"|(?<![《〈“])本(?P<self>通知|通报|决定|决议|公告|通告|意见|报告|批复|纪要)(?=如下|自|由|所称|[。！，,；;：:]|$)"
    r"|(?:妥否|当否)\s{0,2}[，,]?\s{0,2}请(?P<ask>批示|批复|审批|指示)|印发给你们|转发给你们",
    "特此通知。", "现批复如下：", "妥否，请批示。", "现将《方案》印发给你们", "现将有关事项通告如下",
    "本通告自发布之日起实施", "特此函告。",
)
# One of these stands in every line a formula may be in
FORMULA_CHARS = frozenset("此现妥当印转本")
# The 文种 word a formula's variants stand for
FORMULA_KIND = {"函告": "函", "函复": "函", "复函": "函", "复": "批复", "": "通知"}


def formula_kind(lines: Lines, start: int) -> str:
    """The 文种 word the body's formula names (特此通知, 现批复如下 …), up to the 成文日期."""
    for line in lines[start:start + FORMULA_LINES]:
        text = line.text
        m = KIND_FORMULA.search(text) if FORMULA_CHARS.intersection(text) else None    # cheap test first
        if m:
            if m.group("ask"):
                return "请示"
            kind = m.group("kind") or m.group("self") or ""
            return FORMULA_KIND.get(kind, kind)
        if "日" in text and SIGNATURE_DATE.fullmatch(text):
            break
    return ""
