"""JSON and Markdown: the archive's shape and text, headings by numbering, pipe tables, footnotes."""

from __future__ import annotations

import json
import re

import pytest

from converter import pipeline
from converter.lossless import reading_chars
from converter.publish import render
from converter.publish.archive import reading_text
from tests.conftest import ALL_SAMPLES, SAMPLES

WUCHANG = SAMPLES / "seeds" / "wuchang-2023-work-report.md.txt"
BULLETIN = next(p for p in ALL_SAMPLES if "bulletin" in p.name)
# The keys under which the JSON holds printed text that no "text" key above it already holds.
TEXT_KEYS = ("text", "num", "term")


@pytest.fixture(scope="module", params=ALL_SAMPLES, ids=lambda p: p.name)
def converted(request):
    return request.param, pipeline.convert_file(request.param)


def printed_strings(value, key=None):
    """Every printed string of the JSON, in order: `text` holds its element's whole text, so stop there."""
    if isinstance(value, dict):
        if "text" in value:
            yield value["text"]
            return
        for k, v in value.items():
            if k in ("source", "page", "bold", "notes", "merged", "units"):     # page: what a site printed about it
                continue
            if k == "num" and value.get("type") != "section" and "term" not in value:
                continue                    # an attachment's @num is an attribute, not printed text
            yield from printed_strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from printed_strings(v, key)
    elif isinstance(value, str) and key in TEXT_KEYS:
        yield value


def test_json_holds_every_reading_character_in_order(converted):
    _, result = converted
    data = json.loads(render(result.root, "json"))
    assert data["format"] == "gongwen-json/1"
    assert data["source"]["sha256"] == result.root.find("{*}source").get("sha256")
    assert reading_chars("".join(printed_strings(data))) == reading_chars(reading_text(result.root))


def test_json_and_markdown_are_deterministic(converted):
    path, result = converted
    again = pipeline.convert_file(path).root
    for to in ("json", "markdown"):
        assert render(again, to) == render(result.root, to)


def test_json_section_tree_keeps_levels_lines_and_table_cells():
    result = pipeline.convert_file(BULLETIN)
    data = json.loads(render(result.root, "json"))
    contents = data["bulletin"]["contents"]
    assert [c["type"] for c in contents][:3] == ["about", "masthead", "toc"]
    part = next(c for c in contents if c["type"] == "part")
    notice = part["documents"][0]
    assert notice["docNumber"] == {"text": "新政发〔2023〕1号", "line": 99, "prefix": "新政发", "year": 2023, "seq": 1}
    plan = contents[next(i for i, c in enumerate(contents) if c["type"] == "part")]["documents"][1]["transmitted"][0]
    sections = [b for b in plan["body"] if b["type"] == "section"]
    assert sections[0]["level"] == 1 and isinstance(sections[0]["line"], int)
    nested = [c for s in sections for c in s["content"] if c["type"] == "section"]
    assert nested and all(c["level"] == 2 for c in nested)
    table = plan["attachments"][0]["content"][0]
    assert table["type"] == "table" and table["rows"][0]["kind"] == "header"
    assert table["rows"][1]["cells"][1] == {"text": "固体废物源头减量", "rowspan": 9}
    assert all(len(r["cells"]) == len(table["rows"][0]["cells"]) for r in table["rows"] if r["kind"] == "data")


def test_markdown_headings_follow_the_numbering_not_the_input_markdown():
    result = pipeline.convert_file(WUCHANG)
    md = render(result.root, "markdown").decode()
    levels = [int(s.get("level")) for s in result.root.iter("{*}section")]
    headings = [len(m.group(1)) for m in re.finditer(r"^(#{2,6}) ", md, re.M)]
    # the glossary title is a heading too (one below the document's title)
    assert headings[:len(levels)] == [1 + level for level in levels]
    assert md.startswith('<a id="d1"></a>\n\n# 政府工作报告\n')


def test_markdown_footnotes_are_the_glossary_entries_markers_point_at():
    result = pipeline.convert_file(WUCHANG)
    md = render(result.root, "markdown").decode()
    refs = re.findall(r"\[\^([\w-]+)\](?!:)", md)
    definitions = re.findall(r"^\[\^([\w-]+)\]: ", md, re.M)
    targets = {r.get("target") for r in result.root.iter("{*}noteRef")}
    assert refs and set(refs) == set(definitions) == {t.replace(".", "-") for t in targets}


def test_markdown_tables_are_pipe_tables():
    result = pipeline.convert_file(BULLETIN)
    md = render(result.root, "markdown").decode()
    header = "| 序号 | 一级指标 | 二级指标 | 三级指标 | 2020年 | 2025年 | 牵头部门 | 责任部门 |"
    at = md.index(header)
    lines = md[at:].split("\n\n")[0].splitlines()
    assert lines[1] == "|" + " --- |" * 8
    assert all(line.count(" | ") == 7 for line in lines[2:])
    assert len(lines) - 2 == len([r for r in next(t for t in result.root.iter("{*}table")).iter("{*}row")
                                  if r.get("kind") not in ("header", "note")])


def test_markdown_keeps_the_reading_text_but_the_markers(converted):
    """Every Han character and digit is kept; a footnote marker (①, ［1］) becomes a reference [^label]."""
    _, result = converted
    md = render(result.root, "markdown").decode()
    # what Markdown adds: anchors, link targets, footnote labels (ids hold digits)
    shown = re.sub(r'<a id="[^"]*"></a>|\]\(#[^)]*\)|\[\^[\w-]+\]:?', "", md)
    markers = list(result.root.iter("{*}noteRef"))           # kept alive: lxml proxies keep their id()
    expected = "".join(reading_parts_without(result.root, {id(m) for m in markers}))
    assert sorted(reading_chars(shown)) == sorted(reading_chars(expected))


def reading_parts_without(root, skipped):
    """The archive's reading text with the text (not the tails) of the `skipped` elements left out."""
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag.endswith(("}source", "}residue")):
            continue
        if any(a.tag.endswith(("}source", "}residue")) for a in el.iterancestors()):
            continue
        if el.text and id(el) not in skipped:
            yield el.text
        if el.tail and el.getparent() is not None and not el.getparent().tag.endswith("}residue"):
            yield el.tail


def test_markdown_escapes_what_markdown_would_read_as_markup():
    text = "一、总则\n*重要*的 [链接] 与 a_b 标签\n# 号开头的一行\n"
    md = render(pipeline.convert_bytes(text.encode(), "x.txt").root, "markdown").decode()
    assert r"\*重要\*" in md and r"\[链接\]" in md and r"a\_b" in md
    assert not re.search(r"^# 号", md, re.M)
