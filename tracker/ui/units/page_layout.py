"""The widgets of the 单位名录 page, laid out; behaviour lives in ``page.py``."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.ui.dialogs.fields import MessageStrip, read_only_table
from tracker.ui.units.models import UnitTableModel


class UnitsLayout:
    def __init__(self, page: QWidget, model: QAbstractItemModel, source: UnitTableModel) -> None:
        tr = page.tr
        self.new = QPushButton(tr("新增单位"), page)
        self.edit = QPushButton(tr("修改"), page)
        self.toggle_active = QPushButton(tr("停用"), page)
        self.toggle_active.setToolTip(tr("停用的单位不再参加新的报送，历史记录保留"))
        self.history = QPushButton(tr("报送历史…"), page)
        self.history.setToolTip(tr("该单位历年每项报送的情况、各年上报率和在本类别中的名次"))
        self.add_category = QPushButton(tr("新增类别…"), page)
        self.import_ = QPushButton(tr("导入名录…"), page)
        self.export = QPushButton(tr("导出名录…"), page)
        self.template = QPushButton(tr("下载模板…"), page)
        self.search = QLineEdit(page)
        self.search.setPlaceholderText(tr("搜索：名称、别名或拼音首字母"))
        self.search.setClearButtonEnabled(True)
        self.category = QComboBox(page)
        self.show_inactive = QCheckBox(tr("显示已停用"), page)
        self.table = read_only_table(page, model, source, UnitTableModel.COL_ALIASES)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # the roster's own order until a column is clicked
        self.message = MessageStrip("error", page)
        self.info = MessageStrip("info", page)
        self._arrange(page)

    def _arrange(self, page: QWidget) -> None:
        actions = QHBoxLayout()
        for b in (self.new, self.edit, self.toggle_active, self.add_category):
            actions.addWidget(b)
        actions.addStretch(1)
        for b in (self.import_, self.export, self.template):
            actions.addWidget(b)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.category, 1)
        filters.addWidget(self.show_inactive)
        filters.addWidget(self.history)
        layout = QVBoxLayout(page)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
