"""催报记录: listing the reminders sent (letters, calls, e-mails), newest first."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tracker.domain.ledger_query import ReminderQuery
from tracker.domain.records import ReminderRecord
from tracker.store.models import Notice, Obligation, Reminder, Requirement, Unit

__all__ = ["ReminderQuery", "list_reminders"]


def list_reminders(s: Session, q: ReminderQuery) -> list[ReminderRecord]:
    stmt = (
        select(
            Reminder.id,
            Reminder.obligation_id,
            Unit.name,
            Notice.doc_number,
            Notice.title,
            Requirement.title,
            Reminder.reminded_on,
            Reminder.method,
            Reminder.letter_number,
            Reminder.note,
        )
        .join(Obligation, Obligation.id == Reminder.obligation_id)
        .join(Unit, Unit.id == Obligation.unit_id)
        .join(Requirement, Requirement.id == Obligation.requirement_id)
        .join(Notice, Notice.id == Requirement.notice_id)
        .order_by(Reminder.reminded_on.desc(), Reminder.id.desc())
    )
    if q.since:
        stmt = stmt.where(Reminder.reminded_on >= q.since)
    if q.until:
        stmt = stmt.where(Reminder.reminded_on <= q.until)
    if q.method:
        stmt = stmt.where(Reminder.method == q.method)
    if q.notice_id is not None:
        stmt = stmt.where(Requirement.notice_id == q.notice_id)
    if q.unit_id is not None:
        stmt = stmt.where(Obligation.unit_id == q.unit_id)
    if q.text.strip():
        key = q.text.strip()
        stmt = stmt.where(
            or_(
                Unit.name.contains(key),
                Unit.short_name.contains(key),
                Reminder.letter_number.contains(key),
                Reminder.note.contains(key),
            )
        )
    return [
        ReminderRecord(
            rid,
            oid,
            unit,
            f"{doc} {title}".strip(),
            req_title,
            on,
            method,
            letter,
            note,
        )
        for rid, oid, unit, doc, title, req_title, on, method, letter, note in s.execute(
            stmt.limit(q.limit)
        )
    ]
