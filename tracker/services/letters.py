"""催报函: which obligations to chase, composing the letters, numbering and issuing them.

Issuing is all or nothing: the letters are rendered with the numbers free now and their PDF
archived before the write transaction (``services.issuing``, so a reprint is the very same
letter); the transaction takes the numbers from the per-year sequence (never reused) and gives
every obligation a letter covers a 催报 record (method 函, with the letter number).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.changes import Changes, Topic
from tracker.domain.clock import today
from tracker.domain.dates import check_range, format_cn
from tracker.domain.errors import NotFoundError, TrackerError, ValidationError
from tracker.domain.letter_compose import (
    LetterFrame,
    compose_group_letter,
    compose_unit_letter,
    group_addressee,
)
from tracker.domain.letter_request import (
    MODES,
    IssuedLetterRecord,
    IssueResult,
    LetterDraft,
    LetterRequest,
)
from tracker.domain.letters import LetterItem, fill_template
from tracker.domain.limits import ADDRESSEE_LIMIT, letter_prefix_problems, template_problem
from tracker.domain.office import OfficeSettings, require_letter_office
from tracker.domain.records import ObligationRow
from tracker.domain.status import NEEDS_ACTION
from tracker.services.files import read_archived
from tracker.services.issuing import issue_numbered
from tracker.services.ledger import LedgerService
from tracker.services.ledger_rows import LedgerQuery
from tracker.services.letter_store import (
    PlacedLetter,
    letter_record,
    next_numbers,
    sample_number,
    save_letters,
    saved_record,
)
from tracker.services.notices import NoticeService
from tracker.services.settings import SettingsService
from tracker.services.workspace import Workspace
from tracker.store.models import IssuedLetter

if TYPE_CHECKING:
    from tracker.reports.pdf_letters import RenderReport

# Archived PDFs are named by their hash; the suffix is what the name contributes.
ARCHIVE_NAME = "letter.pdf"
Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


class LetterService:
    def __init__(
        self,
        ws: Workspace,
        ledger: LedgerService,
        notices: NoticeService,
        settings: SettingsService,
    ) -> None:
        self.ws = ws
        self.ledger = ledger
        self.notices = notices
        self.settings = settings

    # -- what to chase ---------------------------------------------------------------
    def rows(self, req: LetterRequest) -> list[ObligationRow]:
        query = LedgerQuery(
            as_of=req.as_of,
            notice_ids=req.notice_ids,
            requirement_ids=req.requirement_ids,
            categories=req.categories,
            unit_ids=req.unit_ids,
            obligation_ids=req.obligation_ids,
            statuses=NEEDS_ACTION,
        )
        return self.ledger.rows(query)

    def items(self, req: LetterRequest) -> list[LetterItem]:
        """The obligations to chase, as letter items."""
        rows = self.rows(req)
        notices = {n: self.notices.get(n) for n in {r.notice_id for r in rows}}
        items = [
            LetterItem(
                r.obligation_id, r.unit_id, r.unit_name, r.category, r.notice_id, r.notice_title,
                r.doc_number, notices[r.notice_id].issuer, notices[r.notice_id].issued_on,
                r.requirement_id, r.requirement_title, r.effective_deadline, r.required_forms,
                r.missing_forms, r.days_overdue, r.deadline,
            )
            for r in rows
        ]  # fmt: skip
        return items

    # -- composing -------------------------------------------------------------------
    def new_deadline(self, letter_date: date, office: OfficeSettings | None = None) -> date:
        office = office or self.settings.office()
        return self.ws.calendar().add_workdays(letter_date, office.reminder_workdays)

    def drafts(self, req: LetterRequest, numbers: Sequence[str] | None = None) -> list[LetterDraft]:
        """The letters as they would be issued now. Without ``numbers`` they are 样稿: marked
        on every page, the number left blank (``津市场监管标准函〔2026〕　号``)."""
        if req.mode not in MODES:
            raise ValidationError(
                f"发函方式应为 unit（按单位）或 category（按类别），而不是“{req.mode}”"
            )
        office = self.settings.office()
        require_letter_office(office)
        _check_request(req, office)
        template = req.template
        if template is not None:
            fill_template(template, {})  # an unknown placeholder fails before anything else
        items = self.items(req)
        if not items:
            raise ValidationError(
                f"截至{format_cn(req.as_of)}，所选范围内没有逾期未报或部分报送的单位"
            )
        groups = _group(items, req.mode)
        letter_date = req.letter_date or today()
        sample = numbers is None
        if numbers is None:
            numbers = [sample_number(office.letter_prefix, letter_date.year)] * len(groups)
        deadline = self.new_deadline(letter_date, office)
        drafts = []
        for owed, number in zip(groups.values(), numbers, strict=True):
            frame = LetterFrame(number, letter_date, req.as_of, deadline)
            if req.mode == "unit":
                content = compose_unit_letter(owed, office, frame, template)
                unit_id: int | None = owed[0].unit_id
            else:
                to = req.addressee or group_addressee(owed[0].category)
                content = compose_group_letter(owed, office, frame, to, template)
                unit_id = None
            content = replace(content, sample=sample)
            drafts.append(LetterDraft(content, _ids(owed), unit_id, owed[0].category, deadline))
        return drafts

    def warnings(self, req: LetterRequest) -> list[str]:
        """What the clerk should know before issuing: a new deadline counted over a year
        without holiday data; a letter dated before the last one issued (numbers out of date
        order). Neither stops issuing."""
        office = self.settings.office()
        letter_date = req.letter_date or today()
        deadline = self.new_deadline(letter_date, office)
        out = [self.ws.calendar().count_warning(letter_date, deadline)]
        last = self._last_issued(office.letter_prefix, letter_date.year)
        if last is not None and letter_date < last.letter_date:
            out.append(
                f"发函日期{format_cn(letter_date)}早于已发出的{last.number}"
                f"（{format_cn(last.letter_date)}）：新函的文号将排在其后，文号与日期先后不一致。"
            )
        return [w for w in out if w]

    def _last_issued(self, prefix: str, year: int) -> IssuedLetter | None:
        stmt = (
            select(IssuedLetter)
            .where(IssuedLetter.prefix == prefix.strip(), IssuedLetter.year == year)
            .order_by(IssuedLetter.letter_date.desc(), IssuedLetter.sequence.desc())
            .limit(1)
        )
        with self.ws.reading() as s:
            row = s.scalar(stmt)
            if row is not None:
                s.expunge(row)
            return row

    def peek_numbers(
        self, count: int, letter_date: date, office: OfficeSettings | None = None
    ) -> list[str]:
        office = office or self.settings.office()
        with self.ws.reading() as s:
            return next_numbers(s, office.letter_prefix, letter_date.year, count, reserve=False)

    def preview_pdf(self, req: LetterRequest, limit: int = 1) -> bytes:
        """The first ``limit`` letters as a PDF, nothing recorded (for the live preview)."""
        from tracker.reports.pdf_letters import letters_pdf

        drafts = self.drafts(req)[:limit]
        duplex = self.settings.office().letter_duplex
        return letters_pdf([d.content for d in drafts], duplex=duplex)[0]

    # -- issuing ---------------------------------------------------------------------
    def issue(
        self,
        req: LetterRequest,
        progress: Progress | None = None,
        cancelled: IsCancelled | None = None,
    ) -> IssueResult:
        """Number, render, archive and record the letters, all or nothing. The PDF is rendered
        and archived with the numbers that are free now, before the write transaction; the
        transaction takes them (re-rendering only if another clerk took them meanwhile) and
        records the letters, reminders and audit entries. Progress counts rendering then
        recording, two steps a letter."""
        from tracker.reports.pdf_output import Cancelled

        drafts = self.drafts(req)
        office = self.settings.office()
        count = len(drafts)
        letter_date = drafts[0].content.letter_date

        def step(n: int) -> None:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(n, 2 * count)

        duplex = office.letter_duplex
        rendered, records = issue_numbered(
            self.ws,
            self.peek_numbers(count, letter_date, office),
            lambda numbers: self._render(drafts, numbers, duplex, step),
            lambda s: next_numbers(s, office.letter_prefix, letter_date.year, count, reserve=True),
            lambda s, r: (r, self._save(s, req, r, lambda n: step(count + n))),
            again=lambda numbers: self._render(drafts, numbers, duplex, None),  # counted once
        )
        covered = [oid for d in drafts for oid in d.obligation_ids]
        self.ws.announce(Changes.of(Topic.REMINDERS | Topic.LETTERS, covered))
        contents = [p.draft.content for p in rendered.letters]
        return IssueResult(records, rendered.combined, rendered.report.missing_chars, contents)

    def _render(
        self,
        drafts: list[LetterDraft],
        numbers: Sequence[str],
        duplex: bool,
        step: Callable[[int], None] | None,
    ) -> _Rendered:
        """The numbered letters as one PDF, archived once as printed (content-addressed, so a
        rolled-back issue leaves only an unreferenced file); each letter's pages in it."""
        from tracker.reports.pdf_letters import letters_pdf
        from tracker.reports.pdf_split import first_pages

        numbered = [_numbered(d, num) for d, num in zip(drafts, numbers, strict=True)]
        tick = (lambda n, _: step(n)) if step is not None else None
        combined, report = letters_pdf([d.content for d in numbered], progress=tick, duplex=duplex)
        (stored,) = self.ws.files.store_many_bytes([combined], ARCHIVE_NAME)
        starts = first_pages(report.page_counts, report.blanks)
        placed = [
            PlacedLetter(d, first, pages)
            for d, first, pages in zip(numbered, starts, report.page_counts, strict=True)
        ]
        return _Rendered(placed, combined, report, stored.sha256)

    def _save(
        self, s: Session, req: LetterRequest, rendered: _Rendered, step: Callable[[int], None]
    ) -> list[IssuedLetterRecord]:
        """The letters, reminders and audit entries, inside the issuing transaction."""
        archived = self.ws.files.path_for(rendered.sha256, ARCHIVE_NAME)
        rows = save_letters(s, self.ws.user, req, rendered.letters, rendered.sha256)
        records = []
        for n, row in enumerate(rows, 1):
            records.append(saved_record(row, archived))
            step(n)
        return records

    def letter_pdf(self, letter: IssuedLetterRecord) -> bytes:
        """The letter's own PDF: its pages of the archive it was printed in, as printed."""
        from tracker.reports.pdf_split import extract_pages

        # Checked against its SHA-256 first: PDFium reads a damaged file as best it can, and
        # a flipped byte would reprint a letter that differs from the one sent.
        archived = read_archived(letter.archive_path, letter.number)
        try:
            return extract_pages(archived, letter.first_page, letter.pages)
        except (RuntimeError, ValueError) as exc:  # PdfiumError is a RuntimeError
            raise TrackerError(f"{letter.number}的存档文件已损坏，无法取出该函") from exc

    # -- issued letters --------------------------------------------------------------
    def issued(self, year: int | None = None) -> list[IssuedLetterRecord]:
        stmt = select(IssuedLetter).order_by(IssuedLetter.year.desc(), IssuedLetter.sequence.desc())
        if year is not None:
            stmt = stmt.where(IssuedLetter.year == year)
        with self.ws.reading() as s:
            return [self._record(s, row) for row in s.scalars(stmt)]

    def find(self, number: str) -> IssuedLetterRecord:
        key = number.strip()
        with self.ws.reading() as s:
            row = s.scalar(select(IssuedLetter).where(IssuedLetter.number == key))
            if row is None and key.isdigit():
                row = s.get(IssuedLetter, int(key))
            if row is None:
                raise NotFoundError(f"找不到催报函“{key}”")
            return self._record(s, row)

    def _record(self, s: Session, row: IssuedLetter) -> IssuedLetterRecord:
        del s
        return letter_record(row, self.ws.files.path_for(row.pdf_sha256, ARCHIVE_NAME))


@dataclass(frozen=True, slots=True)
class _Rendered:
    letters: list[PlacedLetter]
    combined: bytes
    report: RenderReport
    sha256: str  # of ``combined`` in the archive


def _check_request(req: LetterRequest, office: OfficeSettings) -> None:
    """What a clerk typed (dates, the addressee) and the prefix, before anything is composed."""
    problems = letter_prefix_problems(office.letter_prefix)
    if req.template is not None and (problem := template_problem(req.template)):
        problems.append(problem)
    if req.addressee and len(req.addressee) > ADDRESSEE_LIMIT:
        problems.append(f"主送机关过长（{len(req.addressee)}个字，最多{ADDRESSEE_LIMIT}个字）")
    for label, day in (("统计截止日期", req.as_of), ("发函日期", req.letter_date)):
        if day is not None:
            try:
                check_range(day, label)
            except ValidationError as exc:
                problems.append(str(exc))
    letter_date = req.letter_date or today()
    if req.as_of > letter_date:  # a letter cannot say how things stand after its own date
        problems.append(
            f"统计截止日期{format_cn(req.as_of)}晚于发函日期{format_cn(letter_date)}："
            "函中“截至……”的日期不能晚于发函日期"
        )
    if problems:
        raise ValidationError("催报函的设置有误", problems)


def _group(items: list[LetterItem], mode: str) -> dict[object, list[LetterItem]]:
    groups: dict[object, list[LetterItem]] = {}
    for item in items:
        # A category letter concerns one notice: its 缘由 and name list stay readable.
        key = item.unit_id if mode == "unit" else (item.category, item.notice_id)
        groups.setdefault(key, []).append(item)
    return groups


def _numbered(draft: LetterDraft, number: str) -> LetterDraft:
    return replace(draft, content=replace(draft.content, number=number, sample=False))


def _ids(items: Sequence[LetterItem]) -> tuple[int, ...]:
    return tuple(i.obligation_id for i in items)
