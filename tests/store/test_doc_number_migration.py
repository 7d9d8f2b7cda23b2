"""Migration 0004 makes 文号 unique. Duplicates an older version let in (two clerks at the same
instant on PostgreSQL) are kept, not merged: the oldest keeps its 文号, later ones are marked
（重复N） within the column's 100 characters, and the 操作日志 names each — on SQLite and
PostgreSQL, through the app's own open path on SQLite (backed up first)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, insert, select, text
from sqlalchemy.exc import IntegrityError

from tracker.services.bundle import Services
from tracker.store.engine import make_engine, sqlite_url
from tracker.store.migrate import HEAD_REVISION, upgrade_to
from tracker.store.models import AuditEntry, Notice

LONG = "长" * 98 + "1号"  # exactly 100 characters: the mark must cut it, not overflow it
ROWS = [
    (1, "津市场监管标准〔2023〕14号"),
    (2, "津市场监管标准〔2023〕14号"),
    (3, "津市场监管标准〔2023〕14号"),
    (4, "津市场监管标准〔2023〕15号"),
    (5, ""),
    (6, ""),
    (7, LONG),
    (8, LONG),
    (9, "津市场监管标准〔2023〕14号（重复2）"),  # the mark a clerk typed: not taken twice
]


def _seed_before(engine: Engine) -> None:
    upgrade_to(engine, "0003")
    when = datetime(2023, 6, 5, 9, 0)
    with engine.begin() as conn:
        for nid, doc in ROWS:
            conn.execute(
                insert(Notice.__table__).values(
                    id=nid, doc_number=doc, title=f"通知{nid}", issuer="", theme="",
                    body_note="", created_at=when, version=1,
                )
            )  # fmt: skip


def _check_upgraded(engine: Engine) -> None:
    with engine.connect() as conn:
        docs = dict(conn.execute(select(Notice.id, Notice.doc_number)).all())
        audit = conn.execute(select(AuditEntry.entity_id, AuditEntry.summary)).all()
    assert docs[1] == "津市场监管标准〔2023〕14号" and docs[4] == "津市场监管标准〔2023〕15号"
    assert docs[2] == "津市场监管标准〔2023〕14号（重复3）"  # （重复2） was taken by notice 9
    assert docs[3] == "津市场监管标准〔2023〕14号（重复4）"
    assert docs[9] == "津市场监管标准〔2023〕14号（重复2）"
    assert docs[5] == docs[6] == ""
    assert docs[7] == LONG and len(docs[8]) <= 100 and docs[8].endswith("（重复2）")
    assert len({d for d in docs.values() if d}) == len([d for d in docs.values() if d])
    assert sorted(eid for eid, _ in audit) == [2, 3, 8]
    assert all("文号" in s and "重复" in s and "请核对" in s for _, s in audit)
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            insert(Notice.__table__).values(
                doc_number="津市场监管标准〔2023〕15号", title="再来一个",
                created_at=datetime(2023, 7, 1), version=1,
            )
        )  # fmt: skip


def test_duplicates_on_sqlite_are_marked_and_logged_on_open(workspace_dir: Path) -> None:
    workspace_dir.mkdir(parents=True)
    engine = make_engine(sqlite_url(workspace_dir / "tracker.db"))
    _seed_before(engine)
    engine.dispose()
    with Services.open(workspace_dir) as sv:  # the app's path: backed up, then upgraded
        _check_upgraded(sv.ws.engine)
        assert "重复" in sv.audit.entries()[0].summary
    assert list((workspace_dir / "backups" / "pre-migration").glob("*.zip"))


def test_duplicates_on_postgresql_are_marked_and_logged(request: pytest.FixtureRequest) -> None:
    server: Any = request.getfixturevalue("pg_server")
    name = f"mig0004_{id(request)}"
    server._admin(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
    engine = make_engine(server.url_for(name))
    try:
        _seed_before(engine)
        upgrade_to(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                HEAD_REVISION
            )
        _check_upgraded(engine)
    finally:
        engine.dispose()
        server.drop(server.url_for(name))
