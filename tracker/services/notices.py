"""通知与报送事项: notices, their requirements, and the obligations they create."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from tracker.domain.changes import Changes, Topic
from tracker.domain.errors import AmbiguousError, ConflictError, NotFoundError, ValidationError
from tracker.domain.forms import Form
from tracker.domain.records import (
    Change,
    Contact,
    NoticeRecord,
    NoticeSpec,
    RequirementRecord,
    RequirementSpec,
)
from tracker.domain.workdays import WorkCalendar
from tracker.services import audit
from tracker.services.notice_sync import (
    notice_snapshot,
    sync_requirements,
    validate_notice,
)
from tracker.services.workspace import Workspace, retry_races
from tracker.store.models import Notice, Obligation, Requirement, Submission, Unit
from tracker.store.time import now


def notice_record(n: Notice, counts: dict[int, int], cal: WorkCalendar) -> NoticeRecord:
    reqs = tuple(
        RequirementRecord(
            id=r.id,
            notice_id=n.id,
            title=r.title,
            deadline=r.deadline,
            forms=Form(r.forms),
            categories=tuple(c for c in r.categories.split("、") if c),
            note=r.note,
            obligations=counts.get(r.id, 0),
            deadline_note=cal.info(r.deadline).note,
        )
        for r in n.requirements
    )
    contacts = tuple(Contact(c.name, c.phone, c.email) for c in n.contacts)
    return NoticeRecord(
        n.id,
        n.doc_number,
        n.title,
        n.issuer,
        n.issued_on,
        n.theme,
        n.body_note,
        contacts,
        reqs,
        n.version,
    )


def find_notice(s: Session, text: str) -> Notice:
    """A notice by id, doc number or title; a unique partial match also counts."""
    key = text.strip()
    if key.isdigit() and (by_id := s.get(Notice, int(key))) is not None:
        return by_id
    exact = s.scalars(select(Notice).where(or_(Notice.doc_number == key, Notice.title == key)))
    found = list(exact.all())
    if not found:
        like = select(Notice).where(
            or_(Notice.doc_number.contains(key), Notice.title.contains(key))
        )
        found = list(s.scalars(like).all())
    if len(found) == 1:
        return found[0]
    if not found:
        raise NotFoundError(f"找不到通知“{key}”（可用文号、标题或编号）")
    names = "；".join(f"{n.doc_number} {n.title}".strip() for n in found[:6])
    raise AmbiguousError(f"“{key}”对应多个通知：{names}。请写完整文号")


def find_requirement(s: Session, title: str, notice: str | None = None) -> Requirement:
    """A requirement by title (exact, else partial), narrowed by ``notice`` when given."""
    key = title.strip()
    base = select(Requirement).join(Notice)
    if notice:
        base = base.where(Requirement.notice_id == find_notice(s, notice).id)
    if key.isdigit() and (by_id := s.get(Requirement, int(key))) is not None:
        return by_id
    found = list(s.scalars(base.where(Requirement.title == key)).all())
    if not found:
        found = list(s.scalars(base.where(Requirement.title.contains(key))).all())
    if len(found) == 1:
        return found[0]
    if not found:
        where = f"通知“{notice}”中" if notice else ""
        raise NotFoundError(f"{where}找不到报送事项“{key}”")
    names = "；".join(f"{r.notice.doc_number or r.notice.title}：{r.title}" for r in found[:6])
    raise AmbiguousError(f"“{key}”对应多个报送事项（{names}），请用 --notice 指明通知")


class NoticeService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def _counts(self, s: Session) -> dict[int, int]:
        stmt = select(Obligation.requirement_id, func.count()).group_by(Obligation.requirement_id)
        return {rid: n for rid, n in s.execute(stmt)}

    def list_notices(self) -> list[NoticeRecord]:
        stmt = (
            select(Notice)
            .options(selectinload(Notice.requirements), selectinload(Notice.contacts))
            .order_by(Notice.issued_on.desc().nulls_last(), Notice.id.desc())
        )
        cal = self.ws.calendar()
        with self.ws.reading() as s:
            counts = self._counts(s)
            return [notice_record(n, counts, cal) for n in s.scalars(stmt).all()]

    def get(self, notice_id: int) -> NoticeRecord:
        with self.ws.reading() as s:
            n = s.get(Notice, notice_id)
            if n is None:
                raise NotFoundError(f"通知（编号 {notice_id}）不存在")
            return notice_record(n, self._counts(s), self.ws.calendar())

    def resolve(self, text: str) -> NoticeRecord:
        with self.ws.reading() as s:
            return notice_record(find_notice(s, text), self._counts(s), self.ws.calendar())

    def resolve_requirement(self, title: str, notice: str | None = None) -> RequirementRecord:
        with self.ws.reading() as s:
            req = find_requirement(s, title, notice)
            rec = notice_record(req.notice, self._counts(s), self.ws.calendar())
        return next(r for r in rec.requirements if r.id == req.id)

    def required_unit_ids(self, requirement_id: int) -> list[int]:
        with self.ws.reading() as s:
            stmt = select(Obligation.unit_id).where(Obligation.requirement_id == requirement_id)
            return list(s.scalars(stmt).all())

    @retry_races
    def create(self, spec: NoticeSpec) -> tuple[int, Change]:
        with self.ws.transaction() as s:
            validate_notice(s, spec)
            notice = Notice(created_at=now())
            s.add(notice)
            created = sync_requirements(s, notice, spec)
            units = len({o.unit_id for r in notice.requirements for o in r.obligations})
            summary = (
                f"新建通知“{notice.doc_number or notice.title}”：{len(notice.requirements)}项"
                f"报送事项，{units}个单位需报送（共{created}条报送义务）"
            )
            aid = audit.record(
                s,
                user=self.ws.user,
                action="notice.create",
                entity="notice",
                entity_id=notice.id,
                summary=summary,
                after=notice_snapshot(notice),
            )
            notice_id = notice.id
        self.ws.announce(Changes.of(Topic.NOTICES))
        return notice_id, Change((aid,), summary)

    @retry_races
    def update(
        self, notice_id: int, spec: NoticeSpec, expected_version: int | None = None
    ) -> Change:
        try:
            with self.ws.transaction() as s:
                notice = s.get(Notice, notice_id)
                if notice is None:
                    raise NotFoundError(f"通知（编号 {notice_id}）不存在")
                if expected_version is not None and notice.version != expected_version:
                    raise ConflictError("该通知已被他人修改，请刷新后重试")
                validate_notice(s, spec, notice_id)
                before = notice_snapshot(notice)
                sync_requirements(s, notice, spec)
                summary = f"修改通知“{notice.doc_number or notice.title}”"
                aid = audit.record(
                    s,
                    user=self.ws.user,
                    action="notice.update",
                    entity="notice",
                    entity_id=notice.id,
                    summary=summary,
                    before=before,
                    after=notice_snapshot(notice),
                )
        except StaleDataError:
            raise ConflictError("该通知已被他人修改，请刷新后重试") from None
        self.ws.announce(Changes.of(Topic.NOTICES))
        return Change((aid,), summary)

    def delete(self, notice_id: int) -> Change:
        """Delete a notice entered by mistake; refused once anything was registered on it."""
        with self.ws.transaction() as s:
            notice = s.get(Notice, notice_id)
            if notice is None:
                raise NotFoundError(f"通知（编号 {notice_id}）不存在")
            used = s.scalar(
                select(func.count())
                .select_from(Submission)
                .join(Obligation)
                .join(Requirement)
                .where(Requirement.notice_id == notice_id)
            )
            if used:
                raise ValidationError(f"通知“{notice.title}”已登记{used}条报送记录，不能删除")
            before = notice_snapshot(notice)
            summary = f"删除通知“{notice.doc_number or notice.title}”"
            s.delete(notice)
            aid = audit.record(
                s,
                user=self.ws.user,
                action="notice.delete",
                entity="notice",
                entity_id=notice_id,
                summary=summary,
                before=before,
            )
        self.ws.announce(Changes.of(Topic.NOTICES))
        return Change((aid,), summary)

    def copy_spec(self, notice_id: int, years: int = 1) -> NoticeSpec:
        """Last year's notice as a starting point: same units and forms, dates moved on."""
        record = self.get(notice_id)
        units_by_req = {r.id: self._unit_names(r.id) for r in record.requirements}

        def shift(d: date) -> date:
            try:
                return d.replace(year=d.year + years)
            except ValueError:  # 29 February
                return d.replace(year=d.year + years, day=28)

        return NoticeSpec(
            title=record.title,
            doc_number="",
            issuer=record.issuer,
            issued_on=shift(record.issued_on) if record.issued_on else None,
            theme=record.theme,
            body_note=record.body_note,
            contacts=record.contacts,
            requirements=tuple(
                RequirementSpec(
                    r.title,
                    shift(r.deadline),
                    r.forms,
                    r.categories,
                    tuple(units_by_req[r.id]),
                    r.note,
                )
                for r in record.requirements
            ),
        )

    def _unit_names(self, requirement_id: int) -> list[str]:
        with self.ws.reading() as s:
            stmt = (
                select(Unit.name)
                .join(Obligation, Obligation.unit_id == Unit.id)
                .where(Obligation.requirement_id == requirement_id, Unit.active.is_(True))
            )
            return list(s.scalars(stmt).all())
