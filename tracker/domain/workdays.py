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


# Statutory holidays fixed to the solar calendar (国务院《全国年节及纪念日放假办法》): known
# for every year, even one whose announcement (bridges, make-up days, 春节) is not entered yet.
FIXED_HOLIDAYS: dict[tuple[int, int], str] = {
    (1, 1): "元旦",
    (5, 1): "劳动节",
    (10, 1): "国庆节",
    (10, 2): "国庆节",
    (10, 3): "国庆节",
}
HOLIDAY_ENTRY_HINT = "用“tracker holidays {year} --import 文件”或在 工具 ▸ 设置 ▸ 节假日 中录入"


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


@dataclass(frozen=True, slots=True)
class HolidayRun:
    """Consecutive days off for one holiday (weekends inside it included), or a make-up
    workday (is_workday), as the year's arrangement lists them."""

    first: date
    last: date
    is_workday: bool
    name: str  # the holiday: 春节; for a make-up workday, the holiday it makes up for
    source: str  # "official", "workspace" or "statutory" (fixed days of a year without data)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class WorkCalendar:
    """Answers 'is this a working day', preferring the clerk's entries over the library."""

    overrides: Mapping[date, DayOverride] = field(default_factory=dict)
    # per year, how many working days precede each day of it (built once, on first use)
    _before: dict[int, list[int]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

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
        fixed = FIXED_HOLIDAYS.get((day.month, day.day))
        if fixed is not None:
            return DayInfo(day, False, fixed, "statutory")
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
        return (
            f"{year}年节假日数据缺失，暂按周末及元旦、劳动节、国庆节计算；"
            f"可{HOLIDAY_ENTRY_HINT.format(year=year)}国务院公布的安排。"
        )

    def unknown_years(self, start: date, end: date) -> list[int]:
        """Years from ``start`` to ``end`` whose holidays are neither in chinese-calendar nor
        entered by the clerk (a working-day count over them may be off)."""
        return [y for y in range(start.year, end.year + 1) if not self.knows_year(y)]

    def count_warning(self, start: date, end: date) -> str:
        """One Chinese line when counting working days from ``start`` to ``end`` ran into a year
        without holiday data, naming the year and how to enter it; '' otherwise."""
        years = self.unknown_years(start, end)
        if not years:
            return ""
        names = "、".join(f"{y}年" for y in years)
        how = "；".join(HOLIDAY_ENTRY_HINT.format(year=y) for y in years)
        return (
            f"注意：{names}的节假日安排尚无数据，工作日只按周末和元旦、劳动节、国庆节推算"
            f"（春节、调休未计入），时限可能不准；请{how}国务院公布的放假安排。"
        )

    def holidays(self, year: int) -> list[HolidayRun]:
        """The year's holidays and make-up workdays, in order: the clerk's entries where
        there are any, else chinese-calendar's, else the fixed statutory days; plain weekends
        are not listed."""
        runs: list[HolidayRun] = []
        day = date(year, 1, 1)
        while day.year == year:
            special = self._special(day)
            if special is not None:
                is_workday, name, source = special
                last = runs[-1] if runs else None
                if (
                    last is not None
                    and last.last + timedelta(days=1) == day
                    and (last.is_workday, last.name, last.source) == special
                ):
                    runs[-1] = HolidayRun(last.first, day, is_workday, name, source)
                else:
                    runs.append(HolidayRun(day, day, is_workday, name, source))
            day += timedelta(days=1)
        return runs

    def _special(self, day: date) -> tuple[bool, str, str] | None:
        own = self.overrides.get(day)
        if own is not None:
            return own.is_workday, own.name, "workspace"
        official = _official(day)
        if official is None:
            fixed = FIXED_HOLIDAYS.get((day.month, day.day))
            return None if fixed is None else (False, fixed, "statutory")
        is_workday, name = official
        if (not is_workday and name) or (is_workday and day.weekday() >= 5):
            return is_workday, name, "official"
        return None

    def workdays_between(self, start: date, end: date) -> int:
        """Working days d with start <= d <= end (0 when end < start). Counted from per-year
        tables, not day by day: the ladder counts it for every overdue obligation, over years."""
        if end < start:
            return 0
        first = self._year_table(start.year)
        count = -first[start.timetuple().tm_yday - 1]  # those of its year before ``start``
        for year in range(start.year, end.year):
            count += self._year_table(year)[-1]
        return count + self._year_table(end.year)[end.timetuple().tm_yday]

    def _year_table(self, year: int) -> list[int]:
        table = self._before.get(year)
        if table is None:
            table, day = [0], date(year, 1, 1)
            while day.year == year:
                table.append(table[-1] + self.is_workday(day))
                day += timedelta(days=1)
            self._before[year] = table
        return table

    def add_workdays(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (``start`` itself not counted)."""
        day = start
        while n > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                n -= 1
        return day
