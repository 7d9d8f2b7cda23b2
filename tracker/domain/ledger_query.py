"""Which obligations a ledger read asks for, and as of which day; which reminders and audit
entries to list. Plain data, so the UI can build a query without importing the services' SQL
modules (see the import-linter contracts)."""

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


@dataclass(frozen=True, slots=True)
class ReminderQuery:
    """Which 催报记录 to list (``LedgerService.reminders``), newest first."""

    since: date | None = None
    until: date | None = None
    method: str | None = None  # a ReminderMethod value: 函 电话 邮件 短信
    notice_id: int | None = None
    unit_id: int | None = None
    text: str = ""  # in the unit's name, the letter number or the note
    limit: int = 10_000


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """Which 操作日志 entries to list (``AuditService.entries``), newest first."""

    since: date | None = None
    until: date | None = None
    action: str | None = None
    text: str = ""
    limit: int = 1000
