"""报送情况: the grid (明细) and the per-notice matrix (矩阵) as two tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from tracker.ui.context import AppContext
from tracker.ui.ledger.matrix import MatrixPage
from tracker.ui.ledger.page import LedgerPage


class LedgerSection(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = LedgerPage(ctx)
        self.matrix = MatrixPage(ctx)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.grid, self.tr("明细"))
        self.tabs.addTab(self.matrix, self.tr("矩阵（按通知）"))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.tabs)

    def show_grid(self) -> None:
        self.tabs.setCurrentWidget(self.grid)

    def show_matrix(self) -> None:
        self.tabs.setCurrentWidget(self.matrix)

    def save_state(self) -> None:
        self.grid.save_state()
