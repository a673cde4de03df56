"""Compiled patterns kept between runs, as Python keeps compiled modules.

Compiling gongwen's patterns costs more than converting a megabyte: the re
module builds each class of Han characters (tens of thousands of code
points) in a Python loop, about a millisecond each, and a conversion uses
a few hundred such classes. What re.compile makes of a pattern is a list of
integers for its C engine; that list is written once, beside the package's
bytecode (`__pycache__/patterns.<interpreter>.regex`, where Python itself
would write, and only where it would), and later runs hand it to the
engine directly: all the patterns in 3 ms instead of 300 ms.

The list is what re.compile computes, by the same steps of the re module
(its parser and its code generator), and it is kept only when the pattern
made from it equals re.compile's (the engine compares their code). The
cache is keyed by the interpreter's version and the engine's, so a new
Python builds it again; anything unexpected (a folder that cannot be
written, a damaged file, a re module whose steps differ, an engine that
does not take the list) falls back to re.compile.
"""

from __future__ import annotations

import array
import functools
import importlib
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any, Callable

# The regular-expression engine of the interpreter (C), what re.compile hands its code to.
_sre = importlib.import_module("_sre")
# What the cached code depends on: the interpreter and its engine.
ENGINE = f"{sys.version} {sys.implementation.cache_tag} {sys.maxunicode} sre {_sre.MAGIC}"
# (regex, flags) → (flags, code as bytes of 32-bit words, groups, groupindex, indexgroup): what the engine takes
Entry = tuple[int, bytes, int, dict[str, int], tuple[Any, ...]]
Key = tuple[str | bytes, int]
# The patterns made so far, as (regex, flags).
Known = Callable[[], list[tuple[str | bytes, int]]]
# The engine's code words are 32 bits (_sre.CODESIZE 4).
CODE_TYPE = "I"


def compile_pattern(regex: str | bytes, flags: int, known: Known) -> re.Pattern[Any]:
    """re.compile(regex, flags), from the cache when it holds the pattern.

    When the cache lacks this one, the known patterns it lacks are compiled
    into it at once and it is written again (the first run of an
    installation, or after a module with new patterns was imported).
    """
    cache = opened()
    key = (regex, int(flags))
    entry = cache.table.get(key)
    if entry is None:
        entry = cache.add(known).get(key)
    if entry is not None:
        made = from_entry(regex, entry)
        if made is not None:
            return made
    return re.compile(regex, flags)


class Cache:
    """The cache file's table, read once a process, and how many known patterns it was last brought up to."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.table = read(path) if path is not None else {}
        self.known = 0

    def add(self, known: Known) -> dict[Key, Entry]:
        """The table with the known patterns it lacks added and written; unchanged where it cannot be written."""
        if self.path is None or sys.dont_write_bytecode:
            return self.table
        patterns = known()
        if len(patterns) <= self.known:
            return self.table
        self.known = len(patterns)
        missing = [(regex, int(flags)) for regex, flags in patterns if (regex, int(flags)) not in self.table]
        if not missing:
            return self.table
        if not writable(self.path.parent):     # a read-only install: compile each pattern when used, as re does
            self.path = None
            return self.table
        try:
            entries = {key: entry_of(*key) for key in missing}
        except Exception:       # a re module whose steps differ: re.compile from now on
            self.path = None
            return self.table
        self.table.update({key: entry for key, entry in entries.items() if agrees(key, entry)})
        write(self.path, self.table)
        return self.table


@functools.cache
def opened() -> Cache:
    return Cache(cache_file())


def from_entry(regex: str | bytes, entry: Entry) -> re.Pattern[Any] | None:
    try:
        final_flags, code, groups, groupindex, indexgroup = entry
        made: re.Pattern[Any] = _sre.compile(regex, final_flags, array.array(CODE_TYPE, code).tolist(),
                                             groups, groupindex, indexgroup)
        return made
    except Exception:       # an engine that takes its code otherwise: compile as usual
        return None


def entry_of(regex: str | bytes, flags: int) -> Entry:
    """What re.compile hands the engine for this pattern (the steps of re._compiler.compile)."""
    modern = sys.version_info >= (3, 11)       # before 3.11 the same steps had older names
    parser = importlib.import_module("re._parser" if modern else "sre_parse")
    compiler = importlib.import_module("re._compiler" if modern else "sre_compile")
    parsed = parser.parse(regex, flags)
    code = compiler._code(parsed, flags)
    state = parsed.state
    indexgroup: list[Any] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return (int(flags | state.flags), array.array(CODE_TYPE, code).tobytes(), state.groups - 1,
            dict(state.groupdict), tuple(indexgroup))


def agrees(key: Key, entry: Entry) -> bool:
    """The pattern made from the entry is re.compile's (same flags, same engine code): only such entries are kept."""
    regex, flags = key
    try:
        return from_entry(regex, entry) == re.compile(regex, flags)
    except re.error:
        return False


def cache_file() -> Path | None:
    """Where the cache is, beside the package's bytecode (None: Python would not write bytecode here)."""
    try:
        from importlib.util import cache_from_source

        return Path(cache_from_source(str(Path(__file__).with_name("patterns.py")))).with_name(
            f"patterns.{sys.implementation.cache_tag}.regex")
    except (NotImplementedError, ValueError):
        return None


def cache_version() -> str:
    """The engine's version and gongwen's: a new gongwen starts a new cache (no patterns of old ones kept)."""
    return f"{ENGINE} gongwen {getattr(sys.modules.get('converter'), '__version__', '')}"


def read(path: Path) -> dict[Key, Entry]:
    try:
        version, table = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return table if version == cache_version() and isinstance(table, dict) else {}


def writable(folder: Path) -> bool:
    """The folder exists (or can be made) and a file can be created in it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def write(path: Path, table: dict[Key, Entry]) -> None:
    """Write atomically (a concurrent run reads the old file or the new one); a folder we cannot write is fine."""
    import tempfile

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            if hasattr(os, "fchmod"):       # readable as the bytecode beside it (mkstemp makes it private)
                os.fchmod(out.fileno(), os.stat(__file__).st_mode & 0o666)
            out.write(marshal.dumps((cache_version(), table)))
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
