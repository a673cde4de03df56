"""The lossless check: the gaps a text's sample tells to take out change no reading text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from converter import reading
from converter.reading import GAPS, READING_LINES, READING_RUN, without_gaps

# Reading characters, gaps, and what is neither (Latin, other punctuation, a full-width and an Arabic-Indic digit,
# an ideograph beyond the BMP, a line end)
ALPHABET = "第一条中文０９٣" + "".join(GAPS) + "ab（）《》-\n\U00020000"


def runs(text: str, lines: bool) -> str:
    """The reading runs of `text` as the pattern finds them, no gap taken out first."""
    return "".join((READING_LINES if lines else READING_RUN).findall(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=3000), st.booleans())
def test_gaps_taken_out_change_no_runs(text: str, lines: bool) -> None:
    assert runs(without_gaps(text), lines) == runs(text, lines)


@given(st.sampled_from(GAPS), st.integers(0, 6000), st.integers(0, 40))
def test_a_gap_dense_beyond_the_sample_or_within_it(gap: str, length: int, every: int) -> None:
    # gaps dense after the sample only (kept) or within it (taken out): the reading text is the same either way
    text = "中" * length + (gap + "文") * every
    assert runs(without_gaps(text), False) == runs(text, False) == "中" * length + "文" * every
    assert reading.text_reading(text) == "中" * length + "文" * every


def test_the_sample_bounds() -> None:
    # an eighth of the text, within [GAP_SAMPLE_MIN, GAP_SAMPLE]; an empty text and odd Unicode read as before
    assert without_gaps("") == ""
    assert without_gaps("，") == ""
    assert without_gaps("\ud800，") == "\ud800"
    long = "中，" * 4000
    assert without_gaps(long) == "中" * 4000
    assert reading.text_reading("１，٣\U00020000。a") == "13\U00020000"
