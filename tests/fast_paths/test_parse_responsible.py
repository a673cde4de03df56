"""The bracket of a 责任单位 read from the paragraph's last span gives what the joined text gave:

- responsible_match, which asks the paragraph's last span for a closing bracket before it joins the text,
  finds the match RESPONSIBLE finds in the joined text (spans cut anywhere, white space of every kind after
  the bracket, a 。；; alone on the last line).
"""

from __future__ import annotations

import random

from converter.blocks import responsible
from converter.model.text import Line, Span

# Pieces of a paragraph's text: units in brackets of both widths, what may follow them, white space of
# every kind, text that is none of it
PIECES = ["实现就近处理。", "（责任单位：", "(牵头单位:", "区发改局、区科经局", "，各街镇", "）", ")", "。", "；", ";",
          " ", "\u3000", "\t", "\x1c", "\u2028", "配合单位：各乡镇", "单位", "部门", "（", "x"]


def random_spans(rng: random.Random) -> list[Span]:
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8)))
    cuts = sorted(rng.sample(range(1, len(text)), min(len(text) - 1, rng.randint(0, 3)))) if len(text) > 1 else []
    spans, start = [], 0
    for k, end in enumerate([*cuts, len(text)]):
        line = Line(k + 1, None, " " * rng.randint(0, 2) + text[start:end] + " " * rng.randint(0, 2))
        lead = len(line.text) - len(line.text.lstrip(" ")) if line.text.strip(" ") else 0
        spans.append(Span(line, lead, lead + end - start))
        start = end
    return spans


def test_responsible_match_is_the_search_of_the_joined_text():
    rng = random.Random(11)
    found = 0
    for _ in range(20_000):
        spans = random_spans(rng)
        text = "".join(span.text for span in spans)
        expected = responsible.RESPONSIBLE.search(text)
        got = responsible.responsible_match(spans)
        assert (got.span() if got else None) == (expected.span() if expected else None), text
        found += expected is not None
    assert found > 200          # the pieces make matches often enough for the test to mean something


def test_closes_bracket_on_the_last_span_that_holds_text():
    line = Line(1, None, "（责任单位：区发改局）")
    stop = Line(2, None, "。  ")
    blank = Line(3, None, "   ")
    assert responsible.closes_bracket([Span(line, 0, len(line.text)), Span(stop, 0, 3), Span(blank, 0, 3)])
    assert responsible.closes_bracket([Span(line, 0, len(line.text))])
    assert not responsible.closes_bracket([Span(line, 0, len(line.text) - 1)])
    assert not responsible.closes_bracket([Span(blank, 0, 3)])
