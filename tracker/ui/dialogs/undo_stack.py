"""Ctrl+Z for ledger writes: a stack of the Changes the services returned, undone one by one.

The window owns one ``ChangeStack``; dialogs push the Change each service call returns, and
its ``action`` (for the Edit menu) reads "撤销：<what the change did>".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from tracker.domain.errors import TrackerError
from tracker.domain.records import Change

if TYPE_CHECKING:
    from tracker.ui.context import AppContext

MAX_DEPTH = 50


class ChangeStack(QObject):
    """The undoable changes of this session, most recent last."""

    changed = Signal()
    undone = Signal(object)  # the Change the undo itself produced
    failed = Signal(str)  # a Chinese message: why the undo was refused

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._changes: list[Change] = []
        self.action = QAction(self.tr("撤销"), self)
        self.action.setShortcut(QKeySequence.StandardKey.Undo)
        self.action.triggered.connect(self.undo_last)
        self._refresh_action()

    def push(self, change: Change) -> None:
        self._changes.append(change)
        del self._changes[:-MAX_DEPTH]
        self._refresh_action()
        self.changed.emit()

    def clear(self) -> None:
        """Forget every change (after a restore: the data they changed is gone)."""
        self._changes.clear()
        self._refresh_action()
        self.changed.emit()

    def top(self) -> Change | None:
        return self._changes[-1] if self._changes else None

    def __len__(self) -> int:
        return len(self._changes)

    def undo_last(self) -> Change | None:
        """Undo the most recent change; a refusal (changed since, already undone) is
        reported through ``failed`` and drops that change from the stack."""
        change = self.top()
        if change is None:
            return None
        self._changes.pop()
        try:
            result = self.ctx.services.undo.undo(change)
        except TrackerError as exc:
            self._refresh_action()
            self.changed.emit()
            self.failed.emit(str(exc))
            return None
        self._refresh_action()
        self.changed.emit()
        self.undone.emit(result)
        return result

    def _refresh_action(self) -> None:
        change = self.top()
        self.action.setEnabled(change is not None)
        text = self.tr("撤销") if change is None else self.tr("撤销：{0}").format(change.summary)
        self.action.setText(_elide(text))
        self.action.setToolTip(text)


def _elide(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
