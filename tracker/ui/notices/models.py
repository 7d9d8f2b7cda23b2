"""Read-only table models of the notices page: the notices, and the chosen notice's items."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from tracker.domain.dates import format_cn
from tracker.domain.forms import format_forms
from tracker.domain.records import NoticeRecord, RequirementRecord

AnyIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
WARN = QColor("#b45309")


class _RecordTable(QAbstractTableModel, Generic[T]):
    """A read-only table over a list of frozen records, replaced whole by ``set_rows``."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def set_rows(self, rows: list[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> T:
        return self._rows[row]

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


class NoticeTableModel(_RecordTable[NoticeRecord]):
    COL_DOC, COL_TITLE, COL_ISSUED, COL_ITEMS, COL_UNITS, COL_DEADLINES = range(6)
    HEADERS = ("文号", "标题", "发文日期", "报送事项", "应报", "报送时限")

    def row_of(self, notice_id: int) -> int:
        return next((i for i, n in enumerate(self._rows) if n.id == notice_id), -1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        n, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(n, col)
        if role == SORT_ROLE:
            if col == self.COL_ISSUED:
                return n.issued_on.isoformat() if n.issued_on else ""
            if col in (self.COL_ITEMS, self.COL_UNITS):
                return int(str(self._display(n, col)))
            return self._display(n, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.COL_TITLE:
            return n.title
        return None

    def _display(self, n: NoticeRecord, col: int) -> str:
        if col == self.COL_DOC:
            return n.doc_number
        if col == self.COL_TITLE:
            return n.title
        if col == self.COL_ISSUED:
            return format_cn(n.issued_on)
        if col == self.COL_ITEMS:
            return str(len(n.requirements))
        if col == self.COL_UNITS:
            return str(sum(r.obligations for r in n.requirements))
        days = sorted({r.deadline for r in n.requirements})
        return "、".join(format_cn(d) for d in days)


class RequirementSummaryModel(_RecordTable[RequirementRecord]):
    COL_TITLE, COL_DEADLINE, COL_DAY, COL_FORMS, COL_CATEGORIES, COL_UNITS = range(6)
    HEADERS = ("报送事项", "报送时限", "提示", "报送形式", "类别", "应报单位")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                r.title,
                format_cn(r.deadline),
                f"⚠ {r.deadline_note}" if r.deadline_note else "",
                format_forms(r.forms),
                "、".join(r.categories),
                f"{r.obligations}个",
            )
            return values[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_DAY:
            return QBrush(WARN)
        return None
