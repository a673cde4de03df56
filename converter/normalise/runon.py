"""A page filter for a document flattened onto one line: split it where its lines were.

A forum or a database that drops line breaks leaves a whole 公文 on one line:
title, 文号, preamble and the numbered items one after another, only white
space where the breaks were:

    关于…的通告 陆府通〔2019〕2号 为…现将有关事项通告如下: 一、…。 二、…。 三、…。 此告

Such a line is told by its numbering: at least two numbers of one style in
sequence (一、 then 二、), each standing after the end of a sentence (。 ： ；)
and white space. It is then cut into pieces — before each such number, after
every sentence end followed by white space, and around a 文号 standing between
spaces — and each piece is a line of its own (with the input line's number),
so the frame and the sections see the document as printed. Without white
space a long line is cut only when it is the whole text (a file of one or two
lines), and then only before its numbers. Nothing is taken out: the white
space at a cut is no reading text.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import compress, count
from operator import attrgetter

from converter.model.text import Line, piece_of
from converter.normalise.page import Normalised
from converter.numerals import cn_number
from converter.patterns import pattern
from converter.rules import DOC_NUMBER, SECTION_RULES

# A line shorter than this is never a flattened document.
RUN_ON_MIN = 120
# A Line's clean text
TEXT = attrgetter("text")
# A file of at most this many lines may be one document on one line even without spaces at its breaks.
WHOLE_TEXT_LINES = 2
# Where a number may start a flattened line: after a sentence end, with or without white space
# (the match's end). The mark is matched, not looked behind for: a search then starts only at marks.
AFTER_SENTENCE = pattern(r"[。！？!?：:；;](?P<space>\s*)(?=\S)", "如下: 一、", "实施。二、")
# … with white space after the mark: the matches of AFTER_SENTENCE whose space is not empty (a match
# takes a mark and the white space after it, and white space is no mark, so the two meet the same
# marks), without a match object for each mark of a long line that no white space follows
SPACED_AFTER_SENTENCE = pattern(r"[。！？!?：:；;]\s+(?=\S)", "如下: 一、")
# A sentence end followed by white space: a flattened line break.
SENTENCE_BREAK = pattern(r"(?<=[。！？!?])\s+(?=\S)", "实施。 此告")
# White space on either side of a 文号 (or the line's ends) marks it as a line of its own.
SPACED_DOC_NUMBER = pattern(rf"(?:(?<=\s)|^)(?:{DOC_NUMBER.pattern})(?=\s|$)", "的 陆府通〔2019〕2号 为")
# A division of a regulation after white space: "…总则 第一条 为了…" (a heading, then its first article)
# (The white space is matched, not looked behind for: a search then starts only at white space; the
# match ends where the look-behind stood, and the white space before a 第 is never another's.)
SPACED_DIVISION = pattern(r"\s(?=第\s{0,2}[〇零○一二三四五六七八九十百千两0-9０-９]{1,7}\s{0,2}[编章节条])",
                          "第一章 总则 第一条 为了")
# The numbering styles a flattened line is cut at (the numbered sections'; 第X编 … 第X条 too).
STYLES = tuple(rule for rule in SECTION_RULES if rule.kind != "subchapter") + tuple(
    rule for rule in SECTION_RULES if rule.kind == "subchapter")


def numbered_cuts(text: str, spaced: bool) -> list[int]:
    """Where numbers of a style in sequence start after a sentence end (the white space before them skipped).

    With `spaced`, white space must stand before each; a 第X章 or 第X条 may also follow a heading so.
    """
    found: dict[str, list[tuple[int, int]]] = {}
    starts = {m.end() for m in (SPACED_AFTER_SENTENCE if spaced else AFTER_SENTENCE).finditer(text)}
    if spaced and "第" in text:            # (what SPACED_DIVISION looks for starts with 第)
        starts.update(m.end() for m in SPACED_DIVISION.finditer(text))
    for at in sorted(starts):
        for rule in STYLES:
            hit = rule.pattern.match(text, at)
            if hit:
                number = cn_number(hit.group("n"))
                if number is not None:
                    found.setdefault(rule.kind, []).append((at, number))
                break
    cuts: list[int] = []
    for numbers in found.values():
        for (a, first), (b, second) in zip(numbers, numbers[1:]):
            if second == first + 1:
                cuts.extend((a, b))
    return sorted(set(cuts))


def cut_points(text: str, whole_text: bool) -> list[tuple[int, int]]:
    """(end of a piece, start of the next) for each cut of a flattened line; none for any other line."""
    if len(text) < RUN_ON_MIN:
        return []
    numbered = numbered_cuts(text, spaced=True)
    if not numbered and whole_text:
        numbered = numbered_cuts(text, spaced=False)
        return [(at, at) for at in numbered]
    if not numbered:
        return []
    cuts = {at: at for at in numbered}
    for m in SENTENCE_BREAK.finditer(text):
        cuts[m.end()] = m.end()
    for m in SPACED_DOC_NUMBER.finditer(text):
        cuts[m.start()] = m.start()
        cuts[m.end()] = m.end()
    points = []
    for at in sorted(cuts):
        if 0 < at < len(text):
            end = at
            while end > 0 and text[end - 1].isspace():
                end -= 1
            start = at
            while start < len(text) and text[start].isspace():
                start += 1
            points.append((end, start))
    return points


def pieces(line: Line, points: list[tuple[int, int]]) -> list[Line]:
    """The line cut at `points`: each piece a Line with the input line's number."""
    out: list[Line] = []
    start = 0
    for end, following in points + [(len(line.text), len(line.text))]:
        if end > start:
            out.append(piece_of(line, start, end, first=not out))
        start = following
    return out


def split_run_on(page: Normalised) -> Normalised:
    """The page with each flattened document line cut into the lines it was printed as."""
    whole_text = len(page.lines) <= WHOLE_TEXT_LINES
    cuts: dict[int, list[tuple[int, int]]] = {}
    # only a line of RUN_ON_MIN characters or more is ever cut (cut_points gives a shorter one none): the
    # long lines' indexes are picked by C-level iteration (map, compress), not a Python loop over every
    # line, and each other line stays as it is
    for k in compress(count(), map(RUN_ON_MIN.__le__, map(len, map(TEXT, page.lines)))):
        text = page.lines[k].text
        # a table row (tab- or pipe-separated) keeps its numbered cell text: "1.…； 2.…"; but in a file
        # of one or two lines, a line without white space is cut nowhere (the cheap test, for most long
        # lines: every spaced cut follows white space, and a printable line holds none but U+0020; the
        # space is looked for first, a scan for one character being a fraction of str.isprintable's)
        if "\t" not in text and "|" not in text and (whole_text or " " in text or not text.isprintable()):
            points = cut_points(text, whole_text)
            if points:
                cuts[k] = points
    if not cuts:
        return page
    lines: list[Line] = []
    for k, line in enumerate(page.lines):
        if k in cuts:
            lines.extend(pieces(line, cuts[k]))
        else:
            lines.append(line)
    return replace(page, lines=tuple(lines))
