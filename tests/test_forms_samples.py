"""What the real inputs of samples/more print that the forms recognise (no goldens for them yet).

For the lead to check the merged result: each test names what the input
prints. Tests marked `needs` depend on work of another branch (the head of a
web page, HTML input, a document on one line); they are strict xfails here, so
they fail loudly (XPASS) once that work has landed and the mark can go.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from converter import pipeline

MORE = Path(__file__).resolve().parent.parent / "samples" / "more"
NS = {"g": "urn:gongwen:archive:1.0"}


def needs(what: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"needs {what}")


def convert(name: str) -> etree._Element:
    return etree.fromstring(pipeline.convert_file(MORE / name).xml)


def xp(el: etree._Element, path: str) -> list:
    return el.xpath(path, namespaces=NS)


def members(root: etree._Element) -> list[tuple[str, str, str]]:
    return [(m.get("role"), xp(m, "string(g:name)"), xp(m, "string(g:post)")) for m in xp(root, "//g:member")]


# --- state-council-2004-1-reply-wikimirror.txt: a 批复 -------------------------------------

def test_reply_answers_the_request_it_cites():
    root = convert("state-council-2004-1-reply-wikimirror.txt")
    doc = xp(root, "/g:archive/g:document")[0]
    assert doc.get("form") == "reply"
    assert xp(doc, "string(g:title)") == "国务院关于同意甘肃省撤销陇南地区设立地级陇南市的批复"
    number = xp(doc, "g:docNumber")[0]
    assert (number.text, number.get("prefix"), number.get("year"), number.get("seq")) == ("国函〔2004〕1号", "国函",
                                                                                           "2004", "1")
    answers = xp(doc, "g:body/g:answers")[0]
    assert answers.get("form") == "request"
    assert xp(answers, "string(g:title)") == "关于撤销陇南地区设立地级陇南市的请示"
    cited = xp(answers, "g:docNumber")[0]
    assert (cited.text, cited.get("prefix"), cited.get("year"), cited.get("seq")) == ("甘政发〔2003〕91号", "甘政发",
                                                                                       "2003", "91")
    assert [xp(s, "string(g:num)") for s in xp(doc, "g:body/g:section")] == ["一、", "二、", "三、"]
    assert xp(doc, "string(g:signature/g:signer)") == "中华人民共和国国务院"
    assert xp(doc, "string(g:signature/g:date/@value)") == "2004-01-11"


def test_reply_recipients():
    doc = xp(convert("state-council-2004-1-reply-wikimirror.txt"), "/g:archive/g:document")[0]
    assert xp(doc, "string(g:recipients)") == "甘肃省人民政府:"


# --- guangzhou-2005-order-5-web.txt: an order and its 修改决定 --------------------------------

def test_order_items_are_amendments_never_articles():
    root = convert("guangzhou-2005-order-5-web.txt")
    assert xp(root, "string(/g:archive/g:document/@form)") == "order"
    amendments = xp(root, "//g:amendment")
    assert [xp(a, "string(g:num)") for a in amendments] == ["一、", "二、"]
    assert xp(amendments[0], "string(g:p[1])").startswith("第二条修改为:本规定所称行政规范性文件")
    assert xp(amendments[0], "string(g:p[2])").startswith("行政规范性文件分为")   # its new text goes on
    assert xp(amendments[1], "string(g:p[1])").startswith("增加一条作为第三条:")
    assert not xp(root, "//g:section[starts-with(g:num, '第')]")


def test_order_number_title_signature_and_the_decision_it_promulgates():
    doc = xp(convert("guangzhou-2005-order-5-web.txt"), "/g:archive/g:document")[0]
    assert xp(doc, "string(g:title)") == "广州市人民政府关于修改《广州市行政规范性文件管理规定》的决定"
    number = xp(doc, "g:docNumber")[0]
    assert (number.text, number.get("prefix"), number.get("seq"), number.get("year")) == (
        "广州市人民政府令第5号", "广州市人民政府令", "5", None)
    assert xp(doc, "string(g:signature/g:date/@value)") == "2005-11-29"
    decision = xp(doc, "g:transmitted/g:document")[0]
    assert decision.get("form") == "decision"
    assert len(xp(decision, "g:body/g:amendment")) == 2


# --- lufeng-2019-2-announcement-forum.txt: a 通告 on one line --------------------------------

def test_public_notice_named_by_its_body_when_its_title_is_cut():
    root = convert("lufeng-2019-2-announcement-forum.txt")
    doc = xp(root, "/g:archive/g:document")[0]
    assert doc.get("form") == "public-notice"
    assert xp(doc, "string(g:signature/g:signer)") == "陆丰市人民政府"
    assert xp(doc, "string(g:signature/g:date/@value)") == "2019-01-21"


def test_public_notice_number_and_items():
    doc = xp(convert("lufeng-2019-2-announcement-forum.txt"), "/g:archive/g:document")[0]
    number = xp(doc, "g:docNumber")[0]
    assert (number.text, number.get("prefix"), number.get("year"), number.get("seq")) == ("陆府通〔2019〕2号", "陆府通",
                                                                                           "2019", "2")
    assert [xp(s, "string(g:num)") for s in xp(doc, "g:body/g:section")] == ["一、", "二、", "三、", "四、"]


# --- dongguan-2003-248-roster-notice-web.txt: a roster inside a notice ------------------------

DONGGUAN = [("组长", "张顺彩", "市政府副市长"), ("副组长", "周华驹", "市政府副秘书长"), ("副组长", "洪耀坚", "市卫生局局长"),
            ("成员", "何伟森", "市市政局"), ("成员", "钟超", "市发展计划局"), ("成员", "陈锐康", "市财政局"),
            ("成员", "黎小成", "市建设局"), ("成员", "卢沛超", "市城建规划局")]


def test_roster_with_role_labels_alone_and_posts_in_brackets():
    root = convert("dongguan-2003-248-roster-notice-web.txt")
    assert members(root) == DONGGUAN
    assert [m.get("line") for m in xp(root, "//g:member")] == ["8", "9", "11", "12", "14", "15", "16", "17"]


def test_roster_notice_head():
    doc = xp(convert("dongguan-2003-248-roster-notice-web.txt"), "/g:archive/g:document")[0]
    assert doc.get("form") == "notice"
    assert xp(doc, "string(g:title)") == "东莞市人民政府办公室关于成立市公共卫生体系建设领导小组的通知"
    number = xp(doc, "g:docNumber")[0]
    assert (number.get("prefix"), number.get("year"), number.get("seq")) == ("东府办函", "2003", "248")


# --- linan-2013-89-roster-notice.jsp.txt: one member an HTML list item -------------------------

LINAN_FIRST = [("组长", "李文钢", ""), ("副组长", "冯镭", ""), ("副组长", "沈慧", ""), ("副组长", "何洪明", "市纪委"),
               ("成员", "巫振江", "市府办"), ("成员", "李红樱", "市发改局"), ("成员", "李震", "市委宣传部")]


def test_roster_rules_hold_on_the_lines_of_the_list_items():
    """The lines the `li` items give (as the HTML reader gives them, one a line, &nbsp as spaces)."""
    page = lxml.html.fromstring((MORE / "linan-2013-89-roster-notice.jsp.txt").read_text(encoding="utf-8"))
    items = [li.text_content() for li in page.iter("li")]
    text_lines = ["临安市人民政府办公室关于成立临安市信用建设工作领导小组的通知", *items]
    root = etree.fromstring(pipeline.convert_bytes("\n".join(text_lines).encode(), "linan.txt").xml)
    found = members(root)
    assert found[:7] == LINAN_FIRST
    assert len(found) == 46 and all(role == "成员" for role, _, _ in found[4:])
    assert found[21] == ("成员", "张发平", "市统计局")           # the unmatched bracket 市统计局)
    assert xp(root, "string(//g:signature/g:date/@value)") == "2013-10-10"


def test_linan_roster_from_the_page_itself():
    root = convert("linan-2013-89-roster-notice.jsp.txt")
    assert members(root)[:7] == LINAN_FIRST and len(members(root)) == 46
