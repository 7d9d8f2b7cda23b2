"""The ledger snapshot the views share (kept apart from the loader: dataclasses and the
domain records are imported only once rows are loaded, after the first paint)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.domain.overview import Overview
from tracker.domain.records import NoticeRecord, ObligationRow


@dataclass(frozen=True)
class LedgerSnapshot:
    """Rows as of a day plus what filters, searches and the dashboard need."""

    as_of: date
    rows: list[ObligationRow]
    notices: list[NoticeRecord]
    categories: list[str]
    unit_blobs: dict[int, str]  # unit id -> lower-case names, aliases and their pinyin
    overview: Overview
