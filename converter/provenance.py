"""What an archive keeps about its own making: the warnings of its conversion.

Each warning becomes a `source/warning` element (@line, the message as
text; tree/archive.py writes them, this module reads them back). They are kept in the archive, not beside it, so that a re-run that
skips an up-to-date output can still report them, and so that an archivist
sees what the converter was unsure of. `source` lies outside the reading
flow (FORMAT.md, guarantee 2), so the messages never count as document text.
"""

from __future__ import annotations

from lxml import etree

from converter.patterns import pattern

# Characters XML 1.0 cannot hold at all (C0 controls but tab and line ends, surrogates,
# U+FFFE/U+FFFF): a message quoting input text shows them as \xNN / \uNNNN instead.
# (Listed, not the complement of what XML allows: that class takes 13 ms to compile.)
NOT_XML = pattern("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "\x00", "\ufffe")


def xml_safe(text: str) -> str:
    return NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                       else f"\\u{ord(m.group()):04x}", text)


def warnings_of(root: etree._Element) -> tuple[tuple[int, str], ...]:
    """The (line, message) pairs an archive records, in its order."""
    return tuple((int(el.get("line", "0")), el.text or "") for el in root.iterfind("{*}source/{*}warning"))
