"""The constructs of an HTML source as the standard library's HTMLParser finds them, with their positions.

A module of its own so that only HTML inputs pay for importing html.parser
(normalise/html.py imports it when it reads one).
"""

from __future__ import annotations

from html.parser import HTMLParser

from converter.patterns import pattern

# The name a marked section starts with, as _markupbase scans it: "CDATA[", "if !supportLists]>", "endif]>"
SECTION_NAME = pattern(r"[a-zA-Z][-_.a-zA-Z0-9]*\s*", "CDATA[", "if !supportLists]>", "endif]>")
# The marked sections _markupbase reads (SGML's, and MS Office's <![if …]> … <![endif]>); it raises on any other.
SECTION_KINDS = frozenset({"temp", "cdata", "ignore", "include", "rcdata", "if", "else", "endif"})


class Events(HTMLParser):
    """Where each construct of an HTML source starts (its offset in the source), what it is, and its tag.

    The offset is kept by updatepos, which the parser calls once for each piece of the source, in order,
    with the piece's end (and from which getpos's line and column are counted): the position a handler
    is called at is the end of the last piece, counted from the start of `rawdata`, which goahead cuts at
    its end (what it read is gone; close() reads the rest from 0 again), so `base` counts what was cut.
    One integer instead of a line and column, which each piece paid a count of its line breaks for and
    tokens() turned back into an offset.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[int, str, str]] = []
        self.base = 0       # characters goahead cut off the front of rawdata so far
        self.here = 0       # the offset in the source the next construct starts at

    def updatepos(self, i: int, j: int) -> int:
        if i < j:           # (_markupbase's moves the position only then)
            self.here = self.base + j
        return j

    def goahead(self, end: bool) -> None:
        before = len(self.rawdata)
        super().goahead(end)
        self.base += before - len(self.rawdata)
        self.here = self.base

    def _add(self, kind: str, tag: str = "") -> None:
        self.found.append((self.here, kind, tag))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("start", tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._add("empty", tag)

    def handle_endtag(self, tag: str) -> None:
        self._add("end", tag)

    def handle_data(self, data: str) -> None:
        self._add("data")

    def handle_entityref(self, name: str) -> None:
        self._add("entity")

    def handle_charref(self, name: str) -> None:
        self._add("entity")

    def handle_comment(self, data: str) -> None:
        self._add("markup")

    def handle_decl(self, decl: str) -> None:
        self._add("markup")

    def handle_pi(self, data: str) -> None:
        self._add("markup")

    def unknown_decl(self, data: str) -> None:
        self._add("markup")

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """_markupbase's, but "<![" not followed by a section it knows ("<![ 1", "<![x", a page's stray "<![")
        is read as a browser reads it, a bogus comment up to the next ">", where _markupbase raises
        AssertionError (after moving its position: so the section is told before it is scanned)."""
        rawdata = self.rawdata
        name = SECTION_NAME.match(rawdata, i + 3)
        at_end = i + 3 == len(rawdata) or (name is not None and name.end() == len(rawdata))
        if at_end or (name is not None and name.group().strip().lower() in SECTION_KINDS):
            return super().parse_marked_section(i, report)     # (at the end: -1, the rest waits for close())
        return self.parse_bogus_comment(i)
