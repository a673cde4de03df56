"""The form protocol and the registry that orders the forms.

A `Form` says what it is called, how it claims a document (its title words,
or a function over the lines and the parsed head), how it parses one, the
block rules its bodies are read with, and how its own parts become nodes.
Each form module registers its form with an explicit place in the order
(`before=` / `after=`, as mistune's plugins do); the first form in the order
that claims a document parses it.

A whole-file form (a 政府公报 issue) is asked only about a whole input file,
and returns a container that holds documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from converter.blocks import SHARED
from converter.blocks.parser import RuleSet
from converter.forms.naming import ends_in_word
from converter.frame.head import Head
from converter.model.context import Context
from converter.model.text import Lines
from converter.tree.builder import NodeFunction

Claims = Callable[["Form", Lines, Head], bool]
Parse = Callable[["Form", Lines, Head, Context], Any]
# The link hook of a whole-file form: (its container, the context, the links found) → ids and targets set
Link = Callable[[Any, Context, Any], None]


def by_title_words(form: Form, lines: Lines, head: Head) -> bool:
    """A document whose title ends in one of the form's 文种 words (before a note such as
    （试行）); one whose title names no form goes by what the frame says (Head.title_text)."""
    # (title_word(head.title_text, words) is not None, as ends_in_word tells it: every form in the order asks
    # this of one head, and the longest word that title_word picks does not matter here)
    return bool(form.title_words) and ends_in_word(head.title_text, form.title_words)


@dataclass(frozen=True, eq=False, repr=False)
class Form:
    """One document form: how it is told, parsed and rendered."""

    name: str
    parse: Parse
    claims: Claims = by_title_words
    title_words: tuple[str, ...] = ()       # 文种 words its titles end in
    rules: RuleSet = SHARED                 # the block rules its bodies are parsed with
    renders: Mapping[type, NodeFunction] = field(default_factory=dict)   # node functions of its own model types
    link: Link | None = None                # how a whole-file form's container is linked (ids, targets)
    whole_file: bool = False


class Registry:
    """The forms in the order they are asked to claim a document."""

    def __init__(self) -> None:
        self.forms: list[Form] = []

    def add(self, form: Form, before: str | None = None, after: str | None = None) -> None:
        names = [f.name for f in self.forms]
        if form.name in names:
            raise ValueError(f"form {form.name} is registered twice")
        if before is not None:
            at = names.index(before)
        elif after is not None:
            at = names.index(after) + 1
        else:
            at = len(self.forms)
        self.forms.insert(at, form)

    def names(self) -> tuple[str, ...]:
        return tuple(form.name for form in self.forms)

    def get(self, name: str) -> Form:
        return next(form for form in self.forms if form.name == name)

    def title_words(self) -> dict[str, str]:
        """The table from 文种 word to the form a title ending in it belongs to."""
        return {word: form.name for form in self.forms for word in form.title_words}

    def claim(self, lines: Lines, head: Head, whole_file: bool) -> Form:
        """The first form that claims these lines; whole-file forms only for a whole file."""
        for form in self.forms:
            if (whole_file or not form.whole_file) and form.claims(form, lines, head):
                return form
        raise LookupError("no form claims the document (the unknown form must claim everything)")

    def renders(self) -> dict[type, NodeFunction]:
        table: dict[type, NodeFunction] = {}
        for form in self.forms:
            table.update(form.renders)
        return table
