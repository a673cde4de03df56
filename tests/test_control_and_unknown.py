"""Control characters and texts of no known form still give valid, lossless XML."""

from __future__ import annotations

from lxml import etree

from converter import lossless, pipeline, validation

NS = {"g": "urn:gongwen:archive:1.0"}


def convert(tmp_path, text: str):
    path = tmp_path / "in.txt"
    path.write_bytes(text.encode("utf-8"))
    result = pipeline.convert_file(path)
    root = etree.fromstring(result.xml)
    assert validation.problems(root) == []
    assert lossless.check(text, root) is None
    return root, result


def test_forbidden_characters_are_residue_with_codepoints(tmp_path):
    text = "一、总\x00体要求\r正文\x07内容。\r\n\f第二页\ufffe继续。\uffff\n"
    root, _ = convert(tmp_path, text)
    codes = [(r.get("line"), r.get("codepoint")) for r in root.xpath("//g:removed[@reason='control-char']", namespaces=NS)]
    assert codes == [("1", "U+0000"), ("2", "U+0007"), ("3", "U+000C"), ("3", "U+FFFE"), ("3", "U+FFFF")]
    assert all(not r.text for r in root.xpath("//g:removed[@reason='control-char']", namespaces=NS))
    flow = "".join(root.xpath("//g:document//text()", namespaces=NS))
    assert "\x00" not in flow and "\ufffe" not in flow


def test_forbidden_characters_inside_a_word_of_an_html_page_are_residue_too():
    # (inside a word, not after a space, U+FFFE stayed in the text: lxml refused it, "internal error (ValueError …)")
    text = ("<html><body>\n<p>关于成立春季植树工作领导小组的通知</p>\n<ul>\n<li>组长：李\ufffe明</li>\n"
            "<li>副组长：王\u200b强</li>\n<li>成员：赵\uffff刚</li>\n</ul>\n</body></html>\n")
    result = pipeline.convert_bytes(text.encode("utf-8"), "page.html")
    assert validation.problems(result.root) == [] and lossless.check(text, result.root) is None
    codes = [(r.get("line"), r.get("codepoint")) for r in result.root.iter("{*}removed")
             if r.get("reason") == "control-char"]
    assert codes == [("4", "U+FFFE"), ("5", "U+200B"), ("6", "U+FFFF")]
    flow = "".join(result.root.find("{*}document").itertext())
    assert "李明" in flow and "王强" in flow and "赵刚" in flow


def test_unknown_form_keeps_paragraphs_and_sections_with_a_warning(tmp_path):
    root, result = convert(tmp_path, "一些说明文字。\n\n一、第一部分\n内容甲。\n二、第二部分\n内容乙。\n")
    doc = root.xpath("//g:document", namespaces=NS)[0]
    assert doc.get("form") == "unknown"
    assert [h.text for h in root.xpath("//g:section/g:heading", namespaces=NS)] == ["第一部分", "第二部分"]
    assert any("no known document form" in message for _, message in result.warnings)


def test_a_glossary_heading_without_entries_stays_text(tmp_path):
    root, result = convert(tmp_path, "政府工作报告\n各位代表：\n正文。\n名词解释\n没有编号的说明。\n")
    assert not root.xpath("//g:glossary", namespaces=NS)
    assert any("no entries" in message for _, message in result.warnings)


def test_lines_after_the_printer_line_are_kept(tmp_path):
    text = "关于某事的通知\n各单位：\n正文。\n某某办公室\n2023年1月10日印发\n后面还有一段文字。\n"
    root, _ = convert(tmp_path, text)
    assert "后面还有一段文字" in "".join(root.xpath("//g:document//text()", namespaces=NS))


def test_an_empty_record_section_of_a_bulletin(tmp_path):
    root, _ = convert(tmp_path, "某某区人民政府公报\n2023年第1期\n目录\n大事记……(9)\n政务简讯\n")
    assert root.xpath("//g:briefs", namespaces=NS)


def test_record_sections_keep_their_printed_order_and_repeats(tmp_path):
    text = "某某区人民政府公报\n2023年第1期\n大事记\n◆1月5日，甲。\n人事任免\n区政府于2023年2月1日发出通知。\n大事记\n◆2月1日，乙。\n"
    root, _ = convert(tmp_path, text)
    sections = [(etree.QName(el).localname, el.get("id")) for el in root.xpath("/g:archive/g:bulletin/*", namespaces=NS)]
    assert sections[-3:] == [("chronicle", "chronicle"), ("appointments", "appointments"), ("chronicle", "chronicle2")]
