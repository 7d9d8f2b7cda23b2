"""A progress dialog with 取消 for work run by :func:`run_task`.

Its text never makes it wider than :data:`TEXT_EMS` (nor than the screen): received files are
often named with sixty characters and more, so a line too long is elided in its middle — a
file name on a line of its own keeps its extension in view — and the whole text is the
label's tooltip."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QProgressDialog, QStyle, QWidget

from tracker.ui.common.screen_fit import FitsScreen, room
from tracker.ui.common.worker import Task, TaskControl, run_task

TEXT_EMS = 44  # the widest line, in widths of "M" (the dialog is at least 36 wide)


def elide_lines(text: str, metrics: QFontMetrics, width: int) -> str:
    """Each line of ``text`` no wider than ``width`` px, cut in its middle where it is."""
    mode = Qt.TextElideMode.ElideMiddle
    return "\n".join(metrics.elidedText(line, mode, width) for line in text.split("\n"))


class TaskProgressDialog(FitsScreen, QProgressDialog):
    """Shows a task's progress (busy bar when the total is unknown); 取消 asks it to stop."""

    def __init__(self, title: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__("", self.tr("取消"), 0, 0, parent)
        self._label = QLabel(self)
        self.setLabel(self._label)  # ours, to give it the whole text as its tooltip
        self.setLabelText(label)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)  # quick work finishes before the dialog would flash
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)
        self.task: Task | None = None

    def setLabelText(self, text: str) -> None:
        """``text``, its lines elided to :meth:`text_width` (Qt would widen the dialog to
        fit them, past the screen's edge)."""
        shown = elide_lines(text, self._label.fontMetrics(), self.text_width())
        self._label.setToolTip(text if shown != text else "")
        super().setLabelText(shown)

    def text_width(self) -> int:
        """The widest a line of the text may be: :data:`TEXT_EMS`, less on a narrow screen."""
        em = self.fontMetrics().horizontalAdvance("M")
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutLeftMargin, None, self)
        return max(em * 12, min(em * TEXT_EMS, room(self).width() - 4 * margin))

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
