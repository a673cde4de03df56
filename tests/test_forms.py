"""What each sample must yield: the acceptance facts of the report and notice forms."""

from __future__ import annotations

import pytest
from lxml import etree

from converter import pipeline
from tests.conftest import SAMPLES

NS = {"g": "urn:gongwen:archive:1.0"}


@pytest.fixture(scope="module")
def xml():
    cache = {}

    def load(name: str):
        if name not in cache:
            path = next(SAMPLES.glob(f"*/{name}"))
            result = pipeline.convert_file(path)
            cache[name] = (etree.fromstring(result.xml), result.warnings)
        return cache[name][0]
    return load


def xp(root, path):
    return root.xpath(path, namespaces=NS)


def text(el) -> str:
    return "".join(el.itertext())


def headings(root, level, within="//g:document[@form='work-report']"):
    return [text(h) for h in xp(root, f"{within}//g:section[@level='{level}']/g:heading")]


def test_xinzhou_notice_frame(xml):
    root = xml("xinzhou-2023-work-report-notice.txt")
    notice = xp(root, "/g:archive/g:document")[0]
    assert notice.get("form") == "notice"
    number = xp(notice, "g:docNumber")[0]
    assert (number.text, number.get("prefix"), number.get("year"), number.get("seq")) == \
        ("新政发〔2023〕1号", "新政发", "2023", "1")
    assert xp(notice, "string(g:title)") == "区人民政府关于印发政府工作报告的通知"
    assert xp(notice, "string(g:recipients)").startswith("各镇人民政府")
    assert xp(notice, "string(g:signature/g:signer)") == "武汉市新洲区人民政府"
    assert xp(notice, "string(g:signature/g:date/@value)") == "2023-01-10"
    assert xp(notice, "string(g:cc)").startswith("抄送：区委各部门")
    assert xp(notice, "string(g:cc)").endswith("区法院、检察院。")
    assert xp(notice, "string(g:printer/g:signer)") == "武汉市新洲区人民政府办公室"
    assert xp(notice, "string(g:printer/g:date/@value)") == "2023-01-10"


def test_xinzhou_report_inside_notice(xml):
    root = xml("xinzhou-2023-work-report-notice.txt")
    report = xp(root, "//g:transmitted/g:document")[0]
    assert report.get("form") == "work-report"
    assert xp(report, "string(g:title)") == "政府工作报告"
    delivered = xp(report, "g:delivered")[0]
    assert delivered.get("date") == "2022-12-27"
    assert text(delivered) == "——2022年12月27日在新洲区第六届人民代表大会第三次会议上"
    assert xp(report, "string(g:author/@role)") == "区长"
    assert xp(report, "string(g:author/g:name)") == "刘润长"
    assert headings(root, 1) == ["2022年工作回顾", "2023年工作安排", "全面建设人民满意政府"]
    assert len(headings(root, 2)) == 11
    # page-break splits repaired: one paragraph each
    paragraphs = [text(p) for p in xp(report, ".//g:p")]
    assert any("荣膺全市首家国家级生态文明建设示范区" in p for p in paragraphs)
    assert any("医保基金平稳安全运行。" in p for p in paragraphs)
    assert not any(p.startswith("设示范区") for p in paragraphs)


def test_xinzhou_glossary(xml):
    root = xml("xinzhou-2023-work-report-notice.txt")
    entries = xp(root, "//g:glossary/g:entry")
    assert [int(e.get("n")) for e in entries] == list(range(1, 31))
    assert xp(entries[0], "string(g:term)") == "三保"
    assert xp(entries[0], "string(g:definition)") == "保基本民生、保工资、保运转。"
    # a definition continued after a blank line
    assert xp(entries[26], "string(g:definition)").endswith("开展专项整治。")
    assert xp(root, "string(//g:glossary/g:title)") == "名词解释"


def test_wuchang_markdown_levels_do_not_decide_structure(xml):
    root = xml("wuchang-2023-work-report.md.txt")
    assert headings(root, 1) == ["2022年工作回顾", "2023年主要工作安排"]
    assert len(headings(root, 2)) == 13
    assert "聚焦增福祉，民生温度充分彰显" in headings(root, 2)
    assert xp(root, "string(//g:author/@role)") == "区长"
    assert xp(root, "string(//g:author/g:name)") == "范礼奎"
    bold = [text(b) for b in xp(root, "//g:p/g:b")]
    assert "优化供给稳消费。" in bold
    document = xp(root, "/g:archive/g:document")[0]
    assert not any("**" in t or "<sup>" in t or "#" in t for t in document.itertext())


def test_wuchang_markers_link_by_term_before_number(xml):
    root = xml("wuchang-2023-work-report.md.txt")
    refs = xp(root, "//g:noteRef")
    assert len(refs) == 16
    entries = {e.get("id"): xp(e, "string(g:term)") for e in xp(root, "//g:entry")}
    linked = {ref.text: [] for ref in refs}
    for ref in refs:
        linked[ref.text].append(entries[ref.get("target")])
    assert linked["⑨"] == ["“新物种”企业"]          # printed ⑨, meant entry 8
    assert linked["⑩"] == ["CIM", "省“13条”、市“24条”"]
    assert linked["①"] == ["六税两费"]
    assert len(entries) == 16


def test_jianghan_letter_spaced_title_one_line_signature_and_glossary(xml):
    root = xml("jianghan-2024-work-report-notice.md.txt")
    notice = xp(root, "/g:archive/g:document")[0]
    assert xp(notice, "string(g:docNumber)") == "江政〔2024〕1号"
    assert xp(notice, "string(g:title)") == "区人民政府关于印发政府工作报告的通知"
    assert xp(notice, "string(g:signature/g:signer)") == "江汉区人民政府"
    assert xp(notice, "string(g:signature/g:date/@value)") == "2024-01-15"
    assert xp(notice, "string(g:printer/g:date/@value)") == "2024-01-15"
    report = xp(notice, "g:transmitted/g:document")[0]
    assert xp(report, "string(g:delivered/@date)") == "2023-12-25"
    assert xp(report, "string(g:author/g:name)") == "叶文静"
    assert len(headings(root, 1)) == 2 and len(headings(root, 2)) == 13
    entries = xp(root, "//g:entry")
    assert len(entries) == 35
    terms = [xp(e, "string(g:term)") for e in entries]
    assert terms[15] == "社区康复直通车"          # bold split the term: 社**区康复直通车:**
    assert terms[30] == "四首经济"
    assert xp(entries[3], "string(g:definition)").endswith("提出二十四项创新举措。")
    page_numbers = xp(root, "//g:removed[@reason='page-number']")
    assert [(r.get("line"), r.text) for r in page_numbers] == [("232", "**—** 26 **—**")]
    assert not any("26 —" in (t or "") for t in xp(root, "//g:glossary//text()"))


def test_hannan_web_page(xml):
    root = xml("hannan-2020-work-report-webpage.txt")
    report = xp(root, "/g:archive/g:document")[0]
    assert report.get("form") == "work-report"
    assert xp(report, "string(g:title)") == "2020年政府工作报告"
    assert xp(report, "string(g:delivered/@date)") == "2020-12-24"
    assert xp(report, "string(g:author/g:name)") == "刘誓保"
    assert headings(root, 1) == ["十三五工作回顾", "十四五目标任务", "2021年的主要工作"]
    chrome = {r.get("line") for r in xp(root, "//g:removed[@reason='web-chrome']")}
    assert {"246", "250", "251", "264"} <= chrome
    assert {f.get("line") for f in xp(root, "//g:page/g:fact")} == {"3"}     # the byline is the page record
    flow = "".join(t for t in xp(report, ".//text()"))
    for word in ("备案证编号", "网站地图", "发布时间", "主办单位"):
        assert word not in flow
    # unnumbered lead lines stay paragraphs of their own (no page breaks on a web page)
    paragraphs = [text(p) for p in xp(report, ".//g:p")]
    assert "一是着力强化责任担当,疫情防控保卫战取得决定性成果" in paragraphs


@pytest.mark.parametrize("name", ["ndrc-2019-860-notice.txt", "ndrc-2019-860-notice-pdftotext.txt"])
def test_ndrc_joint_notice(xml, name):
    root = xml(name)
    notice = xp(root, "/g:archive/g:document")[0]
    assert notice.get("form") == "notice"
    number = xp(notice, "g:docNumber")[0]
    assert (number.get("prefix"), number.get("year"), number.get("seq")) == ("发改办财金规", "2019", "860")
    assert "发展改革委办公厅" in xp(notice, "string(g:issuerMark)")
    assert "税务总局办公厅" in xp(notice, "string(g:issuerMark)")
    assert xp(notice, "string(g:title)") == "关于加强个人所得税纳税信用建设的通知"
    assert xp(notice, "string(g:recipients)").endswith("办公厅（室）：")
    assert [s.text for s in xp(notice, "g:signature/g:signer")] == ["国家发展改革委办公厅", "税务总局办公厅"]
    assert xp(notice, "string(g:signature/g:date/@value)") == "2019-08-20"
    assert len(xp(notice, "g:body/g:section[@level='1']")) == 5
    assert len(xp(notice, "g:body/g:section/g:section[@level='2']")) == 9


def test_ndrc_pdftotext_pages(xml):
    root = xml("ndrc-2019-860-notice-pdftotext.txt")
    assert [r.text for r in xp(root, "//g:removed[@reason='page-number']")] == [f"—{n}—" for n in range(1, 6)]
    assert len(xp(root, "//g:removed[@reason='control-char'][@codepoint='U+000C']")) == 5
    first = text(xp(root, "//g:section[@level='1']/g:p")[0])
    assert "推动经济发展、惠及百姓民生" in first           # joined across —1—


def test_1955_report_numerals_alone_and_enumerations(xml):
    root = xml("state-council-1955-report-wikisource.txt")
    report = xp(root, "/g:archive/g:document")[0]
    assert report.get("form") == "work-report"
    assert xp(report, "string(g:body/g:salutation)") == "各位代表："
    assert headings(root, 1) == ["国家在过渡时期的总任务", "第一个五年计划概要", "第一個五年計劃的若幹問題",
                                 "为完成和超额完成第一个五年计划而奋斗"]
    assert len(headings(root, 2)) == 9
    items = xp(root, "//g:section[@level='2']/g:list/g:item")
    assert [xp(i, "string(g:num)") for i in items[:4]] == ["一、", "二、", "三、", "四、"]
    assert text(items[0]).startswith("一、我国人民已经推翻了帝国主义者")
    licence = [r.text for r in xp(root, "//g:removed[@reason='web-chrome']")]
    assert licence[0] == "本作品是中华人民共和国的" and "Public domain" in licence


def test_2025_opinion_printed_from_browser(xml):
    root = xml("state-council-2025-11-opinion-printed-pdftotext.txt")
    doc = xp(root, "/g:archive/g:document")[0]
    assert doc.get("form") == "opinion"          # FORMAT.md: 意见 is a form of its own
    assert xp(doc, "string(g:title)") == "国务院关于深入实施“人工智能+”行动的意见"
    assert xp(doc, "string(g:docNumber)") == "国发〔2025〕11号"
    assert len(xp(doc, ".//g:section[@level='2']")) == 14
    assert xp(doc, "string(g:signature/g:signer)") == "国务院"
    assert xp(doc, "string(g:signature/g:date/@value)") == "2025-08-21"
    headers = [r.get("line") for r in xp(root, "//g:removed[@reason='running-header']")]
    assert headers == ["1", "3", "47", "49", "98", "100"]
    run_in = xp(doc, ".//g:section[g:num='（七）']")[0]
    assert xp(run_in, "string(g:heading)") == "提升模型基础能力。"
    assert text(xp(run_in, "g:p")[0]).startswith("加强人工智能基础理论研究")
