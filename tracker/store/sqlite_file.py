"""The SQLite file itself: health checks, online copies with the backup API, writability.

Plain ``sqlite3`` connections are used on purpose: a copy or a check must work even when the
file is too damaged, too old or too new for the ORM to open it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine

from tracker.store.engine import BUSY_TIMEOUT_MS

SIDE_FILES = ("-wal", "-shm")


def sqlite_path(engine: Engine) -> Path | None:
    """The database file behind ``engine``, or None for a server database or ``:memory:``."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


@contextlib.contextmanager
def connect(path: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    uri = f"{Path(path).resolve().as_uri()}?mode={'ro' if read_only else 'rw'}"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def check_health(conn: sqlite3.Connection, *, full: bool = False) -> list[str]:
    """``[]`` when the file is sound, else SQLite's own findings (at most ten).

    ``quick_check`` reads every page but skips index-versus-table comparisons, so it takes a
    fraction of ``integrity_check``'s time and still finds torn or overwritten pages.
    """
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}(10)")]
    except sqlite3.DatabaseError as exc:  # not a database at all, or a header torn apart
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def file_health(path: Path, *, full: bool = True) -> list[str]:
    try:
        with connect(path, read_only=True) as conn:
            return check_health(conn, full=full)
    except sqlite3.Error as exc:
        return [str(exc)]


def file_revision(path: Path) -> str | None:
    """The Alembic revision stored in a database file (None when it has none)."""
    with connect(path, read_only=True) as conn:
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
    return str(row[0]) if row else None


def copy_database(source: Path, dest: Path) -> None:
    """A consistent copy of a live database (other writers may go on), as one plain file.

    The SQLite backup API copies a snapshot page by page under a read lock; the copy is then
    switched to a rollback journal so it is complete without ``-wal``/``-shm`` beside it.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".copy-", suffix=".db", dir=dest.parent)
    os.close(fd)
    try:
        with connect(source, read_only=True) as src:
            target = sqlite3.connect(tmp, isolation_level=None)
            try:
                src.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
        os.replace(tmp, dest)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def overwrite_database(source: Path, live: Path) -> None:
    """Replace the contents of ``live`` with ``source`` in one transaction of the backup API.

    Safer than swapping files: another process holding ``live`` open waits on the lock and then
    sees the restored data, never a half-written file or a stale ``-wal``.
    """
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        with connect(live) as dst:
            dst.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = WAL")
    finally:
        src.close()


def raw_copy(source: Path, dest_dir: Path) -> list[Path]:
    """Byte copies of the file and its ``-wal``: the last resort when the file is damaged."""
    import shutil

    dest_dir.mkdir(parents=True, exist_ok=True)
    copied = []
    for suffix in ("", "-wal"):
        part = Path(f"{source}{suffix}")
        if part.exists():
            copied.append(Path(shutil.copy2(part, dest_dir / part.name)))
    return copied


def writable_problem(folder: Path, db_file: Path) -> str | None:
    """Why the workspace cannot be written, or None.

    The folder is probed for real (root passes ``os.access`` on a folder it cannot write on a
    read-only mount only through EROFS, which the probe also meets). The database files are
    only asked about, never opened: closing any descriptor of a file drops every POSIX lock
    this process holds on it, which lets another process write under an open connection.
    """
    if folder.exists():
        try:
            fd, probe = tempfile.mkstemp(prefix=".write-test-", dir=folder)
            os.close(fd)
            os.unlink(probe)
        except OSError:
            return f"台账文件夹“{folder}”是只读的（没有写入权限）"
    for part in [db_file, *(Path(f"{db_file}{s}") for s in SIDE_FILES)]:
        if part.exists() and not os.access(part, os.W_OK):
            return f"台账文件“{part.name}”是只读的（没有写入权限）"
    return None
