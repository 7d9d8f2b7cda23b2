"""A workspace: the database (SQLite file or any SQLAlchemy URL) plus its archived files."""

from __future__ import annotations

import getpass
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from tracker.domain.changes import Changes
from tracker.domain.clock import today
from tracker.domain.errors import (
    ReadOnlyWorkspaceError,
    TrackerError,
)
from tracker.domain.workdays import DayOverride, WorkCalendar
from tracker.services.backups import Location, backup_now, daily_backup
from tracker.services.failures import known_failure, lost_race
from tracker.services.files import FileArchive
from tracker.services.locations import (
    DB_FILE,
    resolve_db_url,
    resolve_files_dir,
    resolve_workspace_dir,
)
from tracker.services.open_checks import check_database_file, check_workspace_health
from tracker.store import engine as store_engine
from tracker.store.engine import make_engine, make_session_factory, sqlite_url, transaction
from tracker.store.migrate import ensure_schema
from tracker.store.models import CalendarDay
from tracker.store.sqlite_file import sqlite_path, writable_problem

T = TypeVar("T")
S = TypeVar("S", bound="HasWorkspace")
P = ParamSpec("P")
RACE_ATTEMPTS = 5
Listener = Callable[[Changes], None]
# The window's 重试 prompt: told why the write lock could not be had, True to wait again.
BusyPrompt = Callable[[TrackerError], bool]


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (e.g. a service account): still record something
        return os.environ.get("USERNAME") or os.environ.get("USER") or "unknown"


class Workspace:
    """Owns the engine and the session factory; services borrow short sessions from it."""

    def __init__(self, engine: Engine, root: Path, files_dir: Path) -> None:
        self.engine = engine
        self.root = root
        self.files = FileArchive(files_dir)
        self.user = os_user()
        self._factory: sessionmaker[Session] = make_session_factory(engine)
        self._listeners: list[Listener] = []
        self._calendar: WorkCalendar | None = None
        # Things the clerk should hear about at start-up (e.g. a daily backup that failed).
        self.warnings: list[str] = []
        self.on_busy: BusyPrompt | None = None  # None (command line): refuse with a message

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        workspace: str | os.PathLike[str] | None = None,
        db_url: str | None = None,
        *,
        create: bool = True,
        files_dir: str | os.PathLike[str] | None = None,
    ) -> Workspace:
        """Open (or create) a workspace: checked, backed up once a day, schema brought to head."""
        root = resolve_workspace_dir(workspace)
        url = resolve_db_url(db_url)
        files = resolve_files_dir(root, files_dir)
        if url is None:
            return cls._open_sqlite(root, files, create=create)
        engine = _server_engine(url)
        _prepare(engine, lambda: _migrate(engine))
        ws = cls(engine, root, files)
        ws.files.clear_leftovers()  # the shared folder: only copies silent for 15 minutes
        return ws

    @classmethod
    def _open_sqlite(cls, root: Path, files: Path, *, create: bool) -> Workspace:
        db_path = root / DB_FILE
        is_new = not db_path.exists()
        if is_new and not create:
            raise TrackerError(f"台账不存在：{root}。请先用 tracker init 新建，或检查路径。")
        problem = writable_problem(root, db_path)
        if problem:
            raise ReadOnlyWorkspaceError(
                f"{problem}，无法打开台账。请把台账文件夹复制到可以写入的位置，"
                "或请管理员开放写入权限后再打开；台账未作任何改动。"
            )
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise TrackerError(f"无法创建台账文件夹 {root}：{exc.strerror or exc}") from exc
        loc = Location(root, db_path, files)

        if not is_new:
            check_database_file(loc)  # a zero-byte or foreign file is no ledger to open
        engine = make_engine(sqlite_url(db_path))

        def steps() -> None:
            if not is_new:
                check_workspace_health(engine, loc)
            ensure_schema(engine, before_upgrade=lambda cur: _pre_migration(loc, cur))

        _prepare(engine, steps)
        ws = cls(engine, root, files)
        _clear_leftovers(ws, loc)
        if not is_new:
            ws.warnings.extend(_daily_backup(loc))
        return ws

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def location(self) -> Location | None:
        """Paths of a SQLite workspace (None on a database server)."""
        path = sqlite_path(self.engine)
        return Location(self.root, path, self.files.root) if path is not None else None

    @property
    def label(self) -> str:
        url = self.engine.url
        if url.get_backend_name() == "sqlite":
            return str(self.root)
        return url.render_as_string(hide_password=True)

    def damaged_text_note(self) -> str:
        """A warning when rows with invalid UTF-8 text were read (shown with U+FFFD)."""
        count = store_engine.damaged_text_count()
        if not count:
            return ""
        return (
            f"注意：台账中有 {count} 处文字已损坏（不是有效的 UTF-8），已用“\ufffd”代替显示，"
            "其余数据完好。请核对并重新录入这些文字，或从备份恢复。"
        )

    def reconnect(self) -> None:
        """Drop pooled connections (after a restore replaced the database under them)."""
        self.engine.dispose()
        self.forget_calendar()

    # -- units of work -------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write: committed as a whole, or rolled back as a whole on any error. A full disk
        or a lock held by another program becomes its own Chinese message."""
        with (
            _said_plainly(),
            transaction(self._factory, write=True, retry_busy=self._retry_busy) as session,
        ):
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with _said_plainly(), transaction(self._factory, write=False) as session:
            yield session

    def retrying(self, work: Callable[[], T], attempts: int = RACE_ATTEMPTS) -> T:
        """Run ``work`` (a whole unit of work with its own transaction) again when it lost a
        race with another clerk on PostgreSQL — both inserted the same new row (a unique
        violation), or a serialization failure or deadlock: the next run sees what the other
        committed and decides again (e.g. 文号已存在, or the roster unit now 不变)."""
        for attempt in range(1, attempts + 1):
            try:
                return work()
            except DBAPIError as exc:
                if attempt == attempts or not lost_race(exc):
                    raise
                time.sleep(random.uniform(0.01, 0.05) * attempt)  # let the winner finish
        raise AssertionError("unreachable")

    def _retry_busy(self, exc: OperationalError) -> bool:
        prompt = self.on_busy
        if prompt is None:
            return False
        return prompt(known_failure(exc, busy_seconds()) or TrackerError(str(exc)))

    # -- change notification -------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def announce(self, changes: Changes) -> None:
        """Called by services after a commit with what they changed; the window refreshes on
        it. May be called from a worker thread: listeners must not touch widgets directly."""
        for listener in list(self._listeners):
            listener(changes)

    # -- calendar ------------------------------------------------------------------------
    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            with self.reading() as s:
                days = s.scalars(select(CalendarDay)).all()
                overrides = {d.day: DayOverride(d.day, d.is_workday, d.name) for d in days}
            self._calendar = WorkCalendar(overrides)
        return self._calendar

    def forget_calendar(self) -> None:
        self._calendar = None


URL_EXAMPLE = "postgresql+psycopg://用户名:密码@服务器:5432/数据库名"


def _server_engine(url: str) -> Engine:
    """An engine for ``--db-url``; a URL that cannot work is one sentence, not a traceback."""
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    shown = url if len(url) <= 80 else url[:80] + "…"
    try:
        return make_engine(url)
    except NoSuchModuleError:
        raise TrackerError(
            f"数据库地址“{shown}”中的数据库类型不受支持；共享台账请用 PostgreSQL：{URL_EXAMPLE}"
        ) from None
    except ArgumentError:
        raise TrackerError(f"数据库地址“{shown}”无法识别，应写成 {URL_EXAMPLE}") from None
    except ModuleNotFoundError as exc:
        raise TrackerError(
            f"连接该数据库所需的组件 {exc.name} 未安装（PostgreSQL 需要 psycopg）"
        ) from None


class HasWorkspace(Protocol):
    ws: Workspace


def retry_races(method: Callable[Concatenate[S, P], T]) -> Callable[Concatenate[S, P], T]:
    """A service method that is run again when it lost a PostgreSQL race (``retrying``)."""

    def run(service: S, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return service.ws.retrying(lambda: method(service, *args, **kwargs))

    run.__name__, run.__qualname__ = method.__name__, method.__qualname__
    run.__doc__ = method.__doc__
    return run


def busy_seconds() -> float:
    return store_engine.BUSY_TIMEOUT_MS / 1000


@contextmanager
def _said_plainly() -> Iterator[None]:
    """Database errors with a known cause (disk full, lock held) as one Chinese sentence."""
    try:
        yield
    except DBAPIError as exc:
        known = known_failure(exc, busy_seconds())
        if known is None or lost_race(exc):  # a lost race stays itself: ``retrying`` runs again
            raise
        raise known from exc


def _prepare(engine: Engine, steps: Callable[[], None]) -> None:
    try:
        steps()
    except OperationalError as exc:
        engine.dispose()
        known = known_failure(exc, busy_seconds())
        if known is not None:
            raise known from exc
        first = (str(exc.orig).strip().splitlines() or [""])[0]
        if engine.dialect.name == "sqlite":
            raise TrackerError(f"无法打开台账数据库：{first}") from exc
        raise TrackerError(
            f"无法连接数据库服务器（{first}）。请检查数据库地址、网络，以及服务器是否已启动"
        ) from exc
    except BaseException:
        engine.dispose()
        raise


def _migrate(engine: Engine) -> None:
    ensure_schema(engine)


def _pre_migration(loc: Location, current: str | None) -> None:
    if current is not None:  # a brand-new file has nothing to lose
        backup_now(loc, "pre-migration")


def _clear_leftovers(ws: Workspace, loc: Location) -> None:
    """What a killed copy, backup or restore left behind (``files/.incoming-*`` grew to 3.7 GB
    after 7 kills): deleted on the next open, when untouched for a while."""
    from tracker.services.files import FileArchive

    count, freed = ws.files.clear_leftovers()
    pool_count, pool_freed = FileArchive(loc.pool).clear_leftovers()
    count, freed = count + pool_count, freed + pool_freed
    for pattern in (".restore-*", ".restoring-*", ".write-test-*"):
        count += len(FileArchive.remove_stale(loc.root, pattern))
    if count:
        from tracker.log_file import log

        log().info("已清理 %d 个中断复制留下的临时文件（%d 字节）", count, freed)


def _daily_backup(loc: Location) -> list[str]:
    """The day's backup; whatever stops it (a full disk above all) is a warning, never a
    workspace that no longer opens."""
    try:
        daily_backup(loc, today())
    except Exception as exc:
        from tracker.log_file import log

        log().warning("今日自动备份未能完成", exc_info=exc)
        known = known_failure(exc)
        why = str(known) if known is not None else f"{type(exc).__name__}: {exc}"
        return [f"今日自动备份未能完成：{why.rstrip('。')}。台账可以照常使用，请尽快手动备份。"]
    return []
