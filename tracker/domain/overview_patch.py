"""The 概览 after a few rows changed, without going over every row again.

After a registration, 免报, 延期 or 催报 only the rows of a few obligations differ. Their old and
new statuses adjust the totals and the per-category counts; the progress and the upcoming
deadlines are recomputed only for the requirements those rows belong to. The result equals
``build_overview`` over all the new rows (tests/domain/test_overview_patch.py checks that).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from tracker.domain.overview import (
    CategoryOverdue,
    Overview,
    RequirementProgress,
    UpcomingDeadline,
    requirement_progress,
    upcoming_deadlines,
)
from tracker.domain.records import ObligationRow
from tracker.domain.status import Status
from tracker.domain.tally import Tally
from tracker.domain.workdays import WorkCalendar

RowsOf = Callable[[int], Sequence[ObligationRow]]  # a requirement's rows, as they are now


def patch_overview(
    overview: Overview,
    before: Sequence[ObligationRow],
    after: Sequence[ObligationRow],
    rows_of: RowsOf,
    cal: WorkCalendar,
) -> Overview:
    """``overview`` with the rows ``before`` replaced by ``after`` (the same obligations)."""
    touched = list(dict.fromkeys(r.requirement_id for r in (*before, *after)))
    return replace(
        overview,
        totals=_shifted(overview.totals, before, after),
        categories=_categories(overview.categories, before, after),
        progress=_progress(overview, touched, rows_of),
        upcoming=_upcoming(overview, touched, rows_of, cal),
    )


def _shifted(
    tally: Tally, before: Sequence[ObligationRow], after: Sequence[ObligationRow]
) -> Tally:
    shifted = tally.copy()
    for row in before:
        shifted.remove(row)
    for row in after:
        shifted.add(row)
    return shifted


def _categories(
    categories: Sequence[CategoryOverdue],
    before: Sequence[ObligationRow],
    after: Sequence[ObligationRow],
) -> tuple[CategoryOverdue, ...]:
    delta: Counter[tuple[str, Status]] = Counter()
    for sign, rows in ((-1, before), (1, after)):
        for r in rows:
            delta[(r.category, r.status)] += sign
    return tuple(
        CategoryOverdue(
            c.category,
            c.overdue + delta[(c.category, Status.OVERDUE)],
            c.partial + delta[(c.category, Status.PARTIAL)],
        )
        for c in categories
    )


def _progress(
    overview: Overview, touched: Sequence[int], rows_of: RowsOf
) -> tuple[RequirementProgress, ...]:
    fresh = {req: requirement_progress(list(rows_of(req))) for req in touched}
    out: list[RequirementProgress] = []
    for p in overview.progress:
        if p.requirement_id in fresh:
            out.extend(fresh[p.requirement_id])
        else:
            out.append(p)
    return tuple(out)


def _upcoming(
    overview: Overview, touched: Sequence[int], rows_of: RowsOf, cal: WorkCalendar
) -> tuple[UpcomingDeadline, ...]:
    wanted = set(touched)
    kept = [u for u in overview.upcoming if u.requirement_id not in wanted]
    for req in touched:
        kept.extend(upcoming_deadlines(list(rows_of(req)), overview.as_of, cal))
    kept.sort(key=lambda u: (u.due, u.doc_number, u.title))
    return tuple(kept)
