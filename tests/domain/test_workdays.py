from __future__ import annotations

from datetime import date

from tracker.domain.workdays import DayOverride, WorkCalendar


def test_deadline_on_a_sunday_is_flagged() -> None:
    cal = WorkCalendar()
    info = cal.info(date(2021, 10, 10))
    assert not info.is_workday
    assert info.note == "星期日"


def test_national_day_is_a_holiday_and_its_make_up_saturday_a_workday() -> None:
    cal = WorkCalendar()
    assert cal.info(date(2021, 10, 1)).note == "国庆节"
    assert cal.is_workday(date(2021, 10, 9))  # Saturday, 调休上班
    assert cal.info(date(2021, 10, 9)).note == "调休上班日"


def test_add_workdays_skips_holidays_and_counts_make_up_days() -> None:
    cal = WorkCalendar()
    # 9月30日 + 3 working days: 10月8日 (Fri), 10月9日 (Sat, make-up), 10月11日.
    assert cal.add_workdays(date(2021, 9, 30), 3) == date(2021, 10, 11)


def test_workdays_between_includes_both_ends() -> None:
    cal = WorkCalendar()
    # 端午节 2023: 22–24 June off, Sunday 25 June a make-up workday.
    assert cal.workdays_between(date(2023, 6, 19), date(2023, 6, 23)) == 3
    assert cal.workdays_between(date(2023, 6, 19), date(2023, 6, 25)) == 4
    assert cal.workdays_between(date(2023, 6, 28), date(2023, 6, 27)) == 0


def test_years_without_data_fall_back_to_weekends_with_a_note() -> None:
    cal = WorkCalendar()
    assert not cal.knows_year(2099)
    assert "2099年节假日数据缺失" in cal.fallback_note(2099)
    assert cal.is_workday(date(2099, 1, 2)) is True  # a Friday: unknown bridge day
    assert cal.is_workday(date(2099, 1, 1)) is False  # 元旦 is fixed by law, known anyway
    assert cal.is_workday(date(2099, 1, 3)) is False  # a Saturday


def test_clerk_entries_override_and_complete_a_missing_year() -> None:
    cal = WorkCalendar(
        {
            date(2099, 1, 1): DayOverride(date(2099, 1, 1), False, "元旦"),
            date(2099, 1, 3): DayOverride(date(2099, 1, 3), True, "调休"),
        }
    )
    assert cal.knows_year(2099)
    assert cal.fallback_note(2099) == ""
    assert not cal.is_workday(date(2099, 1, 1))
    assert cal.info(date(2099, 1, 1)).note == "元旦"
    assert cal.is_workday(date(2099, 1, 3))


def test_fixed_statutory_holidays_are_known_in_any_year() -> None:
    cal = WorkCalendar()  # chinese-calendar has no 2027 or 2031
    for year in (2027, 2031):
        assert not cal.knows_year(year)
        for month, day, name in ((1, 1, "元旦"), (5, 1, "劳动节"), (10, 3, "国庆节")):
            info = cal.info(date(year, month, day))
            assert not info.is_workday and info.name == name
    assert cal.is_workday(date(2027, 10, 4))  # Monday after: no data, so a working day


def test_counting_into_an_unknown_year_warns_naming_it() -> None:
    cal = WorkCalendar()
    # Mon 28 Dec 2026 + 5: 29, 30, 31 Dec, (1 Jan 元旦), 4, 5 Jan
    assert cal.add_workdays(date(2026, 12, 28), 5) == date(2027, 1, 5)
    warning = cal.count_warning(date(2026, 12, 28), date(2027, 1, 5))
    assert "2027年" in warning and "2026年" not in warning
    assert "tracker holidays 2027 --import" in warning and "工具 ▸ 设置 ▸ 节假日" in warning
    assert cal.count_warning(date(2026, 12, 1), date(2026, 12, 8)) == ""
    entered = WorkCalendar({date(2027, 1, 1): DayOverride(date(2027, 1, 1), False, "元旦")})
    assert entered.count_warning(date(2026, 12, 28), date(2027, 1, 5)) == ""


def test_a_years_holidays_come_as_runs_with_their_make_up_days() -> None:
    runs = WorkCalendar().holidays(2023)
    dragon = [r for r in runs if r.name == "端午节"]
    assert [(r.first, r.last, r.is_workday, r.days) for r in dragon] == [
        (date(2023, 6, 22), date(2023, 6, 24), False, 3),
        (date(2023, 6, 25), date(2023, 6, 25), True, 1),  # Sunday, the make-up workday
    ]
    assert not [r for r in runs if r.name in ("星期六", "星期日", "")]  # weekends not listed
    fixed = [(r.first, r.days, r.name, r.source) for r in WorkCalendar().holidays(2099)]
    assert fixed == [
        (date(2099, 1, 1), 1, "元旦", "statutory"),
        (date(2099, 5, 1), 1, "劳动节", "statutory"),
        (date(2099, 10, 1), 3, "国庆节", "statutory"),
    ]


def test_the_clerks_entries_are_listed_as_their_own() -> None:
    own = {
        date(2099, 1, 1): DayOverride(date(2099, 1, 1), False, "元旦"),
        date(2099, 1, 2): DayOverride(date(2099, 1, 2), False, "元旦"),
        date(2099, 1, 4): DayOverride(date(2099, 1, 4), True, "元旦"),
    }
    runs = WorkCalendar(own).holidays(2099)
    assert [(r.first.day, r.last.day, r.is_workday, r.source) for r in runs[:2]] == [
        (1, 2, False, "workspace"),
        (4, 4, True, "workspace"),
    ]
    assert {r.source for r in runs[2:]} == {"statutory"}  # 劳动节, 国庆节 not entered yet


def test_workdays_between_counts_as_going_day_by_day() -> None:
    """The per-year tables give the day-by-day count: within a year, across years (with and
    without data), over the clerk's entries, at year ends."""
    import random
    from datetime import timedelta

    cal = WorkCalendar(
        {
            date(2027, 2, 8): DayOverride(date(2027, 2, 8), False, "春节"),
            date(2027, 2, 20): DayOverride(date(2027, 2, 20), True, "春节"),
        }
    )

    def by_day(start: date, end: date) -> int:
        days = (end - start).days + 1
        return sum(cal.is_workday(start + timedelta(days=i)) for i in range(max(days, 0)))

    rng = random.Random(3)
    pairs = [(date(2023, 12, 31), date(2023, 12, 31)), (date(2023, 1, 1), date(2023, 12, 31))]
    pairs += [(date(2022, 12, 31), date(2024, 1, 1)), (date(2024, 3, 2), date(2024, 3, 1))]
    for _ in range(300):
        start = date(2019, 1, 1) + timedelta(days=rng.randrange(9 * 365))
        pairs.append((start, start + timedelta(days=rng.randrange(-3, 1500))))
    for start, end in pairs:
        assert cal.workdays_between(start, end) == by_day(start, end), (start, end)
