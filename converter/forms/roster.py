"""Roster (组成人员名单): a document whose title ends in 名单, its body the members.

The role and member lines are a block plug-in (blocks/roster.py) that every
body may hold; this form claims the documents that are a roster as a whole.
"""

from __future__ import annotations

from converter.forms.official import parse_official
from converter.forms.registry import Form, Registry

FORM = Form("roster", parse_official, title_words=("名单",))


def register(forms: Registry) -> None:
    forms.add(FORM, before="notice")
