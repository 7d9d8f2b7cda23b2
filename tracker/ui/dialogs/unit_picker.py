"""Unit type-ahead: a line edit whose popup finds units by name, alias or pinyin initials.

The popup lists a filter proxy over all active units; the filter is ``domain.search.matches``
on each unit's search blob, so ``hp`` finds 和平区市场监管局 and ``和平局`` finds it by alias.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from tracker.domain.records import UnitRecord
from tracker.domain.search import matches, search_blob

UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
BLOB_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex


class UnitChoiceModel(QAbstractListModel):
    """Units to choose from: shown as "name（category）", completed as the name."""

    def __init__(self, units: Sequence[UnitRecord] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._units: list[UnitRecord] = []
        self._blobs: list[str] = []
        self.set_units(units)

    def set_units(self, units: Sequence[UnitRecord]) -> None:
        self.beginResetModel()
        self._units = list(units)
        self._blobs = [search_blob(u.name, (u.short_name, *u.aliases)) for u in self._units]
        self.endResetModel()

    def unit(self, row: int) -> UnitRecord:
        return self._units[row]

    def units(self) -> list[UnitRecord]:
        return list(self._units)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._units)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._units):
            return None
        unit = self._units[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{unit.name}（{unit.category}）"
        if role == Qt.ItemDataRole.EditRole:
            return unit.name
        if role == Qt.ItemDataRole.ToolTipRole and unit.aliases:
            return "别名：" + "、".join(unit.aliases)
        if role == UNIT_ID_ROLE:
            return unit.id
        if role == BLOB_ROLE:
            return self._blobs[index.row()]
        return None


def refilter(proxy: QSortFilterProxyModel, change: Callable[[], object]) -> None:
    """Apply ``change`` to a proxy's filter state and re-run its row filter.

    Qt 6.10 replaced invalidateRowsFilter() by begin/endFilterChange(); use what exists.
    """
    if hasattr(proxy, "endFilterChange"):
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:  # pragma: no cover - Qt before 6.10
        change()
        proxy.invalidateRowsFilter()


def match_rank(blob: str, query: str) -> int:
    """0 when a name, alias or its pinyin starts with what was typed (hx → 河西区), else 1."""
    first = query.lower().split()[0] if query.strip() else ""
    return 0 if any(part.startswith(first) for part in blob.split("\x1f")) else 1


class UnitFilterProxy(QSortFilterProxyModel):
    """Keeps the units whose blob matches every word typed; those whose name starts with it
    come first, otherwise the roster's order is kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._query = ""
        self.sort(0)

    def set_query(self, text: str) -> None:
        self._query = text.strip()
        self.invalidate()  # both which rows pass and their order depend on the query

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._query:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return matches(str(index.data(BLOB_ROLE)), self._query)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        def key(index: AnyIndex) -> tuple[int, int]:
            rank = match_rank(str(index.data(BLOB_ROLE)), self._query) if self._query else 0
            return rank, index.row()

        return key(left) < key(right)


class UnitLineEdit(QLineEdit):
    """Type part of a name, an alias or pinyin initials; Enter takes the highlighted unit."""

    unit_chosen = Signal(int)  # unit id; -1 when the text no longer names a chosen unit

    def __init__(self, units: Sequence[UnitRecord] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("输入单位名称、别名或拼音首字母，如 hp"))
        self.choices = UnitChoiceModel(units, self)
        self.proxy = UnitFilterProxy(self)
        self.proxy.setSourceModel(self.choices)
        self.completer_ = QCompleter(self.proxy, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.setWidget(self)
        # the QModelIndex overload of activated (the stubs do not know signal overloads)
        self.completer_.activated[QModelIndex].connect(  # type: ignore[index]
            self._on_completer_activated
        )
        self.textEdited.connect(self._on_text_edited)
        self._unit_id: int | None = None

    # -- the chosen unit -----------------------------------------------------------------
    def unit_id(self) -> int | None:
        return self._unit_id

    def choose(self, unit_id: int) -> None:
        for unit in self.choices.units():
            if unit.id == unit_id:
                self._unit_id = unit.id
                self.setText(unit.name)
                self.unit_chosen.emit(unit.id)
                return

    def candidates(self) -> list[UnitRecord]:
        return [
            self.choices.unit(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            for r in range(self.proxy.rowCount())
        ]

    def choose_best(self) -> bool:
        """Take the unit the text names (or the only/first candidate); False if none."""
        if self._unit_id is not None:
            return True
        found = self.candidates()
        if not found:
            return False
        exact = [u for u in found if self.text().strip() in (u.name, u.short_name, *u.aliases)]
        self.choose((exact or found)[0].id)
        return True

    def popup_visible(self) -> bool:
        popup = self.completer_.popup()
        return popup is not None and popup.isVisible()

    def hide_popup(self) -> None:
        popup = self.completer_.popup()
        if popup is not None:
            popup.hide()

    # -- slots ---------------------------------------------------------------------------
    def _on_text_edited(self, text: str) -> None:
        if self._unit_id is not None:
            self._unit_id = None
            self.unit_chosen.emit(-1)
        self.proxy.set_query(text)
        popup = self.completer_.popup()
        assert popup is not None  # a QCompleter always has its popup
        if not text.strip() or self.proxy.rowCount() == 0:
            popup.hide()
            return
        self.completer_.complete()
        popup.setCurrentIndex(self.completer_.completionModel().index(0, 0))

    def _on_completer_activated(self, index: QModelIndex) -> None:
        unit_id = index.data(UNIT_ID_ROLE)
        if unit_id is not None:
            self.choose(int(unit_id))
