"""Counting obligations by status: the figures of 报送情况统计表 and the dashboard.

应报 counts the units that must send (every obligation except 免报); 上报率 is the share of
those that have sent everything (按时 + 逾期补报). 部分报送 counts as not yet sent.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from tracker.domain.records import ObligationRow
from tracker.domain.status import Status

K = TypeVar("K", bound=Hashable)


@dataclass(slots=True)
class Tally:
    counts: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(Status, 0))

    def add(self, status: Status) -> None:
        self.counts[status] += 1

    def __getitem__(self, status: Status) -> int:
        return self.counts[status]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def due(self) -> int:
        """应报: every obligation that is not exempted."""
        return sum(n for s, n in self.counts.items() if s.is_owed)

    @property
    def sent(self) -> int:
        return sum(n for s, n in self.counts.items() if s.is_done)

    @property
    def rate(self) -> float | None:
        """上报率 as a fraction (0.875), or None when nothing is due."""
        return self.sent / self.due if self.due else None


def tally(rows: Iterable[ObligationRow]) -> Tally:
    result = Tally()
    for row in rows:
        result.add(row.status)
    return result


def tally_by(rows: Iterable[ObligationRow], key: Callable[[ObligationRow], K]) -> dict[K, Tally]:
    """One tally per key, keys in order of first appearance."""
    groups: dict[K, Tally] = {}
    for row in rows:
        k = key(row)
        group = groups.get(k)
        if group is None:
            group = groups[k] = Tally()
        group.add(row.status)
    return groups
