"""Which obligations a ledger read asks for, and as of which day. Plain data, so the UI can
build a query without importing the services' SQL modules (see the import-linter contracts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.domain.status import Status


@dataclass(frozen=True, slots=True)
class LedgerQuery:
    as_of: date
    notice_ids: tuple[int, ...] = ()
    requirement_ids: tuple[int, ...] = ()
    categories: tuple[str, ...] = ()
    unit_ids: tuple[int, ...] = ()
    obligation_ids: tuple[int, ...] = ()
    statuses: tuple[Status, ...] = ()
