"""Nodes → lxml elements in the archive namespace. The one place that builds XML.

A whole archive (`document`) is written as markup and parsed by libxml2 in
one call: a fifth less than building it element by element (the samples:
about 0.8 µs an element), where lxml looks up the namespace and checks every
name again.
What does not parse (a string no XML may hold, a name that is not a plain
XML name, nesting beyond libxml2's limits) is built element by element
instead (`subelement`), which accepts or refuses it as it always did: libxml2
accepts no string and no name that lxml refuses, so the markup path never
takes what the other would refuse, and what it takes it builds alike (the
same elements, attributes in order, one text node a run of text). A run of
text beyond a few dozen characters is set by lxml after the parse
(LONG_TEXT): libxml2 reads a character beyond ASCII (all of Chinese) by a
slow path, some 160 instructions one, where lxml's text setter costs some 90
and the markup is not encoded; a mark (LONG_MARK) holds its place, which
lxml finds and strips in C.

A big archive is written into a `holder` its caller gives up (`taken`): once its markup is known to parse,
the nodes are freed before libxml2 builds the tree, which then takes the memory they held.

Consecutive strings among a node's children become one text node (the
element's text, or the tail of the child before them), joined once, so a
paragraph of many pieces costs linear time.

A `Leaf` (model/node.py) is written as its start tag, its text (escaped, or
long) and its end tag: the markup a node of that name, attributes and text
gives. Built element by element, its start tag is read back (LEAF_START).
"""

from __future__ import annotations

import functools
import sys
from typing import Sequence

from lxml import etree

from converter.model.node import Child, Leaf, Node
from converter.patterns import pattern
from converter.xmlnames import NS, q

SubElement = etree.SubElement
# A name the markup path writes as it stands: a plain XML name, ASCII, no colon ("noteRef", "xml-id").
# Any other (a Clark name "{ns}lang", a name lxml would refuse) goes to lxml, which decides as before.
PLAIN_NAME = pattern(r"^[A-Za-z_][A-Za-z0-9_.-]*\Z", "noteRef", "schemaVersion", "a.b-c_1")
# A leaf's start tag, as its makers write it: a plain name, then attributes of values in double quotes
LEAF_START = pattern(r'<([A-Za-z_][A-Za-z0-9_.-]*)((?: [A-Za-z_][A-Za-z0-9_.-]*="[^"]*")*)>\Z',
                     '<p line="3">', "<num>", '<heading line="12" level="2">')
# One attribute of a leaf's start tag: ' line="3"'
LEAF_ATTRIBUTE = pattern(r' ([A-Za-z_][A-Za-z0-9_.-]*)="([^"]*)"', ' line="3"')
# A run of text longer than this is set by lxml's text setter once the markup is parsed: per Chinese
# character the setter costs some 60% of libxml2's parse and the markup's encoding, per text a few
# thousand instructions more (its mark found, the setter called). The samples' tree costs least from 16
# to 64 (instructions a pass: 2000, the old limit, 119.8M; 64 108.3M; 32 107.9M; 16 107.0M; 0 115.0M).
LONG_TEXT = 32
# What stands in the markup for a text set after the parse: a processing instruction, which no other
# markup holds (the writer writes none, and a text's "<" is escaped), so lxml finds each mark alone.
LONG_MARK = "<?t?>"


# A markup of more pieces than this is a big archive's (some 300 kB of output; the samples' biggest writes
# some 20,000): `taken` frees its nodes before the tree is built. A small archive keeps them, which costs
# little memory, and is spared the test that it parses (a scan of its markup).
BIG_MARKUP = 50_000
# A character XML refuses (all but XML 1.0's Char: tab, line ends, U+0020-U+D7FF, U+E000-U+FFFD, beyond U+FFFF):
# libxml2 refuses markup that holds one, lxml's text setter a text (a lone surrogate: the markup's encoding)
NOT_XML = pattern(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "\x00", "a\x1fb", "\ufffe")
# The deepest nesting libxml2 parses (with huge_tree; 2049 levels it refuses)
LIBXML_DEPTH = 2048


def document(node: Node) -> etree._Element:
    """`node` built as the root of a new document, the archive namespace declared on it."""
    root = parsed(node)
    return root if root is not None else built(node)


def taken(holder: list[Node]) -> etree._Element:
    """document(holder[0]), the node taken out of `holder`: a caller that holds it no more has a big archive's
    nodes freed once its markup is written, and the tree built in the memory they held (100,000 tiny lines:
    their nodes are some 45 MB, as much as the tree). The nodes are freed only when the markup surely parses
    (`parses`); else they are kept, and what does not parse is left to lxml, as document() leaves it."""
    try:
        root = markup_root(holder, release=True)
        return root if root is not None else built(holder[0])
    finally:
        holder.clear()          # (a small archive's node freed too, as the caller would once the tree is built)


def parsed(node: Node) -> etree._Element | None:
    """document() by the markup path; None where it leaves the node to lxml."""
    return markup_root([node], release=False)


def markup_root(holder: list[Node], release: bool) -> etree._Element | None:
    """parsed(holder[0]); with `release`, a big archive's node taken out of `holder` (freed) before the parse."""
    node = holder[0]
    out: list[str] = []
    long_texts: list[str] = []
    try:
        write(holder, out, ({}, {}), long_texts)
    except NotMarkup:
        return None             # (a name that is not plain: lxml decides)
    out[0] = f'<{node.name} xmlns="{NS}"' + (">" if out[0][-1] == ">" else "")     # (out[0]: the root's start tag)
    try:
        text = "".join(out)
        if release and len(out) > BIG_MARKUP and parses(text, long_texts):
            del node
            holder.clear()      # (the nodes freed: the pieces hold the strings, the markup the rest)
        out.clear()             # (the pieces freed before libxml2 builds the tree: a lower peak)
        markup = text.encode("utf-8")
        del text
        root: etree._Element = etree.fromstring(markup, markup_parser())
        if long_texts:
            set_long_texts(root, long_texts)
    except (etree.XMLSyntaxError, ValueError):
        if not holder:
            raise               # (parses() said it would: a gongwen bug)
        return None             # (a control character, a lone surrogate, nesting too deep: lxml decides)
    return root


def parses(markup: str, long_texts: list[str]) -> bool:
    """Whether libxml2 parses `markup` as written (its names plain) and lxml sets each of `long_texts`: no
    character XML refuses, and no nesting beyond libxml2's depth, which write cannot reach: it recurses once
    a level (a leaf, or an element of one text, one level more), and Python stops it at the recursion limit."""
    return (sys.getrecursionlimit() < LIBXML_DEPTH and not NOT_XML.search(markup)
            and not any(NOT_XML.search(text) for text in long_texts))


@functools.lru_cache(maxsize=1)
def markup_parser() -> etree.XMLParser:
    """The parser of the markup, made once a process from constant options (a new one a document costs a small
    file some 8 µs: the parser and, at its first parse, libxml2's parser context). Safe to share: lxml takes a
    parser's lock for each parse (threads parse one after another), and a parse starts from a reset context
    (its error log and input of the parse before are cleared), so a parse gives what a new parser gives.
    (huge_tree: an output may hold a text beyond libxml2's usual 10 MB limit.)"""
    return etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True, load_dtd=False)


def set_long_texts(root: etree._Element, long_texts: list[str]) -> None:
    """Each LONG_MARK in `root` replaced by its text, in document order (the order write met them).

    Only the marks are found: lxml walks the tree in C and makes a Python element of a mark alone. Each
    text is set as its mark's tail, and the marks are stripped in one go (lxml's strip_tags, in C), which
    leaves a tail where its mark stood: the text of the parent, or the tail of the element before. A mark
    stands for a whole run of text (write joins a run first), so no other text lies beside it.

    Each text is let go of once set (`long_texts` ends all ""): lxml holds a copy, and a big archive's texts,
    which `taken` left no other owner, are freed one by one into memory the tree then takes (16 MB of the
    samples: some 11 MB of text).
    """
    marks = list(root.iter(etree.ProcessingInstruction))
    if len(marks) != len(long_texts):
        raise ValueError(f"{len(marks)} marks for {len(long_texts)} texts")     # (a gongwen bug)
    for k, mark in enumerate(marks):
        mark.tail = long_texts[k]
        long_texts[k] = ""
    etree.strip_tags(root, etree.ProcessingInstruction)


def built(node: Node) -> etree._Element:
    """document() element by element."""
    root = etree.Element(q(node.name), nsmap={None: NS})
    for name, value in node.attrs.items():
        root.set(name, value)
    fill(root, node.children)
    return root


class NotMarkup(Exception):
    """A name that is not PLAIN_NAME: the markup path leaves the whole node to lxml."""


# An element's tags in markup: "<name>" (no attributes), "<name" (attributes follow), "</name>"
Tags = tuple[str, str, str]


def element_tags(name: str, tags: dict[str, Tags]) -> Tags:
    """The tags of an element name, kept in `tags` (a dict look-up an element; name_tags the first time a document)."""
    made = tags[name] = name_tags(name)
    return made


def attribute_start(key: str, starts: dict[str, str]) -> str:
    """' key="' for an attribute name, kept in `starts` as element_tags keeps tags."""
    made = starts[key] = key_start(key)
    return made


# name_tags and key_start are pure functions of a name, and the names are the few dozen the node functions
# spell: cached for the process (bounded), so a document asks the pattern and makes the strings of none of
# them again (a small file meets some thirty names: a fifth of its writing). An exception is not cached:
# a name that is not plain raises NotMarkup each time, as before.

@functools.lru_cache(maxsize=1024)
def name_tags(name: str) -> Tags:
    """The tags of an element name; NotMarkup if it is not PLAIN_NAME."""
    if not PLAIN_NAME.match(name):
        raise NotMarkup(name)
    return f"<{name}>", f"<{name}", f"</{name}>"


@functools.lru_cache(maxsize=1024)
def key_start(key: str) -> str:
    """' key="' for an attribute name; NotMarkup if it is not PLAIN_NAME."""
    if not PLAIN_NAME.match(key):
        raise NotMarkup(key)
    return f' {key}="'


def write(children: Sequence[Child], out: list[str], names: tuple[dict[str, Tags], dict[str, str]],
          long_texts: list[str]) -> None:
    """The markup of an element's `children` onto `out` (write([node], ...) writes `node`).

    `names`: the tags of the element names and the starts of the attribute names met so far (NotMarkup at
    a name that is not plain). A run of text longer than LONG_TEXT is left out of the markup: LONG_MARK
    stands in its place, the text goes onto `long_texts` (in document order).

    A child element of one run of text (most) is written here, not by a call of its own: a call costs what
    writing such an element does. A leaf's text is written as a node's one run of text is.
    """
    tags, starts = names
    run: list[str] = []         # the strings since the last child element: one text node
    for child in children:
        if isinstance(child, str):
            run.append(child)
            continue
        if run:
            add_text("".join(run), out, long_texts)
            run = []
        if isinstance(child, tuple):    # a leaf: as a node of one run of text below
            out.append(child[0])
            leaf_text = child[1]
            if len(leaf_text) > LONG_TEXT:
                long_texts.append(leaf_text)
                out.append(LONG_MARK)
            elif "&" in leaf_text or "<" in leaf_text or ">" in leaf_text or "\r" in leaf_text:
                out.append(text_markup(leaf_text))
            else:
                out.append(leaf_text)   # ("" for none: the markup of an element with no text)
            out.append(child[2])
            continue
        tag = tags.get(child.name) or element_tags(child.name, tags)
        attrs = child.attrs
        if attrs:
            out.append(tag[1])
            for key in attrs:   # (keys, then a look-up: cheaper than items(), which makes a pair a key)
                value = attrs[key]
                out.append(starts.get(key) or attribute_start(key, starts))
                # (most values are numbers and words: letters and digits need no escaping, one test tells)
                out.append(value if value.isalnum() else attribute_markup(value))
                out.append('"')
            out.append(">")
        else:
            out.append(tag[0])
        content = child.children
        if len(content) == 1 and isinstance(text := content[0], str):     # most elements: one run of text
            if len(text) > LONG_TEXT:
                long_texts.append(text)
                out.append(LONG_MARK)
            elif "&" in text or "<" in text or ">" in text or "\r" in text:     # (text_markup's tests, inline)
                out.append(text_markup(text))
            else:
                out.append(text)
        elif content:
            write(content, out, names, long_texts)
        out.append(tag[2])
    if run:
        add_text("".join(run), out, long_texts)


def add_text(text: str, out: list[str], long_texts: list[str]) -> None:
    """One run of text: into the markup, or, when long, onto `long_texts` for lxml's text setter."""
    if len(text) > LONG_TEXT:
        long_texts.append(text)
        out.append(LONG_MARK)
    else:
        out.append(text_markup(text))


# What character data escapes: & first (the other references hold one), < >, and a carriage
# return, which a parser would read as \n
TEXT_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))
# What an attribute value in double quotes escapes besides: the quote, and a tab or line end,
# which a parser would read as a space
ATTRIBUTE_ESCAPES = (*TEXT_ESCAPES, ('"', "&quot;"), ("\n", "&#10;"), ("\t", "&#9;"))


def escaped(text: str, escapes: tuple[tuple[str, str], ...]) -> str:
    for char, reference in escapes:
        if char in text:        # (a scan a character costs less than one pattern's: most texts have none)
            text = text.replace(char, reference)
    return text


def text_markup(text: str) -> str:
    """`text` as character data."""
    return escaped(text, TEXT_ESCAPES)


def attribute_markup(value: str) -> str:
    """`value` as an attribute value in double quotes."""
    return escaped(value, ATTRIBUTE_ESCAPES)


def attribute_value(markup: str) -> str:
    """The value that attribute_markup wrote as `markup` (a leaf's start tag holds its values so)."""
    if "&" not in markup:
        return markup
    for char, reference in reversed(ATTRIBUTE_ESCAPES):     # (&amp; last: every other reference stands whole)
        markup = markup.replace(reference, char)
    return markup


def subelement(parent: etree._Element, node: Node) -> etree._Element:
    """`node` built as the last child of `parent`."""
    el = SubElement(parent, q(node.name))
    for name, value in node.attrs.items():     # (set one by one: cheaper than lxml reading a dict)
        el.set(name, value)
    children = node.children
    if len(children) == 1 and isinstance(children[0], str):    # most elements: one run of text
        if children[0]:
            el.text = children[0]
    elif children:
        fill(el, children)
    return el


def leaf_element(parent: etree._Element, leaf: Leaf) -> etree._Element:
    """`leaf` built as the last child of `parent`: what subelement builds of the node it stands for."""
    found = LEAF_START.match(leaf[0])
    if found is None:
        raise ValueError(f"not the start tag of a leaf: {leaf[0]!r}")     # (a gongwen bug)
    el = SubElement(parent, q(found[1]))
    for name, value in LEAF_ATTRIBUTE.findall(found[2]):
        el.set(name, attribute_value(value))
    if leaf[1]:
        el.text = leaf[1]
    return el


def fill(el: etree._Element, children: Sequence[Child]) -> None:
    """Write mixed content into `el`: strings as text and tails, nodes as child elements."""
    texts: list[str] = []
    last: etree._Element | None = None
    for child in children:
        if isinstance(child, str):
            texts.append(child)
            continue
        if texts:
            place(el, last, texts)
            texts = []
        last = subelement(el, child) if isinstance(child, Node) else leaf_element(el, child)
    if texts:
        place(el, last, texts)


def place(el: etree._Element, last: etree._Element | None, texts: list[str]) -> None:
    text = texts[0] if len(texts) == 1 else "".join(texts)
    if not text:
        return
    if last is None:
        el.text = text
    else:
        last.tail = text
