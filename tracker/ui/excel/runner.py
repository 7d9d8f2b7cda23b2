"""Running an export: in a worker behind a progress dialog with 取消; a file left open in
Excel or WPS → a clear message with 重试; when done, an offer to open the file or its folder.

The message boxes are opened window-modal (``open()``, not ``exec()``) and kept on the runner,
so the window stays responsive and tests can press their buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from tracker.domain.errors import FileInUseError
from tracker.ui.common.errors import show_error
from tracker.ui.common.progress import TaskProgressDialog, run_with_progress
from tracker.ui.common.worker import TaskControl

# write(path, progress) → ExportResult; progress(done, total) may raise to cancel.
Writer = Callable[[Path, Callable[[int, int], None]], Any]


def open_path(path: Path) -> bool:
    """Open a file or folder with the program Windows (or the desktop) associates with it."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


class ExportRunner(QObject):
    """One export to one file. ``finished(result)``: the service's ExportResult, or None when
    it was cancelled, failed, or the clerk gave up retrying."""

    finished = Signal(object)

    def __init__(self, parent: QWidget, title: str, write: Writer) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.title = title
        self.write = write
        self.path: Path | None = None
        self.progress: TaskProgressDialog | None = None
        self.retry_box: QMessageBox | None = None
        self.done_box: QMessageBox | None = None

    def start(self, path: Path) -> None:
        self.path = Path(path)
        self.progress = run_with_progress(
            self.parent_widget,
            self.title,
            self.tr("正在写入“{0}”…").format(self.path.name),
            self._work,
            on_done=self._on_done,
            on_error=self._on_error,
            on_cancelled=lambda: self.finished.emit(None),
        )

    def _work(self, control: TaskControl) -> Any:
        def progress(done: int, total: int) -> None:
            control.check()  # raises Cancelled: the file in place is left untouched
            control.progress(done, total)

        assert self.path is not None
        return self.write(self.path, progress)

    def _on_error(self, exc: BaseException, details: str) -> None:
        if not isinstance(exc, FileInUseError):
            show_error(self.parent_widget, exc, details)
            self.finished.emit(None)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.title, str(exc), parent=self.parent_widget)
        self.retry_button = box.addButton(self.tr("重试"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(self._on_retry_answer)
        self.retry_box = box
        box.open()

    def _on_retry_answer(self, button: QPushButton) -> None:
        if button is self.retry_button and self.path is not None:
            self.start(self.path)
        else:
            self.finished.emit(None)

    def _on_done(self, result: Any) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, self.title, result.summary, parent=self.parent_widget
        )
        self.open_button = box.addButton(self.tr("打开文件"), QMessageBox.ButtonRole.AcceptRole)
        self.folder_button = box.addButton(
            self.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole
        )
        box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(lambda b: self._on_open_answer(b, result.path))
        self.done_box = box
        box.open()
        self.finished.emit(result)

    def _on_open_answer(self, button: QPushButton, path: Path) -> None:
        if button is self.open_button:
            open_path(path)
        elif button is self.folder_button:
            open_path(path.parent)
