"""台账正被其他程序占用 → 重试: asked when another program holds the write lock past the wait.

The workspace calls the prompt before anything of the write has run (SQLite takes its lock at
BEGIN), so 重试 really runs the whole operation again; 取消 ends it with the message. Writes
run on the UI thread or in workers: from a worker the question is put to the UI thread and the
worker waits for the answer (取消 when the application quits meanwhile).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from tracker.domain.errors import TrackerError


class _Reply:
    __slots__ = ("answer", "event")

    def __init__(self) -> None:
        self.answer = False
        self.event = threading.Event()


class BusyPrompt(QObject):
    """``prompt(error) -> bool``: True when the clerk chose 重试."""

    _asked = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: set[_Reply] = set()
        self._closing = False
        self.box: QMessageBox | None = None  # the open question (tests press its buttons)
        self._asked.connect(self._on_asked)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_quit)

    def __call__(self, error: TrackerError) -> bool:
        if QThread.currentThread() is self.thread():
            return self.ask(str(error))
        if self._closing:
            return False
        reply = _Reply()
        self._pending.add(reply)
        self._asked.emit(str(error), reply)  # queued to the UI thread
        reply.event.wait()
        self._pending.discard(reply)
        return reply.answer

    def ask(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("台账正被占用"), text)
        box.setParent(QApplication.activeWindow(), box.windowFlags())
        box.setInformativeText(self.tr("点“重试”再等一次；点“取消”放弃刚才的操作。"))
        retry = box.addButton(self.tr("重试"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        self.box = box
        try:
            box.exec()
            return box.clickedButton() is retry
        finally:
            self.box = None
            box.deleteLater()

    def _on_asked(self, text: str, reply: _Reply) -> None:
        try:
            reply.answer = False if self._closing else self.ask(text)
        finally:
            reply.event.set()

    def _on_quit(self) -> None:
        self._closing = True
        for reply in list(self._pending):
            reply.event.set()  # a worker still waiting gives up (取消)
