"""What one line of a document's head or foot *is*, told by named patterns, wherever it stands.

    武汉市新洲区人民政府文件            an issuer mark (发文机关标志)      is_issuer_mark
    广州市人民政府令                    an order's mark, above its 第5号    ORDER_MARK
    某某县人民政府办公室                an organ's name                    is_organ_name
    关于印发…的通知                     a title line (标题)                 is_title_line
    各镇人民政府,各街道办事处:           主送机关                            take_recipients
    现将有关事项通知如下。               body text: the head ends here       is_body_line
    市长  王明                          a person signing (an order)         is_person_signer

The 文号 lines are read by numbers.py. Page chrome and catalogue records are
taken out before the frame sees the lines (page filters, normalise/); what
is left of them, and of any other line the frame cannot place, is stepped
over by the head (head.py) into residue, never glued to the title.
"""

from __future__ import annotations

from converter.blocks.table import PIPE_ROW
from converter.model.text import Line, Lines, Span, collapse, joined, plain, whole
from converter.patterns import HAN, pattern
from converter.rules import (DATE, ISSUER_MARK, ORGAN_SUFFIX, RECIPIENTS_END, SENTENCE_END, SENTENCE_PUNCT,
                             TITLE_FORM_WORD, section_start)

# The longest line that can be a title line; the longest organ name or 署名.
TITLE_LINE_MAX = 60
ORGAN_MAX = 30
# Where the seal stands, printed after the 署名 in a copy: "（印）", "（盖章）", "(公章)"
SEAL_MARK = pattern(r"\s{0,3}[（(]\s{0,2}(?:盖\s{0,2}章|公\s{0,2}章|印|章)\s{0,2}[）)]\s*$", "某某县人民政府（印）", "(盖章)")
# The longest line that finishes a wrapped title ("的通知").
TITLE_END_MAX = 20
# The most lines a 主送 wraps over.
RECIPIENT_LINES_MAX = 5
# A wrapped 主送 line (not its last) is at least this long, unless it ends with a separator.
RECIPIENT_WRAP_MIN = 15

# The words a 主送's organs end in (署: 海关总署, 行政公署; 行: 各商业银行; 县 市 区 州 盟 旗: 各县（市、区）, 各设区市)
RECIPIENT_ORGANS = (r"(?:政府|单位|部门|机关|机构|局|室|厅|委|办|处|院|所|会|司|部|企业|学校|公司|街道|乡镇|镇|团体|组|队|站|中心|代表"
                    r"|署|行|社|馆|校|团|县|市|区|州|盟|旗)")
# 主送机关 end with an organ before their colon
RECIPIENTS = pattern(
    rf".{{0,400}}{RECIPIENT_ORGANS}(?:[（(][^）)]{{0,10}}[）)])?\s{{0,3}}[:：]\s{{0,3}}",
    "各镇人民政府,各街道办事处,区直各单位:", "各省、自治区、直辖市发展改革委办公厅（室）：",
)
# A wrapped 主送 line may end with an organ: "各乡镇人民政府" / "县直各单位："
RECIPIENT_LINE_END = pattern(rf"{RECIPIENT_ORGANS}(?:[（(][^）)]{{0,10}}[）)])?\s{{0,3}}$", "各乡镇人民政府")
# 主送机关 with the body's first words after the colon on the same line: "各乡镇人民政府：现将…"
RECIPIENTS_LEAD = pattern(
    r"[^：:。！？!?；;]{0,200}?(?:政府|单位|部门|机关|机构|局|室|厅|委|办|处|院|所|司|部|企业|学校|公司|街道|乡镇|镇|署|行)"
    r"(?:[（(][^）)]{0,10}[）)])?\s{0,3}[:：]\s{0,3}(?=\S)",
    "各乡镇人民政府，县直各部门：现将有关事项通知如下。",
)
# Between the organs of a 主送
RECIPIENT_SEPARATORS = pattern(r"[，、,]", "、")
# A salutation opens a speech; it is never a 主送 ("各位代表：")
SALUTATION_START = pattern(r"各位|同志们", "各位代表：")
# A wrapped 主送 line ends with a separator: "…人民政府，" "…各部门、"
RECIPIENT_SEPARATOR = pattern(r"[，、,；;]\s{0,3}$", "各街道办事处，")
# What a wrapped 主送 line never holds: a date, a citation, a label, a path or a menu
NOT_RECIPIENT = pattern(rf"{DATE.pattern}|[《》:：/|»]", "2004年1月11日", "收录于《公报")
# Body text: a sentence (its punctuation), a lead-in ending in a colon
BODY_PUNCT = pattern(r"[。！？，；,;]", "现将有关事项通知如下。")
# What never stands in a title line: sentence punctuation, labels, menus, breadcrumbs, paths
NOT_IN_TITLE = pattern(r"[。！？，；,;:：|»>/\t]", "您的位置: 首页 » 法律法规", "热门站点| 世界资料网")
# How a title line never begins: a dash (an occasion line), a bracket (a 题注, a 附注), a label
NOT_TITLE_START = pattern(r"[—–\-－(（【\[〔]", "——2024年1月10日在", "（此件公开发布）", "【发布单位】")
# A date alone, maybe in brackets: a head's date line, never a title
DATE_LINE = pattern(rf"[（(]?\s{{0,2}}{DATE.pattern}\s{{0,2}}[）)]?", "2004年1月11日", "（2024年3月5日）")
# A name or a quotation inside a line: 《…》 “…”
QUOTED = pattern(r"《[^《》]{0,120}》|“[^“”]{0,120}”", "《关于加快发展，推进改革的意见》")
# A label or a widget in brackets opens the line: 【字号：
LABEL_START = pattern(r"[【\[]", "【字号：")
# What a title may print after its 文种 word: （试行） （草案） （暂行）, its 文号 in brackets
TITLE_SUFFIX = pattern(r"\s{0,2}[（(](?:[^（）()]{1,8}|[^（）()]{2,30}号)[）)]$",
                       "某某县植树造林管理办法（试行）", "关于植树的通知（某政发〔2024〕3号）")
# A title's bracketed note printed on the line under it: （试行） （草案） （2024年修订） （征求意见稿）
TITLE_NOTE_LINE = pattern(r"[（(]\s{0,2}(?:(?:\d{4}\s{0,2}年)?(?:修订|修正)(?:草案)?|试行|暂行|(?:修改)?草案(?:修改稿)?"
                          r"|征求意见稿|送审稿|讨论稿|审议稿)\s{0,2}[）)]",
                          "（试行）", "（草案）", "（2024年修订）", "（征求意见稿）", "(修订草案)")
# Two Han characters at least: a title says something
TWO_HAN = pattern(rf"[{HAN}].*[{HAN}]", "通知")
# A title's own start: 关于…, or an organ's name then 关于…
TITLE_START = pattern(rf"[{HAN}、（）()\s]{{0,40}}?关\s{{0,2}}于", "关于做好春季植树造林工作的通知", "某某县人民政府关于")
# An order's mark (命令（令）格式): the organ's full name and 令, above its 第5号
ORDER_MARK = pattern(rf"[{HAN}\s]{{2,40}}令", "广州市人民政府令", "中华人民共和国国务院令")
# The role of a person signing (an order, some 函)
SIGNER_ROLE = (rf"[{HAN}]{{0,12}}?(?:代理|代)?(?:[省市县区州旗镇乡]长|总理|主席|主任|部长|局长|厅长|署长|院长|委员长"
               rf"|书记)")
# A person signing: the role, then a name of two to four characters ("省长" alone when the name was lost)
PERSON_SIGNER = pattern(
    rf"(?P<role>{SIGNER_ROLE})(?:\s{{1,8}}(?P<name>[{HAN}](?:\s{{0,3}}[{HAN}]){{1,3}}))?",
    "市长  王明", "国务院总理 李 强", "省长",
)


def is_organ(text: str) -> bool:
    """A short line naming an organ: 武汉市新洲区人民政府, 税务总局办公厅."""
    text = text.strip()
    return (0 < len(text) <= ORGAN_MAX and not SENTENCE_PUNCT.search(text)
            and ORGAN_SUFFIX.search(collapse(text)) is not None)


def is_organ_name(text: str) -> bool:
    """An organ's name and nothing else (not the first line of a title that names one: 关于印发某某局…)."""
    return is_organ(text) and TITLE_START.match(collapse(text)) is None


def is_issuer_mark(text: str) -> bool:
    # cheap test first: both of ISSUER_MARK's alternatives end in 件 (most lines hold none)
    return "件" in text and ISSUER_MARK.fullmatch(text.strip()) is not None


def is_person_signer(text: str) -> bool:
    return len(text.strip()) <= ORGAN_MAX and PERSON_SIGNER.fullmatch(text.strip()) is not None


def signer_text(text: str) -> str:
    """A 署名 as one line: an organ letter-spacing removed; a person's role and name one space apart (市长 王明)."""
    m = PERSON_SIGNER.fullmatch(text.strip())
    if m and m.group("name") and not is_organ(text):
        return f"{collapse(m.group('role'))} {collapse(m.group('name'))}"
    return collapse(text)


def is_signer(text: str) -> bool:
    """A 署名: an organ (a seal's mark after it allowed: 某某县人民政府（印）), or a person by role and name."""
    # (cheap test first: every SEAL_MARK match holds 章 or 印; a text with neither has none to take out)
    return is_organ(SEAL_MARK.sub("", text) if "章" in text or "印" in text else text) or is_person_signer(text)


def is_date_line(text: str) -> bool:
    # cheap test first: a DATE ends in 日
    return "日" in text and DATE_LINE.fullmatch(text.strip()) is not None


def is_section_start(text: str) -> bool:
    return section_start(text)


def is_body_line(line: Line) -> bool:
    """A line that only a body holds: a sentence, a lead-in ending in a colon, a numbered heading.

    A long line without punctuation is no body line (breadcrumbs and menus
    run long), nor a label in brackets (【字号：), nor punctuation inside the
    name of a document or a quotation (关于印发《加快发展，…》的通知).
    """
    text = unquoted(line.text)
    return (BODY_PUNCT.search(text) is not None
            or (RECIPIENTS_END.search(text) is not None and LABEL_START.match(text.strip()) is None)
            or is_row(line) or is_section_start(text))


def is_row(line: Line) -> bool:
    """A table row, tab- or pipe-separated."""
    text = line.text
    # cheap test first: a PIPE_ROW match opens and closes with |
    return "\t" in text or ("|" in text and PIPE_ROW.fullmatch(text.strip()) is not None)


def unquoted(text: str) -> str:
    """The text without what stands inside 《》 and “”: a title's punctuation may stand there."""
    return QUOTED.sub("", text) if "《" in text or "“" in text else text


def is_title_line(line: Line) -> bool:
    """A line a title may hold: short, no sentence, no label, no menu, not a date or a numbered heading."""
    text = collapse(line.text)
    return (0 < len(text) <= TITLE_LINE_MAX and NOT_IN_TITLE.search(unquoted(text)) is None
            and NOT_TITLE_START.match(text) is None and TWO_HAN.search(text) is not None
            and not is_date_line(text) and not is_section_start(text) and not is_issuer_mark(text)
            and not is_named_person(line.text))


def is_named_person(text: str) -> bool:
    """A role and a person's name (县长 王明): a speaker's or a signer's line, never a title's."""
    m = PERSON_SIGNER.fullmatch(text.strip())
    return m is not None and m.group("name") is not None and "关于" not in text


def completes_title(spans: list[Span], line: Line) -> bool:
    """A short line that finishes a title broken in the middle of its 文种 word: 政府工作报 / 告."""
    text = collapse(line.text)
    return (0 < len(text) <= TITLE_END_MAX and NOT_IN_TITLE.search(text) is None and not ends_in_form_word(spans)
            and TITLE_FORM_WORD.search(collapse(joined(spans)) + text) is not None)


def ends_in_form_word(spans: list[Span]) -> bool:
    """A title that ends in its 文种 word, or in the word and a bracketed suffix: …管理办法（试行）."""
    title = collapse(joined(spans))
    # (cheap test first: a TITLE_SUFFIX match ends in a closing bracket, at the text's end or before a line break
    # ending it; a title that ends otherwise has none to take out)
    if title.endswith(("）", ")", "）\n", ")\n")):
        title = TITLE_SUFFIX.sub("", title)
    return TITLE_FORM_WORD.search(title) is not None


def continues_title(line: Line) -> bool:
    """Whether a line finishes a title that already ends in a 文种 word: "…工作方案" / "的通知"."""
    text = collapse(line.text)
    return (len(text) <= TITLE_END_MAX and text.startswith("的") and TITLE_FORM_WORD.search(text) is not None
            or is_title_note(line))


def is_title_note(line: Line) -> bool:
    """A title's bracketed note alone on its line (…管理办法 / （试行））: it finishes the title above."""
    return TITLE_NOTE_LINE.fullmatch(collapse(line.text)) is not None


def starts_title(line: Line) -> bool:
    return TITLE_START.match(collapse(line.text)) is not None


def title_text(spans: list[Span]) -> str:
    """A title as one line: line breaks and letter-spacing removed, joint issuers kept apart by a space.

    "某某县人民政府 某某县财政局关于…" (or the organs on lines of their own)
    keeps one space between the organs before 关于, as the title prints it;
    a gap anywhere else (letter-spacing, an OCR gap, a line break) is removed.
    """
    dash = next((k for k, span in enumerate(spans) if span.text.lstrip().startswith("——")), None)
    if dash is not None and dash > 0:
        # a subtitle after a dash (a slogan) keeps the ideographic spaces between its phrases
        return title_text(spans[:dash]) + plain(spans[dash:])
    pieces = [piece for span in spans for piece in span.text.split()]
    if not pieces:
        return ""
    if all(len(piece) == 1 for piece in pieces):
        return "".join(pieces)
    text = pieces[0]
    for k in range(1, len(pieces)):
        piece = pieces[k]
        # joint issuers stand before the 关于 that follows them all
        organs = ("关于" not in text and ORGAN_SUFFIX.search(text) is not None and not piece.startswith("关于")
                  and "关于" in "".join(pieces[k:]) and len(piece) > 1)
        # a gap elsewhere goes as collapse() takes it: by the characters either side
        text = f"{text} {piece}" if organs else text[:-1] + collapse(f"{text[-1]} {piece}")
    return text


def recipients_lead(line: Line) -> int | None:
    """Where the body begins after a 主送 printed at the start of its line, if one is."""
    text = line.text
    if SALUTATION_START.match(text):
        return None
    m = RECIPIENTS_LEAD.match(text)
    if not m or m.end() >= len(text):
        return None
    # several organs (各…, …、…), or a reply's "你局…": not a duty list's "县林业局：负责…"
    lead = m.group()
    return m.end() if lead.startswith("各") or RECIPIENT_SEPARATORS.search(lead) or text[m.end()] in "你贵" else None


def take_recipients(lines: Lines, i: int) -> tuple[list[Span], int]:
    """主送机关 from line i: up to the first line that ends with a colon after an organ.

    A 主送 wrapped over lines has its earlier lines long (wrapped at the
    page width) or ending with a separator or an organ, and none of them
    holds a date, a citation or a label: that keeps a header block above it out.
    """
    for j in range(i, min(i + RECIPIENT_LINES_MAX, len(lines))):
        text = lines[j].text
        if SENTENCE_END.search(text) or (j == i and SALUTATION_START.match(text.strip())):
            break
        if RECIPIENTS_END.search(text):
            spans = [whole(line) for line in lines[i:j + 1]]
            if RECIPIENTS.fullmatch(joined(spans)):
                return spans, j + 1
            break
        if NOT_RECIPIENT.search(text) or not (len(collapse(text)) >= RECIPIENT_WRAP_MIN
                                              or RECIPIENT_SEPARATOR.search(text) or RECIPIENT_LINE_END.search(text)):
            break
    return [], i
