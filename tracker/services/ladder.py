"""The escalation ladder over the ledger: what was done for each overdue obligation, and the
next step the office's rules suggest (``tracker.domain.ladder``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from tracker.domain.ladder import ChaseHistory, LadderRules, Suggestion, next_step
from tracker.domain.records import ObligationRow, ReminderMethod
from tracker.services.settings import SettingsService
from tracker.services.workspace import Workspace
from tracker.store.models import BulletinQueueEntry, IssuedLetter, IssuedLetterItem, Reminder


class LadderService:
    def __init__(self, ws: Workspace, settings: SettingsService) -> None:
        self.ws = ws
        self.settings = settings

    def rules(self) -> LadderRules:
        return self.settings.office().ladder_rules()

    def suggestions(self, rows: Iterable[ObligationRow]) -> dict[int, Suggestion]:
        """The next step for each row that needs chasing, keyed by obligation id."""
        owed = [r for r in rows if r.status.needs_action]
        if not owed:
            return {}
        as_of = owed[0].as_of
        # a few rows (a write's): read their chasing alone, not every obligation's
        few = frozenset(r.obligation_id for r in owed) if len(owed) <= FEW else None
        histories = self.histories(as_of, few)
        rules, cal = self.rules(), self.ws.calendar()
        out: dict[int, Suggestion] = {}
        for r in owed:
            step = next_step(
                due=r.effective_deadline,
                as_of=r.as_of,
                history=histories.get(r.obligation_id, ChaseHistory()),
                rules=rules,
                workdays=cal.workdays_between,
                add_workdays=cal.add_workdays,
            )
            if step is not None:
                out[r.obligation_id] = step
        return out

    def histories(self, as_of: date, only: frozenset[int] | None = None) -> dict[int, ChaseHistory]:
        """Every obligation's chasing up to ``as_of`` (or only that of the obligations
        ``only``): grouped queries, not one a row."""
        with self.ws.reading() as s:
            reminded = _reminders(s, as_of, only)
            deadlines = _letter_deadlines(s, as_of, only)
            queued = _queued(s, as_of, only)
        return {
            oid: ChaseHistory(
                phoned_on=reminded.get(oid, (None, None))[0],
                letter_on=reminded.get(oid, (None, None))[1],
                letter_deadline=deadlines.get(oid),
                queued_on=queued.get(oid),
            )
            for oid in reminded.keys() | queued.keys()
        }


# Up to this many obligations are named in the queries (a write's rows; SQLite takes 999
# parameters at the least).
FEW = 500


def _reminders(
    s: Session, as_of: date, only: frozenset[int] | None
) -> dict[int, tuple[date | None, date | None]]:
    letter = ReminderMethod.LETTER.value
    stmt = (
        select(
            Reminder.obligation_id,
            func.max(case((Reminder.method != letter, Reminder.reminded_on))),
            func.max(case((Reminder.method == letter, Reminder.reminded_on))),
        )
        .where(Reminder.reminded_on <= as_of)
        .group_by(Reminder.obligation_id)
    )
    if only is not None:
        stmt = stmt.where(Reminder.obligation_id.in_(only))
    return {oid: (phoned, lettered) for oid, phoned, lettered in s.execute(stmt).all()}


def _queued(s: Session, as_of: date, only: frozenset[int] | None) -> dict[int, date]:
    """Obligations on the list for the next 通报 (taken off when it is issued)."""
    stmt = select(BulletinQueueEntry.obligation_id, BulletinQueueEntry.added_on).where(
        BulletinQueueEntry.added_on <= as_of
    )
    if only is not None:
        stmt = stmt.where(BulletinQueueEntry.obligation_id.in_(only))
    return {oid: day for oid, day in s.execute(stmt).all()}


def _letter_deadlines(s: Session, as_of: date, only: frozenset[int] | None) -> dict[int, date]:
    """The latest 补报时限 of the issued letters each obligation was chased by."""
    stmt = (
        select(IssuedLetterItem.obligation_id, func.max(IssuedLetter.new_deadline))
        .join(IssuedLetter, IssuedLetter.id == IssuedLetterItem.letter_id)
        .where(IssuedLetter.letter_date <= as_of)
        .group_by(IssuedLetterItem.obligation_id)
    )
    if only is not None:
        stmt = stmt.where(IssuedLetterItem.obligation_id.in_(only))
    return {oid: day for oid, day in s.execute(stmt).all()}
