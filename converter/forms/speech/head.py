"""The head of a speech: title, occasion, speaker and salutation, as they are printed.

    2026年某某省政府工作报告                    title (…报告, …讲话, maybe wrapped: 政府工作报 / 告)
    ——2026年1月20日在某某省第十四届人民代表大会    occasion, with or without ——, in brackets,
    第五次会议上                                wrapped until it ends in 上, or a date line alone
    来源：某某日报                               a page's lines (byline, caption, toolbar)
    某某省人民政府省长 王明                       speaker: role and name, on one line or two
    各位代表：                                   salutation

Each line is read for what it is, not for where it stands: the occasion may run on
the title's line (政府工作报告——2026年…会议上 省长 王明), the speaker may stand above
the occasion, a page's lines may stand anywhere among them (a website prints its
byline between occasion and speaker). Those lines are none of the head's parts:
`set_aside` lists them, and the form takes them out of the reading text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from converter.forms.speech.speaker import ROLE, role_only, speaker_on, speaker_on_two
from converter.forms.speech.title import (OCCASION_DATE, SPOKEN_WORDS, other_form_title, pick_title,
                                          spoken_word, title_like, with_subtitle)
from converter.model.document import Author
from converter.model.text import Line, Lines, Span, collapse, joined, plain, whole
from converter.patterns import pattern
from converter.rules import DATE, DOC_NUMBER, SENTENCE_END, section_start
from converter.values import iso_date

# The date a report was given, in brackets at the end of its title's line: "政府工作报告（2026年1月20日）"
TITLE_DATE = pattern(rf"\s{{0,3}}[（(]\s{{0,2}}(?:{DATE.pattern})\s{{0,2}}[）)]\s*$", "政府工作报告（2026年1月20日）")

# Where an occasion starts: a dash or a bracket, then a date, then 在 — a dash or a bracket, or
# a date, must stand before the 在 ("——2024年1月8日在", "（2024年1月8日在", "——在", "2024年1月8日在")
# (a meeting of two days: "1964年12月21日和22日在")
OCCASION_START = pattern(rf"(?P<lead>(?:[—－─―]{{1,2}}|-{{2}}|[（(])\s{{0,2}})?(?P<date>{DATE.pattern}"
                         rf"(?:\s{{0,2}}[和、至到—－~～]\s{{0,2}}[0-9０-９一二三四五六七八九十]{{1,3}}\s{{0,2}}日)?)?\s{{0,2}}在",
                         "——2024年1月8日在", "（2024年1月8日在", "——在", "2024年1月8日在", "1964年12月21日和22日在")
# Where an occasion ends: 上, maybe "的政府工作报告" (the occasion as a subtitle), maybe a bracket
OCCASION_END = pattern(rf"上(?P<sub>的[^，。；：\s]{{0,20}}?(?:{'|'.join(SPOKEN_WORDS)}))?\s{{0,2}}[）)]?",
                       "上", "上的政府工作报告", "上）")
# Those a speech is addressed to, and the salutation that opens it: "各位代表：", "代表们！",
# "各位代表、同志们：", "女士们、先生们："
ADDRESSEES = r"(?:(?:各位|全体)(?:代表|委员|同志|来宾|嘉宾|朋友|先生|女士)|(?:代表|委员|同志|来宾|嘉宾|朋友|先生|女士)们)"
SALUTATION = pattern(rf"{ADDRESSEES}(?:\s{{0,2}}[、，,]\s{{0,2}}{ADDRESSEES}){{0,4}}\s{{0,2}}[：:！!，,]?",
                     "各位代表：", "同志们!", "代表们：", "各位代表、同志们：", "各位委员：", "女士们、先生们：")
# How far down the head may reach, in lines.
HEAD_WINDOW = 60
# The most lines an occasion wraps over.
OCCASION_LINES_MAX = 3
# How far into its line an occasion starts: after a title run on with it, at the most.
OCCASION_START_WITHIN = 90
# The longest occasion, from its dash to its 上 (and what may follow it on its line).
OCCASION_MAX = 120
# A line this long, or this long and ending a sentence, is the body's text: the head ends above it.
PROSE_MIN = 80
SENTENCE_PROSE_MIN = 40


@dataclass(eq=False, repr=False)
class Occasion:
    """An occasion line (maybe wrapped), and what was printed on its lines besides."""

    first: int                      # its first line
    end: int                        # the line after it
    spans: list[Span]
    iso: str | None
    sub: str | None                 # "的政府工作报告": the occasion names what is delivered
    title: Span | None = None       # the title, printed before it on its first line
    author: Author | None = None    # the speaker, printed after it on its last line


@dataclass
class SpeechHead:
    """What the top of a document holds of a speech's head, by line index."""

    first: int = 0                  # the first line of the head's parts
    end: int = 0                    # the first line of the body
    title: list[Span] = field(default_factory=list)
    delivered: tuple[list[Span], str | None] | None = None
    author: Author | None = None
    salutation: Span | None = None
    set_aside: list[Span] = field(default_factory=list)   # page lines among and above the parts
    date_apart: Line | None = None  # the occasion's date printed below the speaker (its value is taken)
    spoken: str = ""                # the word that names what is delivered (报告, 讲话 …), if printed
    framed: bool = False            # a 文号 or another form's title stands above: not a speech

    occasion: bool = False          # an occasion line is printed (not a date line alone)

    @property
    def found(self) -> bool:
        """Enough of a head to tell a speech: a salutation or an occasion line; a date line or a
        speaker's role only with a title."""
        return not self.framed and bool(self.salutation or self.occasion or (
            self.title and (self.delivered or (self.author and self.author.role))))


def is_salutation(line: Line) -> bool:
    return SALUTATION.fullmatch(line.text.strip()) is not None


def is_prose(line: Line, sentences: bool) -> bool:
    """A line of the body's text (or a numbered heading), and no occasion: the head is above it.

    With `sentences`, a shorter line that ends a sentence counts too.
    """
    text = collapse(line.text)
    if len(text) > PROSE_MIN or (sentences and len(text) > SENTENCE_PROSE_MIN and SENTENCE_END.search(text[-1:])):
        return not starts_occasion(text)       # a title run on with its occasion is no prose
    return section_start(text)


def starts_occasion(text: str) -> bool:
    """Whether an occasion starts on this line: at its start, or after a title run on with it.
    Cheap test first: every OCCASION_START match ends in 在 (most lines hold none, and the search tries its
    optional dash and date at every character)."""
    return "在" in text and any(m.group("lead") or m.group("date")
                               for m in OCCASION_START.finditer(text, 0, OCCASION_START_WITHIN))


def occasion_end(line: Line, start: int) -> tuple[int, str | None, int] | None:
    """Where an occasion ends on its line from `start`: (end, subtitle, where what follows starts).

    An occasion ends at a 上 after which the line holds nothing, a speaker or a date.
    """
    text = line.text
    stop = start + OCCASION_MAX
    pos = text.find("上", start, stop)
    while pos >= 0:
        m = OCCASION_END.match(text, pos)
        if m and len(text) - m.end() <= OCCASION_MAX:       # what follows may be a speaker or a date
            end = m.end()
            rest = text[end:].strip()
            if not rest or OCCASION_DATE.fullmatch(rest) or speaker_on(line, after_space(text, end)):
                return end, m.group("sub"), after_space(text, end)
        pos = text.find("上", pos + 1, stop)
    return None


def after_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def occasion_at(lines: Lines, j: int, stop: int) -> Occasion | None:
    """The occasion starting on line j (maybe after the title on that line), wrapped up to its 上."""
    line = lines[j]
    if "在" not in line.text:
        return None             # (cheap test first: an OCCASION_START match ends in 在, as starts_occasion says)
    for m in OCCASION_START.finditer(line.text, 0, OCCASION_START_WITHIN):
        if not (m.group("lead") or m.group("date")):
            continue
        before = line.text[:m.start()].strip()
        if before and not title_like(before, commas=True):
            continue
        title = Span(line, 0, len(line.text[:m.start()].rstrip())) if before else None
        occasion = wrapped_occasion(lines, j, stop, m.start(), title)
        if occasion is not None:
            return occasion
    return None


def occasion_below_date(lines: Lines, j: int, stop: int) -> Occasion | None:
    """A date alone on line j and the occasion going on from 在 on the line below, wrapped after
    its date (一九七五年一月十三日 / 在第四届全国人民代表大会第一次会议上)."""
    if j + 1 >= stop or not OCCASION_DATE.fullmatch(lines[j].text.strip()):
        return None
    below = lines[j + 1]
    start = after_space(below.text, 0)
    if not below.text.startswith("在", start):
        return None
    found = occasion_end(below, start)
    if found is None or found[2] < len(below.text):
        return None             # only the occasion on its line: a speaker after it is told apart elsewhere
    end, sub, _ = found
    m = DATE.search(lines[j].text)
    return Occasion(j, j + 2, [whole(lines[j]), Span(below, start, end)], iso_date(m) if m else None, sub)


def wrapped_occasion(lines: Lines, j: int, stop: int, start: int, title: Span | None) -> Occasion | None:
    """The occasion from column `start` of line j, over the lines it wraps to, and what follows it."""
    k = j
    col = start
    while True:
        found = occasion_end(lines[k], col)
        if found is not None:
            end, sub, rest = found
            spans = [Span(lines[j], start, len(lines[j].text))] + [whole(l) for l in lines[j + 1:k + 1]]
            spans[-1] = Span(lines[k], spans[-1].start, end)
            occasion = Occasion(j, k + 1, spans, None, sub, title)
            tail = lines[k].text[rest:]
            if tail and OCCASION_DATE.fullmatch(tail.strip()):
                occasion.spans[-1] = Span(lines[k], spans[-1].start, len(lines[k].text))
            elif tail:
                occasion.author = speaker_on(lines[k], rest)
            break
        k += 1
        col = 0
        if k >= stop or k - j >= OCCASION_LINES_MAX or is_salutation(lines[k]) or not title_like(lines[k].text):
            if not title_like(lines[j].text[start:], commas=True) or "上" in lines[j].text[start:]:
                return None          # a sentence that tells of a meeting (…会议上通过), not an occasion line
            occasion = Occasion(j, j + 1, [Span(lines[j], start, len(lines[j].text))], None, None, title)
            break
    if occasion.end < stop and not DATE.search(joined(occasion.spans)) and OCCASION_DATE.fullmatch(
            lines[occasion.end].text.strip()):
        occasion.spans.append(whole(lines[occasion.end]))
        occasion.end += 1
    m = DATE.search(joined(occasion.spans))
    occasion.iso = iso_date(m) if m else None
    return occasion


def head_limit(lines: Lines) -> tuple[int, int | None]:
    """How far the head may reach and the salutation's index: the salutation, unless a long
    line of prose comes first; without one, the first line of prose (a shorter sentence too)."""
    window = min(len(lines), HEAD_WINDOW)
    hard = next((j for j in range(window) if is_salutation(lines[j]) or is_prose(lines[j], False)), window)
    if hard < window and is_salutation(lines[hard]):
        return hard, hard
    return next((j for j in range(hard) if is_prose(lines[j], True)), hard), None


def find_head(lines: Lines) -> SpeechHead:
    """The head's parts among the first lines; an empty head when none is printed."""
    head = SpeechHead()
    limit, sal = head_limit(lines)
    taken: set[int] = set()
    occasion = next((o for o in (occasion_at(lines, j, limit) or occasion_below_date(lines, j, limit)
                                 for j in range(limit)) if o), None)
    if occasion is None and sal is None and not any(
            ROLE.search(line.text) or OCCASION_DATE.fullmatch(line.text.strip()) for line in lines[:limit]):
        return head             # no salutation, no occasion, no date line, no speaker's role: no head
    if occasion is not None:
        head.occasion = True
        head.delivered = (occasion.spans, occasion.iso)
        taken.update(range(occasion.first, occasion.end))
    top = occasion.first if occasion else 0
    beside: list[Span] = []
    if occasion is not None and occasion.title is not None:
        head.title = [occasion.title]
    else:
        title = pick_title(lines, occasion.first if occasion else limit, occasion.first if occasion else None,
                           bool(occasion and occasion.sub), occasion.iso if occasion else None)
        if title is not None:
            title = with_subtitle(lines, title, occasion.first if occasion else limit, taken)
            head.title = title.spans
            taken.update(range(title.first, title.end))
            top = title.first
            beside = rest_of_line(title.spans)
    if head.delivered is None and head.title:
        split = dated_title(head.title)
        if split is not None:           # 政府工作报告（2026年1月20日）: the day it was given, after the title
            head.title, head.delivered = split
            head.occasion = True
    date_line = None
    if head.delivered is None or head.delivered[1] is None:
        date_line = next((j for j in range(top, limit) if j not in taken
                          and OCCASION_DATE.fullmatch(lines[j].text.strip())), None)
    if date_line is not None and head.delivered is None:
        head.delivered = ([whole(lines[date_line])], date_of(lines[date_line]))
        taken.add(date_line)
        date_line = None
    head.author, author_lines = pick_author(lines, occasion, top, limit, sal, taken)
    taken.update(author_lines)
    last_aside = -1
    if date_line is not None and head.delivered is not None:
        # the occasion's date, printed apart from it (below the speaker): its value is the
        # occasion's, its line cannot follow the occasion in reading order, so it is set aside
        head.delivered = (head.delivered[0], date_of(lines[date_line]))
        head.date_apart = lines[date_line]
        last_aside = date_line
    if sal is not None:
        head.salutation = whole(lines[sal])
        taken.add(sal)
    if not taken:
        return SpeechHead()
    head.first, last = min(taken), max(max(taken), last_aside)
    head.end = last + 1
    head.set_aside = [whole(lines[j]) for j in range(0, last + 1) if j not in taken and j != last_aside]
    head.set_aside = sorted(head.set_aside + beside, key=lambda span: (span.line.n, span.start))
    head.spoken = spoken_word(plain(head.title)) or (spoken_word(occasion.sub) if occasion and occasion.sub else "")
    head.framed = other_form_title(plain(head.title)) or any(
        DOC_NUMBER.fullmatch(s.text.strip()) or other_form_title(s.text) for s in head.set_aside)
    return head


def dated_title(title: list[Span]) -> tuple[list[Span], tuple[list[Span], str | None]] | None:
    """A title whose line ends in the date it was given, in brackets: the title, and that date."""
    last = title[-1]
    m = TITLE_DATE.search(last.text)
    if m is None or not last.text[:m.start()].strip():
        return None
    date = DATE.search(m.group())
    cut = last.start + m.start()
    head = [*title[:-1], Span(last.line, last.start, cut)]
    return head, ([Span(last.line, cut, last.end)], iso_date(date) if date else None)


def rest_of_line(spans: list[Span]) -> list[Span]:
    """What a title's line holds besides a title that is part of it (a mirror's links around it)."""
    if len(spans) != 1:
        return []
    span = spans[0]
    around = [Span(span.line, 0, span.start), Span(span.line, span.end, len(span.line.text))]
    return [part for part in around if part.text.strip()]


def date_of(line: Line) -> str | None:
    m = DATE.search(line.text)
    return iso_date(m) if m else None


def pick_author(lines: Lines, occasion: Occasion | None, top: int, limit: int, sal: int | None,
                taken: set[int]) -> tuple[Author | None, list[int]]:
    """The speaker: after the occasion on its line, a role and a name (one line or two), or a name
    alone right next to the title, the occasion, a date line or the salutation."""
    if occasion is not None and occasion.author is not None:
        return occasion.author, []
    for j in range(top, limit):
        if j in taken:
            continue
        line = lines[j]
        if role_only(line) is not None and j + 1 < limit and j + 1 not in taken:
            two = speaker_on_two(line, lines[j + 1])
            if two is not None:
                return two, [j, j + 1]
        author = speaker_on(line)
        # a name alone is a speaker only next to another part of the head (a toolbar word is a name too)
        next_to = j - 1 in taken or j + 1 in taken or bool(taken and sal is not None and j == sal - 1)
        if author is not None and (author.role or next_to):
            return author, [j]
    return None, []
