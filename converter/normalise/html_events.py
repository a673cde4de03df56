"""The constructs of an HTML source as the standard library's HTMLParser finds them, with their positions.

A module of its own so that only HTML inputs pay for importing html.parser
(normalise/html.py imports it when it reads one).
"""

from __future__ import annotations

from html.parser import HTMLParser


class Events(HTMLParser):
    """Where each construct of an HTML source starts (line, column), what it is, and its tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[int, int, str, str]] = []

    def _add(self, kind: str, tag: str = "") -> None:
        line, col = self.getpos()
        self.found.append((line, col, kind, tag))

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
