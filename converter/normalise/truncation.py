"""A page cut short: the store that kept it cut its text, so the end of the document is missing.

What is there is kept as it is and nothing is invented; one warning says so.
The rule: the last reading line (chrome, footers and page records already
out) ends mid-sentence — on a character that is no full stop, question or
exclamation mark, closing bracket or quote, or on a comma or a colon — and
is running text — it holds a comma, a full stop or another mark after its
section number, or it is longer than a heading (HEADING_MAX) and starts with
no section number, or it ends in a colon announcing what is missing — and
none of the lines a document may end with: a 成文日期 (with or without its
署名), an organ's name, an 印发 or 抄送 line, a 附注 in brackets, an 附件
line, a table row, a roster member line, a label with names (a 纪要's
记录：…), a line of blank form fields (a 回执's 单位：　　联系人：　　). A short heading or label alone at the end (an empty section) is no
evidence of a cut.
"""

from __future__ import annotations

from dataclasses import replace

from converter.model.text import collapse
from converter.normalise.page import Normalised
from converter.patterns import HAN, pattern
from converter.rules import ATTACHMENT_NOTE, CC, DATE, ORGAN_SUFFIX, PRINTED_DATE, REMARK, SECTION_RULES, SIGNATURE_DATE

# What a finished sentence or line ends with: 。！？…, or a closing quote or bracket after one
ENDS_FINISHED = pattern(r"[。！？!?…”’」』）)》〉】\]\"'.]$", "特此通知。", "（此件公开发布）")
# A roster member line: a role label or not, a name, then the post after spaces ("召集人：周 强  县交通局副局长")
MEMBER_LINE = pattern(rf"(?:[{HAN}\s]{{1,10}}[:：]\s{{0,3}})?[{HAN}]{{1,3}}(?:\s{{1,3}}[{HAN}]{{1,2}})?\s{{1,6}}[{HAN}][^。，；,;]{{1,40}}",
                      "周 强 县交通局副局长", "召集人：李华  县人民政府副县长")
# A mark inside running text: a heading or a label holds none (a full stop inside the line: a sentence went on)
INNER_MARK = pattern(r"[，、；：,;:。！？!?]", "，", "巡查。主管")
# A label and the names after it, as a 纪要 ends: "记录：陈静", "审核：王明、李华"
LABELLED_NAMES = pattern(rf"[{HAN}]{{2,4}}\s{{0,2}}[:：]\s{{0,2}}[{HAN}]{{2,4}}(?:\s{{0,2}}[、，,\s]\s{{0,2}}[{HAN}]{{2,4}}){{0,8}}",
                         "记录：陈静", "审核：王明、李华")
# A line of blank form fields, as a 回执 (reply slip) ends: "单位：　　　　联系人：　　　　电话："
BLANK_FIELDS = pattern(rf"(?:[{HAN}]{{1,8}}\s{{0,2}}[:：](?:[\s_＿]{{2,40}}|[\s_＿]*$)){{2,}}",
                       "单位：　　　　联系人：　　　　电话：", "姓名：____ 电话：____")
# A line longer than this, with no section number, is running text, not a heading.
HEADING_MAX = 10
# An 附件 label: "附件", "附件2", "附件：…"
ATTACHMENT_LABEL = pattern(r"附\s{0,2}件\s{0,2}\d{0,2}", "附件2")
# An organ's name, the 署名 of a signature whose date is missing, is at most this long.
ORGAN_MAX = 30
# How many characters of the last line the warning quotes.
QUOTED = 12


def ends_document(text: str) -> bool:
    """Whether a document may end with this line although it has no full stop."""
    plain = collapse(text)
    return bool(
        "\t" in text or text.startswith(("|", "｜"))
        or SIGNATURE_DATE.fullmatch(plain) or DATE.search(plain[-16:]) or PRINTED_DATE.fullmatch(plain)
        or REMARK.fullmatch(plain) or CC.match(plain) or ATTACHMENT_NOTE.match(plain) or ATTACHMENT_LABEL.match(plain)
        or (len(plain) <= ORGAN_MAX and ORGAN_SUFFIX.search(plain)) or MEMBER_LINE.fullmatch(text.strip())
        or LABELLED_NAMES.fullmatch(text.strip()) or BLANK_FIELDS.fullmatch(text.strip())
    )


def running_text(text: str) -> bool:
    """A line of running text (or one announcing what follows: "…如下："), not a heading or label alone."""
    if text[-1] in ":：":
        return True
    numbered = next((m for rule in SECTION_RULES if (m := rule.pattern.match(text))), None)
    body = text[numbered.end():] if numbered else text
    if INNER_MARK.search(body[:-1]):
        return True
    return numbered is None and len(collapse(body)) > HEADING_MAX


def note_cut_short(page: Normalised) -> Normalised:
    """Warn once when the page ends mid-sentence, as a page cut short by its store does."""
    if not page.lines:
        return page
    last = page.lines[-1]
    text = last.text.rstrip()
    if not text or ENDS_FINISHED.search(text) or not running_text(text) or ends_document(text):
        return page
    quoted = text[-QUOTED:]
    message = f"the text ends mid-sentence (…{quoted}): the page looks cut short; kept as it is, nothing added"
    return replace(page, warnings=page.warnings + ((last.n, message),))
