"""单位名录: list, edit, deactivate/reactivate (never delete), categories, import and export."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from tracker.domain.changes import Changes, Topic
from tracker.domain.errors import TrackerError
from tracker.domain.records import Change, UnitRecord
from tracker.ui.context import AppContext
from tracker.ui.units.edit_dialog import UnitDialog
from tracker.ui.units.models import UnitListProxy, UnitTableModel
from tracker.ui.units.page_layout import UnitsLayout
from tracker.ui.units.transfer import RosterTransfer

if TYPE_CHECKING:
    from tracker.services.bundle import Services

ALL_CATEGORIES = "全部类别"


class UnitsPage(QWidget):
    changed = Signal(object)  # a Change made from this page

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = UnitTableModel(self)
        self.proxy = UnitListProxy(self)
        self.proxy.setSourceModel(self.model)
        self.ui = UnitsLayout(self, self.proxy, self.model)
        self.transfer = RosterTransfer(ctx, self)
        self.dialog: QWidget | None = None
        self._connect()
        self.refresh()
        ctx.ready.connect(self.refresh)
        ctx.changes.changed.connect(self.on_changes)

    @property
    def services(self) -> Services:
        return self.ctx.services

    def _connect(self) -> None:
        ui = self.ui
        ui.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        ui.table.doubleClicked.connect(lambda _: self.on_edit_clicked())
        ui.search.textChanged.connect(self.proxy.set_query)
        ui.category.currentIndexChanged.connect(self.on_category_changed)
        ui.show_inactive.toggled.connect(self.proxy.set_show_inactive)
        ui.new.clicked.connect(self.on_new_clicked)
        ui.edit.clicked.connect(self.on_edit_clicked)
        ui.toggle_active.clicked.connect(self.on_toggle_active_clicked)
        ui.history.clicked.connect(self.on_history_clicked)
        ui.add_category.clicked.connect(self.on_add_category_clicked)
        ui.import_.clicked.connect(self.transfer.start_import)
        ui.export.clicked.connect(lambda: self.transfer.start_export(template=False))
        ui.template.clicked.connect(lambda: self.transfer.start_export(template=True))
        self.transfer.message.connect(self.show_info)
        self.transfer.failed.connect(self.ui.message.show_message)
        self.transfer.changed.connect(self._on_changed)

    # -- data ----------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        if changes.touches(Topic.UNITS):
            self.refresh()

    def refresh(self) -> None:
        ready, ui = self.ctx.is_ready, self.ui
        for button in (ui.new, ui.add_category, ui.import_, ui.export, ui.template):
            button.setEnabled(ready)
        if not ready:
            self.on_selection_changed()
            return
        chosen = self.selected_unit()
        self.model.set_rows(self.services.units.list_units())
        self._fill_categories()
        self.select_unit(chosen.id if chosen else None)

    def _fill_categories(self) -> None:
        combo = self.ui.category
        current = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItems([self.tr(ALL_CATEGORIES), *self.services.units.categories()])
        combo.setCurrentText(current or self.tr(ALL_CATEGORIES))
        combo.blockSignals(False)

    def selected_unit(self) -> UnitRecord | None:
        rows = self.ui.table.selectionModel().selectedRows()
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def select_unit(self, unit_id: int | None) -> None:
        row = self.model.row_of(unit_id) if unit_id is not None else -1
        index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else None
        if index is not None and index.isValid():
            self.ui.table.selectRow(index.row())
        self.on_selection_changed()

    def on_selection_changed(self, *_: QItemSelection) -> None:
        unit = self.selected_unit()
        self.ui.edit.setEnabled(unit is not None)
        self.ui.toggle_active.setEnabled(unit is not None)
        self.ui.history.setEnabled(unit is not None)
        active = unit is None or unit.active
        self.ui.toggle_active.setText(self.tr("停用") if active else self.tr("重新启用"))

    def on_category_changed(self, index: int) -> None:
        self.proxy.set_category(self.ui.category.currentText() if index > 0 else "")

    def show_info(self, text: str) -> None:
        self.ui.message.clear_message()
        self.ui.info.show_message(text)

    def _on_changed(self, change: Change) -> None:
        self.refresh()
        self.changed.emit(change)

    # -- actions -------------------------------------------------------------------------
    def on_new_clicked(self) -> None:
        self._open(UnitDialog(self.services, None, self))

    def on_edit_clicked(self) -> None:
        if unit := self.selected_unit():
            self._open(UnitDialog(self.services, unit, self))

    def _open(self, dialog: UnitDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_changed)
        self.dialog = dialog
        dialog.open()

    def on_history_clicked(self) -> None:
        if unit := self.selected_unit():
            from tracker.ui.ranking.history_dialog import open_history

            self.dialog = open_history(self, self.ctx, unit.id)

    def on_toggle_active_clicked(self) -> None:
        unit = self.selected_unit()
        if unit is None:
            return
        try:
            change = self.services.units.set_active(unit.id, not unit.active)
        except TrackerError as exc:
            self.ui.message.show_error(exc)
            return
        if unit.active:
            self.ui.show_inactive.setChecked(True)  # keep the unit in sight after 停用
        self.show_info(change.summary)
        self._on_changed(change)
        self.select_unit(unit.id)

    def on_add_category_clicked(self) -> None:
        name = self.ask_category_name()
        if not name:
            return
        try:
            change = self.services.units.add_category(name)
        except TrackerError as exc:
            self.ui.message.show_error(exc)
            return
        self.show_info(change.summary)
        self._on_changed(change)

    def ask_category_name(self) -> str:
        name, ok = QInputDialog.getText(self, self.tr("新增类别"), self.tr("类别名称："))
        return name.strip() if ok else ""
