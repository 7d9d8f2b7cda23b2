"""Running a long service call (issuing 200 letters) off the UI thread, with a progress bar and
a cancel button. The function gets ``progress(n, total)`` and ``cancelled()`` callables.

(The shell's ``tracker/ui/common`` runner replaces this once it is on main.)
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class JobThread(QThread):
    progressed = Signal(int, int)

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self.result: Any = None
        self.error: BaseException | None = None
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            self.result = self.work(self.progressed.emit, self._cancel.is_set)
        except BaseException as exc:  # handed back to the UI thread, which shows it
            self.error = exc


def run_with_progress(parent: QWidget, label: str, work: Work) -> Any:
    """Run ``work`` in a thread while a modal progress dialog shows; re-raise its error."""
    dialog = QProgressDialog(label, "取消", 0, 0, parent)
    dialog.setWindowTitle("请稍候")
    dialog.setMinimumDuration(300)
    job = JobThread(work)
    loop = QEventLoop()

    def on_progress(n: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(n)

    job.progressed.connect(on_progress)
    dialog.canceled.connect(job.cancel)
    job.finished.connect(loop.quit)
    job.start()
    loop.exec()
    job.wait()
    dialog.reset()
    dialog.deleteLater()
    if job.error is not None:
        raise job.error
    return job.result
