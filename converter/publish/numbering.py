"""The value of a printed number: 一、 （三） 12. 第二十七条 ② → 1, 3, 12, 27, 2.

Identifiers (Akoma Ntoso eIds) are built from these values so that they are
ASCII and stable: a CJK numeral is never copied into one.
"""

from __future__ import annotations

import re
import unicodedata

from converter.patterns import pattern

# CJK digits as printed in 公文 (lower and upper case, and the zeros OCR reads: 〇 ○ 零).
CJK_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
              "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
              "九": 9, "玖": 9}
CJK_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# The numeral inside a printed number: 第 … 章/节/条/编/款/项 and any brackets or closing punctuation
# around it: 第二十七条 → 二十七, （一） → 一, 3. → 3, 1、 → 1, ［2］ → 2.
NUMERAL = pattern(r"^[\s(（［\[〔【]*第?\s*(?P<numeral>[^\s()（）［］\[\]〔〕【】、.．,，:：章节条编款项]+)", "第三章", "（一）", "12.")
# A regulation's structural word after 第X: which Akoma Ntoso element the division is.
DIVISION_WORD = pattern(r"第\s*[^\s章节条编款]+\s*(?P<word>[编章节条款])", "第二十七条")


def value(num: str) -> int | None:
    """The value of a printed number, or None when it holds no numeral gongwen can read."""
    m = NUMERAL.match(num.strip())
    if not m:
        return None
    return numeral_value(m.group("numeral"))


def numeral_value(numeral: str) -> int | None:
    """12, １２, 十二, 一二 (positional), ⑫ → 12; None for anything else."""
    if all(ch.isdigit() for ch in numeral):
        if len(numeral) == 1 and not numeral.isdecimal():
            return int(unicodedata.numeric(numeral))      # ① ⑫: circled and other digit forms
        return int("".join(str(unicodedata.digit(ch)) for ch in numeral)) if numeral.isdecimal() else None
    if len(numeral) == 1 and unicodedata.category(numeral) == "No":
        return int(unicodedata.numeric(numeral))          # ⑳ and the like
    if not all(ch in CJK_DIGITS or ch in CJK_UNITS for ch in numeral):
        return None
    if not any(ch in CJK_UNITS for ch in numeral):
        # 一九五五: digits read one by one
        return int("".join(str(CJK_DIGITS[ch]) for ch in numeral))
    total, digit = 0, None
    for ch in numeral:
        if ch in CJK_DIGITS:
            digit = CJK_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * CJK_UNITS[ch]
            digit = None
    return total + (digit or 0)


def division(num: str) -> str | None:
    """The structural word of a printed regulation number: 第三章 → 章, 第五条 → 条; None for 一、 （一） 1."""
    m = DIVISION_WORD.match(num.strip())
    return m.group("word") if m else None
