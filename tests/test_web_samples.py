"""What the real web pages of samples/ print, as the web filters must read them (issue 10, items 3 and 4).

Beside their goldens, the assertions below say what each prints in the web filters' area — the page
record, the chrome in residue, the title the page's own head leaves to the
document, a page cut short — so the merged result can be checked.
"""

from __future__ import annotations

from functools import lru_cache

import pytest
from lxml import etree

from converter import lossless, pipeline
from tests.conftest import SAMPLES

NS = {"g": "urn:gongwen:archive:1.0"}


@lru_cache(maxsize=None)
def converted(name: str) -> pipeline.Result:
    folder = "seeds" if name.startswith("hannan") else "more"
    return pipeline.convert_file(SAMPLES / folder / name)


def facts(name: str) -> list[tuple[str, int, str, str | None]]:
    root = converted(name).root
    return [(f.get("name"), int(f.get("line")), f.text or "", f.get("value")) for f in root.iterfind("g:page/g:fact", NS)]


def chrome_lines(name: str) -> list[int]:
    root = converted(name).root
    return [int(r.get("line")) for r in root.iterfind("g:residue/g:removed[@reason='web-chrome']", NS)]


def flow(name: str) -> str:
    return lossless.flow_text(converted(name).root)


def first(name: str, path: str) -> etree._Element:
    found = converted(name).root.find(path, NS)
    assert found is not None, f"{name}: no {path}"
    return found


def cut_warnings(name: str) -> list[int]:
    return [line for line, message in converted(name).warnings if "cut short" in message]


def test_neimenggu_toolbar_byline_and_caption():
    name = "neimenggu-2026-work-report-web.txt"
    assert facts(name) == [("来源", 12, "来源：内蒙古日报", None), ("时间", 13, "时间：2026-02-12", "2026-02-12")]
    assert chrome_lines(name) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 73]     # toolbar, photo caption, 相关报道：
    text = flow(name)
    assert "字号" not in text and "本报记者" not in text and "相关报道" not in text
    assert first(name, ".//g:document/g:title").text == "2026年内蒙古自治区政府工作报告"
    assert cut_warnings(name) == []


def test_anhui_english_navigation_and_field_block():
    name = "anhui-1985-38-notice-asianlii.txt"
    assert [(n, line, value) for n, line, _, value in facts(name)] == [
        ("发布单位", 11, None), ("发布文号", 13, None), ("发布日期", 15, "1985-05-04"), ("生效日期", 17, "1985-05-04"),
        ("失效日期", 19, None), ("所属类别", 21, None), ("文件来源", 23, None)]
    assert chrome_lines(name) == [1, 3, 5, 7, 9]       # nav, database label, breadcrumb, nav, database title
    assert "Databases" not in flow(name) and "【" not in flow(name)
    title = first(name, ".//g:document/g:title")
    assert (title.get("line"), title.text) == ("25", "安徽省人民政府关于任免国家机关工作人员问题的通知")
    assert cut_warnings(name) == [47]                  # the excerpt ends inside 5、…提请市人


def test_guangzhou_menus_and_title_four_times():
    name = "guangzhou-2005-order-5-web.txt"
    assert [(n, line, value) for n, line, _, value in facts(name)] == [
        ("作者", 6, None), ("时间", 6, "2024-07-22"), ("浏览", 6, None), ("来源", 6, None)]
    assert chrome_lines(name) == [1, 2, 4, 7, 9, 11]   # menus, two title copies, download link, database organ
    title = first(name, ".//g:document/g:title")
    assert title.get("line") == "14"                   # the copy printed above 令第5号
    assert "世界资料网" not in flow(name) and "点击此处下载" not in flow(name)
    assert "第二条修改为" in flow(name)                 # the decision printed under the order is kept
    assert cut_warnings(name) == [32]


def test_jian_breadcrumb_and_page_title_above_the_notice():
    name = "jian-2003-37-rules-notice-web.txt"
    assert [n for n, _, _, _ in facts(name)] == ["作者", "时间", "浏览", "来源"]
    assert chrome_lines(name) == [1, 3, 6, 8]          # breadcrumb, page title twice, download link
    title = first(name, ".//g:document/g:title")
    assert title.get("line") == "10" and title.text.endswith("关于印发吉安市市本级政务公开工作实施细则的通知")
    assert cut_warnings(name) == [32]


def test_wikimirror_header_and_collection_note():
    name = "state-council-2004-1-reply-wikimirror.txt"
    assert facts(name) == []
    assert chrome_lines(name) == [3, 4, 5, 6]          # issuer and date repeated above the body, 收录于 lines
    assert first(name, ".//g:document/g:title").get("line") == "1"
    assert first(name, ".//g:document/g:docNumber").text == "国函〔2004〕1号"
    assert first(name, ".//g:document/g:recipients").text == "甘肃省人民政府:"
    assert cut_warnings(name) == []


def test_linan_page_template_read_as_html():
    name = "linan-2013-89-roster-notice.jsp.txt"
    root = converted(name).root
    markup = {int(r.get("line")): r.text for r in root.iterfind("g:residue/g:removed[@reason='markup']", NS)}
    assert markup[1].startswith("<%@ page") and markup[6] == 'font-family: "宋体"'
    assert "&nbsp&nbsp&nbsp&nbsp" in markup[32]
    doc = first(name, ".//g:document/g:docNumber")
    assert (doc.get("line"), doc.text) == ("20", "临政办函[2013]89号")
    title = first(name, ".//g:document/g:title")
    assert (title.get("line"), title.text) == ("25", "临安市人民政府办公室关于成立临安市信用建设工作领导小组的通知")
    text = flow(name)
    assert "<" not in text and "nbsp" not in text and "STYLE" not in text
    assert "李文钢" in text and "胡廖明（市发改局）" in text
    assert cut_warnings(name) == []


def test_hannan_byline_is_the_page_record():
    name = "hannan-2020-work-report-webpage.txt"
    assert facts(name) == [("发布时间", 3, "发布时间:2021-01-21 11:16", "2021-01-21"), ("作者", 3, "作者:", None),
                           ("信息来源", 3, "信息来源: 武汉经开区管委会(汉南区政府)办公室", None)]
    assert cut_warnings(name) == []


@pytest.mark.parametrize("name", ["dongguan-2003-248-roster-notice-web.txt", "lufeng-2019-2-announcement-forum.txt"])
def test_database_and_forum_lines_left_to_the_frame(name: str):
    """An unlabelled database line (文号 + date + province) is the frame's to read, not a page record."""
    assert facts(name) == []
    assert cut_warnings(name) == []
    assert chrome_lines(name) == ([3] if name.startswith("lufeng") else [])    # the forum's lone "|"
