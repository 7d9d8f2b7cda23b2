"""The ledger snapshot the views share (kept apart from the loader: dataclasses and the
domain records are imported only once rows are loaded, after the first paint)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from tracker.domain.ladder import Suggestion
from tracker.domain.overview import Overview
from tracker.domain.overview_patch import patch_overview
from tracker.domain.records import NoticeRecord, ObligationRow
from tracker.domain.today import Board
from tracker.domain.today_index import BoardIndex
from tracker.domain.workdays import WorkCalendar


@dataclass(frozen=True)
class RowIndex:
    """Where each obligation's row is, and each requirement's rows (for patching)."""

    position: dict[int, int]  # obligation id -> row number
    by_requirement: dict[int, list[int]]  # requirement id -> row numbers

    @classmethod
    def of(cls, rows: Sequence[ObligationRow]) -> RowIndex:
        by_requirement: dict[int, list[int]] = defaultdict(list)
        for i, r in enumerate(rows):
            by_requirement[r.requirement_id].append(i)
        return cls({r.obligation_id: i for i, r in enumerate(rows)}, dict(by_requirement))


@dataclass(frozen=True)
class LedgerSnapshot:
    """Rows as of a day plus what filters, searches and the dashboard need."""

    as_of: date
    rows: list[ObligationRow]
    notices: list[NoticeRecord]
    categories: list[str]
    unit_blobs: dict[int, str]  # unit id -> lower-case names, aliases and their pinyin
    overview: Overview
    index: RowIndex
    # The escalation ladder's next step for each obligation to chase (建议, 今日待办).
    suggestions: dict[int, Suggestion] = field(default_factory=dict)
    board: Board = field(default_factory=Board)  # 今日待办, red/amber/green, 归档
    board_index: BoardIndex | None = None  # the board by line, item and unit, for patching

    def patched(
        self, fresh: Sequence[ObligationRow], cal: WorkCalendar
    ) -> tuple[LedgerSnapshot, dict[int, ObligationRow]] | None:
        """This snapshot with the rows of ``fresh`` (re-read obligations) in place, and
        {row number: new row}; None when they do not fit (a full reload is needed)."""
        changed: dict[int, ObligationRow] = {}
        for r in fresh:
            i = self.index.position.get(r.obligation_id)
            if i is None:
                continue  # not shown as of this day (its notice came later)
            old = self.rows[i]
            if (old.unit_id, old.requirement_id, old.as_of) != (
                r.unit_id,
                r.requirement_id,
                r.as_of,
            ):
                return None
            changed[i] = r
        if not changed:
            return self, changed
        rows = list(self.rows)
        for i, r in changed.items():
            rows[i] = r
        by_requirement = self.index.by_requirement
        overview = patch_overview(
            self.overview,
            [self.rows[i] for i in changed],
            list(changed.values()),
            lambda req: [rows[i] for i in by_requirement[req]],
            cal,
        )
        return replace(self, rows=rows, overview=overview), changed
