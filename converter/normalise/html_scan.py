"""The constructs of an HTML source found by a few compiled patterns: what html_events.Events finds, faster.

HTMLParser is pure Python: for each construct goahead runs a regex, a method, updatepos, and for a start tag
the attribute parsing of parse_starttag, whose result tokens() throws away. Here one pattern scans the text
with finditer, an alternative for each construct as goahead tells them apart (in its order), and each match
is one construct; the contents of <script> and <style> (HTMLParser's cdata mode) are one search for the end
tag cdata mode looks for. The alternatives are HTMLParser's own regexes (html/parser.py, _markupbase.py of
Python 3.10-3.12), made to match only where goahead, reading the whole text in one feed(), reads the
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
"""

from __future__ import annotations

import re

from converter.patterns import pattern

# attrfind_tolerant without its groups: one attribute with its value and the blanks and "/" after it
ATTRIBUTE = r"""(?<=['"\s/])[^\s/>][^\s/=>]*(?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?![\'"])[^>\s]*))?(?:\s|/(?!>))*"""

# One construct as goahead reads it: <p>, <br/>, </p>, <!-- x -->, &nbsp;, text, or `bad` (see the module's doc)
CONSTRUCT = pattern(
    r"(?P<data>[^&<]+)"
    r"|(?P<start><(?=(?P<name>[a-zA-Z][^\t\n\r\f />\x00]*)(?P<attrs>(?:\s|/(?!>))*(?:" + ATTRIBUTE + r")*))"
    r"(?P=name)(?P=attrs)(?P<slash>/?)>)"
    r"|(?P<end></\s*(?P<end_name>[a-zA-Z][-.a-zA-Z0-9:_]*)\s*>)"
    r"|(?P<loose_end></(?P<loose_name>[a-zA-Z][^\t\n\r\f />\x00]*)[^>]*>)"
    r"|(?P<nothing></>)"
    r"|(?P<bogus_end></[^>]*>)"
    r"|(?P<comment><!--[\s\S]*?--\s*>)"
    r"|(?P<pi><\?[^>]*>)"
    r"|(?P<doctype><![dD][oO][cC][tT][yY][pP][eE][^>]*>)"
    r"|(?P<bogus><!(?!--|\[)[^>]*>)"
    r"|(?P<less><(?=[^a-zA-Z/!?]))"
    r"|(?P<charref>&#(?:[0-9]+|[xX][0-9a-fA-F]+)(?:;|(?=[^0-9a-fA-F])))"
    r"|(?P<entityref>&[a-zA-Z][-.a-zA-Z0-9]*(?:;|(?=[^a-zA-Z0-9])))"
    r"|(?P<amp>&(?=[^a-zA-Z#]))"
    r"|(?P<bad>[\s\S])",
    "<p>", "<br/>", "</p>", "<!-- x -->", "&nbsp;", "text",
)
# The end of a <script>'s contents as cdata mode finds it: "</script>", "</SCRIPT >"
SCRIPT_END = pattern(r"</\s*script\s*>", "</script>", "</SCRIPT >", flags=re.IGNORECASE)
# The end of a <style>'s contents as cdata mode finds it: "</style>", "</ Style>"
STYLE_END = pattern(r"</\s*style\s*>", "</style>", "</ Style>", flags=re.IGNORECASE)
# The end tag parse_endtag reads (endtagfind): "</script>", "</ div >"
END_TAG = pattern(r"</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>", "</script>", "</ div >")

# What each alternative is, as Events records it (`nothing` and `bad` are told apart in scan()).
KINDS = {"data": "data", "less": "data", "amp": "data", "charref": "entity", "entityref": "entity",
         "bogus_end": "markup", "comment": "markup", "pi": "markup", "doctype": "markup", "bogus": "markup"}


def scan(text: str) -> list[tuple[int, str, str]] | None:
    """(offset, kind, tag) of each construct of `text` as Events finds them (its `found`), or None when
    the text holds a construct this scan leaves to HTMLParser."""
    found: list[tuple[int, str, str]] = []
    add = found.append
    kinds = KINDS
    pos = 0
    while True:
        for m in CONSTRUCT.finditer(text, pos):
            group = m.lastgroup
            if group == "data":                     # (the most frequent first)
                add((m.start(), "data", ""))
            elif group == "start":
                tag = m.group("name").lower()
                if m.group("slash"):
                    add((m.start(), "empty", tag))
                    continue
                add((m.start(), "start", tag))
                if tag == "script" or tag == "style":
                    pos = m.end()
                    break
            elif group == "end":
                add((m.start(), "end", m.group("end_name").lower()))
            elif group == "loose_end":
                add((m.start(), "end", m.group("loose_name").lower()))
            elif group == "nothing":
                pass
            elif group == "bad":
                return None
            else:
                add((m.start(), kinds[group], ""))   # type: ignore[index]
        else:
            return found
        # the contents of a <script> or <style>: text up to its end tag
        close = (SCRIPT_END if tag == "script" else STYLE_END).search(text, pos)
        if close is None:
            return None
        end = END_TAG.match(text, close.start())
        if end is None or end.group(1).lower() != tag:
            return None
        if close.start() > pos:
            add((pos, "data", ""))
        add((close.start(), "end", tag))
        pos = close.end()
