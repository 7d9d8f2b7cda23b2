"""明细: one row per obligation, every figure the clerk checks, dates as real Excel dates."""

from __future__ import annotations

from typing import Any

from tracker.reports.status_book import Progress, StatusBook
from tracker.reports.xlsx_selection import ledger_table
from tracker.reports.xlsx_table import Table, write_table

DETAIL_KEYS: tuple[str, ...] = (
    "unit",
    "category",
    "notice",
    "requirement",
    "deadline",
    "extended_to",
    "status",
    "electronic",
    "paper",
    "seal",
    "evidence",
    "days_overdue",
    "reminders",
    "last_reminder",
    "remark",
)


def detail_table(book: StatusBook) -> Table:
    return ledger_table(
        book.rows,
        DETAIL_KEYS,
        sheet="明细",
        title=f"{book.title}（明细）",
        subtitle=book.subtitle,
        as_of=book.as_of,
        office=book.office,
    )


def write_detail(
    wb: Any, book: StatusBook, progress: Progress | None = None, done: int = 0, total: int = 0
) -> Any:
    return write_table(wb, detail_table(book), progress, done, total)
