"""The lossless check's steps on one input line (FORMAT.md): its anchored items taken out, the rest matched
with the flow's next reading characters.

lossless.check (the streamed check of a big input) and aligned.check (an input that fits in memory) go
through the lines alike; a line that is not the common one (nothing anchored to it, its reading characters
next in the flow) is decided here, given the flow's reading characters from where the line's start.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterator


@dataclass(frozen=True, eq=False, repr=False)
class Loss:
    """Where input and output part: the input line and what each side has there."""

    line: int
    expected: str
    found: str

    def __str__(self) -> str:
        return f"line {self.line}: input has {self.expected!r}, output has {self.found!r}"


# How many readings of a line by_flow_running_on checks the order of before it gives up (each costs the line)
ORDER_CHECKS = 8


def take_leading(chars: str, taken: str) -> tuple[str, str]:
    """chars without the longest start of `taken` that stands in them in order; and the rest of `taken`."""
    out, k = [], 0
    for ch in chars:
        if k < len(taken) and ch == taken[k]:
            k += 1
        else:
            out.append(ch)
    return "".join(out), taken[k:]


def take_leading_late(chars: str, taken: str) -> tuple[str, str]:
    """take_leading, the start of `taken` it finds matched as late in `chars` as it stands there.

    An item that runs on into the lines after its own ends its line: its part there is more likely the last
    characters that spell it than the first ("…索引号：1133…</td>索引号：" over "中", the value under its label).
    """
    _, more = take_leading(chars, taken)
    k = len(taken) - len(more) - 1      # (taken[:k + 1] stands in chars in order: matched from the end, it is found)
    out: list[str] = []
    for ch in reversed(chars):
        if k >= 0 and ch == taken[k]:
            k -= 1
        else:
            out.append(ch)
    return "".join(reversed(out)), more


def take_away(chars: str, taken: str) -> str | None:
    """chars without `taken`: as one run if it stands so, else as a subsequence."""
    if not taken:
        return chars
    at = chars.find(taken)
    if at >= 0:
        return chars[:at] + chars[at + len(taken):]
    rest, missing = take_leading(chars, taken)
    return rest if not missing else None


def by_flow(chars: str, taken: list[str], flow: str, pos: int) -> str | None:
    """The flow's part of a line when its anchored items leave it ambiguous, or None.

    A line may hold the same character in its text and in its markup
    ("123<?php echo 1; ?>"): taking the first "1" away for the residue leaves
    "231". Then the flow decides: the line must be the flow's next characters
    interleaved, in order, with exactly the characters of its items.
    """
    anchored = "".join(taken)
    part = flow[pos:pos + len(chars) - len(anchored)]
    if len(part) + len(anchored) != len(chars):
        return None
    left, rest = take_leading(chars, part)
    return part if not rest and Counter(left) == Counter(anchored) else None


def by_flow_running_on(chars: str, taken: list[str], flow: str, pos: int) -> tuple[str, str] | None:
    """by_flow for a line whose last item runs on into the lines after it: the flow's part of the line, and
    what the item still needs from those lines; or None.

    Which characters are the item's here is what a shared character leaves open ("123<?php echo 1; ?>
    索引号：…" over "&#49;": the item's last "1" may be the tag's). Each reading gives the item one character
    fewer on its line and the flow one more; the first where the line holds exactly the flow's part and the
    items' characters here, the flow's part in order, is it. The counts go from one reading to the next
    (`counts`: the line's characters less the flow's part and the items' here; `off`: how many are not 0),
    so the readings cost the line once; the order is checked only where the counts agree, ORDER_CHECKS times
    at most.
    """
    last = taken[-1]
    size = len(chars) - sum(len(item) for item in taken)    # the flow's part when nothing runs on
    counts = Counter(chars)
    counts.subtract("".join(taken))
    counts.subtract(flow[pos:pos + max(size, 0)])
    off = sum(1 for count in counts.values() if count)

    def bump(ch: str, by: int) -> int:
        before = counts[ch]
        counts[ch] = before + by
        return (before + by != 0) - (before != 0)

    checks = 0
    for j in range(1, len(last)):       # j characters of the last item on the lines after (one at least here)
        off += bump(last[-j], 1)
        if size + j > 0:
            if pos + size + j > len(flow):
                return None
            off += bump(flow[pos + size + j - 1], -1)
        if size + j < 0 or off:
            continue
        part = flow[pos:pos + size + j]
        if not take_leading(chars, part)[1]:
            return part, last[-j:]
        checks += 1
        if checks == ORDER_CHECKS:
            return None
    return None


def take_items(chars: str, taken: list[str], late: bool = False) -> tuple[str, str] | None:
    """chars without the anchored items of its line, in turn; what they still need from the lines after it.

    None when an item has none of its characters on its line (one without reading characters does not count:
    a line read from several source lines starts where its first printed character stands). `late`: the part
    of an item that runs on is taken as late in the line as it stands (take_leading_late).
    """
    carried = ""
    for item in taken:
        left = take_away(chars, item)
        if left is None:
            chars, more = take_leading_late(chars, item) if late else take_leading(chars, item)
            if more == item and chars:
                return None
            carried += more
        else:
            chars = left
    return chars, carried


def fits(result: tuple[str, str] | None, flow: str, pos: int) -> bool:
    """Whether what take_items left of a line is the flow's next characters."""
    return result is not None and flow.startswith(result[0], pos)


def other_readings(chars: str, taken: list[str]) -> Iterator[tuple[str, str] | None]:
    """take_items of a line in the other ways its items may stand in it, when the first does not fit the flow.

    Items of one line may share characters (a tag's "1", a page fact's "11330000"): taken in document order,
    one may take the other's; longest first, each keeps its own. An item that runs on into the next lines may
    stand at the line's end rather than where its first characters first appear (take_leading_late). Any way
    that fits the flow accounts for every character of the line, so it proves the line kept as well.
    """
    longest_first = sorted(taken, key=len, reverse=True)
    if len(taken) > 1:
        yield take_items(chars, longest_first)
    yield take_items(chars, taken, late=True)
    if len(taken) > 1:
        yield take_items(chars, longest_first, late=True)


def line_step(n: int, chars: str, taken: list[str], carried: str, flow: str, pos: int) -> Loss | tuple[int, str]:
    """A line that is not the common one: how many of the flow's reading characters from `pos` it takes and what
    its anchored items (`taken`) still need from the lines after it; or where it loses text."""
    if carried and chars and not (taken and take_items(chars, taken) == ("", "")):
        # (a line wholly its own items', a tag between, <span class="s3">, is passed over: its text is theirs,
        # even where the item running on spells the same words)
        rest_of_line, still = take_leading(chars, carried)
        if still == carried:
            # none of it here, and the line is not wholly its own residue
            return Loss(n, chars, f"residue running on {carried!r}")
        chars, carried = rest_of_line, still
    result = take_items(chars, taken)
    if result is None or result[1] or not fits(result, flow, pos):
        alone = by_flow(chars, taken, flow, pos)
        if alone is not None:
            result = (alone, "")
        elif taken and not fits(result, flow, pos):     # (only where the reading above fails: else it stands)
            # (the last way: a character both the flow and an item running on hold, which only the flow tells)
            result = next((other for other in other_readings(chars, taken) if fits(other, flow, pos)), None) \
                or by_flow_running_on(chars, taken, flow, pos) or result
    if result is None:
        return Loss(n, chars, f"residue {taken!r}")
    rest, more = result
    got = flow[pos:pos + len(rest)]
    if got != rest:
        return Loss(n, rest, got)
    return len(rest), carried + more


def at_end(carried: str, rest: str) -> Loss | None:
    """After the last line: what an anchored item still needs, or the flow's reading characters left (`rest`)."""
    if carried:
        return Loss(0, "", f"residue running past the end {carried!r}")
    if rest:
        return Loss(0, "", rest[:40])
    return None
