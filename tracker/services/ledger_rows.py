"""报送情况 rows: one per obligation, its status derived as of a date.

Three flat queries (obligations with their unit/requirement/notice, arrivals, reminders) and a
pass through ``domain.status``; no ORM objects are built, so 100,000 rows stay quick. Rows are
built by keyword from labelled columns, never by position.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from tracker.domain.dates import check_range
from tracker.domain.forms import FORM_BY_VALUE
from tracker.domain.ledger_query import LedgerQuery
from tracker.domain.records import ObligationRow
from tracker.domain.status import Arrival, Facts, Status, standing
from tracker.domain.workdays import WorkCalendar
from tracker.store.models import (
    Category,
    Notice,
    Obligation,
    Reminder,
    Requirement,
    Submission,
    Unit,
)

__all__ = ["LedgerQuery", "load_rows"]  # LedgerQuery moved to the domain; still importable here


def _filtered(stmt: Select, q: LedgerQuery) -> Select:  # type: ignore[type-arg]
    if q.notice_ids:
        stmt = stmt.where(Requirement.notice_id.in_(q.notice_ids))
    if q.requirement_ids:
        stmt = stmt.where(Obligation.requirement_id.in_(q.requirement_ids))
    if q.categories:
        stmt = stmt.where(Unit.category.in_(q.categories))
    if q.unit_ids:
        stmt = stmt.where(Obligation.unit_id.in_(q.unit_ids))
    if q.obligation_ids:
        stmt = stmt.where(Obligation.id.in_(q.obligation_ids))
    return stmt


def _scope(stmt: Select, fk: object, q: LedgerQuery) -> Select:  # type: ignore[type-arg]
    """Narrow a statement keyed by obligation id ``fk`` to the query's filters."""
    if not (q.notice_ids or q.requirement_ids or q.categories or q.unit_ids or q.obligation_ids):
        return stmt
    stmt = stmt.join(Obligation, Obligation.id == fk)
    stmt = stmt.join(Requirement, Requirement.id == Obligation.requirement_id)
    stmt = stmt.join(Unit, Unit.id == Obligation.unit_id)
    return _filtered(stmt, q)


def _arrivals(s: Session, q: LedgerQuery) -> dict[int, list[Arrival]]:
    stmt = select(Submission.obligation_id, Submission.received_on, Submission.forms).where(
        Submission.received_on <= q.as_of
    )
    out: dict[int, list[Arrival]] = defaultdict(list)
    for oid, received, forms in (
        s.connection().execute(_scope(stmt, Submission.obligation_id, q)).all()
    ):
        out[oid].append(Arrival(received, FORM_BY_VALUE[forms]))
    return out


def _reminders(s: Session, q: LedgerQuery) -> dict[int, tuple[int, date]]:
    stmt = (
        select(Reminder.obligation_id, func.count(), func.max(Reminder.reminded_on))
        .where(Reminder.reminded_on <= q.as_of)
        .group_by(Reminder.obligation_id)
    )
    return {
        oid: (n, last)
        for oid, n, last in s.connection().execute(_scope(stmt, Reminder.obligation_id, q))
    }


# ObligationRow's fields read straight from the database, each selected under the field's
# own name: a row is built from these names, so a column added or moved here cannot shift
# another field (an unknown name fails loudly).
STORED_FIELDS: dict[str, Any] = {
    "obligation_id": Obligation.id,
    "unit_id": Obligation.unit_id,
    "unit_name": Unit.name,
    "unit_short_name": Unit.short_name,
    "category": Unit.category,
    "unit_sort": Unit.sort_order,
    "unit_active": Unit.active,
    "contact_person": Unit.contact_person,
    "phone": Unit.phone,
    "email": Unit.email,
    "notice_id": Requirement.notice_id,
    "doc_number": Notice.doc_number,
    "notice_title": Notice.title,
    "requirement_id": Obligation.requirement_id,
    "requirement_title": Requirement.title,
    "deadline": Requirement.deadline,
    "extended_to": Obligation.extended_to,
    "extension_reason": Obligation.extension_reason,
    "exempt_reason": Obligation.exempt_reason,
    "note": Obligation.note,
    "version": Obligation.version,
    "exempt_on": Obligation.exempt_on,
    "extended_on": Obligation.extended_on,
}
FORMS = "forms"  # Requirement.forms: an input of the status; the row holds required_forms


def _main_rows(s: Session, q: LedgerQuery) -> tuple[tuple[str, ...], list[Any]]:
    """(column names, rows) of the obligations in the ledger's order."""
    columns = [c.label(name) for name, c in STORED_FIELDS.items()]
    stmt = (
        select(*columns, Requirement.forms.label(FORMS))
        .join(Requirement, Requirement.id == Obligation.requirement_id)
        .join(Notice, Notice.id == Requirement.notice_id)
        .join(Unit, Unit.id == Obligation.unit_id)
        .join(Category, Category.name == Unit.category)
        .order_by(
            Notice.issued_on.desc().nulls_last(),  # the same order on SQLite and PostgreSQL
            Notice.id.desc(),
            Requirement.position,
            Category.sort_order,
            Unit.sort_order,
            Unit.id,
        )
    )
    if not q.obligation_ids:
        # Replaying a past day: a notice issued after it did not exist yet.
        stmt = stmt.where(or_(Notice.issued_on.is_(None), Notice.issued_on <= q.as_of))
    # Core, not ORM, execution: no per-row ORM result processing.
    result = s.connection().execute(_filtered(stmt, q))
    return tuple(result.keys()), list(result.all())


def not_yet_granted(stored: dict[str, Any], as_of: date) -> None:
    """A decision counts from the day it was granted: replaying an earlier day, it was not
    there yet (an extension granted on 12-01 does not make 11-23 look on time)."""
    if stored["exempt_on"] is not None and stored["exempt_on"] > as_of:
        stored.update(exempt_reason=None, exempt_on=None)
    if stored["extended_on"] is not None and stored["extended_on"] > as_of:
        stored.update(extended_to=None, extension_reason="", extended_on=None)


def load_rows(s: Session, q: LedgerQuery, cal: WorkCalendar) -> list[ObligationRow]:
    check_range(q.as_of, "统计日期")  # working days counted to 9999-12-31 would spin
    arrivals = _arrivals(s, q)
    reminders = _reminders(s, q)
    note_for = cache(lambda day: cal.info(day).note)
    workdays_left = cache(lambda due: cal.workdays_between(q.as_of, due))
    wanted = set(q.statuses)
    rows: list[ObligationRow] = []
    names, main = _main_rows(s, q)
    for r in main:
        # By name (a dict per row): attribute access on 100,000 result rows costs a second.
        stored = dict(zip(names, r))  # noqa: B905 - the names are the result's own
        required = FORM_BY_VALUE[stored.pop(FORMS)]
        oid = stored["obligation_id"]
        not_yet_granted(stored, q.as_of)
        deadline, extended_to = stored["deadline"], stored["extended_to"]
        facts = Facts(
            deadline=deadline,
            required=required,
            arrivals=tuple(arrivals.get(oid, ())),
            extended_to=extended_to,
            exempt=stored["exempt_reason"] is not None,
        )
        st = standing(facts, q.as_of)
        if wanted and st.status not in wanted:
            continue
        due = extended_to or deadline
        count, last = reminders.get(oid, (0, None))
        rows.append(
            ObligationRow(
                **stored,
                as_of=q.as_of,
                required_forms=required,
                status=st.status,
                received_forms=st.received,
                missing_forms=st.missing,
                completed_on=st.completed_on,
                days_overdue=st.days_overdue,
                workdays_left=workdays_left(due) if st.status is Status.PENDING else None,
                deadline_note=note_for(due),
                reminders=count,
                last_reminder=last,
                first_received=st.first_received,
            )
        )
    return rows
