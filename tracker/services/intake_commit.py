"""Writing a confirmed batch: one submission per unit × requirement × day, in the caller's
transaction, each audited as ``submission.create`` so that one undo takes the batch back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from tracker.domain.dates import format_cn
from tracker.domain.errors import ValidationError
from tracker.domain.forms import Form, format_forms
from tracker.domain.records import Change
from tracker.services import audit
from tracker.services.files import StoredFile
from tracker.services.ledger_writes import describe
from tracker.services.submissions import submission_snapshot
from tracker.store.models import Obligation, Requirement, Submission, SubmissionFile, Unit
from tracker.store.time import now


@dataclass(slots=True)
class Group:
    unit_id: int
    requirement_id: int
    received_on: date
    channel: str = "邮件"
    forms: Form = Form.NONE
    files: list[StoredFile] = field(default_factory=list)

    def add(self, forms: Form, stored: StoredFile) -> None:
        self.forms |= forms
        if all(f.sha256 != stored.sha256 for f in self.files):
            self.files.append(stored)


def _obligation(s: Session, g: Group) -> Obligation:
    o = s.scalar(
        select(Obligation)
        .where(Obligation.unit_id == g.unit_id, Obligation.requirement_id == g.requirement_id)
        .with_for_update()
    )
    if o is None:
        unit, req = s.get(Unit, g.unit_id), s.get(Requirement, g.requirement_id)
        raise ValidationError(
            f"“{unit.name if unit else g.unit_id}”不在“{req.title if req else g.requirement_id}”"
            "的报送单位名单中，未登记任何文件"
        )
    return o


def write_groups(s: Session, user: str, groups: list[Group]) -> tuple[Change | None, set[str]]:
    """(the change, the hashes skipped because the ledger already holds them)."""
    if s.get_bind().dialect.name == "postgresql":
        # Two clerks registering the same folder at once take turns here (SQLite's BEGIN
        # IMMEDIATE already does): the second then reads the first's files as registered.
        s.execute(text("SELECT pg_advisory_xact_lock(hashtext('tracker.intake'))"))
    hashes = [f.sha256 for g in groups for f in g.files]
    already = set(s.scalars(select(SubmissionFile.sha256).where(SubmissionFile.sha256.in_(hashes))))
    written: set[str] = set()
    audit_ids: list[int] = []
    created: list[int] = []
    for g in groups:
        files = [f for f in g.files if f.sha256 not in already and f.sha256 not in written]
        if not files:
            continue
        o = _obligation(s, g)
        flag_modified(o, "note")  # the version moves on, as for a single registration
        sub = Submission(
            received_on=g.received_on,
            channel=g.channel,
            forms=int(g.forms),
            note="批量登记",
            created_at=now(),
            created_by=user,
            files=[SubmissionFile(sha256=f.sha256, original_name=f.original_name, size=f.size)
                   for f in files],
        )  # fmt: skip
        o.submissions.append(sub)
        s.flush()
        summary = (
            f"登记报送：{describe(o)}，{format_cn(g.received_on)}收到{format_forms(g.forms)}"
            f"（{g.channel}，批量登记 {len(files)} 个文件）"
        )
        snapshot = submission_snapshot(sub)
        audit_ids.append(
            audit.record(
                s,
                user=user,
                action="submission.create",
                entity="submission",
                entity_id=sub.id,
                summary=summary,
                after=snapshot,
            )
        )
        created.append(sub.id)
        written.update(f.sha256 for f in files)
    skipped = set(hashes) & already
    if not audit_ids:
        return None, skipped
    return Change(tuple(audit_ids), f"批量登记：{len(created)} 条报送记录", tuple(created)), skipped
