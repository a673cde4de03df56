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


def test_every_pattern_made_from_its_cached_code_is_the_pattern_re_compiles():
    from converter.pattern_cache import entry_of, from_entry

    for name, lazy in PATTERNS:
        flags = getattr(lazy, "given_flags", 0)
        assert from_entry(lazy.pattern, entry_of(lazy.pattern, flags)) == re.compile(lazy.pattern, flags), name


@pytest.fixture
def cache_at(tmp_path, monkeypatch):
    """A fresh cache at a given path, for one test (the process's own cache is opened again after)."""
    from converter import pattern_cache

    monkeypatch.setattr(pattern_cache.sys, "dont_write_bytecode", False)

    def at(path):
        monkeypatch.setattr(pattern_cache, "cache_file", lambda: path)
        pattern_cache.opened.cache_clear()
        return pattern_cache

    yield at
    pattern_cache.opened.cache_clear()


KNOWN = [(r"[一-龥]{2,4}号", 0), (r"(?P<n>\d+)条", re.IGNORECASE)]


def test_the_cache_is_written_once_read_after_and_a_damaged_one_is_passed_over(tmp_path, cache_at, monkeypatch):
    path = tmp_path / "__pycache__" / "patterns.test.regex"
    pattern_cache = cache_at(path)
    made = pattern_cache.compile_pattern(r"(?P<n>\d+)条", re.IGNORECASE, lambda: KNOWN)
    assert made == re.compile(r"(?P<n>\d+)条", re.IGNORECASE) and path.exists()
    assert set(pattern_cache.read(path)) == {(regex, int(flags)) for regex, flags in KNOWN}
    assert [p.name for p in path.parent.iterdir()] == [path.name]         # no temporary file left
    written = path.stat().st_mtime_ns
    cache_at(path)                                                          # a later run: read, nothing to write
    assert pattern_cache.compile_pattern(r"[一-龥]{2,4}号", 0, lambda: KNOWN).search("第十二号") is not None
    assert path.stat().st_mtime_ns == written
    path.write_bytes(b"damaged")
    cache_at(path)
    monkeypatch.setattr(pattern_cache.sys, "dont_write_bytecode", True)      # and not written again
    assert pattern_cache.compile_pattern(r"\d+", 0, lambda: KNOWN).fullmatch("12")
    assert path.read_bytes() == b"damaged"


def test_a_folder_that_cannot_be_written_compiles_only_the_pattern_used(tmp_path, cache_at, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    pattern_cache = cache_at(blocked / "__pycache__" / "patterns.test.regex")
    made = []
    monkeypatch.setattr(pattern_cache, "entry_of", lambda *key: made.append(key))
    assert pattern_cache.compile_pattern(r"(?P<n>\d+)条", re.IGNORECASE, lambda: KNOWN) == re.compile(
        r"(?P<n>\d+)条", re.IGNORECASE)
    assert made == [] and pattern_cache.opened().path is None               # no work for a cache never written


def test_a_re_module_of_other_steps_falls_back_to_re_compile(tmp_path, cache_at, monkeypatch):
    path = tmp_path / "__pycache__" / "patterns.test.regex"
    pattern_cache = cache_at(path)

    def missing_step(regex, flags):
        raise AttributeError("module 're._compiler' has no attribute '_code'")

    monkeypatch.setattr(pattern_cache, "entry_of", missing_step)
    assert pattern_cache.compile_pattern(r"[一-龥]{2,4}号", 0, lambda: KNOWN) == re.compile(r"[一-龥]{2,4}号")
    assert not path.exists()


def test_code_that_is_not_re_compiles_is_never_kept(tmp_path, cache_at, monkeypatch):
    path = tmp_path / "__pycache__" / "patterns.test.regex"
    pattern_cache = cache_at(path)
    wrong = pattern_cache.entry_of(r"\d+号", 0)                              # the code of another pattern
    monkeypatch.setattr(pattern_cache, "entry_of", lambda regex, flags: wrong)
    assert pattern_cache.compile_pattern(r"[一-龥]{2,4}号", 0, lambda: KNOWN).search("第十二号") is not None
    assert path.exists() and pattern_cache.read(path) == {}                # written, without the wrong entries


def test_without_bytecode_writing_a_miss_costs_no_look_at_the_other_patterns(tmp_path, cache_at, monkeypatch):
    pattern_cache = cache_at(tmp_path / "__pycache__" / "patterns.test.regex")
    monkeypatch.setattr(pattern_cache.sys, "dont_write_bytecode", True)
    asked = []
    made = pattern_cache.compile_pattern(r"\d+号", 0, lambda: asked.append(1) or KNOWN)
    assert made == re.compile(r"\d+号") and asked == [] and not (tmp_path / "__pycache__").exists()
