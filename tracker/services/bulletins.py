"""上报情况通报: composing, numbering, issuing and reprinting; the list for the next one.

Issuing renders the PDF and the .docx with the next free number and archives both before the
write transaction (``services.issuing``); the transaction takes the number, records what the
通报 counted and takes its units off the list for the next 通报. A number someone took
meanwhile is rendered and archived again inside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.bulletin import BulletinContent, check_template
from tracker.domain.bulletin_compose import BulletinFrame, NoticeFacts, compose_bulletin
from tracker.domain.bulletin_request import (
    BulletinIssue,
    BulletinRecord,
    BulletinRequest,
    QueuedUnit,
)
from tracker.domain.changes import Changes, Topic
from tracker.domain.clock import today
from tracker.domain.errors import NotFoundError, ValidationError
from tracker.domain.ledger_query import LedgerQuery
from tracker.domain.limits import BULLETIN_TEXT_LIMIT, template_problem
from tracker.domain.office import OfficeSettings, require_bulletin_office
from tracker.domain.ranking import RankingScope, rank_units
from tracker.domain.records import Change, ObligationRow
from tracker.services import audit
from tracker.services.bulletin_store import (
    BULLETIN_DOCX,
    BULLETIN_PDF,
    bulletin_record,
    check_free,
    draft_number,
    peek_sequence,
    save_bulletin,
    take_sequence,
)
from tracker.services.issuing import issue_numbered
from tracker.services.ledger import LedgerService
from tracker.services.letter_store import format_number
from tracker.services.notices import NoticeService
from tracker.services.settings import SettingsService
from tracker.services.units import UnitService
from tracker.services.workspace import Workspace, retry_races
from tracker.store.models import Bulletin, BulletinQueueEntry, Notice, Obligation, Requirement, Unit
from tracker.store.time import now


class BulletinService:
    def __init__(
        self,
        ws: Workspace,
        ledger: LedgerService,
        notices: NoticeService,
        units: UnitService,
        settings: SettingsService,
    ) -> None:
        self.ws = ws
        self.ledger = ledger
        self.notices = notices
        self.units = units
        self.settings = settings

    # -- composing -------------------------------------------------------------------------
    def rows(self, req: BulletinRequest) -> list[ObligationRow]:
        """The obligations the 通报 counts: its notice's (the year's, when given)."""
        scope = RankingScope(req.as_of, notice_ids=(req.notice_id,), year=req.year)
        query = LedgerQuery(as_of=req.as_of, notice_ids=(req.notice_id,))
        return [r for r in self.ledger.rows(query) if scope.covers(r)]

    def compose(
        self, req: BulletinRequest, number: str, *, sample: bool = False
    ) -> tuple[BulletinContent, list[ObligationRow]]:
        office = self.settings.office()
        _check_request(req)
        if req.template is not None:
            check_template(req.template)  # an unknown placeholder fails before anything else
        notice = self.notices.get(req.notice_id)
        rows = self.rows(req)
        if not rows:
            year = f"{req.year}年" if req.year else ""
            raise ValidationError(f"《{notice.title}》{year}没有任何报送单位，无可通报的内容")
        scope = RankingScope(req.as_of, notice_ids=(req.notice_id,), year=req.year)
        ranking = rank_units(rows, scope, self.units.categories())
        counted = {r.requirement_id for r in rows}
        facts = NoticeFacts(
            notice.id, notice.title, notice.doc_number, notice.issuer, notice.issued_on,
            tuple((q.title, q.deadline) for q in notice.requirements if q.id in counted),
        )  # fmt: skip
        day = req.bulletin_date or today()
        deadline = self.ws.calendar().add_workdays(day, office.reminder_workdays)
        frame = BulletinFrame(number, day, req.as_of, deadline)
        content = compose_bulletin(rows, ranking, facts, office, frame, template=req.template,
                                   to=req.addressee, sample=sample)  # fmt: skip
        _check_lengths(content)
        return content, rows

    def draft(self, req: BulletinRequest) -> BulletinContent:
        """A 样稿: the number left blank, nothing recorded."""
        office = self._office()
        year = (req.bulletin_date or today()).year
        return self.compose(req, draft_number(office.bulletin_prefix, year), sample=True)[0]

    def preview_pdf(self, req: BulletinRequest) -> bytes:
        from tracker.reports.pdf_bulletin import bulletin_pdf

        return bulletin_pdf(self.draft(req))[0]

    def peek_number(self, year: int, sequence: int | None = None) -> str:
        office = self._office()
        with self.ws.reading() as s:
            if sequence is not None:  # one out of range or used: refused before any rendering
                return check_free(s, office.bulletin_prefix, year, sequence)
            n = peek_sequence(s, office.bulletin_prefix, year)
        return format_number(office.bulletin_prefix.strip(), year, n)

    # -- issuing ---------------------------------------------------------------------------
    def issue(self, req: BulletinRequest) -> BulletinIssue:
        """Number, render (PDF and .docx), archive and record one 通报, all or nothing."""
        office = self._office()
        year = (req.bulletin_date or today()).year
        content, rows = self.compose(req, self.peek_number(year, req.sequence))

        def record(s: Session, done: _Rendered) -> BulletinIssue:
            row = save_bulletin(s, self.ws.user, req, done.content, rows, done.files, done.pages)
            return BulletinIssue(bulletin_record(row, self.ws.files), done.content, done.pdf,
                                 done.missing)  # fmt: skip

        issued = issue_numbered(
            self.ws,
            content.number,
            lambda number: self._render(replace(content, number=number)),
            lambda s: take_sequence(s, office.bulletin_prefix, year, req.sequence),
            record,
        )
        self.ws.announce(Changes.of(Topic.BULLETINS))
        return issued

    def _render(self, content: BulletinContent) -> _Rendered:
        """The numbered 通报 as PDF and .docx, both archived in one pass (content-addressed:
        an issue that rolls back leaves only files nothing refers to)."""
        from tracker.reports.docx_bulletin import bulletin_docx
        from tracker.reports.pdf_bulletin import bulletin_pdf

        pdf, report = bulletin_pdf(content)
        blobs = [(pdf, BULLETIN_PDF), (bulletin_docx(content), BULLETIN_DOCX)]
        stored_pdf, stored_docx = self.ws.files.store_generated(blobs)
        return _Rendered(content, pdf, report.pages, frozenset(report.missing_chars),
                         (stored_pdf.sha256, stored_docx.sha256))  # fmt: skip

    def issued(self, year: int | None = None) -> list[BulletinRecord]:
        stmt = select(Bulletin).order_by(Bulletin.year.desc(), Bulletin.sequence.desc())
        if year is not None:
            stmt = stmt.where(Bulletin.year == year)
        with self.ws.reading() as s:
            return [bulletin_record(b, self.ws.files) for b in s.scalars(stmt)]

    def find(self, number: str) -> BulletinRecord:
        key = number.strip()
        with self.ws.reading() as s:
            row = s.scalar(select(Bulletin).where(Bulletin.number == key))
            if row is None and key.isdigit():
                row = s.get(Bulletin, int(key))
            if row is None:
                raise NotFoundError(f"找不到通报“{key}”")
            return bulletin_record(row, self.ws.files)

    def _office(self) -> OfficeSettings:
        office = self.settings.office()
        require_bulletin_office(office)
        return office

    # -- the list for the next 通报 ---------------------------------------------------------
    @retry_races  # two clerks adding the same unit at once: the second run finds it listed
    def queue(self, obligation_ids: Iterable[int], on: date | None = None) -> Change:
        """Put obligations on the list for the next 通报 on their notice (the ladder's step)."""
        ids = list(dict.fromkeys(obligation_ids))
        if not ids:
            raise ValidationError("请先选择要列入通报的单位")
        day = on or today()
        audit_ids = []
        with self.ws.transaction() as s:
            for oid in ids:
                o = _obligation(s, oid)
                if s.get(BulletinQueueEntry, oid) is not None:
                    continue
                entry = BulletinQueueEntry(obligation_id=oid, added_on=day, created_at=now(),
                                           created_by=self.ws.user)  # fmt: skip
                s.add(entry)
                audit_ids.append(_audit_queue(s, self.ws.user, o, entry, queued=True))
        self.ws.announce(Changes.of(Topic.BULLETINS))
        return Change(tuple(audit_ids), f"列入下次通报 {len(audit_ids)} 项")

    def unqueue(self, obligation_ids: Iterable[int]) -> Change:
        audit_ids = []
        with self.ws.transaction() as s:
            for oid in dict.fromkeys(obligation_ids):
                # FOR UPDATE: a second clerk removing it at once waits, then finds it gone.
                entry = s.get(BulletinQueueEntry, oid, with_for_update=True)
                if entry is None:
                    continue
                s.delete(entry)
                o = _obligation(s, oid)
                audit_ids.append(_audit_queue(s, self.ws.user, o, entry, queued=False))
        self.ws.announce(Changes.of(Topic.BULLETINS))
        return Change(tuple(audit_ids), f"移出下次通报 {len(audit_ids)} 项")

    def queued(self, notice_id: int | None = None) -> list[QueuedUnit]:
        stmt = (
            select(BulletinQueueEntry, Obligation.unit_id, Unit.name, Requirement.notice_id,
                   Notice.doc_number, Notice.title, Requirement.title)
            .join(Obligation, Obligation.id == BulletinQueueEntry.obligation_id)
            .join(Unit, Unit.id == Obligation.unit_id)
            .join(Requirement, Requirement.id == Obligation.requirement_id)
            .join(Notice, Notice.id == Requirement.notice_id)
            .order_by(BulletinQueueEntry.added_on, Notice.id, Requirement.position, Unit.sort_order)
        )  # fmt: skip
        if notice_id is not None:
            stmt = stmt.where(Requirement.notice_id == notice_id)
        with self.ws.reading() as s:
            return [
                QueuedUnit(
                    e.obligation_id, uid, unit, nid, number or title, req, e.added_on, e.created_by
                )
                for e, uid, unit, nid, number, title, req in s.execute(stmt)
            ]


def _check_request(req: BulletinRequest) -> None:
    """What the clerk typed, before anything is composed: the template and the 主送."""
    problems = []
    if req.template is not None and (problem := template_problem(req.template, "通报模板")):
        problems.append(problem)
    if req.addressee and len(req.addressee) > BULLETIN_TEXT_LIMIT:
        problems.append(f"主送机关过长（{len(req.addressee)}个字，最多{BULLETIN_TEXT_LIMIT}个字）")
    if problems:
        raise ValidationError("通报的设置有误", problems)


def _check_lengths(content: BulletinContent) -> None:
    """The title comes from the notice's title and its items: a very long one would not fit
    the database's column (PostgreSQL refuses it) nor a title block."""
    for label, text, fix in (
        ("通报标题", content.title, "请缩短通知标题或报送事项名称"),
        ("主送机关", content.addressee, "请另填一个简短的主送机关"),
    ):
        if len(text) > BULLETIN_TEXT_LIMIT:
            raise ValidationError(
                f"{label}过长（{len(text)}个字，最多{BULLETIN_TEXT_LIMIT}个字）：“{text[:30]}…”，{fix}"
            )


@dataclass(frozen=True, slots=True)
class _Rendered:
    """A numbered 通报, rendered and archived."""

    content: BulletinContent
    pdf: bytes
    pages: int
    missing: frozenset[str]  # characters the fonts lack
    files: tuple[str, str]  # SHA-256 of the PDF and of the .docx in the archive


def _obligation(s: Session, oid: int) -> Obligation:
    o = s.get(Obligation, oid)
    if o is None:
        raise NotFoundError(f"报送义务（编号 {oid}）不存在")
    return o


def queue_entry_state(entry: BulletinQueueEntry) -> dict[str, object]:
    """A list entry as its audit entry records it (undo puts it back from this)."""
    return {
        "obligation_id": entry.obligation_id,
        "added_on": entry.added_on,
        "created_at": entry.created_at,
        "created_by": entry.created_by,
    }


def _audit_queue(
    s: Session, user: str, o: Obligation, entry: BulletinQueueEntry, *, queued: bool
) -> int:
    """列入 records the entry it made (after), 移出 the one it took away (before): Ctrl+Z
    takes either back (``services.undo``)."""
    verb, action = ("列入", "bulletin.queue") if queued else ("移出", "bulletin.unqueue")
    state = queue_entry_state(entry)
    return audit.record(
        s, user=user, action=action, entity="obligation", entity_id=o.id,
        summary=f"{verb}下次通报：{o.unit.name}·{o.requirement.title}",
        before=None if queued else state, after=state if queued else {"obligation_id": o.id},
    )  # fmt: skip
