"""Reading what clerks write in the cells of an old Excel ledger: dates, ✓, √, 已报, 免报 …

A cell either says something arrived (with or without a date), says nothing arrived, says the
unit was exempted, or cannot be read — never guessed silently.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from tracker.domain.dates import EARLIEST, LATEST, try_parse_date

TICKS = frozenset(
    {"✓", "✔", "√", "☑", "○", "●", "◎", "★", "v", "V", "y", "Y", "1", "是", "有", "ok", "OK"}
    | {"已", "报", "收", "交", "已报", "已交", "已收", "已报送", "已提交", "已上报", "已收到"}
    | {"收到", "报送", "上报", "提交"}
)
BLANKS = frozenset(
    {"-", "—", "–", "－", "/", "\\", "无", "否", "没有", "×", "✗", "✘", "x", "X", "0"}
    | {"未报", "未交", "未收", "未报送"}
)
EXEMPT_WORDS = frozenset(("免报", "免", "免交", "不需报送", "无需报送", "不用报", "不需要"))
_DATE_IN_TEXT = re.compile(
    r"(\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?|\d{1,2}\s*[./月]\s*\d{1,2}\s*日?)"
)


class MarkKind(enum.Enum):
    RECEIVED = "received"
    NOTHING = "nothing"
    EXEMPT = "exempt"
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class Mark:
    kind: MarkKind
    day: date | None = None  # the day written in the cell, when there is one
    text: str = ""  # the cell as the clerk wrote it

    @property
    def has_content(self) -> bool:
        return self.kind is not MarkKind.NOTHING


NOTHING = Mark(MarkKind.NOTHING)


def year_near(month: int, day: int, near: date) -> date | None:
    """``month``/``day`` in the year that puts it closest to ``near`` (a deadline): a ledger
    column for a January deadline may hold 12月28日 of the year before."""
    candidates = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - near).days), default=None)


def _text_date(text: str, near: date) -> date | None:
    parsed = try_parse_date(text)
    if parsed is not None:
        return parsed
    match = re.fullmatch(r"(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?", text)
    return year_near(int(match[1]), int(match[2]), near) if match else None


def _number(value: float, near: date) -> Mark:
    text = repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, int) or value.is_integer():
        whole = int(value)
        if whole in (0, 1):
            return NOTHING if whole == 0 else Mark(MarkKind.RECEIVED, None, text)
        day = try_parse_date(str(whole))  # 20230625
        return Mark(MarkKind.RECEIVED, day, text) if day else Mark(MarkKind.UNREADABLE, None, text)
    month, _, rest = text.partition(".")  # 6.25 typed into a number cell: 6月25日
    day = year_near(int(month), int(rest), near) if len(rest) <= 2 else None
    return Mark(MarkKind.RECEIVED, day, text) if day else Mark(MarkKind.UNREADABLE, None, text)


def read_mark(value: object, near: date) -> Mark:
    """What one cell says; ``near`` (the deadline) supplies the year of 6月25日 or 6.25."""
    if value is None:
        return NOTHING
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):  # a real Excel date; 1900-01-00 or 9999-12-31 is a typo
        kind = MarkKind.RECEIVED if EARLIEST <= value <= LATEST else MarkKind.UNREADABLE
        return Mark(kind, value if kind is MarkKind.RECEIVED else None, value.isoformat())
    if isinstance(value, bool):
        return Mark(MarkKind.RECEIVED, None, "TRUE") if value else NOTHING
    if isinstance(value, int | float):
        return _number(value, near)
    return _read_text(str(value), near)


def _read_text(original: str, near: date) -> Mark:
    text = unicodedata.normalize("NFKC", original).strip()
    squeezed = re.sub(r"\s+", "", text)
    if not squeezed or squeezed in BLANKS:
        return NOTHING
    if squeezed in EXEMPT_WORDS:
        return Mark(MarkKind.EXEMPT, None, original)
    if squeezed in TICKS:
        return Mark(MarkKind.RECEIVED, None, original)
    whole = _text_date(squeezed, near)
    if whole is not None:
        return Mark(MarkKind.RECEIVED, whole, original)
    match = _DATE_IN_TEXT.search(squeezed)  # 已报6.25, ✓6月25日, 6.25报送
    if match:
        rest = (squeezed[: match.start()] + squeezed[match.end() :]).strip("()（）,，;；:：")
        day = _text_date(match[0], near)
        if day is not None and (not rest or rest in TICKS):
            return Mark(MarkKind.RECEIVED, day, original)
    return Mark(MarkKind.UNREADABLE, None, original)
