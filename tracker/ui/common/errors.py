"""Errors the clerk sees: a plain Chinese message for expected problems (TrackerError), a
dialog with copyable details for unexpected ones, and a log file in the workspace."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from tracker.domain.errors import TrackerError
from tracker.log_file import LOG_NAME as LOG_NAME
from tracker.log_file import log as log
from tracker.log_file import log_file as log_file
from tracker.log_file import setup_logging as setup_logging

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def show_error(parent: QWidget | None, exc: BaseException, details: str = "") -> None:
    """A TrackerError is the clerk's to fix: show its message. Anything else is our bug."""
    _show_modal(parent, exc, details)  # looked up here: the tests put a recorder in its place


def _show_modal(parent: QWidget | None, exc: BaseException, details: str) -> None:
    """The one place an error opens a modal dialog (it waits for the clerk's click)."""
    from PySide6.QtWidgets import QMessageBox

    from tracker.ui.common.error_dialog import ErrorDialog

    known = _known(exc)
    if known is not None:  # the clerk's to fix (a full disk, a lock held): one sentence
        QMessageBox.warning(parent, _tr("无法完成"), str(known))
        return
    dialog = ErrorDialog(f"{type(exc).__name__}: {exc}", details or _format(exc), parent)
    dialog.exec()


def report_exception(exc: BaseException, details: str = "") -> None:
    """Log an error and show it over the active window (used by workers and the excepthook)."""
    if not isinstance(exc, TrackerError):
        log().error("未处理的异常\n%s", details or _format(exc))  # known causes too: keep why
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        return
    show_error(QApplication.activeWindow(), exc, details)


def _known(exc: BaseException) -> TrackerError | None:
    from tracker.services.failures import known_failure

    return known_failure(exc)


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
