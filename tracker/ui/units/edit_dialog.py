"""Add or edit one unit: name, category, short name, aliases (、-separated), contacts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import TrackerError
from tracker.domain.records import UnitRecord, UnitSpec
from tracker.domain.text import split_aliases
from tracker.ui.common.screen_fit import FittedDialog
from tracker.ui.dialogs.fields import MessageStrip

if TYPE_CHECKING:
    from tracker.services.bundle import Services

TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "单位名称"),
    ("short_name", "简称"),
    ("contact_person", "联系人"),
    ("phone", "电话"),
    ("email", "邮箱"),
    ("address", "通讯地址"),
)


class UnitDialog(FittedDialog):
    saved = Signal(object)  # Change

    def __init__(
        self, services: Services, unit: UnitRecord | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.unit = unit
        self.setWindowTitle(self.tr("修改单位") if unit else self.tr("新增单位"))
        self.setMinimumWidth(480)
        self.lines = {name: QLineEdit(self) for name, _ in TEXT_FIELDS}
        self.category = QComboBox(self)
        self.category.addItems(services.units.categories())
        self.aliases = QLineEdit(self)
        self.aliases.setPlaceholderText(self.tr("多个别名用“、”分隔，如：和平局、和平区局"))
        self.sort_order = QSpinBox(self)
        self.sort_order.setRange(0, 99999)
        self.errors = MessageStrip("error", self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._arrange()
        if unit is not None:
            self._load(unit)

    def _arrange(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("单位名称(&N)"), self.lines["name"])
        form.addRow(self.tr("类别(&C)"), self.category)
        form.addRow(self.tr("简称"), self.lines["short_name"])
        form.addRow(self.tr("别名(&A)"), self.aliases)
        for name, label in TEXT_FIELDS[2:]:
            form.addRow(self.tr(label), self.lines[name])
        form.addRow(self.tr("排序"), self.sort_order)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)

    def _load(self, unit: UnitRecord) -> None:
        for name, edit in self.lines.items():
            edit.setText(getattr(unit, name))
        self.category.setCurrentText(unit.category)
        self.aliases.setText("、".join(unit.aliases))
        self.sort_order.setValue(unit.sort_order)

    def spec(self) -> UnitSpec:
        values = {name: edit.text() for name, edit in self.lines.items()}
        return UnitSpec(
            category=self.category.currentText(),
            aliases=tuple(split_aliases(self.aliases.text())),
            sort_order=self.sort_order.value(),
            active=self.unit.active if self.unit else True,
            **values,
        )

    def save(self) -> bool:
        unit_id = self.unit.id if self.unit else None
        version = self.unit.version if self.unit else None
        try:
            change = self.services.units.save(self.spec(), unit_id, version)
        except TrackerError as exc:
            self.errors.show_error(exc)
            return False
        self.saved.emit(change)
        self.accept()
        return True
