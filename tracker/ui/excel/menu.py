"""Excel in the window: 文件 → 导出报送情况统计表… / 导入原台账…, and 导出所选 / 导出当前列表
on the ledger grid. Dialogs (and openpyxl) load when first used."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence

from tracker.ui.extensions import insert_before_quit


def install(window: Any) -> None:
    menu = window.menu(window.tr("文件"))
    export = QAction(window.tr("导出报送情况统计表…"), window)
    export.setShortcut(QKeySequence("Ctrl+E"))
    export.triggered.connect(lambda: on_export_triggered(window))
    ledger_import = QAction(window.tr("导入原台账…"), window)
    ledger_import.triggered.connect(lambda: on_import_triggered(window))
    window.export_action, window.ledger_import_action = export, ledger_import
    insert_before_quit(menu, [export, ledger_import])
    page = window.ledger_page
    selected = QAction(window.tr("导出所选…"), window)
    selected.setToolTip(window.tr("把选中的记录按表格中的列和顺序导出为 Excel"))
    selected.triggered.connect(lambda: on_export_selected(window))
    listed = QAction(window.tr("导出当前列表…"), window)
    listed.setToolTip(window.tr("把筛选后显示的全部记录导出为 Excel"))
    listed.triggered.connect(lambda: on_export_listed(window))
    page.add_action(selected)
    page.add_action(listed, needs_selection=False)
    window.export_selected_action, window.export_listed_action = selected, listed


def on_export_triggered(window: Any) -> None:
    from tracker.ui.excel.export_dialog import ExportDialog

    dialog = ExportDialog(window.ctx.services, window.ctx.as_of, window)
    window.export_dialog = dialog
    dialog.open()


def on_export_selected(window: Any) -> None:
    from tracker.ui.excel.selection import export_rows, selected_in_view_order

    page = window.ledger_page
    rows = selected_in_view_order(page)
    window.selection_runner = export_rows(
        window, window.ctx.services, page, rows, window.tr("所选")
    )


def on_export_listed(window: Any) -> None:
    from tracker.ui.excel.selection import export_rows

    page = window.ledger_page
    window.selection_runner = export_rows(
        window, window.ctx.services, page, page.visible_rows(), window.tr("共")
    )


def on_import_triggered(window: Any) -> None:
    from tracker.ui.excel.import_wizard import LedgerImportWizard

    wizard = LedgerImportWizard(window.ctx.services, window)
    wizard.imported.connect(lambda change: on_imported(window, change))
    window.ledger_import_wizard = wizard
    wizard.open()


def on_imported(window: Any, change: Any) -> None:
    forms = getattr(window, "forms", None)  # the 编辑 ▸ 撤销 stack (tracker.ui.dialogs)
    if forms is not None and forms.stack is not None:
        forms.stack.push(change)  # one Ctrl+Z takes the whole import back
    window.statusBar().showMessage(change.summary, 10_000)
