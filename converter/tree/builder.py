"""Model → nodes: each type of the model by the node function registered for it.

The renderer knows no form and no block: forms and block plug-ins register
a function per model type they produce (`RENDERS` tables); the pipeline puts
the tables together. A type nobody registered is an error, never dropped.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence, TypeVar

from converter.model.node import Child, Leaf, Node
from converter.model.text import Span
from converter.tree.inline import Links, inline_nodes


class RenderError(Exception):
    """A part of the model that no registered node function can place (a gongwen bug)."""


NodeFunction = Callable[[Any, "Builder"], Node | Leaf]
T = TypeVar("T")


class Builder:
    """Turns parsed items into nodes, with the links the link pass found.

    `release`: a list of items is let go of as it is rendered, each slot set to None once its item's node is
    made (`nodes`, `each`), so that the model is freed while its nodes are made, not held beside them all (the
    pipeline renders the model once and drops it: 100,000 tiny lines hold some 30 MB of it). No node function
    reads a list of items again once it has rendered it.
    """

    def __init__(self, renders: Mapping[type, NodeFunction], links: Links, release: bool = False) -> None:
        self.renders = renders
        self.links = links
        self.release = release

    def node(self, item: Any) -> Node | Leaf:
        render = self.renders.get(type(item))
        if render is None:
            raise RenderError(f"no node function is registered for {type(item).__name__}")
        return render(item, self)

    def nodes(self, items: Iterable[Any]) -> list[Node | Leaf]:
        """[self.node(item) for item in items], the look-up written out: one call an item, not two; with
        `release`, a list's slots let go of as its items are taken (released)."""
        renders = self.renders
        out: list[Node | Leaf] = []
        for item in released(items) if self.release and type(items) is list else items:
            render = renders.get(type(item))
            if render is None:
                raise RenderError(f"no node function is registered for {type(item).__name__}")
            out.append(render(item, self))
        return out

    def each(self, items: list[T]) -> Iterable[T]:
        """The items of a list a node function renders, in order; with `release`, let go of as they are taken."""
        return released(items) if self.release else items

    def inline(self, spans: Sequence[Span]) -> list[Child]:
        """Running text with its bold phrases and linked footnote markers."""
        return inline_nodes(spans, self.links)


def released(items: list[T]) -> Iterator[T]:
    """The items in order, each slot set to None as its item is taken (the item freed once its taker drops it)."""
    for k in range(len(items)):
        item = items[k]
        items[k] = None     # type: ignore[assignment]
        yield item
