"""Page furniture: whole lines that a page prints and a document does not hold.

Page numbers, a page's note of itself (（此页无正文）), a browser's print header (timestamp, then
the page title) and footer (the address, the page counter); the count of copies under a 版记's
印发 line (（共印50份）); a rule across the page (the lines of a 版记, the star
under a 党委 head, a markdown break). Each goes to residue with its reason.
"""

from __future__ import annotations

import re

from converter.model.text import Line, Removed, removed_line
from converter.normalise.lines import SPACE_BUT_TAB
from converter.patterns import pattern
from converter.rules import Rule

# "— 26 —", "—1—", "- 3 -", "－ 12 －", "·12·" (bold markers are already taken out)
PAGE_NUMBER = pattern(r"[—–\-－―─]{1,2}\s{0,3}\d{1,4}\s{0,3}[—–\-－―─]{1,2}|[·•]\s{0,2}\d{1,4}\s{0,2}[·•]",
                      "— 26 —", "—1—", "- 3 -", "·12·")
# "1/3" printed by a browser, "第 3 页", "第3页 共5页"
PAGE_COUNTER = pattern(r"\d{1,4}\s{0,2}/\s{0,2}\d{1,4}|第\s{0,2}\d{1,4}\s{0,2}页(?:\s{0,2}[,，]?\s{0,2}共\s{0,2}\d{1,4}\s{0,2}页)?",
                       "1/3", "第 3 页", "第3页 共5页")
# A line that is a bare number: a page number without its dashes ("5"), when its neighbours say so
BARE_NUMBER = pattern(r"\d{1,4}", "5")
# The number inside a page number: "— 26 —" → 26
NUMBER_IN = pattern(r"\d{1,4}", "— 26 —")
# "（此页无正文）": what a printed page says of itself (the 署名 fell onto a page of its own)
PAGE_NOTE = pattern(r"[（(]\s{0,2}此\s{0,2}页\s{0,2}无\s{0,2}正\s{0,2}文\s{0,2}[）)]", "（此页无正文）", "(此页无正文)")
# "2026/5/19 19:11": the date and time a browser prints at the top of each page
PRINT_TIMESTAMP = pattern(r"\d{4}/\d{1,2}/\d{1,2}\s{1,3}\d{1,2}:\d{2}(?::\d{2})?", "2026/5/19 19:11")
# "https://www.example.gov.cn/…": the address a browser prints at the foot of each page
URL_LINE = pattern(r"(?:https?://|www\.)\S{1,2000}", "https://www.example.gov.cn/a.html")
# "（共印50份）": the count of copies printed under the 印发 line of a document's 版记 (no element holds it)
PRINT_COUNT = pattern(r"[（(]?\s{0,2}共\s{0,2}印\s{0,2}[0-9０-９]{1,6}\s{0,2}份\s{0,2}[）)]?", "（共印50份）", "共印 120 份")
# A rule across the page: the lines of a 版记 (above 抄送, 印发), the line under the head with its
# star, a markdown thematic break: "────────", "________", "---", "═══", "★", "——★——"
RULE_LINE = pattern(r"[─━—_＿=＝\-－~～═﹏\s]{0,200}[★☆][─━—_＿=＝\-－~～═﹏\s]{0,200}"
                    r"|[─━—_＿=＝\-－~～═﹏](?:\s{0,3}[─━—_＿=＝\-－~～═﹏]){2,400}",
                    "────────", "___________", "---", "★", "——★——", "- - -")

FURNITURE_RULES: tuple[Rule, ...] = (
    Rule("page_number", PAGE_NUMBER, "page-number"),
    Rule("page_counter", PAGE_COUNTER, "page-number"),
    Rule("page_note", PAGE_NOTE, "page-note"),
    Rule("print_timestamp", PRINT_TIMESTAMP, "running-header"),
    Rule("url_line", URL_LINE, "web-chrome"),
    Rule("print_count", PRINT_COUNT, "other"),
    Rule("rule_line", RULE_LINE, "markup"),
)
# Reasons that show the text was printed on pages (so page-break repair applies).
PAGE_REASONS = ("page-number", "running-header", "page-note")


def alternation(rules: tuple[Rule, ...]) -> str:
    """The rules as one alternation (one pass a line, not one a rule), in their order: group rK is rule K."""
    return "|".join(f"(?P<r{k}>{rule.pattern.pattern})" for k, rule in enumerate(rules))


# FURNITURE_RULES' alternation made as every pattern is, so that its compiled code is kept between runs
# (pattern_cache.py): re.compile builds it in 3-4 ms, in every process that converts
FURNITURE = pattern(alternation(FURNITURE_RULES), "— 26 —", "（此页无正文）", "────────")


def furniture_pattern(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    """The rules' alternation compiled: FURNITURE for the usual rules (the same regex), else compiled now."""
    return FURNITURE if rules is FURNITURE_RULES else re.compile(alternation(rules))


# The characters a line of FURNITURE may start with, but digits (\d: str.isdecimal), 第 and brackets,
# which may_be_furniture asks more of, and white space (\s: str.isspace): PAGE_NUMBER's dashes and dots,
# URL_LINE's h and w, PRINT_COUNT's 共, RULE_LINE's rule characters and stars
FURNITURE_FIRST = frozenset("—–-－―─·•hw共─━—_＿=＝-－~～═﹏★☆")
# The characters a line may_be_furniture asks more of when they start it: FURNITURE_FIRST, 第, the brackets
# and the white space (every character str.isspace takes: SPACE_BUT_TAB and the tab); but for a digit
# (str.isdecimal), a line that starts otherwise is no furniture, told without a call
FURNITURE_LOOK = FURNITURE_FIRST | frozenset("第（(\t" + SPACE_BUT_TAB)


def may_be_furniture(text: str) -> bool:
    """False when FURNITURE cannot match the whole line: told by its first character (and one more it
    would need), for most lines cheaply."""
    first = text[:1]
    if first.isdecimal():       # a digit starts only PAGE_COUNTER's "1/3" and PRINT_TIMESTAMP's "2026/5/19 …"
        return "/" in text
    if first == "第":           # PAGE_COUNTER's "第 3 页"
        return "页" in text
    if first in ("（", "("):    # PAGE_NOTE's "（此页无正文）", PRINT_COUNT's "（共印50份）"
        return "页" in text or "份" in text
    return first in FURNITURE_FIRST or first.isspace()


def furniture_reason(text: str, rules: tuple[Rule, ...], compiled: re.Pattern[str]) -> str | None:
    """The residue reason when a whole clean line is page furniture."""
    if compiled is FURNITURE and not may_be_furniture(text):
        return None             # the cheap test first, for the usual rules: most lines are text
    m = compiled.fullmatch(text)
    return rules[int(m.lastgroup[1:])].kind if m and m.lastgroup else None


def drop_print_titles(lines: list[Line], candidates: set[int]) -> tuple[list[Line], list[Removed]]:
    """A browser prints the page title under its timestamp on every page.

    The line under a print timestamp is a running header when the same text
    stands elsewhere in the file too (the real title, kept once).
    """
    if not candidates:
        return lines, []
    counts: dict[str, int] = {}
    for line in lines:
        counts[line.text] = counts.get(line.text, 0) + 1
    drop = {line.n for line in lines if line.n in candidates and counts[line.text] > 1}
    kept = [line for line in lines if line.n not in drop]
    removed = [item for line in lines if line.n in drop for item in removed_line("running-header", line)]
    return kept, removed


def drop_bare_page_numbers(lines: list[Line], residue: list[Removed]) -> tuple[list[Line], list[Removed]]:
    """A bare number on its own line that continues the page numbers printed around it ("— 4 —" … "5").

    Alone, "5" may be a value (a table's cell, a list's count); next to a page
    number one less before it or one more after it, it is the page's number
    printed without its dashes. Lines of a table (tabs, pipes) are never taken.
    """
    pages = [(r.line, int(m.group())) for r in residue if r.reason == "page-number"
             and (m := NUMBER_IN.search(r.text)) is not None]
    if not pages:
        return lines, []
    drop: set[int] = set()
    k = 0                           # pages[:k] stand before the line
    for i, line in enumerate(lines):
        while k < len(pages) and pages[k][0] < line.n:
            k += 1
        # (BARE_NUMBER's \d{1,4} told by str methods: re's \d is a character str.isdecimal takes, and most
        # lines are longer than four characters)
        if not (len(line.text) <= 4 and line.text.isdecimal()) or any(
                "\t" in near.text or "|" in near.text for near in lines[max(0, i - 1):i + 2]):
            continue
        value = int(line.text)
        before = pages[k - 1][1] if k > 0 else None
        after = pages[k][1] if k < len(pages) else None
        if value - 1 == before or value + 1 == after:
            drop.add(line.n)
    kept = [line for line in lines if line.n not in drop]
    return kept, [item for line in lines if line.n in drop for item in removed_line("page-number", line)]
