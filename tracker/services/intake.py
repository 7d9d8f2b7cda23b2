"""批量登记: a proposal for every received file, then one transaction for the confirmed ones.

Proposing reads only (and may run in a worker with progress and cancel); registering archives
the files first (content-addressed, safe to repeat) and then writes one submission per
unit × requirement × day, all in one transaction and one undo. A file whose SHA-256 is already
in the ledger is never registered again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.changes import Changes, Topic
from tracker.domain.clock import today
from tracker.domain.dates import check_range
from tracker.domain.errors import TrackerError, ValidationError
from tracker.domain.forms import Form, form_labels
from tracker.domain.intake_match import (
    AMBIGUOUS,
    MATCHED,
    UNMATCHED,
    OpenItem,
    UnitKey,
    match_file,
    unit_key,
)
from tracker.domain.ledger_query import LedgerQuery
from tracker.domain.records import Change
from tracker.services.intake_commit import Group, write_groups
from tracker.services.intake_files import ReadFile, collect, read_file
from tracker.services.ledger import LedgerService
from tracker.services.notices import find_notice
from tracker.services.workspace import Workspace
from tracker.store.models import SubmissionFile, Unit

Progress = Callable[[int, int, str], None]  # done, total, file being read
Cancelled = Callable[[], bool]


class IntakeCancelled(TrackerError):
    """The clerk stopped the batch; nothing was registered."""


@dataclass(frozen=True, slots=True)
class Proposal:
    """What the reader proposes for one file; the clerk corrects unit/requirement/forms."""

    file: str
    path: Path
    sha256: str
    size: int
    status: str  # matched / ambiguous / unmatched
    reason: str
    received_on: date
    forms: Form
    unit_id: int | None = None
    unit: str = ""
    requirement_id: int | None = None
    requirement: str = ""
    notice: str = ""
    duplicate: bool = False

    @property
    def registrable(self) -> bool:
        return bool(self.sha256) and not self.duplicate and self.forms != Form.NONE

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "unit": self.unit,
            "notice": self.notice,
            "requirement": self.requirement,
            "forms": form_labels(self.forms),
            "received_on": self.received_on.isoformat(),
            "status": self.status,
            "reason": self.reason,
            "sha256": self.sha256,
            "duplicate": self.duplicate,
        }


@dataclass(frozen=True, slots=True)
class Catalogue:
    """What files are matched against, read once per batch."""

    units: tuple[UnitKey, ...]
    names: dict[int, str]
    items: tuple[OpenItem, ...]
    known: dict[str, str]  # sha256 → how it was registered


@dataclass(frozen=True, slots=True)
class IntakeResult:
    change: Change | None
    registered: tuple[Proposal, ...]
    skipped: tuple[tuple[Proposal, str], ...]  # and why


class IntakeService:
    def __init__(self, ws: Workspace, ledger: LedgerService) -> None:
        self.ws = ws
        self.ledger = ledger

    def catalogue(self, notice: str | None = None) -> Catalogue:
        with self.ws.reading() as s:
            notice_ids = (find_notice(s, notice).id,) if notice else ()
            units = s.scalars(select(Unit).where(Unit.active.is_(True))).all()
            keys = tuple(
                unit_key(u.id, u.name, u.short_name, [a.alias for a in u.aliases]) for u in units
            )
            names = {u.id: u.name for u in units}
            known = _known_files(s)
        rows = self.ledger.rows(LedgerQuery(as_of=today(), notice_ids=notice_ids))
        items = tuple(
            OpenItem(
                obligation_id=r.obligation_id,
                unit_id=r.unit_id,
                requirement_id=r.requirement_id,
                notice_id=r.notice_id,
                notice=r.doc_number or r.notice_title,
                title=r.requirement_title,
                deadline=r.effective_deadline,
                missing=r.missing_forms,
            )
            for r in rows
            if r.exempt_reason is None
        )
        return Catalogue(keys, names, items, known)

    def propose(
        self,
        paths: Sequence[Path],
        *,
        notice: str | None = None,
        on: date | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> list[Proposal]:
        if on is not None and on > today():
            raise ValidationError("收到日期晚于今天，请检查")
        files = collect(list(paths))
        cat = self.catalogue(notice)
        seen: dict[str, str] = {}
        out: list[Proposal] = []
        for i, item in enumerate(files):
            if cancelled is not None and cancelled():
                raise IntakeCancelled("已取消，未登记任何文件")
            if progress is not None:
                progress(i, len(files), item.shown)
            got = read_file(item, on, today())
            out.append(self._proposal(got, cat, seen))
            if got.sha256:
                seen.setdefault(got.sha256, item.shown)
        if progress is not None:
            progress(len(files), len(files), "")
        return out

    def _proposal(self, got: ReadFile, cat: Catalogue, seen: dict[str, str]) -> Proposal:
        facts = got.facts
        base = Proposal(
            file=facts.name,
            path=got.incoming.path,
            sha256=got.sha256,
            size=got.size,
            status=UNMATCHED,
            reason=got.note,
            received_on=facts.received_on,
            forms=facts.forms,
        )
        if not got.sha256:
            return base
        earlier = cat.known.get(got.sha256) or (
            f"本批中的“{seen[got.sha256]}”" if got.sha256 in seen else ""
        )
        m = match_file(facts, cat.units, cat.items, cat.names)
        unit_id = (
            m.unit_id
            if m.unit_id is not None
            else (m.unit_candidates[0] if len(m.unit_candidates) == 1 else None)
        )
        reason = "；".join(x for x in (m.reason, got.note) if x)
        status = m.status
        if got.damaged and status == MATCHED:
            status, reason = AMBIGUOUS, f"{reason}；文件打不开，请核对后再决定是否登记"
        if earlier:
            status, reason = UNMATCHED, f"同一文件已登记过（{earlier}），不再登记"
        return replace(
            base,
            status=status,
            reason=reason,
            unit_id=unit_id,
            unit=cat.names.get(unit_id, "") if unit_id is not None else "",
            requirement_id=m.item.requirement_id if m.item else None,
            requirement=m.item.title if m.item else "",
            notice=m.item.notice if m.item else "",
            duplicate=bool(earlier),
        )

    def register(self, proposals: Sequence[Proposal], channel: str = "邮件") -> IntakeResult:
        """Register the confirmed ``proposals`` (each with unit and requirement): all or none."""
        wanted = [p for p in proposals if p.registrable]
        missing = [p.file for p in wanted if p.unit_id is None or p.requirement_id is None]
        if missing:
            raise ValidationError("以下文件还没有指定单位或报送事项，未登记任何文件", missing[:20])
        if any(p.received_on > today() for p in wanted):
            raise ValidationError("有文件的收到日期晚于今天，请检查")
        for p in wanted:  # a date the clerk changed in the review, bounded like every other
            check_range(p.received_on, f"“{p.file}”的收到日期")
        skipped = [(p, "同一文件已登记过") for p in proposals if p.duplicate]
        skipped += [(p, p.reason or "无法读取") for p in proposals if not p.sha256]
        stored = {p.sha256: self.ws.files.store(p.path) for p in wanted}  # before the transaction
        changed = [p for p in wanted if stored[p.sha256].sha256 != p.sha256]
        if changed:
            raise ValidationError(
                "以下文件在核对期间被修改过，请重新读取", [p.file for p in changed]
            )
        groups: dict[tuple[int, int, date], Group] = {}
        for p in wanted:
            key = (p.unit_id or 0, p.requirement_id or 0, p.received_on)
            groups.setdefault(key, Group(*key, channel=channel)).add(p.forms, stored[p.sha256])
        with self.ws.transaction() as s:
            change, dupes = write_groups(s, self.ws.user, list(groups.values()))
        skipped += [(p, "同一文件已登记过") for p in wanted if p.sha256 in dupes]
        registered = tuple(p for p in wanted if p.sha256 not in dupes)
        if change is not None:
            self.ws.announce(Changes.of(Topic.SUBMISSIONS))
        return IntakeResult(change, registered, tuple(skipped))


def _known_files(s: Session) -> dict[str, str]:
    return {sha: f"登记为“{name}”" for sha, name in s.execute(
        select(SubmissionFile.sha256, SubmissionFile.original_name)
    )}  # fmt: skip


__all__ = ["AMBIGUOUS", "MATCHED", "UNMATCHED", "IntakeCancelled", "IntakeService", "Proposal"]
