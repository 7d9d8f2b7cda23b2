"""概览: what the dashboard shows, computed from ledger rows as of a day (pure, no Qt/SQL)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.domain.records import ObligationRow
from tracker.domain.status import Status
from tracker.domain.tally import Tally, tally
from tracker.domain.workdays import WorkCalendar

HORIZON_DAYS = 14


@dataclass(frozen=True, slots=True)
class RequirementProgress:
    requirement_id: int
    notice_id: int
    doc_number: str
    notice_title: str
    title: str
    deadline: date
    deadline_note: str
    tally: Tally


@dataclass(frozen=True, slots=True)
class UpcomingDeadline:
    """Obligations of one requirement falling due on one day (the deadline or an extension)."""

    requirement_id: int
    doc_number: str
    title: str
    due: date
    extended: bool
    note: str  # weekend or holiday name when ``due`` is an off day
    workdays_left: int
    tally: Tally


@dataclass(frozen=True, slots=True)
class CategoryOverdue:
    category: str
    overdue: int
    partial: int

    @property
    def total(self) -> int:
        return self.overdue + self.partial


@dataclass(frozen=True, slots=True)
class Overview:
    as_of: date
    upcoming: tuple[UpcomingDeadline, ...]
    progress: tuple[RequirementProgress, ...]
    categories: tuple[CategoryOverdue, ...]
    totals: Tally


def _tally(rows: Iterable[ObligationRow]) -> Tally:
    return tally(rows)


def requirement_progress(rows: list[ObligationRow]) -> tuple[RequirementProgress, ...]:
    """One entry per requirement, in the ledger's order (newest notice first)."""
    groups: dict[int, list[ObligationRow]] = defaultdict(list)
    for r in rows:
        groups[r.requirement_id].append(r)
    out = []
    for members in groups.values():
        first = members[0]
        out.append(
            RequirementProgress(
                first.requirement_id,
                first.notice_id,
                first.doc_number,
                first.notice_title,
                first.requirement_title,
                first.deadline,
                first.deadline_note if first.extended_to is None else "",
                _tally(members),
            )
        )
    return tuple(out)


def upcoming_deadlines(
    rows: list[ObligationRow], as_of: date, cal: WorkCalendar, horizon_days: int = HORIZON_DAYS
) -> tuple[UpcomingDeadline, ...]:
    """Deadlines (and extended deadlines) from ``as_of`` to ``as_of + horizon_days``."""
    end = as_of + timedelta(days=horizon_days)
    groups: dict[tuple[int, date], list[ObligationRow]] = defaultdict(list)
    for r in rows:
        if as_of <= r.effective_deadline <= end and r.status.is_owed:
            groups[(r.requirement_id, r.effective_deadline)].append(r)
    out = []
    for (req_id, due), members in groups.items():
        first = members[0]
        out.append(
            UpcomingDeadline(
                req_id,
                first.doc_number,
                first.requirement_title,
                due,
                first.extended_to is not None,
                cal.info(due).note,
                cal.workdays_between(as_of, due),
                _tally(members),
            )
        )
    out.sort(key=lambda u: (u.due, u.doc_number, u.title))
    return tuple(out)


def overdue_by_category(
    rows: list[ObligationRow], categories: Iterable[str] = ()
) -> tuple[CategoryOverdue, ...]:
    """逾期未报 and 部分报送 per unit category present in ``rows``, in ``categories`` order."""
    overdue: Counter[str] = Counter()
    partial: Counter[str] = Counter()
    present: set[str] = set()
    for r in rows:
        present.add(r.category)
        if r.status is Status.OVERDUE:
            overdue[r.category] += 1
        elif r.status is Status.PARTIAL:
            partial[r.category] += 1
    order = [c for c in dict.fromkeys([*categories, *sorted(present)]) if c in present]
    return tuple(CategoryOverdue(c, overdue[c], partial[c]) for c in order)


def build_overview(
    rows: list[ObligationRow],
    as_of: date,
    cal: WorkCalendar,
    categories: Iterable[str] = (),
    horizon_days: int = HORIZON_DAYS,
) -> Overview:
    return Overview(
        as_of,
        upcoming_deadlines(rows, as_of, cal, horizon_days),
        requirement_progress(rows),
        overdue_by_category(rows, categories),
        _tally(rows),
    )
