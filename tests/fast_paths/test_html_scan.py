"""The compiled-pattern scan of an HTML source (html_scan.scan) against HTMLParser (html_events.Events).

tokens() reads a source with scan() and falls back to Events when scan() answers None; here its pieces, and
scan()'s, are compared with those of tokens() as it was (Events for every input, copied below), on the
samples as web pages, generated tag soup, hand-written edge cases and random strings of the characters
HTMLParser tells constructs apart by; and the inputs scan() must leave to Events are checked to be left to it.
"""

from __future__ import annotations

import html
import random
import sys
from pathlib import Path

import pytest

from converter.normalise.html import line_starts_of, masked, tokens
from converter.normalise.lines import LINE_BREAK
from converter.normalise.html_events import Events
from converter.normalise import html_scan
from converter.normalise.html_scan import copies_this_parser, scan, sources_digest
from tests.differential import random_page

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted([*ROOT.glob("samples/seeds/*.txt"), *ROOT.glob("samples/more/*.txt")])

# The site template /work/wt/perf/html_n.py puts the samples in (a <p> a line)
HEAD = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府网站</title><style>p{margin:0}</style>'
        '<script>var a=1;</script></head><body><div class="nav"><a href="/">首页</a> &gt; <a href="/x">政务公开</a></div>'
        '<div class="content">')
TAIL = '</div><div class="footer">主办单位：某某市人民政府办公室 版权所有</div></body></html>'


def reference_tokens(text: str) -> list[tuple[int, int, str, str]]:
    """tokens() as it was before the scan: every input read by Events."""
    parser = Events()
    parser.feed(masked(text))
    parser.close()
    found = parser.found
    ends = [start for start, _, _ in found[1:]] + [len(text)]
    out = [(start, end, kind, tag) for (start, kind, tag), end in zip(found, ends) if end > start]
    if out and out[0][0] > 0:
        out.insert(0, (0, out[0][0], "data", ""))
    return out


def same(text: str) -> bool:
    """Whether the scan reads `text` (when it does, into the pieces Events' constructs make), and tokens() into
    those pieces in any case."""
    scanned = scan(masked(text))
    reference = reference_tokens(text)
    assert scanned is None or scanned == reference, text
    assert tokens(text) == reference, text
    return scanned is not None

# The tests that need the scan to read something: on a Python whose HTMLParser is not the one it copies,
# every input goes to HTMLParser, and the tests of the guard below say so.
SCANS = pytest.mark.skipif(not copies_this_parser(), reason="html_scan does not copy this Python's HTMLParser")


def page(text: str) -> str:
    return HEAD + "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip()) + TAIL


@SCANS
@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_as_a_page_is_scanned_as_events_read_it(path: Path):
    text = page(path.read_text(encoding="utf-8"))
    assert same(text)                            # (and the scan reads it: a page like this is its case)
    assert same(text.replace("\n", "\r\n"))
    assert line_starts_of(text) == [0] + [m.end() for m in LINE_BREAK.finditer(text)]


@SCANS
def test_generated_tag_soup_is_read_the_same():
    scanned = sum(same(random_page(seed, i).decode()) for seed in range(3) for i in range(1000))
    assert scanned > 200                         # enough of them read by the scan to be a comparison


EDGES = [
    "", "x", "<p>", "a<p class=x>b</p>c", "<p class='a>b'>x</p>", '<p title="a>b" id=3>x</p>', "<p a=b/>x",
    "<a href=/>x</a>", "<P ALIGN=CENTER>x</P>", "<br/>", "<br />", "<br/ >", "<a//>", "<a b c=d e='f' g=\"h\"/>",
    "<a b= 'c'>", "<a b ='c' >x", "<a b==c>", "<a b=\"x>\">", "< p>x", "a < b", "a <", "a <\nb", "<1>", "<>", "<",
    "&amp", "&amp;", "&amp x", "a &amp b", "&#x4e2d;", "&#x4e2d", "&#20013;x", "&#0;", "&#12a;", "&#;x", "&#x;",
    "&", "a&", "a & b", "&&", "&nbsp", "&nbsp x", "&nbsp000014349", "&a-b", "x&a.b;", "&中", "</ div>", "</div >",
    "</div class=x>", "</>", "</ >", "</1>", "</", "</p", "<!-- a -- b -->", "<!-- a --\n>", "<!---->", "<!-->",
    "<!--->x-->", "<!-- x", "x<!--", "<!DOCTYPE html>", "<!doctype>", "<!DOCTYPE", "<!x>", "<!>", "<![CDATA[x]]>",
    "<![if !supportLists]>x<![endif]>", "<? x ?>", "<?php echo 1; ?>", "<%@ page a %>x", "<%\nx\n%>", "<?",
    "<script>a</scr b<!-- c</script>", "<script>if (a<b) x='</p>';</script>x", "<SCRIPT>x</SCRIPT >y",
    "<script>x</ script>", "<script>x", "<script>", "<style>p{}</style>", "<style>x</STYLE\t>", "<script/>x",
    "<script type=text/javascript>&amp;</script>", "<script>x</ſcript>y</script>", "<style>a</style >b",
    "<p>a\r\nb</p>\r\n", "a\rb", "<p\x00>", "<p\x0bq>", "<p\u3000class=x>", "<a b='c'd>", "<a b=c\"d>", "<a \"b\">",
    "<a b=\"c\"/>", "<a b='c' / >", "<a b= \"x>", "<a b=\"x>", "<a\n\tb\n=\nc\n>", "<div class='标题'>通知</div>",
]


@pytest.mark.parametrize("text", EDGES)
def test_an_edge_case_is_read_the_same(text: str):
    same(text)
    same("<html><body>" + text + "\n末")


# Inputs the scan must leave to HTMLParser: goahead stops at them and close() reads the rest another way.
FALLBACK = [
    "a <", "x&", "&nbsp", "x&amp", "&#12", "&#12a;", "&#;x", "<p", "<p class=", "<a b=\"x>", "<a\x00>", "<a b='c'/x",
    "</p", "</", "<!-- x", "<!DOCTYPE html", "<!x", "<? x", "<![CDATA[x]]>", "<![if x]>", "<script>x", "<style>",
    "<script>x</ſcript>y</script>", "<p>" * 3 + "<",
]


@pytest.mark.parametrize("text", FALLBACK)
def test_what_the_scan_cannot_read_falls_back_to_htmlparser(text: str):
    assert scan(masked(text)) is None
    assert tokens(text) == reference_tokens(text)


# Pieces random strings are made of: what HTMLParser tells constructs apart by, and what ends them
ALPHABET = ["<", ">", "/", "!", "?", "-", "--", "=", "'", '"', " ", "\t", "\n", "\r", "\x00", "\x0b", "\u3000", "a",
            "p", "script", "STYLE", "ſ", "doctype", "[", "]", "&", "#", "x", "1", "f", ";", ".", "<p", "</", "<!",
            "<!--", "-->", "<?", "<a ", "<br/>", "</p>", "</script>", "</style>", "<script>", "<style>", "href=",
            "='x'", '="y"', "&nbsp", "&#", "&#x", "中", "/>", "</>"]


@SCANS
def test_random_strings_are_read_the_same():
    rng = random.Random(8)
    scanned = 0
    for _ in range(3000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 30))) + rng.choice(["", ">x", "x"])
        scanned += same(text)
    assert scanned > 600


@pytest.mark.skipif(sys.version_info[:3] != (3, 11, 7) or sys.implementation.name != "cpython",
                    reason="the scan copies CPython 3.11.7's HTMLParser")
def test_the_scan_copies_the_parser_of_the_python_it_was_made_for():
    assert sources_digest() == html_scan.PARSER_SOURCES
    assert copies_this_parser()


@pytest.fixture
def another_parser(monkeypatch: pytest.MonkeyPatch):
    """This Python's HTMLParser as if it were not the one the scan copies."""
    monkeypatch.setattr(html_scan, "PARSER_SOURCES", "0" * 64)
    copies_this_parser.cache_clear()
    yield
    monkeypatch.undo()
    copies_this_parser.cache_clear()


@pytest.mark.parametrize("text", ["<p>通知</p>", "a<br/>b &amp; c", page("通知\n正文"), ""])
def test_another_parser_reads_every_input(another_parser: None, text: str):
    assert not copies_this_parser()
    assert scan(masked(text)) is None
    assert tokens(text) == reference_tokens(text)


def test_sources_that_cannot_be_read_turn_the_scan_off():
    assert sources_digest(("gongwen_no_such_module",)) is None
    assert sources_digest(("sys",)) is None            # built in: no source file
    assert sources_digest(("html.parser",)) != sources_digest(("html.parser", "_markupbase"))


@pytest.mark.parametrize("text", ["", "\n", "a", "a\n", "\n\na\nbc\n", "a\r\nb", "a\rb\n", "\r", page("通知\n正文")])
def test_line_starts_are_the_ends_of_the_line_breaks(text: str):
    assert line_starts_of(text) == [0] + [m.end() for m in LINE_BREAK.finditer(text)]
