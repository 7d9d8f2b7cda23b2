"""The grid's filters, computed in bulk over precomputed columns (no Qt): fast at 100k rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

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
        self.unit_blobs = dict(unit_blobs)
        for r in rows:  # units missing from the roster lookup still match by their name
            self.unit_blobs.setdefault(r.unit_id, f"{r.unit_name}\x1f{r.unit_short_name}".lower())
        self.requirement_blobs: dict[int, str] = {}
        for r in rows:
            if r.requirement_id not in self.requirement_blobs:
                text = f"{r.requirement_title}\x1f{r.doc_number}\x1f{r.notice_title}"
                self.requirement_blobs[r.requirement_id] = text.lower()

    def apply(self, f: LedgerFilter) -> tuple[list[int] | None, Counter[Status]]:
        """(accepted row numbers or None for all, status counts under the other filters)."""
        rows: Sequence[int] = range(self.size)
        narrowed = False
        for values, wanted in (
            (self.notice, f.notice_id),
            (self.requirement, f.requirement_id),
            (self.category, f.category),
        ):
            if wanted is not None:
                rows = [i for i in rows if values[i] == wanted]
                narrowed = True
        for word in f.text.lower().split():
            units = {u for u, blob in self.unit_blobs.items() if word in blob}
            reqs = {q for q, blob in self.requirement_blobs.items() if word in blob}
            unit, req = self.unit, self.requirement
            rows = [i for i in rows if unit[i] in units or req[i] in reqs]
            narrowed = True
        codes = Counter(map(self.status.__getitem__, rows))
        counts = Counter({_STATUSES[c]: n for c, n in codes.items()})
        if f.statuses:
            status, wanted = self.status, {_CODE[s] for s in f.statuses}
            rows = [i for i in rows if status[i] in wanted]
            narrowed = True
        return (list(rows) if narrowed else None), counts
