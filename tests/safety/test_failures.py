"""Known causes said plainly: each driver's way of saying "disk full", "locked", "connection
lost" becomes one Chinese sentence; a genuine bug stays a bug (None)."""

from __future__ import annotations

import errno
import sqlite3

import pytest
from sqlalchemy.exc import OperationalError

from tracker.domain.errors import DiskFullError, TrackerError, WorkspaceBusyError
from tracker.services.failures import known_failure


class PgError(Exception):
    """What psycopg raises: a message and its SQLSTATE."""

    def __init__(self, sqlstate: str, text: str = "server said so") -> None:
        super().__init__(text)
        self.sqlstate = sqlstate


def wrapped(orig: BaseException) -> OperationalError:
    return OperationalError("INSERT …", {}, orig)


@pytest.mark.parametrize(
    "exc, kind, words",
    [
        (OSError(errno.ENOSPC, "No space left on device"), DiskFullError, "磁盘空间已满"),
        (
            wrapped(sqlite3.OperationalError("database or disk is full")),
            DiskFullError,
            "磁盘空间已满",
        ),
        (
            wrapped(sqlite3.OperationalError("database is locked")),
            WorkspaceBusyError,
            "正被其他程序占用",
        ),
        (wrapped(sqlite3.OperationalError("disk I/O error")), TrackerError, "磁盘读写错误"),
        (wrapped(PgError("53100")), DiskFullError, "服务器的磁盘空间已满"),
        (wrapped(PgError("55P03")), WorkspaceBusyError, "正被其他用户修改"),
        (wrapped(PgError("08006", "server closed the connection")), TrackerError, "连接中断"),
        (OSError(errno.EROFS, "Read-only file system", "/mnt/x"), TrackerError, "只读的：/mnt/x"),
        (MemoryError(), TrackerError, "内存不足"),
    ],
)
def test_known_causes(exc: BaseException, kind: type, words: str) -> None:
    found = known_failure(exc)
    assert isinstance(found, kind) and words in str(found)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(found))


@pytest.mark.parametrize(
    "exc", [KeyError("x"), ValueError("bug"), wrapped(sqlite3.OperationalError("no such table: x")),
            wrapped(PgError("42P01"))],
)  # fmt: skip
def test_a_genuine_bug_is_not_dressed_up(exc: BaseException) -> None:
    assert known_failure(exc) is None
