"""The review table of 批量登记: one proposal a row; the clerk ticks, and corrects the unit, the
requirement and the forms. A corrected row counts as confirmed; nothing else is guessed."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from tracker.domain.dates import format_cn
from tracker.domain.errors import ValidationError
from tracker.domain.forms import Form, format_forms, parse_forms

Index = QModelIndex | QPersistentModelIndex
COL_CHECK, COL_FILE, COL_UNIT, COL_REQ, COL_FORMS, COL_DATE, COL_STATUS, COL_REASON = range(8)
HEADERS = ("登记", "文件", "单位", "报送事项", "形式", "收到日期", "结果", "依据")
STATUS_TEXT = {"matched": "已认出", "ambiguous": "有歧义", "unmatched": "未认出"}
STATUS_INK = {"matched": "#166534", "ambiguous": "#b45309", "unmatched": "#b91c1c"}
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 10  # [(label, id)] for the combo editors


class IntakeModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []  # services.intake.Proposal
        self.checked: list[bool] = []
        self.corrected: list[bool] = []
        self.file_dates: list[Any] = []  # each file's own date, for 统一收到日期 undone
        self.units: list[tuple[str, int]] = []
        self.requirements: list[tuple[str, int]] = []

    def set_rows(self, proposals: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(proposals)
        self.checked = [p.status == "matched" and p.registrable for p in proposals]
        self.corrected = [False] * len(proposals)
        self.file_dates = [p.received_on for p in proposals]
        self.endResetModel()

    def set_received(self, day: Any | None) -> None:
        """Every file received on ``day`` (None: each on its own file's date)."""
        self.rows = [
            replace(p, received_on=day or own)
            for p, own in zip(self.rows, self.file_dates, strict=True)
        ]
        if self.rows:
            last = len(self.rows) - 1
            self.dataChanged.emit(self.index(0, COL_DATE), self.index(last, COL_DATE))

    def set_choices(self, units: list[tuple[str, int]], reqs: list[tuple[str, int]]) -> None:
        self.units, self.requirements = units, reqs

    def confirmed(self) -> list[Any]:
        return [p for p, ok in zip(self.rows, self.checked, strict=True) if ok and p.registrable]

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid() or not self.rows[index.row()].registrable:
            return base
        if index.column() == COL_CHECK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (COL_UNIT, COL_REQ, COL_FORMS):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_CHECK:
            return Qt.CheckState.Checked if self.checked[index.row()] else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(index.row(), p, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_REASON, COL_FILE, COL_STATUS):
            return p.reason or p.file
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            ink = "#1d4ed8" if self.corrected[index.row()] else STATUS_INK[p.status]
            return QBrush(QColor(ink))
        if role == CHOICES_ROLE:
            return self.units if col == COL_UNIT else self.requirements
        return None

    def _text(self, row: int, p: Any, col: int) -> str:
        if col == COL_FILE:
            return str(p.file)
        if col == COL_UNIT:
            return str(p.unit)
        if col == COL_REQ:
            return f"{p.notice} {p.requirement}".strip() if p.requirement else ""
        if col == COL_FORMS:
            return format_forms(p.forms)
        if col == COL_DATE:
            return format_cn(p.received_on)
        if col == COL_STATUS:
            return "已更正" if self.corrected[row] else STATUS_TEXT[p.status]
        if col == COL_REASON:
            return str(p.reason)
        return ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, col = index.row(), index.column()
        if col == COL_CHECK and role == Qt.ItemDataRole.CheckStateRole:
            self.checked[row] = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dataChanged.emit(index, index)
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        p = self.rows[row]
        if col == COL_UNIT:
            name = next((n for n, i in self.units if i == value), None)
            if name is None:
                return False
            p = replace(p, unit_id=value, unit=name)
        elif col == COL_REQ:
            label = next((n for n, i in self.requirements if i == value), None)
            if label is None:
                return False
            p = replace(p, requirement_id=value, requirement=label, notice="")
        elif col == COL_FORMS:
            try:
                forms = parse_forms(str(value))
            except ValidationError:
                return False
            if forms == Form.NONE:
                return False
            p = replace(p, forms=forms)
        else:
            return False
        self.rows[row] = p
        self.corrected[row] = True
        self.checked[row] = p.unit_id is not None and p.requirement_id is not None
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        return True
