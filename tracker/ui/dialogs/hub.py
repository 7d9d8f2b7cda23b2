"""The forms' actions: 登记报送 (Ctrl+R), 免报, 延期, 记录催报, 设置, and the undo stack.

- 编辑 ▸ 撤销：<last change> (Ctrl+Z), over the ChangeStack every form pushes to (``push(change)``
  for any Change ``services.undo.undo`` can take back, e.g. an import's);
- double-clicking a grid row or dropping files on it opens 登记报送 for that row.
The composition places the actions in the menus and on the grid. Dialogs are imported inside the
slots, so building this costs the window's first paint nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from tracker.ui.dialogs.register_flow import RegisterFlow
from tracker.ui.dialogs.undo_stack import ChangeStack

if TYPE_CHECKING:
    from tracker.domain.records import Change, ObligationRow
    from tracker.ui.main_window import MainWindow


class FormsHub(QObject):
    """Owns the undo stack and the registration flow of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.stack = ChangeStack(self.ctx, self)
        self.stack.failed.connect(self.on_undo_failed)
        self.stack.undone.connect(self.on_undone)
        self.flow = RegisterFlow(self.ctx, self.stack, window)
        self.dialog: QDialog | None = None  # the last obligation/settings dialog opened
        self.register_action = self._action("登记报送…", self.open_register, "Ctrl+R")
        self.exempt_action = self._action("免报…", lambda: self.open_for_selection("exempt"))
        self.extend_action = self._action("延期…", lambda: self.open_for_selection("extend"))
        self.remind_action = self._action("记录催报…", lambda: self.open_for_selection("remind"))
        self.settings_action = self._action("设置…", self.open_settings)
        self.detail_action = self._action("详情…", self.open_detail, "Ctrl+I")
        self.detail_action.setToolTip(
            self.tr("查看这条记录的登记、归档文件和催报，可撤销免报、延期或删除登记")
        )
        self.unexempt_action = self._action("撤销免报…", lambda: self.open_revoke("unexempt"))
        self.unextend_action = self._action("撤销延期…", lambda: self.open_revoke("unextend"))
        self.unregister_action = self._action("删除登记…", self.open_detail)
        grid = window.ledger_page
        grid.obligationActivated.connect(self.open_register_for)
        grid.set_file_drop_handler(self.on_files_dropped)

    def _action(self, text: str, slot: Callable[[], object], keys: str = "") -> QAction:
        action = QAction(self.tr(text), self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _=False: slot())
        return action

    # -- registration --------------------------------------------------------------------
    def open_register(self) -> None:
        rows = self.window.ledger_page.selected_rows() if self._grid_shown() else []
        self._start_register(rows[0] if len(rows) == 1 else None)

    def open_register_for(self, obligation_id: int) -> None:
        if self.ctx.is_ready:
            self._start_register(self.ctx.services.ledger.row(obligation_id))

    def on_files_dropped(self, obligation_id: int, paths: list[Path]) -> None:
        if self.ctx.is_ready:
            self._start_register(self.ctx.services.ledger.row(obligation_id), tuple(paths))

    def _start_register(self, row: ObligationRow | None, files: tuple[Path, ...] = ()) -> None:
        from tracker.ui.dialogs.register import RegisterPreset

        if not self.ctx.is_ready:
            return
        preset = RegisterPreset(files=files)
        if row is not None:
            preset = RegisterPreset(row.unit_id, row.requirement_id, files=files)
        self.flow.start(preset)

    def _grid_shown(self) -> bool:
        return self.window.current_section() == "ledger"

    # -- obligations selected in the grid ------------------------------------------------
    def open_for_selection(self, kind: str) -> None:
        from tracker.ui.dialogs.obligation_actions import ExemptDialog, ExtendDialog, RemindDialog

        ids = self.window.ledger_page.selected_obligation_ids()
        if not self.ctx.is_ready or not ids:
            return
        classes = {"exempt": ExemptDialog, "extend": ExtendDialog, "remind": RemindDialog}
        dialog = classes[kind](self.ctx.services, ids, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.stack.push)
        self.dialog = dialog
        dialog.open()

    def open_remind(self, obligation_ids: list[int], method: str = "") -> None:
        """记录催报 for ``obligation_ids`` (the ladder's 电话催报: ``method`` 电话 chosen)."""
        from tracker.ui.dialogs.obligation_actions import RemindDialog

        if not self.ctx.is_ready or not obligation_ids:
            return
        dialog = RemindDialog(self.ctx.services, obligation_ids, self.window)
        if method:
            dialog.method.setCurrentText(method)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.stack.push)
        self.dialog = dialog
        dialog.open()

    def open_detail(self) -> None:
        """The obligation in full (登记, 归档文件, 催报), with 撤销 and 删除登记."""
        from tracker.ui.dialogs.obligation_detail import ObligationDetailDialog

        oid = self.window.ledger_page.current_obligation_id()
        if not self.ctx.is_ready or oid is None:
            return
        dialog = ObligationDetailDialog(self.ctx.services, oid, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.stack.push)
        self.dialog = dialog
        dialog.open()

    def open_revoke(self, kind: str) -> None:
        from tracker.ui.dialogs.revoke import RevokeDialog

        ids = self.window.ledger_page.selected_obligation_ids()
        if not self.ctx.is_ready or not ids:
            return
        dialog = RevokeDialog(self.ctx.services, ids, kind, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.stack.push)
        self.dialog = dialog
        dialog.open()

    def open_settings(self) -> None:
        from tracker.ui.settings.dialog import SettingsDialog

        if not self.ctx.is_ready:
            return
        dialog = SettingsDialog(self.ctx.services, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def on_undone(self, change: Change) -> None:
        """Ctrl+Z says what it took back (the menu's text is gone with it)."""
        self.window.statusBar().showMessage(self.tr("已%s") % change.summary, 8000)

    def on_undo_failed(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("无法撤销"), message)
        box.setParent(self.window, box.windowFlags())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
