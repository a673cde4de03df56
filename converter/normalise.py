"""Normalise: split decoded text into Lines of clean printed text.

What is taken out of a line never disappears: it becomes a `Removed` record
(the residue) with its reason and input line. Three kinds are taken out here:

- characters XML 1.0 forbids (NUL, form feed, …): reason `control-char`;
- markdown and HTML syntax (`## `, `- `, `**`, `<sup>`, `<p>`): reason `markup`;
- whole lines of page furniture (page numbers, print headers): see rules.py.

Nothing else is rewritten: the printed characters stay as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from converter.rules import FURNITURE_RULES, PRINT_TIMESTAMP, Rule

# CRLF, lone CR or LF end a line.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Characters XML 1.0 forbids: C0 controls but tab/LF/CR, surrogates, U+FFFE/U+FFFF.
FORBIDDEN_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Leading white space, ideographic and no-break spaces included: "　　我国…"
INDENT = re.compile(r"^\s+")
# White space at a line end, tabs excepted: "…分解表\t\t\t\t" keeps its empty cells.
TRAILING_SPACE = re.compile(r"[^\S\t]+$")
# White space but tabs, at a line start: "\t完成…" keeps its empty first cell.
LEADING_SPACE = re.compile(r"^[^\S\t]+")
# An indent that marks a new paragraph: two spaces, a tab, or an ideographic space.
PARAGRAPH_INDENT = re.compile(r"^(?:\u3000|\t|\s{2,})")
# Markdown heading marks: "## 一、…" (their levels contradict the real numbering)
MD_HEADING = re.compile(r"^#{1,6}(?=\s|$)[ \t]*")
# Markdown list bullets and quote marks: "- (一)…", "  - 31.…", "> …"
MD_BULLET = re.compile(r"^[-*+>](?=[ \t]|$)[ \t]*")
# Inline markup: **bold**, HTML comments, any HTML tag such as <sup> </sup> <p> <br/>
INLINE_MARKUP = re.compile(r"\*\*|<!--.{0,500}?-->|</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>\n]{0,300})?/?>")
SUP_OPEN = re.compile(r"<sup\b", re.IGNORECASE)
SUP_CLOSE = re.compile(r"</sup\s*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Removed:
    """One item of residue: text taken out of the reading flow."""

    reason: str
    line: int
    text: str = ""
    codepoint: str | None = None


@dataclass(frozen=True, slots=True)
class Line:
    """One input line, cleaned for reading.

    `text` is the printed text with markup and indentation taken out; `bold`
    and `sup` are (start, end) spans into it. `gap` says a blank line or page
    furniture stood before it; `markup` holds what was taken out of it.
    `printed` is the line as in the input when that differs from `text`
    (most lines are clean already, and a second copy costs memory).
    """

    n: int
    printed: str | None
    text: str
    indent: bool = False
    gap: bool = False
    page_break: bool = False
    bold: tuple[tuple[int, int], ...] = ()
    sup: tuple[tuple[int, int], ...] = ()
    markup: tuple[Removed, ...] = ()

    @property
    def raw(self) -> str:
        """The line as in the input (forbidden characters taken out)."""
        return self.text if self.printed is None else self.printed


@dataclass(frozen=True)
class Normalised:
    """The content lines of a file and everything taken out of it."""

    lines: tuple[Line, ...]
    residue: tuple[Removed, ...]
    line_count: int
    page_furniture: bool = False   # page numbers or print headers were found


def split_lines(text: str) -> list[str]:
    """Input lines without their line ends; a final line end opens no line."""
    parts = LINE_BREAK.split(text)
    if parts and parts[-1] == "":
        parts.pop()
    return parts


# A quick test for the rare lines that need the markdown prefix patterns.
MD_START = frozenset("#-*+>")


def clean_line(n: int, raw: str, gap: bool = False) -> tuple[Line | None, list[Removed]]:
    """Clean one line. Returns None for a blank line, plus the control chars taken out.

    `gap` says a blank line or page furniture stood before it.
    """
    controls: list[Removed] = []
    page_break = False
    if FORBIDDEN_CHAR.search(raw):
        controls = [Removed("control-char", n, codepoint=f"U+{ord(m.group()):04X}")
                    for m in FORBIDDEN_CHAR.finditer(raw)]
        page_break = "\f" in raw
        raw = FORBIDDEN_CHAR.sub("", raw)
    # tabs inside a line separate table cells, so they stay at both ends;
    # tabs that only indent a line are indentation
    cells = "\t" in raw and "\t" in raw.lstrip()
    text = TRAILING_SPACE.sub("", raw) if cells else raw.rstrip()
    indent = False
    if text[:1].isspace():
        indent = bool(PARAGRAPH_INDENT.match(text))
        text = (LEADING_SPACE if cells else INDENT).sub("", text)
    markup: list[Removed] = []
    for prefix in (MD_HEADING, MD_BULLET, MD_HEADING):
        if not text or text[0] not in MD_START:
            break
        m = prefix.match(text)
        if m:
            markup.append(Removed("markup", n, m.group().strip()))
            text = text[m.end():]
    text, bold, sup, inline = strip_inline(n, text)
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


def clip(spans: tuple[tuple[int, int], ...], length: int) -> tuple[tuple[int, int], ...]:
    return tuple((a, min(b, length)) for a, b in spans if a < min(b, length))


def strip_inline(n: int, text: str) -> tuple[str, tuple, tuple, list[str]]:
    """Take inline markup out of a line; return clean text, bold and sup spans, the markup."""
    if "*" not in text and "<" not in text:
        return text, (), (), []
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


def furniture_reason(text: str, rules: tuple[Rule, ...], pattern: re.Pattern[str] | None = None) -> str | None:
    """The residue reason when a whole clean line is page furniture."""
    m = (pattern or furniture_pattern(rules)).fullmatch(text)
    return rules[int(m.lastgroup[1:])].kind if m else None


def furniture_pattern(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    """The rules as one alternation (one pass a line, not one a rule), in their order."""
    return re.compile("|".join(f"(?P<r{k}>{rule.pattern.pattern})" for k, rule in enumerate(rules)))


def normalise(text: str, rules: tuple[Rule, ...] = FURNITURE_RULES) -> Normalised:
    """Split `text` into clean content lines; collect the residue."""
    raws = split_lines(text)
    furniture_lines = furniture_pattern(rules)
    lines: list[Line] = []
    residue: list[Removed] = []
    gap = False
    furniture = False
    after_stamp = False
    titles_under_stamp: set[int] = set()
    for n, raw in enumerate(raws, start=1):
        line, removed = clean_line(n, raw, gap)
        residue.extend(removed)
        if line is None:
            gap = True
            continue
        reason = furniture_reason(line.text, rules, furniture_lines)
        if reason is None and line.markup:
            # "- 3 -" is a page number, not a list bullet before "3 -"
            reason = furniture_reason(strip_inline(n, line.raw.strip())[0].strip(), rules, furniture_lines)
        if reason is not None:
            residue.append(Removed(reason, n, line.raw.strip()))
            furniture = furniture or reason in ("page-number", "running-header")
            after_stamp = bool(PRINT_TIMESTAMP.fullmatch(line.text))
            gap = True
            continue
        if after_stamp:
            titles_under_stamp.add(n)
            after_stamp = False
        lines.append(line)
        gap = False
    lines, headers = drop_print_titles(lines, titles_under_stamp)
    residue.extend(headers)
    return Normalised(tuple(lines), tuple(residue), len(raws), furniture)


def drop_print_titles(lines: list[Line], candidates: set[int]) -> tuple[list[Line], list[Removed]]:
    """A browser prints the page title under its timestamp on every page.

    The line under a print timestamp is a running header when the same text
    stands elsewhere in the file too (the real title, kept once).
    """
    if not candidates:
        return lines, []
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.text] = counts.get(line.text, 0) + 1
    drop = {line.n for line in lines if line.n in candidates and counts[line.text] > 1}
    kept = [line for line in lines if line.n not in drop]
    removed = [Removed("running-header", line.n, line.raw.strip()) for line in lines if line.n in drop]
    return kept, removed


def take_out(lines: tuple[Line, ...], drop: dict[int, str]) -> tuple[tuple[Line, ...], list[Removed]]:
    """Remove whole lines (by input line number → reason) into residue."""
    if not drop:
        return lines, []
    kept = tuple(line for line in lines if line.n not in drop)
    removed = [Removed(drop[line.n], line.n, line.raw.strip()) for line in lines if line.n in drop]
    return kept, removed
