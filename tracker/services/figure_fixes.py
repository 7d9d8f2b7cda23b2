"""The clerk's corrections of 关键数据 as the audit records them, and taking one back (Ctrl+Z)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.errors import ConflictError, TrackerError
from tracker.store.models import FigureCorrection
from tracker.store.time import now

# What an audit entry's before/after holds of a figure (beside its kind).
STATE_KEYS = ("value", "approx", "note")


def figure_state(kind: str, fix: FigureCorrection | None) -> dict[str, Any]:
    """A figure before or after a correction, enough to undo it (value None: no correction,
    the reader's own value stands)."""
    if fix is None:
        return {"kind": kind, "value": None, "approx": False, "note": ""}
    return {"kind": kind, "value": fix.value, "approx": fix.approx, "note": fix.note}


def find_fix(
    s: Session, obligation_id: int, kind: str, *, lock: bool = False
) -> FigureCorrection | None:
    stmt = select(FigureCorrection).where(
        FigureCorrection.obligation_id == obligation_id, FigureCorrection.kind == kind
    )
    return s.scalar(stmt.with_for_update() if lock else stmt)


def undo_correction(
    s: Session, obligation_id: int, before: dict[str, Any], after: dict[str, Any], user: str
) -> None:
    """Put the figure back as ``before`` had it, unless it no longer stands as ``after`` left
    it (corrected again since: that later value is not ours to throw away)."""
    kind = after.get("kind")
    if not kind or before.get("kind") != kind:
        # Entries written before corrections could be undone did not record the kind.
        raise TrackerError("这条关键数据更正记录于旧版本，不能撤销；请在关键数据中直接改回")
    # FOR UPDATE: a clerk correcting it at this instant waits, then corrects over the undo.
    fix = find_fix(s, obligation_id, kind, lock=True)
    current = figure_state(kind, fix)
    if any(current[key] != after.get(key) for key in STATE_KEYS):
        raise ConflictError(f"“{kind}”之后又被更正过，无法撤销")
    if before.get("value") is None:
        if fix is not None:
            s.delete(fix)
        return
    if fix is None:
        fix = FigureCorrection(obligation_id=obligation_id, kind=kind)
        s.add(fix)
    fix.value, fix.approx, fix.note = before["value"], bool(before["approx"]), before["note"]
    fix.corrected_at, fix.corrected_by = now(), user
