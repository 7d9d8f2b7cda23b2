"""打开文件: archived files verified and copied out in a worker — a 佐证材料 video of hundreds
of MB takes seconds — then handed to the system's viewer on the UI thread.

The progress dialog (with 取消) appears only when the copying lasts (``TaskProgressDialog``'s
minimum duration), so a PDF opens at once with nothing flashing. 取消 stops mid-file and takes
out every copy this click made. A refused file (a program, a damaged copy: the services say
why in Chinese) is reported and the others still open. When the window closes meanwhile the
copy stops and nothing opens or pops up afterwards; what arrives after the window was deleted
is dropped (``run_task``'s owner rule).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from tracker.domain.errors import TrackerError
from tracker.ui.common.progress import TaskProgressDialog, run_with_progress
from tracker.ui.common.worker import Cancelled, Task, TaskControl
from tracker.ui.safety.backup_model import size_text

ByteProgress = Callable[[int, int], None]  # (bytes done, bytes in all); raising stops the copy
STEPS = 1000  # progress steps per file


@dataclass(frozen=True, slots=True)
class CopyJob:
    """One file to open: its name as shown, and the service call that makes its copy."""

    name: str
    copy_out: Callable[[ByteProgress], Path]


@dataclass(frozen=True, slots=True)
class Copied:
    copies: list[tuple[str, Path]]  # (name, the copy)
    refused: list[str]  # why each refused file was not copied


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileOpener", text)


def copy_all(
    jobs: Sequence[CopyJob], discard: Callable[[Path], None], control: TaskControl
) -> Copied:
    """In the worker: each file copied in turn, 取消 checked between chunks; on 取消 the copies
    already made are taken out again (they will not be opened)."""
    copied = Copied([], [])
    try:
        for i, job in enumerate(jobs):
            control.check()
            step = partial(_report, control, i, len(jobs), job.name)
            try:
                copied.copies.append((job.name, job.copy_out(step)))
            except TrackerError as exc:  # a program, a damaged copy, a full disk: said
                copied.refused.append(str(exc))
        control.check()
    except Cancelled:
        for _, path in copied.copies:
            discard(path)
        raise
    return copied


def _report(control: TaskControl, i: int, n: int, name: str, done: int, total: int) -> None:
    control.check()
    part = done * STEPS // total if total else STEPS
    # The name on a line of its own: elided in its middle, its extension stays in view.
    which = _tr("（{0}/{1}）").format(i + 1, n) if n > 1 else ""
    text = _tr("正在取出{0}：{1} / {2}\n{3}").format(which, size_text(done), size_text(total), name)
    control.progress(i * STEPS + part, n * STEPS, text)


class FileOpener(QObject):
    """Opens files for ``window`` (a dialog); ``opened`` tells the paths handed to the system
    (tests wait on it), ``refused`` the Chinese lines of the files that did not open."""

    opened = Signal(list)
    refused = Signal(str)

    def __init__(self, window: QWidget, discard: Callable[[Path], None]) -> None:
        super().__init__(window)
        self._window = window
        self._discard = discard
        self.progress: TaskProgressDialog | None = None
        self.task: Task | None = None
        window.installEventFilter(self)

    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running

    def open(self, jobs: Sequence[CopyJob]) -> Task | None:
        """Start copying ``jobs`` (nothing when empty; the same work while one is running)."""
        if self.running or not jobs:
            return self.task if self.running else None
        progress = run_with_progress(
            self._window,
            _tr("打开文件"),
            _tr("正在核对并取出归档文件…"),
            partial(copy_all, list(jobs), self._discard),
            on_done=self._hand_over,
            owner=self._window,
        )
        self.progress, self.task = progress, progress.task
        if self.task is not None:  # one progress dialog per click, gone with its task
            self.task.signals.finished.connect(progress.deleteLater)
            self.task.signals.finished.connect(self._finished)
        return self.task

    def stop(self) -> None:
        """The window closes: the copy stops, the progress dialog never shows."""
        if self.running and self.task is not None:
            self.task.cancel()
            if self.progress is not None:
                self.progress.finish()

    def _finished(self) -> None:
        # Forget the progress dialog only if its own task ended: a newer click's stays.
        progress = self.progress
        if progress is not None and progress.task is not None and not progress.task.running:
            self.progress = None

    def _hand_over(self, copied: Copied) -> None:
        # The copying is over once its result is here: the next click starts its own, even
        # before the worker's finished signal has come through the event queue.
        task, self.task = self.task, None
        if task is not None and task.control.cancelled:  # closed as it finished
            for _, path in copied.copies:
                self._discard(path)
            return
        opened, refused = [], list(copied.refused)
        for name, path in copied.copies:
            if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                opened.append(str(path))
            else:
                refused.append(_tr("系统中没有能打开“{0}”的程序（副本在 {1}）").format(name, path))
        self.opened.emit(opened)
        if refused:
            self.refused.emit("\n".join(refused))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Closed or hidden by the program; a spontaneous hide is the window being minimised.
        hidden = event.type() == QEvent.Type.Hide and not event.spontaneous()
        if watched is self._window and hidden:
            self.stop()
        return False
