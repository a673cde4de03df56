"""A speech's title: what it ends in, how it wraps, which of the titles a page prints it is.

    2026年某某省政府工作报告          a report's title (…报告 …汇报), or a speech's (…讲话 …致辞)
    政府工作报 / 告                   broken in the middle of a word
    2026年某某省 / 政府工作报告        wrapped after the year or the government it is of
    关于…国民经济 / 计划草案的报告      begun with 关于, wrapped anywhere before its report word
    团结奋斗，建设…的新某某            a title naming no report, over an occasion that does
    奋力谱写…新篇章 / ——政府工作报告    a slogan and, after a dash below it, the report it titles
    政府工作报告 / ——奋力谱写…新篇章    a report's title and its slogan below it, after a dash

A page may print several titles above the occasion (its own title, the
article's; a mirror its links to the years before and after): the title is the
last that fits the occasion's date — a title naming another year is another
report's.
"""

from __future__ import annotations

from dataclasses import dataclass

from converter.forms.speech.speaker import is_name, role_only
from converter.model.text import Lines, Span, collapse, plain, whole
from converter.patterns import pattern
from converter.rules import DATE, TITLE_FORM_WORD

# The words a delivered text's title ends in: a report, or a speech
SPEECH_WORDS = ("讲话", "致辞", "发言", "演讲")
SPOKEN_WORDS = ("报告", "汇报", *SPEECH_WORDS)
# What a web page adds after a title: "（全文）", "(摘要)", "全文", the year or day it was given: "（2026年）"
TITLE_SUFFIX = (r"(?:\s{0,2}[（(【\[]\s{0,2}(?:全文|摘要|摘登|节选|实录|文字实录|图文"
                r"|\d{4}\s{0,2}年(?:\d{1,2}\s{0,2}月\d{1,2}\s{0,2}日)?)\s{0,2}[）)】\]]|全文)?")
# A report's or a speech's title, letter-spacing collapsed: "2026年某某省政府工作报告",
# "在全县植树造林动员大会上的讲话", "政府工作报告（全文）"
SPOKEN_TITLE = pattern(rf"[^，。；：,;:！？!?]{{0,60}}?(?P<word>{'|'.join(SPOKEN_WORDS)}){TITLE_SUFFIX}",
                       "2026年某某省政府工作报告", "在全县植树造林动员大会上的讲话", "政府工作报告（全文）",
                       "政府工作报告（2026年）")
# The date of the occasion alone on its line: "（2024年1月10日）", "一九五四年九月二十三日"
OCCASION_DATE = pattern(rf"[（(]?\s{{0,2}}{DATE.pattern}\s{{0,2}}[）)]?", "（2024年1月10日）", "一九五四年九月二十三日")
# Brackets that come in pairs in a title.
BRACKET_PAIRS = (("《", "》"), ("（", "）"), ("(", ")"), ("【", "】"), ("“", "”"))
# What a breadcrumb or a menu separates its items with, never a title: "首页 > 政务公开 > …"
NAVIGATION = "|｜>＞»›"
# A subtitle's dash at the start of its line: "——政府工作报告", "—奋力谱写…"
SUBTITLE_DASH = pattern(r"[—－─―]{1,2}|-{2}", "——", "--")
# The most lines a title wraps over.
TITLE_LINES_MAX = 3
# The first line of a title wrapped before its report word: the year or the government it is of
# ("2026年某某省" / "政府工作报告")
TITLE_HEAD = pattern(r".{0,30}(?:\d{4}\s{0,2}年|[省市区县州盟旗]|人民政府)", "2026年某某省", "某某市人民政府")
# A title begun with 关于 goes on to its report word: "关于一九五八年国民经济计划执行结果和…" / "…草案的报告"
TITLE_ABOUT = pattern(r"\s{0,4}关\s{0,2}于", "关于一九五八年国民经济计划执行结果")
# The longest title, and the longest last line of a title broken in the middle of a word ("告").
TITLE_MAX = 60
TITLE_TAIL_MAX = 4
# A year a title names: "2026年"
TITLE_YEAR = pattern(r"(?P<year>\d{4})\s{0,2}年", "2026年")
# A report for the next year may be delivered from this month of the year before (in December).
NEXT_YEAR_FROM_MONTH = 11
# What separates the titles a page prints on one line (links to the reports before and after).
TITLE_GAP = pattern(r"\s+", " ")


@dataclass(eq=False, repr=False)
class Title:
    """A title as printed, and the lines it stands on."""

    spans: list[Span]
    first: int
    end: int



def title_like(text: str, commas: bool = False) -> bool:
    """Short, without a sentence's punctuation (a slogan title may hold commas)."""
    if len(text) > 2 * TITLE_MAX or not balanced(text):
        return False
    text = collapse(text)
    stops = "。；：;:！？!?" + NAVIGATION if commas else "，。；：,;:！？!?" + NAVIGATION
    return 0 < len(text) <= TITLE_MAX and not any(ch in stops for ch in text) and not OCCASION_DATE.fullmatch(text)


def balanced(text: str) -> bool:
    """Whether the brackets of a text close: a title is never cut inside 《…》 (本作品收录于《…)."""
    return all(text.count(a) == text.count(b) for a, b in BRACKET_PAIRS)


def is_spoken_title(text: str) -> bool:
    return SPOKEN_TITLE.fullmatch(collapse(text)) is not None


def spoken_word(text: str) -> str:
    """The word a title or an occasion's subtitle ends in (报告, 讲话 …), before any suffix."""
    m = SPOKEN_TITLE.fullmatch(collapse(text))
    return m.group("word") if m else ""


def title_block(lines: Lines, j: int, stop: int) -> int:
    """How many lines from j make a report's title: one, or a title broken mid-word (政府工作报 / 告)."""
    if not title_like(lines[j].text):
        return 0
    if is_spoken_title(lines[j].text):
        return 1
    for k in range(j + 1, min(j + TITLE_LINES_MAX, stop)):
        text = lines[k].text
        if not title_like(text):
            return 0
        if is_spoken_title(plain([whole(l) for l in lines[j:k + 1]])):
            complete = is_spoken_title(text) and len(collapse(text)) > TITLE_TAIL_MAX
            head = plain([whole(l) for l in lines[j:k]])
            return k + 1 - j if not complete or TITLE_HEAD.fullmatch(head) or TITLE_ABOUT.match(head) else 0
    return 0


def other_form_title(text: str) -> bool:
    """A title ending in the word of another form (…的通知): this is not a speech's head."""
    text = collapse(text)
    # a spoken title may end in a page's suffix ((全文)), which the 文种 pattern reads as a bracketed note
    return title_like(text) and TITLE_FORM_WORD.search(text) is not None and not SPOKEN_TITLE.fullmatch(text)


def candidates(lines: Lines, upto: int) -> list[Title]:
    """The report's or speech's titles printed above line `upto`, in order; a line holding
    several (a mirror's links to the reports before and after) gives each."""
    found: list[Title] = []
    j = 0
    while j < upto:
        parts = [m for m in TITLE_GAP.split(lines[j].text.strip()) if m]
        if len(parts) > 1 and all(is_spoken_title(part) for part in parts):
            pos = 0
            for part in parts:
                start = lines[j].text.index(part, pos)
                pos = start + len(part)
                found.append(Title([Span(lines[j], start, pos)], j, j + 1))
            j += 1
            continue
        size = title_block(lines, j, upto)
        if size:
            found.append(Title([whole(l) for l in lines[j:j + size]], j, j + size))
            j += size
        else:
            j += 1
    return found


def fits_date(title: Title, iso: str | None) -> bool:
    """Whether a year the title names (if any) fits the date it was delivered on (a report for the
    next year may be delivered in December; a plan's report names the year before too)."""
    if iso is None:
        return True
    year, month = int(iso[:4]), int(iso[5:7])
    years = {year, year + 1} if month >= NEXT_YEAR_FROM_MONTH else {year}
    named = {int(m.group("year")) for m in TITLE_YEAR.finditer(plain(title.spans))}
    return not named or bool(named & years)


def pick_title(lines: Lines, upto: int, occasion_first: int | None, names_delivered: bool,
               iso: str | None) -> Title | None:
    """The title above the occasion (or above the salutation): the last report's title there that
    fits the occasion's date; else the line right above the occasion, where the occasion says what
    is delivered (——…会议上的政府工作报告) or the title is the first line."""
    fitting = [t for t in candidates(lines, upto) if fits_date(t, iso)]
    if fitting:
        return fitting[-1]
    if occasion_first is not None and occasion_first > 0 and (names_delivered or occasion_first == 1):
        above = lines[occasion_first - 1]
        if title_like(above.text, commas=True) and not is_name(above.text) and not role_only(above):
            return Title([whole(above)], occasion_first - 1, occasion_first)
    return None


def with_subtitle(lines: Lines, title: Title, stop: int, taken: set[int]) -> Title:
    """The title with its subtitle: a line printed after a dash below it (政府工作报告 / ——奋力…),
    or the slogan above a title that is such a line (奋力… / ——政府工作报告); one title, both lines."""
    def subtitle(j: int) -> bool:
        text = lines[j].text.strip()
        dash = SUBTITLE_DASH.match(text)
        return dash is not None and title_like(text[dash.end():], commas=True)

    def slogan(j: int) -> bool:
        text = lines[j].text
        return (j not in taken and title_like(text, commas=True) and SUBTITLE_DASH.match(text.strip()) is None
                and not is_name(text) and not role_only(lines[j]))
    first, end = title.first, title.end
    if end - first == 1 and subtitle(first) and first > 0 and slogan(first - 1):
        first -= 1
    elif end < stop and end not in taken and subtitle(end) and is_spoken_title(plain(title.spans)):
        end += 1
    if (first, end) == (title.first, title.end):
        return title
    return Title([whole(l) for l in lines[first:end]], first, end)
