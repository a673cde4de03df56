"""Normalise: decoded text → Lines of clean printed text, and the residue taken out of it.

Three kinds of thing are taken out, never lost (each a `Removed` item with
its reason and input line):

- characters XML 1.0 forbids (NUL, form feed, …): `control-char` (lines.py);
- markdown and HTML syntax (`## `, `- `, `**`, `<sup>`, `<p>`): `markup` (lines.py);
  a whole HTML source (a saved page, a page template) is read by html.py instead;
- whole lines of page furniture (page numbers, print headers): furniture.py;

then the page filters run over the clean lines, in PAGE_FILTERS order: a
site's chrome (webchrome.py), the page record of catalogue and byline fields
(catalogue.py), the page's own title block (pagehead.py), and the check for a
page cut short (truncation.py).
Nothing else is rewritten: the printed characters stay as they are.
"""

from __future__ import annotations

import re

from converter.model.text import Line, Removed, removed_line
from converter.normalise.catalogue import take_facts
from converter.normalise.furniture import (FURNITURE, FURNITURE_LOOK, FURNITURE_RULES, PAGE_REASONS, PRINT_TIMESTAMP,
                                           drop_bare_page_numbers, drop_print_titles, furniture_pattern, furniture_reason)
from converter.normalise.html import looks_like_html, read_html_page
from converter.normalise.lines import (INDENT, MD_OR_SPACE, clean_as_printed, clean_line, line_count, markdown_marked,
                                       paragraph_indent, split_lines, strip_inline)
from converter.normalise.page import Normalised, PageFilter, take_out, take_out_at
from converter.normalise.pagehead import drop_page_head
from converter.normalise.runon import split_run_on
from converter.normalise.truncation import note_cut_short
from converter.normalise.webchrome import strip_chrome
from converter.rules import Rule


# The page filters every input goes through, in order: a site's chrome, its catalogue record
# and its own title block out first; then a document flattened onto one line is cut where its
# lines were; last, a page cut short is noted (on the lines as they finally stand).
PAGE_FILTERS: tuple[PageFilter, ...] = (strip_chrome, take_facts, drop_page_head, split_run_on, note_cut_short)


def normalise(text: str, filters: tuple[PageFilter, ...] = PAGE_FILTERS, rules: tuple[Rule, ...] = FURNITURE_RULES) -> Normalised:
    """Split `text` into clean content lines, take out page furniture, run the page filters."""
    compiled = furniture_pattern(rules)
    if looks_like_html(text):
        page = html_page(text, line_count(text), rules, compiled)
        for page_filter in filters:
            page = page_filter(page)
        return page
    raws = split_lines(text)
    lines: list[Line] = []
    residue: list[Removed] = []
    gap = False
    furniture = False
    after_stamp = False
    titles_under_stamp: set[int] = set()
    # one string for the lines that read alike: a clean Line keeps its raw text, and 100,000 lines
    # of "（一）" would hold 100,000 copies (80 bytes each) until the archive is built
    shared: dict[str, str] = {}
    usual = compiled is FURNITURE
    for n, raw in enumerate(raws, start=1):
        # (the split's own string let go of: a line kept holds it, one shared with a line alike or taken out is
        # freed now, not when the page is made: 100,000 lines of （一） peaked 8 MB higher so)
        raws[n - 1] = ""
        if not raw:                 # what clean_line makes of an empty line: a blank, nothing taken out
            gap = True
            continue
        raw = shared.setdefault(raw, raw)
        if raw[0] not in MD_OR_SPACE and raw.isprintable() and raw[-1] != " " and "*" not in raw and "<" not in raw:
            line = Line(n, None, raw, False, gap)       # clean_as_printed(raw), asked in place: clean_line's Line
        elif raw[0] in INDENT and (text := raw.lstrip(INDENT)) and clean_as_printed(text):
            # an indented line, clean after its indent: clean_line's Line of it, no residue (its white space but
            # the indent is none, so clean_line strips the indent and finds nothing else to take out)
            line = Line(n, raw, text, paragraph_indent(raw), gap)
        else:
            cleaned, removed = clean_line(n, raw, gap)
            residue.extend(removed)
            if cleaned is None:
                gap = True
                continue
            line = cleaned
        # (furniture_reason asks the cheap may_be_furniture first for the usual rules; its first step, the
        # line's first character, asked here: most lines, text, pass without a call)
        first = line.text[0]
        if usual and first not in FURNITURE_LOOK and not first.isdecimal():
            reason = None
        else:
            reason = furniture_reason(line.text, rules, compiled)
        if reason is None and line.markup and markdown_marked(line.raw):
            # "- 3 -" is a page number, not a list bullet before "3 -"
            reason = furniture_reason(strip_inline(line.raw.strip())[0].strip(), rules, compiled)
        if reason is not None:
            residue.append(Removed(reason, n, line.raw.strip()))
            furniture = furniture or reason in PAGE_REASONS
            after_stamp = bool(PRINT_TIMESTAMP.fullmatch(line.text))
            gap = True
            continue
        if after_stamp:
            titles_under_stamp.add(n)
            after_stamp = False
        lines.append(line)
        gap = False
    lines, headers = drop_print_titles(lines, titles_under_stamp)
    residue.extend(headers)
    lines, bare = drop_bare_page_numbers(lines, residue)
    residue.extend(bare)
    page = Normalised(tuple(lines), tuple(residue), len(raws), furniture)
    for page_filter in filters:
        page = page_filter(page)
    return page


def html_page(text: str, line_count: int, rules: tuple[Rule, ...], compiled: re.Pattern[str]) -> Normalised:
    """The clean lines of an HTML source, page furniture (a URL line) taken out."""
    lines, residue, links = read_html_page(text)
    kept: list[Line] = []
    furniture = False
    for line in lines:
        reason = furniture_reason(line.text, rules, compiled)
        if reason is None:
            kept.append(line)
        else:
            residue.extend(removed_line(reason, line))
            furniture = furniture or reason in PAGE_REASONS
    return Normalised(tuple(kept), tuple(residue), line_count, furniture, html=True, links=links)


__all__ = ["Normalised", "PageFilter", "normalise", "take_out", "take_out_at"]
