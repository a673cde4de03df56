"""Every regular expression of gongwen is made here, with the examples it must match.

`pattern(regex, *examples)` compiles a pattern and files the examples its
comment promises; `tests/test_patterns.py` checks every module-level pattern
of the package against them, so a pattern without an example, or one that
no longer finds its example, fails the tests.

The character classes are spelled once, here.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr

# Han ideographs: CJK unified, extension A, compatibility ideographs, and 〇 (a numeral zero).
HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# CJK text, punctuation included: dashes, quotes, …, ideographic punctuation and full-width forms.
CJK = "\u2014\u2018-\u201f\u2026\u3000-\u303f" + HAN[1:] + "\uff00-\uffef"

# pattern → the examples it must find (filled as modules are imported; read by the tests)
EXAMPLES: dict[re.Pattern[Any], tuple[Any, ...]] = {}


def pattern(regex: AnyStr, *examples: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """Compile `regex` and file `examples`: texts (or bytes) the pattern must find (re.search)."""
    compiled = re.compile(regex, flags)
    EXAMPLES[compiled] = EXAMPLES.get(compiled, ()) + examples
    return compiled
