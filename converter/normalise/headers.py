"""Running headers: a publication's own title printed again at the top of its pages.

Only the form that knows the publication's title (a bulletin's masthead)
can tell such a line, so the form calls this filter on the lines it holds.
"""

from __future__ import annotations

from typing import Callable, Sequence

from converter.model.text import Line, collapse
from converter.patterns import pattern

# A page header that carries the issue: "某市人民政府公报 2023年第3期", "第3期", "二〇二四年第三期"
ISSUE_IN_HEADER = pattern(r"第\s{0,2}(?:\d{1,3}|[〇零一二三四五六七八九十百]{1,5})\s{0,2}期",
                          "2023年第3期", "第 3 期", "二〇二四年第三期")
# What is ignored when a header is compared with the title: punctuation, underscores, spaces.
NOT_A_WORD = pattern(r"[\W_]", "《")


def title_key(text: str) -> str:
    return NOT_A_WORD.sub("", collapse(text))


def drop_running_headers(lines: Sequence[Line], title: str,
                         remove: Callable[[str, int, str], None]) -> list[Line]:
    """The lines without those that repeat `title` (alone, or with the issue after it).

    Each header taken out is passed to `remove(reason, line, text)`.
    """
    key = title_key(title)
    last = key[-1:]
    kept = []
    for line in lines:
        if last not in line.text:          # cheap test first: most lines are not headers
            kept.append(line)
            continue
        text_key = title_key(line.text)
        if text_key.startswith(key) and (text_key == key or ISSUE_IN_HEADER.search(line.text.lstrip())):
            remove("running-header", line.n, line.raw.strip())
        else:
            kept.append(line)
    return kept
