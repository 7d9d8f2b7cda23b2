"""The one tally of obligations: 应报, 已报, 上报率 — for the dashboard, the workbook and the
printed lists alike.

- 应报 (``required``) counts every obligation except 免报.
- 上报率 counts only what is already due: obligations whose (extended) deadline has passed as of
  the day of the tally. Of those, the share sent complete (按时 + 逾期补报; 部分报送 is not
  sent). Obligations not yet due are counted apart (``not_due``, of which ``not_due_sent`` were
  sent early) and never lower or raise the rate.
- When nothing is due — a requirement whose deadline is ahead, or one where every unit is 免报 —
  the rate is ``None`` and reads ``—``, never 0.0 %.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from tracker.domain.records import ObligationRow
from tracker.domain.status import OPEN, Status

K = TypeVar("K", bound=Hashable)
NO_RATE = "—"


def is_due(row: ObligationRow) -> bool:
    """Already due as of the row's day: its deadline (or extension) has passed."""
    return row.effective_deadline < row.as_of


@dataclass(slots=True)
class Tally:
    counts: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(Status, 0))
    due: int = 0  # 应报 and already due: the rate's denominator
    due_sent: int = 0  # of those, sent complete
    not_due: int = 0  # 应报 but not yet due
    not_due_sent: int = 0  # of those, sent early

    def add(self, row: ObligationRow) -> None:
        status = row.status
        self.counts[status] += 1
        if not status.is_owed:  # 免报
            return
        sent = status.is_done
        if is_due(row):
            self.due += 1
            self.due_sent += sent
        else:
            self.not_due += 1
            self.not_due_sent += sent

    def remove(self, row: ObligationRow) -> None:
        """Undo ``add(row)`` (a row replaced by its newer version: the dashboard's patch)."""
        status = row.status
        self.counts[status] -= 1
        if not status.is_owed:
            return
        sent = status.is_done
        if is_due(row):
            self.due -= 1
            self.due_sent -= sent
        else:
            self.not_due -= 1
            self.not_due_sent -= sent

    def copy(self) -> Tally:
        return Tally(dict(self.counts), self.due, self.due_sent, self.not_due, self.not_due_sent)

    def __getitem__(self, status: Status) -> int:
        return self.counts[status]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def required(self) -> int:
        """应报: every obligation that is not exempted, due or not."""
        return sum(n for s, n in self.counts.items() if s.is_owed)

    @property
    def sent(self) -> int:
        """已报: sent complete, on time or late (early ones included)."""
        return sum(n for s, n in self.counts.items() if s.is_done)

    @property
    def open(self) -> int:
        """Still to come: pending, overdue or partial."""
        return sum(self.counts[s] for s in OPEN)

    @property
    def rate(self) -> float | None:
        """上报率 as a fraction (0.875) of what is already due, or None when nothing is."""
        return self.due_sent / self.due if self.due else None

    @property
    def progress(self) -> float:
        """Share of 应报 sent, for a progress bar (1.0 when nothing is owed at all)."""
        return self.sent / self.required if self.required else 1.0

    def rate_text(self) -> str:
        """87.5%, or — when nothing is due."""
        return format_rate(self.rate)


def format_rate(rate: float | None) -> str:
    return NO_RATE if rate is None else f"{rate * 100:.1f}%"


def tally(rows: Iterable[ObligationRow]) -> Tally:
    result = Tally()
    for row in rows:
        result.add(row)
    return result


def tally_by(rows: Iterable[ObligationRow], key: Callable[[ObligationRow], K]) -> dict[K, Tally]:
    """One tally per key, keys in order of first appearance."""
    groups: dict[K, Tally] = {}
    for row in rows:
        k = key(row)
        group = groups.get(k)
        if group is None:
            group = groups[k] = Tally()
        group.add(row)
    return groups
