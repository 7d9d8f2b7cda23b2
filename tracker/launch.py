"""Opening the workspace off the UI thread (composition root, beside app.py); the demo is
built on first use, whole or not at all.

Runs in a worker: importing SQLAlchemy and opening the database happen after the window's
first paint, so the window appears as fast as a bare Qt window.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tracker.ui.common.worker import TaskControl

DB_FILE = "tracker.db"
FILES_DIR = "files"


class Target:
    """Which workspace to open: a folder (SQLite inside) or a database URL, maybe the demo.

    A plain class, not a dataclass: it is needed before the first paint, dataclasses is not.
    """

    __slots__ = ("db_url", "demo", "folder")

    def __init__(self, folder: Path, db_url: str | None = None, demo: bool = False) -> None:
        self.folder = folder
        self.db_url = db_url
        self.demo = demo

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Target):
            return NotImplemented
        return (self.folder, self.db_url, self.demo) == (other.folder, other.db_url, other.demo)

    def __hash__(self) -> int:
        return hash((self.folder, self.db_url, self.demo))

    def __repr__(self) -> str:
        return f"Target({self.folder!r}, {self.db_url!r}, demo={self.demo})"

    @property
    def key(self) -> str:
        """Identifies the database, for the single-instance lock."""
        return self.db_url or str(self.folder.expanduser().resolve())

    @property
    def label(self) -> str:
        return self.db_url or str(self.folder)

    @property
    def exists(self) -> bool:
        return self.db_url is not None or (self.folder / DB_FILE).exists()


def build_demo_workspace(folder: Path, control: TaskControl | None = None) -> None:
    """Build the demo next to ``folder`` and move it in whole, so an interrupted build never
    leaves a half-filled demo behind."""
    import shutil

    from tracker.services.bundle import Services
    from tracker.services.demo import build_demo

    staging = folder.with_name(folder.name + ".building")
    shutil.rmtree(staging, ignore_errors=True)
    if control is not None:
        control.progress(0, 0, "正在生成示例台账…")
    with Services.open(staging) as services:
        build_demo(services)
    folder.mkdir(parents=True, exist_ok=True)
    if (staging / FILES_DIR).exists():
        shutil.rmtree(folder / FILES_DIR, ignore_errors=True)
        os.replace(staging / FILES_DIR, folder / FILES_DIR)
    os.replace(staging / DB_FILE, folder / DB_FILE)  # last: its presence means "complete"
    shutil.rmtree(staging, ignore_errors=True)


def open_services(target: Target, control: TaskControl | None = None) -> Any:
    """The :class:`Services` of ``target`` (created when new; the demo built when missing)."""
    from tracker.services.bundle import Services

    if target.demo and not target.exists:
        build_demo_workspace(target.folder, control)
    return Services.open(target.folder, target.db_url)


def newest_backup(target: Target) -> Path | None:
    """The newest backup of a SQLite workspace folder (offered when its database is damaged)."""
    if target.db_url is not None:
        return None
    from tracker.services.backups import newest_backup as _newest

    return _newest(_location(target))


def restore_backup(target: Target, backup: Path, control: TaskControl | None = None) -> str:
    """Replace the damaged workspace with ``backup`` (the damaged file is kept aside)."""
    from tracker.services.backups import restore

    return restore(_location(target), backup).summary


def _location(target: Target) -> Any:
    from tracker.services.backups import Location
    from tracker.services.locations import resolve_files_dir

    root = target.folder
    return Location(root, root / DB_FILE, resolve_files_dir(root, None))
