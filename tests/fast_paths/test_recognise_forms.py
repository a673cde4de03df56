"""The fast paths of segmenting and recognising give what the full tests they skip give (issue 12)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from converter.forms.bulletin.parse import prints_listed_title
from converter.model.text import Line, collapse

# Pieces of lines and titles: white space of every kind, letter-spaced words, odd Unicode
PIECES = [" ", "\u3000", "\t", "\xa0", "\u2028", "\x1c", "\x85", "关于", "通 知", "的通知", "区人民政府", "（", "）",
          "〔2023〕1号", "a", "", "\u200b", "\ufeff", "𠀀"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=6).map("".join)


def listed_slowly(lines: list[Line], i: int, titles: frozenset[str]) -> bool:
    """What prints_listed_title stands for: every line collapsed, alone and joined to the next."""
    text = lines[i].text
    return collapse(text) in titles or (i + 1 < len(lines) and collapse(text + lines[i + 1].text) in titles)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(TEXTS, min_size=1, max_size=4), st.lists(TEXTS, max_size=4), st.data())
def test_a_listed_title_is_found_as_by_collapsing_every_line(texts, others, data):
    lines = [Line(k, None, text) for k, text in enumerate(texts, start=1)]
    # titles: some collapsed from the lines themselves (alone and joined), some unrelated
    titles = {collapse(text) for text in others}
    for k in range(len(texts)):
        if data.draw(st.booleans()):
            titles.add(collapse(texts[k] + (texts[k + 1] if k + 1 < len(texts) and data.draw(st.booleans()) else "")))
    listed = frozenset(titles)
    for i in range(len(lines)):
        assert prints_listed_title(lines, i, listed) == listed_slowly(lines, i, listed), (texts, listed, i)


# Pieces of body lines: gaps of every width, the characters the cheap tests look for, words around them
BODY_PIECES = [" ", "  ", "\u3000", "\t", "\xa0", "张某某", "镇人民政府", "）", "(", "释", "明", "名词解释", "名 词 注 释",
               "说明", "注释：", "附：", "《政府工作报告》", "【", "】", "（按出现先后排序）", "报告", "1.", "𠀀", ""]
BODY_TEXTS = st.lists(st.sampled_from(BODY_PIECES), max_size=7).map("".join)


@settings(max_examples=800, deadline=None, derandomize=True)
@given(BODY_TEXTS)
def test_a_line_laid_out_is_found_as_by_the_pattern(text):
    from converter.blocks.parser import LAID_OUT, laid_out

    assert laid_out(text) == (LAID_OUT.search(text) is not None)


@settings(max_examples=800, deadline=None, derandomize=True)
@given(BODY_TEXTS)
def test_a_glossary_heading_is_found_as_by_the_pattern(text):
    from converter.blocks.glossary import GLOSSARY_HEADING, is_heading_text

    assert is_heading_text(text) == (GLOSSARY_HEADING.fullmatch(text.strip()) is not None)


MARKER_PIECES = ["①", "㉑", "㊱", "［1］", "[^2]", "[12]", "¹", "²³", "m²", "×²", "1", "a", "［", "]", "新物种企业", " ", ""]


@settings(max_examples=800, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(MARKER_PIECES), max_size=6).map("".join), st.integers(0, 8), st.integers(0, 12))
def test_a_text_without_a_marker_start_holds_no_marker(text, start, end):
    from converter.rules import MARKER, MARKER_START

    if MARKER_START.search(text, start, end) is None:
        assert list(MARKER.finditer(text, start, end)) == []


def test_the_title_word_cached_is_the_title_word():
    from converter.forms.naming import title_word
    from converter.rules import KIND_WORDS

    for title in ["关于印发方案的通知", "某某县城市绿化管理办法（试行）", "《某某省水资源管理条例》", "某某县人民政府公报", "", "函"]:
        for words in [tuple(KIND_WORDS), ("通知",), ("办法", "条例"), ()]:
            assert title_word(title, words) == title_word.__wrapped__(title, words)


def test_the_speech_head_read_once_is_the_one_read_again():
    from converter.forms.speech.head import find_head
    from converter.forms.work_report import speech_head
    from converter.frame.head import parse_head
    from converter.normalise import normalise
    from tests.conftest import ALL_SAMPLES

    for path in ALL_SAMPLES:
        lines = normalise(path.read_text(encoding="utf-8")).lines
        head = parse_head(lines)
        assert speech_head(lines, head) is speech_head(lines, head)
        assert speech_head(lines, head) == find_head(lines)
        assert speech_head(lines[1:], head) == find_head(lines[1:])     # other lines: read afresh
