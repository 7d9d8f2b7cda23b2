"""备份与恢复 for an open workspace: what the window's menu and ``tracker backup`` call."""

from __future__ import annotations

from pathlib import Path

from tracker.domain.changes import Changes
from tracker.domain.errors import TrackerError
from tracker.services import audit
from tracker.services.backup_archive import BackupInfo, verify_backup
from tracker.services.backups import (
    Location,
    RestoreResult,
    backup_now,
    list_backups,
    manual_destination,
    restore,
)
from tracker.services.workspace import Workspace

SERVER_DB_MESSAGE = (
    "共享数据库（PostgreSQL 等）由数据库服务器保存，请由管理员用 pg_dump 定期备份；"
    "本程序的备份与恢复只用于本机台账文件。"
)


class BackupService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    @property
    def available(self) -> bool:
        return self.ws.location is not None

    def _location(self) -> Location:
        loc = self.ws.location
        if loc is None:
            raise TrackerError(SERVER_DB_MESSAGE)
        return loc

    def backup(self, dest: Path | None = None) -> BackupInfo:
        """A self-contained backup (database and archived files) at ``dest`` (file or folder)."""
        loc = self._location()
        info = backup_now(loc, "manual", manual_destination(dest, loc))
        self._log("backup.create", f"手动备份到“{info.path}”")
        return info

    def list(self) -> list[BackupInfo]:
        loc = self.ws.location
        return list_backups(loc) if loc is not None else []

    def check(self, source: Path) -> BackupInfo:
        """Verify a backup file without changing anything (for the restore dialog)."""
        return verify_backup(Path(source))

    def restore(self, source: Path) -> RestoreResult:
        loc = self._location()
        verify_backup(Path(source))  # before dropping connections: a bad file changes nothing
        self.ws.reconnect()
        result = restore(loc, Path(source))
        self.ws.reconnect()
        self._log("backup.restore", result.summary)
        self.ws.announce(Changes.everything())
        return result

    def _log(self, action: str, summary: str) -> None:
        with self.ws.transaction() as s:
            audit.record(
                s,
                user=self.ws.user,
                action=action,
                entity="workspace",
                entity_id=None,
                summary=summary,
            )
