"""Known causes of failure, said in Chinese: a full disk, a database another program holds, a
server that cannot be reached. Used by the transaction wrapper and by both error boundaries
(command line and window), so a cause gets the same sentence wherever it strikes.

Nothing here imports SQLAlchemy or a driver: exceptions are recognised by their SQLite message,
their SQLSTATE or their errno, so the window may use this module too.
"""

from __future__ import annotations

import sqlite3

from tracker.domain.errors import (
    DISK_FULL_ADVICE,
    DISK_FULL_ERRNOS,
    ConflictError,
    DiskFullError,
    TrackerError,
    WorkspaceBusyError,
    os_error_text,
)

BUSY_MESSAGE = (
    "台账正被其他程序占用：已等待 {seconds:g} 秒仍无法写入。可能是另一个打开此台账的窗口或 "
    "tracker 命令正在写入，或同步、备份、杀毒软件锁住了台账文件。请稍候重试，"
    "或关闭那个程序后再试；刚才的操作未保存。"
)
DISK_FULL_MESSAGE = f"磁盘空间已满，刚才的操作未能完成（台账保持原样）。{DISK_FULL_ADVICE}。"
_SQLITE_BUSY = ("database is locked", "database table is locked", "database is busy")
_SQLITE_FULL = ("database or disk is full",)
_PG_DISK_FULL = {"53100"}
_PG_BUSY = {"55P03", "57014"}  # lock_not_available; query_canceled by lock/statement timeout
_PG_CONNECTION = "08"
# A race lost to another clerk: both inserted the same new row, or serialization/deadlock.
PG_RACES = frozenset({"23505", "40001", "40P01"})


def lost_race(exc: BaseException) -> bool:
    """A PostgreSQL conflict that running the unit of work again resolves. (SQLite writers
    are serialised by BEGIN IMMEDIATE: a unique violation there is never a race.)"""
    state = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return state in PG_RACES


def known_failure(exc: BaseException, busy_seconds: float = 10) -> TrackerError | None:
    """The TrackerError that says what went wrong, or None for a genuine bug."""
    if isinstance(exc, TrackerError):
        return exc
    cause = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's exception
    if isinstance(cause, OSError):
        return _os_failure(cause)
    if isinstance(cause, MemoryError):
        return TrackerError("内存不足，刚才的操作未能完成。请关闭其他程序后重试。")
    text = str(cause).lower()
    if isinstance(cause, sqlite3.Error):
        return _sqlite_failure(text, busy_seconds)
    state = getattr(cause, "sqlstate", None)
    if isinstance(state, str):
        return _server_failure(state, str(cause), busy_seconds)
    return None


def _os_failure(exc: OSError) -> TrackerError:
    if exc.errno in DISK_FULL_ERRNOS:
        return DiskFullError(DISK_FULL_MESSAGE)
    return TrackerError(os_error_text(exc))


def _sqlite_failure(text: str, busy_seconds: float) -> TrackerError | None:
    if any(s in text for s in _SQLITE_BUSY):
        return WorkspaceBusyError(BUSY_MESSAGE.format(seconds=busy_seconds))
    if any(s in text for s in _SQLITE_FULL):
        return DiskFullError(DISK_FULL_MESSAGE)
    if "disk i/o error" in text:
        return TrackerError(
            "读写台账文件时出错（磁盘读写错误），操作未保存。请检查磁盘或 U 盘后重试。"
        )
    if "readonly database" in text or "read-only" in text:
        return TrackerError("台账文件是只读的，无法写入；操作未保存。")
    if "unable to open database file" in text:
        return TrackerError("无法打开台账数据库文件（文件夹不存在、无权限或路径有误）。")
    return None


def _server_failure(state: str, text: str, busy_seconds: float) -> TrackerError | None:
    if state in _PG_DISK_FULL:
        return DiskFullError("数据库服务器的磁盘空间已满，操作未保存。请联系数据库管理员。")
    if state in _PG_BUSY:
        return WorkspaceBusyError(
            f"共享台账中的这些记录正被其他用户修改：已等待 {busy_seconds:g} 秒。"
            "请稍候重试；刚才的操作未保存。"
        )
    if state in PG_RACES:  # still losing after the retries
        return ConflictError("另一位同事刚刚保存了相同的内容，刚才的操作未保存。请刷新后重试。")
    if state.startswith(_PG_CONNECTION):
        return TrackerError(
            f"与数据库服务器的连接中断，操作未保存。请检查网络后重试（{text.strip()[:120]}）"
        )
    return None
