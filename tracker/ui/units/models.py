"""单位名录 models: the units table and its filter (search, category, show inactive)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from tracker.domain.records import UnitRecord
from tracker.domain.search import matches, search_blob
from tracker.ui.dialogs.unit_picker import refilter

AnyIndex = QModelIndex | QPersistentModelIndex
INACTIVE = QColor("#8a8a8a")


class UnitTableModel(QAbstractTableModel):
    COL_NAME, COL_SHORT, COL_CATEGORY, COL_ALIASES, COL_PERSON, COL_PHONE, COL_EMAIL = range(7)
    COL_STATE = 7
    HEADERS = ("单位名称", "简称", "类别", "别名", "联系人", "电话", "邮箱", "状态")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[UnitRecord] = []
        self._blobs: list[str] = []

    def set_rows(self, rows: list[UnitRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._blobs = [search_blob(u.name, (u.short_name, *u.aliases)) for u in self._rows]
        self.endResetModel()

    def unit(self, row: int) -> UnitRecord:
        return self._rows[row]

    def blob(self, row: int) -> str:
        return self._blobs[row]

    def row_of(self, unit_id: int) -> int:
        return next((i for i, u in enumerate(self._rows) if u.id == unit_id), -1)

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
        u = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(u, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and not u.active:
            return QBrush(INACTIVE)
        return None

    @staticmethod
    def _display(u: UnitRecord, col: int) -> str:
        values = (
            u.name,
            u.short_name,
            u.category,
            "、".join(u.aliases),
            u.contact_person,
            u.phone,
            u.email,
            "在用" if u.active else "停用",
        )
        return values[col]


class UnitListProxy(QSortFilterProxyModel):
    """Filters by search words (names, aliases, pinyin), category and active state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._query = ""
        self._category = ""
        self._show_inactive = False

    def set_query(self, text: str) -> None:
        refilter(self, lambda: setattr(self, "_query", text.strip()))

    def set_category(self, category: str) -> None:
        refilter(self, lambda: setattr(self, "_category", category))

    def set_show_inactive(self, on: bool) -> None:
        refilter(self, lambda: setattr(self, "_show_inactive", on))

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, UnitTableModel)
        unit = model.unit(source_row)
        if not unit.active and not self._show_inactive:
            return False
        if self._category and unit.category != self._category:
            return False
        return not self._query or matches(model.blob(source_row), self._query)
