"""The 文种 word a title ends in: its last word, before a bracketed note.

    某某县城市绿化管理办法（试行）        → 办法 (the form word before a bracketed note)
    《某某省水资源管理条例》              → 条例 (a page names the document it prints in 《》)
    某某县人民政府公报                    → none: a 政府公报 is a bulletin issue, not the 文种 公报

What a document that prints no title (or a title that names no form) goes
by is the frame's to say (Head.title_text: the name the issuing document
gives it, else the formula its body names itself by).
"""

from __future__ import annotations

import functools

from converter.rules import TITLE_SUFFIX

# A title ending so names a 政府公报 issue (a bulletin), which is no 公报 (communique).
BULLETIN_TITLE_END = "政府公报"


def without_note(title: str) -> str:
    """The title without the bracketed notes after its form word: （试行）, （修订草案）（征求意见稿）."""
    title = title.strip()
    if title.startswith("《") and title.endswith("》") and title.count("《") == 1:
        title = title[1:-1].strip()
    for _ in range(2):
        if not title.endswith(("）", ")")):
            break
        cut = TITLE_SUFFIX.search(title)
        if cut is None or cut.start() == 0:
            break
        title = title[:cut.start()].rstrip()
    return title


@functools.lru_cache(maxsize=4096)
def title_word(title: str, words: tuple[str, ...]) -> str | None:
    """The word of `words` the title ends in, before any bracketed note (（试行） （草案）).

    Cached: every form in the registry's order asks it of the same title in turn (a pure
    function of a str and a tuple of str; bounded).
    """
    bare = worded_title(title)
    if bare is None:
        return None
    return next((word for word in sorted(words, key=len, reverse=True) if bare.endswith(word)), None)


@functools.lru_cache(maxsize=4096)
def worded_title(title: str) -> str | None:
    """The title as title_word reads it for its word (without its notes), or None when it names no 文种 at
    all (a 政府公报 issue). Cached: a pure function of a str (bounded); each form's claim asks it of one title."""
    title = without_note(title)
    return None if title.endswith(BULLETIN_TITLE_END) else title


def ends_in_word(title: str, words: tuple[str, ...]) -> bool:
    """title_word(title, words) is not None, without the choice of the longest word: the title ends in one
    of them (str.endswith of the tuple tries each, as next() over the sorted words does)."""
    bare = worded_title(title)
    return bare is not None and bare.endswith(words)


