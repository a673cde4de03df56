"""LinesFrom (model/text.py) is lines[start:] without the copy: it must read exactly as the slice does."""

from __future__ import annotations

import random

import pytest

from converter.model.text import Line, LinesFrom


def lines_of(n: int) -> list[Line]:
    return [Line(k + 1, None, f"第{k}行") for k in range(n)]


@pytest.mark.parametrize("n", [0, 1, 2, 7, 40])
def test_reads_as_the_slice(n: int) -> None:
    lines = lines_of(n)
    rng = random.Random(n)
    for start in range(n + 3):
        view, want = LinesFrom(lines, start), lines[start:]
        assert len(view) == len(want) and bool(view) == bool(want) and list(view) == want
        for index in range(-len(want) - 2, len(want) + 2):
            if -len(want) <= index < len(want):
                assert view[index] is want[index]
            else:
                with pytest.raises(IndexError):
                    view[index]
        for _ in range(30):
            a, b = rng.randint(-n - 3, n + 3), rng.randint(-n - 3, n + 3)
            step = rng.choice([None, 1, 2, -1, 3])
            assert list(view[a:b:step]) == want[a:b:step]
            assert list(view[:b]) == want[:b] and list(view[a:]) == want[a:]


def test_a_view_of_a_view_reads_the_lines_once() -> None:
    lines = lines_of(10)
    inner = LinesFrom(LinesFrom(lines, 3), 4)
    assert inner.lines is lines and list(inner) == lines[7:]
