"""A page filter for scraped web pages: the site's chrome is not part of the document.

Each line that is chrome by what it is (chrome_lines.py: widgets, share
buttons, breadcrumbs, menus, navigation, captions, collection notes, editor
lines, blurbs) goes to residue as `web-chrome`, and so do:

- a short line inside a run of widget lines (a toolbar read one word a line:
  下载 / 打印 / 听新闻 / 收藏 — the word nobody listed is still a button), and
  short lines with chrome right above and below them (a site's menu read one
  item a line: 首页 / 政务公开 / 互动交流 / 当前位置：…);
- a line that is a step of the page's own breadcrumb (the site's section
  name printed again on its own: a site's label); the last step counts when
  it is as short as a column name, for a longer one names the page itself;
- the links to files that end a page (附件：某某清单.doc, 某某名录.pdf);
- everything from a footer's first line to the end: the site footer
  (主办单位, 版权所有, ICP备 …), a licence footer, a list of related links
  or attachments (相关报道：…, 附件下载：…) — once the document's text has begun,
  and only when the tail is short, holds no numbered heading and (but for a
  licence) no sentence: a 活动方案's "主办单位：…" line is followed by text.

A widget line of one character (大, 中, 小) is chrome only beside a longer
widget line: a table's cells may read so too. On an HTML page, a run of three
short lines or more that are nothing but links' text (or inside <nav>) is a
menu or a list of links.

A scraped page has no pages, so no page-break repair is done on it unless
page furniture shows it was printed (`Normalised.repair`).
"""

from __future__ import annotations

from typing import Sequence

from converter.model.text import Line, collapse
from converter.normalise.chrome_lines import (FILE_LINK, FILE_LIST_LABEL, FOOTER_START, LICENCE_START, SENTENCE_END_MARK,
                                              SENTENCE_MARK, WIDGET_LINE, chrome_shaped, crumb_steps, lone_widget,
                                              may_start_footer, starts_numbered)
from converter.normalise.page import Normalised, take_out_at
from converter.normalise.region import starts_text
from converter.patterns import pattern
from converter.rules import ORGAN_SUFFIX, SECTION_RULES, TITLE_FORM_WORD

# The longest footer taken as chrome, in lines; a longer tail is more likely text.
FOOTER_MAX_LINES = 80
# A footer holds no numbered heading of these kinds (chapters, articles, （一）, （1）).
FOOTER_FORBIDS = SECTION_RULES[:4]
# The longest unknown word taken as a button inside a run of widget lines.
BUTTON_MAX = 4
# A site menu read one item a line: its items are this short (the site's name, an organ's, this), and
# a run of them at most this long.
MENU_LINE_MAX = 6
SITE_NAME_MAX = 20
MENU_RUN_MAX = 8
# A run of this many lines that are only links' text, each at most this long, is a link list.
LINK_RUN_MIN = 3
LINK_TEXT_MAX = 30
# The heading of a table of contents, whose entries are links too
TOC_HEADING = pattern(r"目\s{0,4}录", "目 录")
# The longest line taken as a section name of the site's breadcrumb.
CRUMB_LINE_MAX = 20
# The last step of a breadcrumb names the page itself when longer than a column name ("通知公告").
SECTION_NAME_MAX = 8


def footer_start(lines: Sequence[Line], drop: dict[int, str]) -> int | None:
    """Index of the first line of a trailing footer, if there is one (within the last FOOTER_MAX_LINES), below
    the first line of running text.

    The lines that may start one are found first: most pages have a few, a file with none (a table, a list)
    is spared the walk for its first line of text, which in a file without any reads every line (a table of
    40,000 rows: two fifths of its normalising). That walk stops at the last candidate: a footer stands below it.
    """
    candidates = [i for i in range(max(0, len(lines) - FOOTER_MAX_LINES), len(lines)) if i not in drop
                  and may_start_footer(lines[i].text) and FOOTER_START.fullmatch(lines[i].text)]
    if not candidates:
        return None
    first_text = next((i for i in range(candidates[-1]) if i not in drop and starts_text(lines[i].text)), None)
    if first_text is None:
        return None
    for i in candidates:
        if i <= first_text:
            continue
        tail = [later for k, later in enumerate(lines[i:], start=i) if k not in drop]
        if any(rule.pattern.match(later.text) for later in tail for rule in FOOTER_FORBIDS):
            continue
        if LICENCE_START.fullmatch(lines[i].text) or not any(SENTENCE_END_MARK.search(later.text) for later in tail):
            return i
    return None


def buttons_in_toolbars(lines: Sequence[Line], drop: dict[int, str]) -> list[int]:
    """Short lines with widget lines right above and below them: buttons of a toolbar read one word a line."""
    found = []
    # (the short lines picked first, by a comprehension: most lines are longer than a button)
    for i in [k for k in range(1, len(lines) - 1) if len(lines[k].text) <= BUTTON_MAX]:
        text = lines[i].text
        if (i not in drop and not SENTENCE_MARK.search(text)
                and WIDGET_LINE.fullmatch(lines[i - 1].text) and WIDGET_LINE.fullmatch(lines[i + 1].text)):
            found.append(i)
    return found


def menus_between_chrome(lines: Sequence[Line], drop: dict[int, str]) -> list[int]:
    """Short lines between chrome lines: the items of a site's menu read one a line.

    "首页 / 政务公开 / 政务服务 / 互动交流 / 走进某某 / 当前位置：…": the items nobody listed
    stand between items that are chrome, and so does the site's name in its header. A
    run is taken only when chrome stands right above and right below it (a title's
    organ line has the title below it), and never a line ending in a 文种 word.
    """
    found: list[int] = []
    # A run starts right below a chrome line, on a line that is none: the lines after the drops, not
    # each line, are tried. (Every such start is one: a run ends at its first line of chrome or
    # before the first line that is no item, so no start stands inside another's run.)
    for i in sorted(k + 1 for k in drop if k + 1 not in drop and k + 1 < len(lines)):
        end = i
        while end < len(lines) and end not in drop and menu_item(lines[end].text) and end - i < MENU_RUN_MAX:
            end += 1
        if end > i and end in drop:
            found.extend(range(i, end))
    return found


def menu_item(text: str) -> bool:
    """A line that may be an item of a menu, or the site's name: short, no sentence, no number, no 文种 word."""
    text = collapse(text)
    longest = SITE_NAME_MAX if ORGAN_SUFFIX.search(text) else MENU_LINE_MAX
    return (0 < len(text) <= longest and not SENTENCE_MARK.search(text) and not any(ch.isdigit() for ch in text)
            and TITLE_FORM_WORD.search(text) is None)


def trailing_file_links(lines: Sequence[Line], drop: dict[int, str]) -> list[int]:
    """The links to files that end a page ("附件：某某任务清单.doc", "某某名录.pdf"), with their label.

    Only at the page's end, with nothing but chrome after them: a 附件说明 that names
    a file stands above the 署名.
    """
    found: list[int] = []
    i = len(lines) - 1
    while i >= 0 and (i in drop or FILE_LINK.fullmatch(lines[i].text.strip())):
        if i not in drop:
            found.append(i)
        i -= 1
    if found and i >= 0 and FILE_LIST_LABEL.fullmatch(lines[i].text.strip()):
        found.append(i)
    return found


def beside_widgets(lines: Sequence[Line], i: int) -> bool:
    """Whether the line above or below is a widget line that says more than one character."""
    return any(0 <= k < len(lines) and WIDGET_LINE.fullmatch(lines[k].text) and not lone_widget(lines[k].text)
               for k in (i - 1, i + 1))


def link_lists(lines: Sequence[Line], links: frozenset[tuple[int, int]], drop: dict[int, str]) -> list[int]:
    """Runs of short lines that are nothing but links' text (an HTML page's menus, related links, link lists).

    Not on a page that prints a 目录: a table of contents links its entries too.
    """
    if not links or any(TOC_HEADING.fullmatch(line.text) for line in lines):
        return []
    found: list[int] = []
    run: list[int] = []
    for i, line in enumerate([*lines, None]):
        if line is not None and i in drop:
            continue
        if line is not None and line.position in links and len(line.text) <= LINK_TEXT_MAX:
            run.append(i)
            continue
        if len(run) >= LINK_RUN_MIN:
            found.extend(run)
        run = []
    return found


def strip_chrome(page: Normalised) -> Normalised:
    """Take web chrome out of the lines; the page records whether there was any."""
    lines = page.lines
    drop: dict[int, str] = {}
    sections: set[str] = set()
    for i, line in enumerate(lines):
        # (is_chrome_line, asked in its two steps: chrome_shaped, which most lines, text, fail, is asked once)
        if chrome_shaped(line.text) and not starts_numbered(line.text) and not (
                lone_widget(line.text) and not beside_widgets(lines, i)):
            drop[i] = "web-chrome"
            steps = crumb_steps(line.text)
            last_is_page = len(collapse(steps[-1])) > SECTION_NAME_MAX if steps else False
            sections.update(collapse(step) for step in (steps[:-1] if last_is_page else steps))
    for i in buttons_in_toolbars(lines, drop) + link_lists(lines, page.links, drop):
        drop[i] = "web-chrome"
    if sections:
        for i, line in enumerate(lines):
            if i not in drop and len(line.text) <= CRUMB_LINE_MAX and collapse(line.text) in sections:
                drop[i] = "web-chrome"
    for i in menus_between_chrome(lines, drop) + trailing_file_links(lines, drop):
        drop[i] = "web-chrome"
    start = footer_start(lines, drop)
    if start is not None:
        for i in range(start, len(lines)):
            drop[i] = "web-chrome"
    return take_out_at(page, drop) if drop else page
