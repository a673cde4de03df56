"""One escaping rule for every message and for `source/@name`.

A file name is bytes on POSIX: Python hands over the bytes that are not
UTF-8 as lone surrogates (U+DC80–U+DCFF, PEP 383), which neither a UTF-8
terminal nor XML can hold. A name or a quoted line may also carry a newline,
a control or an invisible format character (a zero-width space, a
right-to-left override) that would split a message or hide what it says.

The rule, reversible so that `source/@name` is lossless:

    \\           a backslash                      \\\\
    an undecodable byte 0xHH (≥ 0x80)              \\xHH
    a character below U+0080 that is a control     \\xHH     (newline: \\x0a)
    any other control, format, separator,
    surrogate or noncharacter code point           \\uHHHH or \\UHHHHHHHH

Everything else (Han, punctuation, spaces) stays as it is. `unescape`
gives back the exact bytes (for a name) or text.
"""

from __future__ import annotations

import os
import re
import unicodedata
from converter.patterns import pattern

# Unicode categories that are escaped: controls, format characters (zero-width, bidi overrides),
# line and paragraph separators, surrogates, unassigned code points (the noncharacters among them).
ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp", "Cn"})
# The lone surrogates that stand for undecodable bytes of a file name (os.fsdecode, PEP 383).
BYTE_SURROGATES = range(0xDC80, 0xDD00)
# One escape of the rule: \\, \xHH, \uHHHH or \UHHHHHHHH.
ESCAPE = pattern(r"\\(?:(\\)|x([0-9a-f]{2})|u([0-9a-f]{4})|U([0-9a-f]{8}))", "\\xff.txt", "\\\\", "\\u200b")


def escape(text: str) -> str:
    """`text` with the rule above applied: one line, valid XML, no hidden characters."""
    if "\\" not in text and text.isprintable():      # the common case: nothing to do
        return text
    return "".join(escaped_char(ch) for ch in text)


def escaped_char(ch: str) -> str:
    code = ord(ch)
    if ch == "\\":
        return "\\\\"
    if code in BYTE_SURROGATES:
        return f"\\x{code - 0xDC00:02x}"
    if ch.isprintable() or unicodedata.category(ch) not in ESCAPED_CATEGORIES:
        return ch               # printable, or a space (U+3000, U+00A0): shown as it is
    if code < 0x80:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def unescape(text: str) -> str:
    """The text `escape` was given: undecodable bytes come back as surrogates again (os.fsencode restores them)."""
    def original(m: re.Match[str]) -> str:
        backslash, byte, short, long = m.groups()
        if backslash:
            return "\\"
        if byte:
            value = int(byte, 16)
            return chr(0xDC00 + value) if value >= 0x80 else chr(value)
        return chr(int(short or long, 16))
    return ESCAPE.sub(original, text)


def unescape_name(text: str) -> bytes:
    """The bytes of a file name that `source/@name` holds escaped."""
    return os.fsencode(unescape(text))
