"""Unit tests for each recogniser in the rule table and the form modules."""

from __future__ import annotations

import pytest

from converter.blocks import SHARED, glossary
from converter.blocks.parser import parse_body
from converter.forms.speech import head as speech_head, speaker
from converter.frame import foot, head as frame
from converter.model.blocks import ListBlock, Para, Section
from converter.model.context import Context
from converter.model.text import Line, collapse, joined, plain
from converter.normalise import normalise
from converter.normalise.catalogue import take_facts
from converter.normalise.furniture import PAGE_NUMBER
from converter.normalise.lines import clean_line
from converter.normalise.webchrome import strip_chrome
from converter.rules import DATE, DOC_NUMBER, NUM_L1, NUM_L2, NUM_L3, NUM_L4
from converter.values import cn_number, iso_date


def lines_of(*texts: str) -> list[Line]:
    return list(normalise("\n".join(texts), filters=()).lines)


def parse_glossary(lines):
    warnings = []
    return glossary.parse_glossary(lines, lambda n, message: warnings.append((n, message))), warnings


@pytest.mark.parametrize("printed, parts", [
    ("新政发〔2023〕1号", ("新政发", "2023", "1")),
    ("江政[2024]1号", ("江政", "2024", "1")),
    ("新政办［2023］5号", ("新政办", "2023", "5")),
    ("鄂政发【2021】12号", ("鄂政发", "2021", "12")),
    ("发改办财金规〔2019〕860 号", ("发改办财金规", "2019", "860")),
    ("国发 〔 2025 〕 11 号", ("国发", "2025", "11")),
])
def test_doc_number_forms(printed, parts):
    m = DOC_NUMBER.fullmatch(printed)
    assert m and (m.group("prefix"), m.group("year"), m.group("seq")) == parts


def test_doc_number_keeps_printed_text():
    line = lines_of(" 发改办财金规〔2019〕860号 ")[0]
    number = frame.parse_doc_number(line)
    assert plain(number.spans) == "发改办财金规〔2019〕860号"


@pytest.mark.parametrize("printed, iso", [
    ("2023年1月10日", "2023-01-10"),
    ("2019 年 8 月 20 日", "2019-08-20"),
    ("二〇一九年八月二十日", "2019-08-20"),
    ("二○二三年十二月三十一日", "2023-12-31"),
    ("２０２４年１月１５日", "2024-01-15"),
])
def test_dates_arabic_and_chinese(printed, iso):
    assert iso_date(DATE.fullmatch(printed)) == iso


def test_impossible_date_has_no_value():
    assert iso_date(DATE.fullmatch("2023年2月30日")) is None


@pytest.mark.parametrize("numeral, value", [("一", 1), ("十", 10), ("十四", 14), ("二十", 20), ("二十三", 23), ("12", 12)])
def test_chinese_numerals(numeral, value):
    assert cn_number(numeral) == value


@pytest.mark.parametrize("pattern, text, num", [
    (NUM_L1, "一、总体要求", "一、"),
    (NUM_L1, "一、十三五工作回顾", "一、"),
    (NUM_L2, "（一）全面实施", "（一）"),
    (NUM_L2, "(四) 聚焦增福祉", "(四)"),
    (NUM_L2, "( 十二 )加强", "( 十二 )"),
    (NUM_L3, "1. 推动产业链减废增效。", "1."),
    (NUM_L3, "12、发展", "12、"),
    (NUM_L4, "（1）项目", "（1）"),
])
def test_section_numbers(pattern, text, num):
    assert pattern.match(text).group("num") == num


@pytest.mark.parametrize("pattern, text", [
    (NUM_L3, "2.4 万人申领退役军人优待证"),     # a decimal, not a section
    (NUM_L1, "一、二、三季度"),                 # a run of numerals
    (NUM_L1, "一年来,重点抓了五个方面工作"),
])
def test_not_section_numbers(pattern, text):
    assert pattern.match(text) is None


def body(*texts: str, repair: bool = True):
    ctx = Context(repair, lambda lines, ctx: None)
    blocks = parse_body(lines_of(*texts), ctx, SHARED)
    return blocks, ctx.warnings


def test_levels_follow_numbering_not_markdown():
    blocks, _ = body("#### 一、回顾", "## （一）第一", "正文。", "### （二）第二", "1. 条目。内容。")
    top = blocks[0]
    assert isinstance(top, Section) and top.level == 1 and plain(top.heading) == "回顾"
    subs = [b for b in top.children if isinstance(b, Section)]
    assert [(s.level, plain(s.heading)) for s in subs] == [(2, "第一"), (2, "第二")]
    item = subs[1].children[0]
    assert item.level == 3 and plain(item.heading) == "条目。"
    assert joined(item.children[0].spans) == "内容。"


def test_run_in_heading_splits_at_first_full_stop():
    blocks, _ = body("（一）全面实施告知承诺制。对符合条件的事项实行承诺制。")
    section = blocks[0]
    assert plain(section.heading) == "全面实施告知承诺制。"
    assert joined(section.children[0].spans) == "对符合条件的事项实行承诺制。"


def test_bold_and_bullets_around_headings():
    blocks, _ = body("- (一)凝心聚力谋发展", "**（二）开放创新育动能**")
    assert [plain(b.heading) for b in blocks] == ["凝心聚力谋发展", "开放创新育动能"]


def test_numeral_alone_takes_heading_from_next_line():
    blocks, _ = body("一、", "总体要求", "正文。")
    assert plain(blocks[0].heading) == "总体要求"
    assert joined(blocks[0].children[0].spans) == "正文。"


def test_restarted_numbering_inside_a_section_is_a_list():
    blocks, _ = body("一、甲", "二、乙", "（一）丙", "一、", "第一项内容很长很长很长很长很长很长很长很长很长很长很长很长很长很长。",
                     "二、", "第二项内容。", "三、丁")
    assert [plain(b.heading) for b in blocks] == ["甲", "乙", "丁"]
    sub = blocks[1].children[0]
    lst = sub.children[0]
    assert isinstance(lst, ListBlock) and [i.num.text for i in lst.items] == ["一、", "二、"]
    assert joined(lst.items[1].spans) == "第二项内容。"


def test_out_of_sequence_bare_numeral_stays_text_with_warning():
    blocks, warnings = body("三、强化基础", "4.", "（七）提升模型。加强研究。")
    assert isinstance(blocks[0].children[0], Para) and joined(blocks[0].children[0].spans) == "4."
    assert (2, "numbering 4. does not continue the sequence; kept as text") in warnings


def test_numbering_that_skips_warns_but_numbering_on_across_parents_does_not():
    _, warnings = body("一、甲", "（一）子", "1. 项。", "2. 项。", "（二）子", "3. 项。", "二、乙", "五、戊")
    assert [w for w in warnings] == [(8, "numbering 五、 skips ahead; taken as a section")]


def test_page_break_split_is_repaired_across_blank_and_page_number():
    blocks, _ = body("荣膺全市首家国家级生态文明建", "", "— 26 —", "", "设示范区。先后获评。", "下一段。")
    assert [joined(b.spans) for b in blocks] == ["荣膺全市首家国家级生态文明建设示范区。先后获评。", "下一段。"]


def test_semicolon_line_continues_unless_next_is_indented():
    blocks, _ = body("要坚持依法推进原则；", "要坚持业务协同原则。")
    assert len(blocks) == 1
    blocks, _ = body("　　工业部门为二百亿元；", "　　农业部门为三十亿元；")
    assert len(blocks) == 2


def test_no_repair_on_a_web_page():
    blocks, _ = body("一是着力强化责任担当,疫情防控保卫战取得决定性成果", "我们坚决贯彻。", repair=False)
    assert len(blocks) == 2


@pytest.mark.parametrize("raw", ["— 26 —", "**—** 26 **—**", "—1—", "- 3 -", "1/3", "第 3 页"])
def test_page_numbers_go_to_residue(raw):
    page = normalise(f"正文。\n{raw}\n下文。")
    assert [r.reason for r in page.residue] == ["page-number"]
    assert [l.text for l in page.lines] == ["正文。", "下文。"]


def test_markup_is_taken_out_with_spans_kept():
    line, _ = clean_line(1, "## **惠企纾困稳市场。**办理“六税两费<sup>①</sup>”减免")
    assert line.text == "惠企纾困稳市场。办理“六税两费①”减免"
    assert [line.text[a:b] for a, b in line.bold] == ["惠企纾困稳市场。"]
    assert [line.text[a:b] for a, b in line.sup] == ["①"]
    assert [m.text for m in line.markup] == ["##", "****<sup></sup>"]     # one item a line for inline markup


def test_control_characters_are_recorded_not_kept():
    line, controls = clean_line(7, "\f正文\x00内容")
    assert line.text == "正文内容"
    assert [c.codepoint for c in controls] == ["U+000C", "U+0000"]


def test_letter_spacing_collapse():
    assert collapse("名 词 解 释") == "名词解释"
    assert collapse("区人民政府关于印发政府工作报告的 通 知") == "区人民政府关于印发政府工作报告的通知"
    assert collapse("刘\u2002誓\u2002保") == "刘誓保"
    assert collapse("IMA 长江经济带") == "IMA 长江经济带"


@pytest.mark.parametrize("printed, role, name", [
    ("区 长 刘润长", "区长", "刘润长"),
    ("武昌区人民政府区长 范礼奎", "区长", "范礼奎"),
    ("江汉区人民政府区长 叶文静", "区长", "叶文静"),
    ("刘\u2002誓\u2002保", None, "刘誓保"),
    ("区长刘润长", "区长", "刘润长"),
    ("代理市长 王 某", "代理市长", "王某"),
])
def test_speaker(printed, role, name):
    author = speaker.speaker_on(lines_of(printed)[0])
    assert author is not None and (author.role, author.name) == (role, name)


def test_occasion_wrapped_over_two_lines():
    lines = lines_of("——2022年12月27日在新洲区第六届", "", "人民代表大会第三次会议上", "区 长 刘润长", "各位代表：")
    occasion = speech_head.occasion_at(lines, 0, len(lines))
    assert occasion is not None and plain(occasion.spans) == "——2022年12月27日在新洲区第六届人民代表大会第三次会议上"
    assert occasion.iso == "2022-12-27" and occasion.end == 2


def test_head_with_issuer_mark_on_two_lines_and_wrapped_recipients():
    lines = lines_of("发展改革委办公厅", "税务总局办公厅", "", "文件", "发改办财金规〔2019〕860 号",
                     "关于加强个人所得税纳税信用建设的通知", "各省、自治区、直辖市社会信用体系建设牵头",
                     "部门，国家税务总局各省税务局，", "部际联席会议成员单位办公厅（室）：", "为贯彻落实。")
    head = frame.parse_head(lines)
    assert len(head.issuer_mark) == 3
    assert head.doc_number.seq == 860
    assert plain(head.title) == "关于加强个人所得税纳税信用建设的通知"
    assert len(head.recipients) == 3 and head.end == 8


def test_title_wrapped_before_its_form_word():
    lines = lines_of("区人民政府关于印发新洲区“无废城市”建设工作方案", "的通知", "各镇人民政府,各街道办事处:")
    head = frame.parse_head(lines)
    assert plain(head.title) == "区人民政府关于印发新洲区“无废城市”建设工作方案的通知"
    assert len(head.recipients) == 1


def test_first_paragraph_ending_in_colon_is_not_recipients():
    lines = lines_of("关于某事的通知", "经研究，现将有关事项通知如下：", "一、要求")
    head = frame.parse_head(lines)
    assert head.recipients == [] and head.end == 1


@pytest.mark.parametrize("texts, signers, iso", [
    (("正文。", "武汉市新洲区人民政府", "", "2023年1月10日"), ["武汉市新洲区人民政府"], "2023-01-10"),
    (("正文。", "江汉区人民政府 2024年1月15日"), ["江汉区人民政府"], "2024-01-15"),
    (("正文。", "国家发展改革委办公厅", "税务总局办公厅", "2019 年 8 月 20 日"),
     ["国家发展改革委办公厅", "税务总局办公厅"], "2019-08-20"),
    (("正文。", "国务院", "二〇二五年八月二十一日"), ["国务院"], "2025-08-21"),
])
def test_signature(texts, signers, iso):
    lines = lines_of(*texts)
    signature, first, end = foot.find_signature(lines, 0, len(lines))
    assert [s.text for s in signature.signers] == signers and signature.date.iso == iso
    assert first == 1 and end == len(lines)


def test_a_date_inside_a_sentence_is_no_signature():
    lines = lines_of("会议于2023年1月10日召开。", "下文。")
    assert foot.find_signature(lines, 0, len(lines)) is None


def test_cc_and_printer_at_the_end():
    lines = lines_of("正文。", "抄送：区委各部门，区人武部。", "区人大常委会办公室，区政协办公室。",
                     "武汉市新洲区人民政府办公室", "2023年1月10日印发")
    cc, printer, start = foot.parse_tail(lines, 0)
    assert [s.line.n for s in cc] == [2, 3] and start == 1
    assert printer.signers[0].text == "武汉市新洲区人民政府办公室"
    assert printer.date.iso == "2023-01-10" and printer.date.span.text == "2023年1月10日印发"


@pytest.mark.parametrize("printed, n, term, definition", [
    ("1、**三保**：保基本民生。", 1, "三保", "保基本民生。"),
    ("1. 六税两费：资源税。", 1, "六税两费", "资源税。"),
    ("- 1.六个致力:2021 年提出", 1, "六个致力", "2021 年提出"),
    ("- 16.社**区康复直通车:** 开展惠残政策宣讲", 16, "社区康复直通车", "开展惠残政策宣讲"),
    ("20、4.0 版园区:突破园区建设", 20, "4.0版园区", "突破园区建设"),
    ("7.AA+主体信用评级: 国内企业", 7, "AA+主体信用评级", "国内企业"),
])
def test_glossary_entries(printed, n, term, definition):
    entry = glossary.parse_entry(lines_of(printed)[0], n, False)
    assert (entry.n, plain(entry.term), joined(entry.definition)) == (n, term, definition)


def test_glossary_continuations_and_headings():
    lines = lines_of("名 词 解 释", "(按名词出现先后顺序)", "1、甲：定义一", "", "续上。", "— 26 —", "2、乙：定义二。")
    g, warnings = parse_glossary(lines)
    assert [plain(e.term) for e in g.entries] == ["甲", "乙"]
    assert joined(g.entries[0].definition) == "定义一续上。"
    assert joined(g.notes[0].spans) == "(按名词出现先后顺序)" and warnings == []
    for heading in ("名词解释", "# 《政府工作报告》名词注释", "注释", "名 词 注 释"):
        assert glossary.is_heading(lines_of(heading)[0])


def test_marker_resolution_prefers_term_then_number():
    g, _ = parse_glossary(lines_of("名词注释", "8. “新物种”企业：科创企业。", "9. CIM：城市信息模型。"))
    for k, entry in enumerate(g.entries):
        entry.id = f"e{k}"
    resolve = glossary.resolver(g)
    assert resolve("新增“新物种”企业", "⑨", True) == "e0"       # misnumbered: the term decides
    assert resolve("支持“CIM", "⑩", True) == "e1"
    assert resolve("没有匹配", "⑨", True) == "e1"                # falls back to the number
    assert resolve("没有匹配", "⑨", False) is None               # a bare ⑨ numbers a list
    assert resolve("没有匹配", "⑳", True) is None


def test_web_chrome_header_and_footer():
    page = normalise("\n".join([
        "2020年政府工作报告", "发布时间:2021-01-21 11:16 作者: 信息来源: 办公室", "正文。",
        "链接: 区人大 | 区政协", "主办单位:某某办公室", "地址:某某路", "12345",
    ]), filters=())
    stripped = take_facts(strip_chrome(page))
    assert stripped.web_chrome and not page.web_chrome
    assert [l.text for l in stripped.lines] == ["2020年政府工作报告", "正文。"]
    assert {r.line for r in stripped.residue if r.reason == "web-chrome"} == {4, 5, 6, 7}
    assert [(f.name, f.line) for f in stripped.facts] == [("发布时间", 2), ("作者", 2), ("信息来源", 2)]


def test_print_header_title_is_running_header_once_the_title_repeats():
    page = normalise("\n".join(["2026/5/19 19:11", "", "某某意见", "", "某某意见", "正文。",
                                "2026/5/19 19:11", "某某意见", "续文。"]))
    assert [l.n for l in page.lines] == [5, 6, 9]
    assert sorted(r.line for r in page.residue if r.reason == "running-header") == [1, 3, 7, 8]


def test_page_number_pattern_is_bounded():
    assert PAGE_NUMBER.fullmatch("—" * 5000) is None


def test_a_line_cut_after_a_comma_continues_even_on_a_web_page():
    blocks, _ = body("第二，", "我们必须大大地降低生产性建设的成本。", "下一段", "再下一段。", repair=False)
    assert [joined(b.spans) for b in blocks] == ["第二，我们必须大大地降低生产性建设的成本。", "下一段", "再下一段。"]
