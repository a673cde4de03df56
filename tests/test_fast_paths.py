"""Each fast path gives what the full computation it stands for gives (issue 12: speed, output unchanged)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from converter.normalise.lines import clean_line, clean_line_fully, split_lines
from tests.conftest import ALL_SAMPLES

SAMPLE_LINES = [line for path in ALL_SAMPLES for line in split_lines(path.read_text(encoding="utf-8"))]
# What makes a line need the full cleaning: white space, controls, markup, tabs, invisible characters
PIECES = [" ", "\u3000", "\t", "\x0c", "\x00", "\x1f", "\u200b", "\ufeff", "\xa0", "\u2028", "**", "<sup>", "</sup>",
          "<p>", "## ", "- ", "> ", "*", "<", "#", "中文", "1."]


def test_a_clean_line_of_the_samples_is_cleaned_as_fully():
    for n, raw in enumerate(SAMPLE_LINES, start=1):
        assert clean_line(n, raw, n % 2 == 0) == clean_line_fully(n, raw, n % 2 == 0), raw


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(SAMPLE_LINES), st.text(max_size=4)), max_size=6),
       st.booleans())
def test_any_line_is_cleaned_as_fully(parts, gap):
    raw = "".join(parts)
    assert clean_line(7, raw, gap) == clean_line_fully(7, raw, gap)
