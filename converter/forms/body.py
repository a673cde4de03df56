"""The block rules every body is parsed with, in the order they apply.

Tables first (a tab-separated line is a row whatever it starts with), then
rosters (a role label such as 组 长: before numbered sections), then the
numbered sections of blocks.py. A line no rule takes is text.
"""

from __future__ import annotations

from converter.blocks import SECTION_BLOCK_RULES, BlockRule, parse_body
from converter.forms import responsible, roster, table
from converter.model import Context

BODY_RULES: tuple[BlockRule, ...] = table.BLOCK_RULES + roster.BLOCK_RULES + SECTION_BLOCK_RULES


def parse(lines, ctx: Context) -> tuple[list, list[tuple[int, str]]]:
    blocks, warnings = parse_body(lines, BODY_RULES, ctx.repair)
    return responsible.take_responsible(table.finish(blocks, warnings)), warnings
