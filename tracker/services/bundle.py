"""The services of one open workspace, built once by the composition root (app or CLI)."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.domain.changes import Changes
from tracker.services.workspace import BusyPrompt, Workspace

if TYPE_CHECKING:
    from tracker.services.archive import NoticeArchive
    from tracker.services.archiving import ByteProgress
    from tracker.services.audit import AuditService
    from tracker.services.backup_service import BackupService
    from tracker.services.bulletins import BulletinService
    from tracker.services.export import ExportService
    from tracker.services.figures import FiguresService
    from tracker.services.intake import IntakeService
    from tracker.services.ladder import LadderService
    from tracker.services.ledger import LedgerService
    from tracker.services.ledger_import import LedgerImport
    from tracker.services.letters import LetterService
    from tracker.services.notice_reader import NoticeReader
    from tracker.services.notices import NoticeService
    from tracker.services.ranking import RankingService
    from tracker.services.settings import CalendarService, SettingsService
    from tracker.services.status_lists import StatusListService
    from tracker.services.undo import UndoService
    from tracker.services.unit_import import RosterImport
    from tracker.services.units import UnitService


class Services:
    """Each service is built (and its module imported) when first used: a command that
    issues letters never loads the Excel import, the workbook or the ranking."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    @cached_property
    def units(self) -> UnitService:
        from tracker.services.units import UnitService

        return UnitService(self.ws)

    @cached_property
    def roster(self) -> RosterImport:
        from tracker.services.unit_import import RosterImport

        return RosterImport(self.ws)

    @cached_property
    def notices(self) -> NoticeService:
        from tracker.services.notices import NoticeService

        return NoticeService(self.ws)

    @cached_property
    def ledger(self) -> LedgerService:
        from tracker.services.ledger import LedgerService

        return LedgerService(self.ws)

    @cached_property
    def undo(self) -> UndoService:
        from tracker.services.undo import UndoService

        return UndoService(self.ws)

    @cached_property
    def audit(self) -> AuditService:
        from tracker.services.audit import AuditService

        return AuditService(self.ws)

    @cached_property
    def settings(self) -> SettingsService:
        from tracker.services.settings import SettingsService

        return SettingsService(self.ws)

    @cached_property
    def calendar(self) -> CalendarService:
        from tracker.services.settings import CalendarService

        return CalendarService(self.ws)

    @cached_property
    def backups(self) -> BackupService:
        from tracker.services.backup_service import BackupService

        return BackupService(self.ws)

    @cached_property
    def letters(self) -> LetterService:
        from tracker.services.letters import LetterService

        return LetterService(self.ws, self.ledger, self.notices, self.settings)

    @cached_property
    def lists(self) -> StatusListService:
        from tracker.services.status_lists import StatusListService

        return StatusListService(self.ledger, self.settings)

    @cached_property
    def export(self) -> ExportService:
        from tracker.services.export import ExportService

        return ExportService(
            self.ws, self.ledger, self.notices, self.units, self.settings, self.figures
        )

    @cached_property
    def ledger_import(self) -> LedgerImport:
        from tracker.services.ledger_import import LedgerImport

        return LedgerImport(self.ws)

    @cached_property
    def figures(self) -> FiguresService:
        from tracker.services.figures import FiguresService

        return FiguresService(self.ws)

    @cached_property
    def reader(self) -> NoticeReader:
        from tracker.services.notice_reader import NoticeReader

        return NoticeReader(self.ws)

    @cached_property
    def intake(self) -> IntakeService:
        from tracker.services.intake import IntakeService

        return IntakeService(self.ws, self.ledger)

    @cached_property
    def ranking(self) -> RankingService:
        from tracker.services.ranking import RankingService

        return RankingService(self.ledger, self.notices, self.units)

    @cached_property
    def ladder(self) -> LadderService:
        from tracker.services.ladder import LadderService

        return LadderService(self.ws, self.settings)

    @cached_property
    def bulletins(self) -> BulletinService:
        from tracker.services.bulletins import BulletinService

        return BulletinService(self.ws, self.ledger, self.notices, self.units, self.settings)

    @cached_property
    def archive(self) -> NoticeArchive:
        from tracker.services.archive import NoticeArchive

        return NoticeArchive(self.ws)

    @classmethod
    def open(
        cls,
        workspace: str | os.PathLike[str] | None = None,
        db_url: str | None = None,
        *,
        create: bool = True,
        files_dir: str | os.PathLike[str] | None = None,
    ) -> Services:
        from sqlalchemy import select

        from tracker.store.models import Category

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

    def archived_copy(
        self, sha256: str, original_name: str, progress: ByteProgress | None = None
    ) -> Path:
        """A verified copy of a registration's archived file under its own name in a fresh
        temporary folder, to open in the system's viewer (never the archive itself, never a
        program); ``progress(bytes done, bytes in all)`` as it is copied, an exception from it
        stops the copy and leaves nothing (see :mod:`tracker.services.viewer_copies`)."""
        from tracker.services.viewer_copies import viewer_copy

        return viewer_copy(self.ws.files, sha256, original_name, progress)

    def discard_copy(self, path: Path) -> None:
        """Take out a copy made for the viewer that will not be opened after all (取消)."""
        from tracker.services.viewer_copies import discard_copy

        discard_copy(path)

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
    from tracker.services.units import ensure_default_categories

    with ws.transaction() as s:
        ensure_default_categories(s)
