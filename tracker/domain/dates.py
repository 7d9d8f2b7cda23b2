"""Reading the dates clerks write, and writing them as Chinese documents do (2023年6月27日)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from tracker.domain.errors import ValidationError

_FULL = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$")
_TRAILING = ("之前", "以前", "前")
# Dates a person types: a deadline, a day received, an extension, a replay day. Outside this a
# date is a typo (3023, 1923, 9999-12-31), and working-day arithmetic over centuries would spin.
EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)


def format_cn(day: date | None) -> str:
    """``2023年6月27日`` — full year, no zero padding, as GB/T 9704 asks."""
    if day is None:
        return ""
    return f"{day.year}年{day.month}月{day.day}日"


def format_cn_short(day: date | None) -> str:
    """``6月27日`` for tables where the year is obvious from context."""
    if day is None:
        return ""
    return f"{day.month}月{day.day}日"


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip()
    for suffix in _TRAILING:
        if text.endswith(suffix):
            text = text[: -len(suffix)].strip()
    return text


def _build(year: int, month: int, day: int, original: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(f"日期“{original}”不存在，请检查年月日") from None


def check_range(day: date, what: str = "日期") -> date:
    """``day`` itself, or a ValidationError when it lies outside 2000–2100."""
    if not EARLIEST <= day <= LATEST:
        raise ValidationError(
            f"{what} {format_cn(day)} 的年份不合理（应在 {EARLIEST.year}年至{LATEST.year}年之间），"
            "请检查"
        )
    return day


def parse_date(value: object, *, default_year: int | None = None) -> date:
    """Parse ``2023-06-27``, ``2023年6月27日``, ``2023.6.27``, ``2023/06/27``, ``20230627``,
    ``6月27日`` (with ``default_year``), or a date/datetime object — within 2000–2100.

    A trailing 前 ("10月27日前" = by the end of 27 October) is accepted and ignored.
    """
    if isinstance(value, datetime):
        return check_range(value.date())
    if isinstance(value, date):
        return check_range(value)
    return check_range(_parse_text(value, default_year))


def _parse_text(value: object, default_year: int | None) -> date:
    original = str(value)
    text = _clean(original)
    match = _FULL.match(text) or _COMPACT.match(text)
    if match:
        return _build(int(match[1]), int(match[2]), int(match[3]), original.strip())
    match = _MONTH_DAY.match(text)
    if match and default_year is not None:
        return _build(default_year, int(match[1]), int(match[2]), original.strip())
    if match:
        raise ValidationError(f"日期“{original.strip()}”缺少年份，请写成 2023年6月27日 的形式")
    raise ValidationError(
        f"无法识别的日期“{original.strip()}”，请写成 2023-06-27 或 2023年6月27日 的形式"
    )


def try_parse_date(value: object, *, default_year: int | None = None) -> date | None:
    try:
        return parse_date(value, default_year=default_year)
    except ValidationError:
        return None
