"""What every write to the ledger shares: the state an undo restores, the day a decision was
granted, a revocation's reason, and one 催报 record with its audit entry."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from tracker.domain.clock import today
from tracker.domain.dates import check_range, format_cn
from tracker.domain.errors import ValidationError
from tracker.domain.limits import LETTER_NUMBER_LIMIT
from tracker.domain.records import ReminderMethod
from tracker.domain.text import normalize_text
from tracker.services import audit
from tracker.store.models import Obligation, Reminder
from tracker.store.time import now


def reminder_snapshot(r: Reminder) -> dict[str, object]:
    """A 催报 as its audit entry records it (and as undo checks the row still is)."""
    return {
        "reminder_id": r.id,
        "obligation_id": r.obligation_id,
        "reminded_on": r.reminded_on,
        "method": r.method,
        "letter_number": r.letter_number,
    }


def obligation_state(o: Obligation) -> dict[str, object]:
    return {
        "exempt_reason": o.exempt_reason,
        "exempt_on": o.exempt_on,
        "extended_to": o.extended_to,
        "extension_reason": o.extension_reason,
        "extended_on": o.extended_on,
    }


def granted_day(on: date | None) -> date:
    """The day a 免报 or 延期 was granted: today unless given, never a day still to come."""
    day = on or today()
    if day > today():
        raise ValidationError(f"批准日期 {format_cn(day)} 晚于今天，请检查")
    return day


def granted_note(day: date) -> str:
    """ "，2023年11月20日批准" for a decision entered after the day it was taken."""
    return "" if day == today() else f"，{format_cn(day)}批准"


def revoke_reason(reason: str) -> str:
    text = normalize_text(reason)
    if not text:
        raise ValidationError("请填写撤销的理由")
    return text


def describe(o: Obligation) -> str:
    return f"{o.unit.name}·{o.requirement.title}"


def record_reminder(
    s: Session,
    user: str,
    o: Obligation,
    method: ReminderMethod,
    on: date,
    letter_number: str = "",
    note: str = "",
) -> tuple[int, int]:
    """Add one 催报 record to ``o`` inside the caller's transaction; (audit id, reminder id)."""
    check_range(on, "催报日期")
    if len(letter_number) > LETTER_NUMBER_LIMIT:
        raise ValidationError(
            f"函号过长（{len(letter_number)}个字，最多{LETTER_NUMBER_LIMIT}个字）"
        )
    r = Reminder(
        reminded_on=on,
        method=method.value,
        letter_number=letter_number,
        note=normalize_text(note),
        created_at=now(),
    )
    o.reminders.append(r)
    s.flush()
    summary = f"记录催报：{describe(o)}，{format_cn(on)}{method.value}催报"
    if letter_number:
        summary += f"（{letter_number}）"
    aid = audit.record(
        s,
        user=user,
        action="reminder.create",
        entity="reminder",
        entity_id=r.id,
        summary=summary,
        after=reminder_snapshot(r),
    )
    return aid, r.id
