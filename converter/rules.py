"""The recogniser table: every pattern gongwen knows, named, in one place.

Read it top to bottom. Line-level patterns decide what a whole line is (page
furniture, a 文号, a date line); block-level patterns decide where a numbered
section starts. Form modules add their own rules in their `LINE_RULES` /
`BLOCK_RULES` tables; `pipeline.tables()` puts them together in a fixed order.

Patterns run on *clean* text: markup taken out, indentation stripped (see
normalise.py). Each quantifier is bounded or anchored so that no pattern
backtracks catastrophically on hostile input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- character classes -------------------------------------------------------

# Han ideographs (CJK unified + extension A + compatibility + 〇), as used in
# the patterns below; the lossless check uses the Unicode script property.
HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Chinese numerals used in section numbers and dates.
CN_DIGITS = "〇零○Ｏ一二三四五六七八九十百两"
# Opening and closing brackets, full- and half-width: （一） (一) ( 一 )
OPEN = "（("
CLOSE = "）)"
# Sentence-final punctuation: a line ending in one of these ends its paragraph.
TERMINAL = "。！？!?：:…"
# Closing quotes/brackets that may follow the terminal mark: 。” 。）
CLOSERS = "”’」』）)》〉】\"'"


@dataclass(frozen=True)
class Rule:
    """A named pattern; `kind` says what a match means to the stage using it."""

    name: str
    pattern: re.Pattern[str]
    kind: str


# --- page furniture: whole lines that are not reading text ---------------------

# "— 26 —", "—1—", "- 3 -", "－ 12 －", "·12·" (bold markers are already taken out)
PAGE_NUMBER = re.compile(r"[—–\-－―─]{1,2}\s{0,3}\d{1,4}\s{0,3}[—–\-－―─]{1,2}|[·•]\s{0,2}\d{1,4}\s{0,2}[·•]")
# "1/3" printed by a browser, "第 3 页", "第3页 共5页"
PAGE_COUNTER = re.compile(r"\d{1,4}\s{0,2}/\s{0,2}\d{1,4}|第\s{0,2}\d{1,4}\s{0,2}页(?:\s{0,2}[,，]?\s{0,2}共\s{0,2}\d{1,4}\s{0,2}页)?")
# "2026/5/19 19:11": the date and time a browser prints at the top of each page
PRINT_TIMESTAMP = re.compile(r"\d{4}/\d{1,2}/\d{1,2}\s{1,3}\d{1,2}:\d{2}(?::\d{2})?")
# "https://www.example.gov.cn/…": the address a browser prints at the foot of each page
URL_LINE = re.compile(r"(?:https?://|www\.)\S{1,2000}")

FURNITURE_RULES: tuple[Rule, ...] = (
    Rule("page_number", PAGE_NUMBER, "page-number"),
    Rule("page_counter", PAGE_COUNTER, "page-number"),
    Rule("print_timestamp", PRINT_TIMESTAMP, "running-header"),
    Rule("url_line", URL_LINE, "web-chrome"),
)

# --- the elements of an official document (GB/T 9704) -------------------------

# 发文字号: "新政发〔2023〕1号", "江政〔2024〕1号", "发改办财金规〔2019〕860 号",
# with 〔〕 [] ［］ 【】 () around the year and spaces anywhere inside.
DOC_NUMBER = re.compile(
    rf"(?P<prefix>[{HAN}A-Za-z]{{1,20}})\s{{0,3}}[〔\[［【(（]\s{{0,3}}(?P<year>\d{{4}})\s{{0,3}}"
    rf"[〕\]］】)）]\s{{0,3}}第?\s{{0,3}}(?P<seq>\d{{1,5}})\s{{0,3}}号"
)
# A date: "2023年1月10日", "2019 年 8 月 20 日", "二〇一九年八月二十日"
DATE = re.compile(
    r"(?P<y>[0-9０-９]{4}|[〇零○Ｏ０一二三四五六七八九]{4})\s{0,3}年\s{0,3}"
    r"(?P<m>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s{0,3}月\s{0,3}"
    r"(?P<d>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s{0,3}日"
)
# 成文日期 alone on its line, or after the 署名 on the same line
SIGNATURE_DATE = re.compile(rf"(?P<signer>[^，。；：,;:]{{0,60}}?)\s{{0,40}}(?P<date>{DATE.pattern})")
# 印发机关和印发日期: "2023年1月10日印发", "江汉区人民政府办公室 2024年1月15日印发"
PRINTED_DATE = re.compile(rf"(?P<signer>[^，。；：,;:]{{0,60}}?)\s{{0,40}}(?P<date>{DATE.pattern})\s{{0,3}}印\s{{0,2}}发")
# 附注 under the 成文日期: "（此件公开发布）", "（联系人：张三，电话：12345678）"
REMARK = re.compile(r"[（(]\s{0,2}(?:此件|联系人|联系电话|本件).{0,80}[）)]|(?:联系人|联系电话)\s{0,2}[:：].{0,80}")
# 抄送机关: "抄送：区委各部门，…"
CC = re.compile(r"抄\s{0,2}送\s{0,2}[:：]")
# 附件说明 in a notice: "附件：新洲区…一览表", "附件:1. …"
ATTACHMENT_NOTE = re.compile(r"附\s{0,2}件\s{0,2}\d{0,2}\s{0,2}[:：]")
# 主送机关 ends with a colon: "各镇人民政府,各街道办事处,…:"
RECIPIENTS_END = re.compile(r"[:：]\s{0,3}$")
# 发文机关标志: "武汉市新洲区人民政府文件", "发展改革委办公厅  文件"
ISSUER_MARK = re.compile(rf"[{HAN}（）()、\s]{{2,60}}文\s{{0,3}}件|文\s{{0,3}}件")
# Names of issuing organs end in one of these (署名 lines, 发文机关标志 lines).
ORGAN_SUFFIX = re.compile(
    r"(?:政府|办公厅|办公室|委员会|国务院|人大常委会|常委会|委员会|部|局|厅|委|院|署|办|处|中心|会|组|室)\s*$"
)
# The word that names a document's form at the end of its title.
TITLE_FORM_WORD = re.compile(
    r"(?:通知|通报|意见|方案|计划|规划|要点|办法|规定|条例|细则|规则|决定|批复|报告|函|请示|纪要|公告|通告|命令|决议)$"
)

# --- numbered sections: the real structure of the text --------------------------

# 一、  (level 1; not "一、二、三季度", a run of numerals)
NUM_L1 = re.compile(rf"(?P<num>(?P<n>[{CN_DIGITS}]{{1,4}})\s{{0,2}}[、．.](?![{CN_DIGITS}]{{1,2}}[、，,]))")
# （一） (一) ( 一 )  (level 2)
NUM_L2 = re.compile(rf"(?P<num>[{OPEN}]\s{{0,2}}(?P<n>[{CN_DIGITS}]{{1,4}})\s{{0,2}}[{CLOSE}])")
# 1.  1、 1．  (level 3; "2.4 万人" is a decimal, not a section)
NUM_L3 = re.compile(r"(?P<num>(?P<n>\d{1,3})\s{0,2}[.．、](?!\d))")
# （1） (1)  (level 4)
NUM_L4 = re.compile(rf"(?P<num>[{OPEN}]\s{{0,2}}(?P<n>\d{{1,3}})\s{{0,2}}[{CLOSE}])")
# 第一章 (a chapter; level 1)
NUM_CHAPTER = re.compile(rf"(?P<num>第\s{{0,2}}(?P<n>[{CN_DIGITS}]{{1,4}})\s{{0,2}}章)")
# 第一条 (an article; one level below its chapter)
NUM_ARTICLE = re.compile(rf"(?P<num>第\s{{0,2}}(?P<n>[{CN_DIGITS}]{{1,4}})\s{{0,2}}条)")

# The section rules in the order they are tried; `kind` is the level.
SECTION_RULES: tuple[Rule, ...] = (
    Rule("chapter", NUM_CHAPTER, "chapter"),
    Rule("article", NUM_ARTICLE, "article"),
    Rule("level2", NUM_L2, "2"),
    Rule("level4", NUM_L4, "4"),
    Rule("level1", NUM_L1, "1"),
    Rule("level3", NUM_L3, "3"),
)

# A run-in heading ends at its first full stop: "（一）全面实施…承诺制。" + body text
RUN_IN_END = re.compile(r"[。！？!?]")

