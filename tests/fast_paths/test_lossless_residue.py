"""Reading the texts of the residue in one pass (lossless.each_reading_chars) reads each as reading_chars does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from converter import lossless
from converter.lossless import each_reading_chars, reading_chars

# Reading text of every kind (Han of extension B, full-width and other digits), line ends, and what is not read
PIECES = ["中", "文", "\U00020000", "\U0002a700", "1", "０", "９", "٣", "३", "\U0001d7ce", "\n", "\r", "\r\n", "a", " ",
          "，", "\u3000", "〇", "々", "", "\ufeff", "&#20013;"]
TEXTS = st.lists(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=5).map("".join), max_size=6)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(TEXTS)
def test_the_texts_read_in_one_pass_read_as_each_alone(texts: list[str]) -> None:
    assert each_reading_chars(texts) == [reading_chars(text) for text in texts]


def test_edge_cases() -> None:
    for texts in ([], [""], ["", ""], ["\n"], ["中\n文", "1"], ["１２", "\U00020000٣"], ["abc"] * 3):
        assert each_reading_chars(texts) == [reading_chars(text) for text in texts]


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(PIECES + ["，", "、", "。", "，，", "。\n"]), st.text(max_size=3)), max_size=8).map("".join),
       st.booleans())
def test_runs_are_found_alike_with_the_common_gaps_taken_out_first(text: str, lines: bool) -> None:
    beyond = any(ord(ch) > 0xFFFF for ch in text)
    full = lossless.READING_LINES if lines else lossless.READING_RUN
    assert lossless.runs_and_plane(text, lines) == ("".join(full.findall(text)), beyond)
