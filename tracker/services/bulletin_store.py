"""通报 numbers and the issued-bulletin rows.

A 通报's 发文字号 shares its series with the office's other documents (its notices among
them), most issued outside this program: the next number is above the last one used here
and above every notice in the ledger with the same prefix and year; the clerk may also give a
number, which must be free.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain.bulletin_request import BulletinRecord
from tracker.domain.dates import format_cn
from tracker.domain.errors import ValidationError
from tracker.domain.records import ObligationRow
from tracker.domain.status import Status
from tracker.services import audit
from tracker.services.letter_store import ensure_sequence, format_number
from tracker.store.models import Bulletin, BulletinItem, BulletinQueueEntry, LetterSequence, Notice
from tracker.store.time import now

if TYPE_CHECKING:
    from tracker.domain.bulletin import BulletinContent
    from tracker.domain.bulletin_request import BulletinRequest
    from tracker.services.files import FileArchive

BULLETIN_PDF = "bulletin.pdf"
BULLETIN_DOCX = "bulletin.docx"
NAMED = (Status.LATE, Status.OVERDUE, Status.PARTIAL)


def draft_number(prefix: str, year: int) -> str:
    """A 样稿's number: the prefix and year, the sequence left blank."""
    return f"{prefix.strip()}〔{year}〕\u3000号"


def _notice_sequences(s: Session, prefix: str, year: int) -> list[int]:
    head = f"{prefix}〔{year}〕"
    stmt = select(Notice.doc_number).where(Notice.doc_number.startswith(head, autoescape=True))
    pattern = re.compile(re.escape(head) + r"(\d+)号$")
    return [int(m[1]) for n in s.scalars(stmt) if (m := pattern.match(n.strip()))]


def _last_used(s: Session, prefix: str, year: int, *, lock: bool) -> tuple[LetterSequence, int]:
    if lock:  # two clerks issuing the year's first 通报 at once: both see the row, then queue
        ensure_sequence(s, prefix, year)
    seq = s.get(LetterSequence, (prefix, year), with_for_update=lock or None)
    if seq is None:
        seq = LetterSequence(prefix=prefix, year=year, last_number=0)
    return seq, max([seq.last_number or 0, *_notice_sequences(s, prefix, year)])


def peek_sequence(s: Session, prefix: str, year: int) -> int:
    return _last_used(s, prefix.strip(), year, lock=False)[1] + 1


SEQUENCE_LIMIT = 99_999  # a 发文字号's 序号 (letter_sequences.last_number is an INTEGER)


def check_sequence(n: int) -> None:
    """A number the clerk chose: a whole number from 1 to 99999."""
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= SEQUENCE_LIMIT:
        raise ValidationError(f"文号的序号应为 1 至 {SEQUENCE_LIMIT} 之间的整数（而不是 {n}）")


def check_free(s: Session, prefix: str, year: int, n: int) -> str:
    """The number the clerk chose, refused when a 通报 or a notice in the ledger has it."""
    check_sequence(n)
    prefix = prefix.strip()
    number = format_number(prefix, year, n)
    if s.scalar(select(Bulletin.id).where(Bulletin.number == number)) is not None:
        raise ValidationError(f"文号“{number}”已被另一份通报使用")
    if n in _notice_sequences(s, prefix, year):
        raise ValidationError(f"文号“{number}”已是台账中一份通知的文号")
    return number


def take_sequence(s: Session, prefix: str, year: int, wanted: int | None) -> str:
    """Reserve the next number (or ``wanted``, if free) inside the caller's transaction."""
    prefix = prefix.strip()
    seq, last = _last_used(s, prefix, year, lock=True)
    n = last + 1 if wanted is None else wanted
    if wanted is not None:
        check_free(s, prefix, year, n)
    seq.last_number = max(seq.last_number or 0, n)
    s.flush()
    return format_number(prefix, year, n)


def save_bulletin(
    s: Session,
    user: str,
    req: BulletinRequest,
    content: BulletinContent,
    rows: Sequence[ObligationRow],
    files: tuple[str, str],
    pages: int,
) -> Bulletin:
    """The bulletin row, what it counted, its units off the list, and an audit entry."""
    prefix, rest = content.number.split("〔", 1)
    year, sequence = rest.rstrip("号").split("〕")
    row = Bulletin(
        number=content.number, prefix=prefix, year=int(year), sequence=int(sequence),
        bulletin_date=content.bulletin_date, as_of=req.as_of, notice_id=req.notice_id,
        period_year=req.year, title=content.title, addressee=content.addressee,
        pdf_sha256=files[0], docx_sha256=files[1], pages=pages, created_at=now(),
        created_by=user,
    )  # fmt: skip
    counted = [r for r in rows if r.status is not Status.PENDING]
    row.items = [
        BulletinItem(obligation_id=r.obligation_id, status=r.status.value) for r in counted
    ]
    s.add(row)
    ids = [r.obligation_id for r in rows]
    for entry in s.scalars(
        select(BulletinQueueEntry).where(BulletinQueueEntry.obligation_id.in_(ids))
    ):
        s.delete(entry)
    s.flush()
    named = sum(r.status in NAMED for r in counted)
    summary = (
        f"印发通报：{content.number}《{content.title}》，{format_cn(content.bulletin_date)}，"
        f"点名{named}项"
    )
    audit.record(
        s, user=user, action="bulletin.issue", entity="bulletin", entity_id=row.id,
        summary=summary, after={"bulletin_id": row.id, "number": content.number, "named": named},
    )  # fmt: skip
    return row


def bulletin_record(row: Bulletin, files: FileArchive) -> BulletinRecord:
    named = sum(Status(i.status) in NAMED for i in row.items)
    return BulletinRecord(
        id=row.id, number=row.number, bulletin_date=row.bulletin_date, as_of=row.as_of,
        notice_id=row.notice_id, title=row.title, addressee=row.addressee, pages=row.pages,
        named=named, pdf_path=files.path_for(row.pdf_sha256, BULLETIN_PDF),
        docx_path=files.path_for(row.docx_sha256, BULLETIN_DOCX), created_at=row.created_at,
        created_by=row.created_by,
    )  # fmt: skip
