"""Each fast path gives what the full computation it stands for gives (issue 12: speed, output unchanged)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from converter.normalise.lines import clean_line, clean_line_fully, split_lines
from tests.conftest import ALL_SAMPLES

SAMPLE_LINES = [line for path in ALL_SAMPLES for line in split_lines(path.read_text(encoding="utf-8"))]
# What makes a line need the full cleaning: white space, controls, markup, tabs, invisible characters
PIECES = [" ", "\u3000", "\t", "\x0c", "\x00", "\x1f", "\u200b", "\ufeff", "\xa0", "\u2028", "**", "<sup>", "</sup>",
          "<p>", "## ", "- ", "> ", "*", "<", "#", "中文", "1.", "\x85", "\x1c", "\u3000\u3000"]


def test_a_clean_line_of_the_samples_is_cleaned_as_fully():
    for n, raw in enumerate(SAMPLE_LINES, start=1):
        assert clean_line(n, raw, n % 2 == 0) == clean_line_fully(n, raw, n % 2 == 0), raw


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(SAMPLE_LINES), st.text(max_size=4)), max_size=6),
       st.booleans())
def test_any_line_is_cleaned_as_fully(parts, gap):
    raw = "".join(parts)
    assert clean_line(7, raw, gap) == clean_line_fully(7, raw, gap)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["\n", "\r", "\r\n", "\x0b", "\x0c", "\u2028", "\x85", "中", "a", ""]), max_size=12))
def test_lines_split_without_the_pattern_are_those_the_pattern_splits(parts):
    from converter.normalise.lines import LINE_BREAK

    text = "".join(parts)
    expected = LINE_BREAK.split(text)
    if expected[-1] == "":
        expected.pop()
    assert split_lines(text) == expected


def test_a_line_tries_exactly_the_rules_its_first_character_allows():
    from converter.blocks import SHARED

    for start in ["", "一", "（", "|", "注", "\t", "第", "x"]:
        allowed = tuple(rule for rule in SHARED.rules if rule.first is None or start in rule.first)
        assert SHARED.starting(start) == allowed and SHARED.starting(start) is SHARED.starting(start)
    assert len(SHARED.starting("x")) < len(SHARED.rules)          # rules with a first character are skipped


def test_cell_text_and_toc_matching_give_what_the_plain_computation_gives():
    import difflib

    from converter.forms.bulletin import links
    from converter.model.blocks import Cell
    from converter.model.text import Line, Span

    line = Line(1, None, "序号\t单位 名称\t备注")
    for spans in ([], [Span(line, 0, 2)], [Span(line, 3, 8), Span(line, 9, 11)]):
        assert Cell(spans).text == "".join(s.text for s in spans)
    # the upper bounds never drop a candidate whose ratio passes
    for key, title in [("关于印发某某办法的通知", "关于印发某某办法的通知"), ("某某办法", "关于某某办法"), ("甲乙", "丙丁")]:
        matcher = difflib.SequenceMatcher(None, key, title, autojunk=False)
        assert matcher.real_quick_ratio() >= matcher.quick_ratio() >= matcher.ratio()
    assert links.TITLE_MATCH < 1


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(["。", "：", ":", "；", "!", " ", "\u3000", "\t", "一、", "第一章", "中"]),
                          st.sampled_from(SAMPLE_LINES)), max_size=6))
def test_sentence_ends_matched_are_those_looked_behind_for(parts):
    import re

    from converter.normalise.runon import AFTER_SENTENCE

    looked_behind = re.compile(r"(?<=[。！？!?：:；;])(?P<space>\s*)(?=\S)")      # the earlier spelling
    text = "".join(parts)
    assert [(m.end(), m.group("space")) for m in AFTER_SENTENCE.finditer(text)] == \
        [(m.end(), m.group("space")) for m in looked_behind.finditer(text)]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["中", "a", "\U00020000", "\U0001f600", "\ud800", "\udfff", "\uffff", "１"]), max_size=8),
       st.integers(min_value=0, max_value=3))
def test_a_character_beyond_the_bmp_is_found_as_the_pattern_finds_it(parts, chunks):
    from converter import lossless

    text = "中" * (lossless.PLANE_CHUNK * chunks - 1 if chunks else 0) + "".join(parts)   # across a chunk's end
    assert lossless.beyond_bmp(text) == (lossless.BEYOND_BMP.search(text) is not None)


def test_the_words_looked_for_before_a_pattern_are_in_every_match_of_it():
    from converter.blocks import responsible
    from converter.normalise import chrome_lines

    assert all("摄" in alternative or "图" in alternative for alternative in chrome_lines.CAPTION_HINT.pattern.split("|"))
    assert responsible.UNIT_LABEL.startswith("(?:") and "(?:单位|部门)" in responsible.UNIT_LABEL
    assert responsible.RESPONSIBLE.pattern.count(responsible.UNIT_LABEL) == 1
