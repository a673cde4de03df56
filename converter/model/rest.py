"""The rest of a file below a document, and where in it the lines a search looks for stand.

A file of many documents is parsed one document at a time, each on the text the one before left over
(forms/following.py). Some searches of a document go to the end of what it is given: the next head with
a 文号 (following.next_head), the first 附件 label (official.first_label). Reading the rest a line at a
time, once a document (the one that follows it, the one it forwards), made the parse of a file of N documents cost N times its lines. A `Rest` carries
the places of the lines holding the characters those searches want, found once for the file and shared
by every rest cut from it (`rest_of`); `holding` answers from them, or reads the lines of any other list.
A Rest is a tuple: nothing changes its lines under the places.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterable

from converter.model.text import Line, Lines

# The characters whose lines are found once for a file: 号 (in every 文号), 附 (in every 附件 label)
INDEXED = ("号", "附")


class Rest(tuple[Line, ...]):
    """lines[start:stop] of a longer text, with `places`: for each INDEXED character, the indices of the lines
    that hold it in the text the first rest was cut from, and where this rest starts in that text."""

    places: dict[str, tuple[list[int], int]]


def rest_of(lines: Lines, start: int, stop: int | None = None) -> Rest:
    """lines[start:stop] as a Rest: its places those of `lines` when that is a Rest (no line read), else found.

    (A place past `stop` is kept, never asked: `holding` is asked for indices within the rest.)"""
    rest = Rest(lines[start:stop])
    if isinstance(lines, Rest):
        rest.places = {char: (found, offset + start) for char, (found, offset) in lines.places.items()}
    else:
        found: dict[str, list[int]] = {char: [] for char in INDEXED}
        for i, line in enumerate(rest):
            for char in INDEXED:
                if char in line.text:
                    found[char].append(i)
        rest.places = {char: (indices, 0) for char, indices in found.items()}
    return rest


def holding(lines: Lines, char: str, start: int, end: int) -> Iterable[int]:
    """The indices in [start, end) of the lines holding `char`, in order (end at most len(lines))."""
    if isinstance(lines, Rest) and char in lines.places:
        found, offset = lines.places[char]
        first, last = bisect_left(found, start + offset), bisect_left(found, end + offset)
        return (found[j] - offset for j in range(first, last))
    return (i for i in range(start, end) if char in lines[i].text)
