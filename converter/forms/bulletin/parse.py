"""A whole issue of a 政府公报: standing description, masthead, 目录, cover,
imprint, the columns with their documents, and the records at the end.

    《新洲区人民政府公报》简介 …           about
    新洲区人民政府公报 / 2023年第1期(总第44期)   masthead, issue @year @n @total
    目 录 … 区人民政府关于…的通知…… (1)     toc, tocEntry @page @target
    (cover slogans, OCR read column-wise)   cover, kept as printed
    主 办：… 电 话：… 准印证号：…           imprint, one fact each
    ◆ 区级文件选登 ◆                        part @title
    武汉市新洲区人民政府文件 / 新政发〔2023〕1号 …   a document, split at each 发文机关标志 / 文号
    政务简讯 / 人事任免 / 大事记             see records.py

Documents are split where a new 发文机关标志 or 文号 begins, never by counting lines.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from converter.forms.bulletin import records
from converter.forms.bulletin.masthead import issue_match, issue_values, masthead_spans
from converter.forms.bulletin.toc import TOC_LEADER, TocEntry, parse_entries
from converter.forms.following import one_after_another
from converter.forms.order import ORDER_MARK, ORDER_NUMBER, SEQ_ONLY
from converter.forms.registry import Form
from converter.frame.head import Head, is_issuer_mark, parse_doc_number
from converter.frame.roles import is_organ_name, starts_title
from converter.model.blocks import Para
from converter.model.context import Context
from converter.model.document import Document
from converter.model.text import Line, Lines, Span, collapse, plain, split_at, whole
from converter.normalise.headers import drop_running_headers
from converter.patterns import HAN, pattern
from converter.rules import DATE, TITLE_FORM_WORD

# "《新洲区人民政府公报》简介"
ABOUT_TITLE = pattern(r"《?[^》]{2,40}》?\s{0,2}简\s{0,2}介", "《新洲区人民政府公报》简介")
# The masthead title (letter-spacing allowed)
BULLETIN_TITLE = pattern(rf"[{HAN}\s]{{2,40}}公\s{{0,2}}报", "新洲区人民政府公报", "某 市 政 府 公 报")
# The 目录 heading
TOC_TITLE = pattern(r"目\s{0,8}录", "目 录", "目    录", "目　　录")
# A column heading
PART_MARKER = pattern(r"[◆◇■□●★▲【]\s{0,3}(?P<title>[^◆◇■□●★▲【】]{1,40}?)\s{0,3}[◆◇■□●★▲】]",
                      "◆ 区级文件选登 ◆", "【市政府文件】", "■ 部门文件 ■")
# What a column heading starts with
PART_MARKS = "◆◇■□●★▲【"
# A document's title is no longer than this (a title above its 文号 starts a document)
BODY_TITLE_MAX = 80
# A 目录 entry this long at least is a title a document start may be found by
LISTED_TITLE_MIN = 6
# A 文号 stands within this many lines under the 发文机关标志 that starts a document.
MARK_TO_NUMBER = 3
# A 目录 cut short (a stored page ends inside it) leaves at most this many lines after its last leader.
TOC_CUT_MAX = 12
# An imprint fact: "主 办：武汉市新洲区人民政府", "准印证号：湖北省内部资料准印证"
FACT = pattern(
    r"(?P<name>主\s{0,3}办|承\s{0,3}办|协\s{0,3}办|编\s{0,3}辑\s{0,3}出\s{0,3}版|编\s{0,3}辑|出\s{0,3}版|"
    r"印\s{0,3}刷|发\s{0,3}行|电\s{0,3}话|传\s{0,3}真|电\s{0,3}子\s{0,3}邮\s{0,3}箱|邮\s{0,3}箱|"
    r"地\s{0,3}址|邮\s{0,3}政\s{0,3}编\s{0,3}码|邮\s{0,3}编|准\s{0,3}印\s{0,3}证\s{0,3}号|刊\s{0,3}号|"
    r"网\s{0,3}址|发\s{0,3}送\s{0,3}对\s{0,3}象|出\s{0,3}版\s{0,3}日\s{0,3}期|印\s{0,3}数)\s{0,3}[:：]",
    "主 办：武汉市新洲区人民政府", "准印证号：湖北省内部资料准印证",
)
# The continuation of a fact on the next line is short: "办公室", "红旗街 14 号"
FACT_MORE_MAX = 24
# How far into the file the masthead may stand, in content lines.
MASTHEAD_WITHIN = 40
# The most lines after the 目录 heading that may still hold entries.
TOC_LINES_MAX = 200
# The masthead title may stand this many lines above the first imprint fact.
IMPRINT_TITLE_WITHIN = 8


@dataclass(eq=False, repr=False)
class Fact:
    """One fact of an issue's imprint: its name and printed text."""

    name: str
    spans: list[Span]


@dataclass(eq=False, repr=False)
class Part:
    """A column of an issue (县政府文件 …) and the documents in it."""

    label: Span | None
    title: str
    documents: list[Document] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class Bulletin:
    """A whole 政府公报 issue: about, masthead, 目录, cover, imprint, columns, records."""

    about_title: list[Span] = field(default_factory=list)
    about: list[Para] = field(default_factory=list)
    masthead_title: list[Span] = field(default_factory=list)
    masthead: list[Span] = field(default_factory=list)      # issue lines and others
    year: int | None = None
    n: int | None = None
    total: int | None = None
    toc_title: list[Span] = field(default_factory=list)
    toc: list[Any] = field(default_factory=list)            # TocEntry or a column Span
    cover: list[Span] = field(default_factory=list)
    imprint: list[Any] = field(default_factory=list)        # Span lines and Facts, in input order
    parts: list[Any] = field(default_factory=list)          # Part, or a Document outside any column
    records: list[records.Records] = field(default_factory=list)   # in input order
    form: str = "bulletin"


def is_masthead_title(line: Line) -> bool:
    return len(line.text) <= 40 and BULLETIN_TITLE.fullmatch(line.text) is not None


def claims(form: Form, lines: Lines, head: Head) -> bool:
    """A bulletin: a masthead title with an issue line, or with a 目录, near the top."""
    top = lines[:MASTHEAD_WITHIN]
    # cheap test first: a masthead title ends in 报 (BULLETIN_TITLE's fullmatch does), and most files have no line
    # near the top that does; each line's text followed by a line break, one search finds "报" at any line's end
    if "报\n" not in "\n".join([line.text for line in top]) + "\n":
        return False
    return any(is_masthead_title(l) for l in top) and (
        any(issue_match(l.text) for l in top) or any(TOC_TITLE.fullmatch(l.text) for l in top))


def is_document_start(lines: Lines, i: int, titles: frozenset[str] = frozenset()) -> bool:
    """A 发文机关标志 with a 文号 close below it, a 文号 with no 标志 above, an order's mark and number;
    a title (of one or two lines) with the 文号 under it; a title the 目录 lists (`titles`)."""
    line = lines[i]
    if titles and prints_listed_title(lines, i, titles) and not heads_above(lines, i):
        return True
    if is_title_over_number(lines, i):
        return True
    if not line.text.rstrip().rstrip("）)").endswith(("件", "号", "令")):   # cheap test first: most lines are none
        return False
    text = line.text.strip()
    if ORDER_NUMBER.fullmatch(text) or (ORDER_MARK.fullmatch(text) and i + 1 < len(lines)
                                        and SEQ_ONLY.fullmatch(lines[i + 1].text.strip())):
        return True          # 某某省人民政府令 / 第265号, or both on one line
    if is_issuer_mark(line.text):
        return any(parse_doc_number(l) for l in lines[i + 1:i + 1 + MARK_TO_NUMBER])
    if parse_doc_number(line):
        above = lines[i - 1] if i > 0 else None
        return above is None or not (is_issuer_mark(above.text) or is_title_over_number(lines, i - 1)
                                     or (i > 1 and is_title_over_number(lines, i - 2)))
    return False


def document_starts(lines: Lines, titles: frozenset[str]) -> list[int]:
    """The lines that start a document or a column: [k for k in range(len(lines)) if is_document_start(lines,
    k, titles) or is_part_marker(lines[k])], with cheap tests first, each made by one comprehension over the
    lines (not a Python loop with every test at each line).

    is_document_start is true of line k only if the line may print a listed title (`titles` given, and
    the line opens with no character but one a title starts with: prints_listed_title's own first test),
    a 文号 may stand under it (line k+1 or k+2 ends in 号: is_title_over_number's first test), or it
    ends in 件, 号 or 令 itself (its test before the marks and numbers); other lines are no start. The
    column headings are found first; is_document_start (a pure function of the lines) is asked only of
    the other lines that may start a document, in any order: the starts come out sorted.
    """
    ends = [line.text.rstrip().rstrip("）)")[-1:] for line in lines]      # as ends_in_number_mark reads it
    marks = {k for k, line in enumerate(lines) if line.text[:1] in PART_MARKS and PART_MARKER.fullmatch(line.text)}
    may = {k for k, end in enumerate(ends) if end in ("件", "号", "令")}
    may.update(k - above for k, end in enumerate(ends) if end == "号" for above in (1, 2) if k >= above)
    if titles:
        starts_of = title_starts(titles)
        may.update(k for k, line in enumerate(lines) if (first := line.text.lstrip()[:1]) == "" or first in starts_of)
    return sorted(marks.union(k for k in may - marks if is_document_start(lines, k, titles)))


def prints_listed_title(lines: Lines, i: int, titles: frozenset[str]) -> bool:
    """Whether line i, alone or with the next line, prints a title the 目录 lists (white space left out).

    Cheap test first: collapse only takes white space out, so the collapsed text of line i (alone or
    joined to the next) starts with the line's first character that is no white space; a line whose
    first such character starts no listed title prints none of them, whatever its length.
    """
    text = lines[i].text
    first = text.lstrip()[:1]
    if first and first not in title_starts(titles):
        return False
    return collapse(text) in titles or (i + 1 < len(lines) and collapse(text + lines[i + 1].text) in titles)


@functools.lru_cache(maxsize=16)
def title_starts(titles: frozenset[str]) -> frozenset[str]:
    """The first characters of the listed titles (cached: a pure function of an immutable set, asked
    for each line of one bulletin with the same set)."""
    return frozenset(title[:1] for title in titles)


def heads_above(lines: Lines, i: int) -> bool:
    """Whether a 发文机关标志, 文号 or order's mark stands in the lines right above line i (its title is theirs)."""
    for line in lines[max(0, i - MARK_TO_NUMBER - 1):i]:
        text = line.text.strip()
        if is_issuer_mark(line.text) or ORDER_MARK.fullmatch(text) or ORDER_NUMBER.fullmatch(text) \
                or SEQ_ONLY.fullmatch(text) or parse_doc_number(line):
            return True
    return False


def is_title_over_number(lines: Lines, i: int) -> bool:
    """A title on line i (or on lines i and i+1) with the document's 文号 right under it:
    "…关于…的通知" / "（某政发〔2024〕1号）", as a bulletin prints a document without its 标志."""
    if not (ends_in_number_mark(lines, i + 1) or ends_in_number_mark(lines, i + 2)):
        return False            # cheap test first: no 文号 can stand under the title (most lines)
    if i > 0 and is_organ_name(lines[i - 1].text) and starts_title(lines[i]) and is_title_over_number(lines, i - 1):
        return False            # "某某市人民政府" / "关于…的通知" / 文号: the title starts on the organ's line
    for size in (1, 2):
        below = i + size
        if below >= len(lines):
            return False
        if not ends_in_number_mark(lines, below):
            continue
        title = collapse("".join(line.text for line in lines[i:below]))
        if (len(title) <= BODY_TITLE_MAX and "。" not in title and TITLE_FORM_WORD.search(title)
                and (size == 1 or (not (TITLE_FORM_WORD.search(collapse(lines[i].text)) or DATE.search(lines[i].text))
                                   and (is_organ_name(lines[i].text) or not starts_title(lines[i + 1]))))
                and parse_doc_number(lines[below])):
            return True
    return False


def ends_in_number_mark(lines: Lines, k: int) -> bool:
    """Whether line k exists and ends in 号 (maybe before a bracket): a 文号 line must (DOC_NUMBER ends so)."""
    return k < len(lines) and lines[k].text.rstrip().rstrip("）)").endswith("号")


def parse(form: Form, lines: Lines, head: Head, ctx: Context) -> Bulletin:
    b = Bulletin()
    i = parse_about(b, lines, 0)
    i = parse_masthead(b, lines, i)
    i = parse_toc(b, lines, i, ctx)
    titles = listed_titles(b)
    start = next((k for k in range(i, len(lines)) if is_part_marker(lines[k])
                  or is_document_start(lines, k, titles) or records.heading_kind(lines[k])), len(lines))
    parse_cover_and_imprint(b, lines[i:start])
    rest = lines[start:]
    if b.masthead_title:
        # the bulletin's title printed again at the top of its pages is a running header
        rest = drop_running_headers(rest, plain(b.masthead_title), ctx.remove)
    # (heading_kind's first test made here, without its call, at every line: a heading is short)
    columns_end = next((k for k in range(len(rest)) if len(rest[k].text) <= records.HEADING_MAX
                        and records.heading_kind(rest[k])), len(rest))
    parse_columns(b, rest[:columns_end], ctx, titles)
    records.parse_records(b.records, rest[columns_end:], ctx, form.rules, b.year)
    return b


def is_part_marker(line: Line) -> re.Match[str] | None:
    text = line.text
    return PART_MARKER.fullmatch(text) if text[:1] in PART_MARKS else None


def parse_about(b: Bulletin, lines: Lines, i: int) -> int:
    if i < len(lines) and ABOUT_TITLE.fullmatch(lines[i].text):
        b.about_title = [whole(lines[i])]
        i += 1
        while i < len(lines) and not is_masthead_title(lines[i]):
            b.about.append(Para([whole(lines[i])]))
            i += 1
    return i


def parse_masthead(b: Bulletin, lines: Lines, i: int) -> int:
    if i >= len(lines) or not is_masthead_title(lines[i]):
        return i
    b.masthead_title = [whole(lines[i])]
    i += 1
    while i < len(lines) and not TOC_TITLE.fullmatch(lines[i].text) and i < MASTHEAD_WITHIN:
        spans = masthead_spans(lines[i])
        if spans is None:
            break
        for span in spans:
            note_issue(b, span.text)
        b.masthead.extend(spans)
        i += 1
    return i


def note_issue(b: Bulletin, text: str) -> None:
    """Gather year, number and total from every issue line printed."""
    issue = issue_values(text)
    if issue is not None:
        b.year = b.year or issue.year
        b.n = b.n or issue.n
        b.total = b.total or issue.total


def parse_toc(b: Bulletin, lines: Lines, i: int, ctx: Context) -> int:
    if i >= len(lines) or not TOC_TITLE.fullmatch(lines[i].text):
        return i
    b.toc_title = [whole(lines[i])]
    i += 1
    window = range(i, min(len(lines), i + TOC_LINES_MAX))
    last = max((k for k in window if ends_like_leader(lines[k].text) and TOC_LEADER.search(lines[k].text)),
               default=i - 1)
    end = last + 1
    if toc_cut_short(lines, end):
        # the text ends inside the 目录: what follows the last leader is entries, not documents
        # (said once: not when the page's own note on its last line says it is cut short)
        if end < len(lines) and not any(w.line == lines[-1].n for w in ctx.warnings):
            ctx.warn(lines[end].n, "the text ends inside the 目录; its last lines kept as entries")
        end = len(lines)
    if end == i:
        return i
    b.toc = parse_entries(lines[i:end], ctx)
    return end


def ends_like_leader(text: str) -> bool:
    """A cheap test before TOC_LEADER, which is searched for at every character of up to 200 lines: its
    match ends the text but for white space, with a bracket or a digit; rstrip() strips what the pattern's
    white space matches, and isdecimal() is true of what its digit matches (Unicode category Nd)."""
    last = text.rstrip()[-1:]
    return last != "" and (last in "）)" or last.isdecimal())


def toc_cut_short(lines: Lines, end: int) -> bool:
    """Whether the text ends a few lines after the 目录's last leader, with no document or imprint after it."""
    rest = lines[end:]
    if not rest or len(rest) > TOC_CUT_MAX or any("。" in line.text for line in rest):
        return False         # an entry is a title: a sentence below the 目录 is a document's text
    return not any(is_document_start(rest, k) or FACT.match(line.text) or is_masthead_title(line)
                   or records.heading_kind(line) is not None
                   for k, line in enumerate(rest))


def parse_cover_and_imprint(b: Bulletin, lines: Lines) -> None:
    """Between the TOC and the first column: the cover, then the imprint facts."""
    first_fact = next((k for k, l in enumerate(lines) if FACT.match(l.text)), None)
    if first_fact is None:
        b.cover = [whole(l) for l in lines]
        return
    start = first_fact
    while start > 0 and not is_masthead_title(lines[start]) and first_fact - start < IMPRINT_TITLE_WITHIN:
        start -= 1
    if not is_masthead_title(lines[start]):
        start = first_fact
    b.cover = [whole(l) for l in lines[:start]]
    b.imprint = [whole(l) for l in lines[start:first_fact]]
    for line in lines[first_fact:]:
        m = FACT.match(line.text)
        if m:
            b.imprint.append(Fact(collapse(m.group("name")), [whole(line)]))
        elif isinstance(b.imprint[-1], Fact) and not line.gap and len(line.text) <= FACT_MORE_MAX:
            b.imprint[-1].spans.append(whole(line))      # a fact wrapped onto the next line
        else:
            b.imprint.append(whole(line))


def listed_titles(b: Bulletin) -> frozenset[str]:
    """The titles the 目录 lists, as the documents print them again (white space left out)."""
    listed = (collapse(plain(entry.spans)) for entry in b.toc if isinstance(entry, TocEntry))
    return frozenset(title for title in listed if len(title) >= LISTED_TITLE_MIN)


def parse_columns(b: Bulletin, lines: Lines, ctx: Context, titles: frozenset[str] = frozenset()) -> None:
    """Columns (◆ … ◆) and the documents in them, split at each document start."""
    part: Part | None = None
    starts = document_starts(lines, titles)
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    for _, chunk in split_at(lines, starts):
        if not chunk:
            continue
        marker = is_part_marker(chunk[0])
        if marker:
            part = Part(whole(chunk[0]), collapse(marker.group("title")))
            b.parts.append(part)
            chunk = chunk[1:]
            if not chunk:
                continue
        documents = one_after_another(ctx.parse_document(chunk, ctx), ctx)
        if part is not None:
            part.documents.extend(documents)
        else:
            b.parts.extend(documents)
