"""Undo (Ctrl+Z): reverse a change from its audit entries, refusing if things moved on since."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from tracker.domain.changes import Changes, Topic
from tracker.domain.errors import ConflictError, NotFoundError, TrackerError
from tracker.domain.records import Change
from tracker.services import audit
from tracker.services.figure_fixes import undo_correction
from tracker.services.ledger_writes import obligation_state, reminder_snapshot
from tracker.services.submissions import submission_from_snapshot, submission_snapshot
from tracker.services.workspace import Workspace, retry_races
from tracker.store.models import (
    AuditEntry,
    BulletinQueueEntry,
    Obligation,
    Reminder,
    Submission,
)

# What can be undone, and what its undo changes.
UNDOABLE = {
    "submission.create": Topic.SUBMISSIONS,
    "submission.delete": Topic.SUBMISSIONS,
    "reminder.create": Topic.REMINDERS,
    "obligation.exempt": Topic.OBLIGATIONS,
    "obligation.unexempt": Topic.OBLIGATIONS,
    "obligation.extend": Topic.OBLIGATIONS,
    "obligation.unextend": Topic.OBLIGATIONS,
    "bulletin.queue": Topic.BULLETINS,
    "bulletin.unqueue": Topic.BULLETINS,
    "figure.correct": Topic.SUBMISSIONS,  # as the correction announced it
}


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _state(data: dict[str, Any]) -> dict[str, Any]:
    """An obligation's decisions as an audit entry recorded them (entries written before the
    decisions were dated lack the days: None)."""
    return {
        "exempt_reason": data.get("exempt_reason"),
        "exempt_on": _day(data.get("exempt_on")),
        "extended_to": _day(data.get("extended_to")),
        "extension_reason": data.get("extension_reason") or "",
        "extended_on": _day(data.get("extended_on")),
    }


def _is_recorded(facts: dict[str, Any], recorded: dict[str, Any]) -> bool:
    """The row under the id an entry names is the one it made. SQLite gives a deleted newest
    row's id to the next insert: after another clerk deleted a registration and made one, the
    id alone would name theirs, and undo would delete it. Compared on the keys both have, as
    the audit log wrote them (older entries recorded fewer)."""
    written = json.loads(audit.dumps(facts) or "{}")
    return all(written[k] == recorded[k] for k in written.keys() & recorded.keys())


def _same(o: Obligation, recorded: dict[str, Any]) -> bool:
    """The obligation still stands as ``recorded`` left it (on the keys it recorded)."""
    now_state, then = obligation_state(o), _state(recorded)
    return all(now_state[key] == then[key] for key in then if key in recorded)


class UndoService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    @retry_races  # lost a PostgreSQL race (the row put back meanwhile): the rerun says why
    def undo(self, change: Change) -> Change:
        topics, touched = Topic(0), []
        with self.ws.transaction() as s:
            # FOR UPDATE: the same change undone twice at once waits, then finds it undone.
            entries = [s.get(AuditEntry, aid, with_for_update=True) for aid in change.audit_ids]
            for entry in reversed(entries):
                if entry is None:
                    raise NotFoundError("要撤销的操作记录不存在")
                if entry.undone:
                    raise TrackerError(f"“{entry.summary}”已经撤销过了")
                if entry.action not in UNDOABLE:
                    raise TrackerError(f"“{entry.summary}”不能撤销")
                touched.append(self._reverse(s, entry))
                topics |= UNDOABLE[entry.action]
                entry.undone = True
            summary = f"撤销：{change.summary}"
            aid = audit.record(
                s,
                user=self.ws.user,
                action="undo",
                entity="audit",
                entity_id=change.audit_ids[0],
                summary=summary,
                after={"audit_ids": list(change.audit_ids)},
            )
        self.ws.announce(Changes.of(topics, touched))
        return Change((aid,), summary)

    def _reverse(self, s: Session, entry: AuditEntry) -> int:
        """Take ``entry`` back; the id of the obligation it concerned."""
        before = json.loads(entry.before) if entry.before else {}
        after = json.loads(entry.after) if entry.after else {}
        if entry.action == "submission.create":
            sub = s.get(Submission, after["submission_id"])
            if sub is None or not _is_recorded(submission_snapshot(sub), after):
                raise ConflictError("该报送记录已被删除，无法撤销")
            oid = sub.obligation_id
            s.delete(sub)
        elif entry.action == "submission.delete":
            oid = self._restore_submission(s, before)
        elif entry.action == "bulletin.queue":
            oid = _take_off_list(s, after)
        elif entry.action == "bulletin.unqueue":
            oid = _put_back_on_list(s, before)
        elif entry.action == "figure.correct":
            oid = self._restore_figure(s, entry, before, after)
        elif entry.action == "reminder.create":
            rem = s.get(Reminder, after["reminder_id"])
            if rem is None or not _is_recorded(reminder_snapshot(rem), after):
                raise ConflictError("该催报记录已被删除，无法撤销")
            oid = rem.obligation_id
            s.delete(rem)
        else:
            o = s.get(Obligation, entry.entity_id)
            if o is None:
                raise NotFoundError("报送记录已不存在，无法撤销")
            if not _same(o, after):
                raise ConflictError("该记录之后又被修改过，无法撤销")
            for key, value in _state(before).items():
                setattr(o, key, value)
            oid = o.id
        s.flush()
        return oid

    def _restore_figure(
        self, s: Session, entry: AuditEntry, before: dict[str, Any], after: dict[str, Any]
    ) -> int:
        o = s.get(Obligation, entry.entity_id)
        if o is None:
            raise NotFoundError("报送记录已不存在，无法撤销")
        undo_correction(s, o.id, before, after, self.ws.user)
        return o.id

    @staticmethod
    def _restore_submission(s: Session, data: dict[str, Any]) -> int:
        o = s.get(Obligation, data["obligation_id"])
        if o is None:
            raise NotFoundError("报送记录已不存在，无法撤销")
        free = s.get(Submission, data["submission_id"]) is None  # SQLite may reuse a rowid
        o.submissions.append(submission_from_snapshot(data, reuse_id=free))
        return o.id


def _take_off_list(s: Session, made: dict[str, Any]) -> int:
    """Undo 列入下次通报: the entry it made leaves the list (unless a 通报 took it already)."""
    oid = int(made["obligation_id"])
    # FOR UPDATE: a clerk taking it off at the same instant waits, then finds it gone.
    entry = s.get(BulletinQueueEntry, oid, with_for_update=True)
    if entry is None:
        raise ConflictError("该单位已不在下次通报的名单中（已印发通报或已移出），无法撤销")
    s.delete(entry)
    return oid


def _put_back_on_list(s: Session, taken: dict[str, Any]) -> int:
    """Undo 移出下次通报: the entry back as it was (its day and who listed it)."""
    oid = int(taken["obligation_id"])
    if s.get(Obligation, oid) is None:
        raise NotFoundError("报送记录已不存在，无法撤销")
    if s.get(BulletinQueueEntry, oid) is not None:
        raise ConflictError("该单位已重新列入下次通报，无需撤销")
    s.add(
        BulletinQueueEntry(
            obligation_id=oid,
            added_on=date.fromisoformat(taken["added_on"]),
            created_at=datetime.fromisoformat(taken["created_at"]),
            created_by=taken.get("created_by", ""),
        )
    )
    return oid
