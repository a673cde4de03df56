"""The rest of a file below a document, and where in it the lines a search looks for stand.

A file of many documents is parsed one document at a time, each on the text the one before left over
(forms/following.py). Some searches of a document go to the end of what it is given: the next head with
a 文号 (following.next_head), the first 附件 label (official.first_label). Reading the rest a line at a
time, once a document (the one that follows, the one it forwards), made the parse of a file of N
documents cost N times its lines. A `Rest` carries the places of the lines holding the characters those
searches want, found the first time one is asked and shared by every rest cut from it after (`rest_of`);
`holding` answers from them, or reads the lines of any other list. A Rest is a tuple: nothing changes
its lines under the places.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Iterable

from converter.model.text import Line, Lines


class Rest(tuple[Line, ...]):
    """lines[start:stop] of a longer text, with `places`: for each character asked of it so far, the indices
    of the lines that hold it in the text they were first found in, and where this rest starts in that text."""

    places: dict[str, tuple[list[int], int]]


def rest_of(lines: Lines, start: int, stop: int | None = None) -> Rest:
    """lines[start:stop] as a Rest, with the places `lines` has found when it is a Rest (no line read).

    (A place past `stop` is kept, never asked: `holding` is asked for indices within the rest.)"""
    rest = Rest(lines[start:stop])
    rest.places = ({char: (found, offset + start) for char, (found, offset) in lines.places.items()}
                   if isinstance(lines, Rest) else {})
    return rest


def holding(lines: Lines, char: str, start: int, end: int) -> Iterable[int]:
    """The indices in [start, end) of the lines holding `char`, in order (end at most len(lines)).

    A Rest finds them all the first time it is asked (the rests cut from it after that share them); any
    other list is read from `start` as far as the caller goes."""
    if not isinstance(lines, Rest):
        return (i for i in range(start, end) if char in lines[i].text)
    known = lines.places.get(char)
    if known is None:
        known = lines.places[char] = ([i for i, line in enumerate(lines) if char in line.text], 0)
    found, offset = known
    first, last = bisect_left(found, start + offset), bisect_left(found, end + offset)
    return (found[j] - offset for j in range(first, last))
