"""What a file holds, told from its first bytes: gongwen's own archive XML, other XML, or text.

`convert` refuses archive XML (an output given as an input would otherwise
be read as a text full of markup), and `inspect` reads XML as XML even
without an `<?xml` declaration.
"""

from __future__ import annotations

import codecs
import re

from converter.patterns import pattern

# How much of a file is looked at: the prolog and the root's start tag fit in it.
HEAD = 4096
# What may stand before the root element: white space, comments, processing instructions
# (<!-- … -->, <?xml-stylesheet …?>), so that `<!-- note --><g:archive …` is still seen.
PROLOG = pattern(rb"(?:\s+|<!--.*?-->|<\?.*?\?>)*", b"<?xml version='1.0'?>\n<!-- a -->", flags=re.S)
# The root's start tag: <archive xmlns="urn:gongwen:archive:1.0" …> or <g:archive xmlns:g="…" …>;
# group 1 the local name, group 2 the attributes.
START_TAG = pattern(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(\s[^<>]*)?/?>", b'<archive xmlns="urn:gongwen:archive:1.0">', b"<g:archive>")
# The namespace of gongwen's archive format, in any version.
ARCHIVE_NAMESPACE = pattern(rb"""=\s*["']urn:gongwen:archive:""", b'xmlns="urn:gongwen:archive:1.0"')
UTF8_BOM = codecs.BOM_UTF8


def root_tag(data: bytes) -> tuple[str, bytes] | None:
    """The local name and attribute text of the first start tag after the prolog, or None."""
    head = data[:HEAD]
    if head.startswith(UTF8_BOM):
        head = head[len(UTF8_BOM):]
    prolog = PROLOG.match(head)
    m = START_TAG.match(head, prolog.end() if prolog else 0)
    if m is None:
        return None
    return m.group(1).decode("ascii", "replace"), m.group(2) or b""


def is_archive_xml(data: bytes) -> bool:
    """Whether `data` is gongwen archive XML: its root is `archive` in gongwen's namespace."""
    tag = root_tag(data)
    return tag is not None and tag[0] == "archive" and ARCHIVE_NAMESPACE.search(tag[1]) is not None


def looks_like_xml(data: bytes, name: str = "") -> bool:
    """XML rather than a text input: an XML declaration, an `archive` root, or a *.xml file opening with a tag."""
    head = data[:HEAD].removeprefix(UTF8_BOM).lstrip()
    if head.startswith(b"<?xml"):
        return True
    tag = root_tag(data)
    if tag is None:
        return False
    return tag[0] == "archive" or name.lower().endswith(".xml")
