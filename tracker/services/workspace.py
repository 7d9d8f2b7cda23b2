"""A workspace: the database (SQLite file or any SQLAlchemy URL) plus its archived files."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from tracker.domain.errors import TrackerError
from tracker.domain.workdays import DayOverride, WorkCalendar
from tracker.services.files import FileArchive
from tracker.services.locations import DB_FILE, FILES_DIR, resolve_db_url, resolve_workspace_dir
from tracker.store.engine import make_engine, make_session_factory, sqlite_url, transaction
from tracker.store.migrate import ensure_schema
from tracker.store.models import CalendarDay

Listener = Callable[[str], None]


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
        root = resolve_workspace_dir(workspace)
        url = resolve_db_url(db_url)
        if url is None:
            db_path = root / DB_FILE
            if not db_path.exists() and not create:
                raise TrackerError(f"台账不存在：{root}。请先用 tracker init 新建，或检查路径。")
            try:
                root.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise TrackerError(f"无法创建台账文件夹 {root}：{exc.strerror or exc}") from exc
            url = sqlite_url(db_path)
        files = Path(files_dir) if files_dir else root / FILES_DIR
        engine = make_engine(url)
        try:
            ensure_schema(engine)
        except OperationalError as exc:
            engine.dispose()
            raise TrackerError(f"无法打开台账数据库：{exc.orig}") from exc
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, root, files)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def label(self) -> str:
        url = self.engine.url
        if url.get_backend_name() == "sqlite":
            return str(self.root)
        return url.render_as_string(hide_password=True)

    # -- units of work -------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write: committed as a whole, or rolled back as a whole on any error."""
        with transaction(self._factory, write=True) as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with transaction(self._factory, write=False) as session:
            yield session

    # -- change notification -------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def announce(self, what: str) -> None:
        """Called by services after a commit; the window refreshes on it."""
        for listener in list(self._listeners):
            listener(what)

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
