"""A closing formula (结束语) on its own line closes every open section.

"特此通知。", "此复。", "妥否，请批示。" end the whole document, not its last
numbered item: the formula is a paragraph of the body itself, after the
sections, as the printed page sets it (flush with the body, below the last
item).
"""

from __future__ import annotations

import re

from converter.blocks.parser import BlockRule, BodyState, Plugin
from converter.model.blocks import Para
from converter.model.text import Line, whole
from converter.patterns import pattern

# The closing formulas of the 文种, alone on a line: 特此通知。 此复。 此令。 妥否，请批示。
CLOSING_FORMULA = pattern(
    r"(?:特此(?:通知|通告|公告|通报|批复|函告|函复|函达|报告|决定|证明|请示|纪要)"
    r"|此(?:复|告|令|函|布)"
    r"|(?:妥否|当否|可否)\s?[，,]?\s?请(?:予)?(?:批示|审批|批复|审定|示复|复函)"
    r"|以上(?:报告|请示|意见)\s?[，,]?\s?请(?:予)?(?:审议|批准|审批|批示|审定))"
    r"[。！!.]?\s*$",
    "特此通知。", "此复。", "此令", "妥否，请批示。", "特此函告。", "以上请示，请予批准。", "当否,请批示",
)


def parse_closing(state: BodyState, line: Line, m: re.Match[str]) -> bool:
    if len(state.stack) == 1:
        return False            # no section open: an ordinary paragraph
    del state.stack[1:]
    state.close()
    state.para = Para([whole(line)])
    state.append(state.para)
    return True


PLUGIN = Plugin("closing", (BlockRule("closing", CLOSING_FORMULA, parse_closing, first="特此妥当可以"),))
