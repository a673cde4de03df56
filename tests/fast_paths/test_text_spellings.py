"""The faster spellings in model/text.py and normalise/ give what the earlier ones gave (issue 12: speed, output unchanged)."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from converter.model import text as model_text
from converter.model.text import LETTER_SPACING, Line, Span, collapse, plain
from converter.normalise.lines import split_lines
from converter.patterns import CJK
from tests.conftest import ALL_SAMPLES

SAMPLE_LINES = [line for path in ALL_SAMPLES for line in split_lines(path.read_text(encoding="utf-8"))]
# Characters at the edges of the classes: CJK and not, white space that is CJK (U+3000) and not, digits and not
CHARS = ["通", "知", "a", "1", "0", "9", " ", "  ", "\u3000", "\t", "\n", "\xa0", "\u2028", "\x85", "—", "…", "“", "”",
         "\u2013", "\u2017", "\u2020", "\u3007", "\u303f", "\u3040", "\u33ff", "\u3400", "\u4dbf", "\u4dc0", "\u9fff",
         "\ua000", "\uf900", "\ufaff", "\ufb00", "\uff00", "\uffef", "\ufff0", "９", "\U00020000", ""]
TEXTS = st.lists(st.one_of(st.sampled_from(CHARS), st.sampled_from(SAMPLE_LINES), st.text(max_size=3)), max_size=10)

# The earlier spellings
LOOKED_BEHIND = re.compile(rf"(?<=[{CJK}])\s+(?=[{CJK}0-9])|(?<=[{CJK}0-9])\s+(?=[{CJK}])")
PHRASE_GAP = re.compile(rf"(?<=[{CJK}]{{2}}) *\u3000[ \u3000]*(?=[{CJK}]{{2}})")


def earlier_collapse(text: str) -> str:
    if not re.search(r"\s", text):
        return text
    return LOOKED_BEHIND.sub("", text).strip()


def earlier_plain(text: str) -> str:
    if not PHRASE_GAP.search(text):
        return earlier_collapse(text)
    pieces = PHRASE_GAP.split(text)
    return "\u3000".join(earlier_collapse(piece) for piece in pieces)


def test_the_samples_collapse_as_before():
    for text in SAMPLE_LINES:
        assert LETTER_SPACING.sub("", text) == LOOKED_BEHIND.sub("", text)
        assert collapse(text) == earlier_collapse(text)


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(TEXTS)
def test_any_text_collapses_as_before(parts):
    text = "".join(parts)
    assert [m.span() for m in LETTER_SPACING.finditer(text)] == [m.span() for m in LOOKED_BEHIND.finditer(text)]
    assert collapse(text) == earlier_collapse(text)
    assert plain([Span(Line(1, None, text), 0, len(text))]) == earlier_plain(text)
    assert [m.span() for m in model_text.PHRASE_GAP.finditer(text)] == [m.span() for m in PHRASE_GAP.finditer(text)]


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(["。", "：", ":", "；", "!", " ", "  ", "\u3000", "\t", "一、", "第", "第一章",
                                           "第 2 条", "第十编", "中", ""]), st.sampled_from(SAMPLE_LINES)), max_size=8))
def test_run_on_marks_matched_from_their_start_are_those_looked_behind_for(parts):
    from converter.normalise.runon import AFTER_SENTENCE, SPACED_AFTER_SENTENCE, SPACED_DIVISION

    division = re.compile(r"(?<=\s)(?=第\s{0,2}[〇零○一二三四五六七八九十百千两0-9０-９]{1,7}\s{0,2}[编章节条])")
    text = "".join(parts)
    assert [m.end() for m in SPACED_AFTER_SENTENCE.finditer(text)] == \
        [m.end() for m in AFTER_SENTENCE.finditer(text) if m.group("space")]
    assert [m.end() for m in SPACED_DIVISION.finditer(text)] == [m.end() for m in division.finditer(text)]


# White space of every kind (str.isspace), and characters next to it that are none
SPACES = [" ", "\t", "\u3000", "\xa0", "\x1c", "\x1f", "\x85", "\u2028", "\u2002", "\u200b", "\ufeff", "\x0b", "\r", "中",
          "a", "*", "<b>", "**", "#", "- "]


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(SPACES), st.sampled_from(SAMPLE_LINES)), max_size=8), st.booleans())
def test_a_line_is_cleaned_as_the_patterns_cleaned_it(parts, gap):
    from converter.normalise import lines

    text = "".join(parts)
    # the indent test and the leading white space taken out, as the patterns did them
    if text[:1].isspace():
        assert lines.paragraph_indent(text) == bool(re.match(r"^(?:\u3000|\t|\s{2,})", text))
        assert text.lstrip() == re.sub(r"^\s+", "", text)
    if "*" not in text and "<" not in text:
        assert lines.strip_inline(text) == (text, (), (), [])      # what clean_line_fully no longer asks it
    assert lines.clean_line(3, text, gap) == lines.clean_line_fully(3, text, gap)


def test_phrase_gaps_found_from_their_first_space_are_those_looked_behind_for():
    # an alphabet of the gap's edges alone, so that runs of spaces and ideographic spaces between words meet
    rng = random.Random(12)
    for _ in range(20000):
        text = "".join(rng.choice(["通", "知", " ", "\u3000", "a", "1"]) for _ in range(rng.randint(0, 12)))
        assert [m.span() for m in model_text.PHRASE_GAP.finditer(text)] == [m.span() for m in PHRASE_GAP.finditer(text)]
