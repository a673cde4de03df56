"""A normalised page: its clean lines, its residue, and what the filters found on it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from converter.model.text import Line, Removed


@dataclass(frozen=True)
class Normalised:
    """The content lines of a file and everything taken out of it."""

    lines: tuple[Line, ...]
    residue: tuple[Removed, ...]
    line_count: int
    page_furniture: bool = False   # page numbers or print headers were found
    web_chrome: bool = False       # a page filter found a site's chrome

    @property
    def repair(self) -> bool:
        """Whether paragraphs split by page breaks are joined: not on a scraped page, unless it was printed."""
        return not self.web_chrome or self.page_furniture


# A page filter: clean lines in, clean lines out, what it took out in the residue.
PageFilter = Callable[[Normalised], Normalised]


def take_out(page: Normalised, drop: dict[int, str], web_chrome: bool = False) -> Normalised:
    """The page with whole lines (by input line number → reason) moved into its residue.

    `web_chrome` records that what was taken out is a site's chrome.
    """
    if not drop:
        return page
    kept = tuple(line for line in page.lines if line.n not in drop)
    removed = tuple(Removed(drop[line.n], line.n, line.raw.strip()) for line in page.lines if line.n in drop)
    return replace(page, lines=kept, residue=page.residue + removed, web_chrome=page.web_chrome or web_chrome)
