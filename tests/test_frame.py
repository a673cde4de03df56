"""The order-tolerant frame (frame/): line roles, 文号 forms, titles, signers, dates, and what the real inputs print."""

from __future__ import annotations

from pathlib import Path

import pytest

from converter import pipeline
from converter.frame import foot, head, numbers, roles
from converter.model.text import Line, Span, whole
from converter.normalise import normalise
from converter.normalise.lines import clean_line
from converter.rules import DATE
from converter.values import iso_date, year_value

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def lines_of(*texts: str) -> list[Line]:
    return list(normalise("\n".join(texts), filters=()).lines)


def spans_of(*texts: str) -> list[Span]:
    return [whole(line) for line in lines_of(*texts)]


# --- dates and years ---------------------------------------------------------------

@pytest.mark.parametrize("printed, iso", [
    ("2023年1月10日", "2023-01-10"),
    ("2019 年 8 月 20 日", "2019-08-20"),
    ("２０２４年１月１５日", "2024-01-15"),
    ("二〇二四年三月五日", "2024-03-05"),        # 〇 U+3007
    ("二○○三年十二月十六日", "2003-12-16"),      # ○ U+25CB
    ("二OO三年十二月四日", "2003-12-04"),        # Latin capital O
    ("二零零五年一月一日", "2005-01-01"),        # 零
    ("二0二四年三月三十一日", "2024-03-31"),      # a digit 0 among Chinese numerals
    ("二ＯＯ四年十月二十日", "2004-10-20"),        # full-width O
])
def test_dates_with_every_zero(printed, iso):
    m = DATE.fullmatch(printed)
    assert m is not None and iso_date(m) == iso


@pytest.mark.parametrize("text, year", [("2024", 2024), ("二〇二四", 2024), ("二OO三", 2003), ("一九八五", 1985),
                                        ("二零零五", 2005), ("二〇x四", None)])
def test_year_value(text, year):
    assert year_value(text) == year


# --- 文号 in every printed form ------------------------------------------------------

@pytest.mark.parametrize("printed, kind, shown, parts", [
    ("新政发〔2023〕1号", "line", "新政发〔2023〕1号", ("新政发", 2023, 1)),
    ("江政[2024]1号", "line", "江政[2024]1号", ("江政", 2024, 1)),
    ("某政办﹝2024﹞7号", "line", "某政办﹝2024﹞7号", ("某政办", 2024, 7)),
    ("国发 〔 2025 〕 11 号", "line", "国发 〔 2025 〕 11 号", ("国发", 2025, 11)),
    ("( 吉府发〔2003〕37号 )", "line", "吉府发〔2003〕37号", ("吉府发", 2003, 37)),
    ("（某政发〔2024〕3号）", "line", "某政发〔2024〕3号", ("某政发", 2024, 3)),
    ("东府办函[2003]248号2003年12月16日广东省", "glued", "东府办函[2003]248号", ("东府办函", 2003, 248)),
    ("广州市人民政府令第5号", "serial", "广州市人民政府令第5号", ("广州市人民政府令", None, 5)),
    ("中华人民共和国国务院令 第 708 号", "serial", "中华人民共和国国务院令 第 708 号", ("中华人民共和国国务院令", None, 708)),
    ("国家税务总局公告2019年第41号", "serial", "国家税务总局公告2019年第41号", ("国家税务总局公告", 2019, 41)),
    ("第 5 号", "serial", "第 5 号", ("", None, 5)),
    ("（第十二号）", "serial", "第十二号", ("", None, 12)),
    ("（2024年第3号）", "serial", "2024年第3号", ("", 2024, 3)),
    ("(1985年5月4日皖政〔1985〕38号)  根据…", "caption", "(1985年5月4日皖政〔1985〕38号)", ("皖政", 1985, 38)),
    ("（某政发〔2024〕3号 2024年3月5日）", "caption", "（某政发〔2024〕3号 2024年3月5日）", ("某政发", 2024, 3)),
])
def test_head_numbers(printed, kind, shown, parts):
    found = numbers.read_number(lines_of(printed)[0])
    assert found is not None and found.kind == kind
    number = found.number
    assert "".join(s.text for s in number.spans) == shown
    assert (number.prefix, number.year, number.seq) == parts


@pytest.mark.parametrize("printed", [
    "你省《关于撤销陇南地区设立地级陇南市的请示》(甘政发〔2003〕91号)收悉。",
    "本作品收录于《中华人民共和国国务院公报/2004年/第7号",
    "根据某政发〔2023〕9号文件精神",
    "第2期",
])
def test_a_number_inside_text_is_no_head_number(printed):
    assert numbers.read_number(lines_of(printed)[0]) is None


def test_caption_date_and_body_text_after_it():
    line = lines_of("(1985年5月4日皖政〔1985〕38号)  根据有关规定，现通知如下：")[0]
    found = numbers.read_number(line)
    assert found.number.date == "1985-05-04"
    assert line.text[found.rest:] == "根据有关规定，现通知如下："


# --- roles and titles ----------------------------------------------------------------

@pytest.mark.parametrize("text, title", [
    ("关于做好春季植树造林工作的通知", True),
    ("关 于 做 好 春 季 植 树 造 林 工 作 的 通 知", True),
    ("江西省吉安市人民政府办公室", True),
    ("您的位置: 首页 » 法律资料网 » 法律法规 »", False),
    ("热门站点| 世界资料网 | 专利资料网", False),
    ("【发布单位】81202", False),
    ("——2024年1月10日在某某县第十七届人民代表大会第三次会议上", False),
    ("2004年1月11日", False),
    ("一、总体要求", False),
    ("AsianLII [Home] [Databases]", False),
    ("现将有关事项通知如下。", False),
    ("县长  王明", False),
    ("关于表彰优秀村主任", True),
    ("国务院办公厅关于印发《关于加快发展，推进改革的意见》的通知", True),
])
def test_title_lines(text, title):
    assert roles.is_title_line(lines_of(text)[0]) is title


@pytest.mark.parametrize("texts, shown", [
    (("某某县林业局 某某县财政局关于下达资金的通知",), "某某县林业局 某某县财政局关于下达资金的通知"),
    (("某某县林业局", "某某县财政局", "关于下达资金的通知"), "某某县林业局 某某县财政局关于下达资金的通知"),
    (("某某县人民政府办公室", "关于做好植树工作的通知"), "某某县人民政府办公室关于做好植树工作的通知"),
    (("关 于 做 好 植 树 工 作 的 通 知",), "关于做好植树工作的通知"),
    (("2024年全县林业工作会 议安排的通知",), "2024年全县林业工作会议安排的通知"),
    (("关于印发某某县林业局", "工作要点的通知"), "关于印发某某县林业局工作要点的通知"),
    (("政府工作报", "告"), "政府工作报告"),
])
def test_title_text(texts, shown):
    assert roles.title_text(spans_of(*texts)) == shown


@pytest.mark.parametrize("text, named", [
    ("某某县植树造林管理办法（试行）", True),
    ("关于做好植树工作的通知（某政发〔2024〕3号）", True),
    ("某某县植树造林工作情况", False),
])
def test_title_ends_in_form_word(text, named):
    assert roles.ends_in_form_word(spans_of(text)) is named


def test_title_broken_mid_word_is_one_title():
    title, after = head.take_title(lines_of("政府工作报", "告", "——2024年1月10日在县人民代表大会上"), 0)
    assert roles.title_text(title) == "政府工作报告" and after == 2


@pytest.mark.parametrize("text, signers", [
    ("某某县林业局　　某某县财政局", ["某某县林业局", "某某县财政局"]),
    ("国家发展改革委办公厅 税务总局办公厅", ["国家发展改革委办公厅", "税务总局办公厅"]),
    ("某 某 县 人 民 政 府", ["某 某 县 人 民 政 府"]),
    ("市长  王明", ["市长  王明"]),
    ("省长", ["省长"]),
    ("会议于", None),
])
def test_signers_on_one_line(text, signers):
    found = foot.signers_of(lines_of(text)[0])
    assert (found and [s.text for s in found]) == signers


def test_signer_text_of_a_person_keeps_role_and_name_apart():
    assert roles.signer_text("市长  王  明") == "市长 王明"
    assert roles.signer_text("某 某 县 人 民 政 府") == "某某县人民政府"


def test_a_date_alone_after_the_last_sentence_is_a_signature_without_signer():
    lines = lines_of("正文。", "2024年3月5日", "（此件公开发布）")
    signature, first, end = foot.find_signature(lines, 0, len(lines))
    assert signature.signers == [] and signature.date.iso == "2024-03-05" and (first, end) == (1, 2)


def test_a_date_alone_above_a_line_of_text_is_no_signature():
    lines = lines_of("会议定于下列日期召开。", "2024年3月5日", "上午九时", "会议地点在县政府。")
    assert foot.find_signature(lines, 0, len(lines)) is None


def test_a_date_alone_above_the_issued_document_is_a_lost_signature():
    lines = lines_of("现将《方案》印发给你们。", "2024年3月5日", "某县植树", "工作方案", "一、目标")
    signature, first, end = foot.find_signature(lines, 0, len(lines))
    assert signature.signers == [] and (first, end) == (1, 2)


@pytest.mark.parametrize("printed, iso", [
    ("2024-03-05", "2024-03-05"), ("2024.3.5", "2024-03-05"), ("2024/03/05", "2024-03-05"), ("２０２４－０３－０５", "2024-03-05"),
])
def test_a_date_in_figures_under_its_signer_is_the_signature_date(printed: str, iso: str):
    # as web pages print the 成文日期
    lines = lines_of("请认真贯彻执行。", "某某县林业局", printed)
    signature, first, end = foot.find_signature(lines, 0, len(lines))
    assert [s.text for s in signature.signers] == ["某某县林业局"] and signature.date.iso == iso and (first, end) == (1, 3)
    assert signature.date.span.text == printed


@pytest.mark.parametrize("texts", [
    ("正文。", "2024-03-05"),                               # no signer above: a date in figures may be anything
    ("请认真贯彻执行。", "某某县林业局", "2024-03.05"),       # the separators differ
    ("请认真贯彻执行。", "某某县林业局", "2024-13-05"),       # no such date
    ("请认真贯彻执行。", "某某县林业局", "第2024-03-05号"),
])
def test_other_figures_under_a_signer_are_no_signature_date(texts: tuple[str, ...]):
    assert foot.find_signature(lines_of(*texts), 0, len(texts)) is None


def test_a_date_alone_inside_a_paragraph_is_no_signature():
    lines = lines_of("会议时间", "2024年3月5日", "会议地点在县政府。")
    assert foot.find_signature(lines, 0, len(lines)) is None


# --- the head assembled from roles ---------------------------------------------------------

def test_head_steps_over_what_it_cannot_place():
    found = head.parse_head(lines_of("某县政府关于做好植树工作的通知", "某某县人民政府", "2024年3月5日",
                                     "某政发〔2024〕3号", "各乡镇人民政府：", "现通知如下。"))
    assert roles.title_text(found.title) == "某县政府关于做好植树工作的通知"
    assert found.doc_number.seq == 3 and [s.text for s in found.recipients] == ["各乡镇人民政府："]
    assert [(r.reason, r.line) for r in found.removed] == [("other", 2), ("other", 3)]
    assert found.end == 5


def test_head_steps_over_a_catalogue_table_above_the_doc_number():
    found = head.parse_head(lines_of("索引号\t001\t主题分类\t林业", "发文字号\t某政发〔2024〕3号",
                                     "某县政府关于做好植树工作的通知", "某政发〔2024〕3号", "各乡镇：", "现通知如下。"))
    assert found.doc_number.seq == 3 and [r.line for r in found.removed] == [1, 2]


def test_a_table_under_the_title_opens_the_body():
    found = head.parse_head(lines_of("某县2024年造林任务分配方案", "序号\t乡镇\t任务", "1\t城关镇\t500",
                                     "某县2024年补植任务方案"))
    assert roles.title_text(found.title) == "某县2024年造林任务分配方案" and found.end == 1 and found.removed == []


def test_the_notice_that_names_a_later_title_is_the_document():
    found = head.parse_head(lines_of("某县政府关于印发某县植树方案的通知", "某政发〔2024〕3号", "某县植树方案",
                                     "为做好植树工作，制定本方案。"))
    assert roles.title_text(found.title) == "某县政府关于印发某县植树方案的通知" and found.end == 2


def test_a_bare_number_under_no_order_or_announcement_is_no_doc_number():
    found = head.parse_head(lines_of("某县人民政府公报", "2024年第7号", "目录"))
    assert found.doc_number is None


def test_head_without_title_goes_by_its_formula():
    found = head.parse_head(lines_of("各乡镇人民政府：", "现将有关事项通知如下。", "某某县人民政府", "2024年3月5日"))
    assert found.title == [] and found.title_text == "通知"


@pytest.mark.parametrize("formula, kind", [("特此通知。", "通知"), ("现批复如下：", "批复"), ("妥否，请批示。", "请示"),
                                           ("特此函告。", "函"), ("此复。", "批复"), ("现将《方案》印发给你们。", "通知")])
def test_formula_kinds(formula, kind):
    assert head.formula_kind(lines_of("正文。", formula), 0) == kind


def test_a_salutation_is_no_recipient():
    assert roles.take_recipients(lines_of("各位代表：", "现在报告工作。"), 0) == ([], 0)


# --- invisible characters ------------------------------------------------------------------------

@pytest.mark.parametrize("char", ["\u200b", "\u200c", "\u200d", "\u200e", "\u2060", "\ufeff", "\u202a", "\u180e"])
def test_invisible_format_characters_go_to_residue(char):
    line, removed = clean_line(1, f"关于{char}通知")
    assert line.text == "关于通知" and [r.codepoint for r in removed] == [f"U+{ord(char):04X}"]
    blank, removed = clean_line(1, char)
    assert blank is None and removed[0].reason == "control-char"


def test_soft_hyphen_stays():
    line, removed = clean_line(1, "2014\u00ad2020年")
    assert line.text == "2014\u00ad2020年" and removed == []


# --- the real inputs: what each prints --------------------------------------------------------------

def convert(name: str):
    return pipeline.convert_file(SAMPLES / "more" / name).root


def xp(el, path: str):
    return el.xpath(path, namespaces={"g": "urn:gongwen:archive:1.0"})


def test_jian_notice_issuing_rules():
    root = convert("jian-2003-37-rules-notice-web.txt")
    doc = xp(root, "g:document")[0]
    assert xp(doc, "string(g:title)") == "江西省吉安市人民政府办公室关于印发吉安市市本级政务公开工作实施细则的通知"
    number = xp(doc, "g:docNumber")[0]
    assert (number.text, number.get("prefix"), number.get("year"), number.get("seq")) == (
        "吉府发〔2003〕37号", "吉府发", "2003", "37")
    assert xp(doc, "string(g:recipients)") == "市政府各部门,市直各单位:"
    assert xp(doc, "g:signature/g:signer") == [] and xp(doc, "string(g:signature/g:date/@value)") == "2003-12-04"
    issued = xp(doc, "g:transmitted/g:document")[0]
    assert issued.get("form") == "regulation" and xp(issued, "string(g:title)") == "吉安市市本级政务公开工作实施细则"
    # the page's copies of the 细则's title are out of the reading text (the site's chrome)
    assert {"3", "8"} <= {r.get("line") for r in xp(root, "//g:removed[@reason='web-chrome']")}


def test_dongguan_notice_with_a_database_line():
    doc = xp(convert("dongguan-2003-248-roster-notice-web.txt"), "g:document")[0]
    assert doc.get("form") == "notice"
    assert xp(doc, "string(g:title)") == "东莞市人民政府办公室关于成立市公共卫生体系建设领导小组的通知"
    number = xp(doc, "g:docNumber")[0]
    assert (number.get("line"), number.text, number.get("seq")) == ("4", "东府办函[2003]248号", "248")
    assert xp(doc, "string(g:recipients)") == "各镇人民政府(区办事处),市府直属有关单位:"
    assert xp(doc, "string(g:signature/g:signer)") == "东莞市人民政府办公室"
    assert xp(doc, "string(g:signature/g:date/@value)") == "2003-12-16"


def test_anhui_notice_with_its_number_in_a_dated_caption():
    root = convert("anhui-1985-38-notice-asianlii.txt")
    doc = xp(root, "g:document")[0]
    assert xp(doc, "string(g:title)") == "安徽省人民政府关于任免国家机关工作人员问题的通知"
    number = xp(doc, "g:docNumber")[0]
    assert (number.get("prefix"), number.get("year"), number.get("seq"), number.get("date")) == (
        "皖政", "1985", "38", "1985-05-04")
    first = xp(doc, "g:body/g:p")[0]
    assert first.get("line") == "27" and first.text.startswith("根据《中华人民共和国地方各级人民代表大会")
    assert "9" in {r.get("line") for r in xp(root, "//g:removed[@reason='web-chrome']")}      # the database's title


def test_state_council_reply_with_a_header_block():
    root = convert("state-council-2004-1-reply-wikimirror.txt")
    doc = xp(root, "g:document")[0]
    assert doc.get("form") == "reply"
    assert xp(doc, "string(g:docNumber)") == "国函〔2004〕1号"
    assert xp(doc, "string(g:recipients)") == "甘肃省人民政府:"
    assert xp(doc, "string(g:signature/g:signer)") == "中华人民共和国国务院"
    assert xp(doc, "string(g:signature/g:date/@value)") == "2004-01-11"
    # the mirror's header (issuer, date, collection note) is its chrome
    assert [r.get("line") for r in xp(root, "//g:removed[@reason='web-chrome']")] == ["3", "4", "5", "6"]


def test_guangzhou_order_number_and_the_decision_it_promulgates():
    doc = xp(convert("guangzhou-2005-order-5-web.txt"), "g:document")[0]
    assert xp(doc, "string(g:title)") == "广州市人民政府关于修改《广州市行政规范性文件管理规定》的决定"
    number = xp(doc, "g:docNumber")[0]
    assert (number.text, number.get("prefix"), number.get("year"), number.get("seq")) == (
        "广州市人民政府令第5号", "广州市人民政府令", None, "5")
    assert xp(doc, "string(g:signature/g:date/@value)") == "2005-11-29"
    assert xp(doc, "string(g:transmitted/g:document/g:title/@line)") == "24"


def test_ndrc_joint_notice_keeps_its_head():
    for name in ("ndrc-2019-860-notice.txt", "ndrc-2019-860-notice-pdftotext.txt"):
        doc = xp(convert(name), "g:document")[0]
        assert xp(doc, "string(g:title)") == "关于加强个人所得税纳税信用建设的通知"
        assert xp(doc, "string(g:docNumber/@seq)") == "860"
        assert [s.text for s in xp(doc, "g:signature/g:signer")] == ["国家发展改革委办公厅", "税务总局办公厅"]


def test_lufeng_a_stray_mark_after_the_signature_is_no_document():
    root = convert("lufeng-2019-2-announcement-forum.txt")
    assert xp(root, "//g:transmitted") == []
    assert xp(root, "string(//g:signature/g:signer)") == "陆丰市人民政府"


@pytest.mark.parametrize("text, lead", [
    ("各乡镇人民政府，县直各部门：现将有关事项通知如下。", "各乡镇人民政府，县直各部门："),
    ("城关镇人民政府：你镇《关于设立苗圃的请示》收悉。", "城关镇人民政府："),
    ("县林业局：负责苗木调配。", None),
    ("各位代表：现在报告工作。", None),
])
def test_recipients_with_the_body_on_their_line(text, lead):
    at = roles.recipients_lead(lines_of(text)[0])
    assert (text[:at] if at is not None else None) == lead


def test_a_toolbar_read_one_word_a_line_is_no_part_of_the_title():
    found = head.parse_head(lines_of("下载", "全屏", "收藏", "加大", "2026年某某省政府工作报告", "——2026年2月4日在"))
    assert roles.title_text(found.title) == "2026年某某省政府工作报告" and [r.line for r in found.removed] == [1, 2, 3, 4]


@pytest.mark.parametrize("texts, count", [
    (("各乡镇人民政府", "县直各单位：", "现通知如下。"), 2),
    (("各省、自治区、直辖市社会信用体系建设牵头", "部门，国家税务总局各省税务局，", "部际联席会议成员单位办公厅（室）：", "正文。"), 3),
    (("中华人民共和国国务院", "2004年1月11日", "甘肃省人民政府:", "正文。"), 0),
])
def test_recipients_wrapped_over_lines(texts, count):
    assert len(roles.take_recipients(lines_of(*texts), 0)[0]) == count


# --- a 公告's name and number on one line -------------------------------------------

@pytest.mark.parametrize("texts, title, number", [
    (("某某市人民政府公告（第3号）", "现将有关事项公告如下。"), "某某市人民政府公告", "第3号"),
    (("某某县公安局通告 （2024年第2号）", "现通告如下："), "某某县公安局通告", "2024年第2号"),
    # a title of its own below: the line is the 文号 as printed, name and all
    (("国家税务总局公告2019年第41号", "国家税务总局关于调整某某事项的公告", "现将有关事项公告如下："),
     "国家税务总局关于调整某某事项的公告", "国家税务总局公告2019年第41号"),
    # an order's 令 is its 发文机关标志, never a title
    (("某某市人民政府令（第175号）", "《某某办法》已经市人民政府常务会议通过，现予公布。"), "", "某某市人民政府令（第175号）"),
])
def test_a_name_printed_before_its_number_is_the_title_only_where_none_other_stands(
        texts: tuple[str, ...], title: str, number: str) -> None:
    found = head.parse_head(lines_of(*texts))
    assert (roles.title_text(found.title) if found.title else "") == title
    assert found.doc_number is not None
    assert "".join(span.text for span in found.doc_number.spans) == number
