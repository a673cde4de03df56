"""The web page filters and the HTML reader, function by function (the fixtures show whole layouts)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from converter import lossless, pipeline
from converter.cli import main
from converter.outline import outline
from converter.reader import InputError
from converter.model.text import Line
from converter.normalise import normalise
from converter.normalise.catalogue import date_value, line_fields
from converter.normalise.chrome_lines import crumb_steps, is_chrome_line
from converter.normalise.html import looks_like_html, read_html, tokens
from converter.normalise.truncation import note_cut_short
from tests.test_properties import LONG_RUN


# --- is it HTML? ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "<!DOCTYPE html>\n<html><body><p>通知</p></body></html>",
    '<%@ page contentType="text/html;charset=UTF-8" %>\n<p>通知</p>',
    "<meta charset=utf-8>\n<p>通知</p>",
    "<p>一</p>\n<p>二</p>\n<div>三</div>\n正文",
    "正文\n</head>\n<body>\n",
])
def test_html_sources_are_told(text: str):
    assert looks_like_html(text)


@pytest.mark.parametrize("text", [
    "关于做好春季植树工作的通知\n各乡镇人民政府：\n",
    "# 通知\n- **坚持因地制宜。**各地要适地适树，<br/>合理选择树种。\n<p>各地要在三月底前完成。</p>\n正文\n",
    "GDP 增长 <5%，投资 >3%。\n",
])
def test_text_with_some_markup_is_no_html(text: str):
    assert not looks_like_html(text)


# --- the HTML reader ----------------------------------------------------------------

def read(text: str) -> list[tuple[int, str]]:
    lines, _ = read_html(text)
    return [(line.n, line.text) for line in lines]


def test_tokens_cover_the_source_exactly():
    text = '<%@ page x="a>b" %>\r\n<style>\n.a{font:"宋体"}</style><p>组&nbsp&nbsp长：李&#20013;&foo; x &amp</p>\r<li\n class=x>a<br/>b</li><!-- c\nd --><script>if(a<b){}</script>&'
    pieces = tokens(text)
    assert "".join(text[a:b] for a, b, _, _ in pieces) == text
    assert [a for a, _, _, _ in pieces] == sorted(a for a, _, _, _ in pieces)


def test_block_tags_end_lines_and_keep_source_lines():
    text = "<html><body>\n<h1>关于做好春季\n植树工作的通知</h1><p>各乡镇人民政府：</p>\n<p>一是抓好<br>二是抓好</p>\n</body></html>"
    assert read(text) == [(2, "关于做好春季植树工作的通知"), (3, "各乡镇人民政府："), (4, "一是抓好"), (4, "二是抓好")]


def test_a_line_break_between_latin_words_is_a_space():
    assert read("<html><p>GDP\ngrowth 5%</p></html>") == [(1, "GDP growth 5%")]


def test_table_cells_are_tabs_and_a_row_is_one_line():
    text = "<html><table>\n<tr><td>序号</td><td>乡镇</td></tr>\n<tr>\n<td>1</td>\n<td></td>\n<td>500</td>\n</tr></table></html>"
    assert read(text) == [(2, "序号\t乡镇"), (4, "1\t\t500")]


def test_paragraph_starts_are_indented_and_empty_paragraphs_are_gaps():
    lines, _ = read_html("<html><p>第一段，</p><p>&nbsp;</p><p>第二段。</p>\n<p>第三段<br>续</p></html>")
    assert [(line.text, line.indent, line.gap) for line in lines] == [
        ("第一段，", True, False), ("第二段。", True, True), ("第三段", True, False), ("续", False, False)]


def test_references_are_markup_and_the_characters_they_name_are_text():
    lines, residue = read_html("<html><p>组&nbsp&nbsp长：李&#25991;钢 &lt;附&gt; &foo; AT&T</p></html>")
    assert lines[0].text == "组\u00a0\u00a0长：李文钢 <附> &foo; AT&T"
    assert residue[0].text == "<html><p>&nbsp&nbsp&lt;&gt;</p></html>"        # &#25991; is 文: text, no residue


def test_style_script_comments_and_template_code_are_markup():
    text = "<%@ page a %>\n<style>\n.x{font:\"黑体\"}\n</style>\n<script>var s='<p>假</p>';</script>\n<!-- 注释 -->\n<p>正文</p>\n<?php echo '<b>'; ?>"
    lines, residue = read_html(text)
    assert [line.text for line in lines] == ["正文"]
    assert {r.line for r in residue} == {1, 2, 3, 4, 5, 6, 7, 8}
    assert any("黑体" in r.text for r in residue) and any("假" in r.text for r in residue)


def test_template_code_over_several_lines_keeps_every_line_after_it_in_place():
    # a JSP scriptlet: its mask must not move the line break after "<%" or before "%>"
    text = ('<%@ page contentType="text/html" %>\n<%\n  String t = "x";\n%>\n<html><body>\n'
            "<p>关于做好2024年春节期间安全工作的通知</p>\n<p>各区县人民政府：</p>\n</body></html>\n")
    lines, residue = read_html(text)
    assert [(line.n, line.text) for line in lines] == [(6, "关于做好2024年春节期间安全工作的通知"), (7, "各区县人民政府：")]
    assert [r.text for r in residue if r.line in (2, 3, 4)] == ["<%", 'String t = "x";', "%>"]
    assert lossless.check(text, pipeline.convert_bytes(text.encode(), "page.jsp.html").root) is None


def test_short_template_code_is_markup_too():
    lines, residue = read_html("<html><p>第<%=n%>号</p></html>")
    assert [line.text for line in lines] == ["第号"] and "<%=n%>" in residue[0].text


@pytest.mark.parametrize("stray", ["<![ 1 x>", "<![x>", "<![CDATA1>", "<![中>"])
def test_a_marked_section_of_no_known_kind_is_a_bogus_comment_as_a_browser_reads_it(stray: str):
    # the standard library's parser raises AssertionError on these ("expected name token", "unknown status")
    lines, residue = read_html(f"<html><p>正文一</p>{stray}<p>正文二</p></html>")
    assert [line.text for line in lines] == ["正文一", "正文二"] and stray in residue[0].text


def test_known_marked_sections_are_still_read_as_before():
    lines, residue = read_html("<html><p><![if !supportLists]>1.<![endif]>正文</p><![CDATA[x]]></html>")
    assert [line.text for line in lines] == ["1.正文"]
    assert "<![if !supportLists]>" in residue[0].text and "<![CDATA[x]]>" in residue[0].text


def test_bold_and_superscript_spans():
    lines, _ = read_html("<html><p>　　<strong>坚持因地制宜。</strong>各地要适地适树<sup>①</sup>。</p></html>")
    line = lines[0]
    assert line.text == "坚持因地制宜。各地要适地适树①。"
    assert [line.text[a:b] for a, b in line.bold] == ["坚持因地制宜。"]
    assert [line.text[a:b] for a, b in line.sup] == ["①"]


def test_control_characters_in_html_are_residue():
    lines, residue = read_html("<html><p>通\x07知</p>\n<p title='\x01'>正文</p></html>")
    assert [line.text for line in lines] == ["通 知", "正文"]
    assert [(r.reason, r.line, r.codepoint) for r in residue if r.reason == "control-char"] == [
        ("control-char", 1, "U+0007"), ("control-char", 2, "U+0001")]


def test_lone_cr_line_ends_in_html():
    assert read("<html>\r<p>一</p>\r<p>二</p></html>") == [(2, "一"), (3, "二")]


def test_lines_of_one_source_line_keep_their_order():
    """A page printed on one line: the title before the 文号 stays before it (Line.position orders them)."""
    data = ("<html><body><p>关于做好春季植树工作的通知</p><p>某政发〔2024〕3号</p><p>各乡镇人民政府：</p>"
            "<p>今年春季植树工作要坚持因地制宜。</p></body></html>")
    lines, _ = read_html(data)
    assert [line.position for line in lines] == [(1, 15), (1, 35), (1, 53), (1, 68)]
    root = pipeline.convert_bytes(data.encode(), "page.html").root
    assert [etree.QName(el).localname for el in root.find("{*}document")][:2] == ["title", "docNumber"]


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.txt"])
def test_html_converts_losslessly_whatever_its_name(name: str):
    data = "<html><body><p>关于做好春季植树工作的通知</p><p>各乡镇人民政府：</p><p>今年春季植树工作要坚持因地制宜&#12290;</p></body></html>".encode()
    result = pipeline.convert_bytes(data, name)
    assert result.root.find(".//{*}title").text == "关于做好春季植树工作的通知"
    assert lossless.check(data.decode(), result.root) is None


def test_a_folder_of_saved_pages_is_converted(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text("<html><p>关于做好春季植树工作的通知</p><p>各乡镇人民政府：</p></html>", encoding="utf-8")
    (tmp_path / "in" / "b.htm").write_text("<html><p>关于做好秋季防火工作的通知</p></html>", encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--quiet"])
    assert done.value.code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.xml", "b.xml"]


# --- chrome lines -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "下载", "全屏", "【字号：", "】", "|", "[打印本页] [关闭窗口]", "字号：[大] [中] [小]", "分享到：微信 微博 豆瓣",
    "扫一扫在手机打开当前页", "（责任编辑：王明）", "编辑：王明 审核：李华", "您的位置：首页 » 政务公开 »",
    "首页 > 政务公开 > 通知公告", "Site [Home] [Search] [Help]", "网站首页 | 政务公开 | 政务服务",
    "县长王明作政府工作报告。本报记者 张伟 摄", "（新华社记者 李华 摄）", "本作品收录于《某某公报/2024年/第3号",
    "收录于", "如有侵权请联系删除", "下载地址：点击此处下载", "← 关于做好秋冬季森林防火工作的通知", "姊妹计划: 数据项",
    "您是第 12345 位访问者", "某某县人民政府门户网站",
])
def test_chrome_lines(text: str):
    assert is_chrome_line(text)


@pytest.mark.parametrize("text", [
    "关于做好春季植树工作的通知", "各乡镇人民政府：", "一、总体要求", "今年春季植树工作要坚持因地制宜、适地适树。",
    "附件：春季植树任务分解表", "某某县林业局", "2024年3月5日", "| 序号 | 乡镇 | 任务 |", "组  长：王  明  县人民政府县长",
    "打印机、复印机采购项目", "收入 > 支出，结余增加。", "1 | 2 | 3 | 4", "（一）加强组织领导。",
    "记者从县林业局获悉，全县完成植树五千亩。", "（二）推广二维码支付", "分享典型经验做法", "审核：县财政局负责审核资金",
    "二是加强地图测绘航拍摄", "申请→受理→审核→办结",  "防范来自网络的安全风险。", "以上数据仅供参考。", "一、扫码登记", "各有关网站",
])
def test_text_lines_are_no_chrome(text: str):
    assert not is_chrome_line(text)


@pytest.mark.parametrize("text, steps", [
    ("您的位置: 首页 » 法律资料 » 法律法规 »", ["首页", "法律资料", "法律法规", ""]),
    ("当前位置：首页 > 通知公告", ["首页", "通知公告"]),
    ("You are here:  Site >> Databases >> 某某规章 >> 关于做好春季植树工作的通知",
     ["Site", "Databases", "某某规章", "关于做好春季植树工作的通知"]),
    ("首页 > 政务公开", ["首页", "政务公开"]),
    ("甲 > 乙", []),
    ("增长率 > 5%，投资 > 3%", []),
])
def test_breadcrumb_steps(text: str, steps: list[str]):
    assert crumb_steps(text) == steps


# --- the page record ----------------------------------------------------------------

@pytest.mark.parametrize("value, iso", [
    ("2024-03-05", "2024-03-05"), ("2024/3/5 09:30", "2024-03-05"), ("2024.03.05", "2024-03-05"),
    ("2024年03月05日", "2024-03-05"), ("二〇二四年三月五日", "2024-03-05"), ("2024-07-22 07:20:29", "2024-07-22"),
    ("2024-02-30", None), ("2024-03-05 上午", None), ("有效", None), ("", None), ("-----------", None),
])
def test_date_values(value: str, iso: str | None):
    assert date_value(value) == iso


def fields(text: str) -> list[tuple[str, str]] | None:
    parsed = line_fields(Line(1, None, text))
    return None if parsed is None else [(fact.name, fact.text) for fact in parsed[0]]


@pytest.mark.parametrize("text, found", [
    ("索引号：A-1 | 发布机构：某局", [("索引号", "索引号：A-1"), ("发布机构", "发布机构：某局")]),
    ("索引号\tA-1\t发布机构\t某局", [("索引号", "索引号\tA-1"), ("发布机构", "发布机构\t某局")]),
    ("索 引 号：A-1", [("索引号", "索 引 号：A-1")]),
    ("【发布单位】某局", [("发布单位", "【发布单位】某局")]),
    ("发布机构：某局发布日期：2024-03-05", [("发布机构", "发布机构：某局"), ("发布日期", "发布日期：2024-03-05")]),
    ("作者: 信息来源: 某局", [("作者", "作者:"), ("信息来源", "信息来源: 某局")]),
    ("组长：王明", None),
    ("来源：新华社。本报讯……", None),
    ("时间不等人", None),
    ("各乡镇人民政府：", None),
])
def test_line_fields(text: str, found: list[tuple[str, str]] | None):
    assert fields(text) == found


def test_a_lone_one_character_widget_needs_a_widget_beside_it():
    page = normalise("关于做好春季植树工作的通知\n各乡镇人民政府：\n风险等级分为：\n高\n中\n低\n")
    assert [line.text for line in page.lines][-2:] == ["中", "低"]
    page = normalise("打印本页\n中\n关闭窗口\n关于做好春季植树工作的通知\n")
    assert [line.text for line in page.lines] == ["关于做好春季植树工作的通知"]


def test_a_footer_label_followed_by_text_is_no_footer():
    page = normalise("某某县植树节活动方案\n一、活动安排\n今年植树节活动如下。\n主办单位：县林业局\n"
                     "承办单位：各乡镇人民政府\n活动当天，各单位要组织干部职工参加义务植树。\n")
    assert "主办单位：县林业局" in [line.text for line in page.lines]


def test_a_field_in_the_body_is_text():
    page = normalise("关于召开植树工作会议的通知\n各乡镇人民政府：\n时间：2024年3月5日上午9时\n地点：县政府会议室\n")
    assert page.facts == ()
    assert [line.text for line in page.lines][2] == "时间：2024年3月5日上午9时"


def test_a_minutes_meeting_time_is_the_documents_own():
    page = normalise("某某县人民政府常务会议纪要\n时间：2024年3月5日上午\n地点：县政府三楼会议室\n主持：县长王明\n"
                     "出席：李华，张伟\n会议研究了春季植树工作。\n")
    assert page.facts == () and [line.n for line in page.lines] == [1, 2, 3, 4, 5, 6]
    page = normalise("某某县人民政府常务会议纪要\n日期：2024-03-05\n会议研究了春季植树工作。\n")
    assert page.facts == ()                  # a weak label alone, on a page with nothing else of a website


def test_a_catalogue_block_below_the_text_is_the_page_record():
    page = normalise("关于做好春季植树工作的通知\n各乡镇人民政府：\n今年春季植树工作要坚持因地制宜。\n"
                     "索引号：A-1 | 发布机构：某局\n成文日期：2024-03-05 | 公开方式：主动公开\n")
    assert [fact.name for fact in page.facts] == ["索引号", "发布机构", "成文日期", "公开方式"]


# --- the lossless check for page facts ------------------------------------------------

ARCHIVE = ('<archive xmlns="urn:gongwen:archive:1.0"><source/><page>{facts}</page>'
           '<document><p>{flow}</p></document><residue/></archive>')


def test_a_fact_may_run_on_to_the_line_under_its_label():
    xml = ARCHIVE.format(facts='<fact name="索引号" line="1">索引号：2024-00012</fact>', flow="正文").encode()
    assert lossless.check("索引号：\n2024-00012\n正文\n", xml) is None


def test_a_fact_must_start_on_its_line():
    xml = ARCHIVE.format(facts='<fact name="索引号" line="3">索引号：2024-00012</fact>', flow="正文").encode()
    assert lossless.check("索引号：\n2024-00012\n正文\n", xml) is not None


def test_a_fact_counted_twice_is_a_loss():
    xml = ARCHIVE.format(facts='<fact name="来源" line="1">来源：某局</fact>', flow="来源某局正文").encode()
    assert lossless.check("来源：某局\n正文\n", xml) is not None


# --- a page cut short ---------------------------------------------------------------

def last_line_warns(text: str) -> bool:
    page = normalise("关于做好春季植树工作的通知\n各乡镇人民政府：\n" + text + "\n")
    return bool(note_cut_short(page).warnings)


@pytest.mark.parametrize("text", [
    "各乡镇要在三月底前完成苗木准备，重点抓好城区周边和主要道路两侧的绿",
    "市本级政府机关都要实行政务公开",
    "5、下列工作人员,由市长提请市人",
    "具体要求如下：",
])
def test_a_last_line_ending_mid_sentence_warns(text: str):
    assert last_line_warns(text)


@pytest.mark.parametrize("text", [
    "今年春季植树工作要坚持因地制宜。", "某某县人民政府", "2024年3月5日", "某某县林业局 2024年3月5日",
    "（此件公开发布）", "附件：春季植树任务分解表", "周 强  县交通局副局长", "二、主要任务", "1\t城关镇\t500",
    "某某县人民政府办公室 2024年3月6日印发", "抄送：县委办公室，县人大常委会办公室",
])
def test_a_last_line_a_document_may_end_with_is_no_cut(text: str):
    assert not last_line_warns(text)


def test_a_cut_page_warns_once_and_keeps_its_text():
    result = pipeline.convert_bytes("关于做好春季植树工作的通知\n各乡镇人民政府：\n今年春季植树工作要坚持因地制宜、适地".encode(), "a.txt")
    assert [message for _, message in result.warnings if "cut short" in message] == [
        "the text ends mid-sentence (…工作要坚持因地制宜、适地): the page looks cut short; kept as it is, nothing added"]
    assert result.root.findall(".//{*}p")[-1].text.endswith("因地制宜、适地")


# --- hunting: random HTML converts losslessly or fails in one clean line ---------------

HTML_PIECES = [
    "<p>", "</p>", "<br>", "<br/>", "<div class='标题'>", "</div>", "<table>", "<tr>", "</tr>", "<td>", "</td>",
    "<th>", "<li>", "</li>", "<a href=x>", "</a>", "<nav>", "</nav>", "<strong>", "</strong>", "<sup>", "</sup>",
    "<pre>", "</pre>", "<style>", "</style>",
    "<script>", "</script>", "<!--", "-->", "<!-- 注 -->", "<%@ page a %>", "<?php echo 1; ?>", "<!DOCTYPE html>",
    "<title>", "</title>", "&nbsp;", "&nbsp", "&#20013;", "&#x4e2d;", "&#49;", "&#12288;", "&#0;", "&#12;", "&lt;",
    "&foo;", "&", "<", ">", "\n", "\r", "\r\n", "\x07", "\t", "　", "通知", "各乡镇人民政府：", "一、总体要求",
    "2024年3月5日", "发布时间：2024-03-05", "索引号：", "000014349/2024-00012", "打印", "【字号：", "】",
    "本报记者 张伟 摄", "某某县人民政府", "123", "ＡＢ１２", "关于做好春季植树工作的通知",
    "<![", "<![CDATA[", "]]>", "<![if !supportLists]>", "<![endif]>", "<%\n", "\n%>", "<%= 1 %>",
    "\ufffe", "\u200b", "李",     # (a non-character and a format character, inside a word too)
]


@settings(max_examples=LONG_RUN or 150, deadline=None, derandomize=not LONG_RUN,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(HTML_PIECES), min_size=1, max_size=60))
def test_random_html_is_lossless_or_a_clean_error(pieces: list[str]):
    text = "<html><body>" + "".join(pieces)
    assert "".join(text[a:b] for a, b, _, _ in tokens(text)) == text
    try:
        result = pipeline.convert_bytes(text.encode("utf-8"), "page.html")
    except InputError as exc:
        assert "\n" not in str(exc) and "gongwen bug" not in str(exc)
        return
    assert lossless.check(text, result.root) is None


def test_inspect_shows_the_page_record():
    root = pipeline.convert_bytes("关于做好春季植树工作的通知\n来源：某某县林业局 发布时间：2024-03-05\n各乡镇人民政府：\n正文。\n".encode(),
                                  "a.txt").root
    assert "page: 2 facts (来源, 发布时间)" in outline(root)
