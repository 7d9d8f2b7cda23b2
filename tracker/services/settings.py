"""Office settings (letters, contacts, prefixes) and the workspace's own holiday entries."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from sqlalchemy import delete, extract, select

from tracker.domain.changes import Changes, Topic
from tracker.domain.dates import EARLIEST, LATEST
from tracker.domain.errors import ValidationError
from tracker.domain.limits import HOLIDAY_NAME_LIMIT, office_problems
from tracker.domain.office import OfficeSettings
from tracker.domain.records import Change
from tracker.domain.workdays import DayOverride, WorkCalendar
from tracker.services import audit
from tracker.services.workspace import Workspace, retry_races
from tracker.store.models import CalendarDay, Setting

OFFICE_KEY = "office"


class SettingsService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def office(self) -> OfficeSettings:
        with self.ws.reading() as s:
            row = s.get(Setting, OFFICE_KEY)
            return OfficeSettings.from_dict(json.loads(row.value)) if row else OfficeSettings()

    @retry_races
    def save_office(self, settings: OfficeSettings) -> Change:
        problems = office_problems(settings)
        if settings.reminder_workdays < 1 or settings.reminder_workdays > 60:
            problems.append("补报时限的工作日数应在 1 到 60 之间")
        if problems:
            raise ValidationError("办公室设置有误，未保存", problems)
        if problems := settings.ladder_problems():
            raise ValidationError("督办升级的设置有误", problems)
        with self.ws.transaction() as s:
            row = s.get(Setting, OFFICE_KEY)
            before = json.loads(row.value) if row else None
            value = json.dumps(settings.to_dict(), ensure_ascii=False)
            if row is None:
                s.add(Setting(key=OFFICE_KEY, value=value))
            else:
                row.value = value
            aid = audit.record(
                s,
                user=self.ws.user,
                action="settings.update",
                entity="settings",
                entity_id=None,
                summary="修改办公室设置",
                before=before,
                after=settings.to_dict(),
            )
        self.ws.announce(Changes.of(Topic.SETTINGS))
        return Change((aid,), "修改办公室设置")

    def update_office(self, **changes: Any) -> Change:
        return self.save_office(replace(self.office(), **changes))

    def get_value(self, key: str, default: Any = None) -> Any:
        with self.ws.reading() as s:
            row = s.get(Setting, key)
            return json.loads(row.value) if row else default

    @retry_races
    def set_value(self, key: str, value: Any) -> None:
        """Small non-audited preferences (e.g. the last export folder)."""
        with self.ws.transaction() as s:
            row = s.get(Setting, key)
            text = json.dumps(value, ensure_ascii=False)
            if row is None:
                s.add(Setting(key=key, value=text))
            else:
                row.value = text


def check_year(year: int) -> None:
    if not EARLIEST.year <= year <= LATEST.year:
        raise ValidationError(f"年份 {year} 不合理（应在 {EARLIEST.year} 至 {LATEST.year} 之间）")


class CalendarService:
    """The clerk's entries from the State Council's holiday announcement, per year."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def work_calendar(self) -> WorkCalendar:
        """Workdays and holidays with the clerk's entries (cached until they change)."""
        return self.ws.calendar()

    def days(self, year: int) -> list[DayOverride]:
        check_year(year)
        stmt = (
            select(CalendarDay)
            .where(extract("year", CalendarDay.day) == year)
            .order_by(CalendarDay.day)
        )
        with self.ws.reading() as s:
            return [DayOverride(d.day, d.is_workday, d.name) for d in s.scalars(stmt)]

    @retry_races
    def set_year(self, year: int, days: Iterable[DayOverride]) -> Change:
        """Replace ``year``'s entries with ``days`` (holidays and make-up workdays)."""
        check_year(year)
        entries = list(days)
        long_names = [d.name for d in entries if len(d.name) > HOLIDAY_NAME_LIMIT]
        if long_names:
            raise ValidationError(
                f"节假日名称过长（最多{HOLIDAY_NAME_LIMIT}个字）：“{long_names[0][:20]}…”"
            )
        wrong = [d.day.isoformat() for d in entries if d.day.year != year]
        if wrong:
            raise ValidationError(f"以下日期不属于{year}年：{'、'.join(wrong)}")
        with self.ws.transaction() as s:
            in_year = select(CalendarDay).where(extract("year", CalendarDay.day) == year)
            old = [DayOverride(d.day, d.is_workday, d.name) for d in s.scalars(in_year)]
            s.execute(delete(CalendarDay).where(extract("year", CalendarDay.day) == year))
            for d in entries:
                s.add(CalendarDay(day=d.day, is_workday=d.is_workday, name=d.name))
            summary = (
                f"修改{year}年节假日：休息{sum(not d.is_workday for d in entries)}天，"
                f"调休上班{sum(d.is_workday for d in entries)}天"
            )
            aid = audit.record(
                s,
                user=self.ws.user,
                action="calendar.update",
                entity="calendar",
                entity_id=year,
                summary=summary,
                before=[[d.day, d.is_workday, d.name] for d in old],
                after=[[d.day, d.is_workday, d.name] for d in entries],
            )
        self.ws.forget_calendar()
        self.ws.announce(Changes.of(Topic.CALENDAR))
        return Change((aid,), summary)
