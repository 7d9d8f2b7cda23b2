"""Workspaces as an older version of the app left them: a schema at revision X, with data.

The data is written with plain SQL against the tables as they are at X (reflected, not the
current models), so the same seed serves every revision since 0001. A column added later that
is NOT NULL without a default gets a neutral value by type, so new revisions need no edits
here unless they rename or drop a seeded column.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Engine, Integer, MetaData, insert, select

from tracker.store.engine import make_engine, sqlite_url
from tracker.store.migrate import alembic_config, upgrade_to

T0 = datetime(2023, 6, 5, 9, 0)
E, P, S = 1, 2, 4  # Form bits: electronic, paper, seal (tracker.domain.forms)
DISTRICTS = ("和平区", "河西区", "南开区", "红桥区", "河北区", "河东区")

# What each unit's obligation for 阶段性总结 (due 2023-06-27, E|S) reads as on 2023-12-01.
EXPECTED_STATUS = {
    "和平区市场监管局": "on_time",
    "河西区市场监管局": "late",
    "南开区市场监管局": "partial",
    "红桥区市场监管局": "overdue",
    "河北区市场监管局": "exempt",
    "河东区市场监管局": "on_time",  # extended to 7-10, complete on 7-05
}


OLD_LETTER = "津市场监管标准函〔2023〕1号"
OLD_LETTER_SHA = "cd" * 32


def _sub(sid: int, oid: int, day: date, forms: int) -> dict[str, Any]:
    return {"id": sid, "obligation_id": oid, "received_on": day, "channel": "邮件",
            "forms": forms, "note": "", "created_at": T0, "created_by": "clerk"}  # fmt: skip


def _entry(
    aid: int, at: datetime, action: str, entity: str, eid: int, undone: bool = False
) -> dict[str, Any]:
    return {"id": aid, "at": at, "user": "clerk", "action": action, "entity": entity,
            "entity_id": eid, "summary": action, "before": None, "after": "{}",
            "undone": undone}  # fmt: skip


# When each decision was granted, as the audit log above says (dated by revision 0003).
GRANTED = {"河北区市场监管局": ("exempt_on", date(2023, 6, 20)),
           "河东区市场监管局": ("extended_on", date(2023, 7, 1))}  # fmt: skip


def seed_rows() -> dict[str, list[dict[str, Any]]]:
    """A small real ledger, in foreign-key order."""
    units = [
        {"id": i, "name": f"{d}市场监管局", "short_name": d, "category": "区局",
         "contact_person": "王科长", "phone": "022-2345678", "email": f"u{i}@tj.gov.cn",
         "address": "", "active": True, "sort_order": i, "created_at": T0, "version": 1}
        for i, d in enumerate(DISTRICTS, start=1)
    ]  # fmt: skip
    obligations = [
        {"id": i, "requirement_id": 1, "unit_id": i, "exempt_reason": None, "extended_to": None,
         "extension_reason": "", "note": "", "version": 1}
        for i in range(1, 7)
    ]  # fmt: skip
    obligations[4]["exempt_reason"] = "机构调整"
    obligations[5].update(extended_to=date(2023, 7, 10), extension_reason="材料需补充")
    return {
        "categories": [{"name": "区局", "sort_order": 0}, {"name": "委办局", "sort_order": 1}],
        "units": units,
        "unit_aliases": [{"id": 1, "unit_id": 1, "alias": "和平局"}],
        "notices": [
            {
                "id": 1,
                "doc_number": "津市场监管标准〔2023〕14号",
                "title": "关于开展研学行动的通知",
                "issuer": "天津市市场监督管理委员会",
                "issued_on": date(2023, 6, 5),
                "theme": "",
                "body_note": "请按时报送。",
                "created_at": T0,
                "version": 1,
            }
        ],
        "notice_contacts": [
            {
                "id": 1,
                "notice_id": 1,
                "position": 0,
                "name": "李明",
                "phone": "23456789",
                "email": "bz@tj.gov.cn",
            }
        ],
        "requirements": [
            {
                "id": 1,
                "notice_id": 1,
                "position": 0,
                "title": "阶段性总结",
                "deadline": date(2023, 6, 27),
                "forms": E | S,
                "categories": "区局",
                "note": "",
            }
        ],
        "obligations": obligations,
        "submissions": [
            _sub(1, 1, date(2023, 6, 20), E | S),
            _sub(2, 2, date(2023, 6, 20), E),
            _sub(3, 2, date(2023, 7, 3), S),
            _sub(4, 3, date(2023, 6, 25), E),
            _sub(5, 6, date(2023, 7, 5), E | S),
        ],
        "submission_files": [
            {
                "id": 1,
                "submission_id": 1,
                "sha256": "ab" * 32,
                "original_name": "总结.docx",
                "size": 12,
            }
        ],
        "reminders": [
            {
                "id": 1,
                "obligation_id": 4,
                "reminded_on": date(2023, 6, 29),
                "method": "电话",
                "letter_number": "",
                "note": "",
                "created_at": T0,
            }
        ],
        "audit_log": [
            _entry(1, T0, "notice.create", "notice", 1),
            # 河北's 免报 was granted on 6-20 (a later one was undone); 河东's 延期 on 7-01.
            _entry(2, datetime(2023, 6, 20, 10, 0), "obligation.exempt", "obligation", 5),
            _entry(3, datetime(2023, 6, 25, 9, 0), "obligation.exempt", "obligation", 5, True),
            _entry(4, datetime(2023, 7, 1, 16, 30), "obligation.extend", "obligation", 6),
        ],
        "settings": [{"key": "office", "value": '{"sender": "标准化处"}'}],
        "calendar_days": [{"day": date(2027, 10, 1), "is_workday": False, "name": "国庆节"}],
        # Since 0002 (skipped before): a 催报函 archived as its own one-page PDF.
        "letter_sequences": [{"prefix": "津市场监管标准函", "year": 2023, "last_number": 1}],
        "letters": [
            {
                "id": 1,
                "number": OLD_LETTER,
                "prefix": "津市场监管标准函",
                "year": 2023,
                "sequence": 1,
                "letter_date": date(2023, 6, 29),
                "as_of": date(2023, 6, 29),
                "new_deadline": date(2023, 7, 6),
                "mode": "unit",
                "addressee": "红桥区市场监管局",
                "unit_id": 4,
                "category": "区局",
                "title": "关于催报阶段性总结的函",
                "pdf_sha256": OLD_LETTER_SHA,
                "pages": 1,
                "created_at": T0,
                "created_by": "clerk",
            }
        ],
        "letter_items": [{"id": 1, "letter_id": 1, "obligation_id": 4, "reminder_id": None}],
    }


def _neutral(column: Any) -> Any:
    kind = column.type
    if isinstance(kind, Boolean):
        return False
    if isinstance(kind, Integer):
        return 0
    if isinstance(kind, DateTime):
        return T0
    if isinstance(kind, Date):
        return T0.date()
    return ""


def _complete(table: Any, row: dict[str, Any]) -> dict[str, Any]:
    full = dict(row)
    for column in table.columns:
        needs = not column.nullable and column.server_default is None
        if column.name not in full and needs and not column.primary_key:
            full[column.name] = _neutral(column)
    return full


def build_at(path: Path, revision: str) -> Engine:
    """A workspace database at ``revision`` holding ``seed_rows()``."""
    engine = make_engine(sqlite_url(path))
    upgrade_to(engine, revision)
    meta = MetaData()
    meta.reflect(engine)
    with engine.begin() as conn:
        for name, rows in seed_rows().items():
            table = meta.tables.get(name)
            if table is None:  # a table of a later revision
                continue
            conn.execute(insert(table), [_complete(table, r) for r in rows])
    return engine


def read_back(engine: Engine) -> dict[str, dict[Any, dict[str, Any]]]:
    """Every seeded table's rows keyed by primary key, as the database has them now."""
    meta = MetaData()
    meta.reflect(engine)
    out: dict[str, dict[Any, dict[str, Any]]] = {}
    with engine.connect() as conn:
        for name in seed_rows():
            table = meta.tables.get(name)
            if table is None:
                continue
            pk = next(iter(table.primary_key.columns)).name
            out[name] = {r[pk]: dict(r) for r in conn.execute(select(table)).mappings()}
    return out


def revisions_in_order() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]
