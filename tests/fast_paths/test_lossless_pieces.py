"""The lossless check read in bounded pieces (the input, the flow, the residue) decides as it did reading each whole.

`whole_check` is the check as it was before (every text read at once); the check of today must give the same
answer, the same Loss, on every sample, fixture and a spread of odd inputs and outputs, whatever the size of the
pieces it reads (READ_CHUNK made tiny cuts the texts everywhere, SUBTREE_ELEMENTS tiny walks every element).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from converter import lossless, pipeline, reader, reading
from converter.lossless import Loss, PAGE_FACTS, anchored_in_order, by_flow, take_items, take_leading
from converter.lossless_lines import fits, other_readings
from converter.normalise.html import looks_like_html
from converter.normalise.lines import split_lines
from tests.conftest import ALL_SAMPLES

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures").glob("*/*.txt"))


def whole_input(text: str, references: bool = False) -> list[str]:
    """input_reading_chars as it was: the lines joined again, read in one pass."""
    if references:
        import html

        joined = "\n".join(html.unescape(line).replace("\n", " ") for line in split_lines(text))
    elif "\r" in text:
        joined = "\n".join(split_lines(text))
    else:
        joined = text[:-1] if text.endswith("\n") else text
    runs, beyond = reading.runs_and_plane(joined, lines=True)
    return reading.fold_digits(runs, None if beyond else False).split("\n")


def whole_residue(root: etree._Element, references: bool) -> dict[int, list[str]]:
    """residue_by_line as it was: every text read in one pass."""
    lines: list[int] = []
    texts: list[str] = []
    for el in [*anchored_in_order(root), *PAGE_FACTS(root)]:
        text = el.text or ""
        if references and el.get("reason") == "markup":
            import html

            text = html.unescape(text)
        lines.append(int(el.get("line") or 0))
        texts.append(text)
    items: dict[int, list[str]] = {}
    for line, chars in zip(lines, reading.each_reading_chars(texts)):
        items.setdefault(line, []).append(chars)
    return items


def whole_check(input_text: str, xml: bytes | etree._Element) -> Loss | None:
    """lossless.check as it was: the whole flow read at once, the input's lines all read first."""
    root = etree.fromstring(xml) if isinstance(xml, bytes) else xml
    references = looks_like_html(input_text)
    residue = whole_residue(root, references)
    flow = reading.reading_chars(lossless.flow_text(root))
    pos = 0
    carried = ""
    for n, chars in enumerate(whole_input(input_text, references), start=1):
        if not carried and n not in residue and flow.startswith(chars, pos):
            pos += len(chars)
            continue
        if carried and chars:
            rest_of_line, still = take_leading(chars, carried)
            if still == carried and take_items(chars, residue.get(n, [])) != ("", ""):
                return Loss(n, chars, f"residue running on {carried!r}")
            chars, carried = rest_of_line, still
        taken = residue.get(n, [])
        result = take_items(chars, taken)
        if result is None or result[1] or flow[pos:pos + len(result[0])] != result[0]:
            alone = by_flow(chars, taken, flow, pos)
            if alone is not None:
                result = (alone, "")
            elif taken and not fits(result, flow, pos):     # (the other readings of a line's items, as check has them)
                result = next((other for other in other_readings(chars, taken) if fits(other, flow, pos)), result)
        if result is None:
            return Loss(n, chars, f"residue {taken!r}")
        rest, more = result
        got = flow[pos:pos + len(rest)]
        if got != rest:
            return Loss(n, rest, got)
        carried += more
        pos += len(rest)
    if carried:
        return Loss(0, "", f"residue running past the end {carried!r}")
    if pos != len(flow):
        return Loss(0, "", flow[pos:pos + 40])
    return None


def shown(loss: Loss | None) -> str | None:
    return None if loss is None else str(loss)


# (READ_CHUNK, SUBTREE_ELEMENTS): tiny pieces cut every text and walk every element; the real ones as they run
SIZES = [(1, 0), (2, 1), (3, 2), (7, 5), (reading.READ_CHUNK, lossless.SUBTREE_ELEMENTS)]


def pieces_of(monkeypatch: pytest.MonkeyPatch, chunk: int, elements: int) -> None:
    """Make the check read `chunk` characters at a time, and write no subtree of over `elements` elements whole."""
    monkeypatch.setattr(reading, "READ_CHUNK", chunk)
    monkeypatch.setattr(lossless, "READ_CHUNK", chunk)
    monkeypatch.setattr(lossless, "BIG_INPUT", 0 if chunk < reading.READ_CHUNK else lossless.BIG_INPUT)
    monkeypatch.setattr(lossless, "SUBTREE_ELEMENTS", elements)


def damaged(root: etree._Element, rng: random.Random) -> etree._Element:
    """A copy of `root` with one text node of its flow or residue changed: a character dropped, added or moved."""
    copy = etree.fromstring(etree.tostring(root))
    nodes = [(el, attr) for el in copy.iter() if isinstance(el.tag, str)
             for attr in ("text", "tail") if getattr(el, attr)]
    if not nodes:
        return copy
    el, attr = rng.choice(nodes)
    text = getattr(el, attr)
    k = rng.randrange(len(text))
    change = rng.choice(["drop", "add", "move"])
    if change == "drop":
        text = text[:k] + text[k + 1:]
    elif change == "add":
        text = text[:k] + rng.choice("中1０\U00020000") + text[k:]
    else:
        text = text[:k] + text[k + 1:] + text[k]
    setattr(el, attr, text)
    return copy


def converted(paths: list[Path]) -> list[tuple[str, etree._Element]]:
    found = []
    for path in paths:
        source = reader.read_source(path)
        try:
            found.append((source.text, pipeline.convert_source(source).root))
        except reader.InputError:
            continue                # (a fixture of an input refused)
    return found


SAMPLE_CASES = converted(ALL_SAMPLES)
FIXTURE_CASES = converted(FIXTURES[::5])
CASES = SAMPLE_CASES + FIXTURE_CASES


@pytest.mark.parametrize("chunk,elements", SIZES + [(64, 9)])
def test_the_samples_and_fixtures_and_their_damaged_outputs_are_judged_alike(monkeypatch, chunk, elements):
    pieces_of(monkeypatch, chunk, elements)
    rng = random.Random(12)
    for text, root in (FIXTURE_CASES if chunk < 5 else CASES):     # (the samples cut a character at a time: slow)
        assert shown(lossless.check(text, root)) == shown(whole_check(text, root)) is None
        for _ in range(3):
            bad = damaged(root, rng)
            assert shown(lossless.check(text, bad)) == shown(whole_check(text, bad))


# Lines of every kind: Han of extension B, full-width and other digits, references, CR, empty, what is not read
PIECES = ["中", "文", "\U00020000", "1", "０", "٣", "\U0001d7ce", "a", " ", "，", "。", "\u3000", "〇", "",
          "&#20013;", "&amp;", "&#x4e00;", "<p>", "</p>", "\r", "\ufeff"]
LINE = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=2)), max_size=4).map("".join)
ENDS = st.sampled_from(["\n", "\r\n", "\r", "\n\n"])


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, bytes]:
    """An input and an archive of it: each line a paragraph, some to residue, some lines changed or left out."""
    lines = draw(st.lists(LINE, max_size=8))
    ends = [draw(ENDS) for _ in lines]
    text = "".join(line + end for line, end in zip(lines, ends))
    if lines and draw(st.booleans()):
        text = text[:-len(ends[-1])]                        # no line end after the last line
    flow, residue = [], []
    for n, line in enumerate(lines, start=1):
        what = draw(st.sampled_from(["flow", "flow", "residue", "both", "changed", "gone"]))
        shown_text = line.replace("\r", "")
        if what in ("flow", "both"):
            flow.append(shown_text)
        if what in ("residue", "both"):
            residue.append((n, shown_text))
        if what == "changed":
            flow.append(draw(LINE).replace("\r", ""))
    root = etree.Element("{urn:gongwen:archive:1.0}archive")
    etree.SubElement(root, "{urn:gongwen:archive:1.0}source")
    document = etree.SubElement(root, "{urn:gongwen:archive:1.0}document")
    for part in flow:
        etree.SubElement(document, "{urn:gongwen:archive:1.0}p").text = "".join(
            ch for ch in part if ch.isprintable() or ch == "\t")
    held = etree.SubElement(root, "{urn:gongwen:archive:1.0}residue")
    for n, part in residue:
        item = etree.SubElement(held, "{urn:gongwen:archive:1.0}removed", line=str(n),
                                reason=draw(st.sampled_from(["markup", "page-number"])))
        item.text = "".join(ch for ch in part if ch.isprintable())
    return text, etree.tostring(root)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(cases(), st.sampled_from(SIZES))
def test_odd_inputs_are_judged_alike_in_pieces_of_any_size(case: tuple[str, bytes], size: tuple[int, int]) -> None:
    text, xml = case
    with pytest.MonkeyPatch.context() as monkeypatch:
        pieces_of(monkeypatch, *size)
        assert shown(lossless.check(text, xml)) == shown(whole_check(text, xml))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.tuples(LINE, ENDS), max_size=10).map(lambda pairs: "".join(a + b for a, b in pairs)),
       st.text(max_size=3), st.booleans(), st.integers(1, 9))
def test_the_input_read_in_pieces_has_the_lines_it_has_read_whole(text: str, last: str, references: bool,
                                                                   chunk: int) -> None:
    text += last                                            # (a last line with or without a line end)
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(reading, "READ_CHUNK", chunk)
        assert list(reading.input_lines(text, references)) == whole_input(text, references)


def test_input_edge_cases() -> None:
    for text in ["", "\n", "\r", "\r\n", "\n\n", "中", "中\r", "中\r\n文", "\r\r\n\n", "1\n\r2"]:
        for references in (False, True):
            assert list(reading.input_lines(text, references)) == whole_input(text, references)


def test_the_flow_written_in_bounded_parts_is_the_flow() -> None:
    tricky = etree.fromstring(
        '<archive xmlns="urn:gongwen:archive:1.0" xmlns:o="urn:other"><source name="x"/>'
        '<document>一<table><row><cell>二<merged line="3">三<b>四</b>五</merged>六</cell></row>'
        '<row><cell><o:merged line="4">七<merged line="5">八</merged>九</o:merged>十</cell></row></table>'
        '<!-- 注 -->十一<p>十二<b>十三</b></p>十四</document><p>十五</p>'
        '<residue><removed line="1" reason="markup">一</removed></residue></archive>')
    for root in [tricky] + [root for _, root in CASES]:
        for elements in (0, 1, 3, 1000):
            with pytest.MonkeyPatch.context() as monkeypatch:
                monkeypatch.setattr(lossless, "SUBTREE_ELEMENTS", elements)
                assert "".join(lossless.flow_parts(root, bounded=True)) == lossless.flow_text(root) == "".join(
                    "".join(lossless.FLOW_TEXT(child)) for child in root
                    if isinstance(child.tag, str) and etree.QName(child).localname not in lossless.NOT_FLOW)


@pytest.mark.parametrize("chunk", [1, 2, 5, 64])
def test_rechunked_keeps_the_text_in_pieces_no_longer_than_a_chunk(monkeypatch, chunk):
    monkeypatch.setattr(lossless, "READ_CHUNK", chunk)
    for parts in ([], [""], ["", ""], ["中文\U00020000"], ["a" * 200, "", "b", "c" * 63], ["x"] * 130):
        pieces = list(lossless.rechunked(parts))
        assert "".join(pieces) == "".join(parts)
        assert all(len(piece) <= chunk for piece in pieces)
