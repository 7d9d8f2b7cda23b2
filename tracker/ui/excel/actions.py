"""Excel in the window: 导出报送情况统计表… / 导入原台账… (文件 menu), 导出所选 / 导出当前列表
(the grid). Dialogs (and openpyxl) load when first used."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from tracker.domain.records import Change, ObligationRow
    from tracker.ui.dialogs.undo_stack import ChangeStack
    from tracker.ui.excel.export_dialog import ExportDialog
    from tracker.ui.excel.import_wizard import LedgerImportWizard
    from tracker.ui.excel.runner import ExportRunner
    from tracker.ui.main_window import MainWindow


class ExcelActions(QObject):
    def __init__(self, window: MainWindow, stack: ChangeStack) -> None:
        super().__init__(window)
        self.window = window
        self.stack = stack  # one Ctrl+Z takes a whole import back
        self.export_dialog: ExportDialog | None = None
        self.ledger_import_wizard: LedgerImportWizard | None = None
        self.selection_runner: ExportRunner | None = None
        self.export_action = QAction(self.tr("导出报送情况统计表…"), window)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.on_export_triggered)
        self.ledger_import_action = QAction(self.tr("导入原台账…"), window)
        self.ledger_import_action.triggered.connect(self.on_import_triggered)
        self.export_selected_action = QAction(self.tr("导出所选…"), window)
        self.export_selected_action.setToolTip(
            self.tr("把选中的记录按表格中的列和顺序导出为 Excel")
        )
        self.export_selected_action.triggered.connect(self.on_export_selected)
        self.export_listed_action = QAction(self.tr("导出当前列表…"), window)
        self.export_listed_action.setToolTip(self.tr("把筛选后显示的全部记录导出为 Excel"))
        self.export_listed_action.triggered.connect(self.on_export_listed)

    def on_export_triggered(self) -> None:
        from tracker.ui.excel.export_dialog import ExportDialog

        window = self.window
        if not window.ctx.is_ready:
            return
        self.export_dialog = ExportDialog(window.ctx.services, window.ctx.as_of, window)
        self.export_dialog.open()

    def on_export_selected(self) -> None:
        from tracker.ui.excel.selection import selected_in_view_order

        self._export(selected_in_view_order(self.window.ledger_page), self.tr("所选"))

    def on_export_listed(self) -> None:
        self._export(self.window.ledger_page.visible_rows(), self.tr("共"))

    def _export(self, rows: list[ObligationRow], what: str) -> None:
        from tracker.ui.excel.selection import export_rows

        window = self.window
        if window.ctx.is_ready:
            services, page = window.ctx.services, window.ledger_page
            self.selection_runner = export_rows(window, services, page, rows, what)

    def on_import_triggered(self) -> None:
        from tracker.ui.excel.import_wizard import LedgerImportWizard

        window = self.window
        if not window.ctx.is_ready:
            return
        wizard = LedgerImportWizard(window.ctx.services, window)
        wizard.imported.connect(self.on_imported)
        self.ledger_import_wizard = wizard
        wizard.open()

    def on_imported(self, change: Change) -> None:
        self.stack.push(change)
        self.window.statusBar().showMessage(change.summary, 10_000)
