"""Which columns a table shows: chosen from its header's right-click menu or a 列 button.

The columns a model marks ``Column(hidden=True)`` start hidden (so the default fits a 1366 px
screen); what the clerk shows or hides is kept with the header's saved state.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QMenu, QPushButton, QTableView, QWidget

from tracker.ui.common.table import RowTableModel, set_default_widths


class ColumnChooser(QObject):
    """Shows and hides the columns of ``view`` (over ``model``, maybe through a proxy)."""

    changed = Signal()  # a column was shown or hidden, or the defaults came back

    def __init__(self, view: QTableView, model: RowTableModel[Any]) -> None:
        super().__init__(view)
        self.view = view
        self.model = model
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.on_header_menu_requested)

    def menu(self, parent: QWidget | None = None) -> QMenu:
        menu = QMenu(parent or self.view)
        self.fill(menu)
        return menu

    def fill(self, menu: QMenu) -> None:
        """One checkable entry per column (the last one shown cannot be unticked), then
        恢复默认列."""
        menu.clear()
        shown = self.shown_columns()
        for i in range(len(self.model.columns)):
            action = menu.addAction(self.model.headerData(i, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(i in shown)
            action.setEnabled(shown != [i])
            action.toggled.connect(lambda on, c=i: self.set_shown(c, on))
        menu.addSeparator()
        reset = menu.addAction(self.tr("恢复默认列"))
        reset.setToolTip(self.tr("恢复默认显示的列、列的次序和列宽"))
        reset.triggered.connect(self.reset)

    def button(self, parent: QWidget | None = None) -> QPushButton:
        """A flat 显示列 ▾ button that opens the same menu (beside a toolbar)."""
        button = QPushButton(self.tr("显示列"), parent)
        button.setFlat(True)
        button.setAutoDefault(False)
        button.setToolTip(self.tr("选择显示哪些列（也可右键点击列标题）"))
        menu = QMenu(button)
        menu.aboutToShow.connect(lambda: self.fill(menu))
        button.setMenu(menu)
        return button

    def shown_columns(self) -> list[int]:
        return [i for i in range(len(self.model.columns)) if not self.view.isColumnHidden(i)]

    def set_shown(self, column: int, shown: bool) -> None:
        if not shown and self.shown_columns() == [column]:
            return  # a table with no column left cannot be brought back from its header
        if self.view.isColumnHidden(column) == (not shown):
            return
        self.view.setColumnHidden(column, not shown)
        if shown and self.view.columnWidth(column) == 0:
            set_default_widths(self.view, self.model, only=(column,))
        self.changed.emit()

    def reset(self) -> None:
        header = self.view.horizontalHeader()
        for logical in range(header.count()):  # the model's order again
            if header.visualIndex(logical) != logical:
                header.moveSection(header.visualIndex(logical), logical)
        for i, column in enumerate(self.model.columns):
            self.view.setColumnHidden(i, column.hidden)
        set_default_widths(self.view, self.model)
        self.changed.emit()

    # -- slots ---------------------------------------------------------------------------
    def on_header_menu_requested(self, pos: QPoint) -> None:
        header = self.view.horizontalHeader()
        self.menu().exec(header.mapToGlobal(pos))
