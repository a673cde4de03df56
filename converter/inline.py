"""Inline text: running text with bold lead phrases and footnote markers.

Text is written span by span into mixed content; a span is cut where bold
starts or ends and around footnote markers, which become <noteRef> when the
document's glossary has an entry for them.
"""

from __future__ import annotations

from lxml import etree

from converter.forms.glossary import MARKER, Resolver
from converter.model import Span
from converter.xmlnames import q

# The longest <sup> content taken as a footnote marker.
SUP_MARKER_MAX = 4


# How much of the text before a marker is kept to find the term it follows.
TERM_WINDOW = 120


def render_inline(parent, spans: list[Span], resolve: Resolver | None, warnings: list) -> None:
    """Write spans into `parent` as mixed content: text, <b>, <noteRef>."""
    out = Inline(parent)
    before = ""          # the last TERM_WINDOW characters written, for marker resolution
    for k, span in enumerate(spans):
        if k and before and needs_space(before, span.text):
            out.text(" ", False)
        for start, end, kind, bold in segments(span, resolve is not None):
            text = span.line.text[start:end]
            if kind == "text":
                out.text(text, bold)
            else:
                target = resolve(before, text, kind == "explicit") if resolve else None
                if target:
                    out.note(text, target, bold)
                else:
                    out.text(text, bold)
                    if kind == "explicit":
                        warnings.append(
                            (span.line.n, f"footnote marker {text} matches no glossary entry; kept as text"))
            before = (before + text)[-TERM_WINDOW:]
    out.finish()


def needs_space(previous: str, following: str) -> bool:
    """A word broken at a line end: "Multi-" / "Channel" stays joined, "Network" / "Group" gets a space."""
    return bool(previous) and bool(following) and previous[-1].isascii() and previous[-1].isalnum() \
        and following[0].isascii() and following[0].isalnum()


def segments(span: Span, markers: bool) -> list[tuple[int, int, str, bool]]:
    """Cut a span where bold starts or ends and around footnote markers.

    Returns (start, end, kind, bold) with kind "text", "explicit" or "bare".
    """
    line = span.line
    if not line.bold and not line.sup and not markers:
        return [(span.start, span.end, "text", False)]
    cuts = {span.start, span.end}
    bold = [(a, b) for a, b in line.bold if a < span.end and b > span.start]
    for a, b in bold:
        cuts.update(x for x in (a, b) if span.start < x < span.end)
    marks: dict[int, tuple[int, str]] = {}
    for a, b in line.sup:
        if span.start <= a and b <= span.end and b - a <= SUP_MARKER_MAX:
            marks[a] = (b, "explicit")
    if markers or line.sup:
        for m in MARKER.finditer(line.text, span.start, span.end):
            if m.start() not in marks:
                kind = "explicit" if m.group()[0] in "［[⁰¹²³⁴⁵⁶⁷⁸⁹" and markers else "bare"
                marks[m.start()] = (m.end(), kind)
    for a, (b, _) in marks.items():
        cuts.update((a, b))
    points = sorted(cuts)
    out = []
    k = 0                       # bold spans and segments are both in order: walk them together
    for a, b in zip(points, points[1:]):
        while k < len(bold) and bold[k][1] <= a:
            k += 1
        in_bold = k < len(bold) and bold[k][0] <= a
        kind = marks[a][1] if a in marks and marks[a][0] == b else "text"
        out.append((a, b, kind, in_bold))
    return out


class Inline:
    """Appends text to mixed content: to the parent, or to the tail of its last child.

    Text is gathered and written once per text node, so a paragraph of many
    pieces costs linear time.
    """

    def __init__(self, parent):
        self.parent = parent
        self.bold = None        # the open <b>, while bold text goes on
        self.pending: list[str] = []
        # the last child written into each host (len() of an lxml element walks its children)
        self.last: dict[int, object] = {id(parent): parent[-1] if len(parent) else None}

    def child(self, host, name: str):
        el = etree.SubElement(host, q(name))
        self.last[id(host)] = el
        return el

    def flush(self) -> None:
        if not self.pending:
            return
        text = "".join(self.pending)
        self.pending = []
        host = self.bold if self.bold is not None else self.parent
        last = self.last.get(id(host))
        if last is not None:
            last.tail = (last.tail or "") + text
        else:
            host.text = (host.text or "") + text

    def text(self, text: str, bold: bool) -> None:
        if not text:
            return
        if bold and self.bold is None:
            self.flush()
            self.bold = self.child(self.parent, "b")
        elif not bold and self.bold is not None:
            self.flush()
            self.bold = None
        self.pending.append(text)

    def note(self, text: str, target: str, bold: bool) -> None:
        self.text("", bold)
        self.flush()
        if bold and self.bold is None:
            self.bold = self.child(self.parent, "b")
        elif not bold:
            self.bold = None
        host = self.bold if bold else self.parent
        ref = self.child(host, "noteRef")
        ref.set("target", target)
        ref.text = text

    def finish(self) -> None:
        self.flush()
        self.bold = None
