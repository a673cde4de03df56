"""The lossless check on the texts as printed (converter.aligned) decides as the streamed check does.

aligned.check compares an input line with the flow without their white space (KEPT_OUT), and reads only the
lines that differ so; the streamed check (lossless.check of an input over BIG_INPUT, made here to take every
input) reads the reading characters of every line and of the whole flow. Both must give the same answer, the
same Loss, on every sample, fixture, on outputs damaged a character at a time, and on odd inputs whose white
space, digits and residue differ from their flow's.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from converter import aligned, lossless
from converter.reading import READING_RUN
from tests.conftest import ALL_SAMPLES
from tests.fast_paths.test_lossless_pieces import converted

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures").glob("*/*.txt"))
NS = "{urn:gongwen:archive:1.0}"


def streamed(text: str, xml: bytes | etree._Element) -> str | None:
    """lossless.check as it reads an input over BIG_INPUT: every line's reading characters, the flow's in pieces."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(lossless, "BIG_INPUT", -1)
        loss = lossless.check(text, xml)
    return None if loss is None else str(loss)


def checked(text: str, xml: bytes | etree._Element) -> str | None:
    loss = lossless.check(text, xml)
    return None if loss is None else str(loss)


def damaged(root: etree._Element, rng: random.Random) -> etree._Element:
    """A copy of `root` with one text node changed: a character dropped, added (white space too) or moved."""
    copy = etree.fromstring(etree.tostring(root))
    nodes = [(el, attr) for el in copy.iter() if isinstance(el.tag, str) for attr in ("text", "tail")
             if getattr(el, attr)]
    if not nodes:
        return copy
    el, attr = rng.choice(nodes)
    text = getattr(el, attr)
    k = rng.randrange(len(text))
    change = rng.choice(["drop", "add", "move", "space"])
    if change == "drop":
        text = text[:k] + text[k + 1:]
    elif change == "add":
        text = text[:k] + rng.choice("中1０\U00020000") + text[k:]
    elif change == "space":
        text = text[:k] + rng.choice([" ", "\u3000", "\t", "\xa0"]) + text[k:]
    else:
        text = text[:k] + text[k + 1:] + text[k]
    setattr(el, attr, text)
    return copy


def test_kept_out_is_white_space_that_is_never_reading_text() -> None:
    for space in aligned.KEPT_OUT:
        assert len(space) == 1 and space.isspace() and space not in "\n\r"
        assert READING_RUN.search(space) is None


def test_samples_and_fixtures_are_judged_alike_kept_and_damaged() -> None:
    rng = random.Random(7)
    for text, root in converted(ALL_SAMPLES) + converted(FIXTURES[::3]):
        assert checked(text, root) is None and streamed(text, root) is None
        for _ in range(4):
            bad = damaged(root, rng)
            assert checked(text, bad) == streamed(text, bad)


PIECES = ["中", "文", "\U00020000", "1", "０", "٣", "a", " ", "\u3000", "\t", "\xa0", "，", "〇", "", "&#20013;",
          "<p>", "\ufeff"]
LINE = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=2)), max_size=5).map("".join)


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, bytes]:
    """An input and an archive of it: lines to the flow with their white space changed, or to residue, changed,
    cut into two paragraphs, joined with the next, or gone."""
    lines = draw(st.lists(LINE, max_size=8))
    text = "".join(line + draw(st.sampled_from(["\n", "\r\n", "\n\n"])) for line in lines)
    flow: list[str] = []
    residue: list[tuple[int, str]] = []
    for n, line in enumerate(lines, start=1):
        what = draw(st.sampled_from(["flow", "flow", "spaced", "residue", "both", "changed", "gone", "cut"]))
        if what in ("flow", "both"):
            flow.append(line)
        if what == "spaced":
            flow.append("".join(ch + draw(st.sampled_from(["", "", " ", "\u3000", "\t"])) for ch in line.strip()))
        if what in ("residue", "both"):
            residue.append((n, line))
        if what == "changed":
            flow.append(draw(LINE))
        if what == "cut":
            k = draw(st.integers(0, len(line)))
            flow += [line[:k], line[k:]]
    root = etree.Element(f"{NS}archive")
    etree.SubElement(root, f"{NS}source")
    document = etree.SubElement(root, f"{NS}document")
    for part in flow:
        etree.SubElement(document, f"{NS}p").text = "".join(ch for ch in part if ch.isprintable() or ch == "\t")
    held = etree.SubElement(root, f"{NS}residue")
    for n, part in residue:
        item = etree.SubElement(held, f"{NS}removed", line=str(n), reason=draw(st.sampled_from(["markup", "page"])))
        item.text = "".join(ch for ch in part if ch.isprintable())
    return text, etree.tostring(root)


@settings(max_examples=600, deadline=None, derandomize=True)
@given(cases())
def test_odd_inputs_are_judged_alike(case: tuple[str, bytes]) -> None:
    text, xml = case
    assert checked(text, xml) == streamed(text, xml)


def test_runs_ahead_and_after() -> None:
    flow = "一二，三a四五六"
    starts, texts = aligned.runs_ahead(flow, 0, 3, READING_RUN)
    assert (starts, texts) == ([0, 3], ["一二", "三"])
    assert aligned.after(starts, texts, 0, 0) == 0
    assert aligned.after(starts, texts, 2, 0) == 2
    assert aligned.after(starts, texts, 3, 0) == 4
    assert aligned.runs_ahead(flow, 4, 100, READING_RUN) == ([5], ["四五六"])
    assert aligned.runs_ahead(flow, 8, 1, READING_RUN) == ([], [])
    assert aligned.runs_ahead(flow, 0, 0, READING_RUN) == ([], [])
