"""Every pattern of the converter is a named constant with examples it must find (patterns.pattern)."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import converter
from converter.patterns import EXAMPLES, is_pattern


def module_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for info in pkgutil.walk_packages(converter.__path__, "converter."):
        if info.name == "converter.__main__":
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if is_pattern(value) and getattr(module, "__name__", "") == info.name:
                found.append((f"{info.name}.{name}", value))
            elif isinstance(value, dict):
                found.extend((f"{info.name}.{name}[{key!r}]", v) for key, v in value.items()
                             if is_pattern(v))
    return found


PATTERNS = module_patterns()


def test_the_package_has_patterns_to_check():
    assert len(PATTERNS) > 60


@pytest.mark.parametrize("name, compiled", PATTERNS, ids=[name for name, _ in PATTERNS])
def test_every_pattern_has_examples_it_finds(name, compiled):
    examples = EXAMPLES.get(compiled)
    assert examples, f"{name} is not made by patterns.pattern() with examples"
    for example in examples:
        assert compiled.search(example), f"{name} does not find its example {example!r}"


def test_a_pattern_compiles_on_first_use_and_then_answers_as_the_compiled_one():
    from converter.patterns import LazyPattern, compiled, pattern

    lazy = pattern(r"(?P<n>\d+)号", "1号")
    assert isinstance(lazy, LazyPattern) and "compiled" not in vars(lazy)    # nothing compiled at import
    real = re.compile(r"(?P<n>\d+)号")
    text = "第1号 第22号 号"
    assert lazy.search(text).group("n") == real.search(text).group("n") == "1"
    assert "compiled" in vars(lazy)
    assert lazy.match(text) is None and lazy.fullmatch("3号").group() == "3号"
    assert lazy.sub("#", text) == real.sub("#", text) and lazy.split(text) == real.split(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.findall(text) == ["1", "22"] and lazy.groupindex == {"n": 1}
    assert lazy.search(text).re is compiled(lazy)       # how a handler tells which rule matched
