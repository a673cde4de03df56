"""The lines an HTML source reads as: the state of one pass over its tokens (html.py).

A Line gathers the text between two block boundaries; white space HTML
collapses becomes one space (none where a line break stood between two
Chinese characters); a table row's cells are apart by tabs; bold and
superscript become spans; the source line of the first letter, digit or
Han character is the Line's number, and where it goes on in a later source
line is a break.
Markup is filed by source line, one residue item a line.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from converter.model.text import Line, Removed
from converter.normalise.lines import FORBIDDEN_CHAR, FORBIDDEN_CHARS, LINE_BREAK, may_hold_forbidden
from converter.patterns import CJK, pattern

# One piece of a text run: collapsible white space, a character XML forbids, or printed text
# (the printed text stops at any character FORBIDDEN_CHAR takes out, not only a C0 control: "沈\ufffe慧"
# was one run, and lxml refused its U+FFFE when the tree was built)
TEXT_PIECE = pattern(rf"(?P<space>[ \t\n\r]+)|(?P<bad>{FORBIDDEN_CHAR.pattern})|[^ \t\n\r{FORBIDDEN_CHARS}]+",
                     " ", "通知")
# … its white space, all of which collapses
COLLAPSED = " \t\n\r"
# … of which the white space inside one source line, and a run of it
IN_LINE_SPACE = " \t"
IN_LINE_SPACE_RUN = pattern(r"[ \t]+", "a \t b")
# A character between which and another a line break is no space: Chinese text and its punctuation
CJK_CHAR = pattern(rf"[{CJK}]", "通")
# A letter, digit or Han character: a Line starts at the source line of its first (marks before it may stand above)
WORD_CHAR = pattern(r"\w", "通")
# Leading white space that marks a paragraph: an ideographic space, two no-break spaces
PRINTED_INDENT = pattern(r"^(?:\u3000|\u00a0{2})", "\u3000\u3000为")
# Tags that make bold text and superscripts (footnote markers).
BOLD = ("b", "strong")
SUP = ("sup",)
# Strip characters of a line that holds table cells (tabs stay: they are empty cells).
CELL_STRIP = " \u3000\u00a0"


@dataclass(eq=False, repr=False)
class LineReader:
    """The line being read and what has been read: the state of one pass over the tokens."""

    line_starts: list[int]
    lines: list[Line] = field(default_factory=list)
    marks: dict[int, list[str]] = field(default_factory=dict)
    controls: list[Removed] = field(default_factory=list)
    buf: list[str] = field(default_factory=list)
    length: int = 0
    first: int | None = None            # source line of the line's first letter, digit or Han character
    column: int = 0                     # where on that source line it stands
    printed: tuple[int, int] | None = None   # (line, column) of its first printed character, for a line of marks
    last: int | None = None             # source line of the last character read into the line
    breaks: list[tuple[int, int]] = field(default_factory=list)
    last_char: str = ""
    pending_space: bool = False
    pending_break: bool = False
    had_content: bool = False           # white space or cells only, so far
    indent: bool = False
    empties: int = 0                    # empty paragraphs or line breaks since the last line
    bold: list[tuple[int, int]] = field(default_factory=list)
    sup: list[tuple[int, int]] = field(default_factory=list)
    bold_from: int | None = None
    sup_from: int | None = None
    bold_depth: int = 0
    sup_depth: int = 0
    row_cells: int | None = None        # cells read in the open table row
    cell_column: int = 0                # the table column the row's last cell started in
    next_column: int = 0                # where the next cell starts, the last one's colspan counted
    covered: dict[int, int] = field(default_factory=dict)   # column → rows a rowspan above still covers
    covered_now: frozenset[int] = frozenset()                # the columns covered in the open row
    pre: int = 0
    link_depth: int = 0                 # inside <a>, or inside <nav> (all of which is navigation)
    printed_chars: int = 0              # characters of the line read so far, and those inside a link
    linked_chars: int = 0
    links: set[tuple[int, int]] = field(default_factory=set)   # positions of the lines that are links only

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def markup(self, start: int, piece: str) -> None:
        """Source text that is not read, filed by source line."""
        if "\n" not in piece and "\r" not in piece:
            # one source line (most tags): the one part the loop below makes of it, the whole piece
            if piece:
                # (a tag is printable, spaces and all: the call is for the few that are not)
                if not piece.isprintable() and may_hold_forbidden(piece) and FORBIDDEN_CHAR.search(piece):
                    piece = self.control(piece, start)
                self.marks.setdefault(bisect.bisect_right(self.line_starts, start), []).append(piece)   # line_of
            return
        pos = 0
        for m in [*LINE_BREAK.finditer(piece), None]:
            end = m.start() if m else len(piece)
            part = piece[pos:end]
            if part:
                if FORBIDDEN_CHAR.search(part):
                    part = self.control(part, start + pos)
                self.marks.setdefault(self.line_of(start + pos), []).append(part)
            if m:
                pos = m.end()

    def control(self, part: str, offset: int) -> str:
        for m in FORBIDDEN_CHAR.finditer(part):
            self.controls.append(Removed("control-char", self.line_of(offset + m.start()),
                                         codepoint=f"U+{ord(m.group()):04X}"))
        return FORBIDDEN_CHAR.sub("", part)

    def text(self, start: int, piece: str, printed: bool = True) -> None:
        """Printed text at `start` in the source; `printed=False` for a character a reference stands for."""
        if piece.isprintable() and " " not in piece and piece:
            # TEXT_PIECE's one match, the whole piece: a printable text holds no white space but the space
            # (tests/fast_paths/test_normalise_lines.py), no control and no forbidden character (each unprintable)
            self.put(piece, bisect.bisect_right(self.line_starts, start), start)
            return
        if piece and not piece.strip(COLLAPSED):
            # white space only (between tags, half the text runs of a page): TEXT_PIECE's one match, the
            # whole piece, a space, as the loop below reads it
            if self.pre and ("\n" in piece or "\r" in piece):
                self.end_line()
            else:
                self.pending_space = True
                self.pending_break = self.pending_break or "\n" in piece or "\r" in piece
            return
        if printed and not self.pre and not (may_hold_forbidden(piece) and FORBIDDEN_CHAR.search(piece)):
            self.text_by_line(start, piece)
        else:
            self.text_pieces(start, piece, printed)

    def text_by_line(self, start: int, piece: str) -> None:
        """text() of printed text and collapsible white space (no control, not in <pre>), a source line at a time:
        once the line has its first word character, each source line's words are put at once, joined by the
        space each run of white space between them reads as (a page's text printed as plain lines: a put a
        line, not a word). Before that, word by word (text_pieces), as put places the line by that word."""
        pos = 0
        for m in LINE_BREAK.finditer(piece):
            self.source_line_text(start + pos, piece[pos:m.start()])
            self.pending_space = self.pending_break = True
            pos = m.end()
        self.source_line_text(start + pos, piece[pos:])

    def source_line_text(self, start: int, part: str) -> None:
        """The text of one source line's part of a run (no line break in it)."""
        words = part.strip(IN_LINE_SPACE)
        if not words:
            if part:
                self.pending_space = True
            return
        if self.first is None:
            self.text_pieces(start, part, True)
            return
        lead = len(part) - len(part.lstrip(IN_LINE_SPACE))
        if lead:
            self.pending_space = True
        if "  " in words or "\t" in words:     # (else each run is one space already)
            words = IN_LINE_SPACE_RUN.sub(" ", words)
        self.put(words, bisect.bisect_right(self.line_starts, start + lead), start + lead)
        if part[-1] in IN_LINE_SPACE:
            self.pending_space = True

    def text_pieces(self, start: int, piece: str, printed: bool) -> None:
        """text() a piece at a time: each run of white space, each character XML forbids, each run of text."""
        for m in TEXT_PIECE.finditer(piece):
            chunk = m.group()
            if m.lastgroup == "bad":
                self.controls.append(Removed("control-char", self.line_of(start + m.start()),
                                             codepoint=f"U+{ord(chunk):04X}"))
                self.pending_space = True
            elif m.lastgroup == "space":
                if self.pre and ("\n" in chunk or "\r" in chunk):
                    self.end_line()
                    continue
                self.pending_space = True
                self.pending_break = self.pending_break or "\n" in chunk or "\r" in chunk
            else:
                at = start + m.start() if printed else start
                self.put(chunk, self.line_of(at), at)

    def put(self, chunk: str, line: int, offset: int = 0) -> None:
        if self.pending_space and self.length:
            if not (self.pending_break and CJK_CHAR.match(self.last_char) and CJK_CHAR.match(chunk[0])):
                self.append(" ")
        self.pending_space = self.pending_break = False
        if self.first is None and chunk.strip():
            if WORD_CHAR.search(chunk):
                self.first = line
                self.column = offset - self.line_starts[line - 1]
            elif self.printed is None:
                self.printed = (line, offset - self.line_starts[line - 1])
        if self.last is not None and line != self.last and self.first is not None:
            self.breaks.append((self.length, line))
        if self.first is not None:
            self.last = line
        if self.bold_depth and self.bold_from is None:
            self.bold_from = self.length
        if self.sup_depth and self.sup_from is None:
            self.sup_from = self.length
        self.printed_chars += len(chunk)
        if self.link_depth:
            self.linked_chars += len(chunk)
        # (append's steps, in place: put reads every printed run)
        self.buf.append(chunk)
        self.length += len(chunk)
        self.last_char = chunk[-1]
        self.had_content = True

    def append(self, chunk: str) -> None:
        self.buf.append(chunk)
        self.length += len(chunk)
        self.last_char = chunk[-1]
        self.had_content = True

    def row(self) -> None:
        """A table row starts: the columns that cells of the rows above still span down into."""
        self.row_cells, self.cell_column, self.next_column = 0, 0, 0
        self.covered_now = frozenset(k for k, rows in self.covered.items() if rows > 0)
        self.covered = {k: rows - 1 for k, rows in self.covered.items() if rows > 1}

    def cell(self, colspan: int = 1, rowspan: int = 1) -> None:
        """A table cell starts: tabs after the cell before it, one for each column between them.

        A column a cell spans (colspan), or that a cell above spans down into (rowspan), stays an
        empty cell here, so each value keeps its column.
        """
        column = self.next_column
        while column in self.covered_now:
            column += 1
        tabs = column - self.cell_column if self.row_cells else column
        if tabs:
            self.pending_space = self.pending_break = False
            self.append("\t" * tabs)
        self.cell_column, self.next_column = column, column + colspan
        for k in range(column, column + colspan) if rowspan > 1 else ():
            self.covered[k] = max(self.covered.get(k, 0), rowspan - 1)
        self.row_cells = (self.row_cells or 0) + 1

    def table_ends(self) -> None:
        self.covered, self.covered_now = {}, frozenset()

    def open_span(self, tag: str) -> None:
        if tag in BOLD:
            self.bold_depth += 1
        else:
            self.sup_depth += 1

    def close_span(self, tag: str) -> None:
        if tag in BOLD and self.bold_depth:
            self.bold_depth -= 1
            if not self.bold_depth and self.bold_from is not None:
                self.bold.append((self.bold_from, self.length))
                self.bold_from = None
        elif tag in SUP and self.sup_depth:
            self.sup_depth -= 1
            if not self.sup_depth and self.sup_from is not None:
                self.sup.append((self.sup_from, self.length))
                self.sup_from = None

    def end_line(self, block: bool = False) -> None:
        """The line ends here (at a block boundary when `block`: the next line starts a paragraph)."""
        if not self.buf:
            # nothing read since the last line ended (an empty <p>, a second <br>, the tags between blocks):
            # the buffer fills only by append, which every put and cell goes through, and all the rest
            # below is set by put or append, so it stands as the end of a line leaves it; what the steps
            # below change of such a line is this
            if block:
                self.indent = True
                self.row_cells = None
            else:
                self.empties += 1
            self.pending_space = self.pending_break = False
            return
        self.close_spans()
        raw = "".join(self.buf)
        strip = CELL_STRIP if "\t" in raw else None
        text = raw.strip(strip)
        if self.first is None and self.printed is not None:
            self.first, self.column = self.printed          # a line of marks only (】, |): where they stand
        if self.first is not None and text.strip(" \t\u3000\u00a0"):
            lead = len(raw) - len(raw.lstrip(strip))
            breaks = tuple((max(0, at - lead), line) for at, line in self.breaks if at - lead < len(text)) \
                if self.breaks else ()      # (a line of one source line, most lines, has none)
            if self.linked_chars == self.printed_chars:
                self.links.add((self.first, self.column))
            self.lines.append(Line(self.first, None, text, indent=self.indent or bool(PRINTED_INDENT.match(raw)),
                                   gap=self.empties > 0, bold=shifted(self.bold, lead, len(text)),
                                   sup=shifted(self.sup, lead, len(text)), breaks=breaks, column=self.column))
            self.empties = 0
            self.indent = False
        elif self.had_content or not block:
            self.empties += 1               # an empty paragraph (<p>&nbsp;</p>) or a second <br>
        self.buf, self.length, self.first, self.last, self.last_char = [], 0, None, None, ""
        self.printed = None
        self.printed_chars = self.linked_chars = 0
        self.breaks = []
        self.pending_space = self.pending_break = self.had_content = False
        self.bold, self.sup = [], []
        if block:
            self.indent = True
            self.row_cells = None

    def close_spans(self) -> None:
        """Bold or superscript still open at a line end: its part on this line is a span."""
        if self.bold_from is not None:
            self.bold.append((self.bold_from, self.length))
            self.bold_from = None
        if self.sup_from is not None:
            self.sup.append((self.sup_from, self.length))
            self.sup_from = None

    def residue(self) -> list[Removed]:
        marks = [Removed("markup", line, text) for line, parts in sorted(self.marks.items())
                 if (text := "".join(parts).strip())]
        return sorted(marks + self.controls, key=lambda r: r.line)


def shifted(spans: list[tuple[int, int]], lead: int, length: int) -> tuple[tuple[int, int], ...]:
    """Spans into a line's text after `lead` characters were stripped from its start."""
    if not spans:
        return ()                   # (most lines have no bold and no superscript)
    out = ((max(0, a - lead), min(length, b - lead)) for a, b in spans)
    return tuple((a, b) for a, b in out if b > a)
