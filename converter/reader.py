"""Read an input file: bytes → decoded text, with its digest and encoding.

Strict decodes come first: a BOM (UTF-8, UTF-16, UTF-32), then UTF-8, then
UTF-16 without a BOM (told by its NUL bytes), then GB18030 (which covers GBK
and GB2312). A statistical guess (charset-normalizer, asked about Big5 only)
comes last, or when a GB18030 decode is full of private-use characters, as
Big5 read as GB18030 is. Files that are not text documents (signatures of
PDF, PNG, ZIP…; NUL or control bytes) are refused with a reason.

Undecodable bytes are never dropped in silence: by default they are an error
that names the first byte offset; with errors="replace" they become U+FFFD
and the Source carries a warning saying how many and where.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from converter.escaping import escape
from converter.patterns import pattern


class InputError(Exception):
    """An input that cannot be converted; the message is one line for the user."""


@dataclass(frozen=True, eq=False, repr=False)
class Source:
    """A decoded input: its name, digest, encoding, text and the decoding's warnings."""

    name: str
    sha256: str
    encoding: str
    text: str
    warnings: tuple[tuple[int, str], ...] = ()   # (line, message), from decoding


ERRORS = ("strict", "replace")

# Magic numbers of files that are not text documents.
BINARY_SIGNATURES = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"RIFF", "RIFF (WebP/WAV/AVI)"),
    (b"\xd0\xcf\x11\xe0", "OLE2 (.doc/.xls)"),
    (b"{\\rtf", "RTF"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"\x7fELF", "ELF"),
)
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
# How much of the file the binary sniffing looks at.
HEAD = 65536
# A decode that fails is taken for a damaged file of that encoding (not for
# another encoding) when its valid multi-byte characters outnumber its
# errors by this factor: a UTF-8 file with one bad byte, not a GBK file.
DAMAGE_RATIO = 10
# The statistical guess is asked only about encodings a Chinese document may
# plausibly be in once UTF-8 and GB18030 have failed: Big5 (Taiwan, Hong Kong).
GUESSABLE = ("big5", "big5hkscs", "cp950")
# Share of a guessed or BOM-less decode that may be noise (NOISE_CHAR) before
# it is taken for binary data rather than text.
NOISE_SHARE = 0.05
# A strict GB18030 decode with more noise than this is asked whether it is Big5.
GB_NOISE_SHARE = 0.005
# UTF-16 text has a NUL in at least one of this many bytes (line ends, ASCII).
UTF16_NUL_SPACING = 200
# A character a Chinese document is written in: tab and line ends, ASCII,
# Latin-1, general punctuation (— “ ”), enclosed numerals (①), box and shape
# characters (○ ■), CJK punctuation, CJK ideographs, full-width forms.
DOCUMENT_CHAR = pattern(
    "[\t\n\r\f\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u2460-\u24ff\u2500-\u25ff"
    "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+", "政府工作报告 2023"
)
# Control bytes that text files do not carry (all C0 but tab, LF, VT, FF, CR; and DEL).
CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0e, 0x20), 0x7f])
# A character binary data decoded as text is full of: a control (but the
# tab, line ends and form feed that text carries), a surrogate, a private-use
# code point or a noncharacter. (The standard `re`, not `regex`: importing
# `regex` would cost every worker process ~10 ms for this rarely used test.)
NOISE_CHAR = pattern("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufffe\uffff"
                     "\U000f0000-\U0010ffff]", "\ue000")


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading when it is a regular file; an InputError saying why not.

    A FIFO or a device would block or never end, so the kind is checked
    before opening, and again on the opened file (O_NONBLOCK: opening a
    FIFO swapped in between cannot block either).
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})") from None
    refuse_irregular(info.st_mode)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise InputError("is a directory, not a text document") from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})") from None
    try:
        refuse_irregular(os.fstat(fd).st_mode)
    except InputError:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def refuse_irregular(mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise InputError("is a directory, not a text document")
    if not stat.S_ISREG(mode):
        raise InputError("not a regular file (a FIFO, socket or device is never read)")


def read_bytes(path: Path) -> bytes:
    """The raw bytes of an input file, or an InputError saying why not."""
    with open_regular(path) as stream:
        try:
            return stream.read()
        except OSError as exc:
            raise InputError(f"cannot be read ({exc.strerror or exc})") from None


def read_source(path: Path, encoding: str | None = None, errors: str = "strict") -> Source:
    return decode(read_bytes(path), path.name, encoding, errors)


def decode(data: bytes, name: str, encoding: str | None = None, errors: str = "strict") -> Source:
    """Decode an input's bytes; refuse what is not a text document.

    `name` arrives escaped in Source.name (converter.escaping: a file name
    that is not UTF-8, or holds a control character, is kept losslessly).
    """
    name = escape(name)
    digest = hashlib.sha256(data).hexdigest()
    if encoding:
        return checked(explicit(data, name, digest, encoding, errors))
    for bom, codec, label in BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            return checked(with_errors(body, name, digest, codec.replace("-sig", ""), label, errors, len(bom)))
    kind = binary_kind(data)
    if kind:
        raise InputError(f"not a text document (looks like {kind})")
    if nul_heavy(data):
        return checked(utf16_without_bom(data, digest, name) or refuse_binary())
    try:
        return checked(Source(name, digest, "utf-8", data.decode("utf-8")))
    except UnicodeDecodeError:
        pass
    utf16 = utf16_without_bom(data, digest, name)
    if utf16:
        return checked(utf16)
    if control_heavy(data):
        raise InputError("not a text document (looks like binary data)")
    if damaged(data, "utf-8"):
        return checked(with_errors(data, name, digest, "utf-8", "utf-8", errors))
    try:
        gb = Source(name, digest, "gb18030", data.decode("gb18030"))
    except UnicodeDecodeError:
        gb = None
    if gb is not None:
        # Big5 decodes as GB18030 too, into private-use garbage: then the guess may do better
        guessed = guess(data, name, digest) if noise(gb.text) > len(gb.text[:HEAD]) * GB_NOISE_SHARE else None
        return checked(guessed if guessed and noise(guessed.text) < noise(gb.text) else gb)
    if damaged(data, "gb18030"):
        return checked(with_errors(data, name, digest, "gb18030", "gb18030", errors))
    guessed = guess(data, name, digest)
    if guessed is not None:
        return checked(guessed)
    # nothing fits: report (or replace) as UTF-8, the most likely intent
    return checked(with_errors(data, name, digest, "utf-8", "utf-8", errors, note="neither UTF-8 nor GB18030"))


def refuse_binary() -> Source:
    raise InputError("not a text document (looks like binary data)")


def explicit(data: bytes, name: str, digest: str, encoding: str, errors: str) -> Source:
    """Decode with the encoding the user named (--encoding)."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    source = with_errors(data, name, digest, info.name, info.name, errors)
    return Source(name, digest, source.encoding, strip_bom(source.text), source.warnings)


def with_errors(data: bytes, name: str, digest: str, codec: str, label: str, errors: str,
                skipped: int = 0, note: str = "") -> Source:
    """Decode strictly; on failure, an error naming the byte offset, or U+FFFD and a warning.

    `skipped` is the length of a BOM already taken off, so offsets count from
    the start of the file.
    """
    try:
        return Source(name, digest, label, data.decode(codec))
    except UnicodeDecodeError as exc:
        offset = exc.start + skipped
    what = f"{label}: {note}" if note else label
    if errors != "replace":
        raise InputError(f"undecodable bytes at byte offset {offset} ({what}); "
                         "--errors replace converts them to U+FFFD") from None
    text = data.decode(codec, errors="replace")
    count = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    line = line_of(text, first_replacement(data, codec, text))
    message = (f"{count} undecodable byte sequence{'s' if count != 1 else ''} ({what}) replaced "
               f"with U+FFFD, the first at byte offset {offset}")
    return Source(name, digest, label, text, ((line, message),))


def first_replacement(data: bytes, codec: str, text: str) -> int:
    """Index in `text` of the first U+FFFD that decoding put there."""
    original = data.decode(codec, errors="ignore")
    k = 0
    while k < len(text) and k < len(original) and text[k] == original[k]:
        k += 1
    return k


def line_of(text: str, index: int) -> int:
    """The 1-based input line holding text[index]."""
    from converter.normalise.lines import split_lines      # (normalise/ is not needed to read a file)

    return max(1, len(split_lines(text[:index + 1])))


def strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def binary_kind(data: bytes) -> str | None:
    """The kind of binary file `data` starts like, if any."""
    head = data[:HEAD].lstrip(b" \t\r\n")
    for magic, kind in BINARY_SIGNATURES:
        if head.startswith(magic):
            return kind
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime"
    return None


def nul_heavy(data: bytes) -> bool:
    """More than a tenth of the head is NUL bytes: no text document looks so."""
    head = data[:HEAD]
    return head.count(b"\x00") > len(head) // 10 + 1


def control_heavy(data: bytes) -> bool:
    """Many control bytes (not tab, line ends, form feed): binary data, not text that failed to decode."""
    head = data[:HEAD]
    return len(head) - len(head.translate(None, CONTROL_BYTES)) > len(head) * NOISE_SHARE


def utf16_without_bom(data: bytes, digest: str, name: str) -> Source | None:
    """The Source when `data` is UTF-16 without a BOM.

    Line ends and ASCII characters in UTF-16 carry NUL bytes; of the two
    byte orders, the one whose decode is almost all characters a Chinese
    document uses wins. A few NULs typed into a UTF-8 or GBK file decode
    to nothing plausible either way.
    """
    head = data[:HEAD]
    if len(data) % 2 or head.count(b"\x00") < max(2, len(head) // UTF16_NUL_SPACING):
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = text[:HEAD]
        if len(DOCUMENT_CHAR.sub("", sample)) <= len(sample) * NOISE_SHARE:
            return Source(name, digest, codec, text)
    return None


def damaged(data: bytes, codec: str) -> bool:
    """Whether a failed decode looks like a file of `codec` with a few bad bytes."""
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - bad
    return bad > 0 and multibyte >= DAMAGE_RATIO * bad


def noise(text: str) -> int:
    """How many control, private-use, surrogate or noncharacter code points the head of `text` has."""
    return len(NOISE_CHAR.findall(text[:HEAD]))


def text_like(text: str) -> bool:
    """Little noise: text, not binary data read as text."""
    return noise(text) <= len(text[:HEAD]) * NOISE_SHARE


def guess(data: bytes, name: str, digest: str) -> Source | None:
    """charset-normalizer's best guess among the plausible encodings, if it is text."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(GUESSABLE)).best()
    if best is None:
        return None
    text = str(best)
    if not text_like(text):
        return None
    return Source(name, digest, best.encoding.replace("_", "-"), text)


def checked(source: Source) -> Source:
    # (not text.strip(), without a copy of the whole text: isspace is true when every character is
    # white space that strip takes, and stops at the first that is not)
    if not source.text or source.text.isspace():
        raise InputError("empty: no text to convert")
    return source
