"""HTML as input: a saved page or a page template, read into clean Lines.

A page's text is what a browser shows: block tags (p, div, li, tr, h1 …, br)
end lines, a table row is one line with its cells apart (td, th → a tab),
white space inside a block is one space (none where a line break stood
between two Chinese characters). Everything else of the source — tags,
comments, declarations, template directives (<%@ … %>, <?php … ?>), the
contents of <style> and <script>, character references (&nbsp; and the bare
&nbsp too) — is `markup` residue, one item a source line, so every
character of the source is reading text or residue.

The standard library's HTMLParser finds the constructs, with the position
of each (lxml.html's tree does not keep where a text began): each piece of
text keeps its true source line, and a Line starts at the line of its first
character. lxml.html's table of block-level tags says which tags end lines.

A character reference that names a reading character (&#20013; for 中) is
that character in the text and no residue; the lossless check reads the
input's references so too (lossless.py).
"""

from __future__ import annotations

import functools
import itertools
import re

from converter.model.text import Line, Removed
from converter.normalise.html_lines import BOLD, SUP, LineReader
from converter.normalise.html_scan import scan
from converter.normalise.lines import FORBIDDEN_CHAR, LINE_BREAK
from converter.patterns import HAN, pattern

# The start of an HTML document or page template: <!DOCTYPE html>, <html>, <?xml …?><html>, <%@ page …%>, <?php
HTML_START = pattern(
    r"\s{0,200}(?:<!doctype\s{1,5}html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<%@|<\?php"
    r"|<\?xml[^>]{0,200}\?>\s{0,200}<(?:!doctype|html))",
    "<!DOCTYPE html>", "<html lang=zh>", '<%@ page contentType="text/html" %>', flags=re.IGNORECASE,
)
# A tag only an HTML document holds: <html>, </head>, <body class=…>
DOCUMENT_TAG = pattern(r"</?(?:html|head|body)(?:\s[^<>]{0,300})?>", "</head>", "<body class=x>",
                       flags=re.IGNORECASE)
# A source line that starts with a block tag: "<p align=center>", "  </div>", "<li>" (an HTML fragment)
BLOCK_TAG_LINE = pattern(r"\s{0,40}</?(?:p|div|li|ul|ol|table|tr|td|th|tbody|h[1-6]|br|span|font|center|section)\b",
                         "<p align=center>", "  </div>", "<li>", flags=re.IGNORECASE)
# A character reference as html.unescape finds one (its own pattern): "&#20013;", "&#x4e2d", "&nbsp", "&lt;"
REFERENCE = pattern(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)", "&#20013;", "&nbsp")
# Server-side template code, masked as a processing instruction before parsing: <%@ page … %>, <%= x %>, <?php … ?>
TEMPLATE_CODE = pattern(r"<%.{0,4000}?%>|<\?php.{0,4000}?\?>", "<%@ page x %>", "<?php echo 1; ?>",
                        flags=re.DOTALL)
# White space HTML collapses (not the no-break or ideographic space, which are printed)
COLLAPSIBLE = pattern(r"[ \t\n\r\f\v]+", " \n ")
# A reading character (the lossless check counts these): a Han ideograph or a decimal digit
READING = pattern(rf"[{HAN}]|\d", "中", "1")

# How much of a text is looked at to tell whether it is HTML.
SNIFF = 65536
# A cell's colspan and rowspan attributes: <td colspan="2">, <td rowspan=3>
COLSPAN = pattern(r"""colspan\s*=\s*["']?\s*(\d{1,4})""", '<td colspan="2">')
ROWSPAN = pattern(r"""rowspan\s*=\s*["']?\s*(\d{1,4})""", "<td rowspan=3>")
# The most columns or rows a cell may span (a wider one is read as this wide)
SPAN_MAX = 100
# An HTML fragment: at least this many lines, and this share of its lines, start with a block tag.
FRAGMENT_MIN = 3
FRAGMENT_SHARE = 0.5
# Tags whose content is code, not text.
RAW_TEXT = ("style", "script")
# Tags whose text is a link or navigation: a line of nothing else is a link list's (webchrome.py)
LINKS = ("a", "nav")
# Tags that end a line besides lxml's block tags (HTML5 sections, the head, line breaks).
MORE_BLOCKS = frozenset({"br", "hr", "html", "head", "title", "body", "section", "article", "header", "footer",
                         "nav", "aside", "main", "figure", "figcaption", "details", "summary"})
# The tags but block tags that element() reads: bold, superscript, links, pre, cells, tables, line breaks
ACTING = frozenset((*BOLD, *SUP, *LINKS, "pre", "td", "th", "table", "br"))


def looks_like_html(text: str) -> bool:
    """Whether a text is HTML source: a document or template start, a document tag, or lines of block tags."""
    if "<" not in text:
        return False
    # (the first SNIFF characters looked at in place, not copied: a pattern given an end, and str.count, read
    # the text as if it ended there)
    if HTML_START.match(text, 0, SNIFF) or DOCUMENT_TAG.search(text, 0, SNIFF):
        return True
    tags, breaks = text.count("<", 0, SNIFF), text.count("\n", 0, SNIFF)
    # too few tags for half the lines to start with one (a "\n\n" takes two line ends, so there are at most
    # half as many as line ends: with fewer tags than that bound allows, they are not counted)
    if 2 * tags < breaks - breaks // 2 or 2 * tags < breaks - text.count("\n\n", 0, SNIFF):
        return False
    head = text[:SNIFF]
    lines = [line for line in LINE_BREAK.split(head) if line.strip()]
    tagged = sum(1 for line in lines if BLOCK_TAG_LINE.match(line))
    return tagged >= FRAGMENT_MIN and tagged >= FRAGMENT_SHARE * len(lines)


def masked(text: str) -> str:
    """`text` with template code turned into processing instructions of the same length, every line break kept
    in place: "<%\n  x = 1;\n%>" → "<?\nxxxxxxxx\nx>".

    The parser's positions are read against the unmasked text, so no line break may move: a mask that
    replaced a code's first four and last three characters (a comment, "<!--" … "-->") lost the line break
    of "<%\n" or "\n%>". An instruction needs only the first two ("<%", "<?") and the last (">"), which are
    never line breaks.
    """
    def instruction(m: re.Match[str]) -> str:
        return "<?" + re.sub(r"[^\r\n]", "x", m.group()[2:-1]) + ">"
    return TEMPLATE_CODE.sub(instruction, text) if ("<%" in text or "<?" in text) else text


def tokens(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, tag) of every construct, in order; the pieces cover the text exactly."""
    source = masked(text)
    scanned = scan(source)
    if scanned is not None:
        return scanned
    found = parsed(source)  # a construct the scan leaves to HTMLParser (html_scan.py says which)
    ends = [start for start, _, _ in found[1:]] + [len(text)]
    out = [(start, end, kind, tag) for (start, kind, tag), end in zip(found, ends) if end > start]
    if out and out[0][0] > 0:
        out.insert(0, (0, out[0][0], "data", ""))
    return out


def parsed(source: str) -> list[tuple[int, str, str]]:
    """(offset, kind, tag) of each construct of `source` as the standard library's HTMLParser finds them."""
    from converter.normalise.html_events import Events     # only HTML inputs pay for importing html.parser

    parser = Events()
    parser.feed(source)
    parser.close()
    return parser.found


def read_html(text: str) -> tuple[list[Line], list[Removed]]:
    """The clean Lines of an HTML source and its residue (markup, control characters)."""
    lines, residue, _ = read_html_page(text)
    return lines, residue


def read_html_page(text: str) -> tuple[list[Line], list[Removed], frozenset[tuple[int, int]]]:
    """The clean Lines of an HTML source, its residue, and the positions of the Lines that are links only."""
    from lxml.html.defs import block_tags   # only HTML inputs pay for importing lxml.html

    blocks = frozenset(block_tags) | MORE_BLOCKS
    acting = blocks | ACTING        # the tags element() does something for: the others (span, font, img …) pass by
    plain = blocks - ACTING - {"tr"}    # the block tags element() only ends a line at (p, div, li …: most tags)
    line_starts = line_starts_of(text)
    reader = LineReader(line_starts)
    raw_tag: str | None = None
    text_of, markup = reader.text, reader.markup
    for start, end, kind, tag in tokens(text):
        piece = text[start:end]
        if raw_tag is not None:             # the contents of a <style> or <script>, and its end tag: residue
            markup(start, piece)
            if kind == "end" and tag == raw_tag:
                raw_tag = None
        elif kind == "data":
            if "&" in piece:
                data(reader, start, piece)
            else:
                text_of(start, piece)       # (data()'s first step: half the pieces of a page are text)
        elif kind == "entity":
            entity(reader, start, piece)
        else:
            markup(start, piece)
            if kind != "markup":            # a start, empty or end tag
                if tag in plain:
                    reader.end_line(block=True)     # (element()'s last step, its only one for these)
                elif tag in acting:
                    element(reader, kind, tag, blocks, piece)
                raw_tag = tag if kind == "start" and tag in RAW_TEXT else None
    reader.end_line()
    return reader.lines, reader.residue(), frozenset(reader.links)


def line_starts_of(text: str) -> list[int]:
    """Where each source line of `text` starts: 0, and the end of each line break."""
    if "\r" in text:
        return [0] + [m.end() for m in LINE_BREAK.finditer(text)]
    # without a CR the line ends are the LFs: one past each line, its length and one added to the start
    # before, all in C (map and accumulate; a match object a line cost as much as the rest of the page's
    # line bookkeeping)
    return list(itertools.accumulate(map((1).__add__, map(len, text.split("\n")[:-1])), initial=0))


def data(reader: LineReader, start: int, piece: str) -> None:
    """A run of text, with any reference the parser left in it (an unclosed construct at the end) read as one."""
    if "&" not in piece:
        reader.text(start, piece)
        return
    pos = 0
    for m in REFERENCE.finditer(piece):
        if m.start() > pos:
            reader.text(start + pos, piece[pos:m.start()])
        entity(reader, start + m.start(), m.group())
        pos = m.end()
    if pos < len(piece):
        reader.text(start + pos, piece[pos:])


def entity(reader: LineReader, start: int, piece: str) -> None:
    """A character reference: residue, and the character it names in the text.

    A reference without its semicolon ends where html.unescape stops reading
    it: "&nbsp000014349" is &nbsp and the digits after it.
    """
    found = reference(piece)
    if found is None:                        # "&" and what follows, no reference
        reader.text(start, piece)
        return
    end, named = found
    if READING.fullmatch(named):
        reader.text(start, named, printed=False)   # &#20013; is 中: reading text itself, no residue
    else:
        reader.markup(start, piece[:end])
        if named:
            reader.text(start, COLLAPSIBLE.sub(" ", named), printed=False)
    if end < len(piece):
        reader.text(start + end, piece[end:])


# (kept for the process: a pure function of a short str, and a page repeats its few references, &nbsp; most,
# each costing html.unescape up to twice a character of it; bounded)
@functools.lru_cache(maxsize=4096)
def reference(piece: str) -> tuple[int, str] | None:
    """Where the reference that starts `piece` ends, and the text it names (forbidden characters out); None
    when `piece` holds no reference."""
    import html     # here, not at the top: only HTML inputs need it (its table of entities is costly to import)

    decoded = html.unescape(piece)
    if decoded == piece:
        return None
    end = next(k for k in range(2, len(piece) + 1)
               if html.unescape(piece[:k]) != piece[:k] and html.unescape(piece[:k]) + piece[k:] == decoded)
    return end, FORBIDDEN_CHAR.sub("", html.unescape(piece[:end]))


def span_of(tag_text: str, attribute: re.Pattern[str]) -> int:
    """A cell's colspan or rowspan as printed in its tag, 1 when none, at most SPAN_MAX."""
    m = attribute.search(tag_text)
    return min(max(int(m.group(1)), 1), SPAN_MAX) if m else 1


def element(reader: LineReader, kind: str, tag: str, blocks: frozenset[str], tag_text: str = "") -> None:
    """What a tag does to the lines: end one, start a cell, open or close bold, superscript or a link."""
    if tag in BOLD or tag in SUP:
        if kind == "start":
            reader.open_span(tag)
        elif kind == "end":
            reader.close_span(tag)
        return
    if tag in LINKS:
        reader.link_depth = max(0, reader.link_depth + (1 if kind == "start" else -1 if kind == "end" else 0))
        if tag == "a":
            return
    if tag == "pre":
        reader.pre = max(0, reader.pre + (1 if kind == "start" else -1 if kind == "end" else 0))
    if tag in ("td", "th") and reader.row_cells is not None:
        if kind != "end":
            reader.cell(span_of(tag_text, COLSPAN), span_of(tag_text, ROWSPAN))
        return
    if tag == "table":
        reader.table_ends()         # a table's spans never reach into another
    if tag == "br":
        reader.end_line()
        return
    if tag in blocks:
        reader.end_line(block=True)
        if tag == "tr" and kind == "start":
            reader.row()
