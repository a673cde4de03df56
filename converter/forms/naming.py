"""How a document names its own form: its title's last word, else the words its body uses.

    某某县城市绿化管理办法（试行）        → 办法 (the form word before a bracketed note)
    某某县人民政府公报                    → none: a 政府公报 is a bulletin issue, not the 文种 公报
    关于…的  (a title cut short)  … 现将有关事项通告如下 … 本通告自发布之日起施行
                                          → 通告 (the body names the document)

A form claims a document by its title words (registry.by_title_words): the
title's word when the title has one; only a title that names no form at all
(or no title) lets the body decide, by the phrases a 公文 uses of itself —
特此通知, 现批复如下, 本通告自…施行, 特此函告 — never by a word the body
merely mentions.
"""

from __future__ import annotations

from converter.frame.head import Head
from converter.model.text import Lines, plain
from converter.patterns import pattern
from converter.rules import KIND_WORDS, TITLE_SUFFIX

# A title ending so names a 政府公报 issue (a bulletin), which is no 公报 (communique).
BULLETIN_TITLE_END = "政府公报"
# The phrases in which a document names its own 文种 (only the fifteen 文种: a notice
# says 本办法 of the rules it issues): 特此通知, 现将有关事项通告如下, 本通告自…, 特此函告
SELF_NAMED = pattern(
    r"(?:特此|现将?[^。；！？]{0,24}?|(?<![《〈“])本)"
    r"(?P<word>通知|通报|决定|决议|公告|通告|意见|报告|批复|函告|函复|纪要|请示)"
    r"(?:如下|自|由|所称|[。！，,；;：:]|$)"
    r"|(?P<request>妥否|当否)[，,]?\s{0,2}请(?:批示|批复|审批|指示)",
    "特此通知", "现将有关事项通告如下", "本通告自发布之日起实施", "特此函告。", "妥否，请批示",
)
# A word of a self-naming phrase that is spelled differently in the title.
SELF_NAMED_WORD = {"函告": "函", "函复": "函"}
# How many lines at each end of a document its self-naming phrases are looked for in:
# the opening (现…如下) and the close (特此…, 本…自…施行).
SELF_NAMED_LINES = 15


def without_note(title: str) -> str:
    """The title without the bracketed notes after its form word: （试行）, （修订草案）（征求意见稿）."""
    title = title.strip()
    for _ in range(2):
        if not title.endswith(("）", ")")):
            break
        cut = TITLE_SUFFIX.search(title)
        if cut is None or cut.start() == 0:
            break
        title = title[:cut.start()].rstrip()
    return title


def title_word(title: str, words: tuple[str, ...]) -> str | None:
    """The word of `words` the title ends in, before any bracketed note (（试行） （草案）)."""
    title = without_note(title)
    if title.endswith(BULLETIN_TITLE_END):
        return None
    return next((word for word in sorted(words, key=len, reverse=True) if title.endswith(word)), None)


def names_a_form(title: str) -> bool:
    """Whether the title ends in any form word (rules.KIND_WORDS), before a bracketed note."""
    title = without_note(title)
    return title.endswith(KIND_WORDS) and not title.endswith(BULLETIN_TITLE_END)


def self_named_word(lines: Lines, start: int) -> str | None:
    """The 文种 the body names the document by, in its first and last lines from `start`."""
    body = lines[start:]
    scan = body if len(body) <= 2 * SELF_NAMED_LINES else [*body[:SELF_NAMED_LINES], *body[-SELF_NAMED_LINES:]]
    for line in scan:
        m = SELF_NAMED.search(line.text)
        if m is not None:
            if m.group("request"):
                return "请示"
            word = m.group("word")
            return SELF_NAMED_WORD.get(word, word)
    return None


def document_word(lines: Lines, head: Head, words: tuple[str, ...]) -> str | None:
    """The word of `words` the document names itself by: its title's, else its body's."""
    title = plain(head.title)
    if title and names_a_form(title):
        return title_word(title, words)
    word = self_named_word(lines, head.end)
    return word if word in words else None
