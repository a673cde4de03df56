"""Note markers found at their first characters, and HTML text read a source line at a time, give what the
slower readings gave:

- link.markers_in, which tries MARKER only at a character a marker starts with, finds the matches
  MARKER.finditer finds, over random text and random windows of it (lookbehind before the window included);
- and a line of a page's HTML (some 200,000 characters) with a few <sup> in it is linked without MARKER
  tried at every one of its characters;
- an HTML page's text read a source line at a time (LineReader.text_by_line) reads as it does word by word
  (text_pieces): the same Lines, residue and links, over random pages of text, white space and tags.
"""

from __future__ import annotations

import random
import re

import pytest

from converter import link
from converter.normalise import html, html_lines
from converter.model.text import Line, Span
from converter.rules import MARKER

# What markers are made of and what stands beside them: each of MARKER's alternatives, the characters its
# lookbehind refuses (a letter, a digit, ×), brackets that open no marker, Han
PIECES = ["①", "⑳", "㉑", "㊿", "［", "］", "[", "]", "^", "1", "12", "123", "1234", "¹", "²³", "⁰⁴⁵⁶", "m", "×",
          "中", " ", "[^", "［1］", "[2]", "[^3]"]


def spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]          # type: ignore[attr-defined]


@pytest.mark.parametrize("seed", range(4))
def test_markers_in_finds_what_finditer_finds(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert spans(link.markers_in(text, start, end)) == spans(MARKER.finditer(text, start, end)), (text, start, end)


def test_a_marker_after_a_letter_before_the_window_is_no_marker() -> None:
    # (the window starts at the superscript: the letter before it still says it is a unit, m²)
    assert spans(link.markers_in("m²①", 1, 3)) == [(2, 3)] == spans(MARKER.finditer("m²①", 1, 3))


def test_a_long_line_with_a_few_sups_tries_marker_at_its_marker_characters_only(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "中" * 200_000 + "①" + "中" * 10 + "[3]"
    line = Line(n=1, printed=None, text=text, sup=((200_000, 200_001),))
    tried: list[int] = []
    matcher = re.compile(MARKER.pattern)

    class Counting:
        """MARKER, counting where it is tried"""

        def match(self, string: str, pos: int, endpos: int) -> re.Match[str] | None:
            tried.append(pos)
            return matcher.match(string, pos, endpos)

    monkeypatch.setattr(link, "MARKER", Counting())
    found = link.segments(Span(line, 0, len(text)), markers=False)
    assert tried == [200_000, 200_011]
    assert [kind for _, _, kind in found] == ["text", "explicit", "text", "bare"]


# What a page's text is made of: words of Han, letters and digits, punctuation, the white space HTML collapses
# (in runs, over line ends of each kind), white space it does not, and tags that end lines, make spans or links
TEXT_PIECES = ["通知", "各乡镇", "2024年", "abc", "12", "。", "】", "（一）", " ", "  ", "\t", " \t ", "\n", "\r\n", "\r",
               "\n\n", " \n ", "\u3000", "\u00a0", "&nbsp;", "&#20013;"]
TAGS = ["<p>", "</p>", "<br>", "<b>", "</b>", "<sup>", "</sup>", "<a href=x>", "</a>", "<div>", "</div>", "<pre>",
        "</pre>", "<td>", "<tr>", "</table>", "<span>", "<style>", "</style>"]


def random_text_page(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 60)):
        parts.append(rng.choice(TAGS) if rng.random() < 0.25 else "".join(
            rng.choice(TEXT_PIECES) for _ in range(rng.randint(1, 12))))
    return "<html><body>" + "".join(parts) + "</body></html>"


@pytest.mark.parametrize("seed", range(4))
def test_text_read_a_source_line_at_a_time_reads_as_word_by_word(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    pages = [random_text_page(rng) for _ in range(300)]
    by_line = [html.read_html_page(page) for page in pages]
    monkeypatch.setattr(html_lines.LineReader, "text_by_line",
                        lambda reader, start, piece: reader.text_pieces(start, piece, True))
    for page, found in zip(pages, by_line):
        assert found == html.read_html_page(page), page


def test_a_page_of_plain_lines_is_put_a_source_line_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    page = "<html><body><p>" + "".join(f"第{k}行 文字 text\n" for k in range(200)) + "</p></body></html>"
    calls: list[str] = []
    put = html_lines.LineReader.put

    def counting(reader: html_lines.LineReader, chunk: str, line: int, offset: int = 0) -> None:
        calls.append(chunk)
        put(reader, chunk, line, offset)

    monkeypatch.setattr(html_lines.LineReader, "put", counting)
    lines, _, _ = html.read_html_page(page)
    # the first source line word by word (the Line had no word character when it began), then a put a line
    assert calls[:4] == ["第0行", "文字", "text", "第1行 文字 text"] and len(calls) == 3 + 199
    assert [line.text for line in lines] == [" ".join(f"第{k}行 文字 text" for k in range(200))]
