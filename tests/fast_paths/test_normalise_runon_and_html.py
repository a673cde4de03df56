"""The fast paths of normalise over run-on lines, bare numbers, the HTML reader and character references
compute what the paths they bypass compute."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from converter.model.text import Line
from converter.normalise import Normalised, normalise
from converter.normalise import html as H
from converter.normalise import html_lines as HL
from converter.normalise import runon as R
from converter.normalise.furniture import BARE_NUMBER
from converter.normalise.lines import FORBIDDEN_CHAR, LINE_BREAK
from tests.fast_paths.test_normalise_lines import documents, inputs, long_lines, same_page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def slow_split_run_on(page: Normalised) -> Normalised:
    """split_run_on as it was: every line walked in Python."""
    whole_text = len(page.lines) <= R.WHOLE_TEXT_LINES
    lines: list[Line] = []
    changed = False
    for line in page.lines:
        text = line.text
        points = R.cut_points(text, whole_text) if (
            len(text) >= R.RUN_ON_MIN and "\t" not in text and "|" not in text
            and (whole_text or " " in text or not text.isprintable())) else []
        if points:
            lines.extend(R.pieces(line, points))
            changed = True
        else:
            lines.append(line)
    return replace(page, lines=tuple(lines)) if changed else page


def flattened(rng: random.Random) -> str:
    """A document flattened onto one line, its breaks white space of some kind or none."""
    sep = rng.choice([" ", "  ", "", "\u3000", "\t", " \u3000"])
    numbers = rng.choice([["一、", "二、", "三、"], ["（一）", "（二）"], ["1.", "2.", "3."], ["第一条", "第二条"], ["一、", "三、"]])
    items = sep.join(number + "加强某某工作的管理和监督检查" * rng.randint(1, 3) + rng.choice(["。", "；", ""])
                     for number in numbers)
    return (f"关于做好某某工作的通告{sep}陆府通〔2019〕2号{sep}为了加强管理，现将有关事项通告如下：{sep}{items}"
            f"{sep}此告。{sep}第一章 总则 第一条 为了{rng.choice(['', '|', '。'])}")


def run_on_pages() -> list[Normalised]:
    pages = [normalise(text, ()) for text in documents()]
    rng = random.Random(5)
    flat = long_lines() + [flattened(rng) for _ in range(200)]
    for k in range(120):
        picked = [rng.choice(flat) for _ in range(rng.randint(1, 4))] + [rng.choice(list(inputs())) for _ in range(k % 7)]
        rng.shuffle(picked)
        pages.append(normalise("\n".join(picked), ()))
    return pages


def test_split_run_on_gives_what_the_walk_over_every_line_gives() -> None:
    cut = 0
    for page in run_on_pages():
        fast, slow = R.split_run_on(page), slow_split_run_on(page)
        assert same_page(fast, slow)
        assert (fast is page) == (slow is page)
        cut += fast is not page
    assert cut > 20


def test_a_bare_number_is_what_str_isdecimal_takes() -> None:
    # drop_bare_page_numbers tells BARE_NUMBER's \d{1,4} by len and str.isdecimal
    for c in map(chr, range(0x110000)):
        assert bool(BARE_NUMBER.fullmatch(c)) == c.isdecimal(), hex(ord(c))
    for text in [*inputs(), "12", "１２３４", "12345", "٣٣", "1 2", "0000", "𝟘12", "12\n"]:
        assert bool(BARE_NUMBER.fullmatch(text)) == (len(text) <= 4 and text.isdecimal()), repr(text)


class SlowReader(HL.LineReader):
    """LineReader as it was: every source text piece through its patterns, every line end every step."""

    def markup(self, start: int, piece: str) -> None:
        pos = 0
        for m in [*LINE_BREAK.finditer(piece), None]:
            end = m.start() if m else len(piece)
            part = piece[pos:end]
            if part:
                if FORBIDDEN_CHAR.search(part):
                    part = self.control(part, start + pos)
                self.marks.setdefault(self.line_of(start + pos), []).append(part)
            if m:
                pos = m.end()

    def text(self, start: int, piece: str, printed: bool = True) -> None:
        self.text_pieces(start, piece, printed)     # (the loop by TEXT_PIECE every fast path bypasses)

    def end_line(self, block: bool = False) -> None:
        self.close_spans()
        raw = "".join(self.buf)
        strip = HL.CELL_STRIP if "\t" in raw else None
        text = raw.strip(strip)
        if self.first is None and self.printed is not None:
            self.first, self.column = self.printed
        if self.first is not None and text.strip(" \t\u3000\u00a0"):
            lead = len(raw) - len(raw.lstrip(strip))
            breaks = tuple((max(0, at - lead), line) for at, line in self.breaks if at - lead < len(text))
            if self.linked_chars == self.printed_chars:
                self.links.add((self.first, self.column))
            self.lines.append(Line(self.first, None, text, indent=self.indent or bool(HL.PRINTED_INDENT.match(raw)),
                                   gap=self.empties > 0, bold=HL.shifted(self.bold, lead, len(text)),
                                   sup=HL.shifted(self.sup, lead, len(text)), breaks=breaks, column=self.column))
            self.empties = 0
            self.indent = False
        elif self.had_content or not block:
            self.empties += 1
        self.buf, self.length, self.first, self.last, self.last_char = [], 0, None, None, ""
        self.printed = None
        self.printed_chars = self.linked_chars = 0
        self.breaks = []
        self.pending_space = self.pending_break = self.had_content = False
        self.bold, self.sup = [], []
        if block:
            self.indent = True
            self.row_cells = None


# What entity() computed of a reference each time, before the memo: the same function, uncached (one copy of
# the computation; the tests below check that the memo gives what it gives, call after call)
slow_reference = H.reference.__wrapped__


def html_sources() -> list[str]:
    """HTML fixtures and samples, and pages of odd pieces: controls and forbidden characters in tags and text,
    CR and CRLF line ends, empty blocks, references with and without their semicolons, pre, tables, links."""
    texts = [path.read_text(encoding="utf-8", errors="replace")
             for path in sorted([*FIXTURES.rglob("*.txt"), *SAMPLES.rglob("*.txt")])]
    texts = [text for text in texts if H.looks_like_html(text)]
    pieces = ["<p>", "</p>", "<br>", "<br/>", "<p>&nbsp;</p>", "<div>", "</div>", "&nbsp", "&nbsp;", "&#20013;", "&#x4e2d;",
              "&lt;", "&amp", "&bogus;", "&", "&#0;", "&#8203;", "正文", "通知", "　　为", " ", "  ", "\n", "\r\n", "\r", "\t",
              "\x01", "\u200b", "\ufeff", "<b>", "</b>", "<sup>", "</sup>", "<a href=x>", "</a>", "<nav>", "</nav>",
              "<pre>", "</pre>", "<table>", "<tr>", "<td colspan=2>", "<td>", "</td>", "</tr>", "</table>", "<li>",
              "<span\nclass=x>", "<!-- 注\n释 -->", "<p\x01>", "<p title='\u200b'>", "一、", "2024", "abc", "|", "】",
              "<h1>", "</h1>", "<strong>", "</strong>", "\u00a0\u00a0", "<script>x<y</script>", "<style>p{}</style>"]
    rng = random.Random(11)
    for k in range(150):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 80)))
        texts.append("<html><body>" + body + ("</body></html>" if k % 3 else ""))
    return texts


def test_html_reader_gives_what_every_step_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = html_sources()
    fast = [H.read_html_page(text) for text in sources]
    monkeypatch.setattr(H, "LineReader", SlowReader)
    monkeypatch.setattr(H, "reference", slow_reference)
    slow = [H.read_html_page(text) for text in sources]
    assert fast == slow
    assert sum(len(lines) for lines, _, _ in fast) > 800


def test_reference_memo_gives_what_unescape_gives() -> None:
    names = ["&nbsp", "&nbsp;", "&nbsp000014349", "&amp;x", "&lt", "&#20013;", "&#20013", "&#x4e2d;", "&#X4E2D", "&#0;",
             "&#8203;", "&#1114112;", "&bogus;", "&", "&;", "&notit;", "&notin;", "&AMP;", "&#12;", "&copy2024"]
    for piece in names:
        assert H.reference(piece) == slow_reference(piece), piece
