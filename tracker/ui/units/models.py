"""单位名录 models: the units table and its filter (search, category, show inactive)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from tracker.domain.records import UnitRecord
from tracker.domain.search import matches, search_blob
from tracker.ui.common.table import Column, RowTableModel
from tracker.ui.dialogs.unit_picker import refilter

AnyIndex = QModelIndex | QPersistentModelIndex
INACTIVE = QColor("#8a8a8a")


class UnitTableModel(RowTableModel[UnitRecord]):
    COL_NAME, COL_SHORT, COL_CATEGORY, COL_ALIASES, COL_PERSON, COL_PHONE, COL_EMAIL = range(7)
    COL_STATE = 7
    columns = (
        Column("单位名称", lambda u: u.name, width_chars=16),
        Column("简称", lambda u: u.short_name, width_chars=6),
        Column("类别", lambda u: u.category, width_chars=4),
        Column("别名", lambda u: "、".join(u.aliases), width_chars=12),
        Column("联系人", lambda u: u.contact_person, width_chars=4),
        Column("电话", lambda u: u.phone, width_chars=8),
        Column("邮箱", lambda u: u.email, width_chars=12),
        Column("状态", lambda u: "在用" if u.active else "停用", width_chars=3),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._blobs: list[str] = []

    def set_rows(self, rows: Sequence[UnitRecord]) -> None:
        self._blobs = [search_blob(u.name, (u.short_name, *u.aliases)) for u in rows]
        super().set_rows(rows)

    def blob(self, row: int) -> str:
        return self._blobs[row]

    def row_of(self, unit_id: int) -> int:
        return next((i for i, u in enumerate(self.rows) if u.id == unit_id), -1)

    def cell_data(self, row: UnitRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(INACTIVE)
        return None


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
        unit = model.row_at(source_row)
        if not unit.active and not self._show_inactive:
            return False
        if self._category and unit.category != self._category:
            return False
        return not self._query or matches(model.blob(source_row), self._query)
