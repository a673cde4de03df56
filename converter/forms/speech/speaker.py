"""The speaker of a report or a speech: role and name, on one line or on two.

    县 长 王 明                  role 县长, name 王明 (letter-spaced)
    某某县人民政府县长 王明        the organ before the role word
    代理市长李华                  no space between role and name
    国务院总理                    the role on its line …
    李克强                        … and the name on the next
    王 明                         a name alone
    艾尔肯·吐尼亚孜               a name with a middle dot
"""

from __future__ import annotations

from converter.model.document import Author
from converter.model.text import Line, Span, collapse, whole
from converter.patterns import HAN, pattern

# The role words of those who deliver a report or a speech, with 代 / 代理 / 副 before them:
# 省长 市长 区长 县长 州长 盟长 旗长, 主席 (自治区人民政府主席), 总理, 委员长, 院长, 检察长, 主任 …
ROLE = pattern(r"(?:代理|代|常务副|副|执行)?(?:总理|委员长|主席|检察长|秘书长|主任|书记|[省市区县州盟旗镇乡厅局部院]长)",
               "省长", "代省长", "代理市长", "主席", "总理", "盟长", "旗长", "州长", "检察长")
# A person's name: two to four characters, or names joined by a middle dot (艾尔肯·吐尼亚孜)
NAME = pattern(rf"[{HAN}]{{2,4}}|[{HAN}]{{1,10}}(?:[·•・‧.．][{HAN}]{{1,10}}){{1,3}}", "王明", "艾尔肯·吐尼亚孜")
# A speaker line, letter-spacing collapsed: the printed role (an organ, then the role word), then
# the name or nothing (the name on the next line): "某某县人民政府县长王明", "国务院总理"
ROLE_LINE = pattern(rf"(?P<role>[^，。；：,;:！？!?\s“”《》]{{0,30}}?(?:{ROLE.pattern}))(?P<name>{NAME.pattern})?",
                    "某某县人民政府县长王明", "国务院总理", "区长刘润长")
# The longest speaker line.
SPEAKER_MAX = 40


def role_line(text: str) -> tuple[str, str, str | None] | None:
    """(printed role, role word, name or None) of a speaker line, or None."""
    text = collapse(text)
    if len(text) > SPEAKER_MAX:
        return None
    m = ROLE_LINE.fullmatch(text)
    if not m:
        return None
    role = m.group("role")
    words = list(ROLE.finditer(role))
    # the office the text is given in: the last of a list (市委副书记、市长 → 市长), but the one an
    # office held beside it is joined to (副总理兼国家计划委员会主任 → 副总理)
    concurrent = role.find("兼")
    before = [w for w in words if w.end() <= concurrent] if concurrent > 0 else []
    return role, (before or words)[-1].group(), m.group("name")


def is_name(text: str) -> bool:
    return NAME.fullmatch(collapse(text)) is not None


def speaker_on(line: Line, start: int = 0) -> Author | None:
    """The speaker printed on one line from `start`: role and name, or a name alone."""
    span = Span(line, start, len(line.text))
    found = role_line(span.text)
    if found is not None:
        role, word, name = found
        if name is None:
            return None
        return Author(span, role, word, name, 0)
    if is_name(span.text):
        return Author(span, "", None, collapse(span.text), 0)
    return None


def role_only(line: Line) -> tuple[str, str] | None:
    """The printed role and role word of a line that holds a role and no name (国务院总理)."""
    found = role_line(line.text)
    if found is None or found[2] is not None:
        return None
    return found[0], found[1]


def speaker_on_two(role_line_: Line, name_line: Line) -> Author | None:
    """The role on one line, the name on the next: 国务院总理 / 李克强."""
    role = role_only(role_line_)
    if role is None or not is_name(name_line.text):
        return None
    return Author(whole(role_line_), role[0], role[1], collapse(name_line.text), 0)
