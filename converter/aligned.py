"""The lossless check of a text input that fits in memory, decided line by line on the texts as printed.

(An HTML page keeps lossless.check's streamed check: its lines hold their markup, so few stand in the flow as
printed, and each would be read twice.)

lossless.check reads the reading characters (reading.py) of every input line and of the whole flow, and
compares each line's with the flow's next ones. Most lines stand in the flow as printed, but for the white
space normalise took out or changed. Taken out of both texts the white space (KEPT_OUT: never reading text),
and with their digits folded, such a line's text is the canonical flow's next text, and then its reading
characters are the flow's next ones: a text's reading characters are those of its characters one by one, in
order (a character is reading text or not by itself, a digit folds by itself, and white space is none). Such a
line is checked by that one comparison; the others are read, the line and the flow's next characters, and
go through the steps lossless.check takes (lossless_lines.line_step). The state carried from line to line is
lossless.check's: the flow's reading characters not yet taken are those of the canonical flow from `at` on,
and `carried` what an anchored item still needs.
"""

from __future__ import annotations

import re

from converter.lossless_lines import Loss, at_end, line_step, take_items
from converter.normalise.lines import split_lines
from converter.reading import (BEYOND_BMP_LEADS, OTHER_DIGIT_HIGHS, OTHER_DIGIT_LEADS, READING_RUN, READING_RUN_BMP,
                               fold_digits)

# The white space taken out of both texts before they are compared (none of it is reading text, nor a line end).
KEPT_OUT = (" ", "\u3000", "\t", "\xa0")


def check(input_text: str, flow_utf8: bytes, residue: dict[int, list[str]]) -> Loss | None:
    """lossless.check of a text input (not an HTML page), given the flow as lxml writes it and the reading
    characters of the line-anchored items by line (lossless.residue_by_line)."""
    flow, flow_runs = canonical_flow(flow_utf8)
    lines, line_runs = input_lines(input_text)
    at = 0
    carried = ""
    for n, line in enumerate(lines, start=1):
        if not carried:
            taken = residue.get(n)
            if taken is None:
                if flow.startswith(line, at):
                    at += len(line)     # the common line, as printed next in the flow
                    continue
                chars = "".join(line_runs.findall(line))
                if not chars:
                    continue            # (the common line too: nothing to find in the flow)
            else:
                chars = "".join(line_runs.findall(line))
                if take_items(chars, taken) == ("", ""):
                    # wholly its items': line_step takes none of the flow (what is left, "", fits any flow)
                    continue
        else:
            chars = "".join(line_runs.findall(line))
            taken = residue.get(n)
        starts, texts = runs_ahead(flow, at, len(chars), flow_runs)
        ahead = "".join(texts)
        if not carried and taken is None and ahead.startswith(chars):
            used = len(chars)           # (the common line of lossless.check)
        else:
            step = line_step(n, chars, taken or [], carried, ahead, 0)
            if isinstance(step, Loss):
                return step
            used, carried = step
        at = after(starts, texts, used, at)
    return at_end(carried, "".join(runs_ahead(flow, at, 40, flow_runs)[1]))


def canonical_flow(data: bytes) -> tuple[str, re.Pattern[str]]:
    """The flow's text (UTF-8, as lxml writes it) without KEPT_OUT, its digits folded; the pattern of its
    reading runs. Its bytes tell whether it holds characters beyond the BMP or digits neither ASCII nor
    full-width (reading.utf8_reading)."""
    beyond = any(lead in data for lead in BEYOND_BMP_LEADS)
    others = any(lead in data for lead in OTHER_DIGIT_LEADS)
    return fold_digits(without_space(data.decode()), beyond, others), READING_RUN if beyond else READING_RUN_BMP


def input_lines(text: str) -> tuple[list[str], re.Pattern[str]]:
    """The input's lines as reading.input_reading_chars reads them, without KEPT_OUT, digits folded; the
    pattern of their reading runs. The UTF-16 of the lines tells what their bytes tell of the flow's
    (reading.text_reading)."""
    if "\r" in text:
        joined = "\n".join(split_lines(text))
    else:
        joined = text[:-1] if text.endswith("\n") else text     # (read with it, the last line end opens no line)
    data = joined.encode("utf-16-le", "surrogatepass")
    beyond = len(data) != 2 * len(joined)
    highs = data[1::2]
    others = beyond or any(high in highs for high in OTHER_DIGIT_HIGHS)
    canon = fold_digits(without_space(joined), beyond, others)
    return canon.split("\n"), READING_RUN if beyond else READING_RUN_BMP


def without_space(text: str) -> str:
    for space in KEPT_OUT:
        if space in text:
            text = text.replace(space, "")
    return text


def runs_ahead(flow: str, at: int, need: int, runs: re.Pattern[str]) -> tuple[list[int], list[str]]:
    """The canonical flow's reading runs from `at` on, until they hold `need` characters or the flow ends:
    where each starts, and its text (the flow's reading characters from `at`: all those a line's steps read)."""
    starts: list[int] = []
    texts: list[str] = []
    if need <= 0:
        return starts, texts
    for m in runs.finditer(flow, at):
        starts.append(m.start())
        texts.append(m.group())
        need -= len(texts[-1])
        if need <= 0:
            break
    return starts, texts


def after(starts: list[int], texts: list[str], used: int, at: int) -> int:
    """Where the canonical flow goes on once `used` of the reading characters of these runs (from `at`) are
    taken: just after the last taken (a character of the flow is one of its reading characters, or none)."""
    if used <= 0:
        return at
    for start, text in zip(starts, texts):
        if used <= len(text):
            return start + used
        used -= len(text)
    raise ValueError("more taken than the runs hold")
