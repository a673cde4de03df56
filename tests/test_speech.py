"""Reports and speeches: the head's parts as tables of printed forms, and what the real reports print.

The two real reports without a reviewed golden yet (samples/more) are checked here
for what they print, so that the merged result can be checked against them.
"""

from __future__ import annotations

import re

import pytest

from converter import lossless, pipeline
from converter.forms.speech.head import OCCASION_START, SALUTATION, find_head
from converter.forms.speech.title import is_spoken_title
from converter.forms.speech.speaker import is_name, role_line
from converter.model.text import Line
from tests.conftest import SAMPLES

NS = {"g": "urn:gongwen:archive:1.0"}


def lines_of(text: str) -> list[Line]:
    return [Line(n, None, t) for n, t in enumerate(text.splitlines(), start=1) if t.strip()]


def xp(root, path):
    return root.xpath(path, namespaces=NS)


def text(el) -> str:
    return "".join(el.itertext())


def flow(root) -> str:
    """The reading text of the documents (no residue, no source)."""
    return "".join(text(d) for d in xp(root, "/g:archive/g:document"))


# --- the printed forms of each part ------------------------------------------------------

@pytest.mark.parametrize("printed, role, word, name", [
    ("县 长 王 明", "县长", "县长", "王明"),
    ("省长　王明", "省长", "省长", "王明"),
    ("市长张伟", "市长", "市长", "张伟"),
    ("区长刘润长", "区长", "区长", "刘润长"),
    ("某某自治州州长 王明", "某某自治州州长", "州长", "王明"),
    ("某某盟盟长 李华", "某某盟盟长", "盟长", "李华"),
    ("某某旗旗长 李华", "某某旗旗长", "旗长", "李华"),
    ("自治区人民政府主席 艾力·买买提", "自治区人民政府主席", "主席", "艾力·买买提"),
    ("国务院总理 王明", "国务院总理", "总理", "王明"),
    ("中华人民共和国国务院总理　王明", "中华人民共和国国务院总理", "总理", "王明"),
    ("代省长 王明", "代省长", "代省长", "王明"),
    ("代理市长 李 华", "代理市长", "代理市长", "李华"),
    ("国务院副总理 王明", "国务院副总理", "副总理", "王明"),
    ("全国人民代表大会常务委员会委员长 王明", "全国人民代表大会常务委员会委员长", "委员长", "王明"),
    ("最高人民法院院长 王明", "最高人民法院院长", "院长", "王明"),
    ("最高人民检察院检察长 王明", "最高人民检察院检察长", "检察长", "王明"),
    ("某某区管委会主任 王明", "某某区管委会主任", "主任", "王明"),
    ("国务院总理", "国务院总理", "总理", None),
    ("某某省人民政府省长", "某某省人民政府省长", "省长", None),
])
def test_speaker_lines(printed, role, word, name):
    assert role_line(printed) == (role, word, name)


@pytest.mark.parametrize("printed", ["各位代表，现在我代表县人民政府报告工作", "过去五年工作回顾", "来源：某某日报",
                                     "自治区人民政府主席包钢作政府工作报告。本报记者 韩卿立 摄"])
def test_not_speaker_lines(printed):
    assert role_line(printed) is None


@pytest.mark.parametrize("printed, found", [
    ("王 明", True), ("欧阳明华", True), ("艾尔肯·吐尼亚孜", True), ("王", False), ("某某省人民政府", False),
])
def test_names(printed, found):
    assert is_name(printed) is found


@pytest.mark.parametrize("printed, found", [
    ("政府工作报告", True), ("政 府 工 作 报 告", True), ("2026年某某省政府工作报告（全文）", True),
    ("政府工作报告(摘要)", True), ("在全县植树造林动员大会上的讲话", True), ("在某某论坛开幕式上的致辞", True),
    ("关于做好春季植树工作的通知", False), ("现在，我代表省人民政府向大会报告工作", False),
])
def test_spoken_titles(printed, found):
    assert is_spoken_title(printed) is found


@pytest.mark.parametrize("printed, found", [
    ("——2024年1月8日在某某县第十八届人民代表大会第三次会议上", True),
    ("—2024年1月8日在某某县第十八届人民代表大会第三次会议上", True),
    ("--2024年1月8日在某某县第十八届人民代表大会第三次会议上", True),
    ("（一九五七年六月二十六日在第一届全国人民代表大会第四次会议上）", True),
    ("2024年1月8日在某某县第十八届人民代表大会第三次会议上", True),
    ("——在某某县第十八届人民代表大会第三次会议上", True),
    ("——1964年12月21日和22日在第三届全国人民代表大会第一次会议上", True),
    ("我们在省委的坚强领导下", False),
])
def test_occasion_starts(printed, found):
    assert any(m.group("lead") or m.group("date") for m in OCCASION_START.finditer(printed)) is found


@pytest.mark.parametrize("printed, found", [
    ("各位代表：", True), ("各位代表!", True), ("代表们：", True), ("各位委员：", True), ("同志们：", True),
    ("各位代表、同志们：", True), ("同志们、朋友们：", True), ("代表：", False), ("各位代表，现在我报告工作。", False),
])
def test_salutations(printed, found):
    assert (SALUTATION.fullmatch(printed) is not None) is found


def test_page_lines_are_not_needed():
    """The head is read the same whether a page's lines (toolbar, byline, caption) are there or not."""
    with_page = lines_of("下载\n收藏\n政府工作报告\n——2026年1月25日在某某省第十四届人民代表大会第四次会议上\n"
                         "来源：某某日报\n时间：2026-01-27\n省长 王明\n省长王明作政府工作报告。记者 赵敏 摄\n各位代表：\n")
    without = [line for line in with_page if line.n in (3, 4, 7, 9)]
    for found in (find_head(with_page), find_head(without)):
        assert [s.text for s in found.title] == ["政府工作报告"]
        assert found.delivered is not None and found.delivered[1] == "2026-01-25"
        assert found.author is not None and (found.author.role, found.author.name) == ("省长", "王明")
        assert found.salutation is not None and found.salutation.text == "各位代表："
    assert [span.line.n for span in find_head(with_page).set_aside] == [1, 2, 5, 6, 8]
    assert find_head(without).set_aside == []


@pytest.mark.parametrize("document", [
    # a notice issuing a report, without a 文号: the notice's own title comes first
    "关于印发政府工作报告的通知\n各乡镇人民政府：\n现将政府工作报告印发给你们。\n某某县人民政府\n2024年1月10日\n"
    "政府工作报告\n——2024年1月8日在某某县第十八届人民代表大会第三次会议上\n县长 王明\n各位代表：\n",
    # a 决议 whose adoption line names the meeting
    "某某市人民代表大会关于2024年计划的决议\n（2024年1月10日在某某市第十五届人民代表大会第三次会议上通过）\n"
    "会议决定，批准这个计划。\n",
    # a report (the 文种) to a superior organ: 主送, no occasion, no salutation
    "某某县人民政府关于2023年工作情况的报告\n市人民政府：\n现将我县2023年工作情况报告如下：\n",
])
def test_other_forms_are_not_speeches(document):
    result = pipeline.convert_bytes(document.encode(), "doc.txt")
    top = xp(result.root, "/g:archive/g:document")[0]
    assert top.get("form") not in ("work-report", "speech")


# --- the real reports ---------------------------------------------------------------

@pytest.fixture(scope="module")
def neimenggu():
    path = SAMPLES / "more" / "neimenggu-2026-work-report-web.txt"
    result = pipeline.convert_file(path)
    assert lossless.check(path.read_text(encoding="utf-8"), result.root) is None
    return result.root


def test_neimenggu_head(neimenggu):
    doc = xp(neimenggu, "/g:archive/g:document")[0]
    assert doc.get("form") == "work-report"
    assert xp(doc, "string(g:title)") == "2026年内蒙古自治区政府工作报告"
    assert xp(doc, "string(g:delivered)") == "——2026年2月4日在内蒙古自治区第十四届人民代表大会第五次会议上"
    assert xp(doc, "string(g:delivered/@date)") == "2026-02-04"
    assert xp(doc, "string(g:author/@role)") == "主席"
    assert xp(doc, "string(g:author/g:name)") == "包钢"
    assert xp(doc, "string(g:author)") == "自治区人民政府主席 包钢"
    assert xp(doc, "string(g:body/g:salutation)") == "各位代表："
    # the toolbar, the byline and the photo caption are no part of the report's text (whoever takes them out)
    taken_out = {int(n) for n in xp(neimenggu, "/g:archive/g:residue/g:removed/@line | /g:archive/g:page/g:fact/@line")}
    assert taken_out >= {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 15}
    assert "本报记者" not in flow(neimenggu)


def test_neimenggu_parts(neimenggu):
    body = xp(neimenggu, "/g:archive/g:document/g:body")[0]
    assert [text(h) for h in xp(body, "g:heading")] == ["“十四五”时期发展成就和2025年工作回顾",
                                                         "“十五五”时期主要目标和2026年重点工作"]
    assert [h.get("line") for h in xp(body, "g:heading")] == ["18", "29"]
    assert [text(h) for h in xp(body, "g:section[@level='1']/g:heading")] == [
        "把铸牢中华民族共同体意识作为民族地区各项工作的主线", "深化落实习近平总书记和党中央赋予的五大战略定位和使命任务",
        "全力抓好七项重点工作", "把坚持党的全面领导贯穿政府工作各方面全过程"]
    # the part headings stand above the sections: 一、 comes after the second
    assert int(xp(body, "g:section[@level='1']")[0].get("line")) > 29
    assert len(xp(body, "g:section[@level='1'][3]/g:section[@level='2']")) == 7
    # the 附件 is no body section
    assert not xp(body, ".//g:section[@level='3']")


def test_neimenggu_attachment(neimenggu):
    attachment = xp(neimenggu, "/g:archive/g:document/g:attachments/g:attachment")
    assert len(attachment) == 1
    assert xp(attachment[0], "string(g:label)") == "附件"
    assert xp(attachment[0], "string(g:title)") == "2026年自治区民生实事"
    items = xp(attachment[0], "g:section[@level='3']")
    assert [xp(item, "string(g:num)") for item in items] == [f"{n}." for n in range(1, 11)]
    assert [u.text for u in xp(items[0], "g:responsible/g:unit")] == ["农牧厅", "林草局", "人社厅"]
    assert [u.text for u in xp(items[3], "g:responsible/g:unit")] == ["红十字会", "残联", "妇联", "卫健委"]
    assert not xp(items[0], "g:heading")


def test_state_council_1955_head():
    result = pipeline.convert_file(SAMPLES / "more" / "state-council-1955-report-wikisource.txt")
    doc = xp(result.root, "/g:archive/g:document")[0]
    assert doc.get("form") == "work-report"
    assert xp(doc, "string(g:body/g:salutation)") == "各位代表："
    assert not xp(doc, "g:title | g:delivered | g:author")
    assert [text(h) for h in xp(doc, "g:body/g:section[@level='1']/g:heading")][:2] == [
        "国家在过渡时期的总任务", "第一个五年计划概要"]


@pytest.mark.parametrize("name, title, date, role, speaker", [
    ("seeds/hannan-2020-work-report-webpage.txt", "2020年政府工作报告", "2020-12-24", "", "刘誓保"),
    ("seeds/wuchang-2023-work-report.md.txt", "政府工作报告", "2022-12-27", "区长", "范礼奎"),
    ("seeds/xinzhou-2023-work-report-notice.txt", "政府工作报告", "2022-12-27", "区长", "刘润长"),
    ("seeds/jianghan-2024-work-report-notice.md.txt", "政府工作报告", "2023-12-25", "区长", "叶文静"),
])
def test_seed_report_heads(name, title, date, role, speaker):
    result = pipeline.convert_file(SAMPLES / name)
    report = xp(result.root, "//g:document[@form='work-report']")[0]
    assert xp(report, "string(g:title)") == title
    assert xp(report, "string(g:delivered/@date)") == date
    assert xp(report, "string(g:author/@role)") == role
    assert xp(report, "string(g:author/g:name)") == speaker
    assert re.fullmatch(r"各位代表[：:]", xp(report, "string(g:body/g:salutation)"))
