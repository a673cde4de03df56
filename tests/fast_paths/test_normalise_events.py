"""The fast paths of normalise over HTML events, white space, indented lines and furniture compute what the
paths they bypass compute."""

from __future__ import annotations

import random
from html.parser import HTMLParser

from converter.model.text import Line
from converter.normalise import html as H
from converter.normalise.html_events import Events
from converter.normalise.furniture import FURNITURE_LOOK, may_be_furniture
from converter.normalise.html_lines import LineReader
from converter.normalise.lines import INDENT, clean_as_printed, clean_line, paragraph_indent
from tests.fast_paths.test_normalise_lines import inputs


class LineColumnEvents(Events):
    """Events as they were: each construct's position from getpos, a line and column, and no offset kept."""

    def __init__(self) -> None:
        super().__init__()
        self.positions: list[tuple[int, int]] = []

    updatepos = HTMLParser.updatepos          # the parser's own, which counts lines and columns
    goahead = HTMLParser.goahead

    def _add(self, kind: str, tag: str = "") -> None:
        self.positions.append(self.getpos())
        self.found.append((-1, kind, tag))


def slow_starts(text: str) -> list[tuple[int, str, str]]:
    """Where each construct starts, its line and column turned into an offset as tokens() did."""
    parser = LineColumnEvents()
    parser.feed(H.masked(text))
    parser.close()
    newline_starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]
    return [(newline_starts[line - 1] + col, kind, tag)
            for (line, col), (_, kind, tag) in zip(parser.positions, parser.found)]


def fast_starts(text: str) -> list[tuple[int, str, str]]:
    parser = Events()
    parser.feed(H.masked(text))
    parser.close()
    return parser.found


def html_sources() -> list[str]:
    """HTML pieces at random: tags, references, comments, declarations, template code, unclosed constructs at the
    end (read by close()), line ends of every kind, script and style contents, odd Unicode; and the empty text."""
    rng = random.Random(7)
    parts = ["<p>", "</p>", "<div class=x>", "<br/>", "<td colspan=2>", "</td>", "<script>", "</script>", "<style>",
             "</style>", "&nbsp;", "&nbsp", "&#20013;", "&#x4e2d", "&", "&#", "<!-- c -->", "<!--", "<!DOCTYPE html>",
             "<![CDATA[x]]>", "<![ 1", "<?php echo 1; ?>", "<%= x %>", "<", "</", "<a href='", ">", "\n", "\r\n", "\r",
             " ", "\t", "中文", "text", "\u3000", "\x0c", "\u200b", "\ud800", "𠀀", "</ p>", "<b", "<x y=\"1\n2\">"]
    return ["", *("".join(rng.choice(parts) for _ in range(rng.randint(0, 30))) for _ in range(4000))]


def test_events_offsets_are_getpos_offsets() -> None:
    for text in html_sources():
        try:
            slow = slow_starts(text)
        except AssertionError:              # _markupbase refuses a few declarations: both ways alike
            try:
                fast_starts(text)
            except AssertionError:
                continue
            raise
        assert fast_starts(text) == slow, repr(text)


class SlowReader(LineReader):
    """LineReader whose text() reads every run as it did: printable runs whole, the rest by TEXT_PIECE."""

    def text(self, start: int, piece: str, printed: bool = True) -> None:
        if piece.isprintable() and " " not in piece and piece:
            self.put(piece, self.line_of(start), start)
            return
        self.text_pieces(start, piece, printed)     # (the loop by TEXT_PIECE every fast path bypasses)


def test_white_space_runs_read_as_text_piece_reads_them() -> None:
    rng = random.Random(71)
    parts = [" ", "\t", "\n", "\r", "\r\n", "中", "a", "\u3000", "\u00a0", "\x0c", "\u200b", "\x0b", "\x85", "\u2028", ""]
    for _ in range(3000):
        # the pieces of one text, read in turn, its line starts where its line breaks are (as a page's are)
        pieces = ["".join(rng.choice(parts) for _ in range(rng.randint(0, 5))) for _ in range(rng.randint(1, 12))]
        starts = H.line_starts_of("".join(pieces))
        fast, slow = LineReader(list(starts)), SlowReader(list(starts))
        at = 0
        for piece in pieces:
            action = rng.random()
            for reader in (fast, slow):
                reader.pre = 1 if action < 0.2 else 0
            if action < 0.1:
                fast.end_line(block=True)
                slow.end_line(block=True)
            fast.text(at, piece)
            slow.text(at, piece)
            at += len(piece)
        fast.end_line()
        slow.end_line()
        assert vars(fast) == vars(slow)


def text_lines() -> list[str]:
    """Lines of text, indents, markup marks, tabs, controls and odd white space at random; and the odd inputs."""
    rng = random.Random(72)
    parts = [" ", "  ", "\u3000", "\t", "中", "a", "1", "—", "-", "*", "<", "#", "> ", "\x0c", "\u200b", "\xa0", "\x85",
             "\u2028", "第", "（", "页", "份", "/", "h", "★", "\ufeff", "𠀀", "\ud800"]
    return [*inputs(), *("".join(rng.choice(parts) for _ in range(rng.randint(1, 10))) for _ in range(30000))]


def test_indented_lines_read_as_clean_line_reads_them() -> None:
    found = 0
    for raw in text_lines():
        if raw and raw[0] in INDENT and (text := raw.lstrip(INDENT)) and clean_as_printed(text):
            for gap in (False, True):
                assert clean_line(7, raw, gap) == (Line(7, raw, text, paragraph_indent(raw), gap), []), repr(raw)
            found += 1
    assert found > 300


def test_furniture_look_is_may_be_furniture_s_first_step() -> None:
    texts = [*text_lines(), *(chr(c) + tail for c in range(0x110000) if not 0xd800 <= c < 0xe000
                             for tail in ("", "/页份"))]
    for text in texts:
        if text and text[0] not in FURNITURE_LOOK and not text[0].isdecimal():
            assert not may_be_furniture(text), repr(text)
