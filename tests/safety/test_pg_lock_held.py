"""On a shared PostgreSQL ledger, a row another clerk holds (or a client hung with its
transaction open) makes a write wait only as long as SQLite would, then say so in Chinese with
nothing saved — not freeze the window for ever."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.exc import DBAPIError

from tracker.domain.errors import WorkspaceBusyError
from tracker.domain.records import UnitSpec
from tracker.services.bundle import Services
from tracker.store import engine as store_engine

pytestmark = pytest.mark.parametrize("db_backend", ["postgresql"], indirect=True)


@pytest.fixture
def pg_units(
    db_url: str | None, workspace_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Services, str]]:
    assert db_url is not None  # SQLite's held write lock: tests/safety/test_lock_held.py
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_MS", 400)  # read when a connection opens
    with Services.open(workspace_dir, db_url) as sv:
        sv.units.save(UnitSpec("和平区市场监管局", "区局", phone="23300000"))
        yield sv, db_url


@pytest.fixture
def holder(pg_units: tuple[Services, str]) -> Iterator[Connection]:
    """Another clerk's connection holding the unit's row (FOR UPDATE, not committed). The
    server ends it after 3 s, so without a lock timeout the test fails instead of hanging."""
    other = create_engine(pg_units[1])
    conn = other.connect()
    conn.execute(text("SET idle_in_transaction_session_timeout = '3s'"))
    conn.execute(text("SELECT * FROM units WHERE name = '和平区市场监管局' FOR UPDATE"))
    yield conn
    with contextlib.suppress(DBAPIError):  # already ended by the server
        conn.rollback()
    conn.close()
    other.dispose()


def test_a_held_row_is_refused_after_the_wait_and_nothing_is_saved(
    pg_units: tuple[Services, str], holder: Connection
) -> None:
    sv = pg_units[0]
    unit = sv.units.resolve("和平区市场监管局")
    started = time.monotonic()
    with pytest.raises(WorkspaceBusyError, match=r"正被其他用户修改：已等待 0\.4 秒") as err:
        sv.units.save(UnitSpec("和平区市场监管局", "区局", phone="23399999"), unit.id)
    assert time.monotonic() - started < 5  # waited for the timeout, not for the other clerk
    assert "未保存" in str(err.value)
    holder.rollback()  # the other clerk finishes: the same save now goes through
    assert sv.units.resolve("和平区市场监管局").phone == "23300000"
    sv.units.save(UnitSpec("和平区市场监管局", "区局", phone="23399999"), unit.id)
    assert sv.units.resolve("和平区市场监管局").phone == "23399999"
