"""Who must report one requirement: whole categories at a click, plus a checklist of units."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.records import UnitRecord
from tracker.ui.dialogs.unit_picker import UnitChoiceModel, UnitFilterProxy

AnyIndex = QModelIndex | QPersistentModelIndex
CATEGORY_COLUMNS = 4


class UnitChecklistModel(UnitChoiceModel):
    """Active units with a check box each; the ticked ids live in a set shared with a draft."""

    checks_changed = Signal()

    def __init__(self, units: Sequence[UnitRecord], parent: QWidget | None = None) -> None:
        super().__init__(units, parent)
        self._checked: set[int] = set()
        self._enabled = False

    def set_checked(self, ids: set[int] | None) -> None:
        """Show (and edit in place) ``ids``; None shows nothing ticked and locks the list."""
        self.beginResetModel()
        self._enabled = ids is not None
        self._checked = ids if ids is not None else set()
        self.endResetModel()

    def checked(self) -> set[int]:
        return self._checked

    def set_many(self, ids: set[int], on: bool) -> None:
        if not self._enabled:
            return
        if on:
            self._checked |= ids
        else:
            self._checked -= ids
        if self.rowCount():
            role = [Qt.ItemDataRole.CheckStateRole]
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1), role)
        self.checks_changed.emit()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEnabled if self._enabled else base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid():
            on = self.unit(index.row()).id in self._checked
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or not self._enabled:
            return False
        unit_id = self.unit(index.row()).id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(unit_id)
        else:
            self._checked.discard(unit_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checks_changed.emit()
        return True


class AudienceWidget(QWidget):
    """Category boxes (ticked, partly ticked, empty) over a filterable unit checklist."""

    changed = Signal()

    def __init__(
        self, units: Sequence[UnitRecord], categories: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        active = [u for u in units if u.active]
        self.model = UnitChecklistModel(active, self)
        self.proxy = UnitFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._members = {c: {u.id for u in active if u.category == c} for c in categories}
        self.category_boxes: dict[str, QCheckBox] = {}
        self.count_label = QLabel(self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("筛选单位：名称、别名或拼音首字母"))
        self.filter.setClearButtonEnabled(True)
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self._arrange(categories)
        self.filter.textChanged.connect(self.proxy.set_query)
        self.model.checks_changed.connect(self._on_checks_changed)
        self.set_units(None)

    def _arrange(self, categories: Sequence[str]) -> None:
        boxes = QGridLayout()  # a grid, not a row: many categories must not widen the dialog
        boxes.addWidget(QLabel(self.tr("按类别："), self), 0, 0)
        for cat in categories:
            if not self._members.get(cat):
                continue  # a category without active units cannot be chosen
            box = QCheckBox(f"{cat}（{len(self._members[cat])}）", self)
            box.setTristate(True)
            box.clicked.connect(lambda _=False, c=cat: self.on_category_clicked(c))
            i = len(self.category_boxes)
            boxes.addWidget(box, i // CATEGORY_COLUMNS, 1 + i % CATEGORY_COLUMNS)
            self.category_boxes[cat] = box
        boxes.setColumnStretch(CATEGORY_COLUMNS + 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(boxes)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)

    def set_units(self, ids: set[int] | None) -> None:
        self.model.set_checked(ids)
        self.setEnabled(ids is not None)
        self._refresh_boxes()

    def on_category_clicked(self, category: str) -> None:
        members = self._members[category]
        everyone_in = members <= self.model.checked()
        self.model.set_many(members, not everyone_in)

    def _on_checks_changed(self) -> None:
        self._refresh_boxes()
        self.changed.emit()

    def _refresh_boxes(self) -> None:
        checked = self.model.checked()
        for cat, box in self.category_boxes.items():
            members = self._members[cat]
            n = len(members & checked)
            state = (
                Qt.CheckState.Checked
                if n == len(members)
                else Qt.CheckState.PartiallyChecked
                if n
                else Qt.CheckState.Unchecked
            )
            box.setCheckState(state)
        self.count_label.setText(self.tr("已选 {0} 个单位").format(len(checked)))
