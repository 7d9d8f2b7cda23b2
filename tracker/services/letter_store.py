"""Letter numbers (per prefix and year, never reused) and the issued-letter rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from tracker.domain.dates import format_cn
from tracker.domain.errors import ValidationError
from tracker.domain.letter_request import IssuedLetterRecord
from tracker.domain.records import ReminderMethod
from tracker.services import audit
from tracker.store.models import (
    IssuedLetter,
    IssuedLetterItem,
    LetterSequence,
    Obligation,
    Reminder,
    Requirement,
    Unit,
)
from tracker.store.time import now

if TYPE_CHECKING:
    from tracker.domain.letter_request import LetterDraft, LetterRequest


def format_number(prefix: str, year: int, sequence: int) -> str:
    """津市场监管标准函〔2023〕3号: 六角括号, full year, no leading zeros, no 第."""
    return f"{prefix}〔{year}〕{sequence}号"


def sample_number(prefix: str, year: int) -> str:
    """The number on a 样稿: year given, number left blank for nobody to mistake it."""
    return f"{prefix.strip()}〔{year}〕\u3000号"


def next_numbers(s: Session, prefix: str, year: int, count: int, *, reserve: bool) -> list[str]:
    """The next ``count`` numbers; with ``reserve`` they are taken (inside the transaction)."""
    prefix = prefix.strip()
    if not prefix:
        raise ValidationError("请先在设置中填写催报函的发文字号前缀（如“津市场监管标准函”）")
    if reserve:
        ensure_sequence(s, prefix, year)
    # FOR UPDATE: two clerks issuing at once on PostgreSQL queue here instead of colliding.
    seq = s.get(LetterSequence, (prefix, year), with_for_update=reserve)
    last = seq.last_number if seq is not None else 0
    if reserve:
        assert seq is not None  # ensure_sequence made it
        seq.last_number = last + count
        s.flush()
    return [format_number(prefix, year, last + n) for n in range(1, count + 1)]


def ensure_sequence(s: Session, prefix: str, year: int) -> None:
    """The year's sequence row, made if missing with INSERT … ON CONFLICT DO NOTHING: two clerks
    issuing the year's first letter (or 通报) at the same instant both see it, then queue on
    its lock (a plain INSERT would fail the second with a unique violation)."""
    dialect = s.get_bind().dialect.name
    values = {"prefix": prefix, "year": year, "last_number": 0}
    keys = ["prefix", "year"]
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        s.execute(
            postgresql.insert(LetterSequence)
            .values(values)
            .on_conflict_do_nothing(index_elements=keys)
        )
    elif dialect == "sqlite":
        from sqlalchemy.dialects import sqlite

        s.execute(
            sqlite.insert(LetterSequence).values(values).on_conflict_do_nothing(index_elements=keys)
        )
    elif s.get(LetterSequence, (prefix, year)) is None:
        s.add(LetterSequence(**values))
        s.flush()


@dataclass(frozen=True, slots=True)
class SavedLetter:
    """A letter row just written: its id and the values it was written with."""

    id: int
    values: dict[str, Any]
    obligation_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class PlacedLetter:
    """A numbered letter and where its pages are in the archived PDF of its batch."""

    draft: LetterDraft
    first_page: int
    pages: int


def save_letters(
    s: Session, user: str, req: LetterRequest, placed: Sequence[PlacedLetter], sha256: str
) -> list[SavedLetter]:
    """The letter rows, a 催报 record on each obligation they cover and the audit entries, in
    four bulk statements (issuing 200 letters is one short transaction). ``sha256`` names the
    archived PDF of the batch."""
    values = [_letter_values(user, req, p, sha256) for p in placed]
    drafts = [p.draft for p in placed]
    ids = _insert_returning_ids(s, IssuedLetter, values, "number")
    names = _obligation_names(s, [oid for d in drafts for oid in d.obligation_ids])
    stamp = now()
    reminders = [
        {
            "obligation_id": oid,
            "reminded_on": d.content.letter_date,
            "method": ReminderMethod.LETTER.value,
            "letter_number": d.content.number,
            "note": "",
            "created_at": stamp,
        }
        for d in drafts
        for oid in d.obligation_ids
    ]
    # One reminder per obligation: a batch chases each obligation in one letter only.
    reminder_ids = iter(_insert_returning_ids(s, Reminder, reminders, "obligation_id"))
    items: list[dict[str, Any]] = []
    entries: list[audit.Entry] = []
    done = iter(reminders)
    for lid, d in zip(ids, drafts, strict=True):
        for oid in d.obligation_ids:
            rid = next(reminder_ids)
            items.append({"letter_id": lid, "obligation_id": oid, "reminder_id": rid})
            entries.append(_reminder_entry(rid, next(done), names))
        entries.append(_letter_entry(lid, d))
    s.execute(insert(IssuedLetterItem), items)
    audit.record_many(s, user=user, entries=entries)
    return [
        SavedLetter(lid, v, d.obligation_ids) for lid, v, d in zip(ids, values, drafts, strict=True)
    ]


def _insert_returning_ids(
    s: Session, model: Any, rows: list[dict[str, Any]], key: str
) -> list[int]:
    """One INSERT for many rows, their new ids in the rows' order. RETURNING gives no order,
    so each id is matched to its row by ``key``, a column whose values differ within
    ``rows``. (SQLAlchemy's own ``sort_by_parameter_order`` falls back to one statement a
    row on SQLite: 400 statements for 200 letters.) Rows with a repeated key keep the
    ordered form."""
    if not rows:
        return []
    keys = [r[key] for r in rows]
    if len(set(keys)) < len(keys):
        stmt = insert(model).returning(model.id, sort_by_parameter_order=True)
        return list(s.scalars(stmt, rows))
    returned = s.execute(insert(model).returning(model.id, getattr(model, key)), rows)
    by_key = {k: i for i, k in returned}
    return [by_key[k] for k in keys]


def _letter_values(
    user: str, req: LetterRequest, placed: PlacedLetter, sha256: str
) -> dict[str, Any]:
    draft = placed.draft
    content = draft.content
    prefix, rest = content.number.split("〔", 1)
    year, seq = rest.rstrip("号").split("〕")
    return {
        "number": content.number,
        "prefix": prefix,
        "year": int(year),
        "sequence": int(seq),
        "letter_date": content.letter_date,
        "as_of": req.as_of,
        "new_deadline": draft.new_deadline,
        "mode": req.mode,
        "addressee": content.addressee,
        "unit_id": draft.unit_id,
        "category": draft.category,
        "title": content.title,
        "pdf_sha256": sha256,
        "pages": placed.pages,
        "first_page": placed.first_page,
        "created_at": now(),
        "created_by": user,
    }


def _obligation_names(s: Session, ids: Sequence[int]) -> dict[int, str]:
    """单位·报送事项 for each obligation, in chunks (SQLite limits bound parameters)."""
    names: dict[int, str] = {}
    for at in range(0, len(ids), 500):
        chunk = ids[at : at + 500]
        stmt = (
            select(Obligation.id, Unit.name, Requirement.title)
            .join(Unit, Unit.id == Obligation.unit_id)
            .join(Requirement, Requirement.id == Obligation.requirement_id)
            .where(Obligation.id.in_(chunk))
        )
        names.update({oid: f"{unit}·{title}" for oid, unit, title in s.execute(stmt)})
    missing = set(ids) - set(names)
    if missing:  # deleted a moment ago by another clerk: fail, roll back, say so
        raise ValidationError("所选事项已被删除或修改，请刷新后重新生成催报函")
    return names


def _reminder_entry(rid: int, r: dict[str, Any], names: dict[int, str]) -> audit.Entry:
    summary = (
        f"记录催报：{names[r['obligation_id']]}，{format_cn(r['reminded_on'])}"
        f"{r['method']}催报（{r['letter_number']}）"
    )
    after = {
        "reminder_id": rid,
        "obligation_id": r["obligation_id"],
        "reminded_on": r["reminded_on"],
        "method": r["method"],
        "letter_number": r["letter_number"],
    }
    return audit.Entry(
        action="reminder.create", entity="reminder", entity_id=rid, summary=summary, after=after
    )


def _letter_entry(letter_id: int, draft: LetterDraft) -> audit.Entry:
    content = draft.content
    summary = (
        f"发催报函：{content.number}，致{content.addressee}，"
        f"{format_cn(content.letter_date)}，涉及{len(draft.obligation_ids)}项"
    )
    after = {"letter_id": letter_id, "number": content.number, "obligations": draft.obligation_ids}
    return audit.Entry(
        action="letter.issue", entity="letter", entity_id=letter_id, summary=summary, after=after
    )


def saved_record(saved: SavedLetter, archive_path: Path) -> IssuedLetterRecord:
    v = saved.values
    return IssuedLetterRecord(
        id=saved.id,
        number=v["number"],
        letter_date=v["letter_date"],
        as_of=v["as_of"],
        new_deadline=v["new_deadline"],
        mode=v["mode"],
        addressee=v["addressee"],
        title=v["title"],
        pages=v["pages"],
        obligation_ids=saved.obligation_ids,
        archive_path=archive_path,
        first_page=v["first_page"],
        created_at=v["created_at"],
        created_by=v["created_by"],
    )


def letter_record(row: IssuedLetter, archive_path: Path) -> IssuedLetterRecord:
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
        archive_path,
        row.first_page,
        row.created_at,
        row.created_by,
    )
