"""报送登记: registering submissions, exemptions, extensions and reminders; the ledger rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from tracker.domain.changes import Changes, Topic
from tracker.domain.clock import today
from tracker.domain.dates import check_range, format_cn
from tracker.domain.errors import ConflictError, NotFoundError, ValidationError
from tracker.domain.forms import Form, format_forms
from tracker.domain.ledger_query import LedgerQuery
from tracker.domain.records import (
    Change,
    Channel,
    ObligationRow,
    ReminderMethod,
    ReminderRecord,
    SubmissionRecord,
)
from tracker.domain.text import normalize_text
from tracker.services import audit
from tracker.services.archiving import ByteProgress, archive_files, discard_on_error
from tracker.services.ledger_rows import load_rows
from tracker.services.ledger_writes import (
    describe,
    granted_day,
    granted_note,
    obligation_state,
    record_reminder,
    revoke_reason,
)
from tracker.services.notices import find_requirement
from tracker.services.reminders import ReminderQuery, list_reminders
from tracker.services.submissions import new_submission, submission_snapshot
from tracker.services.units import find_unit
from tracker.services.workspace import Workspace
from tracker.store.models import Obligation, Submission

Versions = Mapping[int, int] | None


class LedgerService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    # -- reading -------------------------------------------------------------------------
    def rows(self, query: LedgerQuery | None = None) -> list[ObligationRow]:
        q = query or LedgerQuery(as_of=today())
        cal = self.ws.calendar()
        with self.ws.reading() as s:
            return load_rows(s, q, cal)

    def row(self, obligation_id: int, as_of: date | None = None) -> ObligationRow:
        rows = self.rows(LedgerQuery(as_of=as_of or today(), obligation_ids=(obligation_id,)))
        if not rows:
            raise NotFoundError(f"报送义务（编号 {obligation_id}）不存在")
        return rows[0]

    def find_obligation(self, unit: str, requirement: str, notice: str | None = None) -> int:
        """The obligation of ``unit`` (name or alias) for ``requirement`` (title)."""
        with self.ws.reading() as s:
            u = find_unit(s, unit)
            req = find_requirement(s, requirement, notice)
            oid = s.scalar(
                select(Obligation.id).where(
                    Obligation.unit_id == u.id, Obligation.requirement_id == req.id
                )
            )
            if oid is None:
                raise NotFoundError(f"“{u.name}”不在“{req.title}”的报送单位名单中")
            return int(oid)

    def submissions(self, obligation_id: int) -> list[SubmissionRecord]:
        stmt = (
            select(Submission)
            .where(Submission.obligation_id == obligation_id)
            .order_by(Submission.received_on, Submission.id)
        )
        with self.ws.reading() as s:
            return [
                SubmissionRecord(
                    sub.id,
                    sub.obligation_id,
                    sub.received_on,
                    sub.channel,
                    Form(sub.forms),
                    sub.note,
                    tuple((f.original_name, f.sha256) for f in sub.files),
                    sub.created_at,
                    sub.created_by,
                )
                for sub in s.scalars(stmt).all()
            ]

    def reminders(self, query: ReminderQuery | None = None) -> list[ReminderRecord]:
        """催报记录, newest first, narrowed by ``query``."""
        with self.ws.reading() as s:
            return list_reminders(s, query or ReminderQuery())

    # -- writing -------------------------------------------------------------------------
    def register(
        self,
        obligation_id: int,
        forms: Form,
        received_on: date | None = None,
        channel: Channel = Channel.EMAIL,
        note: str = "",
        files: Sequence[Path] = (),
        progress: ByteProgress | None = None,
    ) -> Change:
        """Record that ``forms`` arrived on ``received_on`` (default today). The ``files`` are
        hashed and copied in first, outside the (then short) transaction, reporting
        ``progress(bytes done, bytes in all)``; when that raises (取消) or the write fails,
        the files this call added are taken out again."""
        received_on = received_on or today()
        if forms == Form.NONE:
            raise ValidationError("请至少选择一种收到的材料（电子版、纸质版、加盖公章、佐证材料）")
        if received_on > today():
            raise ValidationError(f"收到日期 {format_cn(received_on)} 晚于今天，请检查")
        check_range(received_on, "收到日期")
        stored = archive_files(self.ws, files, progress)  # before and outside the transaction
        with discard_on_error(self.ws, stored), self.ws.transaction() as s:
            o = self._get(s, obligation_id, lock=True)
            # A new arrival changes what the obligation's status means: an exemption or an
            # extension decided on the screen from before it must be looked at again.
            flag_modified(o, "note")  # an UPDATE, so the version moves on
            sub = new_submission(
                received_on=received_on,
                channel=channel.value,
                forms=int(forms),
                note=normalize_text(note),
                created_by=self.ws.user,
                files=[(f.sha256, f.original_name, f.size) for f in stored],
            )
            o.submissions.append(sub)
            s.flush()
            summary = (
                f"登记报送：{describe(o)}，{format_cn(received_on)}收到"
                f"{format_forms(forms)}（{channel.value}）"
            )
            aid = audit.record(
                s,
                user=self.ws.user,
                action="submission.create",
                entity="submission",
                entity_id=sub.id,
                summary=summary,
                after=submission_snapshot(sub),
            )
            sub_id = sub.id
        self.ws.announce(Changes.of(Topic.SUBMISSIONS, [obligation_id]))
        return Change((aid,), summary, (sub_id,))

    def delete_submission(self, submission_id: int, reason: str) -> Change:
        """删除登记: the registration goes (its archived files stay, so undo brings it back)."""
        reason = revoke_reason(reason)
        gone = NotFoundError(f"登记（编号 {submission_id}）不存在（可能刚被他人删除）")
        with self.ws.transaction() as s:
            oid = s.scalar(select(Submission.obligation_id).where(Submission.id == submission_id))
            if oid is None:
                raise gone
            # The obligation first, then the registration (FOR UPDATE, as register does): a
            # second clerk deleting it at the same instant waits, then finds it gone.
            self._get(s, oid, lock=True)
            sub = s.get(Submission, submission_id, with_for_update=True, populate_existing=True)
            if sub is None:
                raise gone
            # The obligation's version moves on: a dialog showing the old state must re-read.
            flag_modified(sub.obligation, "note")
            summary = (
                f"删除登记：{describe(sub.obligation)}，{format_cn(sub.received_on)}收到"
                f"{format_forms(Form(sub.forms))}（理由：{reason}）"
            )
            aid = audit.record(
                s,
                user=self.ws.user,
                action="submission.delete",
                entity="submission",
                entity_id=sub.id,
                summary=summary,
                before=submission_snapshot(sub),
            )
            oid = sub.obligation_id
            s.delete(sub)
        self.ws.announce(Changes.of(Topic.SUBMISSIONS, [oid]))
        return Change((aid,), summary)

    # The edits below take ``expected``: {obligation id: ObligationRow.version as shown}.
    # An obligation changed by someone else since then is refused (已被他人修改), never
    # silently overwritten. Without it the edit applies to whatever is current.
    def exempt(
        self,
        obligation_ids: Iterable[int],
        reason: str,
        *,
        on: date | None = None,
        expected: Versions = None,
    ) -> Change:
        """免报 granted ``on`` (default today); a past day replayed before it shows none."""
        reason = normalize_text(reason)
        if not reason:
            raise ValidationError("请填写免报理由")
        day = granted_day(on)
        return self._update_each(
            obligation_ids,
            expected,
            "obligation.exempt",
            f"免报（{reason}{granted_note(day)}）",
            exempt_reason=reason,
            exempt_on=day,
        )

    def unexempt(
        self, obligation_ids: Iterable[int], reason: str, *, expected: Versions = None
    ) -> Change:
        """撤销免报: the obligation is owed again (the audit log keeps what it was)."""
        reason = revoke_reason(reason)
        return self._update_each(
            obligation_ids,
            expected,
            "obligation.unexempt",
            f"撤销免报（理由：{reason}）",
            _needs=("exempt_reason", "没有免报"),
            exempt_reason=None,
            exempt_on=None,
        )

    def extend(
        self,
        obligation_ids: Iterable[int],
        to: date,
        reason: str,
        *,
        on: date | None = None,
        expected: Versions = None,
    ) -> Change:
        """延期 to ``to``, granted ``on`` (default today); replayed before it, no extension."""
        reason = normalize_text(reason)
        if not reason:
            raise ValidationError("请填写延期理由")
        day = granted_day(on)
        return self._update_each(
            obligation_ids,
            expected,
            "obligation.extend",
            f"延期至{format_cn(to)}（{reason}{granted_note(day)}）",
            extended_to=to,
            extension_reason=reason,
            extended_on=day,
        )

    def unextend(
        self, obligation_ids: Iterable[int], reason: str, *, expected: Versions = None
    ) -> Change:
        """撤销延期: the original deadline applies again."""
        reason = revoke_reason(reason)
        return self._update_each(
            obligation_ids,
            expected,
            "obligation.unextend",
            f"撤销延期（理由：{reason}）",
            _needs=("extended_to", "没有延期"),
            extended_to=None,
            extension_reason="",
            extended_on=None,
        )

    def remind(
        self,
        obligation_ids: Iterable[int],
        method: ReminderMethod,
        on: date | None = None,
        letter_number: str = "",
        note: str = "",
    ) -> Change:
        on = on or today()
        ids = list(dict.fromkeys(obligation_ids))
        if not ids:
            raise ValidationError("请先选择要催报的单位")
        audit_ids: list[int] = []
        created: list[int] = []
        with self.ws.transaction() as s:
            for oid in ids:
                aid, rid = record_reminder(
                    s, self.ws.user, self._get(s, oid), method, on, letter_number, note
                )
                audit_ids.append(aid)
                created.append(rid)
        self.ws.announce(Changes.of(Topic.REMINDERS, ids))
        return Change(tuple(audit_ids), f"记录催报 {len(ids)} 条", tuple(created))

    # -- helpers -------------------------------------------------------------------------
    def _get(self, s: Session, obligation_id: int, *, lock: bool = False) -> Obligation:
        # FOR UPDATE (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers): a
        # second clerk's edit waits for the first to commit, then sees its version.
        o = s.get(Obligation, obligation_id, with_for_update=lock or None)
        if o is None:
            raise NotFoundError(f"报送义务（编号 {obligation_id}）不存在")
        return o

    def _update_each(
        self,
        obligation_ids: Iterable[int],
        expected: Versions,
        action: str,
        what: str,
        _needs: tuple[str, str] | None = None,
        **values: object,
    ) -> Change:
        """Set ``values`` on each obligation; ``_needs`` (field, what is missing) refuses an
        obligation where that field is empty (nothing to revoke)."""
        ids = list(dict.fromkeys(obligation_ids))
        if not ids:
            raise ValidationError("请先选择报送记录")
        audit_ids: list[int] = []
        try:
            with self.ws.transaction() as s:
                for oid in ids:
                    o = self._get(s, oid, lock=True)
                    if expected is not None and o.version != expected.get(oid, o.version):
                        raise ConflictError(
                            f"“{describe(o)}”已被他人修改（可能刚登记了报送或办理了免报、延期），"
                            "未作改动。请刷新后重试"
                        )
                    if _needs is not None and getattr(o, _needs[0]) is None:
                        raise ValidationError(f"“{describe(o)}”{_needs[1]}，无需撤销")
                    if "extended_to" in values and values["extended_to"] is not None:
                        self._check_extension(o, values["extended_to"])  # type: ignore[arg-type]
                    before = obligation_state(o)
                    for key, value in values.items():
                        setattr(o, key, value)
                    s.flush()
                    audit_ids.append(
                        audit.record(
                            s,
                            user=self.ws.user,
                            action=action,
                            entity="obligation",
                            entity_id=o.id,
                            summary=f"{describe(o)}：{what}",
                            before=before,
                            after=obligation_state(o),
                        )
                    )
        except StaleDataError:
            raise ConflictError("记录已被他人修改，请刷新后重试") from None
        self.ws.announce(Changes.of(Topic.OBLIGATIONS, ids))
        return Change(tuple(audit_ids), f"{what}：{len(ids)} 条")

    @staticmethod
    def _check_extension(o: Obligation, to: date) -> None:
        check_range(to, "延期日期")
        if to <= o.requirement.deadline:
            raise ValidationError(
                f"{describe(o)}：延期日期 {format_cn(to)} 应晚于原定时限 "
                f"{format_cn(o.requirement.deadline)}"
            )
