"""Schema only through Alembic: from empty to head, and head matches the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from tracker.store.engine import make_engine, sqlite_url
from tracker.store.migrate import (
    HEAD_REVISION,
    SchemaTooNewError,
    alembic_config,
    alembic_head,
    ensure_schema,
)
from tracker.store.models import Base


def test_head_constant_matches_alembic() -> None:
    assert alembic_head() == HEAD_REVISION


def test_migrations_from_empty_build_exactly_the_models(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = make_engine(sqlite_url(tmp_path / "t.db"))
    assert ensure_schema(engine) is True
    assert ensure_schema(engine) is False  # second open: nothing to do
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert alembic_config() is not None


def test_a_newer_workspace_is_refused_untouched(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "t.db"))
    ensure_schema(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()  # checkpoints the WAL into the file
    before = (tmp_path / "t.db").read_bytes()
    engine = make_engine(sqlite_url(tmp_path / "t.db"))
    with pytest.raises(SchemaTooNewError, match="更新版本"):
        ensure_schema(engine)
    engine.dispose()
    assert "units" in inspect(make_engine(sqlite_url(tmp_path / "t.db"))).get_table_names()
    assert (tmp_path / "t.db").read_bytes() == before


def test_a_newer_workspace_is_neither_backed_up_nor_changed(tmp_path: Path) -> None:
    from tracker.services.workspace import Workspace

    folder = tmp_path / "新 版本"
    Workspace.open(folder).close()
    engine = make_engine(sqlite_url(folder / "tracker.db"))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    before = {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    calls: list[str | None] = []
    engine = make_engine(sqlite_url(folder / "tracker.db"))
    with pytest.raises(SchemaTooNewError):
        ensure_schema(engine, before_upgrade=calls.append)
    engine.dispose()
    assert calls == []  # refused before the backup hook: nothing to upgrade, nothing written
    for _ in range(2):  # the app's open path, on a day with no backup yet
        with pytest.raises(SchemaTooNewError, match="台账文件未作任何改动"):
            Workspace.open(folder)
    after = {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert after == before
    assert not (folder / "backups").exists()
