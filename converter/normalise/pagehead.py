"""A web page's own head: what the site prints above a document about the page, not the document.

A site prints a page title above the document: the document's title again
(sometimes twice more, with the site's catalogue lines between), the title
with a column or site name before or after it, or the title of the document
the page issues; a mirror prints a header that repeats the issuer and date
the document is signed with; and some templates print the title and first
sentence again after the text. The document keeps its own title, the one
nearest its text; the rest goes to residue as `web-chrome`:

- copies of the page title in the head: all but the last, and what stands
  between the first and the last copy (a 文号 or 发文机关标志 stays);
- a head line that holds another with a column or site name before or
  after it (关于…的通知_某某县人民政府网): the earlier of the two;
- a complete title (one that ends in a 文种 word) followed in the head by
  another complete title: the first is the page's, the second the document's;
- a date line in the head that the signature at the end repeats, and an
  organ line it repeats with it (a mirror's header);
- after the text, a copy of the title followed by the start of the text;
- a column name bracketed or barred before the page title (【通知公告】关于…)
  is split off the line.

Only on a web page (chrome or a page record found, or HTML input), and not
on one that prints a 目录 (a bulletin's table of contents lists titles too).
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import replace
from typing import Callable, Sequence

from converter.model.text import Line, Removed, collapse
from converter.normalise.catalogue import NUMERIC_DATE
from converter.normalise.headers import title_key
from converter.normalise.page import Normalised, take_out_at
from converter.normalise.region import TEXT_MARK, head_end
from converter.patterns import HAN, pattern
from converter.rules import DATE, DOC_NUMBER, ISSUER_MARK, ORGAN_SUFFIX, TITLE_FORM_WORD
from converter.values import iso_date

# A column name before the page title: "【通知公告】关于…的通知", "政策文件 | 关于…的通知"
COLUMN_PREFIX = pattern(rf"(?P<column>[【\[][{HAN}]{{2,8}}[】\]]\s{{0,3}}|[{HAN}]{{2,8}}\s{{0,3}}[|｜]\s{{0,3}})(?P<title>.{{8,80}})",
                        "【通知公告】关于做好春季植树工作的通知")
# A table of contents heading: a page that prints one is a bulletin's, whose head lists titles.
TOC_HEADING = pattern(r"目\s{0,4}录", "目 录")
# A title key this short is no title (too many lines would match it).
TITLE_KEY_MIN = 6
# The most characters a column or site name adds around a copy of the title.
AROUND_MAX = 20
# A complete title is this long at least, and at most.
TITLE_MIN = 8
TITLE_MAX = 80
# An organ line is at most this long; the signature is looked for in this many last lines.
ORGAN_MAX = 30
SIGNATURE_LINES = 6
# A template's summary block after the text stands within this many last lines.
FOOT_LINES = 40


# The year a title is of: 1994年政府工作报告
TITLE_YEAR = pattern(r"(?:19|20)\d{2}(?=\s{0,2}年)", "1994年政府工作报告")

def drop_page_head(page: Normalised) -> Normalised:
    """Take the page's own title block out of the head of a web page."""
    if not (page.web_chrome or page.html) or len(page.lines) < 2:
        return page
    lines = page.lines
    end = head_end(lines)
    if any(TOC_HEADING.fullmatch(line.text) for line in lines[:end]):
        return page
    drop: dict[int, str] = {}
    # the head's lines are asked for their title key and shape by three of the steps: each answer is
    # kept for the page (both are pure functions of the text), so each is computed once
    key, like = functools.lru_cache(maxsize=None)(title_key), functools.lru_cache(maxsize=None)(title_like)
    title_copies(lines, end, drop, key, like)
    titles_around(lines, end, drop, key, like)
    page_title_above_title(lines, end, drop)
    mirror_header(lines, end, drop)
    repeated_start(lines, end, drop, key, like)
    return split_column_name(take_out_at(page, drop) if drop else page)


def title_like(text: str) -> bool:
    return len(text) <= TITLE_MAX and not TEXT_MARK.search(text)


def title_copies(lines: Sequence[Line], end: int, drop: dict[int, str],
                 key: Callable[[str], str] = title_key, like: Callable[[str], bool] = title_like) -> None:
    """All copies of the page title in the head but the last, and the lines between the first and the last.

    (`key` and `like` are title_key and title_like, or the page's memo of them.)
    """
    first = key(lines[0].text)
    if len(first) < TITLE_KEY_MIN or not like(lines[0].text):
        return
    copies = [i for i in range(end) if key(lines[i].text) == first]
    if len(copies) < 2:
        return
    for i in range(copies[0], copies[-1]):
        text = lines[i].text
        if i in copies or not (DOC_NUMBER.search(text) or ISSUER_MARK.fullmatch(text)):
            drop[i] = "web-chrome"


def titles_around(lines: Sequence[Line], end: int, drop: dict[int, str],
                  key: Callable[[str], str] = title_key, like: Callable[[str], bool] = title_like) -> None:
    """Of two head lines where one is a whole title and the other that title with a name before or after it, the earlier."""
    heads = [(i, key(lines[i].text)) for i in range(end) if i not in drop and like(lines[i].text)]
    titles = [(j, head) for j, head in heads if len(head) >= TITLE_KEY_MIN and complete_title(lines[j].text)]
    for i, head in heads:
        for j, title in titles:
            if len(head) > len(title) and len(head) - len(title) <= AROUND_MAX and (
                    head.startswith(title) or head.endswith(title)):
                drop[min(i, j)] = "web-chrome"


def complete_title(text: str) -> bool:
    """A line that is a whole title: long enough, no sentence, ending in a 文种 word, not a title's tail (的通知)."""
    text = collapse(text)
    return (TITLE_MIN <= len(text) and title_like(text) and not text.startswith("的")
            and TITLE_FORM_WORD.search(text) is not None)


def page_title_above_title(lines: Sequence[Line], end: int, drop: dict[int, str]) -> None:
    """A complete title followed in the head by another: the page's title above the document's.

    Titles of different years (1993年…报告, 1995年…报告) are no page title above
    a document's: they are a mirror's links to the years around it, and only
    the document's occasion tells which is its own (forms/speech/title.py).
    """
    titles = [i for i in range(end) if i not in drop and complete_title(lines[i].text)]
    if len({year for i in titles for year in TITLE_YEAR.findall(lines[i].text)}) > 1:
        return
    for i in titles[:-1]:
        drop[i] = "web-chrome"


def is_organ(text: str) -> bool:
    text = collapse(text)
    return 0 < len(text) <= ORGAN_MAX and not TEXT_MARK.search(text) and ORGAN_SUFFIX.search(text) is not None


def date_of(text: str) -> str | None:
    """The ISO date of a line that is a date only: 二〇〇四年一月十一日, 2004年1月11日, 2004-01-11."""
    text = text.strip()
    m = DATE.fullmatch(text)
    if m:
        return iso_date(m)
    m = NUMERIC_DATE.fullmatch(text)
    if m:
        try:
            return datetime.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
        except ValueError:
            return None
    return None


def mirror_header(lines: Sequence[Line], end: int, drop: dict[int, str]) -> None:
    """A date line in the head that the signature at the end prints again, and an organ line that it repeats too."""
    tail = lines[max(end, len(lines) - SIGNATURE_LINES):]
    dates = {date_of(line.text) for line in tail} - {None}
    if not dates:
        return                  # (no head line's date is one of none: nothing below is dropped)
    organs = {collapse(line.text) for line in tail if is_organ(line.text)}
    organ = [i for i in range(end) if i not in drop and is_organ(lines[i].text) and collapse(lines[i].text) in organs]
    date = [i for i in range(end) if i not in drop and date_of(lines[i].text) in dates]
    if date:
        for i in organ + date:
            drop[i] = "web-chrome"


def repeated_start(lines: Sequence[Line], end: int, drop: dict[int, str],
                   key: Callable[[str], str] = title_key, like: Callable[[str], bool] = title_like) -> None:
    """After the text, a copy of a head title followed by the start of the text: a template's summary block."""
    titles = {key(lines[i].text) for i in range(end) if like(lines[i].text)}
    titles = {title for title in titles if len(title) >= TITLE_KEY_MIN}
    # the text's first lines, but a date or an organ alone (a signature's lines: a 题注 below starts so too)
    starts = [key(lines[k].text) for k in range(end, min(end + 3, len(lines)))
              if date_of(lines[k].text) is None and not is_organ(lines[k].text)]
    starts = [start for start in starts if len(start) >= TITLE_MIN]
    if not titles or not starts:
        return                  # (nothing below can be dropped: a drop needs a title and a start)
    for k in range(max(end + 1, len(lines) - FOOT_LINES), len(lines) - 1):
        if like(lines[k].text) and key(lines[k].text) in titles:
            following = key(lines[k + 1].text)
            if len(following) >= TITLE_MIN and any(s.startswith(following) or following.startswith(s) for s in starts):
                drop[k] = drop[k + 1] = "web-chrome"


def split_column_name(page: Normalised) -> Normalised:
    """A column name bracketed or barred before the page's first line, when a title follows it, to residue."""
    if not page.lines or page.lines[0].markup or page.lines[0].breaks:
        return page
    first = page.lines[0]
    m = COLUMN_PREFIX.fullmatch(first.text)
    if not m or not complete_title(m.group("title")) or TITLE_FORM_WORD.search(collapse(m.group("column"))):
        return page
    column = Removed("web-chrome", first.n, m.group("column").strip())
    line = replace(first, printed=None, text=m.group("title"), bold=(), sup=())
    return replace(page, lines=(line,) + page.lines[1:], residue=page.residue + (column,))
