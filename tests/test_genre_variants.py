"""Layouts of the genre the seeds do not show, written the way other governments print them."""

from __future__ import annotations

from lxml import etree

from converter import lossless, pipeline, validate

NS = {"g": "urn:gongwen:archive:1.0"}


def convert(tmp_path, text: str):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    result = pipeline.convert_file(path)
    root = etree.fromstring(result.xml)
    assert validate.problems(root) == []
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
