"""Checks when a SQLite workspace opens: is the file a ledger at all, is it sound, and when a
check fails for another reason (a full disk, a lock, a disk that cannot be read), that reason.

A damaged file is refused with the exact way back: the newest backup and how to restore it.
Only where no file exists is a new database created — a zero-byte ``tracker.db`` (a failed
copy, a sync tool) is refused like a damaged one, so the day's backup never stores it empty.
"""

from __future__ import annotations

import shutil
import sqlite3

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError

from tracker.domain.errors import (
    DISK_FULL_ADVICE,
    DatabaseDamagedError,
    DiskFullError,
    TrackerError,
    WorkspaceBusyError,
)
from tracker.services.backups import Location, newest_backup
from tracker.services.failures import known_failure
from tracker.store import engine as store_engine
from tracker.store.sqlite_file import check_health

SQLITE_HEADER = b"SQLite format 3\x00"


def check_database_file(loc: Location) -> None:
    """``tracker.db`` must begin with SQLite's header: an empty or foreign file is refused."""
    try:
        with loc.db.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise TrackerError(f"无法读取台账数据库“{loc.db}”：{exc.strerror or exc}") from exc
    if head == SQLITE_HEADER:
        return
    what = "是空文件（0 字节）" if not head else "不是台账数据库（不是 SQLite 文件）"
    raise DatabaseDamagedError(
        f"台账数据库“{loc.db}”已损坏：它{what}，未能打开。{_way_back(loc, empty=not head)}"
    )


def _way_back(loc: Location, *, empty: bool = False) -> str:
    newest = newest_backup(loc)
    if newest:
        return (
            f"请从备份恢复：在窗口中按提示恢复，或运行 "
            f'tracker --workspace "{loc.root}" restore "{newest}"（恢复前会先另存当前文件）。'
        )
    if empty:
        return (
            "没有找到备份文件。若这是刚新建、尚未录入内容的台账，可删除该文件后重新打开；"
            "否则请勿删除或覆盖它，并联系技术人员。"
        )
    return "没有找到备份文件。请勿删除或覆盖该文件，并联系技术人员。"


def check_workspace_health(engine: Engine, loc: Location) -> None:
    """``PRAGMA quick_check`` on open; a damaged file is refused with the way back."""
    try:
        with engine.connect() as conn:
            problems = check_health(conn.connection.driver_connection)  # type: ignore[arg-type]
    except DatabaseError as exc:  # so damaged that even the connection pragmas fail
        problems = [str(exc.orig)]
    if not problems:
        return
    engine.dispose()
    _not_damage(problems[0], loc)
    raise DatabaseDamagedError(
        f"台账数据库“{loc.db}”已损坏，未能打开（SQLite 检查结果：{problems[0]}）。{_way_back(loc)}"
    )


FREE_SPACE_NEEDED = 1 << 20  # SQLite needs room for its -wal and -shm files to open at all


def _not_damage(problem: str, loc: Location) -> None:
    """A check that failed for a reason other than a damaged file says that reason instead:
    a full disk (SQLite cannot create its -shm file), a lock, a disk that cannot be read."""
    text = problem.lower()
    known = known_failure(sqlite3.OperationalError(problem), store_engine.BUSY_TIMEOUT_MS / 1000)
    if isinstance(known, WorkspaceBusyError):
        raise known
    if "disk i/o error" not in text and "disk is full" not in text:
        return
    try:
        free = shutil.disk_usage(loc.root).free
    except OSError:
        free = FREE_SPACE_NEEDED
    if free < FREE_SPACE_NEEDED or "disk is full" in text:
        raise DiskFullError(
            f"台账所在的磁盘空间已满（剩余 {free // 1024} KB），无法打开台账；台账文件没有损坏。"
            f"{DISK_FULL_ADVICE}。"
        )
    raise TrackerError(
        f"读取台账文件“{loc.db}”时发生磁盘读写错误（{problem}），可能是 U 盘或网络盘已断开、"
        "磁盘故障；台账文件未作改动。请检查磁盘后重试。"
    )
