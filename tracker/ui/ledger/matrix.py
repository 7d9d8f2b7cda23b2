"""矩阵: one notice as the sheet clerks know — units down, requirements across, each cell the
status's short word (the same words and colours as the workbook's 矩阵 sheet).

Double-click a cell to open the grid filtered to that requirement and unit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from tracker.domain.dates import format_cn
from tracker.domain.forms import format_forms
from tracker.domain.records import NoticeRecord, ObligationRow
from tracker.domain.status import STATUS_ORDER
from tracker.ui.common.table import CENTER, setup_table
from tracker.ui.context import AppContext
from tracker.ui.ledger.filtering import LedgerFilter
from tracker.ui.snapshot_data import LedgerSnapshot
from tracker.ui.status_style import background, font, foreground, swatch_html

Index = QModelIndex | QPersistentModelIndex
COL_UNIT, COL_CATEGORY, FIRST_REQUIREMENT = 0, 1, 2


class MatrixModel(QAbstractTableModel):
    """Rows: the notice's units in roster order; columns: 单位, 类别, then its requirements."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice: NoticeRecord | None = None
        self.units: list[tuple[int, str, str]] = []  # (unit id, name, category)
        self.cells: dict[tuple[int, int], ObligationRow] = {}  # (unit id, requirement id)

    def set_notice(
        self,
        notice: NoticeRecord | None,
        rows: list[ObligationRow],
        categories: Sequence[str] = (),
    ) -> None:
        self.beginResetModel()
        self.notice = notice
        mine = [r for r in rows if notice is not None and r.notice_id == notice.id]
        order = {c: i for i, c in enumerate(categories)}
        mine.sort(key=lambda r: (order.get(r.category, len(order)), r.unit_sort, r.unit_name))
        self.units = list(dict.fromkeys((r.unit_id, r.unit_name, r.category) for r in mine))
        self.cells = {(r.unit_id, r.requirement_id): r for r in mine}
        self.endResetModel()

    def update_cells(self, rows: Iterable[ObligationRow]) -> None:
        """New versions of some obligations' rows: their cells change in place."""
        touched = False
        for r in rows:
            key = (r.unit_id, r.requirement_id)
            if key in self.cells:
                self.cells[key] = r
                touched = True
        if touched and self.units:
            last = self.index(len(self.units) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _requirements(self) -> tuple[Any, ...]:
        return self.notice.requirements if self.notice is not None else ()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.units)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return (
            0
            if parent.isValid() or self.notice is None
            else FIRST_REQUIREMENT + len(self._requirements())
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or section >= self.columnCount():
            return None
        if section < FIRST_REQUIREMENT:
            return ("单位", "类别")[section] if role == Qt.ItemDataRole.DisplayRole else None
        req = self._requirements()[section - FIRST_REQUIREMENT]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{req.title}\n{format_cn(req.deadline)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{req.title}：{format_forms(req.forms)}，{format_cn(req.deadline)}前"
        return None

    def row_for(self, index: Index) -> ObligationRow | None:
        if not index.isValid() or index.column() < FIRST_REQUIREMENT:
            return None
        unit_id = self.units[index.row()][0]
        req = self._requirements()[index.column() - FIRST_REQUIREMENT]
        return self.cells.get((unit_id, req.id))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.column() < FIRST_REQUIREMENT:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.units[index.row()][1 + index.column()]
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER
        row = self.row_for(index)
        if row is None:
            return "—" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.status.word
        if role == Qt.ItemDataRole.ForegroundRole:
            return foreground(row.status)
        if role == Qt.ItemDataRole.BackgroundRole:
            return background(row.status)
        if role == Qt.ItemDataRole.FontRole:
            return font(row.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _cell_tip(row)
        return None


def _cell_tip(row: ObligationRow) -> str:
    parts = [f"{row.unit_name} · {row.requirement_title}：{row.status.label}"]
    if row.missing_forms:
        parts.append(f"缺少：{format_forms(row.missing_forms)}")
    if row.completed_on:
        parts.append(f"报齐：{format_cn(row.completed_on)}")
    if row.exempt_reason:
        parts.append(f"免报理由：{row.exempt_reason}")
    if row.extended_to:
        parts.append(f"延期至{format_cn(row.extended_to)}")
    return "\n".join(parts)


class MatrixPage(QWidget):
    drillDown = Signal(object)  # LedgerFilter

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._snapshot: LedgerSnapshot | None = None
        self.notice_combo = QComboBox()
        self.notice_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.notice_combo.setMinimumContentsLength(40)
        self.model = MatrixModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        setup_table(self.view)
        self.view.horizontalHeader().setStretchLastSection(False)
        legend = QLabel(
            self.tr("图例：")
            + "　".join(f"{swatch_html(s)} {s.terms.meaning}" for s in STATUS_ORDER)
            + self.tr("　— 该单位无需报送此项")
        )
        legend.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("通知")))
        top.addWidget(self.notice_combo, 1)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.view, 1)
        box.addWidget(legend)
        self.notice_combo.currentIndexChanged.connect(self._show_notice)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        ctx.snapshots.loaded.connect(self.on_snapshot)
        ctx.snapshots.patched.connect(self.on_rows_patched)
        if ctx.snapshots.current is not None:
            self.on_snapshot(ctx.snapshots.current)

    def on_snapshot(self, snapshot: LedgerSnapshot) -> None:
        self._snapshot = snapshot
        current = self.notice_combo.currentData()
        self.notice_combo.blockSignals(True)
        self.notice_combo.clear()
        for n in snapshot.notices:
            self.notice_combo.addItem(n.label, n.id)
        i = self.notice_combo.findData(current) if current is not None else 0
        self.notice_combo.setCurrentIndex(max(i, 0))
        self.notice_combo.blockSignals(False)
        self._show_notice()

    def on_rows_patched(self, snapshot: LedgerSnapshot, changed: dict[int, ObligationRow]) -> None:
        self._snapshot = snapshot
        self.model.update_cells(changed.values())

    def show_notice(self, notice_id: int) -> None:
        self.notice_combo.setCurrentIndex(max(self.notice_combo.findData(notice_id), 0))

    def _show_notice(self) -> None:
        snap = self._snapshot
        nid = self.notice_combo.currentData()
        notice = next((n for n in snap.notices if n.id == nid), None) if snap else None
        self.model.set_notice(notice, snap.rows if snap else [], snap.categories if snap else ())
        fm = self.view.fontMetrics()
        em = fm.horizontalAdvance("中")
        self.view.setColumnWidth(COL_UNIT, em * 17)
        self.view.setColumnWidth(COL_CATEGORY, em * 5)
        for c in range(FIRST_REQUIREMENT, self.model.columnCount()):
            title = str(self.model.headerData(c, Qt.Orientation.Horizontal)).split("\n")[0]
            self.view.setColumnWidth(c, max(em * 9, fm.horizontalAdvance(title) + em * 2))
        self.view.horizontalHeader().setMinimumHeight(int(fm.height() * 2.6))

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        row = self.model.row_for(index)
        if row is not None:
            self.drillDown.emit(
                LedgerFilter(
                    notice_id=row.notice_id, requirement_id=row.requirement_id, text=row.unit_name
                )
            )
