"""Segment a body into blocks: the parser (parser.py) and its plug-ins, one module each.

`SHARED` is the rule set every form's body is parsed with unless the form
names another: tables first (a tab-separated line is a row whatever it
starts with), then rosters (a role label such as 组 长: before numbered
sections), then the numbered sections; 责任单位 are split off paragraphs
once the body is read, after a numbered sentence with nothing under it, among numbered paragraphs, is
made one too (sentence_items.py). A closing formula (特此通知。) closes the open sections; a bare 总则/分则/附则 over
articles is a division (divisions.py). A form adds its own plug-ins with `SHARED.plus(…)`.
"""

from __future__ import annotations

from converter.blocks import (closing, divisions, glossary, responsible, roster, section_nodes, sections,
                              sentence_items, table)
from converter.blocks.parser import RuleSet
from converter.tree.builder import NodeFunction

SHARED: RuleSet = (RuleSet()
                   .plus(sections.PLUGIN)
                   .plus(table.PLUGIN, before="chapter")
                   .plus(roster.PLUGIN, before="chapter")
                   .plus(table.SPACED_PLUGIN, before="chapter")
                   .plus(closing.PLUGIN, before="chapter")
                   .plus(divisions.PLUGIN, before="chapter")
                   .plus(sentence_items.PLUGIN)
                   .plus(responsible.PLUGIN))

# Node functions of every block type the plug-ins produce.
RENDERS: dict[type, NodeFunction] = {**section_nodes.RENDERS, **table.RENDERS, **roster.RENDERS, **responsible.RENDERS,
                            **glossary.RENDERS}
