"""Numbering: the numeral table, long regulations, and what the real samples in samples/ print.

The fixtures (tests/fixtures/regulation, layout, bulletin) specify each layout
on a few invented lines; here the same rules are checked at scale (a
regulation of 124 articles, one of several hundred in chapters) and on the
real inputs whose goldens are pending, by what each of them prints.
"""

from __future__ import annotations

import pytest
from lxml import etree

from converter import pipeline
from converter.numerals import cn_number
from converter.rules import NUM_ARTICLE, NUM_CHAPTER, NUM_L1, NUM_L2, NUM_PART, NUM_SUBCHAPTER
from tests.conftest import SAMPLES, assert_lossless

CN_DIGIT = "〇一二三四五六七八九"


# --- the numeral table --------------------------------------------------------------

@pytest.mark.parametrize("numeral, value", [
    ("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("十九", 19), ("二十", 20), ("二十一", 21), ("九十九", 99),
    ("一百", 100), ("一百零一", 101), ("一百〇一", 101), ("一百零九", 109), ("一百一十", 110), ("一百十", 110),
    ("一百一十一", 111), ("一百一十九", 119), ("一百二十", 120), ("一百二十一", 121), ("一百二十四", 124),
    ("一百九十九", 199), ("二百", 200), ("两百", 200), ("二百零五", 205), ("二百一十一", 211),
    ("九百九十九", 999), ("一千", 1000), ("两千", 2000), ("一千零一", 1001), ("一千零一十", 1010),
    ("一千零一十一", 1011), ("一千零五十", 1050), ("一千一百", 1100), ("一千一百零一", 1101),
    ("一千二百三十四", 1234), ("九千九百九十九", 9999), ("三千零三", 3003), ("一千〇一十一", 1011),
    ("12", 12), ("１２４", 124), (" 一百二十四 ", 124),
])
def test_chinese_numerals(numeral, value):
    assert cn_number(numeral) == value


@pytest.mark.parametrize("numeral", [
    "", "百", "千", "零", "〇", "一二", "二〇", "十十", "一百二百", "一十百", "一百零", "一千零零五", "一百零十",
    "两", "十两", "两十", "一百五", "一千二", "一万", "第一", "一、", "廿",
])
def test_not_numbers(numeral):
    assert cn_number(numeral) is None


def cn(k: int) -> str:
    """A test's own spelling of 1 … 9999 in the printed style (independent of converter/numerals.py)."""
    out, zero = "", False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = k // unit % 10
        if digit:
            if zero:
                out += "零"
            out += ("" if unit == 10 and k < 20 else CN_DIGIT[digit]) + name
            zero = False
        elif out:
            zero = True
    return out


def test_every_numeral_up_to_9999_reads_back():
    assert [cn_number(cn(k)) for k in range(1, 10_000)] == list(range(1, 10_000))


@pytest.mark.parametrize("pattern, text, num", [
    (NUM_ARTICLE, "第一百二十四条 本条例自公布之日起施行。", "第一百二十四条"),
    (NUM_ARTICLE, "第一千零一十一条本法自公布之日起施行。", "第一千零一十一条"),
    (NUM_ARTICLE, "第12条 为了", "第12条"),
    (NUM_CHAPTER, "第十二章总则", "第十二章"),
    (NUM_PART, "第三编 合同", "第三编"),
    (NUM_SUBCHAPTER, "第一节  一般规定", "第一节"),
    (NUM_L1, "一百零一、其他", "一百零一、"),
    (NUM_L2, "（二十一）其他", "（二十一）"),
])
def test_long_numerals_are_matched_whole(pattern, text, num):
    assert pattern.match(text).group("num") == num


# --- long regulations ------------------------------------------------------------------

def convert(text: str) -> tuple[etree._Element, list[tuple[int, str]]]:
    result = pipeline.convert_bytes(text.encode("utf-8"), "regulation.txt")
    assert_lossless(text, result.xml)
    return etree.fromstring(result.xml), list(result.warnings)


def sections(el: etree._Element) -> list[etree._Element]:
    return el.findall("{*}section")


def num(el: etree._Element) -> str:
    return el.findtext("{*}num")


def test_a_regulation_of_124_articles_keeps_every_article():
    lines = ["某某市城市管理条例"] + [f"第{cn(k)}条 第{k}条的规定。" for k in range(1, 125)]
    root, warnings = convert("\n".join(lines) + "\n")
    articles = sections(root.find(".//{*}body"))
    assert [num(a) for a in articles] == [f"第{cn(k)}条" for k in range(1, 125)]
    assert all(a.get("level") == "1" and len(a.findall("{*}p")) == 1 for a in articles)
    assert warnings == []


def test_articles_in_chapters_each_inside_its_chapter():
    # 600 articles, 100 in each of six chapters: every article stands in the chapter printed above it
    lines = ["某某省综合管理条例"]
    for c in range(1, 7):
        lines.append(f"第{cn(c)}章 第{c}章的标题")
        lines.extend(f"第{cn(k)}条 第{k}条的规定。" for k in range((c - 1) * 100 + 1, c * 100 + 1))
    root, warnings = convert("\n".join(lines) + "\n")
    chapters = sections(root.find(".//{*}body"))
    assert [num(c) for c in chapters] == [f"第{cn(c)}章" for c in range(1, 7)]
    for c, chapter in enumerate(chapters, start=1):
        assert [num(a) for a in sections(chapter)] == [f"第{cn(k)}条" for k in range((c - 1) * 100 + 1, c * 100 + 1)]
    assert warnings == []


def test_a_line_that_looks_like_an_article_but_is_out_of_sequence_warns():
    text = "某某县管理办法\n第一条 总则。\n第二条 适用范围。\n第九条所称单位，是指本县机关。\n第三条 施行日期。\n"
    root, warnings = convert(text)
    assert [num(a) for a in sections(root.find(".//{*}body"))] == ["第一条", "第二条", "第三条"]
    assert warnings == [(4, "numbering 第九条 does not continue the sequence; kept as text")]


def test_chapters_and_articles_starting_again_are_a_second_run_not_a_list():
    # two texts in one body (a notice printing two rules): the second 第一章 / 第一条 start again
    text = ("某某县城市绿化管理办法\n第一章 总则\n第一条 为加强城市绿化管理，制定本办法。\n第二章 附则\n"
            "第二条 本办法自发布之日起施行。\n第一章 总则\n第一条 为保护古树名木，制定本办法。\n"
            "第二条 本办法自发布之日起施行。\n")
    root, warnings = convert(text)
    chapters = sections(root.find(".//{*}body"))
    assert [num(c) for c in chapters] == ["第一章", "第二章", "第一章"]
    assert [num(a) for a in sections(chapters[2])] == ["第一条", "第二条"]
    assert root.find(".//{*}list") is None
    assert warnings == [(6, "numbering 第一章 starts again; a new run of sections")]


# --- the real samples (goldens pending): what each prints ------------------------------------

def sample(name: str) -> etree._Element:
    path = next(SAMPLES.glob(f"*/{name}"))
    result = pipeline.convert_file(path)
    return etree.fromstring(result.xml)


def text_of(el: etree._Element) -> str:
    return "".join(t.strip() for t in el.itertext())


def test_zhejiang_regulation_chapters_sections_articles():
    root = sample("zhejiang-2017-construction-quality-regulation.md.txt")
    doc = root.find("{*}document")
    assert doc.get("form") == "regulation"
    assert doc.findtext("{*}title") == "浙江省建设工程质量管理条例"
    body = doc.find("{*}body")
    # the adoption line and three revisions: one 题注 each (adopted @date), above the chapters
    history = body.findall("{*}adopted")
    assert [a.get("date") for a in history] == ["1995-08-19", "2001-12-28", "2009-11-27", "2017-11-30"]
    chapters = sections(body)
    assert [(num(c), c.findtext("{*}heading")) for c in chapters] == [
        ("第一章", "总则"), ("第二章", "建设工程质量责任"), ("第三章", "工程保修和质量投诉"),
        ("第四章", "质量监督管理"), ("第五章", "法律责任"), ("第六章", "附则")]
    divisions = sections(chapters[1])
    assert [(num(d), d.findtext("{*}heading"), d.get("level")) for d in divisions] == [
        ("第一节", "业主的质量责任", "2"), ("第二节", "勘察设计承包商的质量责任", "2"),
        ("第三节", "施工承包商的质量责任", "2"), ("第四节", "建设监理机构的质量责任", "2")]
    articles = [a for a in doc.iter("{*}section") if num(a).endswith("条")]
    assert [num(a) for a in articles] == [f"第{cn(k)}条" for k in range(1, 44)]
    # every article inside its printed chapter (and 节): 6–14 in 第一节, 38–42 in 第五章
    assert [num(a) for a in sections(divisions[0])] == [f"第{cn(k)}条" for k in range(6, 15)]
    assert [num(a) for a in sections(chapters[4])] == [f"第{cn(k)}条" for k in range(38, 43)]
    # 第十六条's clauses (（一）…；) are list items, not sections
    article16 = articles[15]
    items = article16.findall("{*}list/{*}item")
    assert [num(i) for i in items] == ["（一）", "（二）", "（三）", "（四）"]
    assert sections(article16) == []


def test_lufeng_one_line_announcement_is_cut_into_its_parts():
    root = sample("lufeng-2019-2-announcement-forum.txt")
    doc = root.find("{*}document")
    assert doc.findtext("{*}title").startswith("关于春节、元宵期间禁止")
    number = doc.find("{*}docNumber")
    assert (number.text, number.get("prefix"), number.get("year"), number.get("seq")) == (
        "陆府通〔2019〕2号", "陆府通", "2019", "2")
    body = doc.find("{*}body")
    assert body.findtext("{*}p").startswith("为减少城市环境污染") and body.findtext("{*}p").endswith("通告如下:")
    items = sections(body)
    assert [num(s) for s in items] == ["一、", "二、", "三、", "四、"]
    assert text_of(items[0]).startswith("一、任何单位和个人未经许可")
    assert text_of(items[3]).endswith("本通告自发布之日起实施。")
    assert text_of(body[-1]) == "此告"          # the closing formula closes the items: the body's last paragraph
    assert doc.findtext("{*}signature/{*}signer") == "陆丰市人民政府"
    assert doc.find("{*}signature/{*}date").get("value") == "2019-01-21"


def test_state_council_1955_parts_and_subsections():
    root = sample("state-council-1955-report-wikisource.txt")
    body = root.find("{*}document/{*}body")
    parts = sections(body)
    assert [num(p) for p in parts] == ["一、", "二、", "三、", "四、"]
    assert [num(s) for s in sections(parts[2])] == [f"（{cn(k)}）" for k in range(1, 10)]
    # the bare numerals 一、…四、 inside （一） are the items of an enumeration, their text on the next line
    first = sections(parts[2])[0].findall("{*}list")[0]
    assert [num(i) for i in first.findall("{*}item")] == ["一、", "二、", "三、", "四、"]
