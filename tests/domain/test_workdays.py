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
    assert cal.is_workday(date(2099, 1, 1)) is True  # a Thursday: unknown holiday
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
