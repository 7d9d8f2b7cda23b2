"""Letter numbers (per prefix and year, never reused) and the issued-letter rows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from tracker.domain.dates import format_cn
from tracker.domain.errors import ValidationError
from tracker.domain.letter_request import IssuedLetterRecord
from tracker.domain.records import ReminderMethod
from tracker.services import audit
from tracker.services.ledger import record_reminder
from tracker.store.models import IssuedLetter, IssuedLetterItem, LetterSequence, Obligation
from tracker.store.time import now

if TYPE_CHECKING:
    from tracker.domain.letter_request import LetterDraft, LetterRequest


def format_number(prefix: str, year: int, sequence: int) -> str:
    """津市场监管标准函〔2023〕3号: 六角括号, full year, no leading zeros, no 第."""
    return f"{prefix}〔{year}〕{sequence}号"


def next_numbers(s: Session, prefix: str, year: int, count: int, *, reserve: bool) -> list[str]:
    """The next ``count`` numbers; with ``reserve`` they are taken (inside the transaction)."""
    prefix = prefix.strip()
    if not prefix:
        raise ValidationError("请先在设置中填写催报函的发文字号前缀（如“津市场监管标准函”）")
    # FOR UPDATE: two clerks issuing at once on PostgreSQL queue here instead of colliding.
    seq = s.get(LetterSequence, (prefix, year), with_for_update=reserve)
    last = seq.last_number if seq is not None else 0
    if reserve:
        if seq is None:
            seq = LetterSequence(prefix=prefix, year=year, last_number=0)
            s.add(seq)
        seq.last_number = last + count
        s.flush()
    return [format_number(prefix, year, last + n) for n in range(1, count + 1)]


def save_letter(
    s: Session, user: str, req: LetterRequest, draft: LetterDraft, sha256: str, pages: int
) -> IssuedLetter:
    """The letter row, a 催报 record on each obligation it covers, and an audit entry."""
    content = draft.content
    prefix, rest = content.number.split("〔", 1)
    year, seq = rest.rstrip("号").split("〕")
    row = IssuedLetter(
        number=content.number,
        prefix=prefix,
        year=int(year),
        sequence=int(seq),
        letter_date=content.letter_date,
        as_of=req.as_of,
        new_deadline=draft.new_deadline,
        mode=req.mode,
        addressee=content.addressee,
        unit_id=draft.unit_id,
        category=draft.category,
        title=content.title,
        pdf_sha256=sha256,
        pages=pages,
        created_at=now(),
        created_by=user,
    )
    s.add(row)
    s.flush()
    for oid in draft.obligation_ids:
        o = s.get(Obligation, oid)
        assert o is not None  # the rows were read a moment ago; a deletion fails the FK below
        _, rid = record_reminder(
            s, user, o, ReminderMethod.LETTER, content.letter_date, content.number
        )
        row.items.append(IssuedLetterItem(obligation_id=oid, reminder_id=rid))
    summary = (
        f"发催报函：{content.number}，致{content.addressee}，"
        f"{format_cn(content.letter_date)}，涉及{len(draft.obligation_ids)}项"
    )
    after = {"letter_id": row.id, "number": content.number, "obligations": draft.obligation_ids}
    audit.record(
        s,
        user=user,
        action="letter.issue",
        entity="letter",
        entity_id=row.id,
        summary=summary,
        after=after,
    )
    return row


def letter_record(row: IssuedLetter, pdf_path: Path) -> IssuedLetterRecord:
    return IssuedLetterRecord(
        row.id,
        row.number,
        row.letter_date,
        row.as_of,
        row.new_deadline,
        row.mode,
        row.addressee,
        row.title,
        row.pages,
        tuple(i.obligation_id for i in row.items),
        pdf_path,
        row.created_at,
        row.created_by,
    )
