"""The recogniser table every stage shares: read it top to bottom.

Line-level patterns decide what a whole line is (a 文号, a date line, a
主送); numbering patterns decide where a numbered section starts. Stage and
form modules add their own patterns at their top, made the same way
(`patterns.pattern`, with the examples each must match).

Patterns run on *clean* text: markup taken out, indentation stripped (see
normalise/). Each quantifier is bounded or anchored so that no pattern
backtracks catastrophically on hostile input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from converter.patterns import HAN, pattern

# --- character sets ---------------------------------------------------------------

# Chinese numerals used in section numbers and dates.
CN_DIGITS = "〇零○Ｏ一二三四五六七八九十百千两"
# Opening and closing brackets, full- and half-width: （一） (一) ( 一 )
OPEN = "（("
CLOSE = "）)"
# Sentence-final punctuation: a line ending in one of these ends its paragraph.
TERMINAL = "。！？!?：:…"
# Closing quotes/brackets that may follow the terminal mark: 。” 。）
CLOSERS = "”’」』）)》〉】\"'"


@dataclass(frozen=True, eq=False, repr=False)
class Rule:
    """A named pattern; `kind` says what a match means to the stage using it."""

    name: str
    pattern: re.Pattern[str]
    kind: str


# --- the elements of an official document (GB/T 9704) -------------------------

# The brackets a 文号 prints around its year: 〔〕 [] ［］ 【】 () （） ﹝﹞ 〖〗
YEAR_OPEN = "〔\\[［【(（﹝〖"
YEAR_CLOSE = "〕\\]］】)）﹞〗"
# 发文字号 with its year in brackets, spaces anywhere inside, 第 before the number
DOC_NUMBER = pattern(
    rf"(?P<prefix>[{HAN}A-Za-z]{{1,20}})\s{{0,3}}[{YEAR_OPEN}]\s{{0,3}}(?P<year>\d{{4}})\s{{0,3}}"
    rf"[{YEAR_CLOSE}]\s{{0,3}}第?\s{{0,3}}(?P<seq>\d{{1,5}})\s{{0,3}}号",
    "新政发〔2023〕1号", "江政〔2024〕1号", "发改办财金规〔2019〕860 号", "东府办函[2003]248号", "某政办﹝2024﹞7号",
)
# The zero of a year in Chinese numerals, as printed: 〇 ○ ◯ Ｏ, a Latin O, 零, a digit 0
YEAR_ZEROS = "〇○◯ＯO零０0"
# A date, in Arabic or Chinese numerals
DATE = pattern(
    rf"(?P<y>[0-9０-９]{{4}}|[{YEAR_ZEROS}一二三四五六七八九]{{4}})\s{{0,3}}年\s{{0,3}}"
    r"(?P<m>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s{0,3}月\s{0,3}"
    r"(?P<d>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s{0,3}日",
    "2023年1月10日", "2019 年 8 月 20 日", "二〇一九年八月二十日", "二OO三年十二月四日", "二零零五年一月一日",
)
# 成文日期 alone on its line, or after the 署名 on the same line
SIGNATURE_DATE = pattern(rf"(?P<signer>[^，。；：,;:]{{0,60}}?)\s{{0,40}}(?P<date>{DATE.pattern})",
                         "2023年1月10日", "江汉区人民政府 2024年1月15日")
# 印发机关和印发日期
PRINTED_DATE = pattern(
    rf"(?P<signer>[^，。；：,;:]{{0,60}}?)\s{{0,40}}(?P<date>{DATE.pattern})\s{{0,3}}印\s{{0,2}}发",
    "2023年1月10日印发", "江汉区人民政府办公室 2024年1月15日印发",
)
# 附注 under the 成文日期: （此件公开发布）, a contact, a page's note that it abridged the text; and in
# documents printed before GB/T 9704-2012 the 主题词 line between them and the 抄送
REMARK = pattern(r"[（(]\s{0,2}(?:此件|联系人|联系电话|本件|本文|此文|有删减).{0,80}[）)]|(?:联系人|联系电话)\s{0,2}[:：].{0,80}"
                 r"|主\s{0,2}题\s{0,2}词\s{0,2}[:：].{0,80}",
                 "（此件公开发布）", "（联系人：张三，电话：12345678）", "联系电话：12345678", "（本文有删减）",
                 "主题词：城乡建设　规划　通知")
# 抄送机关
CC = pattern(r"抄\s{0,2}送\s{0,2}[:：]", "抄送：区委各部门，")
# 附件说明 in a notice
ATTACHMENT_NOTE = pattern(r"附\s{0,2}件\s{0,2}\d{0,2}\s{0,2}[:：]", "附件：新洲区一览表", "附件:1. 名单")
# 主送机关 ends with a colon
RECIPIENTS_END = pattern(r"[:：]\s{0,3}$", "各镇人民政府,各街道办事处:")
# 发文机关标志
ISSUER_MARK = pattern(rf"[{HAN}（）()、\s]{{2,60}}文\s{{0,3}}件|文\s{{0,3}}件",
                      "武汉市新洲区人民政府文件", "发展改革委办公厅  文件", "文件")
# Names of issuing organs end in one of these (署名 lines, 发文机关标志 lines); 队 所 馆 校 end the
# names of organs below a bureau (交通警察支队, 调查总队, 派出所, 档案馆, 党校).
ORGAN_SUFFIX = pattern(
    r"(?:政府|中央|办公厅|办公室|委员会|国务院|人大常委会|常委会|委员会|部|局|厅|委|院|署|办|处|中心|会|组|室|队|所|馆|校)\s*$",
    "武汉市新洲区人民政府", "中共中央", "税务总局办公厅", "某某市公安局交通警察支队", "国家统计局某某调查总队",
)
# Punctuation that never stands in an organ name or a 署名.
SENTENCE_PUNCT = pattern(r"[，。；：,;:！？!?]", "，")
# A 标题 line never holds a sentence.
SENTENCE_END = pattern(r"[。！？]", "。")

# The words that name a document's kind at the end of its title: the fifteen 文种 of the
# 党政机关公文处理工作条例, then the kinds of document they issue (FORMAT.md; each is a
# form's title word, tests/test_forms_all.py keeps the two tables equal).
KIND_WORDS = ("决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示",
              "批复", "议案", "函", "纪要",
              "方案", "计划", "规划", "要点", "措施", "办法", "规定", "条例", "细则", "规则", "章程", "守则", "规范",
              "准则", "制度", "名单")
# A bracketed note after the form word: （试行） （草案） （修订） （征求意见稿） （2024年修订）
TITLE_SUFFIX = pattern(r"\s{0,2}[（(][^（）()]{1,16}[）)]\s{0,2}$", "管理办法（试行）", "条例(草案)")
# A title that ends in a 文种 word, maybe before a bracketed note
TITLE_FORM_WORD = pattern(rf"(?:{'|'.join(KIND_WORDS)})(?:{TITLE_SUFFIX.pattern[:-1]}){{0,2}}$",
                          "关于印发政府工作报告的通知", "实施方案", "管理办法（试行）", "某某县人民政府令")

# --- numbered sections: the real structure of the text --------------------------

# A Chinese numeral of a numbering: 一 … 九千九百九十九 (values.cn_number reads it)
CN_NUMERAL = rf"[{CN_DIGITS}]{{1,7}}"
# The numeral of 第X章 / 第X条: Chinese, or Arabic digits as some web pages print them (第12条)
ORDINAL = rf"(?:{CN_NUMERAL}|[0-9０-９]{{1,4}})"

# 一、  (level 1; not "一、二、三季度", a run of numerals)
NUM_L1 = pattern(rf"(?P<num>(?P<n>{CN_NUMERAL})\s{{0,2}}[、．.](?![{CN_DIGITS}]{{1,2}}[、，,]))",
                 "一、总体要求", "十二．其他", "一百零一、")
# （一） (一) ( 一 )  (level 2)
NUM_L2 = pattern(rf"(?P<num>[{OPEN}]\s{{0,2}}(?P<n>{CN_NUMERAL})\s{{0,2}}[{CLOSE}])", "（一）", "( 二 )")
# 1.  1、 1．  (level 3; "2.4 万人" is a decimal, not a section)
NUM_L3 = pattern(r"(?P<num>(?P<n>\d{1,3})\s{0,2}[.．、](?!\d))", "1.加强领导", "12、")
# （1） (1)  (level 4)
NUM_L4 = pattern(rf"(?P<num>[{OPEN}]\s{{0,2}}(?P<n>\d{{1,3}})\s{{0,2}}[{CLOSE}])", "（1）", "(12)")
# 第一章 (a chapter; level 1, or one below its 编)
NUM_CHAPTER = pattern(rf"(?P<num>第\s{{0,2}}(?P<n>{ORDINAL})\s{{0,2}}章)", "第一章 总则", "第 十 章", "第一章总则")
# 第一条 (an article; one level below its 节, 章 or 编); 第十条之一, an article an amendment inserted after 第十条
NUM_ARTICLE = pattern(rf"(?P<num>第\s{{0,2}}(?P<n>{ORDINAL})\s{{0,2}}条(?:之(?P<inserted>{CN_NUMERAL}))?)", "第一条 为了",
                      "第二十七条", "第一百二十四条", "第一千零一十一条", "第12条", "第十条之一 本条例所称")
# 第一编 (a part of a code; level 1, above its chapters)
NUM_PART = pattern(rf"(?P<num>第\s{{0,2}}(?P<n>{ORDINAL})\s{{0,2}}编)", "第一编 总则", "第三编合同")
# 第一节 (a division of a chapter; one level below it)
NUM_SUBCHAPTER = pattern(rf"(?P<num>第\s{{0,2}}(?P<n>{ORDINAL})\s{{0,2}}节)", "第一节  业主的质量责任", "第二节一般规定")

# The section rules in the order they are tried; `kind` is the numbering style.
# (The first four stay chapter, article, level2, level4: normalise/webchrome.py reads them.)
SECTION_RULES: tuple[Rule, ...] = (
    Rule("chapter", NUM_CHAPTER, "chapter"),
    Rule("article", NUM_ARTICLE, "article"),
    Rule("level2", NUM_L2, "2"),
    Rule("level4", NUM_L4, "4"),
    Rule("level1", NUM_L1, "1"),
    Rule("level3", NUM_L3, "3"),
    Rule("part", NUM_PART, "part"),
    Rule("subchapter", NUM_SUBCHAPTER, "subchapter"),
)

# The characters a match of SECTION_RULES can start with (each pattern starts with one of them: 第, a
# bracket, a Chinese numeral), besides the decimal digits \d matches (str.isdecimal: Unicode category Nd)
SECTION_OPENERS = "第" + OPEN + CN_DIGITS


def section_start(text: str) -> bool:
    """Whether a numbered section's number starts the text (a rule of SECTION_RULES matches it).

    Cheap test first: a text that opens with no character a number can start with (most lines) is none.
    """
    first = text[:1]
    if not first or not (first in SECTION_OPENERS or first.isdecimal()):
        return False
    return any(rule.pattern.match(text) for rule in SECTION_RULES)


# A run-in heading ends at its first full stop: "（一）全面实施…承诺制。" + body text
RUN_IN_END = pattern(r"[。！？!?]", "承诺制。")

# --- inline ---------------------------------------------------------------------

# Footnote markers: ① … ㊿, ［1］, [1], [^1] (markdown), ¹²
# (superscripts after a letter or digit are units and powers: m², 10⁸)
MARKER = pattern(
    r"[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]|[［\[]\^?\d{1,3}[］\]]|(?<![A-Za-z0-9×])[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}",
    "①", "［1］", "[^2]", "新物种企业¹",
)
# A character a marker starts with (each of MARKER's alternatives starts with one): a text without
# any holds no marker, told by one scan of a character class before MARKER is tried at each place
MARKER_START = pattern(r"[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf［\[⁰¹²³⁴⁵⁶⁷⁸⁹]", "①", "［", "¹")
# A marker in one of these forms is explicit (a bare ① also numbers plain lists).
EXPLICIT_MARKS = "［[⁰¹²³⁴⁵⁶⁷⁸⁹"
