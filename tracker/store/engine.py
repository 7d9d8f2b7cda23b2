"""Engine and session factory. SQLite gets WAL, full sync, foreign keys and a busy timeout;
PostgreSQL a lock timeout of the same length."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000


def sqlite_url(path: Path) -> URL:
    """The URL of a SQLite file, built from its parts: a folder named ``what?台账``, ``a#b`` or
    ``50%台账`` is a legal path, and parsed as URL text it would mean another file."""
    return URL.create("sqlite", database=str(path))


_damaged_text = [0]  # texts read with replacement characters in this process


def _tolerant_text(data: bytes) -> str:
    """SQLite TEXT as str. Invalid UTF-8 (a damaged row that ``integrity_check`` still passes)
    is read with U+FFFD instead of failing the whole query, and counted so it can be said."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        _damaged_text[0] += 1
        return data.decode("utf-8", "replace")


def damaged_text_count() -> int:
    return _damaged_text[0]


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Python's sqlite3 opens transactions lazily; let SQLAlchemy emit BEGIN itself so that
    # a whole unit of work is one transaction (see SQLAlchemy "pysqlite serializable" recipe).
    dbapi_conn.isolation_level = None
    dbapi_conn.text_factory = _tolerant_text
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    # FULL: a registration the clerk saw "saved" survives a power cut, not only a crash.
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # IMMEDIATE takes the write lock at BEGIN, so two writers queue on busy_timeout instead
    # of one failing halfway with "database is locked" on upgrade from a read lock.
    write = conn.get_execution_options().get("tracker_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _pg_lock_timeout(dbapi_conn: Any, _record: Any) -> None:
    # A row another clerk holds (or a client that hung with its transaction open) would make a
    # write wait for ever and freeze the window; after the wait SQLite gives, the statement
    # fails with lock_not_available (55P03), said as 正被其他用户修改, and nothing is saved.
    # Read at connect, so a test may shorten it.
    cur = dbapi_conn.cursor()
    cur.execute(f"SET lock_timeout = {int(BUSY_TIMEOUT_MS)}")
    cur.close()
    dbapi_conn.commit()  # psycopg opened a transaction for the SET: end it, the setting stays


def make_engine(url: str | URL, **kwargs: Any) -> Engine:
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "connect", _pg_lock_timeout)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


# Asked when the write lock cannot be had within the busy timeout: True to try again.
RetryBusy = Callable[[OperationalError], bool]


def is_lock_busy(exc: BaseException) -> bool:
    """SQLite's "database is locked" (another connection holds the write lock)."""
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "database is busy" in text


@contextmanager
def transaction(
    factory: sessionmaker[Session], *, write: bool = True, retry_busy: RetryBusy | None = None
) -> Iterator[Session]:
    """One unit of work: committed as a whole when the block ends, rolled back on any error.

    A write takes SQLite's lock at BEGIN, before the block runs; when another program holds it
    past the busy timeout, ``retry_busy`` may ask to wait again — nothing has run yet, so
    trying again is a real retry of the whole unit of work."""
    with factory() as session:
        _begin(session, write, retry_busy)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def _begin(session: Session, write: bool, retry_busy: RetryBusy | None) -> None:
    while True:
        try:
            session.connection(execution_options={"tracker_write": write})
            return
        except OperationalError as exc:
            session.rollback()
            if not (is_lock_busy(exc) and retry_busy is not None and retry_busy(exc)):
                raise
