"""排名: per unit, how it sent what it owed over a period, and its place among the others.

Pure functions over ledger rows (statuses as of a day, exemptions and extensions already
applied by ``domain.status``). 应报 and the rates follow the one Tally (``domain.tally``): only
what is already due counts (its deadline, or extension, has passed); what is not due yet is
shown apart (``pending``), sent early or not.

Ranked by 按时率, then 上报率 (both higher first), then average days late (fewer first);
equal figures share a place (1, 1, 3). A unit with nothing due yet gets no place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from tracker.domain.records import ObligationRow
from tracker.domain.status import NEEDS_ACTION, Status
from tracker.domain.tally import is_due

RANKING_NOTE = (  # printed under every ranking table
    "说明：应报为已过报送时限（含延期）且未免报的事项数，未到期的（含提前报送的）另列；"
    "上报率 =（按时 + 逾期补报）÷ 应报，按时率 = 按时 ÷ 应报，部分报送计为未报；"
    "平均逾期天数按逾期补报和逾期未报的事项计；名次依次按按时率、上报率（高者在前）"
    "和平均逾期天数（少者在前）排列，相同者并列。"
)
LATE_OR_MISSING = frozenset((Status.LATE, *NEEDS_ACTION))


@dataclass(frozen=True, slots=True)
class RankingScope:
    """Which obligations a ranking covers: notices, a year or a date range (of the deadline
    the notice set), unit categories; every status as of ``as_of``."""

    as_of: date
    notice_ids: tuple[int, ...] = ()
    year: int | None = None
    since: date | None = None
    until: date | None = None
    categories: tuple[str, ...] = ()

    def covers(self, row: ObligationRow) -> bool:
        """``row`` falls in the period (its notice and category are filtered by the query)."""
        day = row.deadline
        if self.year is not None and day.year != self.year:
            return False
        if self.since is not None and day < self.since:
            return False
        return self.until is None or day <= self.until


@dataclass(frozen=True, slots=True)
class Figures:
    """One unit's (or the total's) counts over a scope."""

    on_time: int = 0
    late: int = 0
    missing: int = 0  # 逾期未报 + 部分报送
    exempt: int = 0
    pending: int = 0  # not due yet (sent early or not): not counted as due
    days_late: int = 0  # summed over the late and the missing items
    reminders: int = 0

    @property
    def due(self) -> int:
        """应报 so far: everything not exempt whose deadline has passed (the Tally's ``due``)."""
        return self.on_time + self.late + self.missing

    @property
    def sent(self) -> int:
        return self.on_time + self.late

    @property
    def rate(self) -> float | None:
        """上报率 (a fraction), None when nothing is due."""
        return self.sent / self.due if self.due else None

    @property
    def on_time_rate(self) -> float | None:
        """按时率 (a fraction), None when nothing is due."""
        return self.on_time / self.due if self.due else None

    @property
    def days_late_avg(self) -> float | None:
        """Average days late of the items sent late or still missing; None when none were."""
        count = self.late + self.missing
        return self.days_late / count if count else None


def figures(rows: Iterable[ObligationRow]) -> Figures:
    counts = dict.fromkeys(Status, 0)
    days = reminders = pending = 0
    for r in rows:
        reminders += r.reminders
        if r.status.is_owed and not is_due(r):
            pending += 1  # the Tally's not_due: out of 应报 and the rates
            continue
        counts[r.status] += 1
        if r.status in LATE_OR_MISSING:
            days += r.days_overdue
    return Figures(
        on_time=counts[Status.ON_TIME],
        late=counts[Status.LATE],
        missing=sum(counts[s] for s in NEEDS_ACTION),
        exempt=counts[Status.EXEMPT],
        pending=pending,
        days_late=days,
        reminders=reminders,
    )


@dataclass(frozen=True, slots=True)
class UnitRank:
    unit_id: int
    unit: str
    category: str
    figures: Figures
    rank: int | None  # None: nothing due yet


@dataclass(frozen=True, slots=True)
class Ranking:
    scope: RankingScope
    rows: tuple[UnitRank, ...]
    total: Figures
    label: str = ""  # what was ranked, in words (the notices or the period)
    categories: tuple[str, ...] = field(default=())  # category order of the roster

    def of(self, unit_id: int) -> UnitRank | None:
        return next((r for r in self.rows if r.unit_id == unit_id), None)

    @property
    def ranked(self) -> int:
        return sum(r.rank is not None for r in self.rows)


def _sort_key(f: Figures) -> tuple[float, float, float]:
    return (-(f.on_time_rate or 0.0), -(f.rate or 0.0), f.days_late_avg or 0.0)


def rank_units(
    rows: Sequence[ObligationRow], scope: RankingScope, categories: Sequence[str] = ()
) -> Ranking:
    """Every unit of ``rows`` within ``scope``, best first; unranked units last, in roster
    order (category, then the roster's own order)."""
    mine = [r for r in rows if scope.covers(r) and _in_categories(r, scope)]
    by_unit: dict[int, list[ObligationRow]] = {}
    for r in mine:
        by_unit.setdefault(r.unit_id, []).append(r)
    order = {c: i for i, c in enumerate(categories)}

    def roster(rs: list[ObligationRow]) -> tuple[int, str, int, int]:
        first = rs[0]
        return (order.get(first.category, len(order)), first.category, first.unit_sort,
                first.unit_id)  # fmt: skip

    groups = sorted(by_unit.values(), key=roster)
    scored = [(rs[0], figures(rs)) for rs in groups]
    due = sorted((x for x in scored if x[1].due), key=lambda x: _sort_key(x[1]))
    out: list[UnitRank] = []
    for n, (first, f) in enumerate(due, 1):
        same = out and _sort_key(out[-1].figures) == _sort_key(f)
        rank = out[-1].rank if same else n
        out.append(UnitRank(first.unit_id, first.unit_name, first.category, f, rank))
    out.extend(
        UnitRank(first.unit_id, first.unit_name, first.category, f, None)
        for first, f in scored
        if not f.due
    )
    return Ranking(scope, tuple(out), figures(mine), categories=tuple(categories))


def _in_categories(row: ObligationRow, scope: RankingScope) -> bool:
    return not scope.categories or row.category in scope.categories


def percent(value: float | None) -> str:
    """87.5% (one decimal), or — when nothing was due."""
    return "—" if value is None else f"{value * 100:.1f}%"


def days_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"
