"""Errors the clerk sees: a plain Chinese message for expected problems (TrackerError), a
dialog with copyable details for unexpected ones, and a log file in the workspace."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tracker.domain.errors import TrackerError

log = logging.getLogger("tracker")
LOG_NAME = "tracker.log"
_handler: logging.Handler | None = None


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def setup_logging(log_dir: Path) -> Path:
    """Log to ``log_dir/tracker.log`` (rotated at 1 MB); replaces an earlier log file."""
    global _handler
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
    if isinstance(_handler, RotatingFileHandler):
        return Path(_handler.baseFilename)
    return None


class ErrorDialog(QMessageBox):
    """出错了: a short Chinese explanation, the details (selectable) and 复制详情."""

    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("程序出错"))
        self.setText(self.tr("程序遇到了意外错误，刚才的操作可能没有完成。"))
        where = log_file()
        info = summary
        if where is not None:
            info += "\n\n" + self.tr("详细信息已记录到：") + str(where)
        self.setInformativeText(info)
        self.setDetailedText(details)
        self.copy_button = self.addButton(self.tr("复制详情"), QMessageBox.ButtonRole.ActionRole)
        self.copy_button.clicked.disconnect()  # keep the dialog open after copying
        self.copy_button.clicked.connect(self.copy_details)
        self.addButton(self.tr("关闭"), QMessageBox.ButtonRole.AcceptRole)
        self.details = details

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


def show_error(parent: QWidget | None, exc: BaseException, details: str = "") -> None:
    """A TrackerError is the clerk's to fix: show its message. Anything else is our bug."""
    if isinstance(exc, TrackerError):
        QMessageBox.warning(parent, _tr("无法完成"), str(exc))
        return
    dialog = ErrorDialog(f"{type(exc).__name__}: {exc}", details or _format(exc), parent)
    dialog.exec()


def report_exception(exc: BaseException, details: str = "") -> None:
    """Log an error and show it over the active window (used by workers and the excepthook)."""
    if not isinstance(exc, TrackerError):
        log.error("未处理的异常\n%s", details or _format(exc))
    if QApplication.instance() is None:
        return
    show_error(QApplication.activeWindow(), exc, details)


def _format(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    report_exception(exc, "".join(traceback.format_exception(kind, exc, tb)))


def install_excepthook() -> None:
    """Unexpected exceptions (e.g. in a slot) end in the log and a dialog, not a silent exit."""
    sys.excepthook = excepthook
