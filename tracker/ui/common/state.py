"""Remembered window state (QSettings): geometry, splitters, table column widths."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QHeaderView, QSplitter, QWidget

ORGANIZATION = "tracker"
APPLICATION = "报送督办台账"


def ui_settings() -> QSettings:
    """An INI file in the user's config folder on every system (not the Windows registry)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def _load(key: str) -> QByteArray | None:
    value = ui_settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_widget(key: str, widget: QWidget) -> None:
    """Geometry (and the dock/toolbar state of a main window) under ``key``."""
    settings = ui_settings()
    settings.setValue(f"{key}/geometry", widget.saveGeometry())
    if hasattr(widget, "saveState"):  # a QMainWindow: its toolbars and docks too
        settings.setValue(f"{key}/state", widget.saveState())


def restore_widget(key: str, widget: QWidget) -> bool:
    geometry = _load(f"{key}/geometry")
    if geometry is None:
        return False
    widget.restoreGeometry(geometry)
    state = _load(f"{key}/state")
    if state is not None and hasattr(widget, "restoreState"):
        widget.restoreState(state)
    return True


def _header_key(key: str, header: QHeaderView) -> str:
    """Keyed by the column titles too: widths saved for other columns are not reapplied."""
    import zlib

    model = header.model()
    titles = (
        "|".join(str(model.headerData(i, header.orientation())) for i in range(header.count()))
        if model is not None
        else ""
    )
    return f"{key}/header-{zlib.crc32(titles.encode('utf-8')):08x}"


def save_header(key: str, header: QHeaderView) -> None:
    ui_settings().setValue(_header_key(key, header), header.saveState())


def restore_header(key: str, header: QHeaderView) -> bool:
    state = _load(_header_key(key, header))
    return state is not None and header.restoreState(state)


def save_splitter(key: str, splitter: QSplitter) -> None:
    ui_settings().setValue(f"{key}/splitter", splitter.saveState())


def restore_splitter(key: str, splitter: QSplitter) -> bool:
    state = _load(f"{key}/splitter")
    return state is not None and splitter.restoreState(state)
