"""Normalised values: the numbers and dates that go into attributes."""

from __future__ import annotations

import datetime
import re

from converter.numerals import cn_number

CN_DIGIT_VALUE = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "０": 0, "一": 1, "二": 2, "两": 2, "三": 3,
                  "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

__all__ = ["cn_number", "iso_date", "year_value"]


# The digits of a year printed in Chinese numerals: 二〇二三, 二○二三, 二OO三 (a Latin O), 二零零五, 二0二四
YEAR_DIGIT_VALUE = {**CN_DIGIT_VALUE, "◯": 0, "O": 0, "0": 0}


def year_value(text: str) -> int | None:
    """2023, ２０２３, 二〇二三, 二OO三 or 二零零五 → the year."""
    text = text.strip()
    if text.isdecimal() and text.isascii():
        return int(text)
    digits = [YEAR_DIGIT_VALUE.get(ch, int(ch) if ch.isdecimal() else None) for ch in text]
    if None in digits:
        return None
    return int("".join(str(d) for d in digits))


def iso_date(match: re.Match[str]) -> str | None:
    """ISO yyyy-mm-dd of a rules.DATE match, or None when it is no real date."""
    year = year_value(match.group("y"))
    month = cn_number(match.group("m"))
    day = cn_number(match.group("d"))
    if year is None or month is None or day is None:
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None
