"""Every regular expression of gongwen is made here, with the examples it must match.

`pattern(regex, *examples)` compiles a pattern and files the examples its
comment promises; `tests/test_patterns.py` checks every module-level pattern
of the package against them, so a pattern without an example, or one that
no longer finds its example, fails the tests.

The character classes are spelled once, here.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

# Han ideographs: CJK unified, extension A, compatibility ideographs, and 〇 (a numeral zero).
HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# CJK text, punctuation included: dashes, quotes, …, ideographic punctuation and full-width forms.
CJK = "\u2014\u2018-\u201f\u2026\u3000-\u303f" + HAN[1:] + "\uff00-\uffef"

# pattern → the examples it must find (filled as modules are imported; read by the tests)
EXAMPLES: dict[re.Pattern[Any], tuple[Any, ...]] = {}

# The methods of a compiled pattern that a LazyPattern hands on once compiled.
METHODS = ("search", "match", "fullmatch", "sub", "subn", "split", "finditer", "findall")


class LazyPattern:
    """A pattern compiled on its first use, then as fast as the compiled one.

    Compiling is the costly part of starting gongwen (a class of Han
    characters alone takes the re module about a millisecond to build), and
    one run uses only some of the patterns: each pays when first used, and
    then only what taking it from the cache of compiled patterns costs
    (pattern_cache.py). The first call of a method puts the compiled
    pattern's bound methods on the instance, where later calls find them
    directly.
    """

    def __init__(self, regex: str | bytes, flags: int) -> None:
        self.pattern = regex
        self.given_flags = flags

    def compiled(self) -> re.Pattern[Any]:
        from converter.pattern_cache import compile_pattern

        compiled = compile_pattern(self.pattern, self.given_flags, known_patterns)
        for name in METHODS:
            setattr(self, name, getattr(compiled, name))
        self.__dict__["compiled"] = lambda: compiled
        return compiled

    def search(self, *args: Any) -> Any:
        return self.compiled().search(*args)

    def match(self, *args: Any) -> Any:
        return self.compiled().match(*args)

    def fullmatch(self, *args: Any) -> Any:
        return self.compiled().fullmatch(*args)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().split(*args, **kwargs)

    def finditer(self, *args: Any) -> Any:
        return self.compiled().finditer(*args)

    def findall(self, *args: Any) -> Any:
        return self.compiled().findall(*args)

    def __getattr__(self, name: str) -> Any:       # groups, groupindex, flags …: rarely asked
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"pattern({self.pattern!r})"


def known_patterns() -> list[tuple[str | bytes, int]]:
    """Every pattern made so far (those of the modules imported), as (regex, flags)."""
    lazy = [p for p in cast("list[object]", list(EXAMPLES)) if isinstance(p, LazyPattern)]
    return [(p.pattern, p.given_flags) for p in lazy]


def pattern(regex: AnyStr, *examples: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """A pattern for `regex` (compiled on first use) with its `examples`: texts (or bytes) it must find (re.search)."""
    compiled = cast("re.Pattern[AnyStr]", LazyPattern(regex, flags))
    EXAMPLES[compiled] = examples
    return compiled


def compiled(lazy: re.Pattern[AnyStr]) -> re.Pattern[AnyStr]:
    """The compiled pattern itself: what a match's `.re` is (`m.re is compiled(NOTE_START)`)."""
    return cast("re.Pattern[AnyStr]", lazy.compiled()) if isinstance(lazy, LazyPattern) else lazy


def is_pattern(value: object) -> bool:
    """A compiled pattern, or one that compiles on first use."""
    return isinstance(value, (re.Pattern, LazyPattern))
