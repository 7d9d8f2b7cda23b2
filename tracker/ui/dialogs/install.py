"""Plugs the forms into the main window (listed in ``tracker.ui.extensions``).

- 编辑 ▸ 撤销：<last change> (Ctrl+Z), over the ChangeStack every form pushes to;
- 登记 ▸ 登记报送 (Ctrl+R), 免报, 延期, 记录催报; the same on the grid's toolbar and context
  menu; double-clicking a grid row or dropping files on it opens 登记报送 for that row;
- 工具 ▸ 设置; the 通知与报送事项 and 单位名录 sections become the editors.
Dialogs are imported inside the slots, so installing costs the window's first paint nothing.
Other extensions reach the undo stack as ``window.forms.stack`` (``push(change)`` for any
Change ``services.undo.undo`` can take back), once the workspace is open.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox


class FormsHub(QObject):
    """Owns the undo stack and the registration flow of one main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.stack: Any = None  # ChangeStack, once the workspace is open
        self.flow: Any = None  # RegisterFlow
        self.pages: dict[str, Any] = {}
        self.dialog: QDialog | None = None  # the last obligation/settings dialog opened
        self.register_action = self._action("登记报送…", self.open_register, "Ctrl+R")
        self.exempt_action = self._action("免报…", lambda: self.open_for_selection("exempt"))
        self.extend_action = self._action("延期…", lambda: self.open_for_selection("extend"))
        self.remind_action = self._action("记录催报…", lambda: self.open_for_selection("remind"))
        self.settings_action = self._action("设置…", self.open_settings)

    def _action(self, text: str, slot: Callable[[], object], keys: str = "") -> QAction:
        action = QAction(self.tr(text), self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _=False: slot())
        return action

    # -- installation --------------------------------------------------------------------
    def install(self) -> None:
        self._edit_menu_after_file()
        grid = self.window.ledger_page
        grid.add_action(self.register_action, needs_selection=False)
        for action in (self.exempt_action, self.extend_action, self.remind_action):
            grid.add_action(action)
        menu = self.window.menu(self.tr("登记"))
        for action in (self.register_action, self.exempt_action, self.extend_action):
            menu.addAction(action)
        menu.addAction(self.remind_action)
        self.window.menu(self.tr("工具")).addAction(self.settings_action)
        grid.obligationActivated.connect(self.open_register_for)
        grid.set_file_drop_handler(self.on_files_dropped)
        if self.ctx.is_ready:
            self.on_ready()
        else:
            self.ctx.ready.connect(self.on_ready)

    def _edit_menu_after_file(self) -> None:
        """编辑 goes right after 文件, where every Windows program has it."""
        bar = self.window.menuBar()
        edit = self.window.menu(self.tr("编辑")).menuAction()
        actions = bar.actions()
        file_menu = next((a for a in actions if a.text() == self.tr("文件")), None)
        if file_menu is None or file_menu is actions[-1]:
            return
        bar.removeAction(edit)
        bar.insertAction(actions[actions.index(file_menu) + 1], edit)

    def on_ready(self) -> None:
        from tracker.ui.dialogs.register_flow import RegisterFlow
        from tracker.ui.dialogs.undo_stack import ChangeStack
        from tracker.ui.notices.page import NoticesPage
        from tracker.ui.units.page import UnitsPage

        services = self.ctx.services
        self.stack = ChangeStack(services, self)
        self.stack.failed.connect(self.on_undo_failed)
        self.window.menu(self.tr("编辑")).addAction(self.stack.action)
        self.window.addAction(self.stack.action)
        self.flow = RegisterFlow(services, self.stack, self.window)
        self.pages = {"notices": NoticesPage(services), "units": UnitsPage(services)}
        for key, page in self.pages.items():
            self.window.set_section_widget(key, page)
        self.ctx.changes.changed.connect(self.on_workspace_changed)

    def on_workspace_changed(self, what: str) -> None:
        if what in ("notices", "units", "calendar"):
            self.pages["notices"].refresh()
        if what == "units":
            self.pages["units"].refresh()

    # -- registration --------------------------------------------------------------------
    def open_register(self) -> None:
        rows = self.window.ledger_page.selected_rows() if self._grid_shown() else []
        self._start_register(rows[0] if len(rows) == 1 else None)

    def open_register_for(self, obligation_id: int) -> None:
        self._start_register(self.ctx.services.ledger.row(obligation_id))

    def on_files_dropped(self, obligation_id: int, paths: list[Path]) -> None:
        self._start_register(self.ctx.services.ledger.row(obligation_id), tuple(paths))

    def _start_register(self, row: Any, files: tuple[Path, ...] = ()) -> None:
        from tracker.ui.dialogs.register import RegisterPreset

        if self.flow is None:
            return
        preset = RegisterPreset(files=files)
        if row is not None:
            preset = RegisterPreset(row.unit_id, row.requirement_id, files=files)
        self.flow.start(preset)

    def _grid_shown(self) -> bool:
        return bool(self.window.current_section() == "ledger")

    # -- obligations selected in the grid ------------------------------------------------
    def open_for_selection(self, kind: str) -> None:
        from tracker.ui.dialogs.obligation_actions import ExemptDialog, ExtendDialog, RemindDialog

        ids = self.window.ledger_page.selected_obligation_ids()
        if self.stack is None or not ids:
            return
        cls = {"exempt": ExemptDialog, "extend": ExtendDialog, "remind": RemindDialog}[kind]
        dialog = cls(self.ctx.services, ids, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.stack.push)
        self.dialog = dialog
        dialog.open()

    def open_settings(self) -> None:
        from tracker.ui.settings.dialog import SettingsDialog

        if self.stack is None:
            return
        dialog = SettingsDialog(self.ctx.services, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def on_undo_failed(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("无法撤销"), message)
        box.setParent(self.window, box.windowFlags())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def install(window: Any) -> FormsHub:
    hub = FormsHub(window)
    hub.install()
    window.forms = hub  # a handle for tests and for other extensions
    return hub
