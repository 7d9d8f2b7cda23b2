"""A request for 催报函 and what issuing returns: plain records the window can hold (no SQL)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from tracker.domain.letters import LetterContent

MODES = ("unit", "category")


@dataclass(frozen=True, slots=True)
class LetterRequest:
    """Whom to chase and how. Empty filters mean all; only 逾期未报/部分报送 rows are chased."""

    as_of: date
    letter_date: date | None = None
    mode: str = "unit"
    notice_ids: tuple[int, ...] = ()
    requirement_ids: tuple[int, ...] = ()
    unit_ids: tuple[int, ...] = ()
    categories: tuple[str, ...] = ()
    obligation_ids: tuple[int, ...] = ()
    template: str | None = None  # body template; None: the office's saved one
    addressee: str | None = None  # 主送 of a category letter; None: from the category


@dataclass(frozen=True, slots=True)
class LetterDraft:
    content: LetterContent
    obligation_ids: tuple[int, ...]
    unit_id: int | None
    category: str
    new_deadline: date


@dataclass
class IssueResult:
    letters: list[IssuedLetterRecord]
    combined: bytes  # all letters in one PDF, for printing
    missing_chars: set[str] = field(default_factory=set)
    contents: list[LetterContent] = field(default_factory=list)  # as numbered (for the .docx)


@dataclass(frozen=True, slots=True)
class IssuedLetterRecord:
    id: int
    number: str
    letter_date: date
    as_of: date
    new_deadline: date
    mode: str
    addressee: str
    title: str
    pages: int
    obligation_ids: tuple[int, ...]
    # The archived PDF the letter was printed in; the letter is its ``pages`` pages from
    # ``first_page`` on (its own PDF: ``LetterService.letter_pdf``).
    archive_path: Path
    first_page: int
    created_at: datetime
    created_by: str


def split_name(number: str, addressee: str) -> str:
    """A file name safe on Windows: 津市场监管标准函〔2023〕3号 和平区市场监管局.pdf"""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", f"{number} {addressee}").strip(" .")
    return f"{name[:120]}.pdf"
