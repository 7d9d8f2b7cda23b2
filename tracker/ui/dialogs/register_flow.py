"""Registering one submission after another: each save opens a fresh dialog for the next unit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from tracker.domain.records import Change
from tracker.ui.dialogs.register import RegisterDialog, RegisterPreset
from tracker.ui.dialogs.undo_stack import ChangeStack

if TYPE_CHECKING:
    from tracker.ui.context import AppContext


class RegisterFlow(QObject):
    """Opens 登记报送 dialogs (window-modal, never blocking) and pushes each save for Ctrl+Z."""

    dialog_opened = Signal(object)  # the RegisterDialog now showing

    def __init__(self, ctx: AppContext, stack: ChangeStack, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.stack = stack
        self.window = window
        self.current: RegisterDialog | None = None

    def start(
        self, preset: RegisterPreset | None = None, saved: Change | None = None
    ) -> RegisterDialog:
        """Open a dialog; ``saved`` is the change just made, shown so the clerk sees it took.
        While one is open, that one is brought forward instead: one dialog, one registration."""
        if self.current is not None and self.current.isVisible():
            self.current.raise_()
            self.current.activateWindow()
            return self.current
        dialog = RegisterDialog(self.ctx.services, preset, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.addAction(self.stack.action)  # Ctrl+Z works while the dialog has focus
        dialog.saved.connect(self.stack.push)
        dialog.finished.connect(lambda result: self._on_finished(dialog, result))
        if saved is not None:
            note = self.tr("已保存：{0}（Ctrl+Z 可撤销）").format(saved.summary)
            dialog.ui.previous.show_message(note)
        self.current = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _on_finished(self, dialog: RegisterDialog, result: int) -> None:
        if self.current is dialog:
            self.current = None
        if result == QDialog.DialogCode.Accepted and dialog.next_requested:
            self.start(dialog.next_preset(), dialog.last_change)
