"""What a roster import would change, row by row (from ``services.roster.preview``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

AnyIndex = QModelIndex | QPersistentModelIndex
KIND_COLOURS = {"新增": QColor("#1a7f37"), "更新": QColor("#9a6700"), "不变": QColor("#6e7781")}


class ImportPlanModel(QAbstractTableModel):
    """Rows of an ``ImportPlan``: workbook row, unit, 新增/更新/不变, what changes."""

    HEADERS = ("行号", "单位名称", "变化", "明细")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []  # tracker.services.unit_import.UnitChange

    def set_plan(self, plan: Any | None) -> None:
        self.beginResetModel()
        self._rows = list(plan.changes) if plan is not None else []
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        change = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (str(change.row), change.name, change.kind, "；".join(change.details))
            return values[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return QBrush(KIND_COLOURS.get(change.kind, QColor("black")))
        if role == Qt.ItemDataRole.ToolTipRole and col == 3 and change.details:
            return "\n".join(change.details)
        return None
