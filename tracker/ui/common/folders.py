"""Where a file dialog starts: the folder last used for that kind of file, else Documents —
never the program's own folder (Qt's default for a bare file name)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from tracker.ui.common.state import ui_settings


def documents_dir() -> Path:
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs or Path.home())


def start_folder(kind: str) -> Path:
    """The last folder a ``kind`` of file (pdf, xlsx, backup, received files…) was saved to or
    opened from, while it exists; else Documents."""
    last = ui_settings().value(f"folders/{kind}")
    if isinstance(last, str) and last and Path(last).is_dir():
        return Path(last)
    return documents_dir()


def start_path(kind: str, file_name: str) -> str:
    """A suggested file name in ``kind``'s start folder, for a save dialog."""
    return str(start_folder(kind) / file_name)


def remember_folder(kind: str, path: str | Path) -> None:
    """``path`` is a file or a folder the clerk just chose."""
    chosen = Path(path)
    folder = chosen if chosen.is_dir() else chosen.parent
    ui_settings().setValue(f"folders/{kind}", str(folder))
