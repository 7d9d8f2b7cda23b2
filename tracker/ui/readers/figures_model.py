"""关键数据 as a table: one row per unit × requirement, a column per kind, a 合计 row last.
Cells are editable (the clerk's correction); the source sentence is each cell's tooltip."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from tracker.domain.figures import format_value

Index = QModelIndex | QPersistentModelIndex
FIXED_COLS = ("单位", "报送事项")
CORRECTED_INK = QColor("#1d4ed8")
Corrector = Callable[[int, str, int | None, bool], None]  # obligation, kind, value, approx


@dataclass
class Line:
    obligation_id: int
    unit: str
    requirement: str
    cells: dict[str, Any] = field(default_factory=dict)  # kind → FigureRow


def parse_figure(text: str) -> tuple[int | None, bool] | None:
    """``"2000余"`` → (2000, True); ``""`` → (None, False): back to what was read."""
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        return None, False
    approx = text.endswith(("余", "多", "+"))
    digits = text.rstrip("余多+").strip()
    if not digits.isdigit():
        return None
    return int(digits), approx


class FiguresModel(QAbstractTableModel):
    def __init__(self, correct: Corrector, parent: Any = None) -> None:
        super().__init__(parent)
        self.correct = correct
        self.kinds: list[str] = []
        self.lines: list[Line] = []
        self.totals: dict[str, tuple[int, bool]] = {}

    def set_table(
        self,
        rows: Sequence[Any],
        kinds: Sequence[str],
        totals: dict[str, Any],
        submitted: Sequence[Any] = (),
    ) -> None:
        """``submitted``: unit × requirement rows shown even with nothing read (a scan)."""
        self.beginResetModel()
        self.kinds = list(kinds)
        self.totals = dict(totals)
        lines: dict[int, Line] = {
            o.obligation_id: Line(o.obligation_id, o.unit, o.requirement) for o in submitted
        }
        for r in rows:
            line = lines.setdefault(r.obligation_id, Line(r.obligation_id, r.unit, r.requirement))
            line.cells[r.kind] = r
        self.lines = list(lines.values())
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.lines else len(self.lines) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIXED_COLS) + len(self.kinds)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (*FIXED_COLS, *self.kinds)[section]

    def is_total(self, row: int) -> bool:
        return row == len(self.lines)

    def kind_at(self, column: int) -> str | None:
        i = column - len(FIXED_COLS)
        return self.kinds[i] if 0 <= i < len(self.kinds) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and not self.is_total(index.row()) and self.kind_at(index.column()):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        kind = self.kind_at(col)
        if self.is_total(row):
            return self._total(col, kind, role)
        line = self.lines[row]
        if kind is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return line.unit if col == 0 else line.requirement
            return None
        cell = line.cells.get(kind)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_value(cell.value, cell.approx) if cell else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and cell is not None:
            return _tooltip(cell)
        if role == Qt.ItemDataRole.ForegroundRole and cell is not None and cell.corrected:
            return QBrush(CORRECTED_INK)
        return None

    def _total(self, col: int, kind: str | None, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if kind is None:
            return "合计" if col == 0 else ""
        value = self.totals.get(kind)
        return format_value(*value) if value else ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        kind = self.kind_at(index.column())
        if role != Qt.ItemDataRole.EditRole or kind is None or self.is_total(index.row()):
            return False
        parsed = parse_figure(str(value))
        if parsed is None:
            return False
        self.correct(self.lines[index.row()].obligation_id, kind, parsed[0], parsed[1])
        return True


def _tooltip(cell: Any) -> str:
    parts = []
    if cell.corrected:
        read = "未读出" if cell.read_value is None else str(cell.read_value)
        parts.append(f"人工更正（文件读出：{read}）{cell.note and '：' + cell.note}")
    if cell.sentence:
        parts.append(f"原文：{cell.sentence}")
    if cell.file:
        parts.append(f"文件：{cell.file}")
    return "\n".join(parts)
