"""Layouts of the genre the seeds do not show, written the way other governments print them."""

from __future__ import annotations

from lxml import etree

from converter import lossless, pipeline, validation

NS = {"g": "urn:gongwen:archive:1.0"}


def convert(tmp_path, text: str):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    result = pipeline.convert_file(path)
    root = etree.fromstring(result.xml)
    assert validation.problems(root) == []
    assert lossless.check(text, root) is None
    return root, result.warnings


def xp(node, path):
    return node.xpath(path, namespaces=NS)


MUNICIPAL_NOTICE = """某某市人民政府办公厅文件

某政办发〔2022〕15号

某某市人民政府办公厅
关于做好2022年防汛工作的通知

各县（市、区）人民政府，市政府各部门：

为切实做好今年防汛工作，经市政府同意，现将有关事项通知如下：

一、提高认识

各地要充分认识防汛工作的重要性。

二、落实责任

（一）压实属地责任。各县（市、区）政府是防汛第一责任主体。

（二）强化部门责任。各部门要各司其职。

附件：1．某某市防汛责任人名单
      2．某某市防汛物资储备表

某某市人民政府办公厅
二〇二二年五月十日

（此件公开发布）

抄送：市委办公室，市人大常委会办公室，
      市政协办公室。
某某市人民政府办公厅                2022年5月11日印发
"""


def test_municipal_notice(tmp_path):
    root, _ = convert(tmp_path, MUNICIPAL_NOTICE)
    doc = xp(root, "/g:archive/g:document")[0]
    assert doc.get("form") == "notice"
    assert xp(doc, "string(g:issuerMark)") == "某某市人民政府办公厅文件"
    assert xp(doc, "string(g:docNumber/@seq)") == "15"
    assert xp(doc, "string(g:title)") == "某某市人民政府办公厅关于做好2022年防汛工作的通知"
    assert xp(doc, "string(g:recipients)") == "各县（市、区）人民政府，市政府各部门："
    assert [h.text for h in xp(doc, ".//g:section/g:heading")] == ["提高认识", "落实责任", "压实属地责任。", "强化部门责任。"]
    assert xp(doc, "string(g:attachmentNote)").startswith("附件：1．某某市防汛责任人名单")
    assert "物资储备表" in xp(doc, "string(g:attachmentNote)")
    assert xp(doc, "string(g:signature/g:signer)") == "某某市人民政府办公厅"
    assert xp(doc, "string(g:signature/g:date/@value)") == "2022-05-10"
    assert xp(doc, "string(g:remark)") == "（此件公开发布）"
    assert not xp(doc, "g:transmitted")
    assert xp(doc, "string(g:cc)").endswith("市政协办公室。")
    assert xp(doc, "string(g:printer/g:signer)") == "某某市人民政府办公厅"
    assert xp(doc, "string(g:printer/g:date/@value)") == "2022-05-11"


COUNTY_REPORT = """政 府 工 作 报 告

（2024年1月8日在某某县第十八届人民代表大会第三次会议上）

代县长　王　明

各位代表：

现在，我代表县人民政府向大会报告工作，请予审议。

一、2023年工作回顾

全县经济持续恢复。“强县工程”［1］扎实推进，“五大行动”［2］成效明显。

二、2024年主要任务

（一）做强县域经济。推进项目建设。

注释：

1．强县工程：湖北省推进县域经济高质量发展的工程。

2．五大行动：招商引资等五项行动。
"""


def test_county_report(tmp_path):
    root, warnings = convert(tmp_path, COUNTY_REPORT)
    report = xp(root, "/g:archive/g:document")[0]
    assert report.get("form") == "work-report"
    assert xp(report, "string(g:title)") == "政府工作报告"
    assert xp(report, "string(g:delivered/@date)") == "2024-01-08"
    assert xp(report, "string(g:author/@role)") == "代县长"
    assert xp(report, "string(g:author/g:name)") == "王明"
    assert [h.text for h in xp(report, "g:body/g:section/g:heading")] == ["2023年工作回顾", "2024年主要任务"]
    refs = xp(report, "//g:noteRef")
    assert [(r.text, xp(report, f"string(//g:entry[@id='{r.get('target')}']/g:term)")) for r in refs] == [
        ("［1］", "强县工程"), ("［2］", "五大行动")]
    assert len(xp(report, "g:glossary/g:entry")) == 2


def test_signature_then_issued_document_then_attachment(tmp_path):
    text = ("某区人民政府关于印发某某实施方案的通知\n各街道办事处：\n现将《某某实施方案》印发给你们，请认真贯彻执行。\n"
            "某区人民政府\n2023年6月1日\n某某实施方案\n一、目标\n完成任务。（责任单位：区发改局、区财政局）\n"
            "附件\n某某工作领导小组名单\n组  长：张三  区长\n成  员：李四  区发改局局长\n王  五  区财政局局长\n")
    root, _ = convert(tmp_path, text)
    plan = xp(root, "//g:transmitted/g:document")[0]
    assert plan.get("form") == "plan" and xp(plan, "string(g:title)") == "某某实施方案"
    assert [u.text for u in xp(plan, ".//g:responsible/g:unit")] == ["区发改局", "区财政局"]
    roster = xp(plan, "g:attachments/g:attachment/g:document[@form='roster']")[0]
    members = [(m.get("role"), xp(m, "string(g:name)"), xp(m, "string(g:post)")) for m in xp(roster, ".//g:member")]
    assert members == [("组长", "张三", "区长"), ("成员", "李四", "区发改局局长"), ("成员", "王五", "区财政局局长")]


OTHER_BULLETIN = """某某市人民政府公报

2024年第2期（总第88期）

目  录

【市政府文件】

某某市人民政府关于印发某某市优化营商环境若干措施的通知…………3

某某市人民政府关于表彰2023年度先进集体的决定……………7

大事记……………………9

【市政府文件】

某某市人民政府文件

某政发〔2024〕3号

某某市人民政府关于印发某某市优化营商环境若干措施的通知

各区人民政府，市政府各部门：

现将《某某市优化营商环境若干措施》印发给你们，请遵照执行。

某某市人民政府

2024年2月1日

某某市优化营商环境若干措施

一、总体要求

持续优化营商环境。

·3·

某某市人民政府公报 2024年第2期

二、主要措施

（一）提升政务服务效能。推行一网通办。

某政发〔2024〕5号

某某市人民政府关于表彰2023年度先进集体的决定

各区人民政府：

经研究，决定表彰先进集体。

某某市人民政府

2024年2月20日

大事记

◆2月1日，市政府召开常务会议。

◆2月20日，市政府召开表彰大会。
"""


def test_other_bulletin_layout(tmp_path):
    root, warnings = convert(tmp_path, OTHER_BULLETIN)
    issue = xp(root, "//g:masthead/g:issue")[0]
    assert (issue.get("year"), issue.get("n"), issue.get("total")) == ("2024", "2", "88")
    entries = xp(root, "//g:toc/g:tocEntry")
    assert [e.get("page") for e in entries] == ["3", "7", "9"]
    assert [e.get("target") for e in entries] == ["d1", "d2", "chronicle"]
    part = xp(root, "//g:bulletin/g:part")[0]
    assert part.get("title") == "市政府文件"
    docs = xp(part, "g:document")
    assert [xp(d, "string(g:docNumber)") for d in docs] == ["某政发〔2024〕3号", "某政发〔2024〕5号"]
    plan = xp(docs[0], "g:transmitted/g:document")[0]
    assert [h.text for h in xp(plan, "g:body/g:section/g:heading")] == ["总体要求", "主要措施"]
    headers = [(r.get("line"), r.get("reason")) for r in xp(root, "//g:removed") if r.get("reason") != "toc-leader"]
    assert headers == [("37", "page-number"), ("39", "running-header")]
    events = xp(root, "//g:chronicle/g:event")
    assert [e.get("date") for e in events] == ["2024-02-01", "2024-02-20"]


def test_occasion_without_date_then_date_line(tmp_path):
    text = "政府工作报告\n——在某某区第十七届人民代表大会第三次会议上\n（2024年1月10日）\n区长  李华\n各位代表：\n正文。\n"
    root, _ = convert(tmp_path, text)
    delivered = xp(root, "//g:delivered")[0]
    assert delivered.get("date") == "2024-01-10"
    assert xp(root, "string(//g:author/g:name)") == "李华"


def test_glossary_layouts_without_arabic_numbers(tmp_path):
    text = ("政府工作报告\n各位代表：\n推进“三保”¹工作，建设面积 20 m²。落实“解稳促”²。\n"
            "名词解释\n三保：保基本民生、保工资、保运转。\n解稳促：解难题、稳增长、\n促发展。\n")
    root, _ = convert(tmp_path, text)
    entries = xp(root, "//g:entry")
    assert [(xp(e, "string(g:term)"), xp(e, "string(g:definition)")) for e in entries] == [
        ("三保", "保基本民生、保工资、保运转。"), ("解稳促", "解难题、稳增长、促发展。")]
    refs = [(r.text, r.get("target")) for r in xp(root, "//g:noteRef")]
    assert refs == [("¹", entries[0].get("id")), ("²", entries[1].get("id"))]    # m² is a unit
    circled = "政府工作报告\n各位代表：\n正文。\n名词解释\n①三保：保基本民生。\n②解稳促：解难题。\n"
    root, _ = convert(tmp_path, circled)
    assert [e.get("n") for e in xp(root, "//g:entry")] == ["1", "2"]


def test_a_member_line_under_a_bare_numbered_item_is_no_internal_error(tmp_path):
    # "（一）" alone opens an item with no text yet; a member-like line then asked for its last line
    root, _ = convert(tmp_path, "（一）\n（一）\n张伟　某某区财政局局长\n")
    assert "张伟" in "".join(root.itertext())
