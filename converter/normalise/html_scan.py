"""The constructs of an HTML source found by a few compiled patterns: what html_events.Events finds, faster.

HTMLParser is pure Python: for each construct goahead runs a regex, a method, updatepos, and for a start tag
the attribute parsing of parse_starttag, whose result tokens() throws away. Here one pattern scans the text
with finditer, an alternative for each construct as goahead tells them apart (in its order), each match the
text before a construct and the construct; the contents of <script> and <style> (HTMLParser's cdata mode) are one search for the end
tag cdata mode looks for. The alternatives are HTMLParser's own regexes (html/parser.py, _markupbase.py of
Python 3.11), made to match only where goahead, reading the whole text in one feed(), reads the
construct to its end there:

- a start tag: tagfind_tolerant then attrfind_tolerant as often as it matches, as parse_starttag reads it,
  each read as its own match would read it (the lookahead and backreferences: what a lookahead matched is
  never read again another way), then ">" or "/>": where locatestarttagend_tolerant ends too, so the tag is
  the piece check_for_whole_start_tag finds, and "/>" just after the attributes makes it an empty tag
  (<br/>; <a href=/> is a start tag: its value took the "/");
- an end tag: endtagfind, else tagfind_tolerant's name and the first ">" after, else </> (no construct:
  parse_endtag skips it), else a bogus comment to the first ">";
- <!-- … --\\s*>, <?…>, <!DOCTYPE …>, <!…> (a bogus comment), a "<" before none of these (data);
- &#…, &name as charref and entityref find them (the ";" in the piece, another end not), an "&" before none.

Everything else falls back to HTMLParser (scan() answers None): an unfinished construct (a start tag that
locatestarttagend leaves before "=", a letter, a "/" or the end of the text, or that ends in a character
such as \\x00 it reads as text; an unclosed comment, instruction, declaration, end tag, <script> or
<style>), "<![" (marked sections), "&#" no charref follows, a reference or "<" or "&" at the very end of the
text, and a <script> or <style> whose end tag is spelled with a character IGNORECASE reads as a Latin letter
(</ſcript>, which cdata mode finds and parse_endtag then reads as text). goahead stops at each of these and
close() reads the rest again another way, which this scan does not copy.

The scan copies one HTMLParser: the one whose sources (html/parser.py, _markupbase.py) hash to
PARSER_SOURCES. A patch release of Python may change that parser (security fixes have changed how it reads
comments and <script>), so on any other Python, or where the sources cannot be read, every input goes to
HTMLParser: slower, never different.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import re

from converter.patterns import pattern

# SHA-256 of html/parser.py then _markupbase.py as Python 3.11.7 ships them: the parser this scan copies
PARSER_SOURCES = "c679a63e9a349553de6797dac8a05e51db06f817bc890deab96fd57a13146adc"

# attrfind_tolerant without its groups: one attribute with its value and the blanks and "/" after it
ATTRIBUTE = r"""(?<=['"\s/])[^\s/>][^\s/=>]*(?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?![\'"])[^>\s]*))?(?:\s|/(?!>))*"""

# The text up to the next construct, and the construct as goahead reads it (or `bad`: see the module's doc), or
# the end of the text: "x<p>", "<br/>", "</p>", "<!-- x -->", "中&nbsp;", "text"
CONSTRUCT = pattern(
    r"(?P<data>[^&<]+)?(?:"
    r"(?P<start><(?=(?P<name>[a-zA-Z][^\t\n\r\f />\x00]*)(?P<attrs>(?:\s|/(?!>))*(?:" + ATTRIBUTE + r")*))"
    r"(?P=name)(?P=attrs)(?P<slash>/?)>)"
    r"|(?P<end></\s*[a-zA-Z][-.a-zA-Z0-9:_]*\s*>)"                 # endtagfind
    r"|(?P<loose_end></[a-zA-Z][^>]*>)"                             # tagfind_tolerant's name
    r"|(?P<nothing></>)"
    r"|(?P<markup></[^>]*>|<!--[\s\S]*?--\s*>|<\?[^>]*>|<![dD][oO][cC][tT][yY][pP][eE][^>]*>|<!(?!--|\[)[^>]*>)"
    r"|(?P<entity>&#(?:[0-9]+|[xX][0-9a-fA-F]+)(?:;|(?=[^0-9a-fA-F]))|&[a-zA-Z][-.a-zA-Z0-9]*(?:;|(?=[^a-zA-Z0-9])))"
    r"|(?P<lone><(?=[^a-zA-Z/!?])|&(?=[^a-zA-Z#]))"
    r"|(?P<bad>[\s\S])"
    r"|\Z)",
    "x<p>", "<br/>", "</p>", "<!-- x -->", "中&nbsp;", "text",
)
# The name of an end tag parse_endtag reads with tagfind_tolerant: "div" of "</div class=x>"
LOOSE_END_NAME = pattern(r"[a-zA-Z][^\t\n\r\f />\x00]*", "div")
# The end of a <script>'s contents as cdata mode finds it: "</script>", "</SCRIPT >"
SCRIPT_END = pattern(r"</\s*script\s*>", "</script>", "</SCRIPT >", flags=re.IGNORECASE)
# The end of a <style>'s contents as cdata mode finds it: "</style>", "</ Style>"
STYLE_END = pattern(r"</\s*style\s*>", "</style>", "</ Style>", flags=re.IGNORECASE)
# The end tag parse_endtag reads (endtagfind): "</script>", "</ div >"
END_TAG = pattern(r"</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>", "</script>", "</ div >")

def sources_digest(modules: tuple[str, ...] = ("html.parser", "_markupbase")) -> str | None:
    """SHA-256 of the sources of `modules` in turn, as this Python has them; None when one cannot be read
    (a frozen or zipped standard library). Read from the files, so that a text without HTML never imports
    html.parser."""
    digest = hashlib.sha256()
    for name in modules:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            return None
        try:
            with open(spec.origin, "rb") as source:
                digest.update(source.read())
        except OSError:
            return None
    return digest.hexdigest()


@functools.cache
def copies_this_parser() -> bool:
    """Whether this Python's HTMLParser is the one the scan copies (once a process: the sources don't change)."""
    return sources_digest() == PARSER_SOURCES


def scan(text: str) -> list[tuple[int, int, str, str]] | None:
    """(start, end, kind, tag) of each construct of `text` as tokens() makes them of what Events finds, or None
    when the text holds a construct this scan leaves to HTMLParser, or when this Python's HTMLParser is not
    the one it copies."""
    if not copies_this_parser():
        return None
    out: list[tuple[int, int, str, str]] = []
    add = out.append
    pos = 0
    lead = 0        # the end of a </> that starts the text (Events finds nothing there: see below)
    raw = ""        # script or style: the tag whose contents come next
    while True:
        for m in CONSTRUCT.finditer(text, pos):
            # (one match a construct and the text before it, and few groups: a match costs more than the
            # rest of a piece)
            at, end = m.span()
            data_end = m.end(1)
            if data_end > 0:
                add((at, data_end, "data", ""))
                at = data_end
            group = m.lastgroup
            if group == "start":
                tag = m.group("name").lower()
                if m.group("slash"):
                    add((at, end, "empty", tag))
                else:
                    add((at, end, "start", tag))
                    if tag == "script" or tag == "style":
                        raw, pos = tag, end
                        break
            elif group == "end":
                add((at, end, "end", text[at + 2:end - 1].strip().lower()))   # (endtagfind's name)
            elif at == end:                 # the end of the text
                break
            elif group == "entity":
                add((at, end, "entity", ""))
            elif group == "markup":
                add((at, end, "markup", ""))
            elif group == "lone":           # a "<" or "&" that starts no construct
                add((at, end, "data", ""))
            elif group == "loose_end":
                name = LOOSE_END_NAME.match(text, at + 2)
                assert name is not None         # (the alternative's letter after "</")
                add((at, end, "end", name.group().lower()))
            elif group == "nothing":
                # parse_endtag reads </> as no construct: the piece before runs on over it (tokens() ends a
                # piece where the next construct starts), or a piece of data starts the text
                if out:
                    out[-1] = (out[-1][0], end, out[-1][2], out[-1][3])
                else:
                    lead = end
            else:                           # bad
                return None
        if not raw:
            break
        # the contents of a <script> or <style>: text up to its end tag
        close = (SCRIPT_END if raw == "script" else STYLE_END).search(text, pos)
        if close is None:
            return None
        end_tag = END_TAG.match(text, close.start())
        if end_tag is None or end_tag.group(1).lower() != raw:
            return None
        if close.start() > pos:
            add((pos, close.start(), "data", ""))
        add((close.start(), close.end(), "end", raw))
        raw, pos = "", close.end()
    if out and lead:
        out.insert(0, (0, lead, "data", ""))
    return out
