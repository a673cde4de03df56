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


def render_inline(parent, spans: list[Span], resolve: Resolver | None, warnings: list) -> None:
    """Write spans into `parent` as mixed content: text, <b>, <noteRef>."""
    out = Inline(parent)
    before: list[str] = []
    for k, span in enumerate(spans):
        if k and before and needs_space(before[-1], span.text):
            out.text(" ", False)
        for start, end, kind in segments(span, resolve is not None):
            text = span.line.text[start:end]
            bold = any(a <= start < b for a, b in span.line.bold)
            if kind == "text":
                out.text(text, bold)
            else:
                target = resolve("".join(before), text, kind == "explicit") if resolve else None
                if target:
                    out.note(text, target, bold)
                else:
                    out.text(text, bold)
                    if kind == "explicit":
                        warnings.append(
                            (span.line.n, f"footnote marker {text} matches no glossary entry; kept as text"))
            before.append(text)
    out.finish()


def needs_space(previous: str, following: str) -> bool:
    """A word broken at a line end: "Multi-" / "Channel" stays joined, "Network" / "Group" gets a space."""
    return bool(previous) and bool(following) and previous[-1].isascii() and previous[-1].isalnum() \
        and following[0].isascii() and following[0].isalnum()


def segments(span: Span, markers: bool) -> list[tuple[int, int, str]]:
    """Cut a span where bold starts or ends and around footnote markers."""
    line = span.line
    cuts = {span.start, span.end}
    for a, b in line.bold:
        cuts.update(x for x in (a, b) if span.start < x < span.end)
    marks: dict[int, tuple[int, str]] = {}
    for a, b in line.sup:
        if span.start <= a and b <= span.end and b - a <= SUP_MARKER_MAX:
            marks[a] = (b, "explicit")
    if markers or line.sup:
        for m in MARKER.finditer(line.text, span.start, span.end):
            if m.start() not in marks:
                kind = "explicit" if m.group()[0] in "［[" and markers else "bare"
                marks[m.start()] = (m.end(), kind)
    for a, (b, _) in marks.items():
        cuts.update((a, b))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:]):
        if a in marks and marks[a][0] == b:
            out.append((a, b, marks[a][1]))
        else:
            out.append((a, b, "text"))
    return out


class Inline:
    """Appends text to mixed content: to the parent, or to the tail of its last child."""

    def __init__(self, parent):
        self.parent = parent
        self.bold = None        # the open <b>, while bold text goes on

    def text(self, text: str, bold: bool) -> None:
        if not text:
            return
        if bold:
            if self.bold is None:
                self.bold = etree.SubElement(self.parent, q("b"))
            append_text(self.bold, text)
        else:
            self.bold = None
            append_text(self.parent, text)

    def note(self, text: str, target: str, bold: bool) -> None:
        if bold and self.bold is None:
            self.bold = etree.SubElement(self.parent, q("b"))
        host = self.bold if bold else self.parent
        if not bold:
            self.bold = None
        ref = etree.SubElement(host, q("noteRef"))
        ref.set("target", target)
        ref.text = text

    def finish(self) -> None:
        self.bold = None


def append_text(el, text: str) -> None:
    children = len(el)
    if children:
        last = el[children - 1]
        last.tail = (last.tail or "") + text
    else:
        el.text = (el.text or "") + text
