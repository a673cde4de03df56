"""The forms as tables: every 文种 word and form in one place, and what each form recognises.

Unit tests of the functions behind the form fixtures (tests/fixtures/<form>/):
the title's word (before a bracketed note), the body's naming of itself, the
order number, the 题注 and 修改决定 patterns, the roster's name/post split.
"""

from __future__ import annotations

import pytest
from lxml import etree

from converter import validation
from converter.blocks import SHARED, adoption, amendment, roster
from converter.blocks.parser import parse_body
from converter.forms import registry
from converter.forms.naming import title_word
from converter.frame.formula import formula_kind
from converter.forms.order import ORDER_NUMBER, SEQ_ONLY, find_number
from converter.frame.head import Head
from converter.model.blocks import Member
from converter.model.context import Context
from converter.model.text import Span
from converter.normalise import normalise
from converter.rules import KIND_WORDS, TITLE_FORM_WORD

XS = "{http://www.w3.org/2001/XMLSchema}"


def lines_of(*texts: str):
    return list(normalise("\n".join(texts), filters=()).lines)


def context() -> Context:
    return Context(True, lambda lines, ctx: None)


# --- one table of words and forms -------------------------------------------------------

def test_the_kind_words_of_the_rules_are_the_title_words_of_the_forms():
    assert sorted(KIND_WORDS) == sorted(registry().title_words())


def test_every_word_belongs_to_one_form():
    words = [word for form in registry().forms for word in form.title_words]
    assert len(words) == len(set(words))


FIFTEEN = {"resolution": "决议", "decision": "决定", "order": "命令", "communique": "公报",
           "announcement": "公告", "public-notice": "通告", "opinion": "意见", "notice": "通知",
           "circular": "通报", "report": "报告", "request": "请示", "reply": "批复", "motion": "议案",
           "letter": "函", "minutes": "纪要"}


def test_the_fifteen_kinds_are_forms_with_their_word():
    table = registry().title_words()
    assert {name: table[word] for name, word in FIFTEEN.items()} == {name: name for name in FIFTEEN}


def test_the_schema_enumerates_every_form_with_its_documentation():
    schema = etree.parse(str(validation.schema_path()))
    values = schema.findall(f".//{XS}simpleType[@name='form']//{XS}enumeration")
    names = [v.get("value") for v in values]
    # a bulletin is an element of its own; a brief is a document only a bulletin holds
    assert sorted(names) == sorted(set(registry().names()) - {"bulletin"} | {"brief"})
    undocumented = [v.get("value") for v in values if not "".join(v.itertext()).strip()]
    assert not undocumented


# --- the title's word -------------------------------------------------------------------

@pytest.mark.parametrize("title, word", [
    ("某某县城市绿化管理办法", "办法"),
    ("某某县城市绿化管理办法（试行）", "办法"),
    ("某某县古树名木保护条例(草案)", "条例"),
    ("某某县古树名木保护条例（修订草案）（征求意见稿）", "条例"),
    ("某某县林业系统干部职工行为守则", "守则"),
    ("某某市人民政府令", "令"),
    ("某某省人民政府关于嘉奖某某县林业局的命令", "命令"),
    ("某某县交通运输局关于支持春季义务植树活动的复函", "函"),
    ("某某县2023年国土绿化状况公报", "公报"),
    ("某某县人民政府公报", None),                       # a bulletin issue, not the 文种
    ("关于提请审议《某某条例（草案）》的议案", "议案"),
    ("某某县春季植树造林情况", None),
])
def test_title_word(title, word):
    assert title_word(title, tuple(KIND_WORDS)) == word


def test_a_title_with_a_note_after_its_word_ends_the_title():
    assert TITLE_FORM_WORD.search("某某县城市绿化管理办法（试行）")
    assert not TITLE_FORM_WORD.search("某某县城市绿化管理办法实施情况")


@pytest.mark.parametrize("text, word", [
    ("现将有关事项通告如下：", "通告"),
    ("本通告自发布之日起实施。", "通告"),
    ("特此通知。", "通知"),
    ("现批复如下：", "批复"),
    ("特此函告。", "函"),
    ("妥否，请批示。", "请示"),
    ("请认真执行本办法。", None),                        # an issued kind is no 文种 the body names itself by
    ("根据《某某县人民政府关于禁止燃放烟花爆竹的通告》，", None),
])
def test_the_body_names_the_document_by_its_formula(text, word):
    assert (formula_kind(lines_of("关于…的", text), 1) or None) == word


def test_the_title_decides_before_the_body():
    lines = lines_of("某某县人民政府关于禁止燃放烟花爆竹的通知", "现将有关事项通告如下：")
    head = Head(title=[Span(lines[0], 0, len(lines[0].text))], end=1)
    assert title_word(head.title_text, ("通知",)) == "通知"
    assert title_word(head.title_text, ("通告",)) is None


# --- the order's number -------------------------------------------------------------------

@pytest.mark.parametrize("text, prefix, seq", [
    ("某某市人民政府令第5号", "某某市人民政府令", "5"),
    ("国务院令（第797号）", "国务院令", "797"),
    ("某某省人民政府令 第 12 号", "某某省人民政府令", "12"),
])
def test_order_number_on_one_line(text, prefix, seq):
    m = ORDER_NUMBER.fullmatch(text)
    assert m and (m.group("prefix"), m.group("seq")) == (prefix, seq)


def test_order_number_under_its_mark():
    found = find_number(lines_of("某某市人民政府令", "第十二号", "《某某办法》已经…通过，现予公布。"))
    assert found is not None
    mark, k, number = found
    assert (mark, k, number.prefix, number.year, number.seq) == (0, 1, "某某市人民政府令", None, 12)


def test_a_number_without_an_order_mark_above_is_no_order_number():
    assert SEQ_ONLY.fullmatch("第5号")
    assert find_number(lines_of("某某县人民政府公告", "第5号", "现将有关事项公告如下：")) is None


# --- the 题注 and the amendments -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "（2024年1月10日某某县第十八届人民代表大会第三次会议通过）",
    "（经2024年3月1日区人民政府第5次常务会议审议通过）",
    "(2023年12月29日第十四届全国人民代表大会常务委员会第七次会议通过 根据2024年6月1日…决定修正)",
])
def test_adoption_lines_in_brackets(text):
    assert adoption.ADOPTED_BRACKETED.fullmatch(text)


@pytest.mark.parametrize("text, is_adoption", [
    ("1995年8月19日 某某省第八届人民代表大会常务委员会第二十一次会议通过", True),
    ("2024年1月10日，县人大常委会第十次会议审议通过了该报告。", False),      # a sentence
])
def test_adoption_lines_without_brackets(text, is_adoption):
    assert bool(adoption.ADOPTED_LINE.fullmatch(text)) is is_adoption


def test_an_adoption_line_below_the_first_paragraph_stays_text():
    blocks = parse_body(lines_of("会议听取了报告。", "（2024年1月10日某某县人民代表大会通过）"), context(),
                        SHARED.plus(adoption.PLUGIN, before=SHARED.names()[0]))
    assert [type(b).__name__ for b in blocks] == ["Para", "Para"]


@pytest.mark.parametrize("text, is_amendment", [
    ("一、第二条修改为：", True),
    ("二、增加一条作为第三条：", True),
    ("（三）删去第五条。", True),
    ("四、将第七条第二款中的“三十日”修改为“十五日”。", True),
    ("五、本办法名称修改为《某某县古树名木保护办法》。", True),
    ("一、增加财政投入", False),
    ("一、授予城关镇“植树造林先进集体”称号", False),
    ("第二条修改为：", False),                      # no item number: text
])
def test_amendment_items(text, is_amendment):
    assert bool(amendment.AMENDMENT_ITEM.match(text)) is is_amendment


# --- the roster's name and post ------------------------------------------------------------

@pytest.mark.parametrize("text, name, post", [
    ("周正刚 区政府督查室主任", "周正刚", "区政府督查室主任"),
    ("李 皓 区自然资源和规划局局长", "李皓", "区自然资源和规划局局长"),
    ("王  明  县人民政府县长", "王明", "县人民政府县长"),
    ("刘 建 国 县住建局局长", "刘建国", "县住建局局长"),
    ("张顺彩(市政府副市长)", "张顺彩", "市政府副市长"),
    ("李 震（市委宣传部）", "李震", "市委宣传部"),
    ("张发平（市统计局)", "张发平", "市统计局"),
    ("冯 镭", "冯镭", ""),
    ("王建良", "王建良", ""),
])
def test_member_name_and_post(text, name, post):
    line = lines_of(text)[0]
    member = roster.member_of(line, "成员", 0, 0)
    end = len(line.text) if member.post_end < 0 else member.post_end
    assert (member.name, line.text[member.post_start:end].strip()) == (name, post)


@pytest.mark.parametrize("text, role", [
    ("组 长:舒基元 区人民政府代理区长", "组长"),
    ("常务副组长：王明", "常务副组长"),
    ("第一副组长：李华", "第一副组长"),
    ("副总指挥：张伟", "副总指挥"),
    ("成\u00a0\u00a0\u00a0\u00a0员：巫振江（市府办）", "成员"),
    ("副组长:", "副组长"),
    ("成  员", "成员"),
])
def test_role_lines(text, role):
    m = roster.ROLE_LINE.match(text)
    assert m and "".join(m.group("role").split()) == role


@pytest.mark.parametrize("text", ["成员单位：县发改局、县财政局", "主任会议研究决定", "委员会办公室"])
def test_words_that_begin_with_a_role_are_no_role_line(text):
    assert not roster.ROLE_LINE.match(text)


def test_a_role_label_alone_goes_to_the_first_member_below():
    blocks = parse_body(lines_of("副组长：", "李华（县人民政府副县长）", "张伟 县林业局局长"), context(), SHARED)
    assert [type(b) for b in blocks] == [Member, Member]
    assert blocks[0].label is not None and blocks[0].label.n == 1
    assert [(m.role, m.name) for m in blocks] == [("副组长", "李华"), ("副组长", "张伟")]


def test_a_role_label_with_no_member_below_stays_a_paragraph():
    blocks = parse_body(lines_of("成员：", "由县发改局、县财政局等单位组成。"), context(), SHARED)
    assert [type(b).__name__ for b in blocks] == ["Para", "Para"]


def test_a_closing_formula_after_a_roster_is_no_member():
    blocks = parse_body(lines_of("成员：张伟 县林业局局长", "特此通知"), context(), SHARED)
    assert [type(b).__name__ for b in blocks] == ["Member", "Para"]
