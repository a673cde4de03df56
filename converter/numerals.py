"""Chinese numerals as documents print them in numbering and dates: 一 … 九千九百九十九.

One function, `cn_number`, reads every numeral a 公文 prints before 、 or
between 第 and 条: the ten digits (零 written 〇, ○ or Ｏ as well), 两
before 百 or 千, 十 standing alone (十二) or after a digit (二十), and 零 for
the units a number skips (一百零九, 一千零一十一). Arabic digits, full-width
ones included, are read as they are. Anything else — two digits in a row
(一二, which is a year's way of writing), a unit out of order (一百二千), a
digit left hanging after 百 or 千 (一百五, which speech reads as 150 and
numbering never prints) — is no number: `None`, so the caller can keep the
line as text and say so.
"""

from __future__ import annotations

import functools

# The digits; 两 counts only before 百 and 千 (两百, 两千), never as the units digit.
DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "０": 0, "一": 1, "二": 2, "两": 2, "三": 3,
          "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# The units, largest last printed first: 九千九百九十九
UNITS = {"十": 10, "百": 100, "千": 1000}
# The characters of a Chinese numeral (for patterns: a numbering numeral is made of these).
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)


# (cached: a pure function of a str, asked again for the same few numerals at every numbered line, by the
# parser and the look-aheads over the lines below; bounded, so a hostile input cannot grow it)
@functools.lru_cache(maxsize=4096)
def cn_number(text: str) -> int | None:
    """The value of a printed numeral, or None when it is no well-formed number.

    一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 一百一十一 → 111, 一百零九 → 109,
    两百 → 200, 一千零一十一 → 1011, 九千九百九十九 → 9999, ２４ → 24.
    """
    text = text.strip()
    if not text:
        return None
    if text.isdecimal():
        return int(text)
    total = 0
    digit: int | None = None      # a digit read and not yet multiplied by a unit
    digit_char = ""
    below = 10_000                # every unit must be smaller than the one before it
    zero = False                  # a 零 stands for units skipped: a digit or unit must follow
    for ch in text:
        if ch in UNITS:
            unit = UNITS[ch]
            if unit >= below or zero and digit is None:
                return None
            if digit is None:
                if unit != 10:
                    return None    # 百 and 千 always carry their digit: 一百, never 百
                digit = 1          # 十二, 一百十二: 十 alone is one ten
            elif digit == 0 or (digit_char == "两" and unit == 10):
                return None
            total += digit * unit
            below, digit, digit_char, zero = unit, None, "", False
        elif ch in DIGITS:
            value = DIGITS[ch]
            if digit is not None:
                return None        # two digits in a row: 一二 is no number
            if value == 0:
                if total == 0 or zero:
                    return None    # 零 only after a unit, and once
                zero = True
                continue
            digit, digit_char = value, ch
        else:
            return None
    if zero:
        if digit is None:
            return None            # a trailing 零: 一百零
        zero = False
    elif digit is not None and below > 10 and total:
        return None                # 一百五: a hanging digit after 百 or 千 is speech, not numbering
    if digit is not None:
        if digit_char == "两":
            return None            # 两 is never the units digit
        total += digit
    return total
