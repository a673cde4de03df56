"""Lines of input text and the pieces of them that the model points at.

Text is never copied out of its line: a `Span` points into a Line's clean
text, so every piece of output knows the input line it came from. What is
taken out of the reading flow is a `Removed` item of residue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence, TypeVar, overload

from converter.patterns import CJK, pattern

T = TypeVar("T")

# Removed, Line and Span are built by the thousand: not frozen (a frozen dataclass sets each
# field through object.__setattr__, three times the cost), but compared and hashed as if they
# were (unsafe_hash). Nothing assigns to their fields; a changed line is a new one (replace).


@dataclass(slots=True, unsafe_hash=True)
class Removed:
    """One item of residue: text taken out of the reading flow."""

    reason: str
    line: int
    text: str = ""
    codepoint: str | None = None


@dataclass(slots=True, unsafe_hash=True)
class Line:
    """One input line, cleaned for reading.

    `text` is the printed text with markup and indentation taken out; `bold`
    and `sup` are (start, end) spans into it. `gap` says a blank line or page
    furniture stood before it; `markup` holds what was taken out of it.
    `printed` is the line as in the input when that differs from `text`
    (most lines are clean already, and a second copy costs memory).
    `breaks` is where a line read from several source lines (an HTML block)
    goes on in the next one: (offset in `text`, input line) pairs; `column`
    where on its source line it starts, when one source line holds several
    Lines (HTML printed on one line), so that `position` orders them.
    """

    n: int
    printed: str | None
    text: str
    indent: bool = False
    gap: bool = False
    page_break: bool = False
    bold: tuple[tuple[int, int], ...] = ()
    sup: tuple[tuple[int, int], ...] = ()
    markup: tuple[Removed, ...] = ()
    breaks: tuple[tuple[int, int], ...] = ()
    column: int = 0     # where this text starts in its input line: one of several Lines cut from it

    @property
    def position(self) -> tuple[int, int]:
        """Where the line starts in the input: (line, column); lines of one number keep their order."""
        return self.n, self.column

    @property
    def raw(self) -> str:
        """The line as in the input (forbidden characters taken out)."""
        return self.text if self.printed is None else self.printed

    def line_at(self, offset: int) -> int:
        """The input line of the character at `offset` in `text`."""
        n = self.n
        for start, line in self.breaks:
            if start > offset:
                break
            n = line
        return n


def removed_line(reason: str, line: Line, text: str | None = None) -> list[Removed]:
    """`line` taken out of the reading flow: one residue item for each input line it was read from (an HTML
    block over several source lines), each at its own line. One item at the first line would run on over the
    lines between, whose text another item may hold (a <style> between the two parts of a line).
    A line read from one input line is one item of `text` (by default the line as printed, stripped)."""
    if not line.breaks or line.printed is not None:
        return [Removed(reason, line.n, line.raw.strip() if text is None else text)]
    return removed_text(reason, line, 0, len(line.text))


def removed_text(reason: str, line: Line, start: int, end: int, chars: str | None = None) -> list[Removed]:
    """`line.text[start:end]` taken out of the reading flow (stripped of `chars`, by default white space): an
    item for each input line it was read from, as removed_line."""
    inside = [(at, n) for at, n in line.breaks if start < at < end]
    cuts = [start, *(at for at, _ in inside), end]
    numbers = [line.line_at(start), *(n for _, n in inside)]
    return [Removed(reason, n, piece) for n, a, b in zip(numbers, cuts, cuts[1:])
            if (piece := line.text[a:b].strip(chars))]


Lines = Sequence[Line]


class LinesFrom(Sequence[Line]):
    """lines[start:] without the copy: what a look-ahead reads at many places of one long text (a 文号 line's
    possible heads, all through a file of many documents) costs the lines it reads, not the rest of the file."""

    __slots__ = ("lines", "start")

    def __init__(self, lines: Lines, start: int) -> None:
        if isinstance(lines, LinesFrom):        # (a view of a view reads the first's lines)
            start += lines.start
            lines = lines.lines
        self.lines: Lines = lines
        self.start: int = min(start, len(lines))

    def __len__(self) -> int:
        return len(self.lines) - self.start

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Line]: ...

    def __getitem__(self, index: int | slice) -> Line | Sequence[Line]:
        if isinstance(index, slice):
            first, stop, step = index.indices(len(self))
            return self.lines[self.start + first:self.start + stop:step] if step == 1 else [
                self.lines[self.start + k] for k in range(first, stop, step)]
        if not -len(self) <= index < len(self):
            raise IndexError("line index out of range")
        return self.lines[self.start + index if index >= 0 else len(self.lines) + index]

    def __iter__(self) -> Iterator[Line]:
        return map(self.lines.__getitem__, range(self.start, len(self.lines)))    # (islice would step to start)


@dataclass(slots=True, unsafe_hash=True)
class Span:
    """A slice [start, end) of one line's clean text."""

    line: Line
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.line.text[self.start:self.end]

    @property
    def order(self) -> tuple[int, int]:
        """Where the span stands in the input: its line, then its column (pieces of one line compare right)."""
        return self.line.n, self.line.column + self.start


def split_at(items: Sequence[T], starts: list[int]) -> Iterator[tuple[int, Sequence[T]]]:
    """(start, items[start:next start]) for each start, in order: a text cut where each part begins."""
    for k, start in enumerate(starts):
        yield start, items[start:starts[k + 1] if k + 1 < len(starts) else len(items)]


def piece_of(line: Line, start: int, end: int, first: bool) -> Line:
    """The text [start, end) of a line as a Line of its own (same input line; `first` keeps its markup)."""
    def cut(spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
        return tuple((max(a, start) - start, min(b, end) - start) for a, b in spans if a < end and b > start)
    return Line(line.n, None, line.text[start:end], indent=line.indent and first, gap=line.gap and first,
                page_break=line.page_break and first, bold=cut(line.bold), sup=cut(line.sup),
                markup=line.markup if first else (), column=line.column + start)


def whole(line: Line) -> Span:
    return Span(line, 0, len(line.text))


def tail(line: Line, start: int) -> Span:
    """The rest of a line from `start`, leading white space skipped."""
    text = line.text
    while start < len(text) and text[start].isspace():
        start += 1
    return Span(line, start, len(text))


def joined(spans: Sequence[Span]) -> str:
    return "".join(span.text for span in spans)


# White space between two CJK characters (or a CJK character and a digit) is
# letter-spacing or an OCR gap, never meaningful: "通 知", "区 长", "2023 年".
# Spelled (?<=[CJK])\s+(?=…)|(?<=[CJK0-9])\s+(?=…) it finds the same matches, but a pattern that
# starts with a look-behind is tried at every character; one that starts with \s lets the engine
# skip to the next white space (a 4th of the time). The look-behinds take the \s already
# matched into their width; \s then \s* backtracks through the same ends as \s+.
LETTER_SPACING = pattern(rf"\s(?:(?<=[{CJK}]\s)\s*(?=[{CJK}0-9])|(?<=[{CJK}0-9]\s)\s*(?=[{CJK}]))",
                         "通 知", "区 长", "2023 年")
# Any white space: a line without any needs no collapsing.
ANY_SPACE = pattern(r"\s", " ")


def collapse(text: str) -> str:
    """Text with letter-spacing taken out and outer white space trimmed."""
    if not ANY_SPACE.search(text):
        return text
    return LETTER_SPACING.sub("", text).strip()


# An ideographic space between two words of two characters or more ("坚定信心　实干争先", "通过　根据"):
# the typeset separation of phrases or events, never letter-spacing, which stands between single
# characters (名　词), nor an OCR gap, which is an ASCII space
# (Spelled (?<=[CJK]{2}) *\u3000[ \u3000]*(?=[CJK]{2}), it is tried at every character, as LETTER_SPACING
# explains; starting with the space or the ideographic space, each with the look-behind after it, it finds
# the same gaps: a 16 MB line's title split 3.6 times faster.)
PHRASE_GAP = pattern(rf"(?: (?<=[{CJK}]{{2}} ) *\u3000|\u3000(?<=[{CJK}]{{2}}\u3000))[ \u3000]*(?=[{CJK}]{{2}})",
                     "坚定信心　实干争先", "会议通过　根据", "会议通过 　根据")


def plain(spans: Sequence[Span]) -> str:
    """The text of spans as one heading or title: joined, letter-spacing removed, a gap between phrases kept."""
    text = joined(spans)
    if "\u3000" not in text or not PHRASE_GAP.search(text):      # (every gap holds an ideographic space)
        return collapse(text)
    pieces = PHRASE_GAP.split(text)
    out = collapse(pieces[0])
    for piece in pieces[1:]:
        out += "\u3000" + collapse(piece)
    return out
