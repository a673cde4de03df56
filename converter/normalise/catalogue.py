"""The page record: the catalogue of 政府信息公开 and the byline, as `page`/`fact` (FORMAT.md).

A government site prints, above (sometimes below) a document, its
catalogue record — 索引号, 发布机构, 公开类别, 主题分类, 发文字号, 成文日期,
发布日期, 有效性 … — and an article's byline: 来源, 发布时间, 作者, 浏览次数.
However the template lays them out, a field is a known label and its value:

    索引号：1133…/2024-00012 | 发布机构：某某县人民政府     pairs between bars or tabs
    索引号\t1133…\t发布机构\t某某县人民政府                 a table row, labels without colons
    索  引  号：                                            a label, its value on the next line
    1133…/2024-00012
    【发布单位】某某县人民政府                              【label】value blocks
    作者:某某网 时间:2024-07-22 07:20:29  浏览:9863        fields glued into one line

Facts are looked for in the page's head (above its running text, region.py)
and in any block of two or more catalogue lines near its foot. A line is taken
only when it is fields from end to end; a widget left in it (字号：[大][中][小])
is web chrome. The frame never sees these lines: a 文号 printed only here stays
a fact.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from typing import Sequence

from converter.model.page import PageFact
from converter.model.text import Line, Removed, removed_line, removed_text
from converter.normalise.page import Normalised
from converter.normalise.region import HEAD_SCAN, starts_text
from converter.patterns import HAN, compiled, pattern
from converter.rules import DATE
from converter.values import iso_date

# The fields of a 政府信息公开 catalogue record.
CATALOGUE_LABELS = (
    "索引号", "统一编号", "登记号", "统一登记号", "信息分类", "主题分类", "组配分类", "体裁分类", "服务对象分类",
    "机构分类", "所属类别", "所属主题", "公开类别", "公开方式", "公开范围", "公开形式", "公开时限", "公开属性",
    "公开主体", "发布机构", "发布单位", "发布机关", "发文机关", "发文机构", "发文单位", "制发机关", "制发单位",
    "发布部门", "生成机构", "文号", "发文字号", "发布文号", "文件编号", "发文编号", "有效性", "有效期",
    "效力状态", "时效性", "是否有效", "效力级别", "主题词", "关键词", "关键字", "文种", "名称", "标题", "信息名称",
    "文件名称", "内容概述", "文件来源", "分类", "类别", "主题",
)
# Date fields: what happened (发布, 成文 …) and whether a day or a time (日期, 时间).
DATE_EVENTS = ("发布", "发文", "成文", "生成", "印发", "公开", "生效", "施行", "实施", "失效", "废止", "更新",
               "发表", "录入", "上传", "撰稿", "签发")
DATE_LABELS = tuple(event + kind for event in DATE_EVENTS for kind in ("日期", "时间"))
# The fields of an article's byline.
BYLINE_LABELS = (
    "来源", "信息来源", "文章来源", "稿件来源", "稿源", "出处", "时间", "日期", "作者", "发布人", "发布者",
    "浏览次数", "浏览量", "浏览", "阅读次数", "阅读量", "阅读数", "阅读", "点击数", "点击量", "点击率", "点击",
    "访问量", "访问次数",
)
LABELS = tuple(sorted(set(CATALOGUE_LABELS + DATE_LABELS + BYLINE_LABELS), key=lambda label: (-len(label), label)))
# A label, letter-spacing allowed between its characters: "索引号", "索 引 号", "文    号" (spaced to align)
LABEL = "|".join(r"\s{0,6}".join(re.escape(ch) for ch in label) for label in LABELS)
# Where a field begins: "索引号：", "【发布单位】", "发布时间:", "索 引 号 ：", or a bare label before a bar, a tab or the line end
FIELD_START = pattern(
    rf"[【\[]\s{{0,2}}(?P<bracketed>{LABEL})\s{{0,2}}[】\]]\s{{0,2}}[:：]?"
    rf"|(?P<label>{LABEL})\s{{0,2}}(?P<colon>[:：])?(?(colon)|(?=\s{{0,3}}[\t|｜]|\s{{2}}|\s{{0,3}}$))",
    "索引号：", "【发布单位】", "发布时间:", "索 引 号 ：", "发布机构\t", "浏览次数",
)
# The characters a field line starts with: a label's first, or a bracket
FIRST_CHARS = frozenset(label[0] for label in LABELS) | {"【", "["}
# What stands between fields on one line: bars, tabs, spaces
BETWEEN = " \t|｜\u3000\u00a0"
# A widget left at the end of a byline: "字号：[大] [中] [小]", "【打印】【关闭】", "【我要打印】"
WIDGET_TAIL = pattern(r"\s{0,3}(?:[\[【(（][^\]】)）]{0,6}(?:字号|字体|打印|关闭|分享|收藏|纠错)"
                      r"|(?:字号|字体|分享到?)\s{0,2}[:：]).{0,80}$",
                      " 字号：[大] [中] [小]", "【打印】", " 【我要打印】【关闭窗口】")
# A byline field in brackets below the text: "（来源：某某日报）", "(作者：王明)"
BRACKETED_BYLINE = pattern(
    rf"[（(【\[]\s{{0,2}}(?P<label>{'|'.join(re.escape(label) for label in BYLINE_LABELS + DATE_LABELS)})"
    r"\s{0,2}[:：]\s{0,2}(?P<value>[^。！？()（）]{1,60})[）)】\]]",
    "（来源：某某日报）", "(作者：王明)",
)
# What a field's label ends with (a column name such as 【通知公告】 ends otherwise): 标题, 类别, 部门, 日期 …
FIELD_NOUNS = ("标题", "名称", "类别", "分类", "部门", "单位", "机关", "机构", "日期", "时间", "字号", "文号", "编号", "索引号",
               "级别", "状态", "性", "来源", "主题", "关键词", "类型", "种类", "范围", "方式", "形式", "地区", "区域", "层级")
FIELD_NOUN = "(?:" + "|".join(FIELD_NOUNS) + ")"
# A database field of a label the tables above do not know, beside fields they know: "【法规类别】地方法规"
GENERIC_FIELD = pattern(rf"[【]\s{{0,2}}(?P<label>[{HAN}]{{1,6}}{FIELD_NOUN})\s{{0,2}}[】]\s{{0,2}}[:：]?\s{{0,2}}"
                        rf"(?P<value>[^【】。！？]{{1,80}})", "【法规类别】地方法规")
# … and such a label before a colon, at a line's start or after a gap, beside fields the tables know:
# "信息索引号：00249-2024-00031", "公文种类：通知", "…办公室　　文件状态：现行有效"
GENERIC_START = pattern(rf"(?P<label>[{HAN}]{{1,6}}{FIELD_NOUN})\s{{0,2}}(?P<colon>[:：])",
                        "信息索引号：", "公文种类：", "文件状态：")
# How far from where GENERIC_START is tried its colon stands at most: 6 characters and the longest noun,
# 2 white spaces, the colon
GENERIC_REACH = 6 + max(len(noun) for noun in FIELD_NOUNS) + 2 + 1
# A date (and time) printed before a byline's fields: "2024年03月05日08:20 | 来源：某某网"
LEADING_DATE = pattern(r"\d{4}\s{0,2}[-/.年]\s{0,2}\d{1,2}\s{0,2}[-/.月]\s{0,2}\d{1,2}\s{0,2}日?"
                       r"(?:\s{0,3}\d{1,2}\s{0,1}[:：]\s{0,1}\d{2}(?:\s{0,1}[:：]\s{0,1}\d{2})?)?\s{0,3}[|｜]?\s{0,3}",
                       "2024年03月05日08:20 | ", "2024-03-05 ")
# Labels a document may print in its own head (a 纪要's 时间：…): facts only on a page that shows it is a website's.
WEAK_LABELS = frozenset({"时间", "日期", "名称", "标题", "主题", "分类", "类别"})
# Labels whose value is a date or nothing ("时间：2024年3月5日上午9时" is a meeting's time, not a byline's).
DATE_ONLY = frozenset({"时间", "日期"})
# A value is no sentence and not long.
VALUE_MAX = 80
VALUE_TEXT = pattern(r"[。！？!?；]", "。")
# A date value: 2024-03-05, 2024/3/5, 2024.03.05 (a time may follow: 2024-07-22 07:20:29)
NUMERIC_DATE = pattern(r"(?P<y>\d{4})\s{0,2}[-/.]\s{0,2}(?P<m>\d{1,2})\s{0,2}[-/.]\s{0,2}(?P<d>\d{1,2})",
                       "2024-03-05", "2024/3/5")
# The time after a date: " 07:20:29", " 09:30"
TIME_OF_DAY = pattern(r"\s{0,3}\d{1,2}\s{0,1}[:：]\s{0,1}\d{2}(?:\s{0,1}[:：]\s{0,1}\d{2})?", " 07:20:29")
# A markdown table's separator row between catalogue rows: "|---|---|"
TABLE_RULE = pattern(r"\|?\s{0,3}:?-{3,}:?\s{0,3}(?:\|\s{0,3}:?-{3,}:?\s{0,3}){0,20}\|?", "|---|---|")
# A cell of a row of values: text between tabs or bars ("001/2024-00005⇥某某县人民政府⇥2024-03-05")
ROW_CELL = pattern(r"[^\t|｜\s][^\t|｜]*?(?=\s*(?:[\t|｜]|$))", "某某县人民政府")
# A value on the line under its label is short and holds no sentence.
VALUE_LINE_MAX = 60
# A catalogue block outside the head stands within this many last lines of the page (a record printed below the text),
FOOT_SCAN = 40
# and holds this many field lines in a row, with this many catalogue labels.
BLOCK_LINES_MIN = 2
BLOCK_LABELS_MIN = 2


def date_value(value: str) -> str | None:
    """The ISO date when a whole value is a date (a time after it allowed): 2024-07-22 07:20:29 → 2024-07-22."""
    value = value.strip()
    for date in (NUMERIC_DATE, DATE):
        m = date.match(value)
        if m is None:
            continue
        rest = value[m.end():]
        if rest.strip() and not TIME_OF_DAY.fullmatch(rest):
            return None
        if date is DATE:
            return iso_date(m)
        try:
            return datetime.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
        except ValueError:
            return None
    return None


def may_start_generic(text: str, at: int) -> bool:
    """False when GENERIC_START cannot match at `at` (most lines): no colon within its reach."""
    head = text[at:at + GENERIC_REACH]
    return "：" in head or ":" in head


def field_starts(text: str, generic: bool = False) -> list[re.Match[str]]:
    """The fields that begin in a line: a label without a colon only where a cell begins.

    A label the tables do not know begins a field where a cell begins and a colon
    follows it, in a line that holds a known one (or when `generic`).
    """
    found = []
    for m in FIELD_START.finditer(text):
        bare = m.group("label") is not None and m.group("colon") is None
        if bare and m.start() > 0 and text[m.start() - 1] not in BETWEEN:
            continue
        found.append(m)
    if found or generic:
        for m in GENERIC_START.finditer(text):
            if m.start() > 0 and text[m.start() - 1] not in BETWEEN:
                continue
            # a known label at the end of a longer one ("信息索引号：") is that one's
            found = [k for k in found if not m.start() < k.start() < m.end()]
            if not any(k.start() < m.end() and m.start() < k.end() for k in found):
                found.append(m)
        found.sort(key=lambda m: m.start())
    return found


def line_fields(line: Line, generic: bool = False) -> tuple[list[PageFact], list[Removed]] | None:
    """The facts of a line made of fields from end to end, and any widget left in it; None for another line.

    With `generic`, a line of labels the tables do not know is fields too.
    """
    text = line.text
    lead = len(text) - len(text.lstrip(BETWEEN))
    dated = LEADING_DATE.match(text, lead) if text[lead:lead + 1].isdigit() else None
    if dated and dated.end() < len(text):
        lead = dated.end()
    known = text[lead:lead + 1] in FIRST_CHARS and FIELD_START.match(text, lead)
    if not known and not (may_start_generic(text, lead) and GENERIC_START.match(text, lead)):
        return None                          # the quick test: a field line starts with a label
    starts = field_starts(text, generic)
    if not generic and not any(m.re is compiled(FIELD_START) for m in starts):
        return None                          # labels the tables do not know alone: not here
    if not starts or text[:starts[0].start()].strip(BETWEEN) and not dated:
        return None
    if dated and starts[0].start() != lead:
        return None
    facts: list[PageFact] = []
    chrome: list[Removed] = []
    if dated:                                # no label says what this date is: chrome, not a fact
        chrome.extend(removed_text("web-chrome", line, dated.start(), dated.end(), BETWEEN))
    for k, m in enumerate(starts):
        end = starts[k + 1].start() if k + 1 < len(starts) else len(text)
        value = text[m.end():end]
        widget = WIDGET_TAIL.search(value)
        if widget:
            chrome.extend(removed_text("web-chrome", line, m.end() + widget.start(), end, BETWEEN))
            end -= len(value) - widget.start()
            value = value[:widget.start()]
        value = value.strip(BETWEEN)
        if len(value) > VALUE_MAX or VALUE_TEXT.search(value) or "\t" in value:
            return None                      # a value of several cells: a table's row (类别 ⇥ 序号 ⇥ 项目名称)
        label = m.groupdict().get("bracketed") or m.group("label")
        if re.sub(r"\s", "", label) in DATE_ONLY and value and date_value(value) is None:
            return None
        facts.append(PageFact(re.sub(r"\s", "", label), line.line_at(m.start()), text[m.start():end].strip(BETWEEN),
                              date_value(value)))
    return facts, chrome


def label_only(line: Line, facts: list[PageFact]) -> bool:
    """A line that is one label with no value ("索引号：", "发布机构")."""
    return len(facts) == 1 and facts[0].text == line.text.strip(BETWEEN) and not value_of(facts[0])


def value_of(fact: PageFact) -> str:
    return FIELD_START.sub("", fact.text, count=1).strip(BETWEEN)


def value_line(line: Line) -> bool:
    """A line that can be the value printed under a label: short, no sentence, no field of its own."""
    text = line.text
    return (len(text) <= VALUE_LINE_MAX and not VALUE_TEXT.search(text) and not starts_text(text)
            and line_fields(line) is None)


def value_below(lines: Sequence[Line], i: int, layout_below: bool) -> bool:
    """Whether the label alone on line i has its value on the next line, or is empty.

    A record prints its values under their labels throughout, or not at all: beside
    pairs on one line, an empty field ("主题词：") is empty, and the line after it (the
    document's title) is no value. So the next line is the value when the field above
    was printed so, when another field follows it, or when it is a date.
    """
    if i + 1 >= len(lines) or not value_line(lines[i + 1]):
        return False
    return (layout_below or (i + 2 < len(lines) and line_fields(lines[i + 2]) is not None)
            or date_value(lines[i + 1].text) is not None)


def value_row(lines: Sequence[Line], i: int, facts: list[PageFact]) -> tuple[list[PageFact], int] | None:
    """A table whose first row is labels alone ("索引号⇥发布机构⇥发布日期") and whose next row (a
    markdown table's rule between) holds as many values: one fact a value, named by the label
    above it, and the values' line index; None for another layout."""
    j = i + 1
    if j < len(lines) and TABLE_RULE.fullmatch(lines[j].text):
        j += 1
    if len(facts) < 2 or any(value_of(fact) for fact in facts) or j >= len(lines):
        return None
    below = lines[j]
    if line_fields(below) is not None:
        return None
    cells = [m for m in ROW_CELL.finditer(below.text)]
    if len(cells) != len(facts) or any(len(m.group()) > VALUE_MAX or VALUE_TEXT.search(m.group()) for m in cells):
        return None
    return [PageFact(fact.name, below.line_at(m.start()), m.group(), date_value(m.group()))
            for fact, m in zip(facts, cells)], j


def take_facts(page: Normalised) -> Normalised:
    """Move the page's catalogue and byline fields out of its lines into its page record."""
    lines = page.lines
    found: list[tuple[tuple[int, ...], list[PageFact], list[Removed]]] = []   # (line indexes, facts, chrome)
    i = 0
    while i < min(len(lines), HEAD_SCAN):
        parsed = line_fields(lines[i])
        if parsed is not None:
            facts, widgets = parsed
            row = value_row(lines, i, facts)
            if row is not None:
                # a row of labels over a row of values: the values are the facts, the labels' row chrome
                columns, j = row
                marks = removed_text("web-chrome", lines[i], 0, len(lines[i].text), BETWEEN)
                marks += [item for k in range(i + 1, j) for item in removed_line("markup", lines[k], lines[k].text)]
                found.append((tuple(range(i, j + 1)), columns, marks))
                i = j + 1
                continue
            if label_only(lines[i], facts) and value_below(lines, i, bool(found) and len(found[-1][0]) == 2):
                value = lines[i + 1].text.strip(BETWEEN)
                # a label without its colon ("索引号" over a cell of its own) stays apart from its value
                text = facts[0].text + ("" if facts[0].text.endswith((":", "：")) else " ") + value
                found.append(((i, i + 1), [replace(facts[0], text=text, value=date_value(value))], []))
                i += 2
                continue
            found.append(((i,), facts, widgets))
        elif TABLE_RULE.fullmatch(lines[i].text) and found and found[-1][0][-1] == i - 1:
            found.append(((i,), [], removed_line("markup", lines[i], lines[i].text)))
        elif starts_text(lines[i].text):
            break
        i += 1
    if not (page.web_chrome or page.html or any(fact.name not in WEAK_LABELS for _, facts, _ in found for fact in facts)):
        found = []                           # 时间：… alone on a page with nothing else of a website: the document's
    taken: dict[int, list[PageFact]] = {}
    chrome: list[Removed] = []
    for indexes, facts, widgets in found:
        taken[indexes[0]] = facts
        taken.update((k, []) for k in indexes[1:])
        chrome.extend(widgets)
    if taken:
        taken.update(unknown_fields(lines, i, taken))
    foot = max(i, len(lines) - FOOT_SCAN)
    taken.update(catalogue_blocks(lines, foot))
    taken.update(foot_bylines(lines, foot, taken))
    if not taken:
        return page
    kept = tuple(line for k, line in enumerate(lines) if k not in taken)
    record = tuple(fact for k in sorted(taken) for fact in taken[k])
    # the markup taken out of a line read as a fact or chrome: the residue holds it as it holds a kept line's
    markup = tuple(item for k in sorted(taken) for item in lines[k].markup)
    return replace(page, lines=kept, residue=page.residue + tuple(chrome) + markup, facts=page.facts + record,
                   web_chrome=True)


def unknown_fields(lines: Sequence[Line], end: int, taken: dict[int, list[PageFact]]) -> dict[int, list[PageFact]]:
    """Fields of labels the tables do not know (【label】value, label：value), in the head next to field lines."""
    found: dict[int, list[PageFact]] = {}
    grew = True
    while grew:
        grew = False
        for k in range(end):
            if k in taken or k in found:
                continue
            if not any(j in taken or j in found for j in (k - 1, k + 1)):
                continue
            m = GENERIC_FIELD.fullmatch(lines[k].text.strip(BETWEEN))
            parsed = line_fields(lines[k], generic=True) if m is None else None
            if m:
                found[k] = [PageFact(m.group("label"), lines[k].n, lines[k].text.strip(BETWEEN), date_value(m.group("value")))]
                grew = True
            elif parsed is not None and not parsed[1]:
                found[k] = parsed[0]
                grew = True
    return found


def foot_bylines(lines: Sequence[Line], start: int, taken: dict[int, list[PageFact]]) -> dict[int, list[PageFact]]:
    """A byline field in brackets on its own line below the text: "（来源：某某日报）", "(作者：王明)"."""
    found: dict[int, list[PageFact]] = {}
    for k in range(start, len(lines)):
        m = BRACKETED_BYLINE.fullmatch(lines[k].text) if k not in taken else None
        if m:
            label = re.sub(r"\s", "", m.group("label"))
            found[k] = [PageFact(label, lines[k].n, lines[k].text.strip(), date_value(m.group("value")))]
    return found


def catalogue_blocks(lines: Sequence[Line], start: int) -> dict[int, list[PageFact]]:
    """Blocks of catalogue lines from `start` on: two lines of fields in a row at least, two catalogue labels."""
    found: dict[int, list[PageFact]] = {}
    run: dict[int, list[PageFact]] = {}
    for k in range(start, len(lines) + 1):
        parsed = line_fields(lines[k]) if k < len(lines) and "\t" not in lines[k].text[:1] else None
        if parsed is not None and not parsed[1]:
            run[k] = parsed[0]
            continue
        # (the labels counted only for a run long enough: most lines end a run of none)
        if len(run) >= BLOCK_LINES_MIN and len({fact.name for facts in run.values() for fact in facts
                                                if fact.name in CATALOGUE_LABELS}) >= BLOCK_LABELS_MIN:
            found.update(run)
        run = {}
    return found
