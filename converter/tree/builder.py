"""Model → nodes: each type of the model by the node function registered for it.

The renderer knows no form and no block: forms and block plug-ins register
a function per model type they produce (`RENDERS` tables); the pipeline puts
the tables together. A type nobody registered is an error, never dropped.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping, Sequence

from converter.model.node import Child, Leaf, Node
from converter.model.text import Span
from converter.tree.inline import Links, inline_nodes


class RenderError(Exception):
    """A part of the model that no registered node function can place (a gongwen bug)."""


NodeFunction = Callable[[Any, "Builder"], Node | Leaf]


class Builder:
    """Turns parsed items into nodes, with the links the link pass found."""

    def __init__(self, renders: Mapping[type, NodeFunction], links: Links) -> None:
        self.renders = renders
        self.links = links

    def node(self, item: Any) -> Node | Leaf:
        render = self.renders.get(type(item))
        if render is None:
            raise RenderError(f"no node function is registered for {type(item).__name__}")
        return render(item, self)

    def nodes(self, items: Iterable[Any]) -> list[Node | Leaf]:
        """[self.node(item) for item in items], the look-up written out: one call an item, not two."""
        renders = self.renders
        out: list[Node | Leaf] = []
        for item in items:
            render = renders.get(type(item))
            if render is None:
                raise RenderError(f"no node function is registered for {type(item).__name__}")
            out.append(render(item, self))
        return out

    def inline(self, spans: Sequence[Span]) -> list[Child]:
        """Running text with its bold phrases and linked footnote markers."""
        return inline_nodes(spans, self.links)
