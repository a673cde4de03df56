"""The reading text of the lossless guarantee (FORMAT.md): the Han characters and decimal digits of a text.

A full-width digit counts as its ASCII twin, any other decimal digit as the
ASCII digit of its value. lossless.py compares the input's with the output's.
"""

from __future__ import annotations

import unicodedata
from itertools import chain
from typing import Iterator

from converter.normalise.lines import split_lines
from converter.patterns import pattern
from converter.unicode_ranges import DIGIT_RANGES, HAN_RANGES, bmp, char_class

# The reading text: Han ideographs and decimal digits of any script (\p{Han}, \p{Nd}).
ALPHABET = HAN_RANGES + DIGIT_RANGES
# Decimal digits that are neither ASCII nor full-width: Arabic-Indic, Devanagari …
OTHER_DIGITS = tuple(r for r in DIGIT_RANGES if r not in ((0x30, 0x39), (0xFF10, 0xFF19)))
# A character beyond the Basic Multilingual Plane: "𠀀" (an ideograph of extension B), an emoji.
# Text without any (nearly all) is read by the patterns of BMP characters alone, which re
# tells by one table lookup a character; with astral ranges in a class it tries each in turn.
# (The definition: beyond_bmp answers it at a tenth of this search's cost; the tests compare.)
BEYOND_BMP = pattern(r"[\U00010000-\U0010ffff]", "\U00020000")
# How many characters beyond_bmp encodes at a time (a copy of 128 kB, whatever the input's size).
PLANE_CHUNK = 65536
# Characters that often part runs of reading text, taken out before the runs are found (a run found costs the
# pattern some 1500 instructions, a replace some 10 a character of the text): each but where it is rarer than one
# in GAP_DENSITY characters of the text's first characters, its sample (there the replace would cost more than it
# saves). Which are taken out changes no reading text: none of them is any.
GAPS = ("，", "、", "。", " ", "\t", ",", "“", "”", "；", "：", "\u3000", ".")
GAP_DENSITY = 150
# The sample: an eighth of the text (len >> GAP_SAMPLE_SHIFT), at least GAP_SAMPLE_MIN characters and at most
# GAP_SAMPLE. Each gap is counted over the sample, so a text of a few thousand characters (a small file's) paid
# twelve counts of all its characters for a whole sample of 2048; an eighth is as telling of its gaps. Instructions
# of the lossless check a pass (the fixed 2048 against this): the 18 samples 110.7M -> 108.0M, 100 small files
# 159.9M -> 149.8M (1024 and 512 fixed: the samples 112.4M / 112.5M, small 152.2M / 151.2M; 8192: 122.6M / 170.3M).
GAP_SAMPLE = 2048
GAP_SAMPLE_MIN = 512
GAP_SAMPLE_SHIFT = 3
# Runs of reading text: "第1条", "𠀀"
READING_RUN = pattern(f"[{char_class(ALPHABET)}]+", "第1条", "\U00020000")
READING_RUN_BMP = pattern(f"[{char_class(bmp(ALPHABET))}]+", "第1条")
# Runs of reading text and line ends: the input is read in one pass and cut into lines after.
READING_LINES = pattern(f"[{char_class(ALPHABET)}\n]+", "第1条\n")
READING_LINES_BMP = pattern(f"[{char_class(bmp(ALPHABET))}\n]+", "第1条\n")
# A decimal digit that is neither ASCII nor full-width: ٣ (Arabic-Indic), ३ (Devanagari)
OTHER_DIGIT = pattern(f"[{char_class(OTHER_DIGITS)}]", "٣", "३", "\U0001d7ce")
OTHER_DIGIT_BMP = pattern(f"[{char_class(bmp(OTHER_DIGITS))}]", "٣", "३")
# Full-width digits, the common case, each folded to its ASCII twin.
FULL_WIDTH_DIGITS = tuple(zip("０１２３４５６７８９", "0123456789"))
# The first UTF-8 byte of each decimal digit that is neither ASCII nor full-width (D9-DF, E0, E1, EA, F0): a UTF-8
# text without any of these bytes holds no such digit (a character's first byte never stands inside another's:
# the bytes after the first are 80-BF).
OTHER_DIGIT_LEADS = bytes(sorted({chr(code).encode()[0] for start, end in OTHER_DIGITS for code in range(start, end + 1)}))
# The first UTF-8 bytes of the characters beyond the BMP (the four-byte ones), F0-F4
BEYOND_BMP_LEADS = bytes(range(0xF0, 0xF5))
# The high byte (UTF-16) of each such digit of the BMP (06 07 09-1C A6 A8-AB): a text whose characters' high bytes
# are none of these holds none of them.
OTHER_DIGIT_HIGHS = bytes(sorted({code >> 8 for start, end in bmp(OTHER_DIGITS) for code in range(start, end + 1)}))
# How much text the check reads at a time (the input cut after a line end, the flow's text gathered or cut,
# the residue's texts gathered): what it holds besides the tree and the input is a few times this, whatever
# the input's size. A character is reading text or not by itself, and a digit folds by itself, so the
# reading characters of the pieces, in turn, are those of the whole.
READ_CHUNK = 1 << 16


def fold_digits(chars: str, beyond: bool | None = None, others: bool = True) -> str:
    """Every decimal digit as its ASCII twin.

    `beyond`: whether `chars` may hold characters beyond the BMP; None: look (a
    pattern's scan, as costly as the folding: reading_chars knows it already).
    `others`: whether it may hold digits neither ASCII nor full-width (False: text_reading knows it holds none).
    """
    for full_width, ascii_digit in FULL_WIDTH_DIGITS:
        if full_width in chars:             # ten scans cost less than translating every character
            chars = chars.replace(full_width, ascii_digit)
    if not others:
        return chars
    if beyond is None:
        beyond = beyond_bmp(chars)
    other = OTHER_DIGIT if beyond else OTHER_DIGIT_BMP
    if other.search(chars):
        chars = other.sub(lambda m: str(digit_value(m.group())), chars)
    return chars


def digit_value(digit: str) -> int:
    """A decimal digit's value: by the interpreter's Unicode, else by its place in its block of ten (a digit
    of a newer Unicode than the interpreter's, which the table of digits already holds)."""
    value = unicodedata.digit(digit, None)
    if value is not None:
        return value
    code = ord(digit)
    start = next((a for a, b in DIGIT_RANGES if a <= code <= b), code)
    return (code - start) % 10


def reading_runs(text: str, lines: bool = False) -> str:
    """The Han characters and digits of `text` (and its line ends, with `lines`), digits as printed."""
    return runs_and_plane(text, lines)[0]


def runs_and_plane(text: str, lines: bool = False) -> tuple[str, bool]:
    """reading_runs, and whether `text` holds characters beyond the BMP (if it holds none, neither do its runs)."""
    beyond = beyond_bmp(text)
    text = without_gaps(text)
    if lines:
        return "".join((READING_LINES if beyond else READING_LINES_BMP).findall(text)), beyond
    return "".join((READING_RUN if beyond else READING_RUN_BMP).findall(text)), beyond


def beyond_bmp(text: str) -> bool:
    """Whether `text` holds a character beyond the BMP: UTF-16 writes each such character as two units."""
    for start in range(0, len(text), PLANE_CHUNK):
        chunk = text[start:start + PLANE_CHUNK]
        if len(chunk.encode("utf-16-le", "surrogatepass")) != 2 * len(chunk):
            return True
    return False


def reading_chars(text: str) -> str:
    """The Han characters and digits of `text`, digits folded to ASCII (read as text_reading reads it)."""
    return text_reading(text)


def without_gaps(text: str) -> str:
    """`text` without those of its GAPS it holds often enough (see GAPS): not reading text, the runs are the same."""
    end = min(GAP_SAMPLE, max(GAP_SAMPLE_MIN, len(text) >> GAP_SAMPLE_SHIFT))
    sample = min(len(text), end)
    for gap in GAPS:
        if text.count(gap, 0, end) * GAP_DENSITY >= sample > 0:
            text = text.replace(gap, "")
    return text


def reading_of(text: str, lines: bool, beyond: bool, others: bool) -> str:
    """reading_chars of `text` (and its line ends, with `lines`), told whether it may hold characters beyond the
    BMP (`beyond`) or digits neither ASCII nor full-width (`others`): a text without is read at less cost."""
    if lines:
        runs = (READING_LINES if beyond else READING_LINES_BMP).findall(without_gaps(text))
    else:
        runs = (READING_RUN if beyond else READING_RUN_BMP).findall(without_gaps(text))
    return fold_digits("".join(runs), beyond, others)


def text_reading(text: str, lines: bool = False) -> str:
    """reading_chars of `text` (and its line ends, with `lines`).

    Its UTF-16 tells at once what beyond_bmp and a scan for other digits would (OTHER_DIGIT_HIGHS): characters
    beyond the BMP are two units each, and a digit's high byte is its code point's; a byte search is cheaper.
    """
    data = text.encode("utf-16-le", "surrogatepass")
    beyond = len(data) != 2 * len(text)
    highs = data[1::2]
    others = beyond or any(high in highs for high in OTHER_DIGIT_HIGHS)
    return reading_of(text, lines, beyond, others)


def utf8_reading(data: bytes) -> str:
    """reading_chars of the UTF-8 text `data` (the flow, as lxml writes it): its bytes tell, by a byte search each,
    whether it holds characters beyond the BMP or digits neither ASCII nor full-width (*_LEADS)."""
    beyond = any(lead in data for lead in BEYOND_BMP_LEADS)
    others = any(lead in data for lead in OTHER_DIGIT_LEADS)
    return reading_of(data.decode(), False, beyond, others)


def input_reading_chars(text: str, references: bool = False) -> list[str]:
    """reading_chars of each input line (split as normalise splits them), in one pass over the text.

    `references`: read character references as the characters they name (an HTML input).
    """
    if references:
        import html     # here, not at the top: only HTML inputs need it (its table of entities is costly to import)

        # (a line with no "&" holds no reference, and html.unescape would give it back as it is: most lines)
        joined = "\n".join([html.unescape(line).replace("\n", " ") if "&" in line else line
                            for line in split_lines(text)])
    elif "\r" in text:
        joined = "\n".join(split_lines(text))
    else:                                   # the lines joined again are the text without its last line end:
        lines = text_reading(text, lines=True).split("\n")
        if text.endswith("\n"):
            lines.pop()                     # (read with it, not copied without it: the runs end with it)
        return lines
    return text_reading(joined, lines=True).split("\n")


def input_lines(text: str, references: bool = False) -> Iterator[str]:
    """input_reading_chars, READ_CHUNK characters of the input at a time (chained: no step of Python a line)."""
    return chain.from_iterable(input_reading_chars(piece, references) for piece in line_pieces(text))


def line_pieces(text: str) -> Iterator[str]:
    """The text in pieces of about READ_CHUNK characters, each but the last cut just after a line end.

    The lines before a line end end alike however the text goes on (a CRLF's LF is its last character), so
    the lines of the pieces are those of the text. An empty text is one empty piece (one empty line to
    input_reading_chars, as it reads the text whole).
    """
    start = 0
    while True:
        cut = text.find("\n", start + READ_CHUNK - 1)
        end = len(text) if cut < 0 else cut + 1
        yield text[start:end]
        start = end
        if start >= len(text):
            return


def each_reading_chars(texts: list[str]) -> list[str]:
    """reading_chars of each text, read in one pass over them all, line ends between (a pass costs as much as a text).

    A character is reading text or not by itself and a digit folds by itself, so the reading
    characters of the texts joined are theirs in turn; a line end, not reading text, is kept
    between them to cut them apart again. A text holding a line end of its own is read alone.
    """
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return [reading_chars(text) for text in texts]
    if joined.isascii():
        return ascii_reading(joined).split("\n")
    # The ASCII texts (an HTML page's markup residue: most of its items) read apart, by ascii_reading: the pattern
    # finds a run (a line end, most often) at some 1500 instructions, so each text costs it more than its reading.
    plain = list(map(str.isascii, texts))
    if not any(plain):
        return text_reading(joined, lines=True).split("\n")
    narrow = iter(ascii_reading("\n".join([text for text, a in zip(texts, plain) if a])).split("\n"))
    wide = iter(text_reading("\n".join([text for text, a in zip(texts, plain) if not a]), lines=True).split("\n"))
    return [next(narrow) if a else next(wide) for a in plain]


# Every ASCII character but the digits and the line end: what ascii_reading deletes
NOT_ASCII_READING = bytes(code for code in range(128) if chr(code) not in "0123456789\n")


def ascii_reading(text: str) -> str:
    """text_reading(text, lines=True) of an ASCII text: its digits and line ends (no other ASCII character is reading
    text, and an ASCII digit folds to itself), deleted around in C."""
    return text.encode("ascii").translate(None, NOT_ASCII_READING).decode("ascii")
