"""A progress dialog with 取消 for work run by :func:`run_task`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from tracker.ui.common.screen_fit import FitsScreen
from tracker.ui.common.worker import Task, TaskControl, run_task


class TaskProgressDialog(FitsScreen, QProgressDialog):
    """Shows a task's progress (busy bar when the total is unknown); 取消 asks it to stop."""

    def __init__(self, title: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(label, self.tr("取消"), 0, 0, parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)  # quick work finishes before the dialog would flash
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)
        self.task: Task | None = None

    def attach(self, task: Task) -> None:
        self.task = task
        self.canceled.connect(task.cancel)
        task.signals.progress.connect(self.on_progress)
        task.signals.finished.connect(self.finish)

    def finish(self) -> None:
        self.reset()  # also stops the timer that would show the dialog after a delay
        self.hide()

    def on_progress(self, done: int, total: int, text: str) -> None:
        self.setMaximum(max(total, 0))
        if total:
            self.setValue(min(done, total))
        if text:
            self.setLabelText(text)


def run_with_progress(
    parent: QWidget | None,
    title: str,
    label: str,
    fn: Callable[[TaskControl], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    owner: QObject | None = None,
) -> TaskProgressDialog:
    """Run ``fn`` in a worker behind a progress dialog with 取消; the window stays usable.
    ``owner`` as for :func:`run_task` (what arrives after it was deleted is dropped)."""
    dialog = TaskProgressDialog(title, label, parent)
    dialog.setValue(0)
    run_task(
        fn,
        on_done=on_done,
        on_error=on_error,
        on_cancelled=on_cancelled,
        prepare=dialog.attach,
        owner=owner,
    )
    return dialog
