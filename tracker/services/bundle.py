"""The services of one open workspace, built once by the composition root (app or CLI)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from tracker.domain.changes import Changes
from tracker.services.audit import AuditService
from tracker.services.backup_service import BackupService
from tracker.services.bulletins import BulletinService
from tracker.services.export import ExportService
from tracker.services.ladder import LadderService
from tracker.services.ledger import LedgerService
from tracker.services.ledger_import import LedgerImport
from tracker.services.letters import LetterService
from tracker.services.notices import NoticeService
from tracker.services.ranking import RankingService
from tracker.services.settings import CalendarService, SettingsService
from tracker.services.status_lists import StatusListService
from tracker.services.undo import UndoService
from tracker.services.unit_import import RosterImport
from tracker.services.units import UnitService, ensure_default_categories
from tracker.services.workspace import BusyPrompt, Workspace
from tracker.store.models import Category


@dataclass
class Services:
    ws: Workspace
    units: UnitService = field(init=False)
    roster: RosterImport = field(init=False)
    notices: NoticeService = field(init=False)
    ledger: LedgerService = field(init=False)
    undo: UndoService = field(init=False)
    audit: AuditService = field(init=False)
    settings: SettingsService = field(init=False)
    calendar: CalendarService = field(init=False)
    backups: BackupService = field(init=False)
    letters: LetterService = field(init=False)
    lists: StatusListService = field(init=False)
    export: ExportService = field(init=False)
    ledger_import: LedgerImport = field(init=False)
    ranking: RankingService = field(init=False)
    ladder: LadderService = field(init=False)
    bulletins: BulletinService = field(init=False)

    def __post_init__(self) -> None:
        self.units = UnitService(self.ws)
        self.roster = RosterImport(self.ws)
        self.notices = NoticeService(self.ws)
        self.ledger = LedgerService(self.ws)
        self.undo = UndoService(self.ws)
        self.audit = AuditService(self.ws)
        self.settings = SettingsService(self.ws)
        self.calendar = CalendarService(self.ws)
        self.backups = BackupService(self.ws)
        self.letters = LetterService(self.ws, self.ledger, self.notices, self.settings)
        self.lists = StatusListService(self.ledger, self.settings)
        self.export = ExportService(self.ws, self.ledger, self.notices, self.units)
        self.ledger_import = LedgerImport(self.ws)
        self.ranking = RankingService(self.ledger, self.notices, self.units)
        self.ladder = LadderService(self.ws, self.settings)
        self.bulletins = BulletinService(
            self.ws, self.ledger, self.notices, self.units, self.settings
        )

    @classmethod
    def open(
        cls,
        workspace: str | os.PathLike[str] | None = None,
        db_url: str | None = None,
        *,
        create: bool = True,
        files_dir: str | os.PathLike[str] | None = None,
    ) -> Services:
        ws = Workspace.open(workspace, db_url, create=create, files_dir=files_dir)
        with ws.reading() as s:
            has_categories = s.scalar(select(Category.name).limit(1)) is not None
        if not has_categories:  # a new workspace: write only then, so opening stays read-only
            ws.retrying(lambda: _default_categories(ws))  # two clerks opening it at once
        return cls(ws)

    # -- what the window needs of the workspace (the UI never touches ``ws`` itself) ----
    @property
    def label(self) -> str:
        """The workspace's folder, or its database URL without the password."""
        return self.ws.label

    @property
    def folder(self) -> Path | None:
        """The folder of a SQLite workspace (None on a database server)."""
        location = self.ws.location
        return location.root if location is not None else None

    @property
    def warnings(self) -> list[str]:
        """What the clerk should hear at start-up (e.g. a daily backup that failed)."""
        return list(self.ws.warnings)

    def damaged_text_note(self) -> str:
        """Said when text read from the database had to be repaired (invalid UTF-8)."""
        return self.ws.damaged_text_note()

    def ask_when_busy(self, prompt: BusyPrompt) -> None:
        """The window's 重试 question, asked when another program holds the write lock."""
        self.ws.on_busy = prompt

    def subscribe(self, listener: Callable[[Changes], None]) -> None:
        """``listener(changes)`` after each write, maybe from a worker thread."""
        self.ws.subscribe(listener)

    def close(self) -> None:
        self.ws.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _default_categories(ws: Workspace) -> None:
    with ws.transaction() as s:
        ensure_default_categories(s)
