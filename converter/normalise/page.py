"""A normalised page: its clean lines, its residue, and what the filters found on it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from converter.model.page import PageFact
from converter.model.text import Line, Removed, removed_line


@dataclass(frozen=True, eq=False, repr=False)
class Normalised:
    """The content lines of a file and everything taken out of it."""

    lines: tuple[Line, ...]
    residue: tuple[Removed, ...]
    line_count: int
    page_furniture: bool = False   # page numbers or print headers were found
    web_chrome: bool = False       # a page filter found a site's chrome
    html: bool = False             # the input is HTML source: its block tags mark every paragraph
    links: frozenset[tuple[int, int]] = frozenset()   # positions of lines that are only links' text (HTML)
    facts: tuple[PageFact, ...] = ()                  # the page record: catalogue and byline fields
    warnings: tuple[tuple[int, str], ...] = ()        # (line, message) from the page filters

    @property
    def repair(self) -> bool:
        """Whether paragraphs split by page breaks are joined: not on a scraped page, unless it was printed.

        HTML marks the start of every block, so joining the lines inside one block is safe there.
        """
        return self.html or not self.web_chrome or self.page_furniture


# A page filter: clean lines in, clean lines out, what it took out in the residue.
PageFilter = Callable[[Normalised], Normalised]


def take_out(page: Normalised, drop: dict[int, str], web_chrome: bool = False) -> Normalised:
    """The page with whole lines (by input line number → reason) moved into its residue.

    `web_chrome` records that what was taken out is a site's chrome.
    """
    if not drop:
        return page
    kept = tuple(line for line in page.lines if line.n not in drop)
    removed = tuple(item for line in page.lines if line.n in drop for item in removed_line(drop[line.n], line))
    return replace(page, lines=kept, residue=page.residue + removed, web_chrome=page.web_chrome or web_chrome)


def take_out_at(page: Normalised, drop: dict[int, str], web_chrome: bool = True) -> Normalised:
    """The page with the lines at these indexes of `page.lines` (index → reason) moved into its residue.

    By index, not by line number: HTML printed on one source line gives many Lines of one number.
    """
    if not drop:
        return page
    kept = tuple(line for i, line in enumerate(page.lines) if i not in drop)
    removed = tuple(item for i, line in enumerate(page.lines) if i in drop for item in removed_line(drop[i], line))
    return replace(page, lines=kept, residue=page.residue + removed, web_chrome=page.web_chrome or web_chrome)
