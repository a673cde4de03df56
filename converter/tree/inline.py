"""Inline text as nodes: running text, `b` for bold lead phrases, `noteRef` for linked markers.

A span is cut where bold starts or ends and around the footnote markers the
link pass linked (`Links`: input line and start → end and target id); a
marker nobody could link is text like any other.
"""

from __future__ import annotations

from typing import Sequence

from converter.model.node import Child, Node
from converter.model.text import Span

# input line → {start of a marker in the line's clean text: (end of the marker, target id)}
Links = dict[int, dict[int, tuple[int, str]]]


def needs_space(previous: str, following: str) -> bool:
    """A word broken at a line end: "Multi-" / "Channel" stays joined, "Network" / "Group" gets a space."""
    return bool(previous) and bool(following) and previous[-1].isascii() and previous[-1].isalnum() \
        and following[0].isascii() and following[0].isalnum()


def pieces(span: Span, links: Links) -> list[tuple[int, int, str | None, bool]]:
    """(start, end, target, bold) of the span cut at bold changes and linked markers."""
    line = span.line
    linked = links.get(line.n) if links else None
    if not line.bold and not linked:
        return [(span.start, span.end, None, False)]
    cuts = {span.start, span.end}
    bold = [(a, b) for a, b in line.bold if a < span.end and b > span.start]
    for a, b in bold:
        cuts.update(x for x in (a, b) if span.start < x < span.end)
    marks: dict[int, tuple[int, str]] = {}
    if linked:
        for a, link in linked.items():
            if span.start <= a and link[0] <= span.end:
                marks[a] = link
                cuts.update((a, link[0]))
    if len(cuts) == 2 and not bold:
        return [(span.start, span.end, None, False)]
    points = sorted(cuts)
    out = []
    k = 0                       # bold spans and pieces are both in order: walk them together
    for a, b in zip(points, points[1:]):
        while k < len(bold) and bold[k][1] <= a:
            k += 1
        in_bold = k < len(bold) and bold[k][0] <= a
        target = marks[a][1] if a in marks and marks[a][0] == b else None
        out.append((a, b, target, in_bold))
    return out


class InlineOut:
    """Mixed content being written: text and noteRefs go into the open `b` while bold goes on."""

    def __init__(self) -> None:
        self.children: list[Child] = []
        self.bold: Node | None = None

    def host(self, bold: bool) -> list[Child]:
        if bold and self.bold is None:
            self.bold = Node("b")
            self.children.append(self.bold)
        elif not bold:
            self.bold = None
        return self.bold.children if self.bold is not None else self.children

    def text(self, text: str, bold: bool) -> None:
        if text:
            self.host(bold).append(text)

    def note(self, text: str, target: str, bold: bool) -> None:
        self.host(bold).append(Node("noteRef", {"target": target}, [text]))


def inline_nodes(spans: Sequence[Span], links: Links) -> list[Child]:
    """The spans as mixed content; lines broken inside a Latin word are joined with a space."""
    if len(spans) == 1:         # (most: a paragraph of one line, plain_nodes of one span its text, if any)
        span = spans[0]
        line = span.line
        if line.bold or (links and links.get(line.n)):
            return marked_nodes(spans, links)
        text = line.text[span.start:span.end]
        return [text] if text else []
    for span in spans:          # (a loop, not any() over a generator: a paragraph costs a few steps less)
        if span.line.bold or (links and links.get(span.line.n)):
            return marked_nodes(spans, links)
    return plain_nodes(spans)


def marked_nodes(spans: Sequence[Span], links: Links) -> list[Child]:
    """inline_nodes, each span cut at its bold changes and linked markers."""
    out = InlineOut()
    last = ""            # the text written so far ends with this
    for k, span in enumerate(spans):
        if k and last and needs_space(last, span.text):
            out.text(" ", False)
        text = span.line.text
        for start, end, target, bold in pieces(span, links):
            piece = text[start:end]
            if target is not None:
                out.note(piece, target, bold)
            else:
                out.text(piece, bold)
            if piece:
                last = piece[-1]
    return out.children


def plain_nodes(spans: Sequence[Span]) -> list[Child]:
    """inline_nodes of spans whose lines have no bold and no linked marker (most): each span is one piece,
    its text, so the pieces and the spaces between them go straight into the list that InlineOut would fill."""
    out: list[Child] = []
    last = ""
    for k, span in enumerate(spans):
        text = span.line.text[span.start:span.end]
        if k and last and needs_space(last, text):
            out.append(" ")
        if text:
            out.append(text)
            last = text[-1]
    return out
