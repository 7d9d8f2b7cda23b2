"""Another program holds the SQLite write lock past the wait: the command line says so in one
sentence; the window asks 重试/取消, and 重试 really runs the whole write again.

SQLite only: on PostgreSQL writers queue on row locks (no whole-database write lock to hold).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tracker.cli import main
from tracker.domain.errors import WorkspaceBusyError
from tracker.services.bundle import Services
from tracker.store import engine as store_engine

BUSY = "台账正被其他程序占用"


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_MS", 200)


@pytest.fixture
def holder(
    tianjin_units: Services, workspace_dir: Path, short_wait: None
) -> Iterator[sqlite3.Connection]:
    """Another program with the write lock taken (BEGIN IMMEDIATE)."""
    tianjin_units.ws.engine.dispose()  # the pool's connections get the short wait
    conn = sqlite3.connect(workspace_dir / "tracker.db", isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    yield conn
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    conn.close()


def test_without_a_prompt_a_held_lock_is_one_clear_refusal(
    tianjin_units: Services, holder: sqlite3.Connection
) -> None:
    with pytest.raises(WorkspaceBusyError, match=f"{BUSY}：已等待 0.2 秒") as err:
        tianjin_units.units.add_category("协会甲")
    assert "另一个打开此台账的窗口" in str(err.value) and "未保存" in str(err.value)
    holder.execute("ROLLBACK")
    assert "协会甲" not in tianjin_units.units.categories()


def test_retry_runs_the_whole_write_once_the_lock_is_free(
    tianjin_units: Services, holder: sqlite3.Connection
) -> None:
    asked: list[str] = []

    def prompt(err: object) -> bool:
        asked.append(str(err))
        if len(asked) == 2:  # the other program finishes while the clerk reads the question
            holder.execute("COMMIT")
        return True

    tianjin_units.ws.on_busy = prompt
    tianjin_units.units.add_category("协会乙")
    assert len(asked) == 2 and all(BUSY in a for a in asked)
    assert tianjin_units.units.categories().count("协会乙") == 1
    entries = [e for e in tianjin_units.audit.entries() if "协会乙" in e.summary]
    assert len(entries) == 1  # the retried write landed exactly once


def test_cancel_leaves_nothing_written(tianjin_units: Services, holder: sqlite3.Connection) -> None:
    tianjin_units.ws.on_busy = lambda _err: False
    with pytest.raises(WorkspaceBusyError):
        tianjin_units.units.add_category("协会丙")
    holder.execute("ROLLBACK")
    assert "协会丙" not in tianjin_units.units.categories()


def test_the_command_line_says_who_holds_it_in_one_line(
    tianjin_units: Services,
    workspace_dir: Path,
    holder: sqlite3.Connection,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tianjin_units.close()
    days = _days(workspace_dir)
    code = main(["--workspace", str(workspace_dir), "holidays", "2027", "--import", str(days)])
    err = capsys.readouterr().err
    assert code == 1 and BUSY in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def _days(folder: Path) -> Path:
    path = folder.parent / "假日.txt"
    path.write_text("2027-01-01 休 元旦\n", encoding="utf-8")
    return path
