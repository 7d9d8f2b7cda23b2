"""A request for a 上报情况通报, and what issuing one returns: plain records (no SQL), so the
window can build and hold them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tracker.domain.bulletin import BulletinContent


@dataclass(frozen=True, slots=True)
class BulletinRequest:
    """Which notice to report on, as of which day, and how."""

    notice_id: int
    as_of: date
    year: int | None = None  # only the items whose deadline falls in this year
    bulletin_date: date | None = None  # default today
    template: str | None = None  # body template; None: the office's saved one
    addressee: str | None = None  # 主送; None: from the units' categories
    sequence: int | None = None  # a number chosen by the clerk; None: the next free one


@dataclass(frozen=True, slots=True)
class BulletinRecord:
    id: int
    number: str
    bulletin_date: date
    as_of: date
    notice_id: int | None
    title: str
    addressee: str
    pages: int
    named: int  # units named late or missing
    pdf_path: Path
    docx_path: Path
    created_at: datetime
    created_by: str


@dataclass(frozen=True, slots=True)
class BulletinIssue:
    record: BulletinRecord
    content: BulletinContent
    pdf: bytes
    missing_chars: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class QueuedUnit:
    """An obligation the clerk put on the list for the next 通报 (the ladder's last step)."""

    obligation_id: int
    unit_id: int
    unit_name: str
    notice_id: int
    notice_label: str
    requirement_title: str
    added_on: date
    added_by: str
