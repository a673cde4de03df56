"""The reading text found by its bytes (reading.text_reading, reading.utf8_reading) is the reading text.

text_reading tells characters beyond the BMP and digits to fold from the text's UTF-16, utf8_reading (the flow, as
lxml writes it) from its UTF-8, and both take out the GAPS a text holds often: each must read every text as the
plain patterns do (the full READING_* pattern, every digit folded by fold_digits' own scan), and the check built on
them must judge every input and output as the check before them did (test_lossless_pieces.whole_check).
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from converter import lossless, reading
from converter.unicode_ranges import bmp
from tests.fast_paths.test_lossless_pieces import CASES, damaged, shown, whole_check

# Reading text of every kind (Han of extension B, full-width and other digits, 〇 々), each GAP, line ends, lone
# surrogates, what is not read
PIECES = ["中", "文", "\U00020000", "\U0002a700", "1", "０", "９", "٣", "३", "\u1040", "\ua620", "\uabf9", "\U0001d7ce",
          "\U000104a0", "\n", "\r", "\r\n", "a", " ", "〇", "々", "", "\ufeff", "&#20013;", "\ud800", "\udfff",
          "\u0600", "\u1e00", "\ua000", *reading.GAPS]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=12).map("".join)


def plain(text: str, lines: bool) -> str:
    """The reading text by the plain patterns: no gap taken out, no byte told, every digit folded by a scan."""
    runs = (reading.READING_LINES if lines else reading.READING_RUN).findall(text)
    return reading.fold_digits("".join(runs))


@settings(max_examples=600, deadline=None, derandomize=True)
@given(TEXT, st.booleans(), st.integers(1, 40))
def test_a_text_read_by_its_bytes_reads_as_the_plain_patterns_read_it(text: str, lines: bool, repeat: int) -> None:
    text *= repeat                  # (dense gaps are taken out, rare ones not: both)
    assert reading.text_reading(text, lines) == plain(text, lines)
    assert reading.reading_chars(text) == plain(text, False)
    if not any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):        # (lxml writes no lone surrogate)
        assert reading.utf8_reading(text.encode()) == plain(text, False)


def test_edge_cases() -> None:
    for text in ["", "\n", "中", " " * 5000 + "中 1", "，" * 3000 + "文", "a٣b", "\U0001d7ce", "\ud840\udc00",
                 "中。" * 2000 + "\U00020000", "x" * 3000 + "٣"]:
        for lines in (False, True):
            assert reading.text_reading(text, lines) == plain(text, lines)
        if "\ud840" not in text:
            assert reading.utf8_reading(text.encode()) == plain(text, False)


def test_every_other_digit_has_its_first_byte_and_its_high_byte_listed() -> None:
    for start, end in reading.OTHER_DIGITS:
        for code in range(start, end + 1):
            assert chr(code).encode()[0] in reading.OTHER_DIGIT_LEADS
    for start, end in bmp(reading.OTHER_DIGITS):
        for code in range(start, end + 1):
            assert code >> 8 in reading.OTHER_DIGIT_HIGHS
    assert all(ch.encode()[0] in reading.BEYOND_BMP_LEADS for ch in "\U00010000\U00020000\U0010ffff")
    assert not any(ch.encode()[0] in reading.BEYOND_BMP_LEADS for ch in "\uffff中a")


def test_utf8_is_cut_between_characters(monkeypatch) -> None:
    for chunk in (1, 2, 3, 5, 64):
        monkeypatch.setattr(lossless, "READ_CHUNK", chunk)
        for parts in ([], [b""], ["中文\U00020000a".encode()], ["中".encode() * 50, b"", "\U00020000".encode() * 9]):
            pieces = list(lossless.rechunked(parts))
            assert b"".join(pieces) == b"".join(parts)
            assert all(piece.decode() is not None and len(piece) <= chunk + 3 for piece in pieces)


def archive(paragraphs: list[str], residue: list[tuple[int, str]]) -> etree._Element:
    root = etree.Element("{urn:gongwen:archive:1.0}archive")
    etree.SubElement(root, "{urn:gongwen:archive:1.0}source")
    document = etree.SubElement(root, "{urn:gongwen:archive:1.0}document")
    for text in paragraphs:
        etree.SubElement(document, "{urn:gongwen:archive:1.0}p").text = text
    held = etree.SubElement(root, "{urn:gongwen:archive:1.0}residue")
    for line, text in residue:
        etree.SubElement(held, "{urn:gongwen:archive:1.0}removed", line=str(line), reason="markup").text = text
    return root


def test_a_loss_anywhere_in_a_long_clean_run_is_told_at_its_line() -> None:
    lines = [f"第{n}条，本办法　自２０２３年{n % 9}月起施行, 共 ٣ 款。\U00020000" for n in range(1, 400)]
    for ending in ("\n", "\r\n"):
        text = ending.join(lines) + ending
        root = archive(lines, [])
        assert lossless.check(text, root) is None
        for lost in (0, 1, 200, 398):
            for change in ("drop", "add", "swap"):
                shown_lines = list(lines)
                line = shown_lines[lost]
                if change == "drop":
                    shown_lines[lost] = line.replace("办", "", 1)
                elif change == "add":
                    shown_lines[lost] = line + "多"
                else:
                    shown_lines[lost] = line.replace("２０２３", "２０３２")
                bad = archive(shown_lines, [])
                loss = lossless.check(text, bad)
                assert loss is not None and shown(loss) == shown(whole_check(text, bad))
                assert loss.line in (lost + 1, lost + 2, 0)


def test_residue_lines_html_and_odd_digits_are_judged_as_before() -> None:
    text = "<p>第一条</p>\n<b>１２</b>٣\n&#20013;文\n\U00020000<br/>二\n"
    flows = [["第一条", "１２٣", "中文", "\U00020000二"], ["第一条", "12", "中文", "\U00020000二"],
             ["第一条", "１２٣", "中", "\U00020000二"], ["第一条", "１２٣", "中文"]]
    residue = [(1, "<p>"), (1, "</p>"), (2, "<b></b>"), (4, "<br/>")]
    for flow in flows:
        for items in (residue, residue[:2], []):
            root = archive(flow, items)
            assert shown(lossless.check(text, root)) == shown(whole_check(text, root))


def test_the_samples_and_their_damaged_outputs_are_judged_as_before() -> None:
    rng = random.Random(44)
    for text, root in CASES:
        assert lossless.check(text, root) is None
        for _ in range(4):
            bad = damaged(root, rng)
            assert shown(lossless.check(text, bad)) == shown(whole_check(text, bad))
