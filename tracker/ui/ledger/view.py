"""The grid's table view: accepts files dropped onto a row when a handler is set."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QTableView, QWidget

DropHandler = Callable[[int, list[Path]], None]


class LedgerTableView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drop_handler: DropHandler | None = None
        self.obligation_at: Callable[[int], int | None] = lambda _row: None

    def set_drop_handler(self, handler: DropHandler | None) -> None:
        self.drop_handler = handler
        self.setAcceptDrops(handler is not None)
        self.viewport().setAcceptDrops(handler is not None)

    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        return self.drop_handler is not None and event.mimeData().hasUrls()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event) and self.indexAt(event.position().toPoint()).isValid():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if not self._accepts(event) or self.drop_handler is None:
            event.ignore()
            return
        index = self.indexAt(event.position().toPoint())
        oid = self.obligation_at(index.row()) if index.isValid() else None
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if oid is None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.drop_handler(oid, paths)
