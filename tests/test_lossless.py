"""The lossless check itself must catch what it is meant to catch."""

from __future__ import annotations

from converter import lossless, pipeline, reader
from tests.conftest import SAMPLES

INPUT = "一、总体要求\n第1条内容。\n— 2 —\n"


def archive(flow: str, residue: str = '<removed reason="page-number" line="3">— 2 —</removed>') -> bytes:
    return (f'<archive xmlns="urn:gongwen:archive:1.0"><source name="x"/><document>{flow}</document>'
            f'<residue>{residue}</residue></archive>').encode()


def test_accepts_flow_plus_residue():
    assert lossless.check(INPUT, archive("<p>一、总体要求</p><p>第1条内容。</p>")) is None


def test_catches_a_dropped_character():
    loss = lossless.check(INPUT, archive("<p>一、总体要求</p><p>第条内容。</p>"))
    assert loss is not None and loss.line == 2


def test_catches_reordering():
    assert lossless.check(INPUT, archive("<p>第1条内容。</p><p>一、总体要求</p>")) is not None


def test_catches_text_moved_into_residue_on_the_wrong_line():
    bad = archive("<p>一、总体要求</p><p>第1条内容。</p>",
                  '<removed reason="page-number" line="1">— 2 —</removed>')
    assert lossless.check(INPUT, bad) is not None


def test_catches_added_text():
    assert lossless.check(INPUT, archive("<p>一、总体要求</p><p>第1条内容。</p><p>多</p>")) is not None


def test_full_width_digits_count_as_ascii():
    assert lossless.check("第１条\n", archive("<p>第1条</p>", "")) is None


def test_attributes_are_not_reading_text():
    assert lossless.check("二〇一九年\n", archive('<date value="2019-01-01">二〇一九年</date>', "")) is None


def test_a_real_sample_round_trip():
    path = SAMPLES / "seeds" / "wuchang-2023-work-report.md.txt"
    assert lossless.check(reader.read_source(path).text, pipeline.convert_file(path).xml) is None
