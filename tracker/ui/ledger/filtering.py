"""The grid's filters, computed in bulk over precomputed columns (no Qt): fast at 100k rows."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tracker.domain.records import ObligationRow
from tracker.domain.status import Status

_STATUSES = tuple(Status)
_CODE = {s: i for i, s in enumerate(_STATUSES)}


@dataclass(frozen=True)
class LedgerFilter:
    """What the clerk filters the grid by; the dashboard builds these for its click-through."""

    notice_id: int | None = None
    requirement_id: int | None = None
    category: str | None = None
    statuses: frozenset[Status] = field(default_factory=frozenset)
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return self == LedgerFilter()


class LedgerIndex:
    """Columns of the rows that filters look at, plus search blobs per unit and requirement.

    A search word matches a row when it occurs in the unit's blob (name, short name, aliases,
    their pinyin initials and full pinyin) or in the requirement's (title, notice doc number
    and title). Blobs are matched once per unit/requirement, then rows by set membership.
    """

    def __init__(self, rows: Sequence[ObligationRow], unit_blobs: Mapping[int, str]) -> None:
        self.size = len(rows)
        # Small ints, not Status members: hashing an Enum runs Python code, 100k times.
        self.status = [_CODE[r.status] for r in rows]
        self.category = [r.category for r in rows]
        self.notice = [r.notice_id for r in rows]
        self.requirement = [r.requirement_id for r in rows]
        self.unit = [r.unit_id for r in rows]
        # Row numbers per value (ascending): a filter starts from its most selective list.
        self.by_status = _positions(self.status)
        self.by_category = _positions(self.category)
        self.by_notice = _positions(self.notice)
        self.by_requirement = _positions(self.requirement)
        self.unit_blobs = dict(unit_blobs)
        self.requirement_blobs: dict[int, str] = {}
        for r in rows:  # units missing from the roster lookup still match by their name
            self.unit_blobs.setdefault(r.unit_id, f"{r.unit_name}\x1f{r.unit_short_name}".lower())
            if r.requirement_id not in self.requirement_blobs:
                text = f"{r.requirement_title}\x1f{r.doc_number}\x1f{r.notice_title}"
                self.requirement_blobs[r.requirement_id] = text.lower()

    def update(self, changed: Mapping[int, ObligationRow]) -> None:
        """New versions of some rows (same obligations): only their status can differ."""
        for i, row in changed.items():
            code, old = _CODE[row.status], self.status[i]
            if code == old:
                continue
            before = self.by_status[old]
            del before[bisect_left(before, i)]
            if not before:
                del self.by_status[old]
            insort(self.by_status.setdefault(code, []), i)
            self.status[i] = code

    def apply(self, f: LedgerFilter) -> tuple[list[int] | None, Counter[Status]]:
        """(accepted row numbers or None for all, status counts under the other filters)."""
        rows = self._narrow(f)
        if rows is None:
            counts = Counter({_STATUSES[c]: len(v) for c, v in self.by_status.items()})
        else:
            codes = Counter(map(self.status.__getitem__, rows))
            counts = Counter({_STATUSES[c]: n for c, n in codes.items()})
        if not f.statuses:
            return rows, counts
        wanted = {_CODE[s] for s in f.statuses}
        if rows is None:  # status alone: merge the precomputed lists
            merged = [i for c in wanted for i in self.by_status.get(c, ())]
            merged.sort()
            return merged, counts
        status = self.status
        return [i for i in rows if status[i] in wanted], counts

    def _narrow(self, f: LedgerFilter) -> list[int] | None:
        """Rows passing every filter but the status one; None when nothing narrows."""
        rows: list[int] | None = None
        checks = []
        for lookup, values, wanted in (
            (self.by_requirement, self.requirement, f.requirement_id),
            (self.by_notice, self.notice, f.notice_id),
            (self.by_category, self.category, f.category),
        ):
            if wanted is None:
                continue
            if rows is None:
                rows = lookup.get(wanted, [])
            else:
                checks.append((values, wanted))
        if rows is not None:
            for values, wanted in checks:
                rows = [i for i in rows if values[i] == wanted]
        for word in f.text.lower().split():
            units = {u for u, blob in self.unit_blobs.items() if word in blob}
            reqs = {q for q, blob in self.requirement_blobs.items() if word in blob}
            unit, req = self.unit, self.requirement
            source = range(self.size) if rows is None else rows
            rows = [i for i in source if unit[i] in units or req[i] in reqs]
        return rows


def _positions(values: Sequence[Hashable]) -> dict[Any, list[int]]:
    out: dict[Any, list[int]] = defaultdict(list)
    for i, v in enumerate(values):
        out[v].append(i)
    return dict(out)
