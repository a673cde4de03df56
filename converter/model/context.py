"""What parsing carries besides the model: diagnostics, residue, and how to parse a nested document.

One `Context` goes through a whole conversion. A stage that finds something
worth telling calls `ctx.warn(line, message)`; one that takes text out of
the reading flow calls `ctx.remove(reason, line, text)`. Nothing of either
travels in return values or model fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Hashable, NamedTuple

from converter.model.text import Line, Removed, removed_line


class Diagnostic(NamedTuple):
    """A warning about one input line."""

    line: int
    message: str


@dataclass(eq=False, repr=False)
class Context:
    """The state of one conversion that is not the model.

    `repair` says whether paragraphs split by page breaks are joined (not on
    a scraped web page). `parse_document(lines, ctx)` parses a nested
    document with the forms registry (the one a notice issues): passing it in
    keeps form modules free of import cycles.
    """

    repair: bool
    parse_document: Callable[..., Any]          # (lines, ctx, implied_title="") → the nested document
    warnings: list[Diagnostic] = field(default_factory=list)
    residue: list[Removed] = field(default_factory=list)
    # what the parse read of this file and would read again for the next document, by the reader's own keys
    # (forms.following: where heads open; a file of many documents asked it once a document); cleared when
    # the parse ends
    known: dict[Hashable, Any] = field(default_factory=dict)
    # how many documents the one being parsed is transmitted inside (forms.following.transmits)
    transmitting: int = 0

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(Diagnostic(line, message))

    def remove(self, reason: str, line: int, text: str) -> None:
        self.residue.append(Removed(reason, line, text))

    def remove_line(self, reason: str, line: Line, text: str | None = None) -> None:
        """A whole line taken out, an item for each input line it was read from (model/text.py removed_line)."""
        self.residue.extend(removed_line(reason, line, text))

    def sorted_warnings(self) -> tuple[Diagnostic, ...]:
        """The warnings in input-line order (stable: as found within a line)."""
        return tuple(sorted(self.warnings, key=lambda w: w.line))
