"""Every pattern of the converter is a named constant with examples it must find (patterns.pattern)."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import converter
from converter.patterns import EXAMPLES


def module_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for info in pkgutil.walk_packages(converter.__path__, "converter."):
        if info.name == "converter.__main__":
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and getattr(module, "__name__", "") == info.name:
                found.append((f"{info.name}.{name}", value))
            elif isinstance(value, dict):
                found.extend((f"{info.name}.{name}[{key!r}]", v) for key, v in value.items()
                             if isinstance(v, re.Pattern))
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
