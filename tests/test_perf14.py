"""The fourteenth session's speed work gives what the code before it gave:

- link.markers_in, which tries MARKER only at a character a marker starts with, finds the matches
  MARKER.finditer finds, over random text and random windows of it (lookbehind before the window included);
- and a line of a page's HTML (some 200,000 characters) with a few <sup> in it is linked without MARKER
  tried at every one of its characters.
"""

from __future__ import annotations

import random
import re

import pytest

from converter import link
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
