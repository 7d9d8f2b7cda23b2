"""Running work off the UI thread: ``run_task(fn, on_done=…)`` on the global QThreadPool.

``fn`` receives a :class:`TaskControl`; it may call ``control.progress(done, total, text)`` and
should check ``control.cancelled`` between steps. Results and errors come back on the UI thread
through queued signals, so callbacks may touch widgets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Cancelled(Exception):
    """Raised inside a task by ``control.check()`` once the user pressed 取消."""


class TaskControl:
    """Handed to the task function: report progress, notice a cancel request."""

    def __init__(self, signals: _TaskSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)


class _TaskSignals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object, str)  # the exception and its formatted traceback
    cancelled = Signal()
    finished = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskControl], Any], task: Task) -> None:
        super().__init__()
        self._fn = fn
        self._task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        signals = self._task.signals
        try:
            result = self._fn(self._task.control)
        except Cancelled:
            signals.cancelled.emit()
        except Exception as exc:  # reported to the UI thread; never lost in a worker
            import traceback

            signals.failed.emit(exc, traceback.format_exc())
        else:
            if self._task.control.cancelled:
                signals.cancelled.emit()
            else:
                signals.done.emit(result)
        signals.finished.emit()


class Task:
    """A handle on running work: its signals, its control (cancel), whether it ended."""

    def __init__(self) -> None:
        self.signals = _TaskSignals()
        self.control = TaskControl(self.signals)
        self.running = True
        self.signals.finished.connect(self._on_finished)

    def cancel(self) -> None:
        self.control.cancel()

    def _on_finished(self) -> None:
        self.running = False


_live: set[Task] = set()  # keeps each task's signal object alive until it finishes


def run_task(
    fn: Callable[[TaskControl], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException, str], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    prepare: Callable[[Task], None] | None = None,
    pool: QThreadPool | None = None,
    owner: QObject | None = None,
) -> Task:
    """Start ``fn(control)`` in a worker thread. Without ``on_error`` errors go to the log and
    the error dialog (see :mod:`tracker.ui.common.errors`). ``prepare(task)`` runs before the
    work starts, to connect more signals without missing early ones. With ``owner``, results
    that arrive after the owner was deleted are dropped instead of touching it, and an error
    that arrives after the owner's window was closed goes to the log only: no dialog opens
    over a window the clerk has left (nor, in tests, over one nobody will click)."""
    if owner is not None:
        on_done, on_progress, on_cancelled = (
            _while_alive(owner, cb) for cb in (on_done, on_progress, on_cancelled)
        )
        on_error = _while_shown(owner, on_error or _report_error)
    task = Task()
    if on_done is not None:
        task.signals.done.connect(on_done)
    task.signals.failed.connect(on_error or _report_error)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    if on_cancelled is not None:
        task.signals.cancelled.connect(on_cancelled)
    _live.add(task)
    task.signals.finished.connect(lambda: _live.discard(task))
    if prepare is not None:
        prepare(task)
    (pool or QThreadPool.globalInstance()).start(_Runnable(fn, task))
    return task


def _while_alive(owner: QObject, callback: Callable[..., None] | None) -> Any:
    if callback is None:
        return None
    from shiboken6 import isValid

    def guarded(*args: Any) -> None:
        if isValid(owner):
            callback(*args)

    return guarded


def _while_shown(
    owner: QObject, on_error: Callable[[BaseException, str], None]
) -> Callable[[BaseException, str], None]:
    def guarded(exc: BaseException, details: str) -> None:
        if _owner_left(owner):
            from tracker.log_file import log

            log().warning("窗口已关闭，后台任务的错误未显示：%s\n%s", exc, details)
        else:
            on_error(exc, details)

    return guarded


def _owner_left(owner: QObject) -> bool:
    """Deleted, or its window closed (hidden by the program or the clerk after being shown;
    a widget never shown, e.g. a page under test, still reports)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget
    from shiboken6 import isValid

    if not isValid(owner):
        return True
    if not isinstance(owner, QWidget):
        return False
    window = owner.window()
    explicit = window.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
    return window.isHidden() and explicit


def _report_error(exc: BaseException, details: str) -> None:
    from tracker.ui.common.errors import report_exception

    report_exception(exc, details)


def wait_all(timeout_ms: int = 30_000) -> bool:
    """Wait for every worker (used at shutdown and by tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
