"""Errors the clerk sees: a plain Chinese message for expected problems (TrackerError), a
dialog with copyable details for unexpected ones, and a log file in the workspace."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from tracker.domain.errors import TrackerError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

LOG_NAME = "tracker.log"
_handler: Any = None  # the file handler once set up (logging is imported lazily: start-up)


def log() -> Any:
    """The app's logger (``log().info(…)``)."""
    import logging

    return logging.getLogger("tracker")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def setup_logging(log_dir: Path) -> Path:
    """Log to ``log_dir/tracker.log`` (rotated at 1 MB); replaces an earlier log file."""
    global _handler
    import logging
    from logging.handlers import RotatingFileHandler

    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_NAME
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _handler = handler
    return path


def log_file() -> Path | None:
    name = getattr(_handler, "baseFilename", None)
    return Path(name) if name else None


def show_error(parent: QWidget | None, exc: BaseException, details: str = "") -> None:
    """A TrackerError is the clerk's to fix: show its message. Anything else is our bug."""
    from PySide6.QtWidgets import QMessageBox

    from tracker.ui.common.error_dialog import ErrorDialog

    if isinstance(exc, TrackerError):
        QMessageBox.warning(parent, _tr("无法完成"), str(exc))
        return
    dialog = ErrorDialog(f"{type(exc).__name__}: {exc}", details or _format(exc), parent)
    dialog.exec()


def report_exception(exc: BaseException, details: str = "") -> None:
    """Log an error and show it over the active window (used by workers and the excepthook)."""
    if not isinstance(exc, TrackerError):
        log().error("未处理的异常\n%s", details or _format(exc))
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return
    show_error(QApplication.activeWindow(), exc, details)


def _format(exc: BaseException) -> str:
    import traceback

    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    import traceback

    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    report_exception(exc, "".join(traceback.format_exception(kind, exc, tb)))


def install_excepthook() -> None:
    """Unexpected exceptions (e.g. in a slot) end in the log and a dialog, not a silent exit."""
    sys.excepthook = excepthook
