"""A whole issue of a 政府公报: a whole-file form whose container holds the issue's documents.

parse.py reads the issue (about, masthead, 目录, cover, imprint, columns),
records.py its 政务简讯 / 人事任免 / 大事记, links.py gives ids and points
the 目录 at what it lists, nodes.py renders it.
"""

from __future__ import annotations

from converter.forms.bulletin.links import link_bulletin
from converter.forms.bulletin.nodes import RENDERS
from converter.forms.bulletin.parse import claims, parse
from converter.forms.registry import Form, Registry

FORM = Form("bulletin", parse, claims, renders=RENDERS, link=link_bulletin, whole_file=True)


def register(forms: Registry) -> None:
    forms.add(FORM, before="work-report")
