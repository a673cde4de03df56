"""The fast paths of normalise over markdown and HTML marks compute what the paths they bypass compute."""

from __future__ import annotations

import random

from converter.normalise import chrome_lines as C
from converter.normalise import html as H
from converter.normalise import lines as L
from converter.normalise.lines import clean_line, markdown_marked, strip_inline
from tests.fast_paths.test_normalise_lines import inputs


def slow_strip_inline(text: str) -> tuple[str, L.Spans, L.Spans, list[str]]:
    """strip_inline as it was: every line's markup found by INLINE_MARKUP."""
    out: list[str] = []
    length = 0
    pos = 0
    removed: list[str] = []
    bold: list[tuple[int, int]] = []
    sup: list[tuple[int, int]] = []
    bold_open: int | None = None
    sup_open: int | None = None
    for m in L.INLINE_MARKUP.finditer(text):
        chunk = text[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        token = m.group()
        removed.append(token)
        if token == "**":
            if bold_open is None:
                bold_open = length
            else:
                if length > bold_open:
                    bold.append((bold_open, length))
                bold_open = None
        elif L.SUP_OPEN.match(token):
            sup_open = length
        elif L.SUP_CLOSE.match(token) and sup_open is not None:
            if length > sup_open:
                sup.append((sup_open, length))
            sup_open = None
    out.append(text[pos:])
    return "".join(out), tuple(bold), tuple(sup), removed


def marked_lines() -> list[str]:
    """Lines of bold marks, stars, tags, markdown marks and white space, at random; and the odd inputs."""
    rng = random.Random(6)
    parts = ["*", "**", "***", "中", "a", " ", "\u3000", "\t", "<sup>", "</sup>", "<b>", "<!-- x -->", "<", "- ", "# ",
             "> ", "1", "—", "\x0c", "\u200b", "3", "页"]
    return [*inputs(), *("".join(rng.choice(parts) for _ in range(rng.randint(0, 14))) for _ in range(30000))]


def test_strip_bold_gives_what_inline_markup_gives() -> None:
    for text in marked_lines():
        assert strip_inline(text) == slow_strip_inline(text), repr(text)


def test_a_line_without_markdown_marks_reads_as_its_inline_markup_stripped() -> None:
    # normalise asks furniture_reason of strip_inline(raw.strip())[0].strip() only when markdown_marked(raw):
    # otherwise that text is the Line's own, which it has asked already
    tested = 0
    for text in marked_lines():
        line, _ = clean_line(1, text)
        if line is None or not line.markup or markdown_marked(line.raw):
            continue
        tested += 1
        assert line.text == strip_inline(line.raw.strip())[0].strip(), repr(text)
    assert tested > 1000


def slow_looks_like_html(text: str) -> bool:
    """looks_like_html as it was: the head copied, every count taken."""
    if "<" not in text:
        return False
    head = text[:H.SNIFF]
    if H.HTML_START.match(head) or H.DOCUMENT_TAG.search(head):
        return True
    if 2 * head.count("<") < head.count("\n") - head.count("\n\n"):
        return False
    lines = [line for line in L.LINE_BREAK.split(head) if line.strip()]
    tagged = sum(1 for line in lines if H.BLOCK_TAG_LINE.match(line))
    return tagged >= H.FRAGMENT_MIN and tagged >= H.FRAGMENT_SHARE * len(lines)


def html_like_texts() -> list[str]:
    """Texts of tags, line ends and text at random, some longer than the sniffed head, with a tag across its end."""
    rng = random.Random(7)
    parts = ["<p>", "</div>", "<li>", "<br/>", "<html>", "</head>", "<body class=x>", "<!DOCTYPE html>", "\n", "\n\n",
             "\r\n", "  ", "通知", "a", "<", ">", "<%@ page %>", "<?php", "\t", "<span>"]
    texts = ["".join(rng.choice(parts) for _ in range(rng.randint(0, 40))) for _ in range(20000)]
    for tail in ("<html>", "<body>", "</head>", "<p>x\n<p>y\n<p>z\n", "<ht", "\n\n\n"):
        for cut in range(-8, 3):
            texts.append("中\n" * ((H.SNIFF + cut) // 2) + tail + "\n<p>a\n<p>b")
            texts.append("x" * (H.SNIFF + cut) + tail)
    return texts


def test_looks_like_html_gives_what_it_gave() -> None:
    html = 0
    for text in html_like_texts() + [t for t in inputs() if t]:
        html += H.looks_like_html(text)
        assert H.looks_like_html(text) == slow_looks_like_html(text), repr(text[:80])
    assert html > 1000


def test_a_breadcrumb_separator_is_told_without_its_search() -> None:
    rng = random.Random(8)
    parts = [" ", "\u3000", "\t", "/", "／", ">", ">>", "»", "›", "＞", "首页", "a", "1", " / ", "2023/1/2"]
    for _ in range(30000):
        path = "".join(rng.choice(parts) for _ in range(rng.randint(0, 10)))
        quick = "»" in path or "›" in path or ">" in path or "＞" in path or bool(C.SPACED_SLASH.search(path))
        assert quick == bool(C.CRUMB_SEPARATOR.search(path)), repr(path)
