"""Working days: chinese-calendar's official data, the clerk's own entries, else weekends.

chinese-calendar ships data only for the years it knows (it raises for later years until
updated). For those years the calendar falls back to plain weekends and says so, unless the
clerk entered the State Council's announcement for that year (stored in the workspace).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

WEEKDAY_NAMES = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")

_HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


@dataclass(frozen=True, slots=True)
class DayOverride:
    """A day the clerk entered: a holiday (is_workday False) or a make-up workday (True)."""

    day: date
    is_workday: bool
    name: str = ""


@lru_cache(maxsize=4096)
def _official(day: date) -> tuple[bool, str] | None:
    """(is_workday, holiday name) from chinese-calendar, or None when it has no data."""
    try:
        import chinese_calendar
    except ImportError:  # pragma: no cover - it is a hard dependency
        return None
    try:
        on_holiday, holiday = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return None
    name = _HOLIDAY_NAMES.get(str(holiday), str(holiday)) if holiday else ""
    return (not on_holiday, name)


@dataclass(frozen=True)
class DayInfo:
    day: date
    is_workday: bool
    name: str  # holiday name, 调休上班, or the weekday
    source: str  # "official", "workspace" or "weekend"

    @property
    def is_off_day(self) -> bool:
        return not self.is_workday

    @property
    def note(self) -> str:
        """Why a deadline on this day deserves a flag ('' for an ordinary workday)."""
        if self.is_workday:
            return "调休上班日" if self.day.weekday() >= 5 else ""
        return self.name or WEEKDAY_NAMES[self.day.weekday()]


@dataclass(frozen=True)
class WorkCalendar:
    """Answers 'is this a working day', preferring the clerk's entries over the library."""

    overrides: Mapping[date, DayOverride] = field(default_factory=dict)

    def info(self, day: date) -> DayInfo:
        own = self.overrides.get(day)
        if own is not None:
            label = own.name or ("调休上班" if own.is_workday else "节假日")
            return DayInfo(day, own.is_workday, label, "workspace")
        official = _official(day)
        if official is not None:
            is_workday, name = official
            if not is_workday and not name:
                name = WEEKDAY_NAMES[day.weekday()]
            if is_workday and day.weekday() >= 5:
                name = "调休上班"
            return DayInfo(day, is_workday, name, "official")
        weekend = day.weekday() >= 5
        return DayInfo(day, not weekend, WEEKDAY_NAMES[day.weekday()] if weekend else "", "weekend")

    def is_workday(self, day: date) -> bool:
        return self.info(day).is_workday

    def knows_year(self, year: int) -> bool:
        """True when holidays for ``year`` come from real data, not the weekend fallback."""
        if any(d.year == year for d in self.overrides):
            return True
        return _official(date(year, 6, 1)) is not None

    def fallback_note(self, year: int) -> str:
        if self.knows_year(year):
            return ""
        return f"{year}年节假日数据缺失，暂按周末计算；可在“节假日”中录入国务院公布的安排。"

    def workdays_between(self, start: date, end: date) -> int:
        """Working days d with start <= d <= end (0 when end < start)."""
        count = 0
        day = start
        while day <= end:
            if self.is_workday(day):
                count += 1
            day += timedelta(days=1)
        return count

    def add_workdays(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (``start`` itself not counted)."""
        day = start
        while n > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                n -= 1
        return day
