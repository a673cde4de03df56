"""Text taken out of the reading flow stands at the input line it was printed on (FORMAT.md: traceable by @line).

A line of an HTML page may be read from several source lines (a <style> or a template tag printed inside a
paragraph); taken out whole, it is one residue item for each of them. And the markup of a line read as a
fact of the page stays in the residue, as a kept line's does.
"""

from __future__ import annotations

from converter import lossless, pipeline
from converter.model.text import Line, Removed, removed_line, removed_text

PAGE = "<html><body>\n{}\n</body></html>\n"
NOTICE = "<p>关于做好春季植树工作的通知</p>\n<p>各乡镇人民政府：</p>\n<p>现将有关事项通知如下。</p>\n"


def residue(text: str, reason: str) -> list[tuple[int, str]]:
    result = pipeline.convert_bytes(text.encode(), "page.html")
    assert lossless.check(text, result.root) is None
    return [(int(el.get("line")), el.text or "") for el in result.root.iterfind("{*}residue/{*}removed")
            if el.get("reason") == reason]


def test_a_photo_credit_printed_around_a_style_is_removed_at_both_its_lines() -> None:
    credit = "<p>本报记者<style>\n.标题 { color: red }\n</style>张伟 摄</p>"
    text = PAGE.format(NOTICE + "<p>某某县人民政府</p>\n<p>2024年3月5日</p>\n" + credit)
    assert residue(text, "web-chrome") == [(7, "本报记者"), (9, "张伟 摄")]


def test_a_widget_printed_around_a_style_is_removed_at_both_its_lines() -> None:
    # (one item at line 2 ran on over the style's line 3, whose text is markup: the conversion failed)
    widget = "<p>索引号：000014349/2024-00012 【字号：<style>\n.大 {}\n</style>大 中 小】</p>\n"
    assert residue(PAGE.format(widget + NOTICE), "web-chrome") == [(2, "【字号："), (4, "大 中 小】")]


def test_a_row_of_labels_printed_around_a_style_is_removed_at_both_its_lines() -> None:
    labels = "<table><tr><td>索引号</td><td>发布机构<style>\n.大 {}\n</style></td><td>发布日期</td></tr>\n"
    values = "<tr><td>000014349/2024-00012</td><td>某某县人民政府</td><td>2024-03-05</td></tr></table>\n"
    assert residue(PAGE.format(labels + values + NOTICE), "web-chrome") == [(2, "索引号\t发布机构"), (4, "发布日期")]


def test_the_markup_of_a_line_read_as_a_fact_stays_in_the_residue() -> None:
    # (the tag was dropped with the line: the conversion failed, 'output would lose text')
    text = "发布时间：2024-03-05 <span class='标题'>\n关于做好春季植树工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。\n"
    assert residue(text, "markup") == [(1, "<span class='标题'>")]
    root = pipeline.convert_bytes(text.encode(), "page.txt").root
    assert [(f.get("name"), f.get("line")) for f in root.iterfind("{*}page/{*}fact")] == [("发布时间", "1")]


def read_over(lines: list[tuple[int, str]]) -> Line:
    """A Line read from several source lines: (line, text) pieces, a break where each goes on."""
    text, breaks = "", []
    for k, (n, piece) in enumerate(lines):
        if k:
            breaks.append((len(text), n))
        text += piece
    return Line(lines[0][0], None, text, breaks=tuple(breaks))


def test_removed_line_is_an_item_for_each_source_line_with_text() -> None:
    line = read_over([(3, "首页 "), (5, "  "), (6, "通知公告")])
    assert removed_line("web-chrome", line) == [Removed("web-chrome", 3, "首页"), Removed("web-chrome", 6, "通知公告")]
    whole = Line(4, None, "首页 通知公告")
    assert removed_line("web-chrome", whole) == [Removed("web-chrome", 4, "首页 通知公告")]
    # a line printed with markup taken out of it keeps its printed text, on its first line
    printed = Line(4, "<b>首页</b>", "首页", breaks=((1, 5),))
    assert removed_line("other", printed) == [Removed("other", 4, "<b>首页</b>")]


def test_removed_text_cuts_a_slice_at_the_breaks_inside_it_only() -> None:
    line = read_over([(2, "索引号：123 【字号："), (4, "大 中 小】"), (5, "发布")])
    start = line.text.index("【")
    assert removed_text("web-chrome", line, start, line.text.index("发布")) == [
        Removed("web-chrome", 2, "【字号："), Removed("web-chrome", 4, "大 中 小】")]
    # a slice that starts past a break stands at that break's line
    assert removed_text("web-chrome", line, line.text.index("大"), len(line.text), " 】") == [
        Removed("web-chrome", 4, "大 中 小"), Removed("web-chrome", 5, "发布")]
