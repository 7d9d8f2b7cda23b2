"""Where a workspace lives: --workspace / TRACKER_WORKSPACE, else the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "tracker"
DB_FILE = "tracker.db"
FILES_DIR = "files"


def user_data_dir() -> Path:
    from platformdirs import user_data_dir as _user_data_dir

    return Path(_user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


def default_workspace_dir() -> Path:
    return user_data_dir() / "workspace"


def demo_workspace_dir() -> Path:
    return user_data_dir() / "demo"


def resolve_workspace_dir(workspace: str | os.PathLike[str] | None = None) -> Path:
    if workspace:
        return Path(workspace).expanduser()
    env = os.environ.get("TRACKER_WORKSPACE", "").strip()
    if env:
        return Path(env).expanduser()
    return default_workspace_dir()


def resolve_files_dir(root: Path, files_dir: str | os.PathLike[str] | None = None) -> Path:
    """Archived files: ``--files-dir`` / TRACKER_FILES_DIR (a shared folder for an office on
    PostgreSQL), else ``files/`` inside the workspace folder."""
    if files_dir:
        return Path(files_dir).expanduser()
    env = os.environ.get("TRACKER_FILES_DIR", "").strip()
    if env:
        return Path(env).expanduser()
    return root / FILES_DIR


def resolve_db_url(db_url: str | None = None) -> str | None:
    if db_url:
        return db_url
    return os.environ.get("TRACKER_DB_URL", "").strip() or None
