"""One input line → one clean Line: control characters, indentation and markup taken out.

What is taken out of a line never disappears: control characters become
`control-char` residue, markdown and HTML syntax `markup` residue (one item
per line for its inline tokens). Nothing else is rewritten.
"""

from __future__ import annotations

import re

from converter.model.text import Line, Removed
from converter.patterns import pattern

# CRLF, lone CR or LF end a line.
LINE_BREAK = pattern(r"\r\n|\r|\n", "\r\n")
# Characters taken out of the text, each to residue with its code point: those XML 1.0
# forbids (C0 controls but tab/LF/CR, surrogates, U+FFFE/U+FFFF), and the invisible
# format characters that print nothing but hide a line's role (a "blank" first line
# holding a zero-width space, a title with a U+FEFF inside): zero-width space and
# joiners, direction marks and embeddings, word joiner and invisible operators,
# U+FEFF, the Mongolian vowel separator, the Arabic letter mark. (The soft hyphen
# U+00AD stays: PDF extractions print it where the page shows a hyphen.)
FORBIDDEN_CHARS = ("\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
                   "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\u180e\u061c")
FORBIDDEN_CHAR = pattern(f"[{FORBIDDEN_CHARS}]", "\x0c", "\x00", "\u200b", "\ufeff", "\u2060")
# White space at a line end, tabs excepted: "…分解表\t\t\t\t" keeps its empty cells.
TRAILING_SPACE = pattern(r"[^\S\t]+$", "分解表\t\t  ")
# White space but tabs, at a line start: "\t完成…" keeps its empty first cell.
LEADING_SPACE = pattern(r"^[^\S\t]+", "  \t完成")
# The white space of \s and str.isspace but the tab, every character of it: str.rstrip and str.lstrip
# take off what TRAILING_SPACE and LEADING_SPACE match, without a search at each character of a row
# (a test checks the list against every code point)
SPACE_BUT_TAB = ("\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                 "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
# Markdown heading marks: "## 一、…" (their levels contradict the real numbering)
MD_HEADING = pattern(r"^#{1,6}(?=\s|$)[ \t]*", "## 一、总体要求", "#")
# Markdown list bullets and quote marks: "- (一)…", "  - 31.…", "> …"
MD_BULLET = pattern(r"^[-*+>](?=[ \t]|$)[ \t]*", "- (一)加强", "> 引文")
# Inline markup: **bold**, HTML comments, any HTML tag such as <sup> </sup> <p> <br/>
INLINE_MARKUP = pattern(r"\*\*|<!--.{0,500}?-->|</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>\n]{0,300})?/?>",
                        "**经济**", "<sup>①</sup>", "<p align=center>", "<br/>", "<!-- 注 -->")
SUP_OPEN = pattern(r"<sup\b", "<SUP>", flags=re.IGNORECASE)
SUP_CLOSE = pattern(r"</sup\s*>", "</sup>", flags=re.IGNORECASE)

# A quick test for the rare lines that need the markdown prefix patterns.
MD_START = frozenset("#-*+>")
# … and the space, the one white space a printable line may start with
MD_OR_SPACE = MD_START | {" "}
# The white space of an indent a text line commonly has: spaces, ideographic spaces
INDENT = " \u3000"

Spans = tuple[tuple[int, int], ...]


def split_lines(text: str) -> list[str]:
    """Input lines without their line ends; a final line end opens no line."""
    # without a CR the line ends are the LFs: str.split cuts there at a fraction of the pattern's cost
    parts = LINE_BREAK.split(text) if "\r" in text else text.split("\n")
    if parts and parts[-1] == "":
        parts.pop()
    return parts


def line_count(text: str) -> int:
    """len(split_lines(text)), the lines counted, not made (an HTML page is read from its text: its split lines
    would only be counted, and 16 MB of the samples held 16 MB of them while the page was read)."""
    breaks = text.count("\n")
    if "\r" in text:
        breaks += text.count("\r") - text.count("\r\n")
    return breaks + 1 - (not text or text[-1] in "\r\n")      # (a final line end opens no line)


def clean_as_printed(raw: str) -> bool:
    """Whether clean_line keeps the line as it stands (the commonest line), told with str methods only.

    A printable line holds no forbidden character (each is a control, format, surrogate or
    non-character) and no white space but U+0020, so white space that ends neither end is none to
    take out; no markdown mark starts it, no markup is inside.
    """
    return raw[0] not in MD_OR_SPACE and raw.isprintable() and raw[-1] != " " and "*" not in raw and "<" not in raw


def may_hold_forbidden(raw: str) -> bool:
    """False when a line holds no forbidden character, told by str methods (the cheap test before
    FORBIDDEN_CHAR): each is a control, format, surrogate or non-character, so unprintable, and the
    tab and the ideographic space, which leave many lines unprintable, are none."""
    return not raw.isprintable() and not raw.replace("\u3000", "").replace("\t", "").isprintable()


def clean_line(n: int, raw: str, gap: bool = False) -> tuple[Line | None, list[Removed]]:
    """Clean one line. Returns None for a blank line, plus the control chars taken out.

    `gap` says a blank line or page furniture stood before it.
    """
    if not raw:
        return None, []           # an empty line (a third of most inputs) is blank, with nothing to take out
    if raw[-1].isspace() or "*" in raw or "<" in raw or may_hold_forbidden(raw) and FORBIDDEN_CHAR.search(raw):
        return clean_line_fully(n, raw, gap)
    # What clean_line_fully keeps of a line with no white space at its end, no markup, no control:
    # the line itself (a tab inside it, a table row's, changes nothing when white space ends neither
    # end: the trailing and leading space taken out of a row of cells is none) …
    if not raw[0].isspace():
        if raw[0] not in MD_START:
            return Line(n, None, raw, gap=gap), []       # most lines
    # … or, indented and without a tab (no cells), the line without its indent
    elif "\t" not in raw:
        text = raw.lstrip()                              # (not empty: the last character is none)
        if text[0] not in MD_START:
            return Line(n, raw, text, indent=paragraph_indent(raw), gap=gap), []
    return clean_line_fully(n, raw, gap)


def paragraph_indent(text: str) -> bool:
    """Whether the white space that starts a line marks a new paragraph: an ideographic space, a
    tab, or two white spaces ("　我国", "  我国")."""
    # (told with str methods, not a pattern, for every indented line asks; str.isspace is the white space of \s)
    return text[0] in "\u3000\t" or len(text) > 1 and text[1].isspace()


def clean_line_fully(n: int, raw: str, gap: bool = False) -> tuple[Line | None, list[Removed]]:
    """clean_line, every step taken."""
    controls: list[Removed] = []
    page_break = False
    if may_hold_forbidden(raw) and FORBIDDEN_CHAR.search(raw):
        controls = [Removed("control-char", n, codepoint=f"U+{ord(m.group()):04X}")
                    for m in FORBIDDEN_CHAR.finditer(raw)]
        page_break = "\f" in raw
        raw = FORBIDDEN_CHAR.sub("", raw)
    # tabs inside a line separate table cells, so they stay at both ends;
    # tabs that only indent a line are indentation
    cells = "\t" in raw and "\t" in raw.lstrip()
    text = raw.rstrip(SPACE_BUT_TAB) if cells else raw.rstrip()
    indent = False
    if text[:1].isspace():
        indent = paragraph_indent(text)
        # (str.lstrip takes what ^\s+ matches; a tab that opens a cell stays)
        text = text.lstrip(SPACE_BUT_TAB) if cells else text.lstrip()
    markup: list[Removed] = []
    for prefix in (MD_HEADING, MD_BULLET, MD_HEADING):
        if not text or text[0] not in MD_START:
            break
        m = prefix.match(text)
        if m:
            markup.append(Removed("markup", n, m.group().strip()))
            text = text[m.end():]
    text, bold, sup, inline = strip_inline(text) if "*" in text or "<" in text else (text, (), (), [])
    if inline:
        # one residue item for a line's inline markup, its tokens in order
        markup.append(Removed("markup", n, "".join(inline)))
    if not text.strip():
        return None, controls + markup
    stripped = text.strip(" \u3000\u00a0\r\n\f\v") if cells else text.strip()
    if stripped != text:
        lead = len(text) - len(text.lstrip())
        text = stripped
        bold = tuple((max(0, a - lead), max(0, b - lead)) for a, b in bold)
        sup = tuple((max(0, a - lead), max(0, b - lead)) for a, b in sup)
    line = Line(n, None if raw == text else raw, text, indent=indent, gap=gap or page_break, page_break=page_break,
                bold=clip(bold, len(text)) if bold else (), sup=clip(sup, len(text)) if sup else (),
                markup=tuple(markup))
    return line, controls


def markdown_marked(raw: str) -> bool:
    """False when clean_line_fully made of `raw` (a line's printed text) what strip_inline makes of
    raw.strip(), stripped: the text normalise asks furniture_reason about a second time for a line with markup.

    Without a tab (no cells) clean_line_fully strips the line as str.strip does, and when no markdown
    mark then starts it, takes out its inline markup (strip_inline) and strips it again: the same steps.
    """
    return "\t" in raw or raw.lstrip()[:1] in MD_START


def clip(spans: Spans, length: int) -> Spans:
    return tuple((a, min(b, length)) for a, b in spans if a < min(b, length))


def strip_inline(text: str) -> tuple[str, Spans, Spans, list[str]]:
    """Take inline markup out of a line; return clean text, bold and sup spans, the markup."""
    if "*" not in text and "<" not in text:
        return text, (), (), []
    if "<" not in text:
        return strip_bold(text)
    out: list[str] = []
    length = 0
    pos = 0
    removed: list[str] = []
    bold: list[tuple[int, int]] = []
    sup: list[tuple[int, int]] = []
    bold_open: int | None = None
    sup_open: int | None = None
    for m in INLINE_MARKUP.finditer(text):
        chunk = text[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        token = m.group()
        removed.append(token)
        if token == "**":
            if bold_open is None:
                bold_open = length
            else:
                if length > bold_open:
                    bold.append((bold_open, length))
                bold_open = None
        elif SUP_OPEN.match(token):
            sup_open = length
        elif SUP_CLOSE.match(token) and sup_open is not None:
            if length > sup_open:
                sup.append((sup_open, length))
            sup_open = None
    out.append(text[pos:])
    return "".join(out), tuple(bold), tuple(sup), removed


def strip_bold(text: str) -> tuple[str, Spans, Spans, list[str]]:
    """strip_inline of a line without "<": every other alternative of INLINE_MARKUP starts with one, so its
    matches are the "**" of the line, left to right without overlap, where str.split cuts it; the text
    between an opening and a closing "**" (every other part, when a closing one follows) is bold."""
    parts = text.split("**")
    bold: list[tuple[int, int]] = []
    length = 0
    last = len(parts) - 1
    for k, part in enumerate(parts):
        if k % 2 and k < last and part:
            bold.append((length, length + len(part)))
        length += len(part)
    return "".join(parts), tuple(bold), (), ["**"] * last
