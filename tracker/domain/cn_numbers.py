"""Numbers as Chinese documents write them: 二〇二一, 二十六, 三千余, 1.2万, 2千余.

Pure text → numbers, shared by the notice reader (dates) and the key-figure reader.
"""

from __future__ import annotations

import re

_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "O": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CN_DIGIT_CHARS = "".join(_DIGITS)
CN_NUMBER_CHARS = CN_DIGIT_CHARS + "十百千万亿"
# A number as written in running text: Arabic (with , or . inside) or Chinese numerals,
# optionally followed by 万/千 as a multiplier ("1.2万", "2千").
NUMBER_PATTERN = rf"(?:\d[\d,，]*(?:\.\d+)?\s*[万千]?|[{CN_NUMBER_CHARS}]+)"


def cn_digits(text: str) -> int | None:
    """Digit-by-digit numerals as years are written: 二〇二一 → 2021."""
    if not text or any(ch not in _DIGITS for ch in text):
        return None
    return int("".join(str(_DIGITS[ch]) for ch in text))


def cn_integer(text: str) -> int | None:
    """Positional numerals: 二十六 → 26, 十 → 10, 三千五百 → 3500, 一万二千 → 12000."""
    if not text:
        return None
    if all(ch in _DIGITS for ch in text):
        return cn_digits(text)
    total = section = digit = 0
    seen_digit = False
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
            seen_digit = True
        elif ch in _SMALL_UNITS:
            section += (digit if seen_digit else 1) * _SMALL_UNITS[ch]
            digit, seen_digit = 0, False
        elif ch in _BIG_UNITS:
            total += (section + digit) * _BIG_UNITS[ch]
            section = digit = 0
            seen_digit = False
        else:
            return None
    return total + section + digit


def parse_number(text: str) -> float | None:
    """Any one number of :data:`NUMBER_PATTERN`: ``1.2万`` → 12000, ``2千`` → 2000,
    ``三千`` → 3000, ``9,200`` → 9200. None when it is not a number."""
    text = re.sub(r"\s+", "", text).replace("，", ",")
    if not text:
        return None
    if text[0].isdigit():
        factor = 1
        if text[-1] in "万千":
            factor = 10_000 if text[-1] == "万" else 1000
            text = text[:-1]
        try:
            return float(text.replace(",", "")) * factor
        except ValueError:
            return None
    value = cn_integer(text)
    return float(value) if value is not None else None


def small_number(text: str) -> int | None:
    """A month or day number: Arabic or Chinese (``十二``, ``二十六``, ``三十一``)."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    return cn_integer(text)
